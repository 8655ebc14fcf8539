from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    """Project-wide pieces: base templates, money formatting, demo data, health check."""

    name = "shop"
    verbose_name = _("Marketplace")
