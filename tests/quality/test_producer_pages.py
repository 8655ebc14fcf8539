"""The producer's side: their applications and certificates only, applying, evidence, submitting, renewing."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from quality import workflow
from quality.models import AuditEntry, CertificationApplication, Evidence
from tests.factories import ProducerFactory, ProductFactory, certify, png_bytes, standard_for

from .conftest import State, application_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def producer_client(client, producer):
    client.force_login(producer.user)
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Who may enter -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["quality:my-certification", "quality:my-apply"])
def test_producer_pages_by_role(client, producer, officer, customer, name):
    url = reverse(name)
    assert client.get(url).status_code == 302
    for user in (customer, officer):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(producer.user)
    response = client.get(url)
    assert response.status_code == 200 and "navbar-primary" in response.text


def test_a_partner_user_of_a_lead_business_is_a_producer_too(client, producer):
    from tests.factories import UserFactory

    staff_member = UserFactory()
    producer.partner.users.add(staff_member)
    client.force_login(staff_member)
    assert client.get(reverse("quality:my-certification")).status_code == 200


def test_another_producers_application_and_certificate_are_not_found(client, submitted):
    other = ProducerFactory()
    certificate = certify(ProductFactory(producer=submitted.producer, certified=False))
    client.force_login(other.user)
    assert client.get(reverse("quality:my-application", kwargs={"pk": submitted.pk})).status_code == 404
    assert (
        client.post(reverse("quality:my-application", kwargs={"pk": submitted.pk}), {"action": "submit"}).status_code
        == 404
    )
    assert client.post(reverse("quality:my-renew", kwargs={"pk": certificate.pk})).status_code == 404
    page = client.get(reverse("quality:my-certification")).text
    assert submitted.product.title not in page and certificate.number not in page


# --- The overview --------------------------------------------------------------------------------


def test_the_overview_lists_applications_with_comments_and_certificates_with_expiry(producer_client, producer, officer):
    sent_back = application_in(
        State.CHANGES_REQUESTED, ProductFactory(producer=producer, certified=False), officer, "Photo is blurred"
    )
    soon = timezone.now() + timedelta(days=10)
    certificate = certify(ProductFactory(producer=producer, certified=False), valid_until=soon)
    ProductFactory(certified=False)  # someone else's
    response = producer_client.get(reverse("quality:my-certification"))
    text = response.text
    assert reverse("quality:my-application", kwargs={"pk": sent_back.pk}) in text
    assert "Photo is blurred" in text and "Changes requested" in text
    assert certificate.number in text and timezone.localdate(soon).isoformat() in text
    assert "days left" in text
    assert reverse("quality:my-renew", kwargs={"pk": certificate.pk}) in text
    # Theirs only: the one sent back and the approved one behind the certificate.
    assert len(response.context["applications"]) == 2


def test_the_overview_costs_bounded_queries(producer_client, producer, officer, django_assert_max_num_queries):
    for _ in range(6):
        application_in(State.CHANGES_REQUESTED, ProductFactory(producer=producer, certified=False), officer)
        certify(ProductFactory(producer=producer, certified=False))
    with django_assert_max_num_queries(20):
        assert producer_client.get(reverse("quality:my-certification")).status_code == 200


# --- Applying ------------------------------------------------------------------------------------


def test_a_producer_applies_for_one_of_their_products(producer_client, uncertified):
    standard = standard_for(uncertified.get_product_class())
    foreign_standard = standard_for(ProductFactory(certified=False).get_product_class())
    page = producer_client.get(reverse("quality:my-apply"), {"product": uncertified.pk})
    assert list(page.context["form"].fields["standard"].queryset) == [standard]
    assert foreign_standard.code not in page.text

    response = producer_client.post(
        reverse("quality:my-apply"), {"product": uncertified.pk, "standard": standard.pk, "note": "Family recipe"}
    )
    application = CertificationApplication.objects.get(product=uncertified)
    assert response.headers["Location"] == reverse("quality:my-application", kwargs={"pk": application.pk})
    assert (application.state, application.note, application.standard) == (State.DRAFT, "Family recipe", standard)


def test_someone_elses_product_is_not_a_choice(producer_client):
    foreign = ProductFactory(certified=False)
    standard = standard_for(foreign.get_product_class())
    response = producer_client.post(reverse("quality:my-apply"), {"product": foreign.pk, "standard": standard.pk})
    assert response.status_code == 200 and "product" in response.context["form"].errors
    assert not CertificationApplication.objects.exists()


def test_a_second_open_application_is_refused_in_the_form(producer_client, submitted):
    response = producer_client.post(
        reverse("quality:my-apply"), {"product": submitted.product.pk, "standard": submitted.standard.pk}
    )
    assert response.status_code == 200
    assert "already has an open certification application" in response.text


# --- Evidence and submitting ---------------------------------------------------------------------


@pytest.fixture
def draft(uncertified, officer):
    return application_in(State.DRAFT, uncertified, officer)


def upload(client, application, item, content, name, description=""):
    return client.post(
        reverse("quality:my-application", kwargs={"pk": application.pk}),
        {
            "action": "upload",
            "item": item.pk,
            f"evidence-{item.pk}-file": SimpleUploadedFile(name, content),
            f"evidence-{item.pk}-description": description,
        },
    )


def test_a_producer_uploads_evidence_per_requirement_and_submits(producer_client, draft):
    first, second = draft.standard.checklist.all()
    assert upload(producer_client, draft, first, PDF, "lab report.pdf", "Moisture test").status_code == 302
    assert upload(producer_client, draft, second, png_bytes(), "label.png").status_code == 302
    report, photo = Evidence.objects.order_by("pk")
    assert (report.checklist_item, report.original_name, report.content_type, report.description) == (
        first,
        "lab report.pdf",
        "application/pdf",
        "Moisture test",
    )
    assert (photo.checklist_item, photo.content_type) == (second, "image/png")
    page = producer_client.get(reverse("quality:my-application", kwargs={"pk": draft.pk}))
    assert reverse("quality:evidence", kwargs={"pk": report.pk}) in page.text

    response = producer_client.post(reverse("quality:my-application", kwargs={"pk": draft.pk}), {"action": "submit"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED
    page = producer_client.get(reverse("quality:my-application", kwargs={"pk": draft.pk}))
    assert 'type="file"' not in page.text, "no uploads once submitted"


def test_a_refused_file_is_an_error_in_its_form_and_nothing_else_is_lost(producer_client, draft):
    first, second = draft.standard.checklist.all()
    upload(producer_client, draft, first, PDF, "kept.pdf")
    response = upload(producer_client, draft, second, b"MZ\x90\x00 not a document", "virus.exe", "My description")
    assert response.status_code == 200
    form = response.context["rows"][1]["evidence_form"]
    assert "Only PDF documents and images" in " ".join(form.errors["file"])
    assert "Only PDF documents and images" in response.text
    assert 'value="My description"' in response.text
    assert list(Evidence.objects.values_list("original_name", flat=True)) == ["kept.pdf"]
    assert "kept.pdf" in response.text


def test_a_too_large_file_is_refused(producer_client, draft, monkeypatch):
    import quality.forms
    from shop.uploads import clean_document

    monkeypatch.setattr(quality.forms, "clean_document", lambda upload: clean_document(upload, max_bytes=10))
    item = draft.standard.checklist.first()
    response = upload(producer_client, draft, item, PDF, "big.pdf")
    assert response.status_code == 200 and "too large" in response.text
    assert not Evidence.objects.exists()


def test_an_image_is_re_encoded_and_keeps_its_name(producer_client, draft):
    item = draft.standard.checklist.first()
    upload(producer_client, draft, item, png_bytes(), "photo.png")
    evidence = Evidence.objects.get()
    assert evidence.original_name == "photo.png" and evidence.content_type == "image/png"
    with evidence.file.open("rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_very_long_file_name_is_shortened_not_refused(producer_client, draft):
    item = draft.standard.checklist.first()
    assert upload(producer_client, draft, item, PDF, "گزارش" * 80 + ".pdf").status_code == 302
    evidence = Evidence.objects.get()
    assert len(evidence.original_name) <= 255 and evidence.original_name.endswith(".pdf")


def test_the_missing_evidence_is_listed_before_submitting(producer_client, draft):
    item = draft.standard.checklist.first()
    item.evidence_required_en = "Lab report"
    item.save()
    page = producer_client.get(reverse("quality:my-application", kwargs={"pk": draft.pk}))
    assert "missing-evidence" in page.text


def test_resubmitting_after_changes_requested(producer_client, uncertified, officer):
    application = application_in(State.CHANGES_REQUESTED, uncertified, officer, "Add a photo of the back")
    url = reverse("quality:my-application", kwargs={"pk": application.pk})
    page = producer_client.get(url)
    assert "Add a photo of the back" in page.text and 'id="submit-application"' in page.text
    assert 'type="file"' in page.text
    item = application.standard.checklist.first()
    assert upload(producer_client, application, item, png_bytes(), "back.png").status_code == 302
    producer_client.post(url, {"action": "submit"})
    application.refresh_from_db()
    assert application.state == State.SUBMITTED
    assert application.audit.filter(action=AuditEntry.Action.SUBMITTED).count() == 2


def test_submitting_twice_is_a_message_not_an_error(producer_client, submitted):
    response = producer_client.post(
        reverse("quality:my-application", kwargs={"pk": submitted.pk}), {"action": "submit"}
    )
    assert response.status_code == 200
    assert any("cannot become" in message for message in messages_of(response))


def test_the_producer_sees_comments_but_not_officers_names(producer_client, uncertified, officer):
    application = application_in(State.REJECTED, uncertified, officer, "Not home-made")
    page = producer_client.get(reverse("quality:my-application", kwargs={"pk": application.pk})).text
    assert "Not home-made" in page
    assert officer.get_full_name() not in page and "Quality officer" in page


# --- Renewing ------------------------------------------------------------------------------------


def test_a_producer_renews_a_certificate_before_it_expires(producer_client, producer):
    certificate = certify(ProductFactory(producer=producer, certified=False))
    response = producer_client.post(reverse("quality:my-renew", kwargs={"pk": certificate.pk}))
    application = CertificationApplication.objects.get(renews=certificate)
    assert response.headers["Location"] == reverse("quality:my-application", kwargs={"pk": application.pk})
    assert (application.state, application.standard) == (State.DRAFT, certificate.standard)
    # The product stays on sale while the renewal is reviewed.
    assert type(certificate.product).objects.listable().filter(pk=certificate.product_id).exists()
    # A second renewal while one is open is refused with a message.
    response = producer_client.post(reverse("quality:my-renew", kwargs={"pk": certificate.pk}))
    assert response.headers["Location"] == reverse("quality:my-certification")
    assert CertificationApplication.objects.filter(renews=certificate).count() == 1


def test_a_revoked_certificate_cannot_be_renewed(producer_client, producer):
    certificate = certify(ProductFactory(producer=producer, certified=False), status="revoked")
    producer_client.post(reverse("quality:my-renew", kwargs={"pk": certificate.pk}))
    assert not CertificationApplication.objects.filter(renews=certificate).exists()


def test_approving_a_renewal_issues_a_new_certificate(producer, officer):
    certificate = certify(ProductFactory(producer=producer, certified=False))
    application = workflow.start_application(
        certificate.product, certificate.standard, producer.user, renews=certificate
    )
    application = workflow.submit(application, producer.user)
    application = workflow.take(application, officer)
    for item in application.standard.checklist.all():
        workflow.record_check(application, item, True, officer)
    renewed = workflow.approve(application, officer)
    assert renewed.valid_until > certificate.valid_until and renewed.number != certificate.number
