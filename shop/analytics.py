"""Oscar's analytics counters (views, basket additions, purchases per product and customer), written after
the request's transaction commits.

Oscar's receivers update a ProductRecord row inside the transaction that adds to the basket or places the
order. Placing an order locks the stock records it allocates, then updated those rows; adding to a basket
updated them, then (at commit, PostgreSQL's deferred foreign-key check) needed a share lock on the stock
record of its line: under load the two waited for each other and PostgreSQL aborted one (seen in `make
bench`: a 500 on adding to the basket). A counter written after commit holds no lock while another is taken.
"""

from django.db import transaction


def _after_commit(receiver):
    def deferred(sender, **kwargs):
        transaction.on_commit(lambda: receiver(sender, **kwargs), robust=True)

    return deferred


def connect():
    from oscar.apps.analytics import receivers
    from oscar.apps.basket.signals import basket_addition
    from oscar.apps.catalogue.signals import product_viewed
    from oscar.apps.order.signals import order_placed

    for signal, receiver in (
        (product_viewed, receivers.receive_product_view),
        (basket_addition, receivers.receive_basket_addition),
        (order_placed, receivers.receive_order_placed),
    ):
        signal.disconnect(receiver)
        signal.connect(_after_commit(receiver), weak=False, dispatch_uid=f"analytics-after-commit-{receiver.__name__}")
