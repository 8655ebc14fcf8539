"""The rules of pre-order campaigns, written once: every view, command and test goes through here.

Campaign states: proposed → running (approved by staff) | rejected; running → succeeded (target
reached) | failed (deadline passed below target). Commitment states: committed → ordered |
payment_failed; committed → cancelled (by the customer while the campaign runs) | released
(the campaign failed).

Commitments are checked under a row lock on the campaign, so two customers committing at the
same moment can never take the campaign beyond its target.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Campaign, Commitment


class CampaignRefused(Exception):
    """The action is not allowed; the message is for the person who tried it."""


def _check_listable(product):
    # The listing gate is the one definition of what may be sold (quality.gate via the product).
    product.__dict__.pop("_is_listable_cache", None)
    if not product.is_listable:
        raise CampaignRefused(_("This product is not certified for sale right now."))


def propose(*, producer, product, target_quantity, deadline, estimated_ship_date, price, max_per_customer, by=None):
    """A producer proposes a campaign for one of their own listable products; staff must approve it."""
    if product.producer_id != producer.pk:
        raise CampaignRefused(_("You can only propose campaigns for your own products."))
    if not producer.is_active:
        raise CampaignRefused(_("Your producer account is not active."))
    _check_listable(product)
    if target_quantity < 1:
        raise CampaignRefused(_("The target quantity must be at least 1."))
    if max_per_customer < 1:
        raise CampaignRefused(_("The maximum per customer must be at least 1."))
    if max_per_customer > target_quantity:
        raise CampaignRefused(_("The maximum per customer cannot exceed the target quantity."))
    if price <= 0:
        raise CampaignRefused(_("The price must be positive."))
    if deadline <= timezone.now():
        raise CampaignRefused(_("The deadline must be in the future."))
    if estimated_ship_date < timezone.localdate(deadline):
        raise CampaignRefused(_("The estimated ship date cannot be before the deadline."))
    return Campaign.objects.create(
        product=product,
        proposed_by=by,
        target_quantity=target_quantity,
        deadline=deadline,
        estimated_ship_date=estimated_ship_date,
        price=price,
        max_per_customer=max_per_customer,
    )


def _may_decide(user):
    return user is not None and user.is_authenticated and user.is_staff


@transaction.atomic
def approve(campaign, user):
    """Staff approve a proposed campaign: it starts running (customers may commit)."""
    if not _may_decide(user):
        raise CampaignRefused(_("Only staff may approve campaigns."))
    campaign = Campaign.objects.select_for_update().select_related("product__producer").get(pk=campaign.pk)
    if campaign.state != Campaign.State.PROPOSED:
        raise CampaignRefused(_("Only a proposed campaign can be approved."))
    if campaign.deadline <= timezone.now():
        raise CampaignRefused(_("The deadline of this campaign has already passed."))
    _check_listable(campaign.product)
    campaign.state = Campaign.State.RUNNING
    campaign.decided_at = timezone.now()
    campaign.decided_by = user
    campaign.save(update_fields=["state", "decided_at", "decided_by"])
    return campaign


@transaction.atomic
def reject(campaign, user):
    if not _may_decide(user):
        raise CampaignRefused(_("Only staff may reject campaigns."))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.state != Campaign.State.PROPOSED:
        raise CampaignRefused(_("Only a proposed campaign can be rejected."))
    campaign.state = Campaign.State.REJECTED
    campaign.decided_at = timezone.now()
    campaign.decided_by = user
    campaign.save(update_fields=["state", "decided_at", "decided_by"])
    return campaign


def _customer_filter(user, email):
    if user is not None and user.is_authenticated:
        return {"user": user}
    return {"user__isnull": True, "email__iexact": email}


@transaction.atomic
def commit(campaign, *, quantity, method, user=None, email="", language="fa", payment_method_id="", customer_id=""):
    """A customer commits to buy `quantity` units; refused at once when the campaign cannot take it.

    Nothing is charged here: cash on delivery is paid on delivery, a card (saved by a SetupIntent)
    is charged off-session when the target is reached.
    """
    campaign = Campaign.objects.select_for_update().select_related("product__producer").get(pk=campaign.pk)
    if user is not None and user.is_authenticated:
        email = email or user.email
    if not email:
        raise CampaignRefused(_("An e-mail address is needed so that we can tell you how the campaign ends."))
    if method not in Commitment.Method.values:
        raise CampaignRefused(_("Please choose a payment method."))
    if method == Commitment.Method.CARD and not payment_method_id:
        raise CampaignRefused(_("The card could not be saved. Please try again."))
    if campaign.state != Campaign.State.RUNNING:
        raise CampaignRefused(_("This campaign is not taking commitments."))
    if campaign.deadline <= timezone.now():
        raise CampaignRefused(_("The deadline of this campaign has passed."))
    _check_listable(campaign.product)
    if quantity < 1:
        raise CampaignRefused(_("The quantity must be at least 1."))
    left = campaign.target_quantity - campaign.committed_quantity()
    if quantity > left:
        raise CampaignRefused(
            _("Only %(left)s more can be committed to this campaign.") % {"left": max(left, 0)}
            if left > 0
            else _("This campaign has reached its target.")
        )
    already = campaign.committed_quantity_of(**_customer_filter(user, email))
    if already + quantity > campaign.max_per_customer:
        raise CampaignRefused(
            _("At most %(max)s per customer; you have already committed to %(already)s.")
            % {"max": campaign.max_per_customer, "already": already}
        )
    return Commitment.objects.create(
        campaign=campaign,
        user=user if user is not None and user.is_authenticated else None,
        email=email,
        language=language,
        quantity=quantity,
        method=method,
        payment_method_id=payment_method_id,
        stripe_customer_id=customer_id,
    )


@transaction.atomic
def cancel(commitment, user):
    """The customer withdraws a commitment while the campaign still runs."""
    commitment = Commitment.objects.select_for_update().select_related("campaign").get(pk=commitment.pk)
    if commitment.user_id is None or user is None or commitment.user_id != user.pk:
        raise CampaignRefused(_("This is not your commitment."))
    if commitment.state != Commitment.State.COMMITTED or commitment.campaign.state != Campaign.State.RUNNING:
        raise CampaignRefused(_("This commitment can no longer be cancelled."))
    commitment.state = Commitment.State.CANCELLED
    commitment.save(update_fields=["state", "updated_at"])
    return commitment


def decide_outcome(campaign, now=None):
    """What closing would make of a running campaign right now (None: keep running)."""
    now = now or timezone.now()
    if campaign.state != Campaign.State.RUNNING:
        return None
    if campaign.committed_quantity() >= campaign.target_quantity:
        return Campaign.State.SUCCEEDED
    if campaign.deadline <= now:
        return Campaign.State.FAILED
    return None


def close(campaign, now=None):
    """Close a running campaign if its target is reached (succeeded) or its deadline passed (failed).

    Must be called inside a transaction holding the campaign's row lock (see close_due); returns the
    new state, or None when the campaign stays as it was. Idempotent: a closed campaign is left alone.
    """
    outcome = decide_outcome(campaign, now)
    if outcome is None:
        return None
    campaign.state = outcome
    campaign.closed_at = now or timezone.now()
    campaign.save(update_fields=["state", "closed_at"])
    if outcome == Campaign.State.FAILED:
        campaign.commitments.filter(state=Commitment.State.COMMITTED).update(
            state=Commitment.State.RELEASED, updated_at=timezone.now()
        )
    return outcome
