"""Reconciliation: what Stripe says was paid and refunded, against the orders the shop holds.

`reconcile(start, end, fix=False)` lists the PaymentIntents and refunds Stripe created in
[start, end) and compares each of ours (checkout payments, pre-order charges and pay-now
payments: their metadata or our records name them) with the orders and their card sources:

- paid_without_order: Stripe took the money and no order stands for it, nor a full refund.
  Fix: the rule that would have placed the order runs again (`services.settle`, `cards.charge`,
  `cards.complete_pay_now`), each idempotent; what still has no order is refunded.
- order_without_payment: an order's card source names a PaymentIntent that Stripe does not report
  as succeeded. Fix, when Stripe's word is final (failed or canceled): the order's undispatched lines
  are cancelled and their stock released (`refunds.cancel_unpaid`); lines already dispatched, an
  intent still in progress or one Stripe does not know stay for staff.
- amount_differs: the order's source says another amount was debited than Stripe received. Reported
  for staff (the checkout refuses such a payment before placing, so this means a changed record).
- refund_behind: Stripe refunded more than the order's source shows. Fix: the source follows Stripe
  (what the `charge.refunded` webhook does).
- refund_ahead: the order's source shows more refunded than Stripe did. Fix: the missing refund is made.
- refund_unrecorded: a refund Stripe made on a paid order that is in none of the order's refund
  events (made in Stripe's dashboard, say). Fix: recorded in the order's refund trail (no lines).
- record_behind: our CardPayment row still waits for a payment Stripe has failed or cancelled.
  Fix: the row follows Stripe (`services.settle`).

Nothing here decides a rule of its own: the fixes call the functions that own them.
"""

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order.models import Order, PaymentEvent
from oscar.apps.payment.models import Source

from shop.checkout import placement

from . import gateway, refunds, services
from .models import CardPayment

logger = logging.getLogger(__name__)

PAID_WITHOUT_ORDER = "paid_without_order"
ORDER_WITHOUT_PAYMENT = "order_without_payment"
AMOUNT_DIFFERS = "amount_differs"
REFUND_BEHIND = "refund_behind"
REFUND_AHEAD = "refund_ahead"
REFUND_UNRECORDED = "refund_unrecorded"
RECORD_BEHIND = "record_behind"

ZERO = Decimal("0")
NEVER_PAID = ("requires_payment_method", "canceled")  # Stripe's final word: no money was taken


@dataclass
class Mismatch:
    kind: str
    intent_id: str
    order_number: str = ""
    stripe_amount: Decimal | None = None
    shop_amount: Decimal | None = None
    detail: str = ""
    fixed: str = ""  # what --fix did; empty when it was not (or cannot be) repaired


@dataclass
class Report:
    intents: int = 0  # PaymentIntents of ours that Stripe listed
    foreign: int = 0  # listed but not ours (another integration on the same account)
    refunds: int = 0
    mismatches: list = field(default_factory=list)

    @property
    def unresolved(self):
        return [mismatch for mismatch in self.mismatches if not mismatch.fixed]


def _charge_of(intent):
    charge = intent.get("latest_charge")
    return charge if isinstance(charge, dict) else {}


def _received(intent):
    return gateway.from_stripe_amount(intent.get("amount_received") or 0)


def _refunded(intent):
    return gateway.from_stripe_amount(_charge_of(intent).get("amount_refunded") or 0)


def _is_ours(intent, known_ids):
    metadata = intent.get("metadata") or {}
    return intent["id"] in known_ids or any(key in metadata for key in ("card_payment", "basket", "commitment"))


def reconcile(start, end, *, fix=False):
    """Compare Stripe with the shop for PaymentIntents and refunds created in [start, end). Returns a Report."""
    from shop.preorders.models import Commitment

    report = Report()
    intents = {intent["id"]: intent for intent in gateway.payment_intents_created_between(start, end)}
    sources = {
        source.reference: source
        for source in Source.objects.select_related("order", "source_type").filter(
            source_type__code=placement.STRIPE, reference__in=list(intents)
        )
    }
    payments = {payment.intent_id: payment for payment in CardPayment.objects.filter(intent_id__in=list(intents))}
    commitments = {
        commitment.payment_intent_id: commitment
        for commitment in Commitment.objects.filter(payment_intent_id__in=list(intents))
    }
    known = set(sources) | set(payments) | set(commitments)
    for intent in intents.values():
        if not _is_ours(intent, known):
            report.foreign += 1
            continue
        report.intents += 1
        _compare(intent, sources.get(intent["id"]), payments.get(intent["id"]), report, fix)

    _orders_whose_intent_is_unlisted(start, end, intents, report, fix)
    _refunds(start, end, report, fix)
    return report


def _compare(intent, source, payment, report, fix):
    intent_id, status = intent["id"], intent.get("status")
    if status != "succeeded":
        if source is not None:
            mismatch = Mismatch(
                ORDER_WITHOUT_PAYMENT,
                intent_id,
                source.order.number,
                shop_amount=source.amount_debited,
                detail=f"Stripe status: {status}",
            )
            if fix and status in NEVER_PAID:
                standing = refunds.cancel_unpaid(source.order, f"Stripe: {status}")
                if standing:
                    mismatch.detail += f"; {len(standing)} lines already dispatched: staff must settle them"
                else:
                    mismatch.fixed = "order cancelled, its stock released"
            report.mismatches.append(mismatch)
        elif payment is not None and _record_lags(payment, status):
            mismatch = Mismatch(RECORD_BEHIND, intent_id, detail=f"shop: {payment.status}, Stripe: {status}")
            if fix:
                services.settle(intent)
                payment.refresh_from_db()
                mismatch.fixed = f"record now {payment.status}"
            report.mismatches.append(mismatch)
        return

    received, refunded = _received(intent), _refunded(intent)
    if source is None:
        if refunded >= received:
            return  # refunded in full (the order could not be placed): nothing is owed either way
        mismatch = Mismatch(PAID_WITHOUT_ORDER, intent_id, stripe_amount=received - refunded)
        if fix:
            mismatch.fixed = _settle_paid_without_order(intent)
        report.mismatches.append(mismatch)
        return

    number = source.order.number
    if source.amount_debited != received:
        mismatch = Mismatch(
            AMOUNT_DIFFERS, intent_id, number, stripe_amount=received, shop_amount=source.amount_debited
        )
        if fix:
            mismatch.detail = "staff must settle the difference with the customer"
        report.mismatches.append(mismatch)
    if refunded > source.amount_refunded:
        mismatch = Mismatch(
            REFUND_BEHIND, intent_id, number, stripe_amount=refunded, shop_amount=source.amount_refunded
        )
        if fix:
            charge = {"payment_intent": intent_id, "amount_refunded": _charge_of(intent)["amount_refunded"]}
            services.record_charge_refunded(charge)
            mismatch.fixed = "the order's card source now shows Stripe's refunded amount"
        report.mismatches.append(mismatch)
    elif refunded < source.amount_refunded:
        mismatch = Mismatch(REFUND_AHEAD, intent_id, number, stripe_amount=refunded, shop_amount=source.amount_refunded)
        if fix:
            owed = source.amount_refunded - refunded
            made = gateway.refund(
                intent_id=intent_id,
                amount=owed,
                idempotency_key=f"reconcile-owed-{intent_id}-{gateway.to_stripe_amount(source.amount_refunded)}",
                reason=f"reconcile_payments: refund recorded on order {number} but not made",
            )
            refunds.record_stripe_refund(
                source.order,
                made["id"],
                owed,
                _("Refund of %(amount)s made again at Stripe: the order showed it refunded, Stripe did not.")
                % {"amount": owed},
            )
            mismatch.fixed = f"the missing refund ({owed}) made at Stripe"
        report.mismatches.append(mismatch)


def _record_lags(payment, stripe_status):
    failed = stripe_status in ("requires_payment_method", "canceled")
    return failed and payment.status in (CardPayment.Status.CREATED, CardPayment.Status.REQUIRES_ACTION)


def _settle_paid_without_order(intent):
    """Run again the rule that places this payment's order; refund what still has no order. Says what happened."""
    from shop.preorders import cards
    from shop.preorders.models import Campaign, Commitment
    from shop.preorders.rules import CampaignRefused

    metadata = intent.get("metadata") or {}
    commitment_pk = str(metadata.get("commitment", ""))
    try:
        if commitment_pk.isdigit() and metadata.get("basket"):
            cards.complete_pay_now(int(commitment_pk), intent["id"])
        elif commitment_pk.isdigit():
            due = Commitment.objects.filter(
                pk=int(commitment_pk), state=Commitment.State.COMMITTED, campaign__state=Campaign.State.SUCCEEDED
            )
            if due.exists():
                cards.charge(int(commitment_pk))  # the same idempotency key: Stripe answers this very intent
        else:
            services.settle(intent)
    except CampaignRefused:
        pass  # complete_pay_now refunded it and said why
    if Source.objects.filter(source_type__code=placement.STRIPE, reference=intent["id"]).exists():
        return "order placed"
    current = gateway.retrieve_intent_with_charge(intent["id"])
    left = _received(current) - _refunded(current)
    if left <= ZERO:
        return "refunded"
    gateway.refund(
        intent_id=intent["id"],
        amount=left,
        idempotency_key=f"reconcile-refund-{intent['id']}",
        reason="reconcile_payments: paid without an order",
    )
    with transaction.atomic():
        CardPayment.objects.filter(intent_id=intent["id"], order__isnull=True).update(
            status=CardPayment.Status.REFUNDED_UNPLACEABLE, last_error="reconcile_payments: paid without an order"
        )
    logger.warning("PaymentIntent %s: paid without an order; %s refunded by reconcile_payments", intent["id"], left)
    return "refunded"


def _orders_whose_intent_is_unlisted(start, end, intents, report, fix):
    """Card orders placed in the range whose PaymentIntent Stripe did not list: ask for each one."""
    sources = Source.objects.select_related("order").filter(
        source_type__code=placement.STRIPE, order__date_placed__gte=start, order__date_placed__lt=end
    )
    for source in sources.exclude(reference__in=list(intents)):
        try:
            intent = gateway.retrieve_intent_with_charge(source.reference)
        except gateway.PaymentError as error:
            report.mismatches.append(
                Mismatch(
                    ORDER_WITHOUT_PAYMENT,
                    source.reference,
                    source.order.number,
                    shop_amount=source.amount_debited,
                    detail=f"Stripe does not know it: {error}",
                )
            )
            continue
        report.intents += 1
        _compare(intent, source, None, report, fix)


def _refunds(start, end, report, fix):
    """Each refund Stripe made on a paid order must be in the order's refund trail (a refund event).

    A refund on a payment with no order is the shop's own (the order could not be placed) or not ours;
    either way the amounts are checked per PaymentIntent above.
    """
    stripe_refunds = [r for r in gateway.refunds_created_between(start, end) if r.get("payment_intent")]
    orders = dict(
        Source.objects.filter(
            source_type__code=placement.STRIPE, reference__in={refund["payment_intent"] for refund in stripe_refunds}
        ).values_list("reference", "order__number")
    )
    recorded = set(
        PaymentEvent.objects.filter(order__number__in=orders.values())
        .exclude(reference="")
        .values_list("reference", flat=True)
    )
    for refund in stripe_refunds:
        number = orders.get(refund["payment_intent"])
        if number is None or refund.get("status") in ("failed", "canceled"):
            continue
        report.refunds += 1
        if refund["id"] not in recorded:
            amount = gateway.from_stripe_amount(refund.get("amount") or 0)
            mismatch = Mismatch(
                REFUND_UNRECORDED,
                refund["payment_intent"],
                number,
                stripe_amount=amount,
                detail=f"refund {refund['id']} is in no refund event of the order (made outside the shop?)",
            )
            if fix:
                refunds.record_stripe_refund(
                    Order.objects.get(number=number),
                    refund["id"],
                    amount,
                    _("Refund %(refund)s of %(amount)s was made at Stripe, outside the shop; recorded here.")
                    % {"refund": refund["id"], "amount": amount},
                )
                mismatch.fixed = "recorded in the order's refund trail"
            report.mismatches.append(mismatch)
