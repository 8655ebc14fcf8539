"""Checkout steps in a real browser (Playwright), shared by the e2e checkout journeys."""

from tests.checkout.factories import ADDRESS, shipping_country


def to_payment_method(page, item, email="guest@example.com"):
    """As a guest: product page → basket → checkout address and delivery → the payment method step."""
    shipping_country()
    page.goto(item.get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto("/fa/checkout/")
    page.fill("input[name=username]", email)
    page.check("input[name=options][value=anonymous]")
    page.locator("form:has(input[name=username]) button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-address/")
    for field in ("first_name", "last_name", "line1", "line4"):
        page.fill(f"input[name={field}]", ADDRESS[field])
    if page.locator("select[name=country]").count():  # hidden when Iran is the only shipping country
        page.select_option("select[name=country]", "IR")
    page.locator("form:has(input[name=line1]) button[type=submit]").click()
    page.wait_for_url("**/checkout/payment-method/")


def choose(page, method):
    page.check(f"#method-{method}")
    page.click("#choose-payment-method")
    page.wait_for_url("**/checkout/preview/")
