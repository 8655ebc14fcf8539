"""Campaign pages of Oscar's dashboard, under /dashboard/campaigns/: programme staff review proposals;
producers propose campaigns and watch the demand committed to theirs.

An Oscar dashboard app, so that Oscar's permission checks and menu apply (staff pages need
`is_staff`, portal pages `partner.dashboard_access`); which campaigns a producer sees is
producers.policy's rule (their own).
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

STAFF = ["is_staff"]
PRODUCER = ["partner.dashboard_access"]


class PreordersDashboardConfig(OscarDashboardConfig):
    label = "preorders_dashboard"
    name = "shop.preorders.dashboard"
    verbose_name = _("Pre-order campaigns dashboard")

    default_permissions = STAFF

    permissions_map = {
        "preorders-review-list": STAFF,
        "preorders-review": STAFF,
        "preorders-portal-list": PRODUCER,
        "preorders-portal-propose": PRODUCER,
        "preorders-portal-detail": PRODUCER,
    }

    def get_urls(self):
        from . import views

        urls = [
            path("", views.ReviewListView.as_view(), name="preorders-review-list"),
            path("<int:pk>/", views.ReviewView.as_view(), name="preorders-review"),
            path("mine/", views.PortalListView.as_view(), name="preorders-portal-list"),
            path("mine/propose/", views.ProposeView.as_view(), name="preorders-portal-propose"),
            path("mine/<int:pk>/", views.PortalDetailView.as_view(), name="preorders-portal-detail"),
        ]
        return self.post_process_urls(urls)
