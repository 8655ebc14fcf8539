"""How certification moves: the only code that changes an application's state or a certificate's status.

Every function checks who may act, refuses illegal transitions with a clear
message, changes the rows in one transaction and appends an audit entry.
"""

import os
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from producers.links import producers_linked_to, producers_of
from shop.roles import is_quality_officer

from .models import AuditEntry, Certificate, CertificationApplication, ChecklistResult, Evidence

State = CertificationApplication.State
Action = AuditEntry.Action

# state -> states it may move to
TRANSITIONS = {
    State.DRAFT: {State.SUBMITTED},
    State.SUBMITTED: {State.IN_REVIEW},
    State.IN_REVIEW: {State.APPROVED, State.CHANGES_REQUESTED, State.REJECTED},
    State.CHANGES_REQUESTED: {State.SUBMITTED},
    State.APPROVED: set(),
    State.REJECTED: set(),
}


class TransitionError(ValidationError):
    pass


def can_transition(application, target):
    return target in TRANSITIONS[State(application.state)]


def _ensure_can_move(application, target):
    if not can_transition(application, target):
        raise TransitionError(
            _("A certification application that is “%(current)s” cannot become “%(target)s”.")
            % {"current": State(application.state).label, "target": State(target).label}
        )


def _move(application, target, actor, action, reason=""):
    _ensure_can_move(application, target)
    previous = application.state
    application.state = target
    application.save()
    AuditEntry.objects.create(
        application=application, actor=actor, action=action, from_state=previous, to_state=target, reason=reason
    )


def _locked(application):
    """Re-read the application under a row lock: two officers cannot decide it at once."""
    return CertificationApplication.objects.select_for_update().get(pk=application.pk)


def _require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError(_("Please give a reason."))


# --- Who may act -------------------------------------------------------------


def ensure_producer_of(user, application):
    if not producers_of(user).filter(pk=application.producer_id).exists():
        raise PermissionDenied(_("Only the product's producer can do this."))


def ensure_officer_may_decide(user, application_or_certificate):
    """Officers act only on producers they are not linked to (their own or their network's)."""
    if not is_quality_officer(user):
        raise PermissionDenied(_("Only quality officers can do this."))
    if producers_linked_to(user).filter(pk=application_or_certificate.producer_id).exists():
        raise PermissionDenied(
            _("You are linked to this producer (your own business or your network), so another officer must decide.")
        )


# --- The producer's side -----------------------------------------------------


def start_application(product, standard, user, note="", renews=None):
    """A producer asks for one of their products to be certified (a draft until submitted)."""
    if product.producer_id is None or not producers_of(user).filter(pk=product.producer_id).exists():
        raise PermissionDenied(_("Only the product's producer can do this."))
    if standard.product_class_id != product.get_product_class().pk:
        raise ValidationError(_("This standard is for another craft."))
    with transaction.atomic():
        application = CertificationApplication(
            product=product,
            producer_id=product.producer_id,
            standard=standard,
            product_version=product.content_version,
            note=note,
            renews=renews,
        )
        application.full_clean()
        application.save()
        AuditEntry.objects.create(application=application, actor=user, action=Action.CREATED, to_state=State.DRAFT)
    return application


@transaction.atomic
def submit(application, user):
    application = _locked(application)
    ensure_producer_of(user, application)
    # What is reviewed is the product as it is now.
    application.product_version = application.product.content_version
    application.submitted_at = timezone.now()
    _move(application, State.SUBMITTED, user, Action.SUBMITTED)
    return application


EDITABLE_STATES = (State.DRAFT, State.CHANGES_REQUESTED)


@transaction.atomic
def add_evidence(application, checklist_item, upload, user, description=""):
    """The producer adds a photo or document for a requirement (while the application is theirs to edit).

    `upload` must already be checked by shop.uploads.clean_document: its name
    (the uploaded name with the extension of the real type) and content type are
    what officers download.
    """
    application = _locked(application)
    ensure_producer_of(user, application)
    if application.state not in EDITABLE_STATES:
        raise TransitionError(_("Evidence can only be added before the application is submitted."))
    if checklist_item is not None and checklist_item.standard_id != application.standard_id:
        raise ValidationError(_("This requirement belongs to another standard."))
    stem, extension = os.path.splitext(os.path.basename(upload.name))
    original_name = stem[: Evidence._meta.get_field("original_name").max_length - len(extension)] + extension
    evidence = Evidence(
        application=application,
        checklist_item=checklist_item,
        original_name=original_name,
        content_type=upload.content_type,
        description=description,
        uploaded_by=user,
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    AuditEntry.objects.create(
        application=application,
        actor=user,
        action=Action.EVIDENCE_ADDED,
        reason=f"{checklist_item.text}: {original_name}" if checklist_item else original_name,
    )
    return evidence


def resubmit_for_material_edit(product):
    """A certified product was materially edited: it goes back into review (off the market meanwhile)."""
    last = Certificate.objects.filter(product=product).select_related("standard").order_by("-issued_at").first()
    if last is None:
        return None
    with transaction.atomic():
        open_application = (
            CertificationApplication.objects.select_for_update()
            .filter(product=product, state__in=CertificationApplication.OPEN_STATES)
            .first()
        )
        if open_application is not None:
            AuditEntry.objects.create(application=open_application, action=Action.MATERIAL_EDIT)
            return open_application
        application = CertificationApplication.objects.create(
            product=product,
            producer_id=product.producer_id,
            standard=last.standard,
            product_version=product.content_version,
            state=State.SUBMITTED,
            submitted_at=timezone.now(),
            renews=last,
        )
        AuditEntry.objects.create(
            application=application,
            action=Action.MATERIAL_EDIT,
            to_state=State.SUBMITTED,
            reason=_("Title, craft, standardized attributes or main image changed after certification."),
        )
    return application


# --- The officer's side ------------------------------------------------------


@transaction.atomic
def take(application, officer):
    application = _locked(application)
    ensure_officer_may_decide(officer, application)
    application.officer = officer
    _move(application, State.IN_REVIEW, officer, Action.TAKEN)
    return application


@transaction.atomic
def record_check(application, item, passed, officer, note=""):
    application = _locked(application)
    ensure_officer_may_decide(officer, application)
    if application.state != State.IN_REVIEW:
        raise TransitionError(_("Take the application for review before checking it."))
    if item.standard_id != application.standard_id:
        raise ValidationError(_("This requirement belongs to another standard."))
    result, _created = ChecklistResult.objects.update_or_create(
        application=application, item=item, defaults={"passed": passed, "note": note, "checked_by": officer}
    )
    AuditEntry.objects.create(
        application=application,
        actor=officer,
        action=Action.CHECKED,
        reason=f"{item.text}: {_('pass') if passed else _('fail')}" + (f" — {note}" if note else ""),
    )
    return result


@transaction.atomic
def approve(application, officer, reason=""):
    """Approve and issue the certificate for the product version that was reviewed."""
    application = _locked(application)
    ensure_officer_may_decide(officer, application)
    # The state first: approving a rejected application is refused as such, whatever its checklist.
    _ensure_can_move(application, State.APPROVED)
    checklist = list(application.standard.checklist.all())
    results = {r.item_id: r.passed for r in application.results.all()}
    unchecked = [item for item in checklist if item.pk not in results]
    failed = [item for item in checklist if results.get(item.pk) is False]
    if unchecked:
        raise ValidationError(
            _("Check every requirement before approving (%(count)d left).") % {"count": len(unchecked)}
        )
    if failed:
        raise ValidationError(_("Requirements that failed cannot be approved; request changes instead."))
    if application.product.content_version != application.product_version:
        raise ValidationError(_("The product changed during review; request changes so the producer resubmits it."))
    _move(application, State.APPROVED, officer, Action.APPROVED, reason)
    application.decided_at = timezone.now()
    application.save(update_fields=["decided_at"])
    return issue_certificate(application)


def issue_certificate(application, now=None):
    now = now or timezone.now()
    certificate = Certificate(
        number=f"tmp-{application.pk}",
        application=application,
        product_id=application.product_id,
        producer_id=application.producer_id,
        standard=application.standard,
        product_version=application.product_version,
        issued_at=now,
        valid_from=now,
        valid_until=now + timedelta(days=application.standard.validity_days),
    )
    certificate.save()
    certificate.number = certificate_number(certificate)
    certificate.save(update_fields=["number"])
    return certificate


def certificate_number(certificate):
    """Unique and readable aloud: HM-<year>-<sequence>, e.g. HM-2026-000042."""
    return f"HM-{certificate.issued_at.year}-{certificate.pk:06d}"


@transaction.atomic
def request_changes(application, officer, reason):
    _require_reason(reason)
    application = _locked(application)
    ensure_officer_may_decide(officer, application)
    _move(application, State.CHANGES_REQUESTED, officer, Action.CHANGES_REQUESTED, reason)
    application.decided_at = timezone.now()
    application.save(update_fields=["decided_at"])
    return application


@transaction.atomic
def reject(application, officer, reason):
    _require_reason(reason)
    application = _locked(application)
    ensure_officer_may_decide(officer, application)
    _move(application, State.REJECTED, officer, Action.REJECTED, reason)
    application.decided_at = timezone.now()
    application.save(update_fields=["decided_at"])
    return application


# --- Certificates after issue ------------------------------------------------

CERTIFICATE_TRANSITIONS = {
    # action: (allowed current statuses, new status, audit action)
    "suspend": ({Certificate.Status.VALID}, Certificate.Status.SUSPENDED, Action.SUSPENDED),
    "reinstate": ({Certificate.Status.SUSPENDED}, Certificate.Status.VALID, Action.REINSTATED),
    "revoke": ({Certificate.Status.VALID, Certificate.Status.SUSPENDED}, Certificate.Status.REVOKED, Action.REVOKED),
}


@transaction.atomic
def change_certificate(certificate, action, officer, reason):
    _require_reason(reason)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    ensure_officer_may_decide(officer, certificate)
    allowed, new_status, audit_action = CERTIFICATE_TRANSITIONS[action]
    if certificate.effective_status() not in allowed:
        raise TransitionError(
            _("A certificate that is “%(current)s” cannot be changed this way.")
            % {"current": certificate.effective_status().label}
        )
    previous = certificate.status
    certificate.status = new_status
    certificate.status_reason = reason
    certificate.save(update_fields=["status", "status_reason"])
    AuditEntry.objects.create(
        certificate=certificate,
        application=certificate.application,
        actor=officer,
        action=audit_action,
        from_state=previous,
        to_state=new_status,
        reason=reason,
    )
    return certificate


def suspend(certificate, officer, reason):
    return change_certificate(certificate, "suspend", officer, reason)


def reinstate(certificate, officer, reason):
    return change_certificate(certificate, "reinstate", officer, reason)


def revoke(certificate, officer, reason):
    return change_certificate(certificate, "revoke", officer, reason)
