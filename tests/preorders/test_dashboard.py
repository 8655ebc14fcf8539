"""Campaigns in the dashboard: producers propose and watch their demand; programme staff approve or reject."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.preorders.models import Campaign, Commitment
from tests.factories import ProductFactory, UserFactory
from tests.producers.factories import officer_user, portal_producer, staff_user

from .factories import CampaignFactory, CommitmentFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"dashboard:preorders-{name}", kwargs=kwargs or None)


@pytest.fixture
def producer():
    return portal_producer()


def proposal(product, **overrides):
    today = timezone.localdate()
    data = {
        "product": product.pk,
        "target_quantity": 20,
        "deadline": (today + timedelta(days=20)).isoformat(),
        "estimated_ship_date": (today + timedelta(days=40)).isoformat(),
        "price": "380000",
        "max_per_customer": 3,
    }
    data.update(overrides)
    return data


# --- Producers ------------------------------------------------------------------------------------


def test_a_producer_proposes_a_campaign_for_a_certified_product_of_theirs(client, producer):
    product = ProductFactory(producer=producer)
    client.force_login(producer.user)

    response = client.post(url("portal-propose"), proposal(product))

    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == url("portal-detail", pk=campaign.pk)
    assert (campaign.state, campaign.product, campaign.proposed_by) == (Campaign.State.PROPOSED, product, producer.user)
    assert campaign.deadline > timezone.now() + timedelta(days=19)


def test_the_proposal_form_offers_only_the_producers_own_listable_products(client, producer):
    own = ProductFactory(producer=producer)
    uncertified = ProductFactory(producer=producer, certified=False)
    someone_elses = ProductFactory()
    client.force_login(producer.user)

    offered = list(client.get(url("portal-propose")).context["form"].fields["product"].queryset)
    assert offered == [own]
    response = client.post(url("portal-propose"), proposal(someone_elses))
    assert response.status_code == 200 and "product" in response.context["form"].errors
    response = client.post(url("portal-propose"), proposal(uncertified))
    assert "product" in response.context["form"].errors
    assert not Campaign.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"max_per_customer": 30}, "The maximum per customer cannot exceed the target quantity."),
        ({"estimated_ship_date": "2020-01-01"}, "The estimated ship date cannot be before the deadline."),
        ({"deadline": "2020-01-01"}, "The deadline must be in the future."),
    ],
)
def test_a_proposal_the_rules_refuse_re_renders_with_the_reason(client, producer, overrides, message):
    product = ProductFactory(producer=producer)
    client.force_login(producer.user)
    response = client.post(url("portal-propose"), proposal(product, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_producer_sees_the_committed_demand_of_their_campaigns(client, producer):
    campaign = CampaignFactory(product=ProductFactory(producer=producer), target_quantity=10)
    CommitmentFactory(campaign=campaign, quantity=3)
    CommitmentFactory(campaign=campaign, quantity=2)
    CommitmentFactory(campaign=campaign, quantity=1, state=Commitment.State.CANCELLED)
    client.force_login(producer.user)

    listing = client.get(url("portal-list"))
    assert "5 / 10" in listing.content.decode()
    detail = client.get(url("portal-detail", pk=campaign.pk))
    demand = {label: (units, count) for label, units, count in detail.context["demand"]}
    assert demand["Committed"] == (5, 2) and demand["Cancelled"] == (1, 1)
    assert "customer" not in detail.content.decode().split("Commitments")[-1]  # no e-mail addresses shown


def test_a_producer_never_sees_another_producers_campaign(client, producer):
    theirs = CampaignFactory()
    client.force_login(producer.user)
    assert client.get(url("portal-detail", pk=theirs.pk)).status_code == 404
    assert theirs not in client.get(url("portal-list")).context["campaigns"]


def test_a_producer_cannot_review_campaigns(client, producer):
    campaign = CampaignFactory(state=Campaign.State.PROPOSED, product=ProductFactory(producer=producer))
    client.force_login(producer.user)
    assert client.get(url("review-list")).status_code in (302, 403)
    response = client.post(url("review", pk=campaign.pk), {"decision": "approve"})
    assert response.status_code in (302, 403) and "/accounts/login/" in response.get("Location", "/accounts/login/")
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.PROPOSED


# --- Programme staff ----------------------------------------------------------------------------------


def test_staff_see_proposals_waiting_first_and_approve_one(client):
    campaign = CampaignFactory(state=Campaign.State.PROPOSED)
    CampaignFactory(state=Campaign.State.RUNNING)
    staff = staff_user()
    client.force_login(staff)

    waiting = client.get(url("review-list"))
    assert list(waiting.context["campaigns"]) == [campaign]
    assert client.get(url("review", pk=campaign.pk)).status_code == 200

    response = client.post(url("review", pk=campaign.pk), {"decision": "approve"}, follow=True)

    assert "Campaign approved" in response.content.decode()
    campaign.refresh_from_db()
    assert (campaign.state, campaign.decided_by) == (Campaign.State.RUNNING, staff)
    assert client.get(campaign.get_absolute_url()).status_code == 200  # now public


def test_staff_reject_a_proposal_and_cannot_decide_twice(client):
    campaign = CampaignFactory(state=Campaign.State.PROPOSED)
    client.force_login(staff_user())
    client.post(url("review", pk=campaign.pk), {"decision": "reject"})
    response = client.post(url("review", pk=campaign.pk), {"decision": "approve"}, follow=True)
    assert "Only a proposed campaign can be approved." in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.REJECTED


def test_approving_a_campaign_whose_product_lost_its_certificate_is_refused(client):
    campaign = CampaignFactory(state=Campaign.State.PROPOSED)
    campaign.product.certificates.update(status="revoked")
    client.force_login(staff_user())
    page = client.get(url("review", pk=campaign.pk))
    assert page.context["unlisted_reason"]
    response = client.post(url("review", pk=campaign.pk), {"decision": "approve"}, follow=True)
    assert "not certified for sale" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.PROPOSED


def test_an_unknown_decision_changes_nothing(client):
    campaign = CampaignFactory(state=Campaign.State.PROPOSED)
    client.force_login(staff_user())
    response = client.post(url("review", pk=campaign.pk), {"decision": "publish"}, follow=True)
    assert "Choose to approve or reject" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.PROPOSED


@pytest.mark.parametrize("who", ["customer", "officer"])
def test_customers_and_quality_officers_have_no_campaign_dashboard(client, who):
    campaign = CampaignFactory(state=Campaign.State.PROPOSED)
    client.force_login(UserFactory() if who == "customer" else officer_user())
    for page in (url("review-list"), url("review", pk=campaign.pk), url("portal-list"), url("portal-propose")):
        response = client.get(page)
        assert response.status_code in (302, 403), page
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
