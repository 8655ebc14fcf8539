"""Made-to-order products: the lead time and an estimated dispatch date, on checkout and order pages."""

from django import template

from shop.checkout.dispatch import estimated_dispatch, lead_time_days

register = template.Library()


@register.inclusion_tag("oscar/checkout/partials/lead_time.html")
def lead_time(product):
    return {"days": lead_time_days(product), "dispatch_date": estimated_dispatch(product)}
