"""Home page blocks: each renders, and what they show follows the catalogue (the listing gate) at once."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from quality import workflow
from tests.cms.factories import article_page, products_block, region_page, set_home_body, story_page, translate
from tests.factories import BrandFactory, ProducerFactory, ProductFactory, RegionFactory, home_pages
from tests.preorders.factories import CampaignFactory
from tests.producers.factories import officer_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def homes():
    return home_pages()


def home(client, code="fa"):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    return response.content.decode()


def section(text, css_class):
    """The HTML of the first <section> with `css_class`."""
    start = text.index(f'class="cms-section {css_class}"')
    return text[start : text.index("</section>", start)]


def test_every_home_block_renders(client):
    region = RegionFactory(name_fa="فارس")
    producer = ProducerFactory(region=region, name_fa="گبه فیروزآباد")
    product = ProductFactory(producer=producer, title_fa="گبه کوچک")
    brand = BrandFactory(producer=producer, name_fa="برند گبه")
    article_page("news-1", title="خبر نخست")
    image = Image.objects.create(title="hero", file=get_test_image_file())
    set_home_body(
        [
            {
                "type": "hero",
                "value": {
                    "heading": "سرآغاز",
                    "text": "متن",
                    "image": image.pk,
                    "link_text": "",
                    "link_url": "/fa/catalogue/",
                },
            },
            {"type": "text", "value": "<p>پاراگراف آزاد</p>"},
            {"type": "featured_regions", "value": {"heading": "استان‌ها", "regions": [region.pk]}},
            products_block([product], heading="برگزیده‌ها"),
            {"type": "featured_producers", "value": {"heading": "تولیدکنندگان", "producers": [producer.pk]}},
            {"type": "featured_brands", "value": {"heading": "برندها", "brands": [brand.pk]}},
            {"type": "news", "value": {"heading": "تازه‌ها", "count": 3}},
            {"type": "campaigns", "value": {"heading": "پیش‌خرید", "count": 3}},
        ]
    )
    CampaignFactory(product=ProductFactory(producer=producer, title_fa="گلیم سفارشی"))
    text = home(client)
    for expected in [
        "سرآغاز",
        "پاراگراف آزاد",
        "فارس",
        "گبه کوچک",
        "گبه فیروزآباد",
        "برند گبه",
        "خبر نخست",
        "گلیم سفارشی",
    ]:
        assert expected in text, expected
    assert "/media/images/" in text  # the hero is a Wagtail rendition, not the original upload


def test_a_revoked_certificate_drops_the_product_from_the_home_and_region_pages_at_once(client):
    region = RegionFactory()
    producer = ProducerFactory(region=region)
    kept = ProductFactory(producer=producer, title_fa="عسل ماندگار")
    revoked = ProductFactory(producer=producer, title_fa="عسل لغوشده")
    set_home_body([products_block([revoked, kept])])
    page = region_page(region)
    assert "عسل لغوشده" in section(home(client), "cms-featured-products")
    assert "عسل لغوشده" in client.get(page.url).content.decode()

    workflow.revoke(revoked.current_certificate, officer_user(), "Mixed with another plant.")

    featured = section(home(client), "cms-featured-products")
    assert "عسل لغوشده" not in featured and "عسل ماندگار" in featured
    region_text = client.get(page.url).content.decode()
    assert "عسل لغوشده" not in region_text and "عسل ماندگار" in region_text


def test_a_block_whose_products_are_all_off_the_market_disappears(client):
    product = ProductFactory(certified=False, title_fa="در انتظار گواهی")
    set_home_body([products_block([product], heading="سرفصل برگزیده")])
    text = home(client)
    assert "cms-featured-products" not in text and "سرفصل برگزیده" not in text


def test_a_withdrawn_or_deleted_product_is_left_out_without_an_error(client):
    withdrawn = ProductFactory(title_fa="کنار گذاشته")
    kept = ProductFactory(title_fa="بر جا")
    missing_pk = kept.pk + 1000  # a product deleted since it was chosen
    set_home_body(
        [{"type": "featured_products", "value": {"heading": "", "products": [withdrawn.pk, missing_pk, kept.pk]}}]
    )
    withdrawn.is_public = False
    withdrawn.save()
    featured = section(home(client), "cms-featured-products")
    assert "بر جا" in featured and "کنار گذاشته" not in featured


def test_featured_producers_leave_out_inactive_ones_and_link_their_story(client):
    active = ProducerFactory(name_fa="فعال")
    inactive = ProducerFactory(name_fa="غیرفعال", is_active=False)
    story = story_page(active)
    set_home_body([{"type": "featured_producers", "value": {"heading": "", "producers": [inactive.pk, active.pk]}}])
    featured = section(home(client), "cms-featured-producers")
    assert "فعال" in featured and "غیرفعال" not in featured
    assert story.url in featured


def test_featured_provinces_link_to_the_province_page_of_the_pages_language(client):
    with_page = RegionFactory(name_fa="اردبیل", name_en="Ardabil")
    without_page = RegionFactory(name_fa="کرمان", name_en="Kerman")
    persian_page = region_page(with_page)
    english_page = translate(persian_page, title="Ardabil")
    blocks = [{"type": "featured_regions", "value": {"heading": "", "regions": [with_page.pk, without_page.pk]}}]
    set_home_body(blocks, "fa")
    set_home_body(blocks, "en")
    persian = section(home(client, "fa"), "cms-featured-regions")
    english = section(home(client, "en"), "cms-featured-regions")
    assert f'href="{persian_page.url}"' in persian and "کرمان" in persian
    assert f'href="{english_page.url}"' in english and "Kerman" in english
    assert persian_page.url not in english


def test_the_news_block_shows_the_latest_articles_of_the_pages_language(client):
    from datetime import date

    for day in range(1, 5):
        article_page(f"news-{day}", title=f"خبر {day}", date=date(2026, 3, day))
    set_home_body([{"type": "news", "value": {"heading": "", "count": 2}}])
    news = section(home(client), "cms-latest-news")
    assert "خبر 4" in news and "خبر 3" in news and "خبر 2" not in news
    assert news.index("خبر 4") < news.index("خبر 3")
    set_home_body([{"type": "news", "value": {"heading": "", "count": 2}}], "en")
    assert "cms-latest-news" not in home(client, "en")  # no English articles yet


def test_every_article_block_renders_and_products_in_an_article_go_through_the_gate(client):
    image = Image.objects.create(title="loom", file=get_test_image_file())
    listed = ProductFactory(title_fa="گلیم در بازار")
    unlisted = ProductFactory(title_fa="گلیم بی‌گواهی", certified=False)
    page = article_page(
        "looms",
        body=[
            {"type": "text", "value": "<p>دار قالی در خانه</p>"},
            {"type": "image", "value": {"image": image.pk, "caption": "دار عمودی"}},
            {"type": "quote", "value": {"quote": "سفارش که برسد، دار را برپا می‌کنیم.", "attribution": "بافنده"}},
            products_block([listed, unlisted]),
        ],
    )
    text = client.get(page.url).content.decode()
    for expected in ["دار قالی در خانه", "دار عمودی", "سفارش که برسد", "بافنده", "گلیم در بازار"]:
        assert expected in text, expected
    assert "گلیم بی‌گواهی" not in text
    assert "/media/images/" in text


def test_the_campaigns_block_shows_running_campaigns_only_while_their_product_is_on_the_market(client):
    from shop.preorders.models import Campaign

    running = CampaignFactory(product__title_fa="عسل پیش‌خرید")
    CampaignFactory(state=Campaign.State.PROPOSED, product__title_fa="پیشنهاد تأییدنشده")
    set_home_body([{"type": "campaigns", "value": {"heading": "پیش‌خرید", "count": 3}}])

    shown = section(home(client), "cms-running-campaigns")
    assert "عسل پیش‌خرید" in shown and "پیشنهاد تأییدنشده" not in shown
    assert running.get_absolute_url() in shown

    for certificate in running.product.certificates.all():
        certificate.status = "revoked"
        certificate.save()
    assert "cms-running-campaigns" not in home(client)  # no campaign left: the section disappears
