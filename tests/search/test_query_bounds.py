"""Results pages cost a fixed number of queries: no query per hit, whatever the catalogue's size.

On SQLite a results page is: the text match (plus the trigram match for a typo), one UNION ALL
query for every facet's counts and the total, the page's ids (for text sorted by relevance: every
id the gate and the filters allow), the page's products with Oscar's prefetches, and the
navigation's category tree. On PostgreSQL each text match adds a savepoint (two statements) and the typo match
sets its similarity threshold (one more).
"""

import pytest
from django.db import connection

from catalogue.models import Product
from tests.factories import ProductFactory, category, home_pages
from tests.queries import queries_for

from .conftest import rebuild_index

pytestmark = pytest.mark.django_db


def grow_to(total, node):
    while Product.objects.count() < total:
        ProductFactory(categories=[node], image=True, title_en=f"Woven product {Product.objects.count()}")
    rebuild_index()


@pytest.fixture
def carpets():
    home_pages()
    return category("Carpets", "فرش")


URLS = [
    ("/en/catalogue/", 12),
    ("/fa/catalogue/category/{category}/", 13),
    ("/en/catalogue/?region={region}&availability=in_stock&price=0-1000000&sort=price-asc", 13),
    ("/en/search/?q=woven", 13),
    ("/fa/search/?q=product&region={region}&category={category_id}&sort=newest", 14),
    ("/en/search/?q=wovem", 14),  # a typo: the trigram route
    ("/en/search/?q=nothing-like-it", 5),
    ("/en/search/suggest/?q=wov", 4),
]


@pytest.mark.parametrize(("url", "bound"), URLS)
def test_results_pages_do_not_grow_with_the_hits(client, carpets, url, bound):
    grow_to(5, carpets)
    region = Product.objects.first().producer.region.slug
    url = url.format(category=f"{carpets.slug}_{carpets.pk}", category_id=carpets.pk, region=region)
    small = queries_for(client, url)
    grow_to(40, carpets)
    large = queries_for(client, url)
    assert large == small, f"{url}: {small} queries with 5 products, {large} with 40"
    if connection.vendor == "postgresql" and "q=" in url:
        bound += 5 if "wovem" in url else 2
    assert large <= bound, f"{url}: {large} queries"
