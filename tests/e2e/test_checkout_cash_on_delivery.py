"""A guest pays cash on delivery, with no Stripe keys at all, in a real browser."""

import pytest
from oscar.apps.order.models import Order

from tests.checkout.browser import choose, to_payment_method
from tests.checkout.factories import product
from tests.factories import home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_guest_orders_and_pays_cash_on_delivery(page, settings, artifacts_dir):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    home_pages()
    item = product(num_in_stock=2, lead_time_days=7)
    to_payment_method(page, item)
    assert page.locator("#method-stripe").count() == 0
    choose(page, "cash-on-delivery")
    assert page.locator(".lead-time").count() == 1  # made to order: lead time and dispatch estimate
    page.click("#place-order")
    page.wait_for_url("**/checkout/thank-you/")
    order = Order.objects.get()
    assert order.number in page.content()
    assert order.sources.get().source_type.code == "cash-on-delivery"
    page.screenshot(path=str(artifacts_dir / "checkout-cash-on-delivery-fa.png"), full_page=True)
