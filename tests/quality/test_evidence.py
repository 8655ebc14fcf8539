"""Evidence files: only the application's producer and quality officers download them, as attachments."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quality import workflow
from tests.factories import ProducerFactory, UserFactory, png_bytes

from .conftest import State, application_in, make_officer

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a lab report\n%%EOF\n"


@pytest.fixture
def evidence(uncertified, officer):
    application = application_in(State.DRAFT, uncertified, officer)
    item = application.standard.checklist.first()
    upload = SimpleUploadedFile("گزارش آزمایشگاه.pdf", PDF, content_type="application/pdf")
    return workflow.add_evidence(application, item, upload, uncertified.producer.user)


def viewer(kind, evidence):
    if kind == "anonymous":
        return None
    if kind == "customer":
        return UserFactory()
    if kind == "other producer":
        return ProducerFactory().user
    if kind == "staff without the officer role":
        return UserFactory(is_staff=True)
    if kind == "producer":
        return evidence.application.producer.user
    if kind == "partner user of the producer":
        user = UserFactory()
        evidence.application.producer.partner.users.add(user)
        return user
    return make_officer("another-officer")


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [
        ("anonymous", False),
        ("customer", False),
        ("other producer", False),
        ("staff without the officer role", False),
        ("producer", True),
        ("partner user of the producer", True),
        ("officer", True),
    ],
)
def test_evidence_access_matrix(client, evidence, kind, allowed):
    user = viewer(kind, evidence)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("quality:evidence", kwargs={"pk": evidence.pk}))
    if not allowed:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4" in disposition  # the original (Persian) name
    assert b"".join(response.streaming_content) == PDF


def test_an_unknown_evidence_is_a_404_even_for_officers(client, officer):
    client.force_login(officer)
    assert client.get(reverse("quality:evidence", kwargs={"pk": 999999})).status_code == 404


def test_an_image_is_served_with_its_stored_type(client, uncertified, officer):
    application = application_in(State.DRAFT, uncertified, officer)
    upload = SimpleUploadedFile("label.png", png_bytes(), content_type="image/png")
    evidence = workflow.add_evidence(application, None, upload, uncertified.producer.user)
    client.force_login(officer)
    response = client.get(reverse("quality:evidence", kwargs={"pk": evidence.pk}))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="label.png"'


def test_evidence_lives_outside_the_public_media_folder(evidence, settings):
    from pathlib import Path

    path = Path(evidence.file.path).resolve()
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in path.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in path.parents
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018
