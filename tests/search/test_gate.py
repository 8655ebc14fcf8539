"""The listing gate in search: an unlisted product is never indexed and never returned, by either backend."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db.models import F
from django.utils import timezone

from catalogue.models import Product
from producers.models import Producer
from quality.models import Certificate
from shop.search.backends.database import DatabaseBackend
from shop.search.backends.elasticsearch import ElasticsearchBackend, ProductDocument, UnlistedProduct
from shop.search.documents import CategoryTree, indexable
from shop.search.models import SearchDocument
from shop.search.query import SearchQuery
from tests.factories import ProductFactory, certify

from .conftest import rebuild_index, search

pytestmark = pytest.mark.django_db

WAYS_TO_BE_UNLISTED = ["revoked", "suspended", "expired", "not yet valid", "edited", "producer", "withdrawn"]


def make_unlisted(product, how):
    """Take a product off the market behind the index's back (queryset updates send no signals)."""
    certificates = Certificate.objects.filter(product=product)
    now = timezone.now()
    if how in ("revoked", "suspended"):
        certificates.update(status=how)
    elif how == "expired":
        certificates.update(valid_from=now - timedelta(days=400), valid_until=now - timedelta(seconds=1))
    elif how == "not yet valid":
        certificates.update(valid_from=now + timedelta(days=1), valid_until=now + timedelta(days=400))
    elif how == "edited":
        Product.objects.filter(pk=product.pk).update(content_version=F("content_version") + 1)
    elif how == "producer":
        Producer.objects.filter(pk=product.producer_id).update(is_active=False)
    elif how == "withdrawn":
        Product.objects.filter(pk=product.pk).update(is_public=False)


@pytest.fixture
def listed_and_unlisted():
    listed = ProductFactory(title_en="Saffron jar listed", title_fa="زعفران")
    others = {how: ProductFactory(title_en=f"Saffron jar {how}", title_fa="زعفران") for how in WAYS_TO_BE_UNLISTED}
    rebuild_index()
    assert SearchDocument.objects.count() == 1 + len(others)  # all listable when indexed
    for how, product in others.items():
        make_unlisted(product, how)
    return listed, others


def _region_total(result):
    return sum(value.count for facet in result.facets if facet.name == "region" for value in facet.values)


def test_the_database_backend_filters_a_stale_index(listed_and_unlisted, client):
    """The page's products pass the live gate; counts come from the documents, where expiry is a date
    compared at query time and every other change waits for its index task (signals; here skipped)."""
    listed, others = listed_and_unlisted
    querystrings = ("q=saffron", "q=زعفران", "q=jar", "", "q=safron")
    for querystring in querystrings:
        result = search(querystring)
        assert [product.pk for product in result.products] == [listed.pk], querystring
        assert result.total == 1 + len(others), querystring  # counted until reindexed
        assert _region_total(result) == 1 + len(others)
    DatabaseBackend().update([product.pk for product in others.values()])  # what the index tasks do
    for querystring in querystrings:
        result = search(querystring)
        assert [product.pk for product in result.products] == [listed.pk], querystring
        assert result.total == 1
        assert _region_total(result) == 1
    html = client.get("/en/search/", {"q": "saffron"}).content.decode()
    assert "Saffron jar listed" in html
    assert not any(f"Saffron jar {how}" in html for how in WAYS_TO_BE_UNLISTED)
    suggestions = client.get("/en/search/suggest/", {"q": "saffr"}).json()
    labels = [item["label"] for group in suggestions["groups"] for item in group["items"]]
    assert labels == ["Saffron jar listed"]


def test_updates_and_rebuilds_drop_unlisted_products(listed_and_unlisted):
    listed, others = listed_and_unlisted
    DatabaseBackend().update([product.pk for product in others.values()])
    assert list(SearchDocument.objects.values_list("product_id", flat=True)) == [listed.pk]
    rebuild_index()
    assert list(SearchDocument.objects.values_list("product_id", flat=True)) == [listed.pk]


def test_uncertified_products_are_never_indexed():
    uncertified = ProductFactory(certified=False, title_en="Uncertified rug")
    rebuild_index()
    assert not SearchDocument.objects.filter(product=uncertified).exists()
    assert search("q=rug").total == 0
    certify(uncertified)
    DatabaseBackend().update([uncertified.pk])
    assert search("q=rug").total == 1


def test_expiry_takes_effect_without_any_job(monkeypatch):
    product = ProductFactory(title_en="Expiring honey")
    ProductFactory(title_en="Lasting honey")
    Certificate.objects.filter(product=product).update(valid_until=timezone.now() + timedelta(seconds=60))
    rebuild_index()
    assert search("q=expiring").total == 1
    assert search("q=honey").total == 2
    later = timezone.now() + timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the clock moves on; nothing is reindexed
    assert search("q=expiring").total == 0
    result = search("q=honey")
    assert result.total == 1
    assert _region_total(result) == 1
    assert [p.title_en for p in result.products] == ["Lasting honey"]


# --- Elasticsearch ------------------------------------------------------------------------------------


def es_backend():
    return ElasticsearchBackend("http://127.0.0.1:9", "homemade-products", 1)


def test_every_elasticsearch_query_filters_on_a_certificate_in_force():
    gate = [{"range": {"certified_from": {"lte": "now"}}}, {"range": {"certified_until": {"gt": "now"}}}]
    for querystring in ("", "q=honey", "q=honey&region=ardabil&sort=price-asc", "availability=in_stock"):
        from django.http import QueryDict

        body = es_backend().build_search(SearchQuery.from_get(QueryDict(querystring))).to_dict()
        assert body["query"]["bool"]["filter"][:2] == gate, querystring


def test_the_elasticsearch_document_refuses_unlisted_products(listed_and_unlisted):
    listed, others = listed_and_unlisted
    tree = CategoryTree()
    window = (timezone.now(), timezone.now() + timedelta(days=1))
    ProductDocument.from_product(Product.objects.get(pk=listed.pk), tree, window)
    for product in others.values():
        with pytest.raises(UnlistedProduct):
            ProductDocument.from_product(Product.objects.get(pk=product.pk), tree, window)
    with pytest.raises(UnlistedProduct):
        ProductDocument.from_product(Product.objects.get(pk=listed.pk), tree, None)  # no certificate window


def test_elasticsearch_updates_index_listed_and_delete_unlisted(listed_and_unlisted, monkeypatch):
    listed, others = listed_and_unlisted
    sent = []
    backend = es_backend()
    backend._client = SimpleNamespace(indices=SimpleNamespace(exists_alias=lambda name: True))
    monkeypatch.setattr(
        "shop.search.backends.elasticsearch.helpers.bulk", lambda client, actions, **kw: sent.extend(actions)
    )
    backend.update([listed.pk, *(product.pk for product in others.values())])
    indexed = [action for action in sent if action.get("_op_type") != "delete"]
    deleted = {action["_id"] for action in sent if action.get("_op_type") == "delete"}
    assert [action["_id"] for action in indexed] == [listed.pk]
    assert deleted == {product.pk for product in others.values()}
    source = indexed[0]["_source"]
    assert source["certified_until"] > timezone.now()


def test_indexable_is_the_gate():
    listed = ProductFactory()
    ProductFactory(certified=False)
    assert [product.pk for product in indexable()] == [listed.pk]


def test_cached_facet_counts_follow_catalogue_changes():
    """Counts are kept per catalogue version: a revocation (its index task) is counted at once."""
    kept = ProductFactory(title_en="Cached counts rug")
    gone = ProductFactory(title_en="Cached counts rug two")
    rebuild_index()
    assert search("q=cached").total == 2
    assert search("q=cached").total == 2  # from the cache
    certificate = Certificate.objects.get(product=gone)
    certificate.status = Certificate.Status.REVOKED
    certificate.save()
    DatabaseBackend().update([gone.pk])  # what its index task does after commit
    result = search("q=cached")
    assert result.total == 1
    assert [product.pk for product in result.products] == [kept.pk]
