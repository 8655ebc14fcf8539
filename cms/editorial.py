"""Who may do what to pages: editors write and submit, moderators approve and publish.

Wagtail's own migrations create the "Editors" and "Moderators" groups and a
"Moderators approval" workflow on the root page; `ensure_editorial_workflow()`
makes sure that arrangement holds (idempotent; `load_demo` calls it), so that
every page in every locale goes through moderation:

- Editors: add and change pages (no publish), so "Publish" is not offered to them
  and their changes wait in the workflow's approval task;
- Moderators: add, change, publish, lock and unlock pages; they are the task's approvers.

Group-level (non-page) permissions, such as access to the admin and submitting
translations, are in `shop.roles`.
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

from shop import roles

WORKFLOW_NAME = "Moderators approval"
TASK_NAME = "Moderators approval"

PAGE_PERMISSIONS = {
    roles.EDITORS_GROUP: ["add_page", "change_page"],
    roles.MODERATORS_GROUP: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


@transaction.atomic
def ensure_editorial_workflow():
    """The groups' page permissions on the root and the approval workflow every page goes through."""
    groups = roles.ensure_groups()
    root = Page.get_first_root_node()
    for group_name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=groups[group_name], page=root, permission=permission)
        # Editors must not publish, whatever an earlier setup gave them.
        if "publish_page" not in codenames:
            GroupPagePermission.objects.filter(
                group=groups[group_name], permission__codename__in=["publish_page", "bulk_delete_page"]
            ).delete()

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.add(groups[roles.MODERATORS_GROUP])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save()
    if not workflow.workflow_tasks.filter(task=task).exists():
        workflow.workflow_tasks.create(task=task, sort_order=workflow.workflow_tasks.count())
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
