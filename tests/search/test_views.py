"""The pages: one results template for catalogue, category and search; the header's suggestions."""

import re

import pytest
from django.conf import settings

from tests.factories import ProductFactory, category, home_pages

from .conftest import rebuild_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    home_pages()
    carpets = category("Carpets", "فرش")
    products = [
        ProductFactory(title_en="Silk carpet", title_fa="فرش ابریشمی", categories=[carpets]),
        ProductFactory(title_en="Wool carpet", title_fa="فرش پشمی", categories=[carpets], lead_time_days=30),
        ProductFactory(title_en="Thyme honey", title_fa="عسل آویشن", categories=[category("Honey", "عسل")]),
    ]
    rebuild_index()
    return carpets, products


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_catalogue_category_and_search_share_the_results_page(client, shop, lang):
    carpets, products = shop
    for url in (
        f"/{lang}/catalogue/",
        f"/{lang}/catalogue/category/{carpets.slug}_{carpets.pk}/",
        f"/{lang}/search/?q=carpet",
    ):
        html = client.get(url).content.decode()
        assert 'class="search-facets"' in html, url
        assert 'id="id_sort_by"' in html, url
        assert f'dir="{"rtl" if lang == "fa" else "ltr"}"' in html
    html = client.get(f"/{lang}/search/?q=carpet").content.decode()
    assert products[0].title in html and products[1].title in html and products[2].title not in html


def test_facet_links_are_bookmarkable_get_urls(client, shop):
    carpets, products = shop
    html = client.get("/en/search/?q=carpet").content.decode()
    links = set(re.findall(r'href="(\?[^"]+)"', html))
    assert "?q=carpet&amp;availability=made_to_order" in links
    response = client.get("/en/search/?q=carpet&availability=made_to_order")
    assert response.context["result"].total == 1
    assert "Wool carpet" in response.content.decode()
    # The sort form carries the words and choices along.
    html = client.get(f"/en/search/?q=carpet&category={carpets.pk}").content.decode()
    assert f'name="category" value="{carpets.pk}"' in html and 'name="q" value="carpet"' in html


def test_an_unknown_category_is_a_404_and_a_wrong_slug_redirects(client, shop):
    carpets, _products = shop
    assert client.get("/en/catalogue/category/nothing_99999/").status_code == 404
    response = client.get(f"/en/catalogue/category/wrong_{carpets.pk}/")
    assert response.status_code == 301


def test_the_header_search_box_is_an_accessible_combobox(client, shop):
    html = client.get("/fa/catalogue/").content.decode()
    assert 'role="combobox"' in html and 'aria-controls="search-suggestions"' in html
    assert 'data-suggest-url="/fa/search/suggest/"' in html
    assert 'role="listbox"' in html
    assert "js/search-suggest.js" in html


def test_the_suggest_script_is_local_and_plain():
    script = (settings.BASE_DIR / "static" / "js" / "search-suggest.js").read_text()
    assert "http://" not in script and "https://" not in script  # no CDN
    assert "aria-activedescendant" in script and "ArrowDown" in script and "Escape" in script
    assert "setTimeout" in script  # debounced


@pytest.mark.parametrize(
    ("lang", "typed", "product_label"),
    [("en", "thy", "Thyme honey"), ("fa", "عسل", "عسل آویشن"), ("fa", "آويش", "عسل آویشن")],
)
def test_suggestions_in_either_language(client, shop, lang, typed, product_label):
    data = client.get(f"/{lang}/search/suggest/", {"q": typed}).json()
    products = next(group for group in data["groups"] if group["kind"] == "product")
    assert products["items"][0]["label"] == product_label
    assert products["items"][0]["url"].startswith(f"/{lang}/catalogue/")


def test_suggestions_name_producers_regions_and_crafts(client, shop):
    _carpets, products = shop
    producer = products[0].producer
    region = producer.region
    data = client.get("/en/search/suggest/", {"q": producer.name_en[:6]}).json()
    kinds = {group["kind"]: group for group in data["groups"]}
    assert producer.name_en in [item["label"] for item in kinds["producer"]["items"]]
    data = client.get("/fa/search/suggest/", {"q": region.name_fa}).json()
    regions = next(group for group in data["groups"] if group["kind"] == "region")
    assert regions["items"][0] == {"label": region.name_fa, "url": f"/fa/search/?region={region.slug}"}
    data = client.get("/en/search/suggest/", {"q": "carp"}).json()
    crafts = next(group for group in data["groups"] if group["kind"] == "craft")
    assert crafts["items"][0]["label"] == "Carpets"
    assert client.get(crafts["items"][0]["url"]).status_code == 200


def test_suggestions_are_limited_and_need_two_characters(client, shop, settings):
    settings.SEARCH_SUGGEST_LIMIT = 1
    data = client.get("/en/search/suggest/", {"q": "carpet"}).json()
    assert all(len(group["items"]) <= 1 for group in data["groups"])
    assert client.get("/en/search/suggest/", {"q": "c"}).json()["groups"] == []
