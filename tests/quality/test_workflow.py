"""The certification state machine: every legal move, illegal ones refused clearly, who may act, the audit trail."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from producers.models import NetworkMembership
from quality import workflow
from quality.models import AuditEntry, Certificate, CertificationApplication, ChecklistResult
from tests.factories import ProducerFactory, ProductFactory, UserFactory, certify, png_bytes, standard_for

from .conftest import State, application_in, make_officer

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


# --- Legal transitions ---------------------------------------------------------------------------


def test_an_application_goes_from_draft_to_a_certificate(uncertified, officer):
    producer_user = uncertified.producer.user
    standard = standard_for(uncertified.get_product_class())
    application = workflow.start_application(uncertified, standard, producer_user, note="Made in our kitchen.")
    assert application.state == State.DRAFT
    application = workflow.submit(application, producer_user)
    assert application.state == State.SUBMITTED and application.submitted_at is not None
    application = workflow.take(application, officer)
    assert application.state == State.IN_REVIEW and application.officer == officer
    for item in standard.checklist.all():
        workflow.record_check(application, item, True, officer, note="Fine")
    certificate = workflow.approve(application, officer)

    application.refresh_from_db()
    assert application.state == State.APPROVED and application.decided_at is not None
    assert certificate.number == f"HM-{certificate.issued_at.year}-{certificate.pk:06d}"
    assert certificate.product_version == uncertified.content_version
    assert (certificate.valid_until - certificate.valid_from).days == standard.validity_days
    assert certificate.effective_status() == Certificate.Status.VALID
    actions = list(application.audit.values_list("action", flat=True))
    assert actions == [Action.CREATED, Action.SUBMITTED, Action.TAKEN, Action.CHECKED, Action.CHECKED, Action.APPROVED]
    assert type(uncertified).objects.listable().filter(pk=uncertified.pk).exists()


def test_changes_requested_goes_back_to_the_producer_who_resubmits(uncertified, officer):
    application = application_in(State.CHANGES_REQUESTED, uncertified, officer, reason="Photo of the label is blurred")
    assert application.audit.get(action=Action.CHANGES_REQUESTED).reason == "Photo of the label is blurred"
    application = workflow.submit(application, uncertified.producer.user)
    assert application.state == State.SUBMITTED
    application = workflow.take(application, officer)
    assert application.state == State.IN_REVIEW


def test_rejection_is_final_and_records_why(uncertified, officer):
    application = application_in(State.REJECTED, uncertified, officer, reason="Not home-made")
    entry = application.audit.get(action=Action.REJECTED)
    assert (entry.from_state, entry.to_state, entry.reason, entry.actor) == (
        State.IN_REVIEW,
        State.REJECTED,
        "Not home-made",
        officer,
    )


# --- Illegal transitions -------------------------------------------------------------------------

MOVES = {
    # target state: how to try to reach it
    State.SUBMITTED: lambda application, officer: workflow.submit(application, application.producer.user),
    State.IN_REVIEW: lambda application, officer: workflow.take(application, officer),
    State.APPROVED: lambda application, officer: workflow.approve(application, officer),
    State.CHANGES_REQUESTED: lambda application, officer: workflow.request_changes(application, officer, "Fix it"),
    State.REJECTED: lambda application, officer: workflow.reject(application, officer, "No"),
}
ILLEGAL = [
    (current, target)
    for current, target in itertools.product(State.values, MOVES)
    if target not in workflow.TRANSITIONS[State(current)]
]


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=[f"{c}->{t}" for c, t in ILLEGAL])
def test_illegal_transitions_are_refused_with_a_clear_error(uncertified, officer, current, target):
    application = application_in(current, uncertified, officer)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        MOVES[target](application, officer)
    application.refresh_from_db()
    assert application.state == current
    assert AuditEntry.objects.count() == before
    assert error.value.messages, "the refusal must say why"


def test_approving_a_rejected_application_says_so(uncertified, officer):
    application = application_in(State.REJECTED, uncertified, officer)
    with pytest.raises(workflow.TransitionError) as error:
        workflow.approve(application, officer)
    application.refresh_from_db()
    assert application.state == State.REJECTED
    assert error.value.messages == ["A certification application that is “Rejected” cannot become “Approved”."]


def test_a_rejected_application_cannot_be_approved_even_with_every_check_passed(uncertified, officer):
    application = application_in(State.IN_REVIEW, uncertified, officer)
    for item in application.standard.checklist.all():
        workflow.record_check(application, item, True, officer)
    workflow.reject(application, officer, "Counterfeit label")
    with pytest.raises(workflow.TransitionError, match="Rejected"):
        workflow.approve(application, officer)
    assert not Certificate.objects.filter(application=application).exists()


def test_checks_need_the_application_in_review(submitted, officer):
    item = submitted.standard.checklist.first()
    with pytest.raises(workflow.TransitionError):
        workflow.record_check(submitted, item, True, officer)


def test_a_reason_is_required_to_request_changes_or_reject(in_review, officer):
    for decide in (workflow.request_changes, workflow.reject):
        with pytest.raises(ValidationError, match="reason"):
            decide(in_review, officer, "   ")
    in_review.refresh_from_db()
    assert in_review.state == State.IN_REVIEW


def test_one_open_application_per_product(submitted):
    with pytest.raises(ValidationError):
        workflow.start_application(submitted.product, submitted.standard, submitted.producer.user)


def test_a_standard_of_another_craft_is_refused(uncertified):
    other = standard_for(ProductFactory(certified=False).get_product_class())
    with pytest.raises(ValidationError, match="craft"):
        workflow.start_application(uncertified, other, uncertified.producer.user)


def test_only_the_producer_applies_and_submits(uncertified, customer):
    standard = standard_for(uncertified.get_product_class())
    with pytest.raises(PermissionDenied):
        workflow.start_application(uncertified, standard, customer)
    application = workflow.start_application(uncertified, standard, uncertified.producer.user)
    with pytest.raises(PermissionDenied):
        workflow.submit(application, customer)


def test_only_officers_decide(submitted, customer):
    with pytest.raises(PermissionDenied, match="quality officers"):
        workflow.take(submitted, customer)


# --- Approval needs every check passed -----------------------------------------------------------


def test_approval_needs_every_requirement_checked(in_review, officer):
    first, *_rest = in_review.standard.checklist.all()
    workflow.record_check(in_review, first, True, officer)
    with pytest.raises(ValidationError, match="Check every requirement"):
        workflow.approve(in_review, officer)
    in_review.refresh_from_db()
    assert in_review.state == State.IN_REVIEW


def test_approval_is_refused_when_a_requirement_failed(in_review, officer):
    items = list(in_review.standard.checklist.all())
    workflow.record_check(in_review, items[0], True, officer)
    workflow.record_check(in_review, items[1], False, officer, note="Moisture 21%")
    with pytest.raises(ValidationError, match="request changes"):
        workflow.approve(in_review, officer)
    # Re-checking replaces the verdict (one result per item) and then approval works.
    workflow.record_check(in_review, items[1], True, officer, note="Re-measured: 17%")
    assert ChecklistResult.objects.filter(application=in_review).count() == 2
    assert workflow.approve(in_review, officer).pk


def test_approval_is_refused_when_the_product_changed_during_review(in_review, officer):
    for item in in_review.standard.checklist.all():
        workflow.record_check(in_review, item, True, officer)
    product = in_review.product
    product.title_fa = "عنوان تازه"
    product.save()
    with pytest.raises(ValidationError, match="changed during review"):
        workflow.approve(in_review, officer)


def test_a_check_of_another_standard_is_refused(in_review, officer):
    foreign = standard_for(ProductFactory(certified=False).get_product_class()).checklist.first()
    with pytest.raises(ValidationError):
        workflow.record_check(in_review, foreign, True, officer)


# --- Conflict of interest ------------------------------------------------------------------------


def _officer_who_is(kind, producer):
    officer = make_officer("linked-officer")
    if kind == "producer's own account":
        producer.user = officer
        producer.save()
    elif kind == "partner user":
        producer.partner.users.add(officer)
    else:
        own = ProducerFactory(user=officer)
        if kind == "network lead":
            NetworkMembership.objects.create(lead=own, member=producer, status=NetworkMembership.Status.ACCEPTED)
        elif kind == "network member":
            NetworkMembership.objects.create(lead=producer, member=own, status=NetworkMembership.Status.ACCEPTED)
        elif kind == "fellow network member":
            lead = ProducerFactory()
            NetworkMembership.objects.create(lead=lead, member=own, status=NetworkMembership.Status.ACCEPTED)
            NetworkMembership.objects.create(lead=lead, member=producer, status=NetworkMembership.Status.ACCEPTED)
    return officer


LINKS = ["producer's own account", "partner user", "network lead", "network member", "fellow network member"]


@pytest.mark.parametrize("kind", LINKS)
def test_an_officer_linked_to_the_producer_cannot_decide(submitted, officer, kind):
    linked = _officer_who_is(kind, submitted.producer)
    with pytest.raises(PermissionDenied, match="linked to this producer"):
        workflow.take(submitted, linked)
    in_review = workflow.take(submitted, officer)
    for decide in (
        lambda: workflow.record_check(in_review, in_review.standard.checklist.first(), True, linked),
        lambda: workflow.approve(in_review, linked),
        lambda: workflow.request_changes(in_review, linked, "Fix"),
        lambda: workflow.reject(in_review, linked, "No"),
    ):
        with pytest.raises(PermissionDenied, match="linked to this producer"):
            decide()
    in_review.refresh_from_db()
    assert in_review.state == State.IN_REVIEW


@pytest.mark.parametrize("kind", LINKS)
def test_a_linked_officer_cannot_suspend_or_revoke_the_certificate(producer, kind):
    certificate = certify(ProductFactory(producer=producer, certified=False))
    linked = _officer_who_is(kind, producer)
    for change in (workflow.suspend, workflow.revoke):
        with pytest.raises(PermissionDenied):
            change(certificate, linked, "Complaint")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


@pytest.mark.parametrize("status", [NetworkMembership.Status.INVITED, NetworkMembership.Status.DECLINED])
def test_a_network_invitation_not_accepted_is_no_link(submitted, status):
    officer = make_officer("invited-officer")
    own = ProducerFactory(user=officer)
    NetworkMembership.objects.create(lead=own, member=submitted.producer, status=status)
    assert workflow.take(submitted, officer).state == State.IN_REVIEW


# --- Certificates after issue --------------------------------------------------------------------


@pytest.fixture
def certificate(producer):
    return certify(ProductFactory(producer=producer, certified=False))


def test_suspend_reinstate_and_revoke(certificate, officer):
    workflow.suspend(certificate, officer, "Customer complaint")
    certificate.refresh_from_db()
    assert (certificate.status, certificate.status_reason) == (Certificate.Status.SUSPENDED, "Customer complaint")
    workflow.reinstate(certificate, officer, "Complaint unfounded")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    workflow.revoke(certificate, officer, "Counterfeit")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    actions = list(certificate.audit.values_list("action", flat=True))
    assert actions == [Action.SUSPENDED, Action.REINSTATED, Action.REVOKED]


def test_a_suspended_certificate_can_be_revoked(certificate, officer):
    workflow.suspend(certificate, officer, "Inspection")
    assert workflow.revoke(certificate, officer, "Failed inspection").status == Certificate.Status.REVOKED


@pytest.mark.parametrize(
    ("status", "change"),
    [
        ("revoked", workflow.suspend),
        ("revoked", workflow.reinstate),
        ("revoked", workflow.revoke),
        ("valid", workflow.reinstate),
        ("suspended", workflow.suspend),
    ],
)
def test_illegal_certificate_changes_are_refused(producer, officer, status, change):
    certificate = certify(ProductFactory(producer=producer, certified=False), status=status)
    with pytest.raises(workflow.TransitionError):
        change(certificate, officer, "Reason")


def test_an_expired_certificate_cannot_be_suspended(producer, officer):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    certificate = certify(
        ProductFactory(producer=producer, certified=False),
        valid_from=now - timedelta(days=400),
        valid_until=now - timedelta(days=1),
    )
    with pytest.raises(workflow.TransitionError, match="Expired"):
        workflow.suspend(certificate, officer, "Too late")


def test_certificate_changes_need_a_reason(certificate, officer):
    with pytest.raises(ValidationError, match="reason"):
        workflow.revoke(certificate, officer, "")


# --- Evidence ------------------------------------------------------------------------------------


def test_evidence_is_added_while_the_producer_may_edit(uncertified, officer):
    application = application_in(State.DRAFT, uncertified, officer)
    item = application.standard.checklist.first()
    upload = SimpleUploadedFile("label.png", png_bytes(), content_type="image/png")
    evidence = workflow.add_evidence(application, item, upload, uncertified.producer.user, "The label")
    assert (evidence.original_name, evidence.content_type, evidence.checklist_item) == ("label.png", "image/png", item)
    assert application.audit.filter(action=Action.EVIDENCE_ADDED).count() == 1
    application = workflow.submit(application, uncertified.producer.user)
    with pytest.raises(workflow.TransitionError):
        workflow.add_evidence(application, item, upload, uncertified.producer.user)
    with pytest.raises(PermissionDenied):
        workflow.add_evidence(application, item, upload, UserFactory())


# --- Material edits ------------------------------------------------------------------------------


def test_a_material_edit_opens_a_review_and_takes_the_product_off_the_market(producer):
    product = ProductFactory(producer=producer)
    certificate = product.certificates.get()
    product.title_en = "A new name"
    product.save()
    application = CertificationApplication.objects.get(product=product, state=State.SUBMITTED)
    assert application.renews == certificate
    assert application.product_version == product.content_version
    assert application.audit.get().action == Action.MATERIAL_EDIT
    assert not type(product).objects.listable().filter(pk=product.pk).exists()
    # A second edit while it waits does not open another application.
    product.title_en = "Another name"
    product.save()
    assert CertificationApplication.objects.filter(product=product, state=State.SUBMITTED).count() == 1


# --- The audit trail is append-only --------------------------------------------------------------


def test_audit_entries_cannot_be_changed_or_deleted(submitted):
    entry = submitted.audit.first()
    entry.reason = "rewritten"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()
    entry.refresh_from_db()
    assert entry.reason == ""
    assert AuditEntry.objects.filter(application=submitted).count() == 2


def test_an_application_with_history_cannot_be_deleted(submitted):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        submitted.delete()
