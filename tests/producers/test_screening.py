"""Screening: the state machine, its append-only history, approval creating the producer, and the emails."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from producers import screening
from producers.models import Application, ApplicationEvent, Brand, Producer
from shop import roles
from tests.factories import ProductClassFactory, RegionFactory, UserFactory
from tests.producers.conftest import application_data
from tests.producers.factories import ApplicationFactory, staff_user

pytestmark = pytest.mark.django_db

State = Application.State


@pytest.fixture
def staff():
    return staff_user(email="staff@example.com", first_name="نسرین")


def submitted(**kwargs):
    """An application that went in through the service (so it has its first event)."""
    kwargs.setdefault("native_region", RegionFactory())
    kwargs.setdefault("registration_region", kwargs["native_region"])
    draft = ApplicationFactory.build(user=UserFactory(), **kwargs)
    return screening.submit(draft, draft.user, [ProductClassFactory()], language=kwargs.get("language", "fa"))


# --- The state machine --------------------------------------------------------------------------------


def test_the_transition_table():
    assert screening.TRANSITIONS == {
        State.SUBMITTED: {"approve": State.APPROVED, "reject": State.REJECTED, "ask": State.MORE_INFORMATION},
        State.MORE_INFORMATION: {"resubmit": State.SUBMITTED, "reject": State.REJECTED},
        State.APPROVED: {},
        State.REJECTED: {},
    }


def test_submitting_records_the_first_event():
    application = submitted()
    event = application.events.get()
    assert (event.from_state, event.to_state, event.actor) == ("", State.SUBMITTED, application.user)


def test_ask_then_resubmit_then_approve(staff):
    application = submitted()
    screening.request_more_information(application, staff, "Please describe your workshop.")
    application.refresh_from_db()
    assert application.state == State.MORE_INFORMATION

    application.business_description = "A loom at home, two apprentices."
    screening.resubmit(application, application.user)
    application.refresh_from_db()
    assert application.state == State.SUBMITTED

    screening.approve(application, staff)
    application.refresh_from_db()
    assert application.state == State.APPROVED
    assert application.decided_at is not None
    steps = list(application.events.values_list("from_state", "to_state", "reason"))
    assert steps == [
        ("", State.SUBMITTED, ""),
        (State.SUBMITTED, State.MORE_INFORMATION, "Please describe your workshop."),
        (State.MORE_INFORMATION, State.SUBMITTED, ""),
        (State.SUBMITTED, State.APPROVED, ""),
    ]
    actors = list(application.events.values_list("actor", flat=True))
    assert actors == [application.user.pk, staff.pk, application.user.pk, staff.pk]


@pytest.mark.parametrize(
    ("setup", "action"),
    [
        (["approve"], "approve"),
        (["approve"], "reject"),
        (["approve"], "ask"),
        (["reject"], "approve"),
        (["reject"], "ask"),
        (["ask"], "approve"),
        (["ask"], "ask"),
        ([], "resubmit"),
    ],
)
def test_illegal_transitions_are_refused_clearly(staff, setup, action):
    application = submitted()
    for step in setup:
        screening.DECISIONS[step](application, staff, "because")
        application.refresh_from_db()
    before = (application.state, application.events.count())
    with translation.override("en"), pytest.raises(screening.TransitionError) as refused:
        if action == "resubmit":
            screening.resubmit(application, application.user)
        else:
            screening.DECISIONS[action](application, staff, "because")
    assert "cannot be" in refused.value.messages[0]
    application.refresh_from_db()
    assert (application.state, application.events.count()) == before


@pytest.mark.parametrize("decision", ["reject", "ask"])
def test_a_reason_is_required(staff, decision):
    application = submitted()
    with pytest.raises(ValidationError) as refused:
        screening.DECISIONS[decision](application, staff, "   ")
    assert "reason" in refused.value.message_dict
    application.refresh_from_db()
    assert application.state == State.SUBMITTED


def test_only_staff_decide():
    application = submitted()
    for user in (application.user, UserFactory()):
        with pytest.raises(PermissionDenied):
            screening.approve(application, user)
    with pytest.raises(PermissionDenied):
        screening.resubmit(application, UserFactory())


def test_a_resubmission_is_checked_again(staff):
    application = submitted()
    screening.request_more_information(application, staff, "Insurance?")
    application.refresh_from_db()
    application.employer_insured = True
    with pytest.raises(ValidationError) as refused:
        screening.resubmit(application, application.user)
    assert "employer_insured" in refused.value.message_dict
    assert Application.objects.get(pk=application.pk).state == State.MORE_INFORMATION


# --- Append-only history --------------------------------------------------------------------------------


def test_events_cannot_be_changed_or_deleted():
    application = submitted()
    event = application.events.get()
    event.reason = "rewritten"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        ApplicationEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    with pytest.raises(PermissionDenied):
        ApplicationEvent.objects.all().delete()
    assert ApplicationEvent.objects.get(pk=event.pk).reason == ""


def test_the_admin_offers_no_change_or_delete():
    from django.contrib import admin
    from django.contrib.auth.models import Permission
    from django.test import RequestFactory

    superuser = UserFactory(is_staff=True, is_superuser=True)
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[ApplicationEvent]
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert not model_admin.has_add_permission(request)
    codenames = set(
        Permission.objects.filter(content_type__model="applicationevent").values_list("codename", flat=True)
    )
    assert codenames == {"add_applicationevent", "view_applicationevent"}


# --- Approval admits the producer ---------------------------------------------------------------------


def test_approval_creates_the_producer_in_one_go(staff):
    craft = ProductClassFactory()
    region = RegionFactory()
    user = UserFactory()
    draft = ApplicationFactory.build(
        user=user,
        level="lead",
        native_region=region,
        registration_region=region,
        business_name_fa="خانه فرش سبلان",
        business_name_en="Sabalan Carpet House",
        business_description="پیشران شبکه‌ی بافندگان",
        language="fa",
    )
    application = screening.submit(draft, user, [craft], language="fa")
    application = screening.approve(application, staff, "Verified in person.")

    producer = Producer.objects.get(user=user)
    assert application.producer == producer
    assert producer.kind == "lead"
    assert producer.region == region
    assert (producer.name_fa, producer.name_en) == ("خانه فرش سبلان", "Sabalan Carpet House")
    assert producer.slug == "sabalan-carpet-house"
    assert producer.story_fa == "پیشران شبکه‌ی بافندگان"
    assert list(producer.crafts.all()) == [craft]
    assert user in producer.partner.users.all()
    assert user.groups.filter(name=roles.PRODUCERS_GROUP).exists()
    user = type(user).objects.get(pk=user.pk)  # fresh permission cache
    assert user.has_perm("partner.dashboard_access")
    brand = Brand.objects.get(producer=producer)
    assert (brand.kind, brand.name_en) == (Brand.Kind.PRODUCER, "Sabalan Carpet House")


def test_a_home_producer_is_named_after_them_and_slugs_stay_unique(staff):
    first = submitted(full_name="Maryam Rostami")
    second = submitted(full_name="Maryam Rostami")
    screening.approve(first, staff)
    screening.approve(second, staff)
    slugs = set(Producer.objects.values_list("slug", flat=True))
    assert slugs == {"maryam-rostami", "maryam-rostami-2"}


def test_a_persian_only_name_gets_a_persian_slug(staff):
    application = screening.approve(submitted(full_name="گل‌بی‌بی"), staff)
    assert application.producer.slug
    assert application.producer.get_absolute_url().startswith("/")


def test_approval_is_all_or_nothing(staff, monkeypatch):
    application = submitted()

    def broken_brand(*args, **kwargs):
        raise ValidationError("brand failed")

    monkeypatch.setattr(Brand, "full_clean", broken_brand)
    with pytest.raises(ValidationError):
        screening.approve(application, staff)
    application.refresh_from_db()
    assert application.state == State.SUBMITTED
    assert not Producer.objects.exists()
    assert application.events.count() == 1
    assert not application.user.groups.exists()


def test_the_producers_group_is_created_when_missing(staff):
    Group.objects.filter(name=roles.PRODUCERS_GROUP).delete()
    application = screening.approve(submitted(), staff)
    assert application.user.groups.filter(name=roles.PRODUCERS_GROUP).exists()


# --- Emails in the applicant's language --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "decision", "subject"),
    [
        ("fa", "approve", "Your application has been approved"),
        ("en", "approve", "Your application has been approved"),
        ("en", "reject", "Your application was not accepted"),
        ("en", "ask", "We need more information about your application"),
    ],
)
def test_each_decision_is_emailed(staff, django_capture_on_commit_callbacks, language, decision, subject):
    application = submitted(language=language)
    with django_capture_on_commit_callbacks(execute=True):
        screening.DECISIONS[decision](application, staff, "Your reason here")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [application.user.email]
    if language == "en":
        assert message.subject == subject
        assert "Dear" in message.body
    if decision != "approve":
        assert "Your reason here" in message.body


def test_the_email_follows_the_language_of_the_application(staff, django_capture_on_commit_callbacks):
    from django.utils import translation

    english = submitted(language="en")
    persian = submitted(language="fa")
    with translation.override("fa"), django_capture_on_commit_callbacks(execute=True):
        screening.reject(english, staff, "x")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        screening.reject(persian, staff, "x")
    english_mail, persian_mail = mail.outbox
    assert english_mail.subject == "Your application was not accepted"
    with translation.override("fa"):
        assert persian_mail.subject == translation.gettext("Your application was not accepted")


# --- The pages --------------------------------------------------------------------------------------


def test_the_applicant_follows_and_answers_a_request(client, staff, django_capture_on_commit_callbacks):
    region = RegionFactory()
    craft = ProductClassFactory()
    user = UserFactory()
    client.force_login(user)
    response = client.post("/en/producers/apply/", application_data(region=region, craft=craft))
    assert response.status_code == 302
    application = Application.objects.get(user=user)
    assert application.language == "en"

    page = client.get("/en/producers/apply/")
    assert "screening your application" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        screening.request_more_information(application, staff, "Which village is your loom in?")
    page = client.get("/en/producers/apply/")
    assert "Which village is your loom in?" in page.content.decode()
    assert page.context["form"].instance == application

    data = application_data(region=region, craft=craft, national_id=application.national_id)
    data["business_description"] = "Namin, near Ardabil."
    response = client.post("/en/producers/apply/", data)
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.state, application.business_description) == (State.SUBMITTED, "Namin, near Ardabil.")
    assert Application.objects.filter(user=user).count() == 1


def test_anonymous_applicants_are_sent_to_sign_in(client):
    response = client.get("/fa/producers/apply/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fa/accounts/login/")
    assert "next=/fa/producers/apply/" in response["Location"]


def test_staff_queue_filters_and_decides(client, staff, django_capture_on_commit_callbacks):
    carpet = ProductClassFactory(slug="carpet")
    honey = ProductClassFactory(slug="honey")
    ardabil, fars = RegionFactory(slug="ardabil"), RegionFactory(slug="fars")
    a = submitted(full_name="A", native_region=ardabil)
    b = submitted(full_name="B", native_region=fars, level="lead", business_name_fa="پیشران")
    a.crafts.set([carpet])
    b.crafts.set([honey])
    screening.reject(b, staff, "Loan only.")
    client.force_login(staff)

    def listed(query):
        response = client.get(f"/en/dashboard/producers/applications/?{query}")
        assert response.status_code == 200
        return {application.full_name for application in response.context["applications"]}

    assert listed("") == {"A", "B"}
    assert listed("state=submitted") == {"A"}
    assert listed(f"region={fars.pk}") == {"B"}
    assert listed("level=lead") == {"B"}
    assert listed(f"craft={carpet.pk}") == {"A"}
    assert listed(f"q={a.national_id}") == {"A"}

    detail = client.get(f"/en/dashboard/producers/applications/{a.pk}/")
    assert detail.status_code == 200
    refused = client.post(f"/en/dashboard/producers/applications/{a.pk}/", {"action": "reject", "reason": ""})
    assert refused.status_code == 200
    assert "Please give a reason." in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"/en/dashboard/producers/applications/{a.pk}/", {"action": "approve", "reason": "OK"})
    assert done.status_code == 302
    a.refresh_from_db()
    assert a.state == State.APPROVED and a.producer is not None
    history = client.get(f"/en/dashboard/producers/applications/{a.pk}/").content.decode()
    assert "Approved" in history and "OK" in history
    # A decided application offers no more decisions.
    again = client.post(f"/en/dashboard/producers/applications/{a.pk}/", {"action": "reject", "reason": "x"})
    assert again.status_code == 200
    a.refresh_from_db()
    assert a.state == State.APPROVED
