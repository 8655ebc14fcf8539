"""What a PaymentIntent's state means for the shop: settle it (place its order once), or record its failure.

Called with the PaymentIntent as Stripe reports it: by the checkout when the
customer's browser comes back (after retrieving the intent from Stripe, never
trusting the browser's word) and by the webhook task (the signed event's copy).
Whatever the order of those calls, the end state is the same: an order placed
once for a succeeded payment, or the payment refunded and the customer told
when the order can no longer be placed.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from shop.checkout import placement

from . import gateway
from .models import CardPayment

logger = logging.getLogger(__name__)


def settle(intent):
    """Bring our record of the intent (and its order) in line with Stripe's `intent`. Returns the CardPayment."""
    with transaction.atomic():
        payment = _locked_payment_of(intent)
        if payment is None:
            logger.info("PaymentIntent %s is not one of ours", intent["id"])
            return None
        if payment.order_id or payment.status == CardPayment.Status.REFUNDED_UNPLACEABLE:
            return payment  # already settled: later or repeated reports change nothing
        status = intent["status"]
        if status == "succeeded":
            _place_or_refund(payment, intent)
        elif status == "requires_action":
            if payment.status == CardPayment.Status.CREATED:
                payment.status = CardPayment.Status.REQUIRES_ACTION
                payment.save(update_fields=["status", "updated_at"])
        elif status in ("requires_payment_method", "canceled"):
            error = intent.get("last_payment_error") or {}
            payment.status = CardPayment.Status.FAILED
            payment.last_error = (error.get("message") if isinstance(error, dict) else "") or status
            payment.save(update_fields=["status", "last_error", "updated_at"])
        return payment


def _locked_payment_of(intent):
    """Our row for the intent, locked: by its id, or, when the answer to the charge was lost before the
    id was saved, by the row id the checkout put in the intent's metadata (then the id is saved now)."""
    payment = CardPayment.objects.select_for_update().filter(intent_id=intent["id"]).first()
    if payment is not None:
        return payment
    reference = str((intent.get("metadata") or {}).get("card_payment", ""))
    if not reference.isdigit():
        return None
    payment = CardPayment.objects.select_for_update().filter(pk=int(reference), intent_id__isnull=True).first()
    if payment is not None:
        payment.intent_id = intent["id"]
        payment.save(update_fields=["intent_id", "updated_at"])
    return payment


def _place_or_refund(payment, intent):
    amount = gateway.from_stripe_amount(intent["amount"])
    try:
        if amount != payment.amount:
            raise placement.OrderRefused(_("The amount paid does not match the order."))
        order, created = placement.place(
            payment.checkout,
            method=placement.STRIPE,
            amount_debited=amount,
            reference=payment.intent_id,
            expected_total=payment.amount,
        )
        if not created and not order.sources.filter(reference=payment.intent_id).exists():
            raise placement.OrderRefused(_("This basket was already paid for."))
    except placement.OrderRefused as refusal:
        # Never paid without an order: give the money back and say why.
        gateway.refund(
            intent_id=payment.intent_id,
            amount=amount,
            idempotency_key=f"refund-unplaceable-{payment.intent_id}",
            reason=str(refusal),
        )
        payment.status = CardPayment.Status.REFUNDED_UNPLACEABLE
        payment.last_error = str(refusal)
        payment.save(update_fields=["status", "last_error", "updated_at"])
        checkout, reason = dict(payment.checkout), str(refusal)
        transaction.on_commit(lambda: _tell_refunded(checkout, reason), robust=True)
        return
    payment.order = order
    payment.status = CardPayment.Status.SUCCEEDED
    payment.save(update_fields=["order", "status", "updated_at"])


def _tell_refunded(checkout, reason):
    email = checkout.get("email")
    if not email:
        return
    try:
        with translation.override(checkout.get("language") or settings.LANGUAGE_CODE):
            send_mail(
                _("Your payment was refunded"),
                _(
                    "We could not place your order after your card was charged (%(reason)s). "
                    "The whole amount has been refunded to your card; your basket is unchanged."
                )
                % {"reason": reason},
                settings.DEFAULT_FROM_EMAIL,
                [email],
            )
    except Exception:
        logger.exception("The refund notice to %s could not be sent", email)


def record_charge_refunded(charge):
    """`charge.refunded`: the order's card source shows what Stripe has refunded (never less than it showed)."""
    from oscar.apps.payment.models import Source

    intent_id = charge.get("payment_intent")
    if not intent_id:
        return
    refunded = gateway.from_stripe_amount(charge.get("amount_refunded") or 0)
    with transaction.atomic():
        source = (
            Source.objects.select_for_update().filter(reference=intent_id, source_type__code=placement.STRIPE).first()
        )
        if source is not None and refunded > source.amount_refunded:
            source.amount_refunded = refunded
            source.save(update_fields=["amount_refunded"])
