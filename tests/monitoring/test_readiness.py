"""Facility readiness: each producer's decision against the hand-built programme, the boundaries,
and the caps per level and per year."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from producers.models import Application, Producer, ReadinessRule
from producers.monitoring import readiness, rules
from tests.factories import ProductClassFactory, RegionFactory

from .factories import applicant, certified_product, moment, sale, trained

pytestmark = pytest.mark.django_db


def decisions_by_producer(rule):
    return {decision.producer.pk: decision for decision in readiness.decisions(rule)}


def test_each_decision_with_its_evidence(programme):
    decisions = decisions_by_producer(programme.rule)
    p = programme

    assert decisions[p.p3.pk].unmet == ["sales_months", "sales_total", "certificate", "training"]
    assert decisions[p.p4.pk].unmet == ["sales_months", "sales_total", "certificate"]
    assert decisions[p.p5.pk].unmet == ["sales_months", "sales_total"]  # cancelled sales count for nothing
    assert decisions[p.p6.pk].unmet == ["sales_months"]  # meets every rule but one: 2 months of 3

    seven = decisions[p.p7.pk]
    assert seven.eligible and seven.unmet == []
    assert seven.producer.sales_months == 3  # exactly N: June 2025 is the 13th month back, outside
    assert seven.producer.sales_total == Decimal("1500000")
    assert seven.producer.certified_products == 1 and seven.producer.trained
    assert seven.cap == Decimal("50000000")

    eight = decisions[p.p8.pk]
    assert eight.eligible
    assert eight.producer.sales_months == 4  # 1 July 2025 00:00 opens the window
    assert eight.producer.sales_total == Decimal("3200000")
    assert eight.cap == Decimal("250000000")

    assert {d.producer.pk for d in readiness.eligible(p.rule)} == {p.p7.pk, p.p8.pk}


def test_one_month_short_is_not_ready_and_the_nth_month_makes_it_ready(programme):
    assert not decisions_by_producer(programme.rule)[programme.p6.pk].eligible
    sale(programme.products[programme.p6], moment(2026, 4, 9), "10000")
    decision = decisions_by_producer(programme.rule)[programme.p6.pk]
    assert decision.producer.sales_months == 3 and decision.eligible


def test_meeting_every_rule_but_the_minimum_total(programme):
    programme.rule.min_total_sales = Decimal("1500001")  # p7 sold 1,500,000
    programme.rule.save()
    decision = decisions_by_producer(programme.rule)[programme.p7.pk]
    assert decision.unmet == ["sales_total"] and not decision.eligible
    programme.rule.min_total_sales = Decimal("1500000")
    programme.rule.save()
    assert decisions_by_producer(programme.rule)[programme.p7.pk].eligible


def test_certificate_and_training_only_when_the_rule_asks(programme):
    sale(programme.products[programme.p6], moment(2026, 4, 9), "10000")
    programme.p6.enrolments.update(completed_at=None)
    assert decisions_by_producer(programme.rule)[programme.p6.pk].unmet == ["training"]
    programme.rule.require_training = False
    programme.rule.save()
    assert decisions_by_producer(programme.rule)[programme.p6.pk].eligible


def test_an_expired_certificate_is_not_evidence(programme):
    certificate = programme.products[programme.p7].certificates.get()
    certificate.valid_from = programme.now - dt.timedelta(days=400)
    certificate.valid_until = programme.now - dt.timedelta(days=1)
    certificate.save()
    assert decisions_by_producer(programme.rule)[programme.p7.pk].unmet == ["certificate"]


def test_nobody_is_eligible_at_registration(db, frozen_now, rule):
    """A producer approved today, trained, with a certified product, has no months of sales yet,
    even under the most lenient rule the model allows."""
    region = RegionFactory()
    craft = ProductClassFactory()
    newcomer = applicant(region, [craft], frozen_now, state=Application.State.APPROVED).producer
    trained(newcomer, frozen_now)
    certified_product(newcomer, craft)
    lenient = ReadinessRule(
        year=2027,
        window_months=1,
        min_sales_months=1,
        min_total_sales=0,
        require_certificate=False,
        require_training=False,
    )
    assert readiness.eligible(rule) == []
    assert readiness.eligible(lenient) == []
    assert decisions_by_producer(lenient)[newcomer.pk].unmet == ["sales_months"]


def test_a_rule_cannot_ask_for_zero_months_of_sales(db):
    rule = ReadinessRule(year=2030, window_months=12, min_sales_months=0)
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "min_sales_months" in error.value.error_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        ReadinessRule.objects.create(year=2031, window_months=12, min_sales_months=0)


def test_a_rule_cannot_ask_for_more_months_than_it_looks_at(db):
    rule = ReadinessRule(year=2030, window_months=6, min_sales_months=7)
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "min_sales_months" in error.value.error_dict


def test_inactive_producers_are_not_listed(programme):
    Producer.objects.filter(pk=programme.p8.pk).update(is_active=False)
    assert programme.p8.pk not in decisions_by_producer(programme.rule)


# --- Caps per level and per year --------------------------------------------------------------------


def test_caps_follow_the_level(db):
    rule = ReadinessRule(year=2026)
    assert rule.cap_for(Producer.Kind.HOME) == Decimal("50000000")
    assert rule.cap_for(Producer.Kind.LEAD) == Decimal("250000000")


def test_the_rule_in_force_is_the_latest_set_for_the_year_or_before(db, frozen_now):
    assert rules.rule_in_force().pk is None  # nothing set: the programme's defaults
    assert rules.rule_in_force().cap_individual == Decimal("50000000")
    old = ReadinessRule.objects.create(year=2025, cap_individual=Decimal("40000000"), cap_network=Decimal("200000000"))
    assert rules.rule_in_force() == old  # 2026 has no rule of its own yet
    new = ReadinessRule.objects.create(year=2026, cap_individual=Decimal("60000000"), cap_network=Decimal("300000000"))
    assert rules.rule_in_force() == new
    assert rules.rule_in_force(2025) == old
    assert rules.rule_in_force(2024).pk is None
    assert rules.rule_in_force(2027) == new


def test_the_cap_shown_is_the_cap_of_the_year(programme):
    programme.rule.cap_individual = Decimal("70000000")
    programme.rule.cap_network = Decimal("350000000")
    programme.rule.save()
    decisions = decisions_by_producer(rules.rule_in_force())
    assert decisions[programme.p7.pk].cap == Decimal("70000000")
    assert decisions[programme.p8.pk].cap == Decimal("350000000")
