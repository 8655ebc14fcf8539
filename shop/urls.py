"""The URL map (DESIGN.md): Oscar's prefixes and ours under /fa/ and /en/, Wagtail last."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from . import accounts, views
from .sitemaps import SITEMAPS


def oscar_urls():
    """Oscar's storefront URLs without its `home` redirect: the home page is Wagtail's; sign-up and
    password reset from shop.accounts (a mail outage never fails them)."""
    oscar = apps.get_app_config("oscar")
    accounts.install(oscar, apps.get_app_config("customer"))
    return [pattern for pattern in oscar.get_urls() if getattr(pattern, "name", "") != "home"]


urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Stripe calls this one: no language prefix, CSRF-exempt, signature-verified (shop.payments.views).
    path("payments/", include("shop.payments.urls")),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("producers/", include("producers.urls")),
    path("campaigns/", include("shop.preorders.urls")),
    path("", include("quality.urls")),
    path("", include(oscar_urls())),
    # `{% url 'home' %}` is the Wagtail home page of the active language.
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("", include(wagtail_urls)),
)

if settings.SERVE_MEDIA:
    # The embedded default serves uploads itself; production puts a web server or S3 in front.
    urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", static_serve, {"document_root": settings.MEDIA_ROOT}))
