from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    """Project-wide pieces: base templates, money formatting, demo data, health check."""

    name = "shop"
    verbose_name = _("Marketplace")

    def ready(self):
        from shop import alerts, analytics, caching, ratelimit, sanitize  # noqa: F401  (ratelimit connects the lockout's signals)

        sanitize.connect()  # Wagtail pages' rich text is sanitized on save (shop/sanitize.py)
        caching.connect()  # catalogue changes make cached anonymous pages unreachable (shop/caching.py)
        alerts.connect()  # back-in-stock alerts after the stock change commits (shop/alerts.py)
        analytics.connect()  # Oscar's view/basket/purchase counters after commit (shop/analytics.py)
