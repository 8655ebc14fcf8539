"""An order from two producers: each sees and dispatches only their own lines; the customer sees each
producer's shipment; the order completes when every line has left; nobody sees others' orders."""

import pytest
from django.urls import reverse

from producers import fulfilment
from shop.checkout import placement
from tests.checkout.factories import basket_snapshot, product
from tests.factories import UserFactory
from tests.producers.factories import portal_producer

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_producer_order():
    first, second = portal_producer(), portal_producer()
    mug, rug = product(producer=first, num_in_stock=4), product(producer=second, num_in_stock=4)
    customer = UserFactory()
    _basket, data = basket_snapshot([mug, rug], user=customer)
    order, _created = placement.place(data, method=placement.STRIPE, amount_debited=None, reference="pi_secret_ref")
    return order, customer, (first, mug), (second, rug)


def test_the_order_completes_when_every_producer_has_dispatched(two_producer_order):
    order, _customer, (first, mug), (second, rug) = two_producer_order
    fulfilment.dispatch_line(order.lines.get(product=mug), first, first.user, "TRK-MUG")
    order.refresh_from_db()
    line = order.lines.get(product=mug)
    assert line.status == "Dispatched" and order.status == "Being processed"
    stock = mug.stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated) == (3, 0)  # the allocation became a real decrement
    fulfilment.dispatch_line(order.lines.get(product=rug), second, second.user, "TRK-RUG")
    order.refresh_from_db()
    assert order.status == "Complete"
    assert [change.new_status for change in order.status_changes.order_by("pk")] == ["Being processed", "Complete"]


def test_a_producer_cannot_dispatch_another_producers_line(two_producer_order):
    from django.core.exceptions import PermissionDenied

    order, _customer, (first, _mug), (_second, rug) = two_producer_order
    with pytest.raises(PermissionDenied):
        fulfilment.dispatch_line(order.lines.get(product=rug), first, first.user, "TRK-X")
    assert order.lines.get(product=rug).status == "Pending"


def test_the_customer_sees_each_producers_shipment(client, two_producer_order):
    order, customer, (first, mug), (second, _rug) = two_producer_order
    fulfilment.dispatch_line(order.lines.get(product=mug), first, first.user, "TRK-MUG")
    client.force_login(customer)
    page = client.get(reverse("customer:order", kwargs={"order_number": order.number})).content.decode()
    assert page.count('class="producer-shipment') == 2
    assert first.partner.name in page and second.partner.name in page
    assert "TRK-MUG" in page


def test_a_customer_sees_only_their_own_orders(client, two_producer_order):
    order, _customer, _first, _second = two_producer_order
    client.force_login(UserFactory())
    assert client.get(reverse("customer:order", kwargs={"order_number": order.number})).status_code == 404
    assert order.number not in client.get(reverse("customer:order-list")).content.decode()


def test_a_producer_sees_only_their_lines_and_no_payment_details(client, two_producer_order):
    order, _customer, (first, mug), (_second, rug) = two_producer_order
    client.force_login(first.user)
    page = client.get(reverse("dashboard:order-detail", kwargs={"number": order.number})).content.decode()
    assert mug.get_title() in page and rug.get_title() not in page
    assert "pi_secret_ref" not in page  # the payment reference
    assert ">Stripe<" not in page and "amount_debited" not in page
    assert rug.get_title() not in client.get(reverse("dashboard:order-list")).content.decode()


def test_a_producer_with_no_line_in_an_order_cannot_see_it_or_its_address(client, two_producer_order):
    order, _customer, _first, _second = two_producer_order
    outsider = portal_producer()
    client.force_login(outsider.user)
    response = client.get(reverse("dashboard:order-detail", kwargs={"number": order.number}))
    assert response.status_code == 404
    assert order.shipping_address.line1 not in client.get(reverse("dashboard:order-list")).content.decode()


def test_the_customers_order_page_costs_the_same_queries_for_more_lines(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    customer = UserFactory()
    client.force_login(customer)

    def order_of(count):
        items = [product(producer=portal_producer()) for _ in range(count)]
        _basket, data = basket_snapshot(items, user=customer)
        return placement.place(data, method=placement.CASH_ON_DELIVERY)[0]

    small, large = order_of(1), order_of(5)
    url = lambda order: reverse("customer:order", kwargs={"order_number": order.number})  # noqa: E731
    client.get(url(small))
    with CaptureQueriesContext(connection) as one_line:
        client.get(url(small))
    with django_assert_max_num_queries(len(one_line)):
        response = client.get(url(large))
    assert response.content.decode().count('class="producer-shipment') == 5
