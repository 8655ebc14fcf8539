"""The Django admin shows the certification records but never lets anyone rewrite them."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_audit_entries_are_read_only_even_for_superusers(admin_client, submitted):
    entry = submitted.audit.first()
    assert admin_client.get(reverse("admin:quality_auditentry_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:quality_auditentry_add")).status_code == 403
    change_url = reverse("admin:quality_auditentry_change", args=[entry.pk])
    page = admin_client.get(change_url)
    assert page.status_code == 200 and 'name="_save"' not in page.text
    assert admin_client.post(change_url, {"reason": "rewritten"}).status_code == 403
    assert (
        admin_client.post(reverse("admin:quality_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    entry.refresh_from_db()
    assert entry.reason == ""


def test_applications_and_certificates_change_only_through_the_workflow(admin_client, submitted):
    assert admin_client.get(reverse("admin:quality_certificationapplication_add")).status_code == 403
    assert admin_client.get(reverse("admin:quality_certificate_add")).status_code == 403
    assert admin_client.get(reverse("admin:quality_certificationapplication_changelist")).status_code == 200


def test_standards_are_edited_in_the_admin_too(admin_client):
    assert admin_client.get(reverse("admin:quality_standard_add")).status_code == 200
