"""Entries this app adds to Oscar's dashboard menu (read by settings).

Settings import this module before apps are ready, so the access functions
import what they need when they are called.
"""

from django.utils.translation import gettext_lazy as _


def officer_access(user, url_name=None, url_args=None, url_kwargs=None):
    """Quality officers see the officers' pages."""
    from . import policy

    return policy.is_officer(user)


def producer_access(user, url_name=None, url_args=None, url_kwargs=None):
    """Producers see their certification page."""
    from . import policy

    return policy.is_producer(user)


DASHBOARD_MENU = [
    {
        "label": _("Quality"),
        "icon": "fas fa-certificate",
        "access_fn": officer_access,
        "children": [
            {"label": _("Review queue"), "url_name": "quality:queue", "access_fn": officer_access},
            {"label": _("Certificates"), "url_name": "quality:certificate-list", "access_fn": officer_access},
            {"label": _("Standards"), "url_name": "quality:standard-list", "access_fn": officer_access},
        ],
    },
    {
        "label": _("Certification"),
        "icon": "fas fa-award",
        "access_fn": producer_access,
        "children": [
            {"label": _("My certificates"), "url_name": "quality:my-certification", "access_fn": producer_access},
            {"label": _("Apply for certification"), "url_name": "quality:my-apply", "access_fn": producer_access},
        ],
    },
]
