"""Who makes what, where: provinces, producers (one Oscar Partner each) and brands."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A province (استان) of the programme, with the crafts it has an advantage in."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Slug"), unique=True)
    priority_crafts = models.ManyToManyField(
        "catalogue.ProductClass", blank=True, related_name="priority_regions", verbose_name=_("Priority crafts")
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("Region")
        verbose_name_plural = _("Regions")

    def __str__(self):
        return self.name


class Producer(models.Model):
    """A producer admitted to the market: a home producer or a lead business (پیشران).

    Each producer sells through exactly one Oscar Partner, so that stock records
    and order lines are theirs.
    """

    class Kind(models.TextChoices):
        HOME = "home", _("Home producer")
        LEAD = "lead", _("Lead business")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.PROTECT, related_name="producer", verbose_name=_("Partner")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="producer",
        verbose_name=_("Account"),
    )
    name = models.CharField(_("Brand name"), max_length=150)
    slug = models.SlugField(_("Slug"), unique=True, allow_unicode=True)
    kind = models.CharField(_("Level"), max_length=10, choices=Kind.choices, default=Kind.HOME)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="producers", verbose_name=_("Region"))
    crafts = models.ManyToManyField(
        "catalogue.ProductClass", blank=True, related_name="producers", verbose_name=_("Crafts")
    )
    story = models.TextField(_("Story"), blank=True)
    logo = models.ImageField(_("Logo"), upload_to="producers/logos/", blank=True)
    is_active = models.BooleanField(_("Active"), default=True)
    created_at = models.DateTimeField(_("Joined"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Producer")
        verbose_name_plural = _("Producers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("producers:detail", kwargs={"slug": self.slug})


class Brand(models.Model):
    """A brand products carry: a producer's own, or a regional collective brand."""

    class Kind(models.TextChoices):
        PRODUCER = "producer", _("Producer brand")
        COLLECTIVE = "collective", _("Regional collective brand")

    name = models.CharField(_("Name"), max_length=150)
    slug = models.SlugField(_("Slug"), unique=True, allow_unicode=True)
    kind = models.CharField(_("Kind"), max_length=12, choices=Kind.choices, default=Kind.PRODUCER)
    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, null=True, blank=True, related_name="brands", verbose_name=_("Producer")
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="brands", verbose_name=_("Region")
    )
    description = models.TextField(_("Description"), blank=True)
    logo = models.ImageField(_("Logo"), upload_to="brands/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Brand")
        verbose_name_plural = _("Brands")
        constraints = [
            models.CheckConstraint(
                name="brand_owner_matches_kind",
                condition=(models.Q(kind="producer", producer__isnull=False))
                | (models.Q(kind="collective", region__isnull=False)),
                violation_error_message=_("A producer brand needs a producer; a collective brand needs a region."),
            )
        ]

    def __str__(self):
        return self.name


class NetworkMembership(models.Model):
    """A home producer in a lead business's network (شبکه): invited by the lead, accepted by the member."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    lead = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="network_memberships", verbose_name=_("Lead business")
    )
    member = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Member"))
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.INVITED)
    invited_at = models.DateTimeField(_("Invited"), auto_now_add=True)
    responded_at = models.DateTimeField(_("Responded"), null=True, blank=True)

    class Meta:
        verbose_name = _("Network membership")
        verbose_name_plural = _("Network memberships")
        constraints = [
            models.UniqueConstraint(fields=["lead", "member"], name="one_membership_per_pair"),
            models.CheckConstraint(condition=~models.Q(lead=models.F("member")), name="no_self_membership"),
        ]

    def __str__(self):
        return f"{self.member} → {self.lead} ({self.get_status_display()})"
