"""The demo's content (shop.demo.cms_pages): province pages, stories and news in both languages,
the home page's featured sections, the editorial workflow; loading again adds nothing."""

import io

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from catalogue.models import Product
from cms.models import ArticlePage, HomePage, NewsIndexPage, RegionIndexPage, RegionPage, StoryIndexPage, StoryPage
from shop.demo import certification, cms_pages
from tests.conftest import demo_market

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_market(django_db_blocker, tmp_path_factory):
        yield


def content_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, RegionIndexPage, RegionPage, StoryIndexPage, StoryPage, NewsIndexPage, ArticlePage)
    }


def test_six_province_pages_and_three_stories_in_each_language(demo):
    for code in ("fa", "en"):
        assert RegionPage.objects.live().filter(locale__language_code=code).count() == 6
        assert StoryPage.objects.live().filter(locale__language_code=code).count() == 3
        assert ArticlePage.objects.live().filter(locale__language_code=code).count() >= 2
    for persian in RegionPage.objects.filter(locale__language_code="fa"):
        english = RegionPage.objects.get(translation_key=persian.translation_key, locale__language_code="en")
        assert english.region_id == persian.region_id and english.title == persian.region.name_en
        assert persian.advantages and english.advantages and persian.image_id


def test_loading_again_adds_and_changes_nothing(demo):
    before = content_counts()
    home_revision = HomePage.objects.get(locale__language_code="fa").latest_revision_id
    cms_pages.load(io.StringIO())
    assert content_counts() == before
    assert HomePage.objects.get(locale__language_code="fa").latest_revision_id == home_revision


def test_the_public_pages_render_in_both_languages(demo, client):
    for page in Page.objects.live().filter(depth__gte=2).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_the_home_page_features_provinces_products_producers_and_news(demo, client):
    persian = client.get("/fa/").content.decode()
    english = client.get("/en/").content.decode()
    for text in (persian, english):
        for css in ("cms-featured-products", "cms-featured-regions", "cms-featured-producers", "cms-latest-news"):
            assert css in text, css
    suspended = Product.objects.get(upc=certification.SUSPENDED[0])
    assert not suspended.is_listable
    assert suspended.title_en not in english and suspended.get_absolute_url() not in persian
    assert RegionPage.objects.get(region__slug="ardabil", locale__language_code="en").url in english


def test_the_demo_editor_sees_the_suspended_product_and_submits_a_change(demo, client):
    assert client.login(username="editor@demo.example", password="demo-editor-1404")
    home = HomePage.objects.get(locale__language_code="fa")
    text = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    assert "data-off-market-products" in text

    page = RegionPage.objects.get(region__slug="fars", locale__language_code="en")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["intro"] = "Gabbeh country."
    data["action-submit"] = "1"
    assert client.post(url, data).status_code == 302
    assert WorkflowState.objects.filter(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()
