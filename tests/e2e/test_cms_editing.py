"""Editing in a real browser: an editor changes a province page in /cms/ and submits it for moderation,
a moderator approves it, and the public page shows the new text."""

import pytest
from wagtail.models import WorkflowState

from cms.editorial import ensure_editorial_workflow
from tests.cms.factories import editor_user, moderator_user, region_page, translate
from tests.factories import ProducerFactory, ProductFactory, RegionFactory, home_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


def log_in_to_cms(page, user):
    page.context.clear_cookies()
    page.goto("/cms/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/cms/login/" not in page.url, f"{user.username} could not log in"


def choose_action(page, button):
    """Click `button` among the editor's footer actions, opening the menu of more actions when it is there."""
    if not page.locator(button).first.is_visible():
        page.click(f"[data-controller=w-dropdown]:has({button}) [data-w-dropdown-target=toggle]")
    page.locator(button).first.click()


def test_editor_submits_a_province_page_and_the_moderator_publishes_it(page, artifacts_dir):
    home_pages()
    ensure_editorial_workflow()
    fars = RegionFactory(slug="fars", name_fa="فارس", name_en="Fars")
    ProductFactory(producer=ProducerFactory(region=fars), title_en="Firuzabad gabbeh", title_fa="گبه فیروزآباد")
    persian = region_page(fars, intro="متن قدیمی")
    english = translate(persian, title="Fars", intro="Old text")
    editor, moderator = editor_user(), moderator_user()

    # The editor opens the English page in the editor, changes its introduction and submits it.
    log_in_to_cms(page, editor)
    page.goto(f"/cms/pages/{english.pk}/edit/")
    page.fill("textarea[name=intro]", "Gabbeh and kilim country, from nomads' looms.")
    choose_action(page, "button[name=action-submit]")
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts_dir / "cms-submitted.png"), full_page=True)
    state = WorkflowState.objects.get(object_id=str(english.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    page.goto("/en/regions/fars/")
    assert "Old text" in page.content()  # nothing public changes before approval

    # The moderator approves it from the page editor.
    log_in_to_cms(page, moderator)
    page.goto(f"/cms/pages/{english.pk}/edit/")
    choose_action(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    page.wait_for_load_state()
    page.screenshot(path=str(artifacts_dir / "cms-approved.png"), full_page=True)

    page.goto("/en/regions/fars/")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert "Gabbeh and kilim country, from nomads" in page.content()
    assert page.locator(".cms-products", has_text="Firuzabad gabbeh").count() == 1
    page.goto("/fa/regions/fars/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "متن قدیمی" in page.content()
