"""Emails to applicants about decisions, in the language they applied in (console backend by default)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Application

logger = logging.getLogger(__name__)

TEMPLATES = {
    Application.State.APPROVED: "approved",
    Application.State.REJECTED: "rejected",
    Application.State.MORE_INFORMATION: "more_information",
}


def _absolute(path):
    base = getattr(settings, "SITE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def application_decided(application, event):
    """Tell the applicant what programme staff decided and what to do next."""
    name = TEMPLATES.get(event.to_state)
    if name is None or not application.user.email:
        return 0
    language = application.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "application": application,
            "event": event,
            "producer": application.producer,
            "application_url": _absolute(reverse("producers:apply")),
            "dashboard_url": _absolute(reverse("dashboard:index")),
            "shop_url": _absolute(application.producer.get_absolute_url()) if application.producer else "",
        }
        subject = " ".join(render_to_string(f"producers/emails/{name}_subject.txt", context).split())
        body = render_to_string(f"producers/emails/{name}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [application.user.email])


def notify_decided(application, event):
    """Send the decision e-mail once the decision commits; a mail outage is logged and never fails the decision."""

    def send():
        try:
            application_decided(application, event)
        except Exception:  # the decision is committed; staff read the log and can tell the applicant
            logger.exception("Application %s: the decision e-mail could not be sent", application.pk)

    transaction.on_commit(send)
