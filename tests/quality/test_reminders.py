"""`send_certificate_reminders`: 30 and 7 days before expiry, once each, safe to run twice."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from quality.models import AuditEntry, Certificate
from tests.factories import ProductFactory, certify

from .conftest import State, application_in

pytestmark = pytest.mark.django_db


def run():
    output = io.StringIO()
    call_command("send_certificate_reminders", stdout=output)
    return output.getvalue()


def expiring_in(days, **kwargs):
    return certify(ProductFactory(certified=False), valid_until=timezone.now() + timedelta(days=days), **kwargs)


def test_reminders_at_30_and_7_days_once_each(monkeypatch):
    certificate = expiring_in(25)
    far = expiring_in(90)
    run()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [certificate.producer.user.email]
    certificate.refresh_from_db()
    assert certificate.reminded_30_days_at is not None and certificate.reminded_7_days_at is None
    run()
    assert len(mail.outbox) == 1, "a second run sends nothing new"

    # Eighteen days later: the 7-day reminder, once.
    later = timezone.now() + timedelta(days=18, hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    run()
    run()
    assert len(mail.outbox) == 2
    certificate.refresh_from_db()
    assert certificate.reminded_7_days_at is not None
    assert list(certificate.audit.values_list("action", flat=True)) == [AuditEntry.Action.REMINDED] * 2
    far.refresh_from_db()
    assert far.reminded_30_days_at is None


def test_a_certificate_first_seen_inside_7_days_gets_one_reminder():
    certificate = expiring_in(5)
    output = run()
    assert len(mail.outbox) == 1 and "0 at 30 days, 1 at 7 days" in output
    certificate.refresh_from_db()
    assert certificate.reminded_30_days_at is not None and certificate.reminded_7_days_at is not None
    run()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("status", [Certificate.Status.SUSPENDED, Certificate.Status.REVOKED])
def test_no_reminder_for_certificates_not_in_force(status):
    expiring_in(10, status=status)
    run()
    assert mail.outbox == []


def test_no_reminder_for_an_expired_certificate():
    now = timezone.now()
    certify(
        ProductFactory(certified=False), valid_from=now - timedelta(days=20), valid_until=now - timedelta(seconds=1)
    )
    run()
    assert mail.outbox == []


def test_no_reminder_when_a_renewal_is_under_way(officer):
    certificate = expiring_in(20)
    from quality import workflow

    application = workflow.start_application(
        certificate.product, certificate.standard, certificate.producer.user, renews=certificate
    )
    workflow.submit(application, certificate.producer.user)
    run()
    assert mail.outbox == []


def test_a_rejected_renewal_does_not_silence_the_reminder(officer):
    certificate = expiring_in(20)
    application_in(State.REJECTED, certificate.product, officer)
    run()
    assert len(mail.outbox) == 1


@pytest.fixture
def languages_used(monkeypatch):
    """The language active while each email was written."""
    from django.utils import translation

    from quality import emails

    used = []
    original = emails.render_to_string

    def spy(*args, **kwargs):
        used.append(translation.get_language())
        return original(*args, **kwargs)

    monkeypatch.setattr(emails, "render_to_string", spy)
    return used


def test_the_reminder_is_in_the_producers_language_else_persian(monkeypatch, languages_used):
    from quality import emails

    expiring_in(20)
    run()
    assert set(languages_used) == {"fa"}
    languages_used.clear()
    expiring_in(20)
    monkeypatch.setattr(emails, "language_for", lambda producer: "en")
    run()
    assert set(languages_used) == {"en"}


def test_the_language_is_the_one_the_producer_applied_in():
    from types import SimpleNamespace

    from quality.emails import language_for

    assert language_for(SimpleNamespace(application=SimpleNamespace(language="en"))) == "en"
    assert language_for(SimpleNamespace(application=None)) == "fa"
    assert language_for(SimpleNamespace()) == "fa"
    assert language_for(SimpleNamespace(application=SimpleNamespace(language="de"))) == "fa"
