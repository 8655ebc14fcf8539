"""Every storefront page costs a bounded number of queries, whatever the number of products.

Each page is rendered once to warm the caches a live site keeps warm (sorl-thumbnail's
key-value store, Oscar's category tree), then measured with 5 and with 50 products.
"""

import pytest

from tests.factories import ProductFactory, category, home_pages
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def grow_catalogue_to(total, node):
    from catalogue.models import Product

    while Product.objects.count() < total:
        ProductFactory(categories=[node], image=True)


@pytest.fixture
def carpets():
    home_pages()
    return category("Carpets", "فرش")


@pytest.mark.parametrize(
    ("url", "bound"),
    [
        ("/fa/", 16),
        ("/en/catalogue/", 12),  # 10 statements + the request's savepoint and its release
        ("/fa/catalogue/category/{category}/", 13),
        ("/en/producers/", 9),  # + the filter choices (provinces, crafts) and each card's crafts
    ],
)
def test_list_pages_do_not_grow_with_the_catalogue(client, carpets, url, bound):
    url = url.format(category=f"{carpets.slug}_{carpets.pk}")
    grow_catalogue_to(5, carpets)
    small = queries_for(client, url)
    grow_catalogue_to(50, carpets)
    large = queries_for(client, url)
    assert large == small, f"{url}: {small} queries with 5 products, {large} with 50"
    assert large <= bound


def test_product_page_is_bounded(client, carpets):
    grow_catalogue_to(5, carpets)
    product = ProductFactory(categories=[carpets], image=True)
    small = queries_for(client, product.get_absolute_url())
    grow_catalogue_to(50, carpets)
    large = queries_for(client, product.get_absolute_url())
    assert large == small
    assert large <= 17
