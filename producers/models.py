"""Who makes what, where: provinces, producers (one Oscar Partner each), brands, networks,
the applications that admit producers, their training, and their dispatches."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import eligibility


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

    @property
    def is_lead(self):
        return self.kind == Producer.Kind.LEAD


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


# --- Registration and screening -----------------------------------------------------------------


class Application(models.Model):
    """A person's request to join the programme as a home producer or a lead business (پیشران).

    The eligibility rules (producers.eligibility) are checked by `clean()`;
    `producers.screening` is the only code that saves applications or moves
    them between states, and it always calls `full_clean()` first.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        MORE_INFORMATION = "more_information", _("More information requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    # A national ID may have only one application in these states at a time.
    LIVE_STATES = (State.SUBMITTED, State.MORE_INFORMATION, State.APPROVED)
    # States in which the applicant may still change what they wrote.
    EDITABLE_STATES = (State.MORE_INFORMATION,)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="producer_applications",
        verbose_name=_("Account"),
    )
    level = models.CharField(_("Level"), max_length=10, choices=Producer.Kind.choices, default=Producer.Kind.HOME)
    full_name = models.CharField(_("Full name"), max_length=150)
    national_id = models.CharField(
        _("National ID"), max_length=10, validators=[eligibility.validate_national_id], db_index=True
    )
    date_of_birth = models.DateField(_("Date of birth"))
    native_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Native province"),
        help_text=_("The province you are a native of (بومی)."),
    )
    registration_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("Province of registration"),
    )
    employed_full_time = models.BooleanField(_("Employed full-time"))
    employer_insured = models.BooleanField(_("Insurance paid by an employer"))
    crafts = models.ManyToManyField(
        "catalogue.ProductClass", related_name="producer_applications", verbose_name=_("Crafts")
    )
    business_name_fa = models.CharField(
        _("Business name (Persian)"),
        max_length=150,
        blank=True,
        help_text=_("Required for a lead business; a home producer's shop is named after them when empty."),
    )
    business_name_en = models.CharField(_("Business name (English)"), max_length=150, blank=True)
    business_description = models.TextField(_("About your business"))
    phone = models.CharField(_("Phone"), max_length=20)
    language = models.CharField(
        _("Language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, editable=False
    )
    state = models.CharField(_("State"), max_length=20, choices=State.choices, default=State.SUBMITTED, editable=False)
    submitted_at = models.DateTimeField(_("Submitted"), default=timezone.now, editable=False, db_index=True)
    decided_at = models.DateTimeField(_("Decided"), null=True, blank=True, editable=False)
    producer = models.OneToOneField(
        Producer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="application",
        verbose_name=_("Producer"),
    )
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated"), auto_now=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("Producer application")
        verbose_name_plural = _("Producer applications")
        indexes = [models.Index(fields=["state", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["national_id"],
                condition=models.Q(state__in=["submitted", "more_information", "approved"]),
                name="one_live_application_per_national_id",
                violation_error_message=_("There is already an application with this national ID."),
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state__in=["submitted", "more_information", "approved"]),
                name="one_live_application_per_account",
                violation_error_message=_("You already have an application."),
            ),
            models.CheckConstraint(
                condition=~models.Q(level="lead", business_name_fa=""),
                name="lead_business_has_a_name",
                violation_error_message=_("A lead business must give its business name."),
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.full_name} ({self.get_state_display()})"

    def applied_on(self):
        """The day of application, in the programme's time zone (the age rule is about this day)."""
        return timezone.localdate(self.submitted_at or timezone.now())

    def clean(self):
        super().clean()
        errors = {}
        if self.level == Producer.Kind.LEAD and not (self.business_name_fa or "").strip():
            errors["business_name_fa"] = _("A lead business must give its business name.")
        try:
            eligibility.check(self)
        except ValidationError as error:
            errors.update(error.error_dict)
        if errors:
            raise ValidationError(errors)

    @property
    def is_live(self):
        return self.state in self.LIVE_STATES

    @property
    def is_editable(self):
        return self.state in self.EDITABLE_STATES

    def shop_name_fa(self):
        return (self.business_name_fa or "").strip() or self.full_name

    def shop_name_en(self):
        return (self.business_name_en or "").strip() or self.shop_name_fa()


class AppendOnlyQuerySet(models.QuerySet):
    """Rows that are written once: bulk updates and deletes are refused too."""

    def update(self, **kwargs):
        raise PermissionDenied(_("This record is append-only."))

    def delete(self):
        raise PermissionDenied(_("This record is append-only."))


class ApplicationEvent(models.Model):
    """One step in an application's life (who, when, from which state to which, why). Append-only."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="events", verbose_name=_("Application")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("By"),
    )
    from_state = models.CharField(_("From"), max_length=20, choices=Application.State.choices, blank=True)
    to_state = models.CharField(_("To"), max_length=20, choices=Application.State.choices)
    reason = models.TextField(_("Reason"), blank=True)
    created_at = models.DateTimeField(_("When"), default=timezone.now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Application event")
        verbose_name_plural = _("Application events")
        default_permissions = ("add", "view")

    def __str__(self):
        return f"{self.application_id}: {self.from_state or '—'} → {self.to_state}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied(_("This record is append-only."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("This record is append-only."))


# --- Training ------------------------------------------------------------------------------------


class Course(models.Model):
    """A training or consulting course of the programme (آموزش): general, or specialised in one craft."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General")
        SPECIALISED = "specialised", _("Specialised")

    title = models.CharField(_("Title"), max_length=200)
    slug = models.SlugField(_("Slug"), unique=True, allow_unicode=True)
    description = models.TextField(_("Description"), blank=True)
    kind = models.CharField(_("Kind"), max_length=12, choices=Kind.choices, default=Kind.GENERAL)
    craft = models.ForeignKey(
        "catalogue.ProductClass",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("Craft taught"),
        help_text=_("Empty for a general course."),
    )
    required_for = models.ManyToManyField(
        "catalogue.ProductClass",
        blank=True,
        related_name="required_courses",
        verbose_name=_("Required for listing in"),
        help_text=_("Producers must complete this course before they list products in these crafts."),
    )
    hours = models.PositiveSmallIntegerField(_("Hours"), null=True, blank=True)
    is_active = models.BooleanField(_("Offered"), default=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("Course")
        verbose_name_plural = _("Courses")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.kind == self.Kind.SPECIALISED and self.craft_id is None:
            raise ValidationError({"craft": _("A specialised course teaches one craft.")})
        if self.kind == self.Kind.GENERAL and self.craft_id is not None:
            raise ValidationError({"craft": _("A general course is not about one craft.")})


class Enrolment(models.Model):
    """A producer on a course; staff record the enrolment and, later, its completion."""

    producer = models.ForeignKey(
        Producer, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("Producer")
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("Course"))
    enrolled_at = models.DateTimeField(_("Enrolled"), default=timezone.now)
    completed_at = models.DateTimeField(_("Completed"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Recorded by"),
    )

    class Meta:
        ordering = ["-enrolled_at", "pk"]
        verbose_name = _("Enrolment")
        verbose_name_plural = _("Enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["producer", "course"],
                name="one_enrolment_per_course",
                violation_error_message=_("This producer is already enrolled on this course."),
            ),
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True) | models.Q(completed_at__gte=models.F("enrolled_at")),
                name="completed_after_enrolled",
                violation_error_message=_("A course cannot be completed before the enrolment."),
            ),
        ]

    def __str__(self):
        return f"{self.producer} — {self.course}"

    @property
    def is_completed(self):
        return self.completed_at is not None


# --- Fulfilment ----------------------------------------------------------------------------------


class LineShipment(models.Model):
    """A producer's dispatch of one order line, with the carrier's tracking reference.

    One order may hold lines of several producers; each producer dispatches only
    their own lines (producers.fulfilment). Oscar's ShippingEvent is recorded
    alongside, so the order's own history shows the dispatch too.
    """

    line = models.OneToOneField(
        "order.Line", on_delete=models.CASCADE, related_name="shipment", verbose_name=_("Order line")
    )
    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, related_name="shipments", verbose_name=_("Producer")
    )
    tracking_reference = models.CharField(_("Tracking reference"), max_length=100)
    carrier = models.CharField(_("Carrier"), max_length=100, blank=True)
    dispatched_at = models.DateTimeField(_("Dispatched"), default=timezone.now)
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Dispatched by"),
    )

    class Meta:
        ordering = ["-dispatched_at", "pk"]
        verbose_name = _("Line shipment")
        verbose_name_plural = _("Line shipments")

    def __str__(self):
        return f"{self.line_id}: {self.tracking_reference}"


# --- Monitoring: quotas and facility readiness (producers.monitoring) ---------------------------


class ProvincialQuota(models.Model):
    """How many people a province may register in a programme year (e.g. Markazi: 2,000)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="quotas", verbose_name=_("Province"))
    year = models.PositiveSmallIntegerField(_("Year"))
    quota = models.PositiveIntegerField(_("Quota"), help_text=_("People the province may register this year."))

    class Meta:
        ordering = ["-year", "region__slug"]
        verbose_name = _("Provincial quota")
        verbose_name_plural = _("Provincial quotas")
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="one_quota_per_province_and_year")]

    def __str__(self):
        return f"{self.region} {self.year}: {self.quota}"


class ReadinessRule(models.Model):
    """When a business has developed enough for a facility (loan), and the caps, for one programme year.

    Facilities are never given at registration: `min_sales_months` is at least one,
    so a producer needs sales before they can qualify. The same two numbers
    (`min_sales_months` of the last `window_months`) define "sustained sales"
    everywhere in monitoring (producers.monitoring.rules).
    """

    year = models.PositiveSmallIntegerField(_("Year"), unique=True)
    window_months = models.PositiveSmallIntegerField(
        _("Months looked at"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Sales are counted over this many months, ending with the current month."),
    )
    min_sales_months = models.PositiveSmallIntegerField(
        _("Months with sales"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("At least this many of those months must have sales (sustained sales)."),
    )
    min_total_sales = models.DecimalField(
        _("Minimum total sales"),
        max_digits=14,
        decimal_places=0,
        default=Decimal("20000000"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("In toman, over the months looked at."),
    )
    require_certificate = models.BooleanField(_("A certified product on sale"), default=True)
    require_training = models.BooleanField(_("Training completed"), default=True)
    cap_individual = models.DecimalField(
        _("Cap for an individual"),
        max_digits=14,
        decimal_places=0,
        default=Decimal("50000000"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("In toman: the most a home producer may receive this year."),
    )
    cap_network = models.DecimalField(
        _("Cap for network and support activities"),
        max_digits=14,
        decimal_places=0,
        default=Decimal("250000000"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("In toman: the most a lead business may receive this year for its network."),
    )
    updated_at = models.DateTimeField(_("Updated"), auto_now=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Facility readiness rule")
        verbose_name_plural = _("Facility readiness rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_sales_months__gte=1) & models.Q(min_sales_months__lte=models.F("window_months")),
                name="readiness_months_within_window",
                violation_error_message=_("The months with sales must be between 1 and the months looked at."),
            )
        ]

    def __str__(self):
        return str(self.year)

    def clean(self):
        super().clean()
        if self.min_sales_months and self.window_months and self.min_sales_months > self.window_months:
            raise ValidationError(
                {"min_sales_months": _("The months with sales cannot be more than the months looked at.")}
            )

    def cap_for(self, kind):
        """The cap that applies to a producer of this level."""
        return self.cap_network if kind == Producer.Kind.LEAD else self.cap_individual
