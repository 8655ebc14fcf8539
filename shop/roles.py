"""The people who use the market, as Django groups and permissions.

One place says what each role is; the demo data, the tests and the apps'
access policies all ask here.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

CUSTOMER = "customer"
PRODUCER = "producer"
QUALITY_OFFICER = "quality_officer"
PROGRAMME_STAFF = "programme_staff"
EDITOR = "editor"

ROLE_LABELS = {
    CUSTOMER: _("Customer"),
    PRODUCER: _("Producer"),
    QUALITY_OFFICER: _("Quality officer"),
    PROGRAMME_STAFF: _("Programme staff"),
    EDITOR: _("Editor"),
}

# Group name -> permissions ("app_label.codename") its members hold.
QUALITY_OFFICERS_GROUP = "Quality officers"
PROGRAMME_STAFF_GROUP = "Programme staff"
EDITORS_GROUP = "Editors"  # created by Wagtail's own migrations with its page permissions
MODERATORS_GROUP = "Moderators"  # Wagtail's too: approve editors' changes and publish (cms.editorial)
PRODUCERS_GROUP = "Producers"

GROUP_PERMISSIONS = {
    PRODUCERS_GROUP: ["partner.dashboard_access"],
    QUALITY_OFFICERS_GROUP: [],
    # Read access to Oscar's orders and catalogue dashboards (Oscar 4 asks for model permissions).
    PROGRAMME_STAFF_GROUP: ["order.view_order", "catalogue.view_product"],
    EDITORS_GROUP: ["wagtailadmin.access_admin", "simple_translation.submit_translation"],
    MODERATORS_GROUP: ["wagtailadmin.access_admin", "simple_translation.submit_translation"],
}


def ensure_groups():
    """Create the role groups and give them their permissions (idempotent)."""
    groups = {}
    for name, perms in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in perms:
            app_label, codename = dotted.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        groups[name] = group
    return groups


def is_quality_officer(user):
    return user.is_authenticated and user.groups.filter(name=QUALITY_OFFICERS_GROUP).exists()


def is_programme_staff(user):
    return user.is_authenticated and user.is_staff and user.groups.filter(name=PROGRAMME_STAFF_GROUP).exists()
