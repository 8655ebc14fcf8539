"""Producer- and editor-written HTML is sanitized on save (shop/sanitize.py) and rendered safely."""

import pytest

from catalogue.models import Product
from shop.sanitize import clean_html
from tests.factories import ProductFactory, home_pages

HOSTILE = (
    "<p>Hand-woven <b>wool</b></p><script>window.pwned = 1</script>"
    '<img src=x onerror="window.pwned = 1"><a href="javascript:window.pwned=1">click</a>'
    '<a href="JaVaScRiPt&#58;alert(1)">again</a><iframe src="https://evil.example"></iframe>'
    '<svg onload="window.pwned=1"></svg><a href="https://example.com/" onclick="x()">safe link</a>'
)


def assert_harmless(html):
    lowered = html.lower()
    for needle in ("<script", "onerror", "onload", "onclick", "javascript", "<iframe", "<svg", "<img", "pwned"):
        assert needle not in lowered, needle


def test_clean_html_keeps_formatting_and_safe_links_and_drops_what_runs():
    cleaned = clean_html(HOSTILE)
    assert_harmless(cleaned)
    assert "<p>Hand-woven <b>wool</b></p>" in cleaned
    assert 'href="https://example.com/"' in cleaned
    assert "click" in cleaned and "safe link" in cleaned


def test_clean_html_leaves_empty_values_alone():
    assert clean_html("") == ""
    assert clean_html(None) is None


@pytest.mark.django_db
def test_product_descriptions_are_sanitized_on_save_in_both_languages(client):
    product = ProductFactory(description_fa=HOSTILE, description_en=HOSTILE)
    stored = Product.objects.filter(pk=product.pk).values("description", "description_fa", "description_en").get()
    for value in stored.values():
        if value:
            assert_harmless(value)
    assert "<b>wool</b>" in stored["description_en"]

    product.description_en = '<p>Edited</p><img src=x onerror="alert(1)">'
    product.save()
    product.refresh_from_db()
    assert product.description_en == "<p>Edited</p>"


@pytest.mark.django_db
def test_the_public_product_page_shows_the_text_and_no_markup_that_runs(client):
    product = ProductFactory(description_en=HOSTILE)
    response = client.get(f"/en{product.get_absolute_url()[3:]}")
    assert response.status_code == 200
    html = response.content.decode()
    description = html.split('class="product-description"', 1)[1].split("</div>", 1)[0]
    assert "Hand-woven" in description
    assert_harmless(description)


@pytest.mark.django_db
def test_wagtail_rich_text_fields_and_stream_blocks_are_sanitized_on_save():
    from cms.models import ArticlePage, NewsIndexPage

    persian, _english = home_pages()
    news = persian.add_child(instance=NewsIndexPage(title="news", slug="news", intro=HOSTILE))
    article = news.add_child(
        instance=ArticlePage(
            title="article",
            slug="article",
            body=[("text", HOSTILE), ("quote", {"quote": "q", "attribution": "a"})],
        )
    )
    news.refresh_from_db()
    article.refresh_from_db()
    assert_harmless(news.intro)
    assert "<b>wool</b>" in news.intro
    text = article.body[0].value.source
    assert_harmless(text)
    assert "<b>wool</b>" in text


def test_wagtail_internal_links_survive_cleaning():
    source = (
        '<p data-block-key="k1"><a linktype="page" id="3">home</a></p>'
        '<embed embedtype="image" id="7" format="left" alt="x"/>'
    )
    cleaned = clean_html(source, wagtail=True)
    assert '<p data-block-key="k1">' in cleaned
    assert '<a linktype="page" id="3">home</a>' in cleaned
    assert 'embedtype="image"' in cleaned and 'id="7"' in cleaned
