"""The public directory and shop pages: filters, pagination, what a shop shows, and bounded queries."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import (
    BrandFactory,
    ProducerFactory,
    ProductClassFactory,
    ProductFactory,
    RegionFactory,
    home_pages,
    png_bytes,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages():
    home_pages()


def names(response):
    return [producer.name for producer in response.context["producers"]]


def test_filter_by_province_and_craft(client):
    ardabil, fars = RegionFactory(slug="ardabil"), RegionFactory(slug="fars")
    kilim, honey = ProductClassFactory(slug="kilim"), ProductClassFactory(slug="honey")
    a = ProducerFactory(name_en="A", region=ardabil)
    a.crafts.set([kilim])
    b = ProducerFactory(name_en="B", region=ardabil)
    b.crafts.set([honey])
    c = ProducerFactory(name_en="C", region=fars)
    c.crafts.set([kilim, honey])
    ProducerFactory(name_en="Gone", region=ardabil, is_active=False)

    assert names(client.get("/en/producers/")) == ["A", "B", "C"]
    assert names(client.get("/en/producers/?region=ardabil")) == ["A", "B"]
    assert names(client.get("/en/producers/?craft=kilim")) == ["A", "C"]
    assert names(client.get("/en/producers/?region=fars&craft=honey")) == ["C"]
    assert names(client.get("/en/producers/?region=nowhere")) == ["A", "B", "C"]  # unknown filters are ignored


def test_pagination_keeps_the_filters(client):
    ardabil = RegionFactory(slug="ardabil")
    for number in range(30):
        ProducerFactory(name_en=f"Weaver {number:02d}", region=ardabil)
    ProducerFactory(name_en="Elsewhere")
    first = client.get("/en/producers/?region=ardabil")
    assert len(first.context["producers"]) == 24
    assert "region=ardabil&amp;page=2" in first.content.decode()
    second = client.get("/en/producers/?region=ardabil&page=2")
    assert len(second.context["producers"]) == 6


def test_the_directory_counts_only_certified_products(client):
    producer = ProducerFactory(name_en="Counted")
    ProductFactory(producer=producer)
    ProductFactory(producer=producer, certified=False)
    ProductFactory(producer=producer, is_public=False)
    response = client.get("/en/producers/")
    assert response.context["producers"][0].product_count == 1


def test_a_shop_page(client):
    region = RegionFactory(name_en="Ardabil")
    craft = ProductClassFactory(name_en="Kilim")
    producer = ProducerFactory(name_en="Namin Kilim", story_en="Three sisters weave kilims.", region=region)
    producer.crafts.set([craft])
    brand = BrandFactory(producer=producer, name_en="Namin Sisters", description_en="Plant-dyed wool")
    brand.logo.save("namin.png", ContentFile(png_bytes()))
    listed = ProductFactory(producer=producer, title_en="Listed kilim")
    ProductFactory(producer=producer, title_en="Uncertified kilim", certified=False)
    page = client.get(f"/en/producers/{producer.slug}/")
    html = page.content.decode()
    for text in ("Namin Kilim", "Namin Sisters", "Three sisters weave kilims.", "Ardabil", "Kilim", "Listed kilim"):
        assert text in html
    assert "Uncertified kilim" not in html
    assert 'class="img-fluid mb-3 producer-logo"' in html
    assert list(page.context["products"]) == [listed]


def test_an_inactive_producer_has_no_shop(client):
    producer = ProducerFactory(is_active=False)
    assert client.get(f"/en/producers/{producer.slug}/").status_code == 404


# --- Query counts: independent of how many producers and products there are -----------------------


def grow_directory(total, region, crafts):
    from producers.models import Producer

    while Producer.objects.count() < total:
        producer = ProducerFactory(region=region)
        producer.crafts.set(crafts)
        producer.logo.save(f"{producer.slug}.png", ContentFile(png_bytes()))
        ProductFactory(producer=producer)


@pytest.mark.parametrize("url", ["/en/producers/", "/fa/producers/?region=ardabil&craft=kilim"])
def test_the_directory_does_not_grow_with_producers(client, url):
    region = RegionFactory(slug="ardabil")
    crafts = [ProductClassFactory(slug="kilim"), ProductClassFactory(slug="honey")]
    grow_directory(3, region, crafts)
    few = queries_for(client, url)
    grow_directory(30, region, crafts)
    many = queries_for(client, url)
    print(f"{url}: {few} queries with 3 producers, {many} with 30")
    assert many == few
    assert many <= 9


def test_a_shop_page_does_not_grow_with_products_or_network(client):
    from producers.models import Producer
    from tests.producers.factories import accept_into_network

    lead = ProducerFactory(kind=Producer.Kind.LEAD, slug="lead")
    lead.crafts.set([ProductClassFactory(), ProductClassFactory()])
    lead.logo.save("lead.png", ContentFile(png_bytes()))
    BrandFactory(producer=lead)

    def grow(total):
        while lead.products.count() < total:
            ProductFactory(producer=lead, image=True)
            accept_into_network(lead, ProducerFactory())

    grow(3)
    few = queries_for(client, "/en/producers/lead/")
    grow(30)
    many = queries_for(client, "/en/producers/lead/")
    print(f"shop page: {few} queries with 3 products and members, {many} with 30")
    assert many == few
    assert many <= 20
