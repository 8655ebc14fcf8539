"""Made-to-order products: when one is expected to leave its producer."""

from datetime import timedelta

from django.utils import timezone


def lead_time_days(product):
    if product is None:
        return None
    return getattr(product.parent or product, "lead_time_days", None) if product.is_child else product.lead_time_days


def estimated_dispatch(product, today=None):
    """Today plus the product's lead time (None for products kept in stock)."""
    days = lead_time_days(product)
    if days is None:
        return None
    return (today or timezone.localdate()) + timedelta(days=days)
