"""The producer's statement: sales, commission and amount owed, against numbers computed by hand."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.apps.order.models import PaymentEvent, PaymentEventQuantity, PaymentEventType

from shop.payments import statements
from tests.checkout.factories import product
from tests.producers.factories import order_with_lines, portal_producer

pytestmark = pytest.mark.django_db


def sell(item, price, month, quantity=1):
    """An order of one line of `item` at `price` (line total), placed on the 10th of `month` 2026."""
    order = order_with_lines(item)
    order.date_placed = timezone.make_aware(datetime(2026, month, 10, 12))
    order.status = "Pending"
    order.save()
    line = order.lines.get()
    line.line_price_incl_tax = line.line_price_excl_tax = Decimal(price)
    line.quantity = quantity
    line.status = "Pending"
    line.save()
    return order, line


@pytest.fixture
def sales(settings):
    settings.MARKETPLACE_COMMISSION_PERCENT = "12.5"
    producer, other = portal_producer(), portal_producer()
    mug, rug = product(producer=producer), product(producer=other)
    sell(mug, "300000", 1)
    sell(mug, "250000", 1, quantity=2)
    sell(mug, "333333", 2)
    _refunded_order, refunded = sell(mug, "100000", 2)
    event = PaymentEvent.objects.create(
        order=refunded.order,
        amount=Decimal("100000"),
        event_type=PaymentEventType.objects.get_or_create(code="refunded", defaults={"name": "Refunded"})[0],
    )
    PaymentEventQuantity.objects.create(event=event, line=refunded, quantity=1)
    _cancelled_order, cancelled = sell(mug, "90000", 2)
    cancelled.status = "Cancelled"
    cancelled.save()
    sell(rug, "5000000", 1)  # another producer's sale
    return producer


def test_monthly_sales_commission_and_amount_owed(sales):
    result = statements.statement(sales)
    february, january = result["rows"]
    # January: 300,000 + 250,000 = 550,000; 12.5% = 68,750; owed 481,250.
    assert (january.lines, january.sales, january.commission, january.owed) == (
        2,
        Decimal("550000"),
        Decimal("68750"),
        Decimal("481250"),
    )
    # February: 333,333 (the refunded and the cancelled lines do not count); 12.5% = 41,666.625 → 41,667.
    assert (february.lines, february.sales, february.commission, february.owed) == (
        1,
        Decimal("333333"),
        Decimal("41667"),
        Decimal("291666"),
    )
    total = result["total"]
    assert (total.lines, total.sales, total.commission, total.owed) == (
        3,
        Decimal("883333"),
        Decimal("110417"),
        Decimal("772916"),
    )


def test_the_portal_page_shows_the_producers_own_statement(client, sales, django_assert_max_num_queries):
    client.force_login(sales.user)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("dashboard:producers-portal-statement"))
    assert response.status_code == 200
    assert response.context["total"].sales == Decimal("883333")
    assert 'class="statement-total"' in response.content.decode()


def test_a_customer_cannot_open_a_statement(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(reverse("dashboard:producers-portal-statement"))
    assert response.status_code in (302, 403)
