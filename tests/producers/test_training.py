"""Training: which courses a craft requires, staff recording enrolments, and `missing_training()`."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from producers import training
from producers.models import Course, Enrolment
from tests.factories import ProductClassFactory
from tests.producers.factories import CourseFactory, portal_producer, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def honey():
    return ProductClassFactory(slug="honey")


def test_missing_training_lists_what_is_not_completed(honey):
    producer = portal_producer(crafts=[honey])
    staff = staff_user()
    basics = CourseFactory(title="Basics", kind="general", required_for=[honey])
    beekeeping = CourseFactory(title="Beekeeping", kind="specialised", craft=honey, required_for=[honey])
    CourseFactory(title="Optional", kind="general")  # required for nothing
    CourseFactory(title="Retired", kind="general", required_for=[honey], is_active=False)

    assert training.missing_training(producer, honey) == [basics, beekeeping]
    training.enrol(producer, basics, staff)
    assert training.missing_training(producer, honey) == [basics, beekeeping]  # enrolled is not completed
    training.complete(Enrolment.objects.get(producer=producer, course=basics), staff)
    assert training.missing_training(producer, honey) == [beekeeping]
    training.enrol(producer, beekeeping, staff, completed_at=training.timezone.now())
    assert training.missing_training(producer, honey) == []
    # Another producer's training counts for nobody else.
    assert training.missing_training(portal_producer(crafts=[honey]), honey) == [basics, beekeeping]


def test_only_staff_record_training(honey):
    producer = portal_producer(crafts=[honey])
    course = CourseFactory(required_for=[honey])
    with pytest.raises(PermissionDenied):
        training.enrol(producer, course, producer.user)


def test_general_and_specialised_courses(honey):
    with pytest.raises(ValidationError):
        Course(title="x", slug="x", kind="specialised").full_clean()
    with pytest.raises(ValidationError):
        Course(title="y", slug="y", kind="general", craft=honey).full_clean()


def test_staff_manage_courses_and_enrolments(client, honey):
    staff = staff_user()
    producer = portal_producer(crafts=[honey])
    client.force_login(staff)
    response = client.post(
        "/en/dashboard/producers/courses/create/",
        {
            "title_fa": "زنبورداری",
            "title_en": "Beekeeping",
            "slug": "beekeeping",
            "kind": "specialised",
            "craft": honey.pk,
            "required_for": [honey.pk],
            "hours": "12",
            "description_fa": "",
            "description_en": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    course = Course.objects.get(slug="beekeeping")
    assert list(course.required_for.all()) == [honey]
    assert client.get("/en/dashboard/producers/courses/").status_code == 200

    response = client.post("/en/dashboard/producers/training/enrol/", {"producer": producer.pk, "course": course.pk})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    assert (enrolment.recorded_by, enrolment.completed_at) == (staff, None)
    listing = client.get(f"/en/dashboard/producers/training/?producer={producer.pk}&status=open")
    assert list(listing.context["enrolments"]) == [enrolment]
    client.post(f"/en/dashboard/producers/training/{enrolment.pk}/complete/", {"next": "https://evil.example/"})
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert training.missing_training(producer, honey) == []


def test_the_producer_sees_their_training(client, honey):
    producer = portal_producer(crafts=[honey])
    CourseFactory(title="Beekeeping", title_en="Beekeeping", kind="specialised", craft=honey, required_for=[honey])
    client.force_login(producer.user)
    page = client.get("/en/dashboard/producers/portal/training/")
    assert page.status_code == 200
    assert "Beekeeping" in page.content.decode() and "not enrolled" in page.content.decode()
    home = client.get("/en/dashboard/")
    assert [item["craft"] for item in home.context["untrained_crafts"]] == [honey]
