"""The campaign state machine (shop.preorders.rules): propose, approve, commit, close."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from shop.preorders import rules
from shop.preorders.models import Campaign, Commitment
from tests.factories import ProducerFactory, ProductFactory, UserFactory

from .factories import CampaignFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

COD = Commitment.Method.CASH_ON_DELIVERY


def proposal(**overrides):
    now = timezone.now()
    values = {
        "target_quantity": 20,
        "deadline": now + timedelta(days=10),
        "estimated_ship_date": timezone.localdate() + timedelta(days=40),
        "price": Decimal("350000"),
        "max_per_customer": 2,
    }
    values.update(overrides)
    return values


# --- Proposing and approving -------------------------------------------------------------------


def test_a_producer_proposes_a_campaign_for_their_certified_product_and_staff_approve_it():
    product = ProductFactory()
    campaign = rules.propose(producer=product.producer, product=product, by=product.producer.user, **proposal())
    assert campaign.state == Campaign.State.PROPOSED
    assert campaign.producer == product.producer

    staff = UserFactory(is_staff=True)
    rules.approve(campaign, staff)
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.RUNNING
    assert campaign.decided_by == staff


def test_a_producer_cannot_propose_for_someone_elses_product():
    product = ProductFactory()
    with pytest.raises(rules.CampaignRefused, match="your own products"):
        rules.propose(producer=ProducerFactory(), product=product, **proposal())
    assert not Campaign.objects.exists()


def test_an_uncertified_product_cannot_get_a_campaign():
    product = ProductFactory(certified=False)
    with pytest.raises(rules.CampaignRefused, match="not certified"):
        rules.propose(producer=product.producer, product=product, **proposal())


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"target_quantity": 0}, "target quantity"),
        ({"max_per_customer": 0}, "maximum per customer"),
        ({"max_per_customer": 30}, "cannot exceed the target"),
        ({"price": Decimal("0")}, "price"),
        ({"deadline": timezone.now() - timedelta(minutes=1)}, "future"),
        ({"estimated_ship_date": timezone.localdate() - timedelta(days=1)}, "ship date"),
    ],
)
def test_a_proposal_with_bad_numbers_is_refused_with_a_reason(overrides, message):
    product = ProductFactory()
    with pytest.raises(rules.CampaignRefused, match=message):
        rules.propose(producer=product.producer, product=product, **proposal(**overrides))


def test_only_staff_approve_and_only_proposed_campaigns():
    campaign = CampaignFactory(state=Campaign.State.PROPOSED)
    with pytest.raises(rules.CampaignRefused, match="Only staff"):
        rules.approve(campaign, campaign.producer.user)
    staff = UserFactory(is_staff=True)
    rules.reject(campaign, staff)
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.REJECTED
    with pytest.raises(rules.CampaignRefused, match="Only a proposed"):
        rules.approve(campaign, staff)


# --- Committing --------------------------------------------------------------------------------


def test_a_customer_commits_and_the_progress_counts_it():
    campaign = CampaignFactory(target_quantity=10, max_per_customer=3)
    customer = UserFactory()
    commitment = rules.commit(campaign, quantity=2, method=COD, user=customer, language="en")
    assert commitment.state == Commitment.State.COMMITTED
    assert commitment.email == customer.email
    assert campaign.committed_quantity() == 2


def test_a_guest_commits_with_an_email_address_and_needs_one():
    campaign = CampaignFactory()
    with pytest.raises(rules.CampaignRefused, match="e-mail"):
        rules.commit(campaign, quantity=1, method=COD)
    commitment = rules.commit(campaign, quantity=1, method=COD, email="guest@example.com")
    assert commitment.user is None


def test_commitments_beyond_the_per_customer_maximum_are_refused():
    campaign = CampaignFactory(target_quantity=10, max_per_customer=3)
    customer = UserFactory()
    rules.commit(campaign, quantity=2, method=COD, user=customer)
    with pytest.raises(rules.CampaignRefused, match="At most 3 per customer"):
        rules.commit(campaign, quantity=2, method=COD, user=customer)
    # A guest is counted by e-mail address, whatever its case.
    rules.commit(campaign, quantity=3, method=COD, email="Guest@Example.com")
    with pytest.raises(rules.CampaignRefused, match="At most 3"):
        rules.commit(campaign, quantity=1, method=COD, email="guest@example.com")
    assert campaign.committed_quantity() == 5


def test_a_cancelled_commitment_frees_its_units():
    campaign = CampaignFactory(target_quantity=2, max_per_customer=2)
    customer = UserFactory()
    commitment = rules.commit(campaign, quantity=2, method=COD, user=customer)
    with pytest.raises(rules.CampaignRefused, match="not your commitment"):
        rules.cancel(commitment, UserFactory())
    rules.cancel(commitment, customer)
    assert campaign.committed_quantity() == 0
    rules.commit(campaign, quantity=2, method=COD, email="other@example.com")


def test_commitments_beyond_the_target_are_refused_at_once():
    campaign = CampaignFactory(target_quantity=4, max_per_customer=3)
    rules.commit(campaign, quantity=3, method=COD, email="a@example.com")
    with pytest.raises(rules.CampaignRefused, match="Only 1 more"):
        rules.commit(campaign, quantity=2, method=COD, email="b@example.com")
    rules.commit(campaign, quantity=1, method=COD, email="b@example.com")
    with pytest.raises(rules.CampaignRefused, match="reached its target"):
        rules.commit(campaign, quantity=1, method=COD, email="c@example.com")
    assert campaign.committed_quantity() == 4


def test_late_commitments_are_refused_even_before_any_closing_job_has_run():
    campaign = CampaignFactory(deadline=timezone.now() - timedelta(seconds=1))
    assert campaign.state == Campaign.State.RUNNING  # nobody has closed it yet
    with pytest.raises(rules.CampaignRefused, match="deadline"):
        rules.commit(campaign, quantity=1, method=COD, email="late@example.com")
    assert not Commitment.objects.exists()


def test_commitments_to_a_product_no_longer_certified_are_refused():
    campaign = CampaignFactory()
    campaign.product.certificates.update(status="revoked")
    with pytest.raises(rules.CampaignRefused, match="not certified"):
        rules.commit(campaign, quantity=1, method=COD, email="a@example.com")


@pytest.mark.parametrize("state", [Campaign.State.PROPOSED, Campaign.State.SUCCEEDED, Campaign.State.FAILED])
def test_only_running_campaigns_take_commitments(state):
    campaign = CampaignFactory(state=state)
    with pytest.raises(rules.CampaignRefused, match="not taking commitments"):
        rules.commit(campaign, quantity=1, method=COD, email="a@example.com")


def test_a_card_commitment_needs_a_saved_card():
    campaign = CampaignFactory()
    with pytest.raises(rules.CampaignRefused, match="card could not be saved"):
        rules.commit(campaign, quantity=1, method=Commitment.Method.CARD, email="a@example.com")


# --- Closing -----------------------------------------------------------------------------------


def test_a_campaign_that_reached_its_target_succeeds_even_before_its_deadline():
    campaign = CampaignFactory(target_quantity=2, max_per_customer=2)
    CommitmentFactory(campaign=campaign, quantity=2)
    assert rules.close(campaign) == Campaign.State.SUCCEEDED
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.SUCCEEDED and campaign.closed_at is not None
    assert rules.close(campaign) is None  # closing again changes nothing


def test_a_campaign_below_target_keeps_running_until_its_deadline_then_fails_and_releases_everyone():
    campaign = CampaignFactory(target_quantity=5)
    kept = CommitmentFactory(campaign=campaign, quantity=2)
    cancelled = CommitmentFactory(campaign=campaign, quantity=1, state=Commitment.State.CANCELLED)
    assert rules.close(campaign) is None
    assert rules.close(campaign, now=campaign.deadline + timedelta(seconds=1)) == Campaign.State.FAILED
    kept.refresh_from_db()
    cancelled.refresh_from_db()
    assert kept.state == Commitment.State.RELEASED
    assert cancelled.state == Commitment.State.CANCELLED
