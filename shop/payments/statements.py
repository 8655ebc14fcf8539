"""A producer's statement: what they sold, the marketplace's commission and what the market owes them.

Counted: the producer's order lines that are not cancelled and not refunded, at the
price the customer paid (line total, tax-inclusive tomans). The commission is
MARKETPLACE_COMMISSION_PERCENT of each month's sales, rounded to the toman; the
amount owed is sales minus commission. A few aggregate queries, whatever the
number of lines.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import TruncMonth
from oscar.apps.order.models import Line, PaymentEventQuantity

from producers.fulfilment import LINE_CANCELLED

from .refunds import REFUNDED


@dataclass
class Row:
    month: object
    lines: int
    sales: Decimal
    commission: Decimal

    @property
    def owed(self):
        return self.sales - self.commission


def commission_rate():
    return Decimal(str(settings.MARKETPLACE_COMMISSION_PERCENT)) / Decimal("100")


def commission_on(sales):
    return (sales * commission_rate()).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def sold_lines(producer):
    refunded = PaymentEventQuantity.objects.filter(line=OuterRef("pk"), event__event_type__code=REFUNDED)
    return (
        Line.objects.filter(partner_id=producer.partner_id)
        .exclude(status=LINE_CANCELLED)
        .exclude(order__status="Cancelled")
        .exclude(Exists(refunded))
    )


def statement(producer):
    """Monthly rows (newest first) and the totals."""
    monthly = (
        sold_lines(producer)
        .annotate(month=TruncMonth("order__date_placed"))
        .values("month")
        .annotate(lines=Count("pk"), sales=Sum("line_price_incl_tax"))
        .order_by("-month")
    )
    rows = [
        Row(r["month"], r["lines"], r["sales"] or Decimal("0"), commission_on(r["sales"] or Decimal("0")))
        for r in monthly
    ]
    total = Row(
        None,
        sum(r.lines for r in rows),
        sum((r.sales for r in rows), Decimal("0")),
        sum((r.commission for r in rows), Decimal("0")),
    )
    return {"rows": rows, "total": total, "percent": settings.MARKETPLACE_COMMISSION_PERCENT}
