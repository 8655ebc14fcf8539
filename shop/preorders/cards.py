"""Card commitments: a card saved by a SetupIntent, charged off-session once the campaign succeeds.

The life of a card commitment (the rules' states):

- committing: the browser confirms a SetupIntent made by `setup_card`; `saved_card` checks with
  Stripe that it succeeded for this customer and gives what rules.commit stores. Nothing is charged.
- the campaign succeeds: `charge` (from close_due) charges the saved card off-session once, under a
  skip-locked row lock and with the commitment's fixed idempotency key, then places the order through
  checkout placement (method stripe). If the order cannot be placed the charge is refunded at once:
  never paid without an order.
- the bank wants the customer (3-D Secure) or declines: payment_failed, `pay_by` = now + grace, one
  e-mail with a pay-now link. The pay-now page charges on-session (`pay_now_intent`, Stripe.js
  finishes 3-D Secure) and `complete_pay_now` places the order when Stripe says succeeded.
- `pay_by` passes unpaid: `cancel_unpaid` cancels and takes the units back out of the campaign's stock.
- the campaign fails: `detach_released` forgets every saved card of it (once).

Only shop.payments.gateway talks to Stripe. These intents are not CardPayment rows, so the
checkout's webhook handling (shop.payments.services.settle) leaves them alone.
"""

import logging
import uuid
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.checkout import placement
from shop.payments import gateway

from . import rules
from .models import Campaign, Commitment
from .rules import CampaignRefused

logger = logging.getLogger(__name__)


# --- Saving a card while committing --------------------------------------------------------------


def setup_card(user):
    """A Stripe customer and a SetupIntent (off-session use) for the signed-in `user`; answers its client_secret."""
    nonce = uuid.uuid4().hex
    # One Stripe customer per shopper: the one of their earlier card commitments, else a new one.
    customer_id = (
        Commitment.objects.filter(user=user, method=Commitment.Method.CARD)
        .exclude(stripe_customer_id="")
        .order_by("-pk")
        .values_list("stripe_customer_id", flat=True)
        .first()
    )
    if not customer_id:
        customer_id = gateway.create_customer(
            user.email, idempotency_key=f"preorder-customer-{user.pk}-{nonce}", metadata={"user": user.pk}
        )["id"]
    intent = gateway.create_setup_intent(
        customer_id, idempotency_key=f"preorder-setup-{user.pk}-{nonce}", metadata={"user": user.pk}
    )
    return intent["client_secret"]


def saved_card(setup_intent_id, user):
    """(customer id, payment method id) of a SetupIntent that succeeded for `user`, as Stripe reports it.

    Raises CampaignRefused when it is missing, not confirmed, or made for somebody else.
    """
    if not setup_intent_id or not setup_intent_id.startswith("seti_"):
        raise CampaignRefused(_("The card could not be saved. Please enter it again."))
    try:
        intent = gateway.retrieve_setup_intent(setup_intent_id)
    except gateway.PaymentError:
        raise CampaignRefused(
            _("The card service is unavailable; nothing was saved. Please try again in a moment.")
        ) from None
    metadata = intent.get("metadata") or {}
    if str(metadata.get("user", "")) != str(user.pk) or not intent.get("customer"):
        raise CampaignRefused(_("The card could not be saved. Please enter it again."))
    if intent.get("status") != "succeeded" or not intent.get("payment_method"):
        raise CampaignRefused(_("Your card was not confirmed. Please enter it again."))
    customer = intent["customer"]
    method = intent["payment_method"]
    customer_id = customer["id"] if isinstance(customer, dict) else customer
    method_id = method["id"] if isinstance(method, dict) else method
    return customer_id, method_id


# --- The order of a commitment -------------------------------------------------------------------


class _Quote(Exception):
    def __init__(self, amount):
        self.amount = amount


def amount_due(commitment):
    """What the commitment's order costs now (units at the campaign's price and delivery), writing nothing."""
    try:
        with transaction.atomic():
            basket = rules.campaign_basket(commitment)
            raise _Quote(rules.order_checkout(commitment, basket)[1])
    except _Quote as quote:
        return quote.amount


def _release_units(commitment):
    """Take the commitment's units back out of the stock the campaign's success added (_confirm_production)."""
    from oscar.apps.partner.models import StockRecord

    campaign = commitment.campaign
    record = (
        StockRecord.objects.select_for_update()
        .filter(product=campaign.product, partner=campaign.producer.partner)
        .order_by("pk")
        .first()
    )
    if record is not None:
        StockRecord.objects.filter(pk=record.pk).update(
            num_in_stock=Greatest(F("num_in_stock") - commitment.quantity, 0)
        )


def _locked(pk, **state):
    return (
        Commitment.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("campaign__product__producer__partner", "user", "shipping_address")
        .filter(pk=pk, method=Commitment.Method.CARD, **state)
        .first()
    )


def _refund_unplaceable(commitment, intent_id, amount, refusal):
    """Charged but the order cannot be placed: refund at once and cancel (never paid without an order)."""
    gateway.refund(
        intent_id=intent_id,
        amount=amount,
        idempotency_key=f"preorder-commitment-{commitment.pk}-refund",
        reason=str(refusal),
    )
    logger.warning("Commitment %s: charged but the order was refused (%s); refunded", commitment.pk, refusal)
    commitment.state = Commitment.State.CANCELLED
    commitment.payment_intent_id = intent_id
    commitment.save(update_fields=["state", "payment_intent_id", "updated_at"])
    _release_units(commitment)


# --- The campaign succeeded: charging off-session ------------------------------------------------


class _Retry(Exception):
    """Stripe could not be asked: roll everything back; the next run asks again with the same key."""


def charge(commitment_pk, now=None):
    """Charge one card commitment of a succeeded campaign, once, and place its order.

    Returns "ordered", "payment_failed", "refunded", or None (another runner holds it, it is not
    due, or Stripe could not be reached: the next run tries again with the same idempotency key).
    """
    try:
        with transaction.atomic():
            commitment = _locked(
                commitment_pk,
                state=Commitment.State.COMMITTED,
                campaign__state=Campaign.State.SUCCEEDED,
                order__isnull=True,
            )
            if commitment is None:
                return None
            basket = rules.campaign_basket(commitment)
            try:
                data, amount = rules.order_checkout(commitment, basket)
            except placement.OrderRefused as refusal:
                logger.warning("Commitment %s: the order cannot be priced: %s", commitment_pk, refusal)
                raise _Retry from refusal
            try:
                intent = gateway.charge_off_session(
                    customer=commitment.stripe_customer_id,
                    payment_method=commitment.payment_method_id,
                    amount=amount,
                    idempotency_key=commitment.idempotency_key,
                    metadata={"commitment": commitment.pk},
                )
            except (gateway.AuthenticationRequired, gateway.CardDeclined) as failure:
                basket.delete()
                _payment_failed(commitment, failure, now)
                return "payment_failed"
            except gateway.PaymentError as error:
                logger.warning("Commitment %s: Stripe could not be asked: %s", commitment_pk, error)
                raise _Retry from error
            try:
                with transaction.atomic():
                    order, _created = placement.place(
                        data,
                        method=placement.STRIPE,
                        amount_debited=amount,
                        reference=intent["id"],
                        expected_total=amount,
                    )
            except placement.OrderRefused as refusal:
                _refund_unplaceable(commitment, intent["id"], amount, refusal)
                return "refunded"
            commitment.order = order
            commitment.payment_intent_id = intent["id"]
            commitment.state = Commitment.State.ORDERED
            commitment.save(update_fields=["order", "payment_intent_id", "state", "updated_at"])
            return "ordered"
    except _Retry:
        return None


def _payment_failed(commitment, failure, now=None):
    now = now or timezone.now()
    commitment.state = Commitment.State.PAYMENT_FAILED
    commitment.payment_intent_id = getattr(failure, "intent_id", "") or commitment.payment_intent_id
    commitment.pay_by = now + timedelta(hours=settings.PREORDER_PAYMENT_GRACE_HOURS)
    commitment.save(update_fields=["state", "payment_intent_id", "pay_by", "updated_at"])
    authentication = isinstance(failure, gateway.AuthenticationRequired)
    with translation.override(commitment.language):
        context = {
            "commitment": commitment,
            "campaign": commitment.campaign,
            "authentication": authentication,
            "reason": str(failure),
            "pay_url": pay_now_url(commitment),
            "pay_by": commitment.pay_by,
        }
        subject = render_to_string("preorders/email/payment_failed_subject.txt", context).strip()
        body = render_to_string("preorders/email/payment_failed_body.txt", context)
    recipient, pk = commitment.email, commitment.pk

    def send():
        try:
            send_mail(subject, body, None, [recipient])
        except Exception:  # a mail outage must not undo the closing; logged for staff
            logger.exception("Commitment %s: the payment-failed e-mail could not be sent", pk)

    transaction.on_commit(send)


def site_root():
    """The public site's address (Wagtail's default site), for links in e-mails."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL


def pay_now_url(commitment):
    """Absolute URL of the commitment's pay-now page in the customer's language."""
    with translation.override(commitment.language):
        path = reverse("preorders:card:pay", kwargs={"pk": commitment.pk})
    return urljoin(site_root(), path)


# --- Pay now (the customer present) --------------------------------------------------------------


def payable(user):
    """Commitments `user` may pay now: their own, whose off-session charge failed."""
    return Commitment.objects.filter(user=user, method=Commitment.Method.CARD, state=Commitment.State.PAYMENT_FAILED)


def pay_now_intent(commitment, payment_method):
    """Create and confirm an on-session PaymentIntent for the commitment with the card the browser tokenized.

    Answers the intent (status `succeeded` or `requires_action`: Stripe.js finishes 3-D Secure).
    Raises gateway.CardDeclined / gateway.PaymentError; CampaignRefused when it can no longer be paid.
    """
    if commitment.pay_by and commitment.pay_by <= timezone.now():
        raise CampaignRefused(_("The time to pay for this commitment has passed."))
    with transaction.atomic():
        basket = rules.campaign_basket(commitment)
        try:
            amount = rules.order_checkout(commitment, basket)[1]
        except placement.OrderRefused as refusal:
            raise CampaignRefused(str(refusal)) from refusal
    return gateway.create_intent(
        amount=amount,
        payment_method=payment_method,
        idempotency_key=f"preorder-commitment-{commitment.pk}-pay-{payment_method}",
        metadata={"commitment": commitment.pk, "basket": basket.pk},
    )


def complete_pay_now(commitment_pk, intent_id):
    """Place the order of a payment_failed commitment whose on-session payment Stripe reports as succeeded.

    Returns the order. Raises CampaignRefused (not paid, not this commitment's payment, or refunded
    because the order could not be placed) and gateway.PaymentError (Stripe unreachable).
    """
    intent = gateway.retrieve_intent(intent_id)
    metadata = intent.get("metadata") or {}
    if str(metadata.get("commitment", "")) != str(commitment_pk) or not metadata.get("basket"):
        raise CampaignRefused(_("This payment is not for this commitment."))
    if intent.get("status") != "succeeded":
        raise CampaignRefused(_("The payment was not completed. Please try again."))
    amount = gateway.from_stripe_amount(intent["amount"])
    with transaction.atomic():
        commitment = (
            Commitment.objects.select_for_update(of=("self",))
            .select_related("campaign__product__producer__partner", "user", "shipping_address", "order")
            .get(pk=commitment_pk)
        )
        if commitment.order_id:
            return commitment.order
        from shop.basket.models import Basket

        basket = Basket.objects.filter(pk=metadata["basket"], owner=commitment.user).first()
        refusal = None
        if commitment.state != Commitment.State.PAYMENT_FAILED or basket is None:
            refusal = _("This commitment can no longer be paid.")
        else:
            try:
                data, total = rules.order_checkout(commitment, basket)
                if total != amount:
                    raise placement.OrderRefused(_("The amount paid does not match the order."))
                with transaction.atomic():
                    order, _created = placement.place(
                        data, method=placement.STRIPE, amount_debited=amount, reference=intent_id, expected_total=total
                    )
            except placement.OrderRefused as error:
                refusal = str(error)
        if refusal is not None:
            if commitment.state == Commitment.State.PAYMENT_FAILED:
                _refund_unplaceable(commitment, intent_id, amount, refusal)
            else:
                gateway.refund(
                    intent_id=intent_id,
                    amount=amount,
                    idempotency_key=f"preorder-commitment-{commitment.pk}-refund-{intent_id}",
                    reason=refusal,
                )
            raise CampaignRefused(
                _("We could not place your order (%(reason)s); your payment has been refunded.") % {"reason": refusal}
            )
        commitment.order = order
        commitment.payment_intent_id = intent_id
        commitment.state = Commitment.State.ORDERED
        commitment.save(update_fields=["order", "payment_intent_id", "state", "updated_at"])
    return order


# --- Follow-ups run by close_due -----------------------------------------------------------------


def charge_due(now=None):
    """Charge every card commitment of succeeded campaigns not charged yet. Returns {outcome: n}."""
    counts = {}
    pending = Commitment.objects.filter(
        campaign__state=Campaign.State.SUCCEEDED, state=Commitment.State.COMMITTED, method=Commitment.Method.CARD
    )
    for pk in pending.values_list("pk", flat=True):
        try:
            outcome = charge(pk, now)
        except DatabaseError:
            # Rolled back, the charge included: the next run asks Stripe again with the same idempotency key,
            # which answers the same PaymentIntent (never a second charge) and places the order then.
            logger.exception("Commitment %s: the database failed while charging; left for the next run", pk)
            continue
        if outcome:
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def cancel_unpaid(now=None):
    """Cancel commitments still unpaid after their pay_by and release their units. Returns how many."""
    now = now or timezone.now()
    cancelled = 0
    overdue = Commitment.objects.filter(
        state=Commitment.State.PAYMENT_FAILED, method=Commitment.Method.CARD, pay_by__lt=now
    )
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            commitment = _locked(pk, state=Commitment.State.PAYMENT_FAILED, pay_by__lt=now)
            if commitment is None:
                continue
            commitment.state = Commitment.State.CANCELLED
            commitment.save(update_fields=["state", "updated_at"])
            _release_units(commitment)
            cancelled += 1
    return cancelled


# Commitments whose saved card will never be charged: the campaign failed, or the commitment was cancelled.
_DONE_WITH_CARD = (Commitment.State.RELEASED, Commitment.State.CANCELLED)


def detach_released():
    """Forget the saved cards of failed campaigns' (and cancelled) commitments, each once. Returns how many."""
    detached = 0
    done = Commitment.objects.filter(state__in=_DONE_WITH_CARD, method=Commitment.Method.CARD)
    for pk in done.exclude(payment_method_id="").values_list("pk", flat=True):
        with transaction.atomic():
            commitment = _locked(pk, state__in=_DONE_WITH_CARD)
            if commitment is None or not commitment.payment_method_id:
                continue
            try:
                gateway.detach_payment_method(commitment.payment_method_id)
            except gateway.PaymentError as error:
                logger.warning("Commitment %s: the card could not be detached yet: %s", pk, error)
                continue
            commitment.payment_method_id = ""
            commitment.save(update_fields=["payment_method_id", "updated_at"])
            detached += 1
    return detached
