"""The pre-order campaign rules (shop.preorders.rules) driven in random order by Hypothesis.

Proposals, approvals, rejections, commitments, cancellations, deadlines passing and closing runs
happen in any order; after every step the invariants hold:

- a campaign's standing units never exceed its target, a customer's never exceed the per-customer maximum;
- a campaign moves only proposed → running → succeeded | failed, or proposed → rejected;
- a campaign that is not running accepts no commitment;
- after a closing run every standing commitment of a succeeded campaign has exactly one order of its
  own, and no commitment of a failed campaign has one.

Each run of the machine works in a savepoint rolled back at its end, so runs never see each other's rows.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from shop.preorders import rules
from shop.preorders.models import Campaign, Commitment

State = Campaign.State
COD = Commitment.Method.CASH_ON_DELIVERY
ALLOWED_MOVES = {
    (State.PROPOSED, State.RUNNING),
    (State.PROPOSED, State.REJECTED),
    (State.RUNNING, State.SUCCEEDED),
    (State.RUNNING, State.FAILED),
}
CUSTOMERS = 3


class CampaignMachine(RuleBasedStateMachine):
    campaigns = Bundle("campaigns")
    commitments = Bundle("commitments")

    def __init__(self):
        super().__init__()
        from tests.factories import ProductFactory, UserFactory

        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()
        self.product = ProductFactory(stock__num_in_stock=0)
        self.producer = self.product.producer
        self.staff = UserFactory(is_staff=True)
        self.customers = [UserFactory() for _number in range(CUSTOMERS)]
        self.states = {}  # campaign pk → every state seen, in order
        self.expired = set()  # campaigns whose deadline has passed

    def teardown(self):
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)

    # --- Rules ------------------------------------------------------------------------------------

    @initialize(target=campaigns, target_quantity=st.integers(1, 5), maximum=st.integers(1, 5))
    def a_running_campaign(self, target_quantity, maximum):
        """Every run starts with one approved campaign, so that commitments and closing get most of the steps."""
        campaign = self.propose(target_quantity, max(0, target_quantity - maximum))
        rules.approve(campaign, self.staff)
        self._record(campaign)
        return campaign

    @precondition(lambda self: len(self.states) < 3)
    @rule(target=campaigns, target_quantity=st.integers(1, 6), extra_max=st.integers(-1, 6))
    def propose(self, target_quantity, extra_max):
        maximum = max(1, target_quantity - extra_max) if extra_max >= 0 else target_quantity + 1
        proposal = {
            "producer": self.producer,
            "product": self.product,
            "target_quantity": target_quantity,
            "deadline": timezone.now() + timedelta(days=10),
            "estimated_ship_date": timezone.localdate() + timedelta(days=30),
            "price": Decimal("250000"),
            "max_per_customer": maximum,
        }
        if maximum > target_quantity:
            with pytest.raises(rules.CampaignRefused):
                rules.propose(**proposal)
            proposal["max_per_customer"] = target_quantity
        campaign = rules.propose(**proposal)
        self.states[campaign.pk] = [campaign.state]
        return campaign

    @rule(campaign=campaigns, by_staff=st.booleans())
    def approve(self, campaign, by_staff):
        state = self._state(campaign)
        if not by_staff or state != State.PROPOSED or campaign.pk in self.expired:
            with pytest.raises(rules.CampaignRefused):
                rules.approve(campaign, self.staff if by_staff else self.customers[0])
        else:
            rules.approve(campaign, self.staff)
        self._record(campaign)

    @rule(campaign=campaigns, by_staff=st.booleans())
    def reject(self, campaign, by_staff):
        if not by_staff or self._state(campaign) != State.PROPOSED:
            with pytest.raises(rules.CampaignRefused):
                rules.reject(campaign, self.staff if by_staff else self.customers[0])
        else:
            rules.reject(campaign, self.staff)
        self._record(campaign)

    @rule(
        target=commitments,
        campaign=campaigns,
        customer=st.integers(0, CUSTOMERS - 1),
        quantity=st.integers(-1, 3),
    )
    def commit(self, campaign, customer, quantity):
        user = self.customers[customer]
        campaign.refresh_from_db()
        left = campaign.target_quantity - campaign.committed_quantity()
        already = campaign.committed_quantity_of(user=user)
        acceptable = (
            campaign.state == State.RUNNING
            and campaign.pk not in self.expired
            and 1 <= quantity <= left
            and already + quantity <= campaign.max_per_customer
        )
        if not acceptable:
            with pytest.raises(rules.CampaignRefused):
                rules.commit(campaign, quantity=quantity, method=COD, user=user)
            return None
        commitment = rules.commit(campaign, quantity=quantity, method=COD, user=user)
        assert commitment.state == Commitment.State.COMMITTED
        return commitment

    @rule(commitment=commitments, by_owner=st.booleans())
    def cancel(self, commitment, by_owner):
        if commitment is None:
            return
        commitment.refresh_from_db()
        other = next(user for user in self.customers if user.pk != commitment.user_id)
        may = by_owner and commitment.state == Commitment.State.COMMITTED
        may = may and commitment.campaign.state == State.RUNNING
        if not may:
            with pytest.raises(rules.CampaignRefused):
                rules.cancel(commitment, commitment.user if by_owner else other)
        else:
            assert rules.cancel(commitment, commitment.user).state == Commitment.State.CANCELLED

    @rule(campaign=campaigns)
    def deadline_passes(self, campaign):
        """Time passes: the campaign's deadline is now behind us."""
        Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(seconds=1))
        self.expired.add(campaign.pk)

    @rule()
    def closing_run(self):
        running = {pk: Campaign.objects.get(pk=pk) for pk, seen in self.states.items() if seen[-1] == State.RUNNING}
        expected = {}
        for pk, campaign in running.items():
            if campaign.committed_quantity() >= campaign.target_quantity:
                expected[pk] = State.SUCCEEDED
            elif pk in self.expired:
                expected[pk] = State.FAILED
        rules.close_due()
        for pk in self.states:
            campaign = Campaign.objects.get(pk=pk)
            assert campaign.state == expected.get(pk, self.states[pk][-1])
            self._record(campaign)
            event(f"after a closing run: {campaign.state}")
        self.after_closing_run = True

    # --- Invariants -------------------------------------------------------------------------------

    @invariant()
    def units_within_the_target_and_the_per_customer_maximum(self):
        for pk in self.states:
            campaign = Campaign.objects.get(pk=pk)
            assert campaign.committed_quantity() <= campaign.target_quantity
            for user in self.customers:
                assert campaign.committed_quantity_of(user=user) <= campaign.max_per_customer

    @invariant()
    def states_move_only_along_the_allowed_paths(self):
        for seen in self.states.values():
            moves = list(zip(seen, seen[1:], strict=False))
            assert all(move in ALLOWED_MOVES for move in moves), seen

    @invariant()
    def closed_campaigns_have_exactly_the_orders_they_should(self):
        if not getattr(self, "after_closing_run", False):
            return
        for campaign in Campaign.objects.filter(pk__in=self.states):
            commitments = list(campaign.commitments.all())
            if campaign.state == State.SUCCEEDED:
                standing = [c for c in commitments if c.state in Commitment.STANDING]
                assert all(c.state == Commitment.State.ORDERED and c.order_id for c in standing)
                orders = [c.order_id for c in standing]
                assert len(orders) == len(set(orders))
                assert all(c.order_id is None for c in commitments if c.state not in Commitment.STANDING)
                for commitment in standing:
                    assert commitment.order.lines.get().quantity == commitment.quantity
            elif campaign.state == State.FAILED:
                assert all(c.order_id is None for c in commitments)
                assert all(c.state in {Commitment.State.RELEASED, Commitment.State.CANCELLED} for c in commitments)
            elif campaign.state in {State.PROPOSED, State.REJECTED}:
                assert commitments == []

    # --- Helpers ----------------------------------------------------------------------------------

    def _state(self, campaign):
        return Campaign.objects.values_list("state", flat=True).get(pk=campaign.pk)

    def _record(self, campaign):
        state = self._state(campaign)
        if self.states[campaign.pk][-1] != state:
            self.states[campaign.pk].append(state)


@pytest.mark.django_db
def test_campaign_rules_keep_their_invariants_whatever_happens_in_whatever_order():
    run_state_machine_as_test(
        CampaignMachine,
        settings=settings(
            max_examples=20,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
