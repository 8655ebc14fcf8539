"""A guest pays by card in a real browser against localstripe's Stripe.js mock (Card Element,
confirmCardPayment for 3-D Secure); a declined card leaves the basket and says why."""

import pytest
from oscar.apps.order.models import Order

from tests.checkout.browser import choose, to_payment_method
from tests.checkout.factories import product
from tests.factories import home_pages
from tests.payments.localstripe import localstripe, stripe_on_localstripe  # noqa: F401  (fixtures)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("stripe_on_localstripe"),
]


def pay(page, number):
    card = page.locator("#card-element")
    card.locator("input[placeholder=number]").fill(number)
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("12345")
    page.click("#pay-by-card")


def test_a_guest_pays_by_card_with_three_d_secure(page, artifacts_dir):
    home_pages()
    item = product(num_in_stock=2)
    to_payment_method(page, item)
    choose(page, "stripe")
    pay(page, "4000002760003184")  # the bank asks for 3-D Secure
    page.get_by_role("button", name="Complete authentication").click()
    page.wait_for_url("**/checkout/thank-you/")
    order = Order.objects.get()
    assert order.number in page.content()
    source = order.sources.get()
    assert source.source_type.code == "stripe" and source.amount_debited == order.total_incl_tax
    assert item.stockrecords.get().num_allocated == 1
    page.screenshot(path=str(artifacts_dir / "checkout-card-fa.png"), full_page=True)


def test_a_declined_card_keeps_the_basket_and_says_why(page):
    home_pages()
    to_payment_method(page, product())
    choose(page, "stripe")
    pay(page, "4000000000000341")
    page.locator("#card-errors").filter(has_text="declined").wait_for()
    assert not Order.objects.exists()
    assert page.url.endswith("/checkout/preview/")
    pay(page, "4242424242424242")  # another card, same page, same basket
    page.wait_for_url("**/checkout/thank-you/")
    assert Order.objects.count() == 1
