"""Oscar's back-in-stock alerts (ProductAlert), sent once the stock change has committed.

Oscar sends them from the stock record's post_save (OSCAR_EAGER_ALERTS), inside the transaction
that saves it. Placing an order saves the stock records of its lines, so with the mail server
down the order of any product someone had asked to be alerted about was refused, and a slow mail
server held the order's row locks while it waited. Settings turn Oscar's receiver off; this one
sends after commit, and a failure is logged (the alerts are closed by then, as Oscar does).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from oscar.core.loading import get_class, get_model

logger = logging.getLogger(__name__)


def send_alerts(product_id):
    """Oscar's alert e-mails and notifications for one product; never raises."""
    try:
        product = get_model("catalogue", "Product").objects.filter(pk=product_id).first()
        if product is not None:
            get_class("customer.alerts.utils", "AlertsDispatcher")().send_product_alert_email_for_user(product)
    except Exception:  # the stock change is committed; staff read the log
        logger.exception("Product %s: the back-in-stock alerts could not be sent", product_id)


def stock_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        product_id = instance.product_id
        transaction.on_commit(lambda: send_alerts(product_id))


def connect():
    post_save.connect(stock_saved, sender=get_model("partner", "StockRecord"), dispatch_uid="shop-product-alerts")
