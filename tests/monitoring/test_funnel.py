"""The funnel's figures against the hand-built programme in conftest.py (known answers)."""

import datetime as dt

import pytest

from producers.monitoring import funnel, rules

pytestmark = pytest.mark.django_db

STAGES = funnel.STAGE_KEYS


def counts(*numbers):
    return dict(zip(STAGES, numbers, strict=True))


def test_country_totals(programme):
    assert funnel.totals(programme.rule, funnel.Filters()) == counts(8, 6, 5, 4, 3, 2)


def test_split_by_province(programme):
    by_region = dict(funnel.split(programme.rule, funnel.Filters(), "region"))
    assert by_region == {
        programme.ardabil.pk: counts(5, 3, 2, 1, 1, 1),
        programme.markazi.pk: counts(3, 3, 3, 3, 2, 1),
    }


def test_one_province_alone(programme):
    filters = funnel.Filters(region=programme.markazi)
    assert funnel.totals(programme.rule, filters) == counts(3, 3, 3, 3, 2, 1)


def test_split_by_level(programme):
    assert dict(funnel.split(programme.rule, funnel.Filters(), "level")) == {
        "home": counts(6, 4, 3, 3, 2, 1),
        "lead": counts(2, 2, 2, 1, 1, 1),
    }


def test_split_by_craft_counts_a_person_under_each_of_their_crafts(programme):
    assert dict(funnel.split(programme.rule, funnel.Filters(), "craft")) == {
        programme.kilim.pk: counts(6, 4, 3, 2, 2, 2),
        programme.honey.pk: counts(3, 3, 3, 2, 1, 0),
    }
    # the lead business a4 applied for both crafts but is one application in the country total
    assert funnel.totals(programme.rule, funnel.Filters())["applications"] == 8


def test_split_by_month_of_application(programme):
    by_month = {
        (key.date() if isinstance(key, dt.datetime) else key): value
        for key, value in funnel.split(programme.rule, funnel.Filters(), "month")
    }
    assert by_month == {
        dt.date(2026, 4, 1): counts(4, 2, 1, 0, 0, 0),
        dt.date(2026, 5, 1): counts(4, 4, 4, 4, 3, 2),
    }


def test_filters_combine(programme):
    filters = funnel.Filters(region=programme.ardabil, level="lead", craft=programme.kilim, month=dt.date(2026, 5, 1))
    assert funnel.totals(programme.rule, filters) == counts(1, 1, 1, 1, 1, 1)


def test_the_list_behind_a_figure_holds_exactly_the_counted_applications(programme):
    a = programme.applications
    sustained = funnel.applications_at(funnel.SUSTAINED, programme.rule, funnel.Filters())
    assert set(sustained) == {a[6], a[7]}
    first_sale = funnel.applications_at(funnel.FIRST_SALE, programme.rule, funnel.Filters(region=programme.markazi))
    assert set(first_sale) == {a[5], a[6]}
    verified_honey = funnel.applications_at(funnel.VERIFIED, programme.rule, funnel.Filters(craft=programme.honey))
    assert set(verified_honey) == {a[3], a[4], a[5]}


def test_cancelled_orders_and_lines_are_not_sales(programme):
    a5 = programme.applications[4]
    assert a5 not in set(funnel.applications_at(funnel.FIRST_SALE, programme.rule, funnel.Filters()))


def test_an_expired_certificate_takes_a_producer_out_of_the_certified_stage(programme):
    certificate = programme.products[programme.p6].certificates.get()
    certificate.valid_until = programme.now - dt.timedelta(days=1)
    certificate.valid_from = programme.now - dt.timedelta(days=30)
    certificate.save()
    assert funnel.totals(programme.rule, funnel.Filters()) == counts(8, 6, 5, 3, 2, 2)


def test_sustained_follows_the_rule_of_the_year(programme):
    programme.rule.min_sales_months = 4
    programme.rule.save()
    rule = rules.rule_in_force()
    assert funnel.totals(rule, funnel.Filters())["sustained"] == 1  # only p8, with 4 months
    programme.rule.min_sales_months = 2
    programme.rule.save()
    assert funnel.totals(rules.rule_in_force(), funnel.Filters())["sustained"] == 3


def test_an_empty_programme_counts_nothing(db, frozen_now, rule):
    assert funnel.totals(rule, funnel.Filters()) == counts(0, 0, 0, 0, 0, 0)
    assert funnel.split(rule, funnel.Filters(), "region") == []
