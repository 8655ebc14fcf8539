"""Cash on delivery: the checkout that works with no Stripe keys at all."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from oscar.apps.order.models import Order

from shop.checkout.dispatch import estimated_dispatch
from tests.checkout.factories import place_cod, product, to_preview
from tests.factories import ProducerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_stripe(settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_only_cash_on_delivery_is_offered_without_stripe_keys(client):
    first = product()
    to_preview(client, [first])
    page = client.get(reverse("checkout:payment-method")).content.decode()
    assert 'value="cash-on-delivery"' in page
    assert 'value="stripe"' not in page
    refused = client.post(reverse("checkout:payment-method"), {"payment_method": "stripe"})
    assert refused.status_code == 400


def test_a_guest_orders_from_two_producers_and_stock_is_allocated(client, django_capture_on_commit_callbacks):
    first, second = product(num_in_stock=3), product(num_in_stock=2, producer=ProducerFactory())
    preview = to_preview(client, [first, second], quantities={0: 2})
    assert preview.status_code == 200
    assert 'id="place-order"' in preview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = place_cod(client)
    assert response.status_code == 302 and response["Location"].endswith(reverse("checkout:thank-you"))
    order = Order.objects.get()
    assert order.guest_email == "guest@example.com"
    assert order.status == "Pending"
    assert {line.partner_id for line in order.lines.all()} == {first.producer.partner_id, second.producer.partner_id}
    assert [source.source_type.code for source in order.sources.all()] == ["cash-on-delivery"]
    first_stock = first.stockrecords.get()
    assert (first_stock.num_in_stock, first_stock.num_allocated, first_stock.net_stock_level) == (3, 2, 1)
    assert order.basket.status == "Submitted"
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].body
    thank_you = client.get(reverse("checkout:thank-you"))
    assert order.number in thank_you.content.decode()


@pytest.mark.parametrize(("language", "english"), [("en", True), ("fa", False)])
def test_confirmation_mail_is_in_the_customers_language(client, django_capture_on_commit_callbacks, language, english):
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        to_preview(client, [product()])
        place_cod(client)
    assert len(mail.outbox) == 1
    assert ("Confirmation of order" in mail.outbox[0].subject) is english


def test_a_failing_mail_server_does_not_undo_the_order(client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.checkout.broken_mail.Backend"
    to_preview(client, [product()])
    with django_capture_on_commit_callbacks(execute=True):
        response = place_cod(client)
    assert response.status_code == 302
    assert Order.objects.count() == 1


def test_a_signed_in_customer_sees_the_order_in_their_history(client):
    customer = UserFactory()
    client.force_login(customer)
    to_preview(client, [product()])
    place_cod(client)
    order = Order.objects.get()
    assert order.user == customer
    history = client.get(reverse("customer:order-list"))
    assert order.number in history.content.decode()


def test_the_last_unit_sold_elsewhere_is_refused_with_the_basket_kept(client):
    item = product(num_in_stock=1)
    to_preview(client, [item])
    record = item.stockrecords.get()
    record.num_allocated = 1
    record.save()
    response = place_cod(client)
    assert Order.objects.count() == 0
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 1
    assert response.status_code in (200, 302)


def test_made_to_order_products_show_lead_time_and_dispatch_estimate(client):
    item = product(lead_time_days=10)
    stocked = product()
    dispatch_day = formats.date_format(estimated_dispatch(item), "SHORT_DATE_FORMAT")
    assert estimated_dispatch(item) - timezone.localdate() == timedelta(days=10)
    assert estimated_dispatch(stocked) is None
    detail = client.get(item.get_absolute_url()).content.decode()
    preview = to_preview(client, [item, stocked]).content.decode()
    basket = client.get(reverse("basket:summary")).content.decode()
    for page in (detail, basket, preview):
        assert dispatch_day in page
    assert preview.count('class="lead-time') == 1  # the stocked product has none
