"""Oscar's analytics counters are written after the request's transaction commits (shop/analytics.py): never
while adding to a basket or placing an order holds its locks."""

import weakref

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.apps.analytics.models import ProductRecord

from tests.factories import ProductFactory, UserFactory, home_pages

pytestmark = pytest.mark.django_db


def counted(product, field):
    record = ProductRecord.objects.filter(product=product).first()
    return getattr(record, field) if record else 0


def test_a_basket_addition_is_counted_only_once_the_transaction_commits(django_capture_on_commit_callbacks):
    product = ProductFactory()
    with translation.override("en"):
        add = reverse("basket:add", kwargs={"pk": product.pk})
    with django_capture_on_commit_callbacks() as after_commit:
        response = Client().post(add, {"quantity": 1})
        assert response.status_code == 302
        assert counted(product, "num_basket_additions") == 0  # nothing written inside the transaction
    for callback in after_commit:
        callback()
    assert counted(product, "num_basket_additions") == 1


def test_a_product_view_is_counted_after_commit(django_capture_on_commit_callbacks):
    home_pages()
    product = ProductFactory()
    visitor = Client()
    visitor.force_login(UserFactory())  # a rendered page (signed in: never from the page cache)
    with translation.override("en"):
        url = product.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        assert visitor.get(url).status_code == 200
    assert counted(product, "num_views") == 1


def test_oscars_own_receivers_no_longer_write_inside_the_transaction():
    from oscar.apps.analytics import receivers
    from oscar.apps.basket.signals import basket_addition
    from oscar.apps.catalogue.signals import product_viewed
    from oscar.apps.order.signals import order_placed

    for signal, receiver in (
        (basket_addition, receivers.receive_basket_addition),
        (product_viewed, receivers.receive_product_view),
        (order_placed, receivers.receive_order_placed),
    ):
        connected = [entry[1] for entry in signal.receivers]  # (key, receiver or weak reference, …)
        live = [ref() if isinstance(ref, weakref.ReferenceType) else ref for ref in connected]
        assert receiver not in live
