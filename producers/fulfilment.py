"""Producers dispatch their own order lines, never another producer's line of the same order.

The dispatch is stored as a LineShipment (one per line, with the tracking
reference), and recorded as an Oscar ShippingEvent "Dispatched" so that the
order's own history in the staff dashboard shows it as well.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order.models import Line, ShippingEvent, ShippingEventQuantity, ShippingEventType

from .models import LineShipment

DISPATCHED = "dispatched"


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
    return shipment
