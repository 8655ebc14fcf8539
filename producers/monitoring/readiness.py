"""Facility (loan) readiness: which producers have developed enough for a facility, with the evidence,
and the cap that applies to each.

The rule of the year (producers.models.ReadinessRule) asks for sales in at least N
of the last M months, a minimum total over those months and, if set, a certified
product on sale and completed training. A rule always needs at least one month
with sales, so nobody qualifies at registration. Evidence is read with one query
for every producer at once.
"""

from dataclasses import dataclass, field

from django.db.models import Min, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import Product

from ..models import Producer
from . import rules

SALES_MONTHS = "sales_months"
SALES_TOTAL = "sales_total"
CERTIFICATE = "certificate"
TRAINING = "training"

CONDITIONS = {
    SALES_MONTHS: _("Months with sales"),
    SALES_TOTAL: _("Total sales"),
    CERTIFICATE: _("Certified product on sale"),
    TRAINING: _("Training completed"),
}


@dataclass
class Decision:
    producer: Producer
    eligible: bool
    cap: object  # Decimal
    unmet: list = field(default_factory=list)  # keys of CONDITIONS

    @property
    def unmet_labels(self):
        return [CONDITIONS[key] for key in self.unmet]


def with_evidence(rule, at=None):
    """Active producers annotated with the facts the rule asks about (one query)."""
    at = at or timezone.now()
    listable = Product.objects.listable(at).filter(producer_id=OuterRef("pk"))
    first_sale = (
        rules.sold_lines()
        .filter(partner_id=OuterRef("partner_id"))
        .order_by()
        .values("partner_id")
        .annotate(first=Min("order__date_placed"))
        .values("first")[:1]
    )
    return (
        Producer.objects.filter(is_active=True)
        .select_related("region")
        .annotate(
            sales_months=rules.sales_months(rule, "partner_id", at),
            sales_total=rules.sales_total(rule, "partner_id", at),
            certified_products=rules.count_of(listable),
            trained=rules.completed_training("pk"),
            first_sale_at=Subquery(first_sale),
        )
        .order_by("region__slug", "name", "pk")
    )


def unmet_conditions(producer, rule):
    """The rule's conditions an annotated producer does not meet (keys of CONDITIONS, in order)."""
    unmet = []
    if not rules.is_sustained(producer.sales_months, rule):
        unmet.append(SALES_MONTHS)
    if producer.sales_total < rule.min_total_sales:
        unmet.append(SALES_TOTAL)
    if rule.require_certificate and not producer.certified_products:
        unmet.append(CERTIFICATE)
    if rule.require_training and not producer.trained:
        unmet.append(TRAINING)
    return unmet


def decide(producer, rule):
    unmet = unmet_conditions(producer, rule)
    return Decision(producer=producer, eligible=not unmet, cap=rule.cap_for(producer.kind), unmet=unmet)


def decisions(rule, at=None, queryset=None):
    """A Decision for every active producer (one query)."""
    producers = queryset if queryset is not None else with_evidence(rule, at)
    return [decide(producer, rule) for producer in producers]


def eligible(rule, at=None):
    return [decision for decision in decisions(rule, at) if decision.eligible]
