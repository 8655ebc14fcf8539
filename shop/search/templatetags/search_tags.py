"""Template helpers for the results pages."""

from django import template
from django.utils.translation import get_language_bidi

register = template.Library()

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@register.filter
def digits(value):
    """A number in the digits of the active language (Persian digits on right-to-left pages)."""
    text = str(value)
    return text.translate(PERSIAN_DIGITS) if get_language_bidi() else text
