"""A customer in Persian: home page → craft category → product → basket, in a real browser."""

from urllib.parse import unquote

import pytest

from tests.factories import ProductFactory, category, home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_customer_browses_a_craft_and_adds_a_product_to_the_basket(page, artifacts_dir):
    home_pages()
    carpets = category("Hand-woven carpets", "فرش دستباف")
    product = ProductFactory(
        title_fa="قالی دستباف اردبیل", title_en="Ardabil hand-woven carpet", categories=[carpets], image=True
    )

    page.goto("/fa/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator(".craft-grid a", has_text="فرش دستباف").click()

    page.locator("h3 a", has_text="قالی دستباف اردبیل").click()
    assert unquote(page.url).endswith(unquote(product.get_absolute_url()))
    assert page.locator(".product_main h1").inner_text() == "قالی دستباف اردبیل"
    image = page.locator("#product_gallery img, .product_main img, img.img-thumbnail").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "the product image did not load"

    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".alert-success").count() >= 1
    page.screenshot(path=str(artifacts_dir / "storefront-basket-fa.png"), full_page=True)

    page.goto("/fa/basket/")
    assert page.locator(".basket-items").count() == 1
    assert "قالی دستباف اردبیل" in page.locator(".basket-items").inner_text()
