"""Made-to-order products: the lead time and an estimated dispatch date, on product, basket and checkout pages."""

from datetime import timedelta

from django import template
from django.utils import timezone

register = template.Library()


def estimated_dispatch(product, today=None):
    """The day a made-to-order product is expected to leave its producer (None for stocked products)."""
    days = getattr(product.parent or product, "lead_time_days", None) if product is not None else None
    if days is None:
        return None
    return (today or timezone.localdate()) + timedelta(days=days)


@register.inclusion_tag("oscar/checkout/partials/lead_time.html")
def lead_time(product):
    owner = (product.parent or product) if product is not None else None
    return {"days": getattr(owner, "lead_time_days", None), "dispatch_date": estimated_dispatch(product)}
