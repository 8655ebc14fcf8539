"""Money as people here read it: `12,500 تومان` in Persian, `12,500 toman` in English.

Registered in settings as the `currency_filters` library, so Oscar's templates
use it too.
"""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal
from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_bidi, gettext, to_locale

register = template.Library()

TO_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

CURRENCY_NAMES = {
    # Translators: the currency unit prices are quoted in.
    "IRT": lambda: gettext("toman"),
}


def format_money(value, currency=None):
    currency = currency or settings.OSCAR_DEFAULT_CURRENCY
    try:
        amount = Decimal(value)
    except (TypeError, ValueError, InvalidOperation):
        return ""
    locale = to_locale(get_language() or settings.LANGUAGE_CODE)
    if get_language_bidi():
        # Babel gives the Persian separators (٬) but leaves the digits Latin.
        number = format_decimal(amount, format="#,##0.##", locale=locale, numbering_system="arabext")
        number = number.translate(TO_PERSIAN_DIGITS)
    else:
        number = format_decimal(amount, format="#,##0.##", locale=locale)
    name = CURRENCY_NAMES.get(currency, lambda: currency)()
    return f"{number} {name}"


@register.filter(name="currency")
def currency(value, currency_format=None):
    return format_money(value, currency_format)
