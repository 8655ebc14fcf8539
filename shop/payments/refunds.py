"""Refunds, written once: staff refund a whole order or some of its lines.

A card order's money goes back through Stripe (idempotency key from the order and
the lines, so a retried or double-clicked refund is made once); a cash-on-delivery
order has taken no money yet, so its lines are simply cancelled. Either way the
order shows it: a "Refunded" payment event per refund with its lines, refunded
lines not yet dispatched are cancelled (their stock released), and the order
follows its lines (producers.fulfilment.follow_lines).
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order.models import Order, PaymentEvent, PaymentEventQuantity, PaymentEventType

from producers import fulfilment
from shop.checkout import placement

from . import gateway

REFUNDED = "refunded"


class RefundRefused(Exception):
    """The refund cannot be made; the message is for staff."""


def refunded_line_ids(order):
    return set(
        PaymentEventQuantity.objects.filter(event__order=order, event__event_type__code=REFUNDED).values_list(
            "line_id", flat=True
        )
    )


def refund(order, user, lines=None, reason=""):
    """Refund the given lines of the order (all lines not yet refunded, plus shipping, when `lines` is None)."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        done = refunded_line_ids(order)
        all_lines = list(order.lines.select_related("stockrecord").order_by("pk"))
        if lines is None:
            targets = [line for line in all_lines if line.pk not in done]
        else:
            wanted = {line.pk for line in lines}
            if not wanted <= {line.pk for line in all_lines}:
                raise RefundRefused(_("These lines do not belong to this order."))
            if wanted & done:
                raise RefundRefused(_("Some of these lines have already been refunded."))
            targets = [line for line in all_lines if line.pk in wanted]
        if not targets:
            raise RefundRefused(_("Nothing is left to refund on this order."))
        amount = sum((line.line_price_incl_tax for line in targets), Decimal("0"))
        if len(done) + len(targets) == len(all_lines):
            amount += order.shipping_incl_tax  # the last refund of the order gives the shipping back too

        source = order.sources.select_related("source_type").filter(source_type__code=placement.STRIPE).first()
        reference = ""
        if source is not None:
            amount = min(amount, source.amount_debited - source.amount_refunded)
            if amount <= 0:
                raise RefundRefused(_("The card payment has already been refunded in full."))
            line_key = "-".join(str(line.pk) for line in targets)
            answer = gateway.refund(
                intent_id=source.reference,
                amount=amount,
                idempotency_key=f"refund-order-{order.number}-lines-{line_key}",
                reason=reason,
            )
            reference = answer["id"]
            source.refund(amount, reference=reference)
        else:
            amount = Decimal("0")  # cash on delivery: nothing was taken, the lines are cancelled

        event_type, _created = PaymentEventType.objects.get_or_create(code=REFUNDED, defaults={"name": "Refunded"})
        event = PaymentEvent.objects.create(order=order, event_type=event_type, amount=amount, reference=reference)
        PaymentEventQuantity.objects.bulk_create(
            PaymentEventQuantity(event=event, line=line, quantity=line.quantity) for line in targets
        )
        cancel_undispatched(targets)
        order.notes.create(
            user=user,
            message=_("Refunded %(amount)s for: %(lines)s. %(reason)s")
            % {"amount": amount, "lines": ", ".join(line.title for line in targets), "reason": reason},
        )
        fulfilment.follow_lines(order)
        return event


def cancel_undispatched(lines):
    """Cancel the lines that have not left the producer yet and release their stock."""
    for line in lines:
        if fulfilment.LINE_CANCELLED in line.available_statuses():
            line.set_status(fulfilment.LINE_CANCELLED)
            line.cancel_allocation(line.quantity)


def cancel_unpaid(order, reason):
    """An order whose card payment Stripe says never succeeded: nothing of it may be shipped unpaid.

    Its lines not yet dispatched are cancelled (stock released) and a note says why. Returns the lines
    that still stand (already dispatched: staff must settle those with the customer).
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order.pk)
        lines = list(order.lines.select_related("stockrecord").order_by("pk"))
        cancel_undispatched(lines)
        order.notes.create(
            message=_("Cancelled: the card payment was never completed (%(reason)s).") % {"reason": reason}
        )
        fulfilment.follow_lines(order)
        return [line for line in lines if line.status != fulfilment.LINE_CANCELLED]


def record_stripe_refund(order, refund_id, amount, message):
    """A refund made at Stripe but not by `refund()` (in Stripe's dashboard, or re-made by reconciliation):
    into the order's refund trail, with no lines, once per Stripe refund, with a note saying why."""
    with transaction.atomic():
        event_type, _created = PaymentEventType.objects.get_or_create(code=REFUNDED, defaults={"name": "Refunded"})
        event, created = PaymentEvent.objects.get_or_create(
            order=order, event_type=event_type, reference=refund_id, defaults={"amount": amount}
        )
        if created:
            order.notes.create(message=message)
        return event
