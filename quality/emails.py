"""Emails to producers about their certification: officers' decisions and renewal reminders.

Written in the producer's language when it is known (the language they applied
to the programme in), else Persian; sent with the configured backend (console
by default). Decision emails are sent once the transaction that recorded the
decision commits, so a decision that is rolled back is never announced.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)

APPLICATION_DECISIONS = ("approved", "changes_requested", "rejected")
CERTIFICATE_DECISIONS = ("suspended", "reinstated", "revoked")


def _absolute(path):
    base = getattr(settings, "SITE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def language_for(producer):
    """The language a producer wants to read: the one they applied to the programme in, else Persian."""
    application = getattr(producer, "application", None)  # producers.Application, when they applied online
    language = getattr(application, "language", "") or ""
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


def recipients(producer):
    """The producer's own account, else the accounts of its partner (a lead business's staff)."""
    if producer.user_id and producer.user.email:
        return [producer.user.email]
    return sorted({email for email in producer.partner.users.values_list("email", flat=True) if email})


def _send(producer, template, context):
    to = recipients(producer)
    if not to:
        return 0
    with translation.override(language_for(producer)):
        context = {**context, "producer": producer, "portal_url": _absolute(reverse("quality:my-certification"))}
        if "certificate" in context and context["certificate"] is not None:
            context["verification_url"] = _absolute(context["certificate"].get_absolute_url())
        if "application" in context and context["application"] is not None:
            context["application_url"] = _absolute(
                reverse("quality:my-application", kwargs={"pk": context["application"].pk})
            )
        subject = " ".join(render_to_string(f"quality/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"quality/emails/{template}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def send_decision(decision, application=None, certificate=None, reason=""):
    """Tell the producer what an officer decided: one of APPLICATION_DECISIONS or CERTIFICATE_DECISIONS."""
    if decision not in APPLICATION_DECISIONS + CERTIFICATE_DECISIONS:
        raise ValueError(f"Unknown decision: {decision}")
    subject = certificate or application
    context = {
        "decision": decision,
        "application": application,
        "certificate": certificate,
        "product": subject.product,
        "reason": reason,
    }
    return _send(subject.producer, "decision", context)


def notify_decision(decision, application=None, certificate=None, reason=""):
    """Send the decision email when the current transaction commits (at once outside a transaction).

    A mail outage is logged and never fails the decision, which is already committed.
    """

    def send():
        try:
            send_decision(decision, application=application, certificate=certificate, reason=reason)
        except Exception:
            about = f"Certificate {certificate.pk}" if certificate else f"Certification application {application.pk}"
            logger.exception("%s: the certification e-mail (%s) could not be sent", about, decision)

    transaction.on_commit(send)


def send_reminder(certificate, days_left):
    """Remind the producer that a certificate in force ends soon and can be renewed now."""
    context = {
        "certificate": certificate,
        "product": certificate.product,
        "days_left": days_left,
        "application": None,
    }
    return _send(certificate.producer, "reminder", context)
