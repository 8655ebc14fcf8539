"""/sitemap.xml: every public page in both languages; products only while they are listable."""

import re
from urllib.parse import quote, unquote

import pytest

from producers.models import Producer
from quality.models import Certificate
from tests.factories import ProductFactory, category, home_pages
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))


def paths(client):
    return {unquote(re.sub(r"^https?://[^/]+", "", location)) for location in locations(client)}


@pytest.fixture
def shop():
    home_pages()
    carpets = category("Carpets", "فرش")
    listed = ProductFactory(title_en="Listed rug", categories=[carpets])
    revoked = ProductFactory(title_en="Revoked rug", categories=[carpets])
    Certificate.objects.filter(product=revoked).update(status=Certificate.Status.REVOKED)
    return carpets, listed, revoked


def test_listable_products_are_listed_in_both_languages_and_others_never(client, shop):
    carpets, listed, revoked = shop
    found = paths(client)
    assert f"/fa/catalogue/{listed.slug}_{listed.pk}/" in found
    assert f"/en/catalogue/{listed.slug}_{listed.pk}/" in found
    assert not any(f"_{revoked.pk}/" in path and "/catalogue/" in path and "category" not in path for path in found)


def test_pages_categories_and_active_producers_are_listed(client, shop):
    carpets, listed, _revoked = shop
    found = paths(client)
    assert {"/fa/", "/en/"} <= found  # the home page of each locale
    assert any(path.startswith("/fa/catalogue/category/") for path in found)
    assert f"/en/producers/{listed.producer.slug}/" in found
    Producer.objects.filter(pk=listed.producer_id).update(is_active=False)
    assert f"/en/producers/{listed.producer.slug}/" not in paths(client)


def test_alternate_language_links_are_given(client, shop):
    _carpets, listed, _revoked = shop
    body = client.get("/sitemap.xml").content.decode()
    assert f'hreflang="en" href="http://localhost/en/catalogue/{quote(listed.slug)}_{listed.pk}/"' in body


def test_the_sitemap_costs_the_same_queries_for_2_or_20_products(client, shop):
    carpets, _listed, _revoked = shop
    few = queries_for(client, "/sitemap.xml")
    for number in range(18):
        ProductFactory(title_en=f"Rug {number}", categories=[carpets])
    assert queries_for(client, "/sitemap.xml") == few


def test_running_campaigns_are_listed_and_others_never(client, shop):
    from shop.preorders.models import Campaign
    from tests.preorders.factories import CampaignFactory

    _carpets, listed, _revoked = shop
    running = CampaignFactory(product=listed)
    proposed = CampaignFactory(product=listed, state=Campaign.State.PROPOSED)
    found = paths(client)
    assert {f"/fa/campaigns/{running.pk}/", f"/en/campaigns/{running.pk}/", "/fa/campaigns/", "/en/campaigns/"} <= found
    assert f"/en/campaigns/{proposed.pk}/" not in found
