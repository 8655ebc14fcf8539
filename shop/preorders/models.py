"""Pre-order campaigns and customers' commitments to them.

The state changes are made only by shop.preorders.rules; the models hold data and
read-only helpers.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CampaignQuerySet(models.QuerySet):
    def with_committed(self):
        """Annotate `committed_total`: units committed to each campaign (one query for a whole list).

        Units standing now, and on a failed campaign the units released when it failed (so its page
        says how far it got).
        """
        standing = Q(commitments__state__in=Commitment.SHOWN)
        return self.annotate(committed_total=Coalesce(Sum("commitments__quantity", filter=standing), 0))

    def running(self):
        """Taking commitments now: approved, before the deadline, and the product still listable (quality.gate)."""
        from quality.gate import listable_condition

        return self.filter(
            listable_condition(through="product__"), state=Campaign.State.RUNNING, deadline__gt=timezone.now()
        )

    def public(self):
        """What customers may see: campaigns taking commitments, and those that have ended (with their outcome)."""
        from quality.gate import listable_condition

        taking = Q(state=Campaign.State.RUNNING) & listable_condition(through="product__")
        return self.filter(taking | Q(state__in=[Campaign.State.SUCCEEDED, Campaign.State.FAILED]))

    def of_producers(self, producer_ids):
        return self.filter(product__producer_id__in=producer_ids)

    def outcomes_by_month(self, since):
        """{first day of month: {"succeeded": n, "failed": n}} for campaigns closed since `since` (one query)."""
        from django.db.models import Count
        from django.db.models.functions import TruncMonth

        ended = [Campaign.State.SUCCEEDED, Campaign.State.FAILED]
        rows = (
            self.filter(state__in=ended, closed_at__gte=since)
            .order_by()
            .annotate(month=TruncMonth("closed_at"))
            .values("month", "state")
            .annotate(total=Count("pk"))
        )
        months = {}
        for row in rows:
            month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
            months.setdefault(month, {"succeeded": 0, "failed": 0})[row["state"]] = row["total"]
        return months


class Campaign(models.Model):
    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        RUNNING = "running", _("Running")
        REJECTED = "rejected", _("Rejected")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("Product")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Proposed by"),
    )
    target_quantity = models.PositiveIntegerField(_("Target quantity"))
    deadline = models.DateTimeField(_("Deadline"))
    estimated_ship_date = models.DateField(_("Estimated ship date"))
    price = models.DecimalField(_("Price (tomans)"), max_digits=12, decimal_places=0)
    max_per_customer = models.PositiveIntegerField(_("Maximum per customer"))
    state = models.CharField(_("State"), max_length=16, choices=State.choices, default=State.PROPOSED)
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("Closed"), null=True, blank=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("Pre-order campaign")
        verbose_name_plural = _("Pre-order campaigns")
        constraints = [
            models.CheckConstraint(condition=models.Q(target_quantity__gte=1), name="campaign_target_positive"),
            models.CheckConstraint(condition=models.Q(max_per_customer__gte=1), name="campaign_max_positive"),
        ]

    def __str__(self):
        return f"{self.product.get_title()} ({self.get_state_display()})"

    @property
    def producer(self):
        return self.product.producer

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("preorders:detail", kwargs={"pk": self.pk})

    def committed_quantity(self):
        """Units committed and still standing (not cancelled nor released), counted now (rules use this)."""
        total = self.commitments.filter(state__in=Commitment.STANDING).aggregate(total=Sum("quantity"))["total"]
        return total or 0

    @property
    def committed(self):
        """For pages (see CampaignQuerySet.with_committed): the list's annotation when present, else counted once."""
        if not hasattr(self, "committed_total"):
            shown = self.commitments.filter(state__in=Commitment.SHOWN).aggregate(total=Sum("quantity"))["total"]
            self.committed_total = shown or 0
        return self.committed_total

    @property
    def remaining_quantity(self):
        return max(self.target_quantity - self.committed, 0)

    @property
    def progress_percent(self):
        """Committed as a whole percentage of the target (at most 100)."""
        return min(100, self.committed * 100 // self.target_quantity)

    def committed_quantity_of(self, **customer):
        """Units one customer (filter: user=... or email) has standing in this campaign."""
        standing = self.commitments.filter(state__in=Commitment.STANDING, **customer)
        return standing.aggregate(total=Sum("quantity"))["total"] or 0

    @property
    def is_open(self):
        return self.state == self.State.RUNNING and self.deadline > timezone.now()


class Commitment(models.Model):
    class Method(models.TextChoices):
        CARD = "card", _("Card (charged when the target is reached)")
        CASH_ON_DELIVERY = "cash-on-delivery", _("Cash on delivery")

    class State(models.TextChoices):
        COMMITTED = "committed", _("Committed")
        ORDERED = "ordered", _("Ordered")
        PAYMENT_FAILED = "payment_failed", _("Payment failed")
        CANCELLED = "cancelled", _("Cancelled")
        RELEASED = "released", _("Released (campaign failed)")

    # States that count towards the campaign's target.
    STANDING = (State.COMMITTED, State.ORDERED, State.PAYMENT_FAILED)
    # What pages show as committed: the standing units, and those a failed campaign released.
    SHOWN = (*STANDING, State.RELEASED)

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("Campaign")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preorder_commitments",
        verbose_name=_("Customer"),
    )
    email = models.EmailField(_("E-mail"))
    language = models.CharField(_("Language"), max_length=8, default="fa")
    quantity = models.PositiveIntegerField(_("Quantity"))
    method = models.CharField(_("Payment method"), max_length=20, choices=Method.choices)
    state = models.CharField(_("State"), max_length=16, choices=State.choices, default=State.COMMITTED)
    # Card commitments: the saved card, and the charge made once (its idempotency key is fixed per commitment).
    stripe_customer_id = models.CharField(max_length=255, blank=True)
    payment_method_id = models.CharField(max_length=255, blank=True)
    payment_intent_id = models.CharField(max_length=255, blank=True)
    pay_by = models.DateTimeField(_("Pay by"), null=True, blank=True)
    shipping_address = models.ForeignKey(
        "order.ShippingAddress",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Delivery address"),
    )
    # When the customer was told how the campaign ended (so closing twice never e-mails twice).
    notified_at = models.DateTimeField(null=True, blank=True)
    order = models.OneToOneField(
        "order.Order", on_delete=models.SET_NULL, null=True, blank=True, related_name="preorder_commitment"
    )
    created_at = models.DateTimeField(_("Committed at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Commitment")
        verbose_name_plural = _("Commitments")
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="commitment_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.campaign_id}: {self.quantity} × {self.email}"

    @property
    def idempotency_key(self):
        """The one key for this commitment's off-session charge: Stripe never charges it twice."""
        return f"preorder-commitment-{self.pk}-charge"
