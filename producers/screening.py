"""How a registration moves: the only code that saves producer applications or changes their state.

    submitted ──approve──▶ approved   (creates the producer)
        │  ╲──reject────▶ rejected
        │   ╲─ask───────▶ more information ──resubmit──▶ submitted
        ▲                        │ ╲──reject──▶ rejected
        └────────────────────────┘

Every function checks who may act, calls `full_clean()` (so the eligibility
rules of producers.eligibility hold whatever the caller), refuses illegal
transitions with a clear message, and appends an ApplicationEvent in the same
transaction. The applicant is emailed about every decision.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from oscar.apps.partner.models import Partner

from shop import roles

from . import emails
from .models import Application, ApplicationEvent, Brand, Producer

State = Application.State

# state -> {action: target state}
TRANSITIONS = {
    State.SUBMITTED: {"approve": State.APPROVED, "reject": State.REJECTED, "ask": State.MORE_INFORMATION},
    State.MORE_INFORMATION: {"resubmit": State.SUBMITTED, "reject": State.REJECTED},
    State.APPROVED: {},
    State.REJECTED: {},
}

# Slugs that are pages of the producers app, never a producer's shop.
RESERVED_SLUGS = {"apply", "application", "dashboard"}


class TransitionError(ValidationError):
    """The application is not in a state where this can happen."""


def allowed_actions(application):
    return set(TRANSITIONS[State(application.state)])


def can(application, action):
    return action in allowed_actions(application)


def _target(application, action):
    target = TRANSITIONS[State(application.state)].get(action)
    if target is None:
        raise TransitionError(
            _("An application that is “%(state)s” cannot be %(action)s.")
            % {"state": State(application.state).label, "action": ACTION_WORDS[action]}
        )
    return target


ACTION_WORDS = {
    "approve": gettext_lazy("approved"),
    "reject": gettext_lazy("rejected"),
    "ask": gettext_lazy("sent back for more information"),
    "resubmit": gettext_lazy("resubmitted"),
}


def _require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Please give a reason.")})


def _ensure_staff(user):
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        raise PermissionDenied(_("Only programme staff can screen applications."))


def _locked(application):
    """Re-read under a row lock: two people cannot move one application at once."""
    return Application.objects.select_for_update().get(pk=application.pk)


def _record(application, actor, from_state, reason=""):
    return ApplicationEvent.objects.create(
        application=application, actor=actor, from_state=from_state, to_state=application.state, reason=reason
    )


def _save(application, crafts=None):
    """Validate everything (eligibility and uniqueness included), then save."""
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        # Two submissions raced past full_clean(): the database constraint decides.
        raise ValidationError({"national_id": _("There is already an application with this national ID.")}) from None
    if crafts is not None:
        application.crafts.set(crafts)
    return application


# --- The applicant's side ------------------------------------------------------------------------


@transaction.atomic
def submit(application, user, crafts, language=None):
    """A signed-in person applies. `application` is an unsaved Application with the form's facts."""
    if not (user and user.is_authenticated):
        raise PermissionDenied(_("Please sign in to apply."))
    if not crafts:
        raise ValidationError({"crafts": _("Choose at least one craft.")})
    application.user = user
    application.state = State.SUBMITTED
    application.submitted_at = timezone.now()
    application.language = (language or get_language() or "fa")[:2]
    _save(application, crafts)
    _record(application, user, from_state="")
    return application


@transaction.atomic
def resubmit(application, user, crafts=None):
    """The applicant answers a request for more information (their edits are already on `application`)."""
    if application.user_id != user.pk:
        raise PermissionDenied(_("Only the applicant can resubmit this application."))
    current = _locked(application)
    target = _target(current, "resubmit")
    application.state = target
    application.submitted_at = timezone.now()
    _save(application, crafts)
    _record(application, user, from_state=current.state)
    return application


# --- Programme staff's side ----------------------------------------------------------------------


def _decide(application, staff, action, reason):
    _ensure_staff(staff)
    application = _locked(application)
    previous = application.state
    application.state = _target(application, action)
    application.decided_at = timezone.now()
    _save(application)
    event = _record(application, staff, from_state=previous, reason=reason.strip())
    return application, event


@transaction.atomic
def approve(application, staff, reason=""):
    """Approve and admit: the producer, its Oscar partner, the account's access and a brand, all at once."""
    application, event = _decide(application, staff, "approve", reason or "")
    application.producer = create_producer(application)
    application.save(update_fields=["producer"])
    emails.notify_decided(application, event)
    return application


@transaction.atomic
def reject(application, staff, reason):
    _require_reason(reason)
    application, event = _decide(application, staff, "reject", reason)
    emails.notify_decided(application, event)
    return application


@transaction.atomic
def request_more_information(application, staff, reason):
    _require_reason(reason)
    application, event = _decide(application, staff, "ask", reason)
    emails.notify_decided(application, event)
    return application


DECISIONS = {"approve": approve, "reject": reject, "ask": request_more_information}


# --- Admission -----------------------------------------------------------------------------------


def unique_slug(model, *candidates):
    """A free slug from the first candidate that gives one (Latin first, then Persian)."""
    base = ""
    for candidate in candidates:
        base = slugify(candidate or "") or slugify(candidate or "", allow_unicode=True)
        if base:
            break
    base = (base or "producer")[:40].strip("-")
    slug, number = base, 1
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def producers_group():
    group = Group.objects.filter(name=roles.PRODUCERS_GROUP).first()
    if group is None:
        group = roles.ensure_groups()[roles.PRODUCERS_GROUP]
    if not group.permissions.filter(content_type__app_label="partner", codename="dashboard_access").exists():
        group.permissions.add(Permission.objects.get(content_type__app_label="partner", codename="dashboard_access"))
    return group


def create_producer(application):
    """The producer an approved application admits (called inside approve()'s transaction)."""
    user = application.user
    if Producer.objects.filter(user=user).exists():
        raise ValidationError(_("This account already belongs to a producer."))
    name_fa, name_en = application.shop_name_fa(), application.shop_name_en()
    slug = unique_slug(Producer, application.business_name_en, name_en, name_fa)
    partner = Partner.objects.create(name=name_en)
    partner.users.add(user)
    producer = Producer(
        partner=partner,
        user=user,
        name=name_fa,
        name_fa=name_fa,
        name_en=name_en,
        slug=slug,
        kind=application.level,
        region=application.registration_region,
        is_active=True,
    )
    setattr(producer, f"story_{application.language}", application.business_description)
    producer.story = producer.story_fa or application.business_description
    producer.full_clean()
    producer.save()
    producer.crafts.set(application.crafts.all())
    user.groups.add(producers_group())
    brand = Brand(
        name=name_fa,
        name_fa=name_fa,
        name_en=name_en,
        slug=unique_slug(Brand, slug),
        kind=Brand.Kind.PRODUCER,
        producer=producer,
    )
    brand.full_clean()
    brand.save()
    return producer
