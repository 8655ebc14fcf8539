"""Producers dispatch their own order lines, never another producer's line of the same order.

The dispatch is stored as a LineShipment (one per line, with the tracking
reference), and recorded as an Oscar ShippingEvent "Dispatched" so that the
order's own history in the staff dashboard shows it as well.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order.models import Line, ShippingEvent, ShippingEventQuantity, ShippingEventType

from .models import LineShipment

DISPATCHED = "dispatched"

# Line statuses (OSCAR_LINE_STATUS_PIPELINE) and what they mean for the order.
LINE_DISPATCHED, LINE_DELIVERED, LINE_CANCELLED = "Dispatched", "Delivered", "Cancelled"
ORDER_PROCESSING, ORDER_COMPLETE, ORDER_CANCELLED = "Being processed", "Complete", "Cancelled"
LINE_DONE = {LINE_DISPATCHED, LINE_DELIVERED, LINE_CANCELLED}


def dispatched_event_type():
    event_type, _created = ShippingEventType.objects.get_or_create(code=DISPATCHED, defaults={"name": "Dispatched"})
    return event_type


@transaction.atomic
def dispatch_line(line, producer, user, tracking_reference, carrier=""):
    """Mark one of the producer's own lines dispatched with its tracking reference."""
    line = Line.objects.select_for_update().select_related("order").get(pk=line.pk)
    if line.partner_id != producer.partner_id:
        raise PermissionDenied(_("This order line belongs to another producer."))
    reference = (tracking_reference or "").strip()
    if not reference:
        raise ValidationError({"tracking_reference": _("Enter the tracking reference.")})
    if LineShipment.objects.filter(line=line).exists():
        raise ValidationError(_("This line has already been dispatched."))
    shipment = LineShipment(
        line=line, producer=producer, tracking_reference=reference, carrier=(carrier or "").strip(), dispatched_by=user
    )
    shipment.full_clean()
    shipment.save()
    event = ShippingEvent.objects.create(order=line.order, event_type=dispatched_event_type(), notes=reference)
    ShippingEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)
    if not line.status:
        line.status = settings.OSCAR_INITIAL_LINE_STATUS
    line.set_status(LINE_DISPATCHED)
    if line.num_allocated and line.is_allocation_consumption_possible(line.quantity):
        line.consume_allocation(line.quantity)  # the units have left: allocated stock → gone
    follow_lines(line.order)
    return shipment


def follow_lines(order):
    """Move the order along its pipeline after its lines: being processed once a line has left, complete
    when every line is dispatched, delivered or cancelled (cancelled if all were cancelled)."""
    order = type(order).objects.select_for_update().get(pk=order.pk)
    if not order.status:
        order.status = settings.OSCAR_INITIAL_ORDER_STATUS
    statuses = set(order.lines.values_list("status", flat=True))
    if statuses and statuses <= {LINE_CANCELLED}:
        target = ORDER_CANCELLED
    elif statuses and statuses <= LINE_DONE:
        target = ORDER_COMPLETE
    elif statuses & {LINE_DISPATCHED, LINE_DELIVERED}:
        target = ORDER_PROCESSING
    else:
        return order
    path = {ORDER_PROCESSING: [ORDER_PROCESSING], ORDER_COMPLETE: [ORDER_PROCESSING, ORDER_COMPLETE]}.get(
        target, [target]
    )
    for status in path:
        if status != order.status and status in order.available_statuses():
            order.set_status(status)
    return order
