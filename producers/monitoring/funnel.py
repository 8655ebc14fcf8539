"""The programme's funnel: applications → verified → trained → with a certified product → with a first sale
→ with sustained sales, for the country or a province, split by level, craft or month.

The unit is the application (a person's registration); from "verified" on, the
question is asked of the producer the approved application created. Each stage
counts those who also reached every stage before it, as things stand now.
Month is the month of submission. An application names one or more crafts, so
in the split by craft one person may count under each of their crafts.

Everything is aggregated in SQL: one query per table, whatever the number of rows.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from ..models import Application
from . import rules

APPLICATIONS = "applications"
VERIFIED = "verified"
TRAINED = "trained"
CERTIFIED = "certified"
FIRST_SALE = "first_sale"
SUSTAINED = "sustained"

STAGES = [
    (APPLICATIONS, _("Applications")),
    (VERIFIED, _("Verified")),
    (TRAINED, _("Trained")),
    (CERTIFIED, _("With a certified product")),
    (FIRST_SALE, _("With a first sale")),
    (SUSTAINED, _("With sustained sales")),
]
STAGE_KEYS = [key for key, _label in STAGES]

SPLITS = ("region", "level", "craft", "month")


@dataclass(frozen=True)
class Filters:
    """Which applications a figure is about (None: all)."""

    region: object = None  # producers.Region
    level: str | None = None
    craft: object = None  # catalogue.ProductClass
    month: object = None  # datetime.date, first of the month
    year: int | None = None

    def as_query(self, **changes):
        """Query-string parameters for the list behind a figure."""
        values = {
            "region": self.region.slug if self.region else None,
            "level": self.level,
            "craft": self.craft.slug if self.craft else None,
            "month": self.month.strftime("%Y-%m") if self.month else None,
            "year": self.year,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value}


def annotated(rule, at=None):
    """Applications with the facts each stage asks about."""
    return Application.objects.annotate(
        m_trained=rules.completed_training("producer_id"),
        m_certified=rules.certified_product("producer_id", at),
        m_sold=rules.any_sale("producer__partner_id"),
        m_sales_months=rules.sales_months(rule, "producer__partner_id", at),
    )


def stage_condition(stage, rule):
    """The Q an annotated application meets when it has reached `stage` (and every stage before it)."""
    conditions = {
        APPLICATIONS: Q(),
        VERIFIED: Q(state=Application.State.APPROVED, producer__isnull=False),
        TRAINED: Q(m_trained=True),
        CERTIFIED: Q(m_certified=True),
        FIRST_SALE: Q(m_sold=True),
        SUSTAINED: rules.sustained_q(rule, "m_sales_months"),
    }
    condition = Q()
    for key in STAGE_KEYS[: STAGE_KEYS.index(stage) + 1]:
        condition &= conditions[key]
    return condition


def filtered(queryset, filters):
    if filters.region is not None:
        queryset = queryset.filter(registration_region=filters.region)
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.craft is not None:
        queryset = queryset.filter(crafts=filters.craft)
    if filters.month is not None:
        start = rules.aware(filters.month)
        end = rules.aware(rules.add_months(filters.month, 1))
        queryset = queryset.filter(submitted_at__gte=start, submitted_at__lt=end)
    if filters.year:
        start = rules.aware(rules.dt.date(filters.year, 1, 1))
        end = rules.aware(rules.dt.date(filters.year + 1, 1, 1))
        queryset = queryset.filter(submitted_at__gte=start, submitted_at__lt=end)
    return queryset


def applications_at(stage, rule, filters, at=None):
    """The applications behind one figure (for its list)."""
    return filtered(annotated(rule, at), filters).filter(stage_condition(stage, rule)).distinct()


def _counts(rule):
    return {key: Count("pk", distinct=True, filter=stage_condition(key, rule)) for key in STAGE_KEYS}


def totals(rule, filters, at=None):
    """{stage: count} for the filtered applications (one query)."""
    return filtered(annotated(rule, at), filters).aggregate(**_counts(rule))


def split(rule, filters, by, at=None):
    """[(key, {stage: count})] grouped by region id, level, craft id or month (one query)."""
    queryset = filtered(annotated(rule, at), filters).order_by()
    if by == "region":
        grouped = queryset.values(key=F("registration_region_id"))
    elif by == "level":
        grouped = queryset.values(key=F("level"))
    elif by == "craft":
        grouped = queryset.filter(crafts__isnull=False).values(key=F("crafts"))
    elif by == "month":
        grouped = queryset.values(key=TruncMonth("submitted_at"))
    else:
        raise ValueError(by)
    rows = grouped.annotate(**_counts(rule)).order_by("key")
    return [(row["key"], {stage: row[stage] for stage in STAGE_KEYS}) for row in rows]
