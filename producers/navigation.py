"""Entries this app adds to Oscar's dashboard menu (read by settings, so nothing here imports models)."""

from django.utils.translation import gettext_lazy as _


def producer_portal_access(user, url_name, url_args=None, url_kwargs=None):
    """Portal entries show only to users who act for a producer (producers.policy)."""
    from .policy import is_producer_user

    return is_producer_user(user)


def programme_staff_access(user, url_name, url_args=None, url_kwargs=None):
    from .policy import is_programme_staff

    return is_programme_staff(user)


def monitoring_access(user, url_name, url_args=None, url_kwargs=None):
    from .policy import can_monitor

    return can_monitor(user)


DASHBOARD_MENU = [
    {
        "label": _("Programme"),
        "icon": "fas fa-user-check",
        "access_fn": programme_staff_access,
        "children": [
            {
                "label": _("Producer applications"),
                "url_name": "dashboard:producers-application-list",
                "access_fn": programme_staff_access,
            },
            {
                "label": _("Courses"),
                "url_name": "dashboard:producers-course-list",
                "access_fn": programme_staff_access,
            },
            {
                "label": _("Training records"),
                "url_name": "dashboard:producers-enrolment-list",
                "access_fn": programme_staff_access,
            },
        ],
    },
    {
        "label": _("Monitoring"),
        "icon": "fas fa-chart-bar",
        "access_fn": monitoring_access,
        "children": [
            {
                "label": _("Programme funnel"),
                "url_name": "dashboard:producers-monitoring-funnel",
                "access_fn": monitoring_access,
            },
            {
                "label": _("Charts"),
                "url_name": "dashboard:producers-monitoring-charts",
                "access_fn": monitoring_access,
            },
            {
                "label": _("Provincial quotas"),
                "url_name": "dashboard:producers-monitoring-quotas",
                "access_fn": monitoring_access,
            },
            {
                "label": _("Networks"),
                "url_name": "dashboard:producers-monitoring-networks",
                "access_fn": monitoring_access,
            },
            {
                "label": _("Facility readiness"),
                "url_name": "dashboard:producers-monitoring-readiness",
                "access_fn": monitoring_access,
            },
        ],
    },
    {
        "label": _("My business"),
        "icon": "fas fa-store",
        "access_fn": producer_portal_access,
        "children": [
            {
                "label": _("Shop page"),
                "url_name": "dashboard:producers-portal-profile",
                "access_fn": producer_portal_access,
            },
            {
                "label": _("Brands"),
                "url_name": "dashboard:producers-portal-brand-list",
                "access_fn": producer_portal_access,
            },
            {
                "label": _("Prices and stock"),
                "url_name": "dashboard:producers-portal-stock-list",
                "access_fn": producer_portal_access,
            },
            {
                "label": _("Training"),
                "url_name": "dashboard:producers-portal-training",
                "access_fn": producer_portal_access,
            },
            {
                "label": _("Network"),
                "url_name": "dashboard:producers-portal-network",
                "access_fn": producer_portal_access,
            },
            {
                "label": _("Statement"),
                "url_name": "dashboard:producers-portal-statement",
                "access_fn": producer_portal_access,
            },
        ],
    },
]
