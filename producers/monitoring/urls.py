"""Mounted by producers.dashboard under /dashboard/producers/monitoring/ (names in the dashboard namespace);
Oscar's decorator asks for `is_staff` and the views ask producers.policy.can_monitor."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.FunnelView.as_view(), name="producers-monitoring-funnel"),
    path("list/", views.FunnelListView.as_view(), name="producers-monitoring-list"),
    path("charts/", views.ChartsView.as_view(), name="producers-monitoring-charts"),
    path("quotas/", views.QuotaView.as_view(), name="producers-monitoring-quotas"),
    path("networks/", views.NetworkView.as_view(), name="producers-monitoring-networks"),
    path("readiness/", views.ReadinessView.as_view(), name="producers-monitoring-readiness"),
    path("rules/", views.RuleListView.as_view(), name="producers-monitoring-rules"),
    path("rules/new/", views.RuleCreateView.as_view(), name="producers-monitoring-rule-create"),
    path("rules/<int:year>/", views.RuleUpdateView.as_view(), name="producers-monitoring-rule-update"),
]
