"""No oversell: stock is checked and allocated under row locks inside the order's transaction."""

import threading

import pytest
from django.db import connection
from oscar.apps.order.models import Order

from quality.models import Certificate
from shop.checkout import placement
from shop.partner.strategy import NotListed
from tests.checkout.factories import basket_snapshot, product
from tests.conftest import require_postgres


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # leaves the data later browser tests need
def test_twenty_concurrent_checkouts_for_five_units_make_exactly_five_orders():
    require_postgres()
    item = product(num_in_stock=5)
    snapshots = [basket_snapshot([item])[1] for _ in range(20)]
    barrier = threading.Barrier(len(snapshots))
    placed, refused, failed = [], [], []

    def checkout(data):
        try:
            barrier.wait()
            order, _created = placement.place(data, method=placement.CASH_ON_DELIVERY)
            placed.append(order.number)
        except placement.OrderRefused as refusal:
            refused.append(str(refusal))
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            failed.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=checkout, args=(data,)) for data in snapshots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failed == []
    assert len(placed) == 5 and len(refused) == 15
    assert Order.objects.count() == 5
    record = item.stockrecords.get()
    assert record.net_stock_level == 0 and record.num_allocated == 5
    assert all(item.get_title() in message for message in refused)  # a clear refusal names the product


@pytest.mark.django_db
def test_placing_the_same_basket_twice_returns_the_first_order():
    item = product(num_in_stock=5)
    _basket, data = basket_snapshot([item])
    first, created = placement.place(data, method=placement.CASH_ON_DELIVERY)
    again, created_again = placement.place(data, method=placement.CASH_ON_DELIVERY)
    assert created and not created_again and again == first
    assert item.stockrecords.get().num_allocated == 1


@pytest.mark.django_db
def test_a_certificate_revoked_after_the_basket_is_refused_before_the_order():
    item = product(num_in_stock=5)
    _basket, data = basket_snapshot([item])
    Certificate.objects.filter(product=item).update(status=Certificate.Status.REVOKED)
    with pytest.raises(placement.OrderRefused) as refusal:
        placement.place(data, method=placement.CASH_ON_DELIVERY)
    assert str(NotListed.message) in str(refusal.value)
    assert Order.objects.count() == 0
    assert item.stockrecords.get().num_allocated in (0, None)
