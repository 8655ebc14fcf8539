"""The producers' part of Oscar's dashboard: programme staff's screening and training pages, and the
producer portal's own pages (profile, brands, stock, training, network).

It is an Oscar dashboard app so that Oscar's permission decorators and menu
apply: staff pages need `is_staff`, portal pages `partner.dashboard_access`
(the Producers group); object-level rules are in producers.policy.
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

STAFF = ["is_staff"]
PRODUCER = ["partner.dashboard_access"]


class ProducersDashboardConfig(OscarDashboardConfig):
    label = "producers_dashboard"
    name = "producers.dashboard"
    verbose_name = _("Producers dashboard")

    default_permissions = STAFF

    permissions_map = {
        "producers-application-list": STAFF,
        "producers-application-detail": STAFF,
        "producers-course-list": STAFF,
        "producers-course-create": STAFF,
        "producers-course-update": STAFF,
        "producers-enrolment-list": STAFF,
        "producers-enrolment-create": STAFF,
        "producers-enrolment-complete": STAFF,
        "producers-portal-profile": PRODUCER,
        "producers-portal-brand-list": PRODUCER,
        "producers-portal-brand-create": PRODUCER,
        "producers-portal-brand-update": PRODUCER,
        "producers-portal-stock-list": PRODUCER,
        "producers-portal-stock-update": PRODUCER,
        "producers-portal-training": PRODUCER,
        "producers-portal-network": PRODUCER,
        "producers-portal-network-invite": PRODUCER,
        "producers-portal-invitation-respond": PRODUCER,
        "producers-portal-statement": PRODUCER,
    }

    def get_urls(self):
        from producers.monitoring.urls import urlpatterns as monitoring

        from . import views

        urls = [
            # Programme monitoring (producers.monitoring); every page there needs STAFF, the default
            path("monitoring/", include(monitoring)),
            # Programme staff
            path("applications/", views.ApplicationListView.as_view(), name="producers-application-list"),
            path("applications/<int:pk>/", views.ApplicationDetailView.as_view(), name="producers-application-detail"),
            path("courses/", views.CourseListView.as_view(), name="producers-course-list"),
            path("courses/create/", views.CourseCreateView.as_view(), name="producers-course-create"),
            path("courses/<int:pk>/", views.CourseUpdateView.as_view(), name="producers-course-update"),
            path("training/", views.EnrolmentListView.as_view(), name="producers-enrolment-list"),
            path("training/enrol/", views.EnrolmentCreateView.as_view(), name="producers-enrolment-create"),
            path(
                "training/<int:pk>/complete/",
                views.EnrolmentCompleteView.as_view(),
                name="producers-enrolment-complete",
            ),
            # The producer portal
            path("portal/profile/", views.ProfileView.as_view(), name="producers-portal-profile"),
            path("portal/brands/", views.BrandListView.as_view(), name="producers-portal-brand-list"),
            path("portal/brands/create/", views.BrandCreateView.as_view(), name="producers-portal-brand-create"),
            path("portal/brands/<int:pk>/", views.BrandUpdateView.as_view(), name="producers-portal-brand-update"),
            path("portal/stock/", views.StockListView.as_view(), name="producers-portal-stock-list"),
            path("portal/stock/<int:pk>/", views.StockUpdateView.as_view(), name="producers-portal-stock-update"),
            path("portal/training/", views.TrainingView.as_view(), name="producers-portal-training"),
            path("portal/statement/", views.StatementView.as_view(), name="producers-portal-statement"),
            path("portal/network/", views.NetworkView.as_view(), name="producers-portal-network"),
            path("portal/network/invite/", views.InviteView.as_view(), name="producers-portal-network-invite"),
            path(
                "portal/network/invitations/<int:pk>/<str:answer>/",
                views.InvitationResponseView.as_view(),
                name="producers-portal-invitation-respond",
            ),
        ]
        return self.post_process_urls(urls)
