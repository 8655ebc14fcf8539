"""Quality certification: standards, applications, officers' checks, certificates, the audit trail.

The rules that move an application or a certificate from one state to another
live in `quality.workflow`; these models hold the data and refuse what would
break it (an audit entry cannot be changed or deleted).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.storage import private_storage


class Standard(models.Model):
    """A product standard (e.g. a national standard number) that certificates are issued against."""

    code = models.CharField(_("Code"), max_length=40, unique=True, help_text=_("e.g. a national standard number"))
    title = models.CharField(_("Title"), max_length=200)
    product_class = models.ForeignKey(
        "catalogue.ProductClass", on_delete=models.PROTECT, related_name="standards", verbose_name=_("Craft")
    )
    validity_days = models.PositiveIntegerField(
        _("Certificate validity (days)"), default=365, help_text=_("How long a certificate issued against it lasts.")
    )
    is_active = models.BooleanField(_("In use"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Standard")
        verbose_name_plural = _("Standards")

    def __str__(self):
        return f"{self.code} — {self.title}"


class ChecklistItem(models.Model):
    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="checklist", verbose_name=_("Standard")
    )
    text = models.CharField(_("Requirement"), max_length=300)
    evidence_required = models.CharField(_("Evidence needed"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        ordering = ["standard", "position", "pk"]
        verbose_name = _("Checklist item")
        verbose_name_plural = _("Checklist items")

    def __str__(self):
        return self.text


class CertificationApplication(models.Model):
    """A producer's request that one version of a product be certified against a standard."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    OPEN_STATES = (State.DRAFT, State.SUBMITTED, State.IN_REVIEW, State.CHANGES_REQUESTED)

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="certification_applications",
        verbose_name=_("Product"),
    )
    producer = models.ForeignKey(
        "producers.Producer",
        on_delete=models.CASCADE,
        related_name="certification_applications",
        verbose_name=_("Producer"),
    )
    standard = models.ForeignKey(
        Standard, on_delete=models.PROTECT, related_name="applications", verbose_name=_("Standard")
    )
    product_version = models.PositiveIntegerField(_("Product version"))
    state = models.CharField(_("State"), max_length=20, choices=State.choices, default=State.DRAFT)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certification_reviews",
        verbose_name=_("Officer"),
    )
    renews = models.ForeignKey(
        "Certificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name=_("Renews certificate"),
    )
    note = models.TextField(_("Producer's note"), blank=True)
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("Submitted"), null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(_("Decided"), null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("Certification application")
        verbose_name_plural = _("Certification applications")
        indexes = [models.Index(fields=["state", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["product"],
                condition=models.Q(state__in=["draft", "submitted", "in_review", "changes_requested"]),
                name="one_open_certification_per_product",
                violation_error_message=_("This product already has an open certification application."),
            )
        ]

    def __str__(self):
        return f"#{self.pk} {self.product} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("quality:application", kwargs={"pk": self.pk})

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES


class Evidence(models.Model):
    """A photo or document a producer submits for a checklist item (kept in private storage)."""

    application = models.ForeignKey(
        CertificationApplication, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("Application")
    )
    checklist_item = models.ForeignKey(
        ChecklistItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name=_("For requirement"),
    )
    file = models.FileField(_("File"), storage=private_storage, upload_to="evidence/%Y/%m/")
    original_name = models.CharField(_("Original file name"), max_length=255)
    content_type = models.CharField(_("Content type"), max_length=100)
    description = models.CharField(_("Description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("Uploaded by")
    )
    uploaded_at = models.DateTimeField(_("Uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("Evidence")
        verbose_name_plural = _("Evidence")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("quality:evidence", kwargs={"pk": self.pk})


class ChecklistResult(models.Model):
    """An officer's pass/fail on one checklist item of one application."""

    application = models.ForeignKey(
        CertificationApplication, on_delete=models.CASCADE, related_name="results", verbose_name=_("Application")
    )
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+", verbose_name=_("Requirement"))
    passed = models.BooleanField(_("Passed"))
    note = models.TextField(_("Note"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Checked by")
    )
    checked_at = models.DateTimeField(_("Checked"), auto_now=True)

    class Meta:
        verbose_name = _("Checklist result")
        verbose_name_plural = _("Checklist results")
        constraints = [models.UniqueConstraint(fields=["application", "item"], name="one_result_per_item")]

    def __str__(self):
        return f"{self.item}: {'✔' if self.passed else '✘'}"


class CertificateQuerySet(models.QuerySet):
    def in_force(self, at=None):
        """Certificates that certify right now: valid status and inside their dates.

        Expiry needs no job: a certificate past `valid_until` simply stops matching.
        """
        at = at or timezone.now()
        return self.filter(status=Certificate.Status.VALID, valid_from__lte=at, valid_until__gt=at)


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")  # never stored: derived from the dates (see effective_status)

    number = models.CharField(_("Certificate number"), max_length=32, unique=True)
    application = models.OneToOneField(
        CertificationApplication, on_delete=models.PROTECT, related_name="certificate", verbose_name=_("Application")
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="certificates", verbose_name=_("Product")
    )
    producer = models.ForeignKey(
        "producers.Producer", on_delete=models.CASCADE, related_name="certificates", verbose_name=_("Producer")
    )
    standard = models.ForeignKey(
        Standard, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("Standard")
    )
    product_version = models.PositiveIntegerField(_("Product version covered"))
    issued_at = models.DateTimeField(_("Issued"))
    valid_from = models.DateTimeField(_("Valid from"))
    valid_until = models.DateTimeField(_("Valid until"), db_index=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.VALID)
    status_reason = models.TextField(_("Reason for the status"), blank=True)
    reminded_30_days_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_7_days_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("Certificate")
        verbose_name_plural = _("Certificates")
        indexes = [models.Index(fields=["product", "status", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("valid_from")), name="valid_dates_ordered"
            ),
            models.CheckConstraint(condition=~models.Q(status="expired"), name="expired_is_derived_not_stored"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("quality:verify", kwargs={"number": self.number})

    def effective_status(self, at=None):
        """The status a customer should read: a valid certificate past its date is expired."""
        at = at or timezone.now()
        if self.status == self.Status.VALID and at >= self.valid_until:
            return self.Status.EXPIRED
        return self.Status(self.status)

    def is_in_force(self, at=None):
        at = at or timezone.now()
        return self.effective_status(at) == self.Status.VALID and self.valid_from <= at

    def covers_current_version(self):
        return self.product_version == self.product.content_version


class AuditEntryQuerySet(models.QuerySet):
    """Bulk updates and deletes skip `save()`/`delete()`, so they are refused here too."""

    def update(self, **kwargs):
        raise PermissionDenied("Audit entries are append-only.")

    update.alters_data = True

    def delete(self):
        raise PermissionDenied("Audit entries cannot be deleted.")

    delete.alters_data = True
    delete.queryset_only = True


class AuditEntry(models.Model):
    """Append-only record of every action on an application or certificate: who, when, what, why."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submitted", _("Submitted")
        TAKEN = "taken", _("Taken for review")
        CHECKED = "checked", _("Checklist item checked")
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        EVIDENCE_ADDED = "evidence_added", _("Evidence added")
        MATERIAL_EDIT = "material_edit", _("Product materially edited")
        SUSPENDED = "suspended", _("Certificate suspended")
        REINSTATED = "reinstated", _("Certificate reinstated")
        REVOKED = "revoked", _("Certificate revoked")
        REMINDED = "reminded", _("Renewal reminder sent")

    application = models.ForeignKey(
        CertificationApplication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit",
        verbose_name=_("Application"),
    )
    certificate = models.ForeignKey(
        Certificate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit",
        verbose_name=_("Certificate"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("By"),
    )
    action = models.CharField(_("Action"), max_length=20, choices=Action.choices)
    from_state = models.CharField(_("From"), max_length=20, blank=True)
    to_state = models.CharField(_("To"), max_length=20, blank=True)
    reason = models.TextField(_("Reason"), blank=True)
    created_at = models.DateTimeField(_("When"), default=timezone.now, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Audit entry")
        verbose_name_plural = _("Audit entries")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit entries cannot be deleted.")
