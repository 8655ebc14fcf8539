"""A customer searches in a real browser: suggestions as they type, then facets and sorting."""

from urllib.parse import unquote

import pytest

from tests.factories import ProductFactory, category, home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def catalogue():
    home_pages()
    leather = category("Leather", "چرم")
    honey = category("Honey", "عسل")
    return {
        "bag": ProductFactory(
            title_fa="کیف چرمی دست‌دوز", title_en="Hand-sewn leather bag", categories=[leather], stock__price="900000"
        ),
        "belt": ProductFactory(
            title_fa="کمربند چرمی", title_en="Leather belt", categories=[leather], stock__price="300000"
        ),
        "honey": ProductFactory(title_fa="عسل آویشن", title_en="Thyme honey", categories=[honey]),
    }


def test_suggestions_follow_the_typing_whatever_the_keyboard(page, catalogue, artifacts_dir):
    page.goto("/fa/")
    box = page.locator("#id_q")
    # Typed on an Arabic keyboard (ك and ي), as many customers do.
    box.press_sequentially("كيف", delay=40)
    listbox = page.locator("#search-suggestions")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert "کیف چرمی دست‌دوز" in listbox.inner_text()
    page.screenshot(path=str(artifacts_dir / "search-suggestions-fa.png"))

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    box.press("Enter")
    page.wait_for_url("**/catalogue/**")
    assert unquote(page.url).endswith(unquote(catalogue["bag"].get_absolute_url()))
    assert page.locator(".product_main h1").inner_text() == "کیف چرمی دست‌دوز"


def test_results_narrow_by_a_facet_and_sort_by_price(page, catalogue):
    page.goto("/en/")
    page.locator("#id_q").fill("leather")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url("**/search/?q=leather*")
    results = page.locator(".product_pod h3")
    assert sorted(results.all_inner_texts()) == ["Hand-sewn leather bag", "Leather belt"]

    producer = catalogue["belt"].producer
    page.locator(".search-facet a", has_text=producer.name_en).click()
    page.wait_for_load_state()
    assert results.all_inner_texts() == ["Leather belt"]
    assert "producer=" in page.url  # a bookmarkable choice

    page.goto("/en/search/?q=leather")
    page.locator("#id_sort_by").select_option("price-desc")
    page.wait_for_url("**sort=price-desc*")
    assert results.all_inner_texts() == ["Hand-sewn leather bag", "Leather belt"]
    page.locator("#id_sort_by").select_option("price-asc")
    page.wait_for_url("**sort=price-asc*")
    assert results.all_inner_texts() == ["Leather belt", "Hand-sewn leather bag"]
