"""In a real browser, the storefront works under its enforced Content-Security-Policy and hostile
product descriptions run nothing."""

import pytest

from tests.checkout.browser import choose, to_payment_method
from tests.factories import ProductFactory, category, home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched(page):
    """The page, recording every CSP violation (DOM events and console reports) and every dialog."""
    page.add_init_script(WATCH_VIOLATIONS)
    page.reported = []
    page.on(
        "console",
        lambda message: (
            page.reported.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def assert_no_violation(page):
    violations = page.evaluate("window.__cspViolations || []")
    assert violations == [], violations
    assert page.reported == [], page.reported
    assert page.evaluate("typeof window.jQuery") == "function"  # our scripts loaded…
    assert page.evaluate("typeof window.oscar") == "object"  # …and the nonce'd onbodyload ran


@pytest.mark.parametrize("language", ["fa", "en"])
def test_storefront_pages_load_without_csp_violations(watched, language):
    page = watched
    home_pages()
    bag = ProductFactory(title_fa="کیف چرمی", title_en="Leather bag", categories=[category("Leather", "چرم")])
    page.goto(f"/{language}/")
    assert_no_violation(page)

    box = page.locator("#id_q")
    box.press_sequentially("کیف" if language == "fa" else "Leather", delay=40)
    page.locator("#search-suggestions [role=option]").first.wait_for()  # suggestions (static JS) work
    assert_no_violation(page)

    page.goto(f"/{language}/search/?q=" + ("کیف" if language == "fa" else "Leather"))
    assert_no_violation(page)

    page.goto(f"/{language}{bag.get_absolute_url()[3:]}")
    assert_no_violation(page)
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"/{language}/basket/")
    assert page.locator(".basket-items, #basket_formset").count() >= 1
    assert_no_violation(page)


def test_checkout_to_the_order_without_csp_violations(watched, settings):
    page = watched
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    home_pages()
    to_payment_method(page, ProductFactory(stock__num_in_stock=2))
    assert_no_violation(page)
    choose(page, "cash-on-delivery")
    assert_no_violation(page)
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    assert_no_violation(page)


HOSTILE = (
    "<p>Hand-woven <b>wool</b></p><script>window.pwned = 1</script>"
    '<img src=x onerror="window.pwned = 1; alert(1)"><a id="evil" href="javascript:window.pwned=1">click me</a>'
)


@pytest.mark.parametrize("language", ["fa", "en"])
def test_a_hostile_description_shows_its_text_and_runs_nothing(watched, language):
    page = watched
    home_pages()
    product = ProductFactory(description_fa=HOSTILE, description_en=HOSTILE)
    page.goto(f"/{language}{product.get_absolute_url()[3:]}")
    description = page.locator(".product-description")
    assert "Hand-woven" in description.inner_text()
    if page.locator("#evil").count():
        page.locator("#evil").click()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.dialogs == []
    assert_no_violation(page)
