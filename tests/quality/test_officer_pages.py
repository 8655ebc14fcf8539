"""The officers' pages: who may enter, standards, the queue, reviewing and deciding, certificates, emails."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from quality import workflow
from quality.models import AuditEntry, Certificate, CertificationApplication, ChecklistItem, Standard
from tests.factories import ProducerFactory, ProductClassFactory, ProductFactory, RegionFactory, certify, standard_for

from .conftest import State, application_in, make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Who may enter -------------------------------------------------------------------------------

OFFICER_PAGES = [
    ("quality:queue", {}),
    ("quality:standard-list", {}),
    ("quality:standard-create", {}),
    ("quality:certificate-list", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), OFFICER_PAGES)
def test_officer_pages_by_role(client, officer, producer, customer, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response.headers["Location"]
    for user in (customer, producer.user):
        client.force_login(user)
        assert client.get(url).status_code == 403, user
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 200
    assert "navbar-primary" in response.text, "officer pages use the dashboard layout"


def test_object_pages_by_role(client, officer, customer, submitted):
    certificate = certify(ProductFactory())
    for url in (
        reverse("quality:application", kwargs={"pk": submitted.pk}),
        reverse("quality:standard-update", kwargs={"pk": submitted.standard.pk}),
        reverse("quality:certificate-manage", kwargs={"pk": certificate.pk}),
    ):
        client.logout()
        assert client.get(url).status_code == 302
        client.force_login(customer)
        assert client.get(url).status_code == 403
        client.force_login(submitted.producer.user)
        assert client.get(url).status_code == 403
        client.force_login(officer)
        assert client.get(url).status_code == 200


def test_staff_without_the_officer_role_is_refused(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("quality:queue")).status_code == 403


# --- Standards -----------------------------------------------------------------------------------


def formset_data(rows, prefix="checklist", initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "1",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def test_an_officer_creates_a_standard_with_its_checklist(officer_client):
    craft = ProductClassFactory(name_en="Honey", name_fa="عسل")
    data = {
        "code": "INSO 92",
        "title_fa": "عسل - ویژگی‌ها",
        "title_en": "Honey - specifications",
        "product_class": craft.pk,
        "validity_days": "180",
        "is_active": "on",
        **formset_data(
            [
                {
                    "text_fa": "رطوبت کمتر از ۱۸٪",
                    "text_en": "Moisture below 18%",
                    "evidence_required_fa": "گزارش آزمایشگاه",
                    "evidence_required_en": "Lab report",
                    "position": "0",
                },
                {"text_fa": "برچسب کامل", "text_en": "Complete label", "position": "1"},
                {"text_fa": "", "text_en": "", "position": "0"},  # an untouched extra row is ignored
            ]
        ),
    }
    response = officer_client.post(reverse("quality:standard-create"), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    standard = Standard.objects.get(code="INSO 92")
    assert (standard.title_fa, standard.title_en, standard.product_class, standard.validity_days) == (
        "عسل - ویژگی‌ها",
        "Honey - specifications",
        craft,
        180,
    )
    items = list(standard.checklist.all())
    assert [item.text_en for item in items] == ["Moisture below 18%", "Complete label"]
    assert items[0].evidence_required_en == "Lab report"
    with translation.override("fa"):
        assert Standard.objects.get(pk=standard.pk).title == "عسل - ویژگی‌ها"
    assert "INSO 92" in officer_client.get(reverse("quality:standard-list")).text


def test_a_standard_needs_at_least_one_requirement_and_valid_fields(officer_client):
    craft = ProductClassFactory()
    data = {"code": "", "title_fa": "", "product_class": craft.pk, "validity_days": "0", **formset_data([])}
    response = officer_client.post(reverse("quality:standard-create"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"code", "title_fa", "validity_days"}
    assert response.context["checklist"].non_form_errors()
    assert not Standard.objects.exists()


def test_an_officer_edits_a_standard_and_removes_an_unused_requirement(officer_client):
    standard = standard_for(ProductClassFactory(), items=2)
    first, second = standard.checklist.all()
    data = {
        "code": standard.code,
        "title_fa": "استاندارد تازه",
        "title_en": "New title",
        "product_class": standard.product_class_id,
        "validity_days": "365",
        **formset_data(
            [
                {"id": first.pk, "text_fa": first.text_fa, "text_en": "Edited", "position": "0"},
                {"id": second.pk, "text_fa": second.text_fa, "position": "1", "DELETE": "on"},
            ],
            initial=2,
        ),
    }
    response = officer_client.post(reverse("quality:standard-update", kwargs={"pk": standard.pk}), data)
    assert response.status_code == 302
    standard.refresh_from_db()
    assert standard.title_en == "New title" and standard.is_active is False
    assert [item.text_en for item in standard.checklist.all()] == ["Edited"]


def test_a_requirement_already_checked_cannot_be_removed(officer_client, in_review, officer):
    item = in_review.standard.checklist.first()
    workflow.record_check(in_review, item, True, officer)
    standard = in_review.standard
    rows = [
        {"id": other.pk, "text_fa": other.text_fa, "position": str(other.position)}
        for other in standard.checklist.all()
    ]
    rows[0]["DELETE"] = "on"
    data = {
        "code": standard.code,
        "title_fa": standard.title_fa,
        "product_class": standard.product_class_id,
        "validity_days": "365",
        **formset_data(rows, initial=len(rows)),
    }
    response = officer_client.post(reverse("quality:standard-update", kwargs={"pk": standard.pk}), data)
    assert response.status_code == 200
    assert "already checked" in " ".join(response.context["checklist"].non_form_errors())
    assert ChecklistItem.objects.filter(pk=item.pk).exists()


# --- The queue -----------------------------------------------------------------------------------


def submitted_for(product, days_ago):
    application = workflow.start_application(product, standard_for(product.get_product_class()), product.producer.user)
    application = workflow.submit(application, product.producer.user)
    CertificationApplication.objects.filter(pk=application.pk).update(
        submitted_at=timezone.now() - timedelta(days=days_ago)
    )
    return application


def queue_pks(response):
    return [application.pk for application in response.context["applications"]]


def test_the_queue_is_oldest_first_and_filters(officer_client, officer):
    honey, carpet = ProductClassFactory(name_en="Honey"), ProductClassFactory(name_en="Carpet")
    ardabil, fars = RegionFactory(name_en="Ardabil"), RegionFactory(name_en="Fars")
    in_ardabil, in_fars = ProducerFactory(region=ardabil), ProducerFactory(region=fars)
    old_honey = submitted_for(ProductFactory(certified=False, product_class=honey, producer=in_ardabil), 20)
    new_carpet = submitted_for(ProductFactory(certified=False, product_class=carpet, producer=in_fars), 1)
    mid_honey = submitted_for(ProductFactory(certified=False, product_class=honey, producer=in_fars), 8)
    taken = workflow.take(mid_honey, officer)
    application_in(State.REJECTED, ProductFactory(certified=False, product_class=carpet), officer)
    application_in(State.DRAFT, ProductFactory(certified=False, product_class=carpet), officer)

    url = reverse("quality:queue")
    assert queue_pks(officer_client.get(url)) == [old_honey.pk, taken.pk, new_carpet.pk]
    assert queue_pks(officer_client.get(url, {"craft": honey.pk})) == [old_honey.pk, taken.pk]
    assert queue_pks(officer_client.get(url, {"region": fars.pk})) == [taken.pk, new_carpet.pk]
    assert queue_pks(officer_client.get(url, {"older_than_days": 7})) == [old_honey.pk, taken.pk]
    assert queue_pks(officer_client.get(url, {"state": State.SUBMITTED})) == [old_honey.pk, new_carpet.pk]
    assert queue_pks(officer_client.get(url, {"craft": honey.pk, "region": ardabil.pk, "older_than_days": 10})) == [
        old_honey.pk
    ]
    assert len(queue_pks(officer_client.get(url, {"state": State.REJECTED}))) == 1
    response = officer_client.get(url, {"older_than_days": "-3"})
    assert response.status_code == 200 and queue_pks(response) == []


def test_the_queue_is_paginated(officer_client, settings):
    for days in range(27):
        submitted_for(ProductFactory(certified=False), days)
    first = officer_client.get(reverse("quality:queue"))
    second = officer_client.get(reverse("quality:queue"), {"page": 2})
    assert len(queue_pks(first)) == 25 and len(queue_pks(second)) == 2
    assert not set(queue_pks(first)) & set(queue_pks(second))


def count_queries(client, url):
    client.get(url)  # warm caches (permissions, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def grow_queue_to(total, officer):
    while CertificationApplication.objects.count() < total:
        product = ProductFactory(certified=False, producer=ProducerFactory(region=RegionFactory()))
        application = submitted_for(product, days_ago=CertificationApplication.objects.count())
        if CertificationApplication.objects.count() % 2:
            workflow.take(application, officer)


def test_the_queue_costs_the_same_queries_for_3_or_20_applications(officer_client, officer):
    url = reverse("quality:queue")
    grow_queue_to(3, officer)
    small = count_queries(officer_client, url)
    grow_queue_to(20, officer)
    large = count_queries(officer_client, url)
    assert large == small, f"{small} queries with 3 applications, {large} with 20"
    assert large <= 16


def test_the_certificate_list_costs_the_same_queries_for_3_or_20_certificates(officer_client):
    url = reverse("quality:certificate-list")
    for _ in range(3):
        ProductFactory()
    small = count_queries(officer_client, url)
    for _ in range(17):
        ProductFactory(producer=ProducerFactory(region=RegionFactory()))
    large = count_queries(officer_client, url)
    assert large == small, f"{small} queries with 3 certificates, {large} with 20"


# --- Reviewing an application --------------------------------------------------------------------


def test_the_application_page_shows_product_evidence_checklist_and_history(officer_client, uncertified, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import png_bytes

    application = application_in(State.DRAFT, uncertified, officer)
    item = application.standard.checklist.first()
    evidence = workflow.add_evidence(
        application, item, SimpleUploadedFile("label.png", png_bytes(), "image/png"), uncertified.producer.user
    )
    workflow.submit(application, uncertified.producer.user)
    response = officer_client.get(application.get_absolute_url())
    text = response.text
    assert uncertified.get_absolute_url() in text
    assert reverse("quality:evidence", kwargs={"pk": evidence.pk}) in text
    assert item.text in text
    assert "audit-submitted" in text and "audit-evidence_added" in text
    assert 'id="take-application"' in text and 'id="approve-application"' not in text


def post_action(client, application, action, **fields):
    return client.post(application.get_absolute_url(), {"action": action, **fields})


def test_an_officer_takes_checks_and_approves_through_the_page(
    officer_client, submitted, django_capture_on_commit_callbacks
):
    response = post_action(officer_client, submitted, "take")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == State.IN_REVIEW

    page = officer_client.get(submitted.get_absolute_url())
    assert 'id="approve-application"' in page.text
    for item in submitted.standard.checklist.all():
        response = post_action(officer_client, submitted, "check", item=item.pk, **{f"check-{item.pk}-verdict": "pass"})
        assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(officer_client, submitted, "approve", **{"approve-reason": "All good"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == State.APPROVED
    certificate = Certificate.objects.get(application=submitted)
    assert len(mail.outbox) == 1 and certificate.number in mail.outbox[0].subject + mail.outbox[0].body
    assert mail.outbox[0].to == [submitted.producer.user.email]
    page = officer_client.get(submitted.get_absolute_url())
    assert certificate.get_absolute_url() in page.text


def test_approving_with_unchecked_items_shows_the_refusal_on_the_page(officer_client, in_review):
    response = post_action(officer_client, in_review, "approve")
    assert response.status_code == 200
    assert "Check every requirement" in response.text
    assert any("Check every requirement" in message for message in messages_of(response))
    in_review.refresh_from_db()
    assert in_review.state == State.IN_REVIEW


def test_a_check_without_a_verdict_is_a_form_error(officer_client, in_review):
    item = in_review.standard.checklist.first()
    response = post_action(officer_client, in_review, "check", item=item.pk)
    assert response.status_code == 200
    assert response.context["rows"][0]["check_form"].errors
    assert not in_review.results.exists()


def test_a_failed_check_with_a_note_is_recorded(officer_client, in_review):
    item = in_review.standard.checklist.first()
    post_action(
        officer_client,
        in_review,
        "check",
        item=item.pk,
        **{f"check-{item.pk}-verdict": "fail", f"check-{item.pk}-note": "Label has no batch number"},
    )
    result = in_review.results.get()
    assert (result.passed, result.note) == (False, "Label has no batch number")
    assert "Label has no batch number" in AuditEntry.objects.filter(action=AuditEntry.Action.CHECKED).get().reason


@pytest.mark.parametrize(
    ("action", "prefix", "state"),
    [("request_changes", "changes", State.CHANGES_REQUESTED), ("reject", "reject", State.REJECTED)],
)
def test_changes_and_rejection_need_a_reason_and_email_it(
    officer_client, in_review, action, prefix, state, django_capture_on_commit_callbacks
):
    response = post_action(officer_client, in_review, action, **{f"{prefix}-reason": "  "})
    assert response.status_code == 200
    assert "Please give a reason." in response.text
    in_review.refresh_from_db()
    assert in_review.state == State.IN_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(officer_client, in_review, action, **{f"{prefix}-reason": "The jar has no label"})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.state == state
    assert in_review.audit.get(action=state).reason == "The jar has no label"
    assert len(mail.outbox) == 1 and "The jar has no label" in mail.outbox[0].body


def test_a_linked_officer_sees_the_conflict_and_is_refused_without_a_500(client, submitted):
    linked = make_officer("linked")
    submitted.producer.partner.users.add(linked)
    client.force_login(linked)
    page = client.get(submitted.get_absolute_url())
    assert page.status_code == 200 and "conflict-of-interest" in page.text
    response = post_action(client, submitted, "take")
    assert response.status_code == 200
    assert any("linked to this producer" in message for message in messages_of(response))
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_an_illegal_transition_from_the_page_is_a_message(officer_client, uncertified, officer):
    rejected = application_in(State.REJECTED, uncertified, officer)
    response = post_action(officer_client, rejected, "approve")
    assert response.status_code == 200
    assert any("cannot become" in message for message in messages_of(response))
    response = post_action(officer_client, rejected, "take")
    assert response.status_code == 200
    assert any("cannot become" in message for message in messages_of(response))


def test_the_application_page_costs_bounded_queries(officer_client, in_review, officer):
    url = in_review.get_absolute_url()
    small = count_queries(officer_client, url)
    for item in in_review.standard.checklist.all():
        workflow.record_check(in_review, item, True, officer)
    large = count_queries(officer_client, url)
    assert large == small


# --- Certificates --------------------------------------------------------------------------------


def test_the_certificate_list_filters_by_status(officer_client):
    valid = certify(ProductFactory(certified=False))
    revoked = certify(ProductFactory(certified=False), status="revoked")
    now = timezone.now()
    expired = certify(
        ProductFactory(certified=False), valid_from=now - timedelta(days=10), valid_until=now - timedelta(days=1)
    )
    url = reverse("quality:certificate-list")

    def numbers(**params):
        return {certificate.number for certificate in officer_client.get(url, params).context["certificates"]}

    assert numbers() == {valid.number, revoked.number, expired.number}
    assert numbers(status="valid") == {valid.number}
    assert numbers(status="expired") == {expired.number}
    assert numbers(status="revoked") == {revoked.number}
    assert numbers(number=valid.number) == {valid.number}


@pytest.mark.parametrize(
    ("action", "status", "email"),
    [("suspend", "suspended", "suspended"), ("revoke", "revoked", "revoked")],
)
def test_officers_suspend_or_revoke_from_the_list_with_a_reason(
    officer_client, action, status, email, django_capture_on_commit_callbacks
):
    certificate = certify(ProductFactory(certified=False))
    url = reverse("quality:certificate-manage", kwargs={"pk": certificate.pk})
    listing = reverse("quality:certificate-list")
    assert url in officer_client.get(listing).text
    response = officer_client.post(url, {"action": action, "reason": "", "next": listing})
    assert response.status_code == 200 and "Please give a reason." in response.text
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"action": action, "reason": "Customer complaint", "next": listing})
    assert response.status_code == 302 and response.headers["Location"] == listing
    certificate.refresh_from_db()
    assert (certificate.status, certificate.status_reason) == (status, "Customer complaint")
    assert certificate.audit.get().reason == "Customer complaint"
    assert len(mail.outbox) == 1 and "Customer complaint" in mail.outbox[0].body
    assert not type(certificate.product).objects.listable().filter(pk=certificate.product_id).exists()


def test_reinstating_a_suspended_certificate_puts_the_product_back(officer_client):
    certificate = certify(ProductFactory(certified=False), status="suspended")
    url = reverse("quality:certificate-manage", kwargs={"pk": certificate.pk})
    page = officer_client.get(url)
    assert 'value="reinstate"' in page.text and 'value="suspend"' not in page.text
    officer_client.post(url, {"action": "reinstate", "reason": "Inspection passed"})
    assert type(certificate.product).objects.listable().filter(pk=certificate.product_id).exists()


def test_a_revoked_certificate_offers_no_action_and_refuses_one(officer_client):
    certificate = certify(ProductFactory(certified=False), status="revoked")
    url = reverse("quality:certificate-manage", kwargs={"pk": certificate.pk})
    assert 'name="action"' not in officer_client.get(url).text
    response = officer_client.post(url, {"action": "reinstate", "reason": "Oops"})
    assert response.status_code == 200
    assert any("cannot be changed" in message for message in messages_of(response))


def test_an_unsafe_next_is_ignored(officer_client):
    certificate = certify(ProductFactory(certified=False))
    url = reverse("quality:certificate-manage", kwargs={"pk": certificate.pk})
    response = officer_client.post(url, {"action": "suspend", "reason": "Check", "next": "https://evil.example/"})
    assert response.headers["Location"] == url
