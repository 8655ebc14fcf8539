"""The demo's history (shop/demo/history.py): every monitoring figure and chart shows something real,
and loading the demo twice changes no counts.

The demo is loaded twice for the module inside a transaction rolled back at the end.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from oscar.apps.order.models import Order
from oscar.apps.payment.models import Source

from producers.models import Application, LineShipment, Producer
from producers.monitoring import funnel, readiness, rules
from shop.demo import history
from tests.conftest import demo_market

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_market(django_db_blocker, tmp_path_factory):
        first = history.counts()
        call_command("load_demo", stdout=io.StringIO())
        yield {"first": first, "second": history.counts()}


@pytest.fixture
def staff_client(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(email="staff@demo.example"))
    return client


def test_a_second_run_adds_nothing(demo):
    assert demo["second"] == demo["first"]
    assert demo["first"]["order.Order"] > 50


def test_every_funnel_stage_has_people_in_it(demo):
    totals = funnel.totals(rules.rule_in_force(), funnel.Filters())
    assert all(totals[stage] > 0 for stage in funnel.STAGE_KEYS), totals
    assert totals["applications"] > totals["verified"] > totals["certified"] > totals["sustained"]
    for by in funnel.SPLITS:
        assert len(funnel.split(rules.rule_in_force(), funnel.Filters(), by)) >= 2, by


def test_the_year_has_applications_approvals_and_orders_in_every_status(demo):
    since = rules.aware(rules.months_back(12)[0])
    assert Application.objects.filter(submitted_at__gte=since, state="approved").count() >= 4
    assert set(Application.objects.filter(submitted_at__gte=since).values_list("state", flat=True)) == set(
        Application.State.values
    )
    assert set(Order.objects.values_list("status", flat=True)) == {
        "Pending",
        "Being processed",
        "Complete",
        "Cancelled",
    }
    assert set(Source.objects.values_list("source_type__code", flat=True)) == {"cash-on-delivery", "stripe"}
    assert LineShipment.objects.exists()
    months = {
        order.date_placed.astimezone().strftime("%Y-%m") for order in Order.objects.filter(date_placed__gte=since)
    }
    assert len(months) == 12


def test_some_producers_are_ready_for_a_facility_and_some_are_not(demo):
    decisions = readiness.decisions(rules.rule_in_force())
    ready = [d for d in decisions if d.eligible]
    assert ready and len(ready) < len(decisions)
    assert {d.producer.kind for d in ready} == {Producer.Kind.HOME, Producer.Kind.LEAD}
    assert any(d.unmet == ["sales_total"] for d in decisions)  # honey every month, but not enough
    assert any(d.unmet == ["sales_months"] for d in decisions)  # five months of six


@pytest.mark.parametrize(
    "name",
    [
        "producers-monitoring-funnel",
        "producers-monitoring-charts",
        "producers-monitoring-quotas",
        "producers-monitoring-networks",
        "producers-monitoring-readiness",
    ],
)
def test_every_table_has_rows(staff_client, name):
    response = staff_client.get(reverse(f"dashboard:{name}"))
    assert response.status_code == 200
    for table in response.context["tables"]:
        assert table.rows, table.name


def test_every_chart_shows_something(staff_client):
    response = staff_client.get(reverse("dashboard:producers-monitoring-charts"))
    charts = response.context["charts"]
    assert len(charts) == 6
    for chart in charts:
        assert not chart.is_empty, chart.title
    over_time = charts[0]
    names = {column["name"] for column in over_time.columns if column["value"]}
    assert len(names) == 2  # applications and approvals both drawn
