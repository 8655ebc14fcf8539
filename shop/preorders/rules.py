"""The rules of pre-order campaigns, written once: every view, command and test goes through here.

Campaign states: proposed → running (approved by staff) | rejected; running → succeeded (target
reached) | failed (deadline passed below target). Commitment states: committed → ordered |
payment_failed; committed → cancelled (by the customer while the campaign runs) | released
(the campaign failed).

Commitments are checked under a row lock on the campaign, so two customers committing at the
same moment can never take the campaign beyond its target.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Campaign, Commitment

logger = logging.getLogger(__name__)


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
    from producers.policy import is_programme_staff

    return is_programme_staff(user)


@transaction.atomic
def approve(campaign, user):
    """Staff approve a proposed campaign: it starts running (customers may commit)."""
    if not _may_decide(user):
        raise CampaignRefused(_("Only staff may approve campaigns."))
    campaign = Campaign.objects.select_for_update(of=("self",)).select_related("product__producer").get(pk=campaign.pk)
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
def commit(
    campaign,
    *,
    quantity,
    method,
    user=None,
    email="",
    language="fa",
    payment_method_id="",
    customer_id="",
    shipping_address=None,
):
    """A customer commits to buy `quantity` units; refused at once when the campaign cannot take it.

    Nothing is charged here: cash on delivery is paid on delivery, a card (saved by a SetupIntent)
    is charged off-session when the target is reached. `shipping_address`: an unsaved Oscar
    ShippingAddress, saved with the commitment and used for its order.
    """
    campaign = Campaign.objects.select_for_update(of=("self",)).select_related("product__producer").get(pk=campaign.pk)
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
    if shipping_address is not None:
        shipping_address.save()
    return Commitment.objects.create(
        campaign=campaign,
        shipping_address=shipping_address,
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
    commitment = Commitment.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=commitment.pk)
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
    if outcome == Campaign.State.SUCCEEDED:
        _confirm_production(campaign)
    if outcome == Campaign.State.FAILED:
        campaign.commitments.filter(state=Commitment.State.COMMITTED).update(
            state=Commitment.State.RELEASED, updated_at=timezone.now()
        )
    return outcome


def _confirm_production(campaign):
    """The target is reached: the producer makes the committed units, so they become stock to allocate."""
    from oscar.apps.partner.models import StockRecord

    record = (
        StockRecord.objects.select_for_update()
        .filter(product=campaign.product, partner=campaign.producer.partner)
        .order_by("pk")
        .first()
    )
    if record is None:
        record = StockRecord.objects.create(
            product=campaign.product,
            partner=campaign.producer.partner,
            partner_sku=f"CAMPAIGN-{campaign.pk}",
            price=campaign.price,
            price_currency=settings.OSCAR_DEFAULT_CURRENCY,
            num_in_stock=0,
        )
    StockRecord.objects.filter(pk=record.pk).update(num_in_stock=F("num_in_stock") + campaign.committed_quantity())


# --- Closing (manage.py close_campaigns) -------------------------------------------------------


def close_due(now=None):
    """Close every running campaign that is due; safe to run twice or concurrently.

    Each campaign is closed in its own transaction under a row lock taken with skip_locked (a
    second runner skips what the first is closing), and the state is checked again inside the lock.
    Then the commitments of closed campaigns are followed up one by one, each under its own lock:
    orders for succeeded campaigns, e-mails for failed ones. Returns {"succeeded": n, "failed": n,
    "ordered": n, "notified": n}.
    """
    counts = {"succeeded": 0, "failed": 0, "ordered": 0, "notified": 0}
    for pk in Campaign.objects.filter(state=Campaign.State.RUNNING).values_list("pk", flat=True):
        with transaction.atomic():
            campaign = (
                Campaign.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("product__producer__partner")
                .filter(pk=pk, state=Campaign.State.RUNNING)
                .first()
            )
            outcome = close(campaign, now) if campaign is not None else None
        if outcome:
            counts[outcome] += 1
    pending = Commitment.objects.filter(
        campaign__state=Campaign.State.SUCCEEDED,
        state=Commitment.State.COMMITTED,
        method=Commitment.Method.CASH_ON_DELIVERY,
    )
    for pk in pending.values_list("pk", flat=True):
        if place_order(pk) is not None:
            counts["ordered"] += 1
    _follow_up_cards(counts, now)
    released = Commitment.objects.filter(state=Commitment.State.RELEASED, notified_at__isnull=True)
    for pk in released.values_list("pk", flat=True):
        if notify_failed(pk):
            counts["notified"] += 1
    return counts


def campaign_basket(commitment):
    """A frozen basket holding the commitment's units at the campaign's price (never the customer's open one)."""
    from django.contrib.auth.models import AnonymousUser

    from shop.basket.models import Basket
    from shop.partner.strategy import Selector

    user = commitment.user or AnonymousUser()
    basket = Basket.objects.create(owner=commitment.user)
    basket.strategy = Selector().strategy(user=user, campaign_id=commitment.campaign_id)
    basket.add_product(commitment.campaign.product, commitment.quantity)
    basket.freeze()
    return basket


def order_checkout(commitment, basket):
    """(snapshot for placement.place, total in tomans) of the commitment's order from `basket`."""
    from django.contrib.auth.models import AnonymousUser
    from oscar.apps.order.models import ShippingAddress
    from oscar.apps.shipping.repository import Repository

    from shop.checkout import placement

    user = commitment.user or AnonymousUser()
    address = commitment.shipping_address or ShippingAddress()
    method = Repository().get_default_shipping_method(basket=basket, shipping_addr=address)
    data = placement.snapshot(
        basket=basket,
        user=user,
        email=commitment.email,
        shipping_address=commitment.shipping_address,
        shipping_method=method,
        language=commitment.language,
        campaign_id=commitment.campaign_id,
    )
    prepared = placement.prepared_basket(basket.pk, user, campaign_id=commitment.campaign_id)
    total = placement.total_of(prepared, user, data)[0]
    return data, total.incl_tax


def place_order(commitment_pk):
    """Turn one cash-on-delivery commitment of a succeeded campaign into an Oscar order for the producer (once).

    The order goes through the checkout's one way of placing orders (shop.checkout.placement) from a
    basket holding the committed units. Returns the order, or None when another runner has it or it
    cannot be placed (logged; the commitment stays committed and the next run tries again).
    """
    from shop.checkout import placement

    try:
        with transaction.atomic():
            commitment = (
                Commitment.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("campaign__product", "user", "shipping_address")
                .filter(pk=commitment_pk, state=Commitment.State.COMMITTED, campaign__state=Campaign.State.SUCCEEDED)
                .first()
            )
            if commitment is None:
                return None
            data, _total = order_checkout(commitment, campaign_basket(commitment))
            # Refused: the whole transaction (the basket too) is rolled back; the next run tries again.
            order, _created = placement.place(data, method=placement.CASH_ON_DELIVERY)
            commitment.order = order
            commitment.state = Commitment.State.ORDERED
            commitment.save(update_fields=["order", "state", "updated_at"])
    except placement.OrderRefused as refusal:
        logger.warning("Commitment %s: the order could not be placed: %s", commitment_pk, refusal)
        return None
    return order


def notify_failed(commitment_pk):
    """Tell one customer, in their language, that the campaign failed and nothing is charged (once)."""
    with transaction.atomic():
        commitment = (
            Commitment.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("campaign__product")
            .filter(pk=commitment_pk, state=Commitment.State.RELEASED, notified_at__isnull=True)
            .first()
        )
        if commitment is None:
            return False
        commitment.notified_at = timezone.now()
        commitment.save(update_fields=["notified_at", "updated_at"])
        context = {"commitment": commitment, "campaign": commitment.campaign}
        with translation.override(commitment.language):
            subject = render_to_string("preorders/email/failed_subject.txt", context).strip()
            body = render_to_string("preorders/email/failed_body.txt", context)
        recipient = commitment.email

        def send():
            try:
                send_mail(subject, body, None, [recipient])
            except Exception:  # a mail outage must not undo the closing: logged, and the next run tries again
                logger.exception("Commitment %s: the campaign-failed e-mail could not be sent", commitment_pk)
                Commitment.objects.filter(pk=commitment_pk).update(notified_at=None)

        transaction.on_commit(send)
    return True


# --- Card commitments ---------------------------------------------------------------------------
# (shop.preorders.cards holds the card logic: saving, off-session charging, pay-now, detaching.)


def _follow_up_cards(counts, now=None):
    """Charge card commitments of succeeded campaigns, cancel those unpaid after pay_by, detach released cards."""
    from . import cards

    charged = cards.charge_due(now)
    counts["ordered"] += charged.get("ordered", 0)
    counts["payment_failed"] = charged.get("payment_failed", 0)
    counts["refunded"] = charged.get("refunded", 0)
    counts["cancelled"] = cards.cancel_unpaid(now)
    counts["detached"] = cards.detach_released()
