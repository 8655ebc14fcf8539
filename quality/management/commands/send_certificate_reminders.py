"""`manage.py send_certificate_reminders`: tell producers a certificate in force ends soon (run daily by cron).

A certificate is remembered as reminded (`reminded_30_days_at`, `reminded_7_days_at`)
in the same transaction as its email and audit entry, and each reminder is
claimed with a conditional update, so running the command twice, or two copies
at once, never sends a reminder twice. A certificate first seen inside 7 days
gets only the 7-day reminder.
"""

import logging
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from quality import emails
from quality.models import AuditEntry, Certificate, CertificationApplication

logger = logging.getLogger(__name__)

# (days before expiry, field remembering the reminder, fields the reminder also settles)
REMINDERS = [
    (7, "reminded_7_days_at", ("reminded_7_days_at", "reminded_30_days_at")),
    (30, "reminded_30_days_at", ("reminded_30_days_at",)),
]


def due_certificates(days, field, now):
    """Certificates in force that end within `days` and have not had this reminder, nor a renewal under way."""
    renewal_under_way = Q(
        renewals__state__in=[*CertificationApplication.OPEN_STATES, CertificationApplication.State.APPROVED]
    )
    return (
        Certificate.objects.in_force(now)
        .filter(valid_until__lte=now + timedelta(days=days), **{f"{field}__isnull": True})
        .exclude(renewal_under_way)
        .select_related("product", "producer__user", "producer__partner")
        .order_by("valid_until", "pk")
    )


def remind(certificate, days, settles, now):
    """Claim, email and record one reminder atomically; False if someone else already sent it."""
    with transaction.atomic():
        # Keep an earlier reminder's date; set the ones this reminder settles.
        claimed = Certificate.objects.filter(pk=certificate.pk, **{f"{settles[0]}__isnull": True}).update(
            **{name: Coalesce(F(name), Value(now)) for name in settles}
        )
        if not claimed:
            return False
        days_left = max(0, (certificate.valid_until - now).days)
        emails.send_reminder(certificate, days_left)
        AuditEntry.objects.create(
            certificate=certificate,
            application_id=certificate.application_id,
            action=AuditEntry.Action.REMINDED,
            reason=_("Reminder %(days)d days before expiry") % {"days": days},
        )
    return True


class Command(BaseCommand):
    help = "Email producers whose certificates in force expire within 30 days, and again within 7 (once each)."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = {days: 0 for days, _field, _settles in REMINDERS}
        failed = 0
        for days, field, settles in REMINDERS:
            for certificate in due_certificates(days, field, now):
                try:
                    if remind(certificate, days, settles, now):
                        sent[days] += 1
                except Exception:  # one failing mailbox must not stop the others
                    failed += 1
                    logger.exception("Could not send the %s-day reminder for certificate %s", days, certificate)
        self.stdout.write(f"Reminders sent: {sent[30]} at 30 days, {sent[7]} at 7 days; failed: {failed}.")
