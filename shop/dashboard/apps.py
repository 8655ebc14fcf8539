from django.apps import apps as django_apps
from django.urls import include, path
from oscar.apps.dashboard import apps


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, forked so that its catalogue and orders pages can be (shop.dashboard.catalogue,
    shop.dashboard.orders), the producers' pages mount under /dashboard/producers/ and the campaigns'
    under /dashboard/campaigns/, and a producer's home page shows their own figures only (views.IndexView)."""

    name = "shop.dashboard"

    def ready(self):
        super().ready()
        self.producers_app = django_apps.get_app_config("producers_dashboard")
        self.campaigns_app = django_apps.get_app_config("preorders_dashboard")

    def get_urls(self):
        urls = super().get_urls()
        urls.append(path("producers/", include(self.producers_app.urls[0])))
        urls.append(path("campaigns/", include(self.campaigns_app.urls[0])))
        return urls
