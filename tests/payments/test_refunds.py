"""Staff refund a whole order or some of its lines from the dashboard; the order and its lines show it."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from oscar.apps.order.models import Order

from shop.checkout import placement
from shop.payments import refunds
from tests.checkout.factories import basket_snapshot, product
from tests.factories import ProducerFactory
from tests.producers.factories import staff_user

pytestmark = pytest.mark.django_db


def card_order(items):
    _basket, data = basket_snapshot(items)
    order, _created = placement.place(data, method=placement.STRIPE, amount_debited=None, reference="pi_paid")
    source = order.sources.get()
    source.amount_debited = order.total_incl_tax
    source.save()
    return order


def refund_answer(fake_stripe, count=1):
    for number in range(count):
        fake_stripe.answer("post", "/v1/refunds", (200, {"id": f"re_{number}", "object": "refund"}))


def order_manager():
    """Staff who may change orders (refunds): programme staff only read them."""
    user = staff_user()
    user.user_permissions.add(Permission.objects.get(codename="change_order", content_type__app_label="order"))
    return user


@pytest.fixture
def staff_client(client):
    client.force_login(order_manager())
    return client


def test_programme_staff_who_only_read_orders_cannot_refund(client, fake_stripe):
    order = card_order([product(), product(producer=ProducerFactory())])
    client.force_login(staff_user())
    response = client.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}), {"order_action": "refund_order"}
    )
    assert response.status_code == 403
    assert fake_stripe.calls("post", "/v1/refunds") == []
    order.refresh_from_db()
    assert order.status == "Pending"


def test_staff_refund_some_lines_through_stripe(staff_client, fake_stripe):
    first, second = product(price="300000"), product(price="200000", producer=ProducerFactory())
    order = card_order([first, second])
    line = order.lines.get(product=second)
    refund_answer(fake_stripe)
    response = staff_client.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        {
            "line_action": "refund_lines",
            "selected_line": [line.pk],
            f"selected_line_qty_{line.pk}": 1,
            "reason": "broken",
        },
    )
    assert response.status_code == 302
    [call] = fake_stripe.calls("post", "/v1/refunds")
    assert call["data"]["payment_intent"] == ["pi_paid"] and call["data"]["amount"] == ["2000000"]
    assert call["headers"]["Idempotency-Key"] == f"refund-order-{order.number}-lines-{line.pk}"
    line.refresh_from_db()
    order.refresh_from_db()
    assert line.status == "Cancelled" and order.status == "Pending"
    assert order.sources.get().amount_refunded == Decimal("200000")
    assert second.stockrecords.get().num_allocated == 0 and first.stockrecords.get().num_allocated == 1
    page = staff_client.get(reverse("dashboard:order-detail", kwargs={"number": order.number})).content.decode()
    assert 'id="refund-order"' in page and 'value="refund_lines"' in page


def test_staff_refund_the_whole_order_including_shipping_once(staff_client, fake_stripe):
    order = card_order([product(price="300000"), product(price="200000", producer=ProducerFactory())])
    refund_answer(fake_stripe)
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    staff_client.post(url, {"order_action": "refund_order"})
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert set(order.lines.values_list("status", flat=True)) == {"Cancelled"}
    assert order.sources.get().amount_refunded == order.total_incl_tax
    staff_client.post(url, {"order_action": "refund_order"})  # a second click refunds nothing more
    assert len(fake_stripe.calls("post", "/v1/refunds")) == 1


def test_a_line_cannot_be_refunded_twice(fake_stripe):
    order = card_order([product(), product(producer=ProducerFactory())])
    refund_answer(fake_stripe)
    line = order.lines.first()
    refunds.refund(order, staff_user(), [line])
    with pytest.raises(refunds.RefundRefused):
        refunds.refund(order, staff_user(), [line])


def test_a_dispatched_line_is_refunded_but_keeps_its_shipment_status(fake_stripe):
    from producers import fulfilment

    item = product()
    order = card_order([item])
    line = order.lines.get()
    fulfilment.dispatch_line(line, item.producer, item.producer.user, "TRK-1")
    refund_answer(fake_stripe)
    event = refunds.refund(order, staff_user(), [line])
    line.refresh_from_db()
    assert event.amount == order.total_incl_tax and line.status == "Dispatched"


def test_cash_on_delivery_lines_are_cancelled_without_calling_stripe(fake_stripe):
    item = product(num_in_stock=2)
    _basket, data = basket_snapshot([item])
    order, _created = placement.place(data, method=placement.CASH_ON_DELIVERY)
    event = refunds.refund(order, staff_user())
    assert event.amount == 0 and fake_stripe.requests == []
    assert Order.objects.get(pk=order.pk).status == "Cancelled"
    assert item.stockrecords.get().num_allocated == 0


def test_producers_cannot_refund(client):
    from tests.producers.factories import portal_producer

    producer = portal_producer()
    item = product(producer=producer)
    _basket, data = basket_snapshot([item])
    order, _created = placement.place(data, method=placement.CASH_ON_DELIVERY)
    client.force_login(producer.user)
    client.post(reverse("dashboard:order-detail", kwargs={"number": order.number}), {"order_action": "refund_order"})
    assert order.payment_events.count() == 0
