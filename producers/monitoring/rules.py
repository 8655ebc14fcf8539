"""The definitions every monitoring figure shares, written once.

- A *sale* is an Oscar order line sold through a producer's partner, unless the
  order or the line was cancelled (`sold_lines`); its value is the line's price
  including tax, in toman.
- *Sustained sales* means sales in at least `min_sales_months` of the last
  `window_months` calendar months, counting the current month; both numbers come
  from the facility readiness rule of the year (`rule_in_force`).
- *Trained* means at least one completed course (`completed_training`).
- *Certified* means at least one product that passes the listing gate now
  (`Product.objects.listable()`, quality.gate: a certificate in force for the
  product's current version).
"""

import datetime as dt

from django.db.models import Count, Exists, F, Func, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from catalogue.models import Product

from ..models import Enrolment, ReadinessRule

CANCELLED = "Cancelled"  # the same word in OSCAR_ORDER_STATUS_PIPELINE and OSCAR_LINE_STATUS_PIPELINE


def rule_in_force(year=None):
    """The readiness rule of `year` (this year by default): the latest one set for that year or before it,
    else the programme's defaults (unsaved)."""
    year = year or timezone.localdate().year
    rule = ReadinessRule.objects.filter(year__lte=year).order_by("-year").first()
    return rule if rule is not None else ReadinessRule(year=year)


def month_start(day):
    return dt.date(day.year, day.month, 1)


def add_months(day, months):
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_back(count, at=None):
    """The first days of the last `count` calendar months, oldest first, ending with the month of `at`."""
    this_month = month_start(timezone.localdate(at or timezone.now()))
    return [add_months(this_month, offset) for offset in range(-(count - 1), 1)]


def aware(day):
    """Midnight at the start of `day` in the programme's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def window_start(rule, at=None):
    """When the months a rule looks at begin."""
    return aware(months_back(rule.window_months, at)[0])


def sold_lines():
    """Every sale: order lines whose order and line are not cancelled."""
    from oscar.apps.order.models import Line

    return Line.objects.exclude(order__status=CANCELLED).exclude(status=CANCELLED)


def sold_lines_between(start, end):
    return sold_lines().filter(order__date_placed__gte=start, order__date_placed__lte=end)


def completed_training(producer_ref="pk"):
    return Exists(Enrolment.objects.filter(producer_id=OuterRef(producer_ref), completed_at__isnull=False))


def certified_product(producer_ref="pk", at=None):
    return Exists(Product.objects.listable(at).filter(producer_id=OuterRef(producer_ref)))


def any_sale(partner_ref="partner_id"):
    return Exists(sold_lines().filter(partner_id=OuterRef(partner_ref)))


def _scalar(queryset, expression):
    """A correlated subquery returning one aggregate over `queryset` (no GROUP BY)."""
    return Subquery(queryset.order_by().annotate(_value=expression).values("_value")[:1])


def count_of(queryset, field="pk", distinct=False):
    template = "%(function)s(DISTINCT %(expressions)s)" if distinct else "%(function)s(%(expressions)s)"
    return Coalesce(_scalar(queryset, Func(F(field), function="COUNT", template=template)), Value(0))


def sum_of(queryset, field):
    return Coalesce(_scalar(queryset, Func(F(field), function="SUM")), Value(0), output_field=_decimal())


def _decimal():
    from django.db.models import DecimalField

    return DecimalField(max_digits=18, decimal_places=2)


def sales_months(rule, partner_ref="partner_id", at=None):
    """How many of the rule's months had sales through the partner (a subquery expression)."""
    at = at or timezone.now()
    lines = sold_lines_between(window_start(rule, at), at).filter(partner_id=OuterRef(partner_ref))
    return Coalesce(
        Subquery(
            lines.order_by()
            .values("partner_id")
            .annotate(months=Count(TruncMonth("order__date_placed"), distinct=True))
            .values("months")[:1]
        ),
        Value(0),
    )


def sales_total(rule, partner_ref="partner_id", at=None):
    """The value of the partner's sales over the rule's months (a subquery expression)."""
    at = at or timezone.now()
    lines = sold_lines_between(window_start(rule, at), at).filter(partner_id=OuterRef(partner_ref))
    return Coalesce(
        Subquery(lines.order_by().values("partner_id").annotate(total=Sum("line_price_incl_tax")).values("total")[:1]),
        Value(0),
        output_field=_decimal(),
    )


def is_sustained(months_with_sales, rule):
    return months_with_sales >= rule.min_sales_months


def sustained_q(rule, field="sales_months"):
    return Q(**{f"{field}__gte": rule.min_sales_months})
