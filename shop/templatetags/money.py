"""Money as people here read it: `12,500 تومان` in Persian, `12,500 toman` in English.

Registered in settings as the `currency_filters` library, so Oscar's templates
use it too.
"""

from decimal import Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal
from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_bidi, gettext, to_locale

register = template.Library()

# Digits before the decimal point of the largest amount printed: far above any price or total the
# shop's fields can hold, low enough that a hostile number cannot make a huge page.
MAXIMUM_DIGITS = 40

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
    if not amount.is_finite() or amount.adjusted() >= MAXIMUM_DIGITS:
        return ""  # NaN, infinities and amounts no price can reach (1e999999999 would print a billion digits)
    locale = to_locale(get_language() or settings.LANGUAGE_CODE)
    # Babel rounds to cents in the current decimal context: give it the digits of the whole amount,
    # or an amount of 10^26 and more raises InvalidOperation (Python's default is 28 digits).
    with localcontext() as context:
        context.prec = max(context.prec, amount.adjusted() + 4)
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
