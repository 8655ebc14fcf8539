"""The demo's pre-order campaigns (shop/demo/campaigns.py): one running near its target, one waiting for
review, one succeeded with its orders for the producer, one failed, and a history for the monitoring chart.

The demo is loaded twice for the module inside a transaction rolled back at the end.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shop.demo import campaigns as demo_campaigns
from shop.preorders.models import Campaign, Commitment
from tests.conftest import demo_market

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_market(django_db_blocker, tmp_path_factory):
        first = demo_campaigns.counts()
        call_command("load_demo", stdout=io.StringIO())
        yield {"first": first, "second": demo_campaigns.counts()}


def client_for(email):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def test_a_second_run_adds_no_campaign(demo):
    assert demo["first"] == demo["second"]
    assert demo["first"]["preorders.Campaign"] == len(demo_campaigns.CAMPAIGNS)


def test_one_campaign_runs_near_its_target_and_the_public_sees_it(demo):
    near = Campaign.objects.get(product__upc="HM-LTH-002")
    assert near.state == Campaign.State.RUNNING and near.deadline > timezone.now()
    assert 80 <= near.progress_percent < 100
    response = Client().get("/en/campaigns/")
    assert response.status_code == 200
    assert near in response.context["campaigns"]
    assert "cms-running-campaigns" in Client().get("/fa/").content.decode()  # on the home page too


def test_a_succeeded_campaign_left_one_order_per_commitment_for_its_producer(demo):
    succeeded = Campaign.objects.get(product__upc="HM-KLM-006")
    assert succeeded.state == Campaign.State.SUCCEEDED
    commitments = list(succeeded.commitments.select_related("order"))
    assert commitments and all(c.state == Commitment.State.ORDERED and c.order for c in commitments)
    for commitment in commitments:
        line = commitment.order.lines.get()
        assert line.partner == succeeded.producer.partner
        assert line.unit_price_incl_tax == succeeded.price


def test_a_failed_campaign_released_everyone_and_shows_how_far_it_got(demo):
    failed = Campaign.objects.get(product__upc="HM-EMB-002")
    assert failed.state == Campaign.State.FAILED
    assert set(failed.commitments.values_list("state", flat=True)) == {Commitment.State.RELEASED}
    assert not failed.commitments.filter(order__isnull=False).exists()
    assert Campaign.objects.with_committed().get(pk=failed.pk).committed == 7


def test_staff_have_a_proposal_to_review_and_the_demo_producer_sees_demand(demo):
    staff = client_for("staff@demo.example")
    waiting = staff.get(reverse("dashboard:preorders-review-list"))
    assert [c.product.upc for c in waiting.context["campaigns"]] == ["HM-LTH-003"]
    producer = client_for("producer@demo.example")
    mine = producer.get(reverse("dashboard:preorders-portal-list"))
    assert {c.product.upc for c in mine.context["campaigns"]} == {"HM-LTH-002", "HM-LTH-003"}


def test_the_demo_customer_has_commitments_to_follow(demo):
    response = client_for("customer@demo.example").get("/en/campaigns/mine/")
    assert response.status_code == 200
    assert len(response.context["commitments"]) >= 3
