"""Training and consulting (آموزش و مشاوره): which courses a craft requires, and who has completed them.

`missing_training()` is the one question the portal asks before a producer
creates or edits a listing in a craft.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Course, Enrolment


def required_courses(product_class):
    """The courses a producer must complete before listing in this craft."""
    return Course.objects.filter(is_active=True, required_for=product_class).order_by("kind", "title")


def missing_training(producer, product_class):
    """The required courses for `product_class` that `producer` has not completed (a list, in order)."""
    completed = Enrolment.objects.filter(course=OuterRef("pk"), producer=producer, completed_at__isnull=False)
    return list(required_courses(product_class).filter(~Exists(completed)))


def ensure_trained(producer, product_class):
    """Refuse, naming the courses, when training for the craft is missing."""
    missing = missing_training(producer, product_class)
    if missing:
        raise ValidationError(
            _("Complete the training this craft requires before listing in it: %(courses)s.")
            % {"courses": "، ".join(course.title for course in missing)},
            code="training_missing",
        )


def _ensure_staff(user):
    if not (user and user.is_authenticated and user.is_staff):
        raise PermissionDenied(_("Only programme staff record training."))


@transaction.atomic
def enrol(producer, course, staff, enrolled_at=None, completed_at=None):
    """Record that a producer joined a course (and perhaps already completed it); idempotent."""
    _ensure_staff(staff)
    enrolment = Enrolment.objects.filter(producer=producer, course=course).first()
    if enrolment is None:
        enrolled_at = enrolled_at or timezone.now()
        if completed_at is not None:
            enrolled_at = min(enrolled_at, completed_at)
        enrolment = Enrolment(producer=producer, course=course, enrolled_at=enrolled_at)
    enrolment.recorded_by = staff
    if completed_at is not None:
        enrolment.completed_at = completed_at
    enrolment.full_clean()
    enrolment.save()
    return enrolment


@transaction.atomic
def complete(enrolment, staff, completed_at=None):
    _ensure_staff(staff)
    enrolment.completed_at = completed_at or timezone.now()
    enrolment.recorded_by = staff
    enrolment.full_clean()
    enrolment.save()
    return enrolment
