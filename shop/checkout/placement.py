"""Placing an order, once, from a basket and what the checkout collected.

Both payment methods end here: cash on delivery straight from the preview page,
card payments when Stripe reports the PaymentIntent as succeeded (the browser
coming back or the webhook, whichever is first). In one transaction:

1. the basket row is locked; if its order already exists, that order is returned
   (a second caller for the same basket never creates a second order);
2. the stock records of its lines are locked (`select_for_update`, in primary-key
   order so that two checkouts never wait for each other in a circle);
3. every line is revalidated under those locks: the listing gate (a certificate
   revoked since the product went into the basket) and the stock left;
4. the order is written (Oscar's OrderCreator allocates the stock), the payment
   source recorded, the basket submitted;
5. after commit, the confirmation e-mail goes out in the customer's language;
   a failing mail server is logged and does not undo the order.
"""

import logging
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.apps.checkout.calculators import OrderTotalCalculator
from oscar.apps.order.models import Order, PaymentEvent, PaymentEventQuantity, PaymentEventType, ShippingAddress
from oscar.apps.order.utils import OrderCreator, OrderDispatcher, OrderNumberGenerator
from oscar.apps.partner.models import StockRecord
from oscar.apps.payment.models import Source, SourceType
from oscar.apps.shipping.repository import Repository
from oscar.core.loading import get_class

from shop.basket.models import Basket
from shop.partner.strategy import Selector

Applicator = get_class("offer.applicator", "Applicator")

logger = logging.getLogger(__name__)

CASH_ON_DELIVERY = "cash-on-delivery"
STRIPE = "stripe"
SOURCE_NAMES = {CASH_ON_DELIVERY: "Cash on delivery", STRIPE: "Stripe"}

# Fields of the shipping address kept in a snapshot (everything the customer typed).
_ADDRESS_SKIP = {"id", "search_text"}


class OrderRefused(Exception):
    """The order cannot be placed; the message is for the customer."""


def source_type(code):
    source, _created = SourceType.objects.get_or_create(code=code, defaults={"name": SOURCE_NAMES.get(code, code)})
    return source


# --- The checkout as data ------------------------------------------------------------------------


def snapshot(*, basket, user, email, shipping_address, shipping_method, language, campaign_id=None):
    """What placing the order needs, as JSON: kept on a card payment until Stripe confirms it.

    `campaign_id`: the basket holds a pre-order campaign's units, priced at the campaign's price.
    """
    address = {}
    if shipping_address is not None:
        for field in ShippingAddress._meta.concrete_fields:
            if field.name not in _ADDRESS_SKIP:
                address[field.attname] = getattr(shipping_address, field.attname)
    return {
        "basket_id": basket.pk,
        "user_id": user.pk if user is not None and user.is_authenticated else None,
        "email": email or (user.email if user is not None and user.is_authenticated else ""),
        "shipping_address": address,
        "shipping_method": shipping_method.code if shipping_method else None,
        "order_number": str(OrderNumberGenerator().order_number(basket)),
        "language": language,
        "campaign_id": campaign_id,
    }


def _user(snapshot_data):
    if snapshot_data.get("user_id"):
        return get_user_model().objects.get(pk=snapshot_data["user_id"])
    return AnonymousUser()


def prepared_basket(basket_id, user, lock=False, campaign_id=None):
    """The basket with the market's strategy and offers applied, as the checkout pages see it."""
    queryset = Basket.objects.select_for_update() if lock else Basket.objects
    basket = queryset.get(pk=basket_id)
    basket.strategy = Selector().strategy(user=user, campaign_id=campaign_id)
    Applicator().apply(basket, user if user.is_authenticated else None, None)
    return basket


def _shipping(basket, user, address, code):
    for method in Repository().get_shipping_methods(basket=basket, user=user, shipping_addr=address):
        if method.code == code:
            return method
    raise OrderRefused(_("The chosen delivery method is no longer available. Please choose it again."))


def total_of(basket, user, snapshot_data):
    address = ShippingAddress(**snapshot_data["shipping_address"]) if snapshot_data["shipping_address"] else None
    method = _shipping(basket, user, address, snapshot_data["shipping_method"])
    charge = method.calculate(basket)
    return OrderTotalCalculator().calculate(basket, charge), method, charge, address


# --- Revalidation ---------------------------------------------------------------------------------


def refusals(basket):
    """Why each line of the basket may not be bought right now (empty when all may)."""
    problems = []
    wanted = defaultdict(int)
    for line in basket.all_lines():
        wanted[line.stockrecord_id] += line.quantity
    for line in basket.all_lines():
        info = basket.strategy.fetch_for_line(line)
        allowed, reason = info.availability.is_purchase_permitted(wanted[line.stockrecord_id])
        if not allowed:
            problems.append(_("%(product)s: %(reason)s") % {"product": line.product.get_title(), "reason": reason})
    return problems


def check_basket(basket):
    problems = refusals(basket)
    if problems:
        raise OrderRefused(" ".join(problems))


def lock_stock(basket):
    """Lock the stock records of the basket's lines until the transaction ends."""
    ids = sorted({pk for pk in basket.lines.values_list("stockrecord_id", flat=True) if pk})
    list(StockRecord.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    basket._lines = None  # read the lines (and their stock) again, now under the locks
    basket.reset_offer_applications()


# --- Placing --------------------------------------------------------------------------------------


def place(snapshot_data, *, method, amount_debited=None, reference="", expected_total=None, request=None):
    """Place the order for the snapshot's basket, or return the order already placed for it.

    Returns (order, created). Raises OrderRefused when the basket cannot be bought
    as it stands (nothing is written then).
    """
    with transaction.atomic():
        user = _user(snapshot_data)
        basket = prepared_basket(
            snapshot_data["basket_id"], user, lock=True, campaign_id=snapshot_data.get("campaign_id")
        )
        existing = Order.objects.filter(basket_id=basket.pk).first()
        if existing is not None:
            return existing, False
        if basket.status == Basket.SUBMITTED or basket.is_empty:
            raise OrderRefused(_("This basket has already been checked out."))
        lock_stock(basket)
        Applicator().apply(basket, user if user.is_authenticated else None, None)
        check_basket(basket)
        total, shipping_method, shipping_charge, address = total_of(basket, user, snapshot_data)
        if expected_total is not None and total.incl_tax != expected_total:
            raise OrderRefused(_("Your basket changed while you were paying."))
        if address is not None:
            address.save()
        order_kwargs = {}
        if not user.is_authenticated:
            order_kwargs["guest_email"] = snapshot_data.get("email", "")
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=shipping_method,
            shipping_charge=shipping_charge,
            user=user if user.is_authenticated else None,
            shipping_address=address,
            order_number=snapshot_data["order_number"],
            request=request,
            **order_kwargs,
        )
        _record_payment(order, method, total.incl_tax, amount_debited, reference)
        basket.submit()
        language = snapshot_data.get("language") or translation.get_language()
        transaction.on_commit(lambda: send_confirmation(order.pk, language), robust=True)
    return order, True


def _record_payment(order, method, total, amount_debited, reference):
    Source.objects.create(
        order=order,
        source_type=source_type(method),
        currency=order.currency,
        amount_allocated=total,
        amount_debited=amount_debited or 0,
        reference=reference,
    )
    if amount_debited:
        event_type, _created = PaymentEventType.objects.get_or_create(code="paid", defaults={"name": "Paid"})
        event = PaymentEvent.objects.create(
            order=order, event_type=event_type, amount=amount_debited, reference=reference
        )
        PaymentEventQuantity.objects.bulk_create(
            PaymentEventQuantity(event=event, line=line, quantity=line.quantity) for line in order.lines.all()
        )


def send_confirmation(order_id, language):
    """The order confirmation e-mail, in the language the customer checked out in; never raises."""
    try:
        order = Order.objects.select_related("user").get(pk=order_id)
        with translation.override(language):
            context = {"order": order, "lines": order.lines.all(), "user": order.user}
            try:
                if order.user_id:
                    context["status_path"] = reverse("customer:order", kwargs={"order_number": order.number})
                else:
                    context["status_path"] = reverse(
                        "customer:anon-order",
                        kwargs={"order_number": order.number, "hash": order.verification_hash()},
                    )
            except NoReverseMatch:
                pass
            OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)
    except Exception:  # a mail server outage must not undo or block an order already placed
        logger.exception("Order %s: the confirmation e-mail could not be sent", order_id)
