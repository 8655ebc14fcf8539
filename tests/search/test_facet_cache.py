"""Facet counts are kept in the cache per search version: an order placed keeps them, a change of what
they count (a document's price, a category link) is counted at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import ProductCategory
from shop import caching
from shop.search.backends.database import DatabaseBackend
from shop.search.models import SearchDocument
from tests.factories import ProductFactory, category

from .conftest import rebuild_index, search

pytestmark = pytest.mark.django_db


def counts(result, facet_name):
    facet = next(facet for facet in result.facets if facet.name == facet_name)
    return {value.key: value.count for value in facet.values}


def queries_of_search(querystring):
    with CaptureQueriesContext(connection) as captured:
        search(querystring)
    return len(captured)


def test_an_order_placed_keeps_the_cached_counts_and_the_documents():
    product = ProductFactory(title_en="Allocated kilim", stock__num_in_stock=10)
    ProductFactory(title_en="Other kilim")
    rebuild_index()
    counted = queries_of_search("q=kilim")
    cached = queries_of_search("q=kilim")
    assert cached < counted  # the facet counts came from the cache
    indexed_at = SearchDocument.objects.get(pk=product.pk).updated_at
    version, pages, its_page = caching.search_version(), caching.catalogue_version(), caching.stock_version(product.pk)

    product.stockrecords.get().allocate(2)  # what placing an order does
    DatabaseBackend().update([product.pk])  # the index task that follows

    assert caching.search_version() == version
    assert caching.catalogue_version() == pages  # listings show the price and whether it can be bought: unchanged
    assert caching.stock_version(product.pk) != its_page  # its own page shows the stock left: rendered again
    assert SearchDocument.objects.get(pk=product.pk).updated_at == indexed_at  # not rewritten
    assert queries_of_search("q=kilim") == cached


def test_a_new_price_is_counted_at_once():
    product = ProductFactory(title_en="Priced kilim", stock__price="450000")
    rebuild_index()
    before = counts(search("q=priced"), "price")
    record = product.stockrecords.get()
    record.price = "9000000"
    record.save()
    DatabaseBackend().update([product.pk])
    after = counts(search("q=priced"), "price")
    assert after != before
    assert sum(after.values()) == 1


def test_a_new_category_link_is_counted_at_once():
    rugs = category("Rugs", "گلیم")
    product = ProductFactory(title_en="Linked kilim")
    rebuild_index()
    assert str(rugs.pk) not in counts(search("q=linked"), "category")
    ProductCategory.objects.create(product=product, category=rugs)  # as the dashboard's form saves it
    assert counts(search("q=linked"), "category").get(str(rugs.pk)) == 1
