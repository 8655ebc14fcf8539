"""Entries this app adds to Oscar's dashboard menu (read by settings, so nothing here imports models)."""

from django.utils.translation import gettext_lazy as _


def staff_access(user, url_name, url_args=None, url_kwargs=None):
    from producers.policy import is_programme_staff

    return is_programme_staff(user)


def producer_access(user, url_name, url_args=None, url_kwargs=None):
    from producers.policy import is_producer_user

    return is_producer_user(user)


DASHBOARD_MENU = [
    {
        "label": _("Pre-order campaigns"),
        "icon": "fas fa-bullhorn",
        "children": [
            {"label": _("Review campaigns"), "url_name": "dashboard:preorders-review-list", "access_fn": staff_access},
            {"label": _("My campaigns"), "url_name": "dashboard:preorders-portal-list", "access_fn": producer_access},
            {
                "label": _("Propose a campaign"),
                "url_name": "dashboard:preorders-portal-propose",
                "access_fn": producer_access,
            },
        ],
    },
]
