"""What editors see in /cms/: the off-the-market warning and the catalogue choosers."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.cms.factories import editor_user, products_block, set_home_body
from tests.factories import BrandFactory, ProducerFactory, ProductFactory, RegionFactory, home_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    home_pages()
    user = editor_user()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # Wagtail's admin speaks the editor's chosen language
    profile.save()
    client.force_login(user)
    return user


def edit_page(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_is_warned_about_chosen_products_off_the_market(client, editor):
    listed = ProductFactory(title_en="Listed honey", title_fa="عسل در بازار")
    unlisted = ProductFactory(title_en="Uncertified rug", title_fa="فرش بی‌گواهی", certified=False)
    home = set_home_body([products_block([listed, unlisted])])

    text = edit_page(client, home)

    assert "data-off-market-products" in text
    warning = text[
        text.index("data-off-market-products") : text.index("</div>", text.index("data-off-market-products"))
    ]
    assert "Uncertified rug" in warning and "Listed honey" not in warning
    assert "It has no quality certificate yet." in warning


def test_no_warning_when_every_chosen_product_is_on_the_market(client, editor):
    home = set_home_body([products_block([ProductFactory(), ProductFactory()])])
    assert "data-off-market-products" not in edit_page(client, home)


def test_the_warning_reads_the_draft_the_editor_is_working_on(client, editor):
    home = set_home_body([products_block([ProductFactory()])])
    home.body = [products_block([ProductFactory(certified=False)])]
    home.save_revision()  # a draft, not published
    assert "data-off-market-products" in edit_page(client, home)


def chooser_rows(client, name, **params):
    response = client.get(reverse(f"{name}:choose_results"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_product_chooser_lists_products_on_the_market_first_and_tags_the_others(client, editor):
    off = ProductFactory(title_en="Off rug", certified=False)
    on = ProductFactory(title_en="On honey")
    text = chooser_rows(client, "product_chooser")
    assert text.index("On honey") < text.index("Off rug")
    row = text[text.index("Off rug") :]
    assert "Off the market" in row[: row.index("</tr>")]
    row = text[text.index("On honey") :]
    assert "On the market" in row[: row.index("</tr>")]
    assert reverse("product_chooser:chosen", args=[on.pk]) in text and str(off.pk) in text


def test_the_product_chooser_searches_titles_as_persian_is_typed(client, editor):
    ProductFactory(title_fa="گلیم کرکی", title_en="Kilim")
    ProductFactory(title_fa="عسل کوهستان", title_en="Mountain honey")
    # Arabic kaf (ك) and yeh (ي), as many keyboards type them, find the Persian ک and ی.
    text = chooser_rows(client, "product_chooser", q="گليم كركي")
    assert "Kilim" in text and "Mountain honey" not in text
    assert "Mountain honey" in chooser_rows(client, "product_chooser", q="honey")


def test_producer_brand_and_region_choosers_list_their_rows(client, editor):
    region = RegionFactory(name_en="Fars")
    producer = ProducerFactory(region=region, name_en="Gabbeh Home")
    BrandFactory(producer=producer, name_en="Gabbeh Brand")
    assert "Gabbeh Home" in chooser_rows(client, "producer_chooser")
    assert "Gabbeh Brand" in chooser_rows(client, "brand_chooser")
    assert "Fars" in chooser_rows(client, "region_chooser", q="Far")


def test_choosing_a_product_returns_it_to_the_block(client, editor):
    product = ProductFactory(title_en="Chosen honey")
    response = client.get(reverse("product_chooser:chosen", args=[product.pk]))
    assert response.status_code == 200
    assert response.json()["result"]["id"] == str(product.pk)


def test_choosers_are_for_admin_users_only(client):
    home_pages()
    client.force_login(ProducerFactory().user)
    response = client.get(reverse("product_chooser:choose"))
    assert response.status_code in (302, 403)


def test_the_admin_speaks_the_editors_language(client, editor):
    assert 'lang="en"' in client.get("/cms/").content.decode()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fa"
    profile.save()
    text = client.get("/cms/").content.decode()
    assert 'lang="fa"' in text and 'dir="rtl"' in text


def test_the_page_editor_offers_the_home_blocks(client, editor):
    home, _english = home_pages()
    text = edit_page(client, home)
    for block in ["featured_products", "featured_regions", "featured_producers", "featured_brands", "news"]:
        assert block in text, block


def test_the_warning_covers_products_chosen_in_an_articles_body(client, editor):
    from tests.cms.factories import article_page

    page = article_page(
        "with-products", body=[products_block([ProductFactory(title_en="Pending kilim", certified=False)])]
    )
    text = edit_page(client, page)
    start = text.index("data-off-market-products")
    assert "Pending kilim" in text[start : text.index("</div>", start)]
