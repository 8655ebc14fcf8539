"""manage.py close_campaigns: succeeded campaigns become orders for the producer, failed ones tell everyone."""

import io
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from oscar.apps.order.models import Order

from shop.basket.models import Basket
from shop.preorders import rules
from shop.preorders.models import Campaign, Commitment
from tests.factories import UserFactory

from .factories import CampaignFactory, CommitmentFactory

# Real transactions (row locks, on_commit); serialized rollback puts back the migrations' rows (Site, Wagtail root).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def close_campaigns():
    call_command("close_campaigns", stdout=io.StringIO())


def test_a_campaign_that_reached_its_target_turns_every_commitment_into_one_cash_on_delivery_order():
    campaign = CampaignFactory(
        target_quantity=3, max_per_customer=2, price=Decimal("350000"), product__stock__num_in_stock=0
    )
    assert campaign.product.stockrecords.get().price != campaign.price
    customer = UserFactory()
    rules.commit(campaign, quantity=2, method=Commitment.Method.CASH_ON_DELIVERY, user=customer, language="en")
    rules.commit(campaign, quantity=1, method=Commitment.Method.CASH_ON_DELIVERY, email="guest@example.com")

    close_campaigns()
    close_campaigns()  # a second run (cron overlapping) changes nothing

    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.SUCCEEDED
    orders = Order.objects.order_by("pk")
    assert orders.count() == 2
    assert [order.lines.get().quantity for order in orders] == [2, 1]
    assert all(order.lines.get().partner == campaign.producer.partner for order in orders)
    assert orders[0].user == customer and orders[1].guest_email == "guest@example.com"
    assert all(order.sources.get().source_type.code == "cash-on-delivery" for order in orders)
    # at the campaign's price, not the product's everyday price
    assert [order.lines.get().unit_price_incl_tax for order in orders] == [campaign.price, campaign.price]
    assert orders[0].total_before_discounts_incl_tax - orders[0].shipping_incl_tax == 2 * campaign.price
    assert set(Commitment.objects.values_list("state", flat=True)) == {Commitment.State.ORDERED}
    assert {c.order_id for c in Commitment.objects.all()} == set(orders.values_list("pk", flat=True))


def test_a_running_campaign_below_target_before_its_deadline_is_left_running():
    campaign = CampaignFactory(target_quantity=5)
    CommitmentFactory(campaign=campaign, quantity=2)
    close_campaigns()
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.RUNNING
    assert not Order.objects.exists() and not mail.outbox


def test_a_campaign_past_its_deadline_below_target_fails_charges_nobody_and_tells_everyone_once_in_their_language():
    campaign = CampaignFactory(target_quantity=5, deadline=timezone.now() + timedelta(days=1))
    CommitmentFactory(campaign=campaign, quantity=2, email="en@example.com", language="en")
    CommitmentFactory(campaign=campaign, quantity=1, email="fa@example.com", language="fa")
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    close_campaigns()
    close_campaigns()

    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.FAILED
    assert not Order.objects.exists()
    assert set(Commitment.objects.values_list("state", flat=True)) == {Commitment.State.RELEASED}
    assert sorted(message.to[0] for message in mail.outbox) == ["en@example.com", "fa@example.com"]
    english = next(message for message in mail.outbox if message.to == ["en@example.com"])
    assert "did not reach its target" in english.subject
    assert "nothing is owed" in english.body


def test_an_order_that_cannot_be_placed_leaves_the_commitment_for_the_next_run():
    campaign = CampaignFactory(target_quantity=1, max_per_customer=1)
    CommitmentFactory(campaign=campaign, quantity=1)
    campaign.product.certificates.update(status="revoked")  # certificate withdrawn after the commitment
    Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.SUCCEEDED)

    close_campaigns()

    assert not Order.objects.exists()
    assert Commitment.objects.get().state == Commitment.State.COMMITTED
    assert not Basket.objects.exists()  # nothing half-made is left in anyone's basket


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_closing_runs_at_the_same_moment_place_each_order_once():
    campaign = CampaignFactory(target_quantity=4, max_per_customer=1)
    for _index in range(4):
        CommitmentFactory(campaign=campaign, quantity=1)
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            rules.close_due()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    close_campaigns()  # whatever one runner skipped while the other held it, a later run completes
    assert Order.objects.count() == 4
    assert Commitment.objects.filter(state=Commitment.State.ORDERED).count() == 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_customers_committing_at_the_same_moment_never_take_a_campaign_beyond_its_target():
    campaign = CampaignFactory(target_quantity=3, max_per_customer=2)
    barrier = threading.Barrier(3)
    refused = []

    def run(index):
        try:
            barrier.wait()
            rules.commit(campaign, quantity=2, method=Commitment.Method.CASH_ON_DELIVERY, email=f"c{index}@example.com")
        except rules.CampaignRefused as refusal:
            refused.append(str(refusal))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert campaign.committed_quantity() == 2
    assert len(refused) == 2
