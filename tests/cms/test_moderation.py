"""Editorial workflow: editors write and submit, moderators approve and publish; editors translate pages."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from cms.editorial import WORKFLOW_NAME, ensure_editorial_workflow
from cms.models import RegionIndexPage, RegionPage
from tests.cms.factories import editor_user, index_page, locale, moderator_user, region_page
from tests.factories import RegionFactory, home_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    home_pages()
    ensure_editorial_workflow()
    return region_page(RegionFactory(slug="fars", name_fa="فارس", name_en="Fars"), intro="متن منتشرشده")


def edit(client, page, **changes):
    """POST the page's edit form as the browser would, with `changes` (e.g. `action_submit="1"`)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name.replace("_", "-") if name.startswith("action") else name] = value
    return client.post(url, data)


def public_text(client, page):
    return client.get(page.url).content.decode()


def test_every_page_goes_through_the_moderators_approval(page):
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_ensuring_the_workflow_twice_changes_nothing(page):
    ensure_editorial_workflow()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_tasks.count() == 1


def test_an_editor_submits_and_a_moderator_publishes(client, page):
    client.force_login(editor_user())
    response = edit(client, page, intro="متن تازه‌ی ویراستار", action_submit="1")
    assert response.status_code == 302

    page.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "متن منتشرشده" in public_text(client, page)  # nothing changes before approval
    assert "متن تازه‌ی ویراستار" not in public_text(client, page)

    client.force_login(moderator_user())
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "متن تازه‌ی ویراستار" in public_text(client, page)


def test_an_editor_cannot_publish_directly(client, page):
    editor = editor_user()
    client.force_login(editor)
    assert not page.permissions_for_user(editor).can_publish()

    edit(client, page, intro="منتشر نشود", action_publish="1")

    page.refresh_from_db()
    assert page.intro == "متن منتشرشده"
    assert "منتشر نشود" not in public_text(client, page)
    assert page.get_latest_revision().as_object().intro == "منتشر نشود"  # kept as a draft, nothing lost

    client.force_login(moderator_user())  # the same request from a moderator publishes
    edit(client, page, intro="منتشر شود", action_publish="1")
    assert "منتشر شود" in public_text(client, page)


def test_a_moderator_rejects_and_nothing_is_published(client, page):
    client.force_login(editor_user())
    edit(client, page, intro="نیاز به اصلاح", action_submit="1")
    state = WorkflowState.objects.get(object_id=str(page.pk))

    client.force_login(moderator_user())
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk]),
        {"comment": "منبع آمار را بنویسید"},
    )

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "نیاز به اصلاح" not in public_text(client, page)


def test_an_editor_creates_the_english_translation_of_a_persian_region_page(client, page):
    index_page(RegionIndexPage, "en")  # the English province index exists
    client.force_login(editor_user())
    english = locale("en")

    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
    )

    translation = RegionPage.objects.get(translation_key=page.translation_key, locale=english)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    assert translation.region_id == page.region_id
    assert translation.get_parent().specific == index_page(RegionIndexPage, "en")
    assert not translation.live  # a draft for the editor to translate, then submit for moderation

    response = edit(client, translation, title="Fars", intro="English text", action_submit="1")
    assert response.status_code == 302
    assert WorkflowState.objects.filter(object_id=str(translation.pk), status="in_progress").exists()


def test_people_outside_the_editorial_groups_cannot_translate(client, page):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": [locale("en").pk]}
    )
    assert response.status_code in (302, 403)
    assert not RegionPage.objects.filter(locale__language_code="en").exists()
