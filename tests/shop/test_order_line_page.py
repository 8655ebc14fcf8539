"""A customer's order line has no page of its own (POST re-orders it): a GET takes its owner to the order."""

import pytest
from django.urls import reverse
from oscar.apps.order.models import Order

from tests.checkout.factories import place_cod, product, to_preview
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def order_and_owner(client):
    owner = UserFactory()
    client.force_login(owner)
    to_preview(client, [product()])
    place_cod(client)
    return Order.objects.get(user=owner), owner


def line_url(order, line_id):
    return reverse("customer:order-line", kwargs={"order_number": order.number, "line_id": line_id})


def test_the_owner_is_taken_to_the_order(client, order_and_owner):
    order, _owner = order_and_owner
    response = client.get(line_url(order, order.lines.get().pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("customer:order", kwargs={"order_number": order.number})


def test_a_line_that_is_not_in_the_order_is_not_found(client, order_and_owner):
    order, _owner = order_and_owner
    assert client.get(line_url(order, order.lines.get().pk + 1000)).status_code == 404


def test_someone_elses_order_line_is_not_found(client, order_and_owner):
    order, _owner = order_and_owner
    client.force_login(UserFactory())
    assert client.get(line_url(order, order.lines.get().pk)).status_code == 404
