"""What the shop remembers about Stripe: the PaymentIntents it created and the webhook events it received."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CardPayment(models.Model):
    """One Stripe PaymentIntent for one basket, with the checkout details needed to place its order later.

    The order may be placed by the customer's browser coming back or by the
    `payment_intent.succeeded` webhook, whichever is first (shop.checkout.placement
    makes sure it happens once).

    The row is written (and committed) before Stripe is asked to charge, and its id travels in the
    PaymentIntent's metadata (`card_payment`): if the answer is lost (a timeout, the database failing
    right after the charge), the webhook still finds the checkout details and places the order.
    Until Stripe answers, `intent_id` is empty.
    """

    class Status(models.TextChoices):
        CREATED = "created", _("Created")
        REQUIRES_ACTION = "requires_action", _("Waiting for the customer's bank")
        SUCCEEDED = "succeeded", _("Paid")
        FAILED = "failed", _("Failed")
        REFUNDED_UNPLACEABLE = "refunded", _("Refunded: the order could not be placed")

    intent_id = models.CharField(_("PaymentIntent"), max_length=255, unique=True, null=True, blank=True)
    # The key of the create call (basket, amount, card): asking again with it finds this row, and Stripe
    # answers the same PaymentIntent, so a retried request never charges twice.
    idempotency_key = models.CharField(max_length=255, unique=True, null=True, blank=True)
    basket_id = models.PositiveIntegerField(_("Basket"), db_index=True)
    order = models.OneToOneField(
        "order.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="card_payment"
    )
    amount = models.DecimalField(_("Amount (toman)"), max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=12, default="IRT")
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.CREATED)
    # Shipping address fields, shipping method, e-mail, user, language: what placing the order needs.
    checkout = models.JSONField(default=dict)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("card payment")
        verbose_name_plural = _("card payments")

    def __str__(self):
        return self.intent_id or f"card payment {self.pk} (no PaymentIntent yet)"


class WebhookEvent(models.Model):
    """A Stripe event as received: stored once per event id, processed once."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"
