"""Content pages cost a bounded number of queries, whatever the number of products, producers or articles.

Each page is measured with a few rows and with many; the first request warms the caches a
live site keeps warm (image renditions, sorl-thumbnail's key-value store, the site root paths).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms.factories import article_page, index_page, products_block, region_page, set_home_body, story_page
from tests.factories import ProducerFactory, ProductFactory, RegionFactory, home_pages
from tests.preorders.factories import CampaignFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def region():
    home_pages()
    return RegionFactory(slug="ardabil")


def grow(region, producers, products_each=2):
    """`producers` producers in the region, each with listable products (and one story page each)."""
    made = []
    for _ in range(producers):
        producer = ProducerFactory(region=region)
        story_page(producer)
        made.append(producer)
        products = [ProductFactory(producer=producer, image=True) for _ in range(products_each)]
        if products:
            CampaignFactory(product=products[0])  # a running pre-order campaign for each producer
    return made


def home_body(region, producers):
    from catalogue.models import Product

    products = list(Product.objects.all())
    return [
        products_block(products),
        {"type": "featured_regions", "value": {"heading": "", "regions": [region.pk]}},
        {"type": "featured_producers", "value": {"heading": "", "producers": [p.pk for p in producers]}},
        {"type": "news", "value": {"heading": "", "count": 12}},
        {"type": "campaigns", "value": {"heading": "", "count": 12}},
    ]


def test_the_home_page_does_not_grow_with_its_featured_rows(client, region):
    region_page(region)
    producers = grow(region, 2)
    for day in range(2):
        article_page(f"a{day}")
    set_home_body(home_body(region, producers))
    small = queries_for(client, "/fa/")

    producers += grow(region, 6)
    for day in range(2, 10):
        article_page(f"a{day}")
    set_home_body(home_body(region, producers))
    large = queries_for(client, "/fa/")

    assert large == small, f"home: {small} queries with 4 products and 2 campaigns, {large} with 16 and 8"
    assert large <= 29  # each block type loads its rows in one query (campaigns: two, with their images)


@pytest.mark.parametrize("bound", [25])
def test_a_region_page_does_not_grow_with_the_province(client, region, bound):
    page = region_page(region)
    grow(region, 2)
    small = queries_for(client, page.url)
    grow(region, 6)
    large = queries_for(client, page.url)
    assert large == small, f"region page: {small} queries with 2 producers, {large} with 8"
    assert large <= bound


def test_a_story_page_does_not_grow_with_the_producers_products(client, region):
    producer = ProducerFactory(region=region)
    page = story_page(producer)
    for _ in range(2):
        ProductFactory(producer=producer, image=True)
    small = queries_for(client, page.url)
    for _ in range(6):
        ProductFactory(producer=producer, image=True)
    large = queries_for(client, page.url)
    assert large == small and large <= 21


def test_index_pages_do_not_grow_with_their_children(client, region):
    from cms.models import NewsIndexPage, RegionIndexPage, StoryIndexPage

    grow(region, 2, products_each=0)
    region_page(region)
    for number in range(2):
        article_page(f"n{number}")
    urls = [index_page(model).url for model in (RegionIndexPage, StoryIndexPage, NewsIndexPage)]
    small = [queries_for(client, url) for url in urls]
    grow(region, 6, products_each=0)
    for _other in range(5):
        region_page(RegionFactory())
    for number in range(2, 9):
        article_page(f"n{number}")
    large = [queries_for(client, url) for url in urls]
    assert large == small
    assert max(large) <= 14
