"""Content pages: each page type exists in Persian and English, renders in its language's direction,
and reads the catalogue live."""

import pytest
from django.core.exceptions import ValidationError

from cms.models import NewsIndexPage, RegionIndexPage, RegionPage, StoryIndexPage
from producers.models import Brand
from tests.cms.factories import article_page, index_page, region_page, story_page, translate
from tests.factories import BrandFactory, ProducerFactory, ProductFactory, RegionFactory, home_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def ardabil():
    return RegionFactory(slug="ardabil", name_fa="اردبیل", name_en="Ardabil")


def html_tag(response):
    text = response.content.decode()
    return text[text.index("<html") : text.index(">", text.index("<html")) + 1]


def test_every_page_type_renders_in_persian_rtl_and_english_ltr(client, ardabil):
    producer = ProducerFactory(region=ardabil)
    pages = [
        region_page(ardabil),
        story_page(producer),
        article_page("first-news"),
        index_page(RegionIndexPage),
        index_page(StoryIndexPage),
        index_page(NewsIndexPage),
    ]
    home, english_home = home_pages()
    for persian in [home, *pages]:
        english = english_home if persian == home else translate(persian, title=f"{persian.title} (en)")
        fa = client.get(persian.url)
        en = client.get(english.url)
        assert persian.url.startswith("/fa/") and english.url.startswith("/en/")
        assert fa.status_code == 200 and en.status_code == 200, persian.url
        assert 'lang="fa" dir="rtl"' in html_tag(fa)
        assert 'lang="en" dir="ltr"' in html_tag(en)
        assert persian.title in fa.content.decode() and english.title in en.content.decode()


def test_a_region_page_shows_the_province_as_the_catalogue_knows_it_now(client, ardabil):
    producer = ProducerFactory(region=ardabil, name_en="Sabalan Weavers")
    BrandFactory(kind=Brand.Kind.COLLECTIVE, producer=None, region=ardabil, name_en="Ardabil Carpet")
    BrandFactory(producer=producer, name_en="A producer's own brand")
    listed = ProductFactory(producer=producer, title_en="Sabalan honey")
    ProductFactory(producer=producer, title_en="Uncertified rug", certified=False)
    ProductFactory(title_en="Honey from elsewhere")
    page = translate(region_page(ardabil), advantages="<p>Sheep, bees and looms</p>")

    text = client.get(page.url).content.decode()

    assert "Sheep, bees and looms" in text
    assert "Ardabil Carpet" in text and "A producer&#x27;s own brand" not in text
    assert "Sabalan Weavers" in text and producer.get_absolute_url().replace("/fa/", "/en/") in text
    assert listed.title_en in text
    assert "Uncertified rug" not in text and "Honey from elsewhere" not in text

    producer.is_active = False
    producer.save()
    text = client.get(page.url).content.decode()
    assert "Sabalan Weavers" not in text and listed.title_en not in text


def test_a_province_has_one_page_per_language(ardabil):
    persian = region_page(ardabil)
    twin = RegionPage(title="again", slug="again", region=ardabil, locale=persian.locale)
    with pytest.raises(ValidationError) as error:
        twin.clean()
    assert "region" in error.value.message_dict
    translate(persian)  # the English page of the same province is fine
    assert RegionPage.objects.filter(region=ardabil).count() == 2


def test_plain_text_fields_are_escaped(client, ardabil):
    page = region_page(ardabil, intro="<script>alert(1)</script>")
    text = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)" in text


def test_a_story_shows_its_producers_listable_products(client, ardabil):
    producer = ProducerFactory(region=ardabil, name_fa="گل‌بی‌بی")
    listed = ProductFactory(producer=producer, title_fa="سوزن‌دوزی")
    ProductFactory(producer=producer, title_fa="بدون گواهی", certified=False)
    page = story_page(producer, title="داستان گل‌بی‌بی")
    text = client.get(page.url).content.decode()
    assert listed.title_fa in text and "بدون گواهی" not in text
    assert producer.get_absolute_url() in text


def test_news_lists_articles_of_its_language_newest_first(client):
    from datetime import date

    old = article_page("old", title="خبر قدیمی", date=date(2026, 1, 1))
    new = article_page("new", title="خبر تازه", date=date(2026, 6, 1))
    translate(new, title="Fresh news")
    persian_index = index_page(NewsIndexPage)
    text = client.get(persian_index.url).content.decode()
    assert text.index(new.title) < text.index(old.title)
    assert "Fresh news" not in text
    english_text = client.get(index_page(NewsIndexPage, "en").url).content.decode()
    assert "Fresh news" in english_text and old.title not in english_text


def test_pages_carry_meta_for_search_engines_and_link_previews(client, ardabil):
    page = region_page(ardabil, intro="Honey and carpets of Ardabil", search_description="")
    text = client.get(page.url).content.decode()
    assert '<meta name="description" content="Honey and carpets of Ardabil">' in text
    assert '<meta property="og:title" content="اردبیل">' in text
    assert 'property="og:url" content="http' in text
