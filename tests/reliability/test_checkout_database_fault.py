"""The database failing in the middle of placing a cash-on-delivery order (shop/checkout/placement.py).

A real failing statement (a table that does not exist: on PostgreSQL it aborts the transaction) is
run at three moments of placement: after the first of two order lines, after the lines when the
payment source is recorded, and when the basket is submitted. Each time nothing is half-written:
no order, no line, no stock allocated, the basket open with its lines; the customer gets the
preview again with a message, and the same basket is ordered once the database answers again.
"""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.models import Line, Order
from oscar.apps.order.utils import OrderCreator
from oscar.apps.payment.models import Source

from shop.basket.models import Basket
from shop.checkout import placement
from tests.checkout.factories import place_cod, product, to_preview
from tests.factories import ProducerFactory

pytestmark = pytest.mark.django_db


def failing_statement():
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM a_table_that_is_not_there")


def fail_on_the_second_line(monkeypatch):
    original = OrderCreator.create_line_models

    def create_line_models(self, order, basket_line, *args, **kwargs):
        if order.lines.exists():
            failing_statement()
        return original(self, order, basket_line, *args, **kwargs)

    monkeypatch.setattr(OrderCreator, "create_line_models", create_line_models)


def fail_recording_the_payment(monkeypatch):
    original = placement._record_payment

    def record_payment(order, *args):
        original(order, *args)
        failing_statement()

    monkeypatch.setattr(placement, "_record_payment", record_payment)


def fail_submitting_the_basket(monkeypatch):
    def submit(self):
        failing_statement()

    monkeypatch.setattr(Basket, "submit", submit)


FAULTS = {
    "second line": fail_on_the_second_line,
    "payment source": fail_recording_the_payment,
    "basket submission": fail_submitting_the_basket,
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_nothing_is_half_written_and_the_basket_is_ordered_once_the_database_is_back(
    client, monkeypatch, caplog, fault
):
    first, second = product(num_in_stock=3), product(num_in_stock=2, producer=ProducerFactory())
    with translation.override("en"):
        to_preview(client, [first, second], quantities={0: 2})
        with monkeypatch.context() as patch:
            FAULTS[fault](patch)
            response = place_cod(client)

        assert response.status_code == 200  # the preview again, not a 500
        assert "Nothing was ordered and your basket is kept" in response.content.decode()
        assert any("the database failed while placing order" in record.getMessage() for record in caplog.records)
        assert not Order.objects.exists() and not Line.objects.exists() and not Source.objects.exists()
        assert [record.num_allocated or 0 for record in (first.stockrecords.get(), second.stockrecords.get())] == [0, 0]
        basket = Basket.objects.get()
        assert basket.status == Basket.OPEN and basket.num_items == 3
        assert client.get(reverse("basket:summary")).context["basket"].num_items == 3

        # The database answers again: the same checkout places the order, once.
        response = place_cod(client)
        assert response.status_code == 302 and response["Location"].endswith(reverse("checkout:thank-you"))
    order = Order.objects.get()
    assert sorted(line.quantity for line in order.lines.all()) == [1, 2]
    assert first.stockrecords.get().num_allocated == 2 and second.stockrecords.get().num_allocated == 1
    assert Basket.objects.get().status == Basket.SUBMITTED
