"""The card step (Stripe.js from localstripe, the configured STRIPE_JS_URL) works under the enforced CSP."""

import pytest
from oscar.apps.order.models import Order

from tests.checkout.browser import choose, to_payment_method
from tests.checkout.factories import product
from tests.factories import home_pages
from tests.payments.localstripe import localstripe, stripe_on_localstripe  # noqa: F401  (fixtures)
from tests.security.test_csp_browser import assert_no_violation, watched  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("stripe_on_localstripe"),
]


@pytest.mark.parametrize("language", ["fa", "en"])
def test_paying_by_card_raises_no_csp_violation(watched, language):  # noqa: F811  (the imported fixture)
    page = watched
    home_pages()
    to_payment_method(page, product(num_in_stock=2))
    choose(page, "stripe")
    if language == "en":
        page.goto("/en/checkout/preview/")
    assert_no_violation(page)
    card = page.locator("#card-element")
    card.locator("input[placeholder=number]").fill("4242424242424242")
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("12345")
    assert_no_violation(page)
    page.click("#pay-by-card")
    page.wait_for_url("**/checkout/thank-you/")
    assert Order.objects.count() == 1
    assert_no_violation(page)
