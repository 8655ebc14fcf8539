from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreordersConfig(AppConfig):
    """Pre-order campaigns: order-driven production (a producer proposes, staff approve, customers commit)."""

    name = "shop.preorders"
    label = "preorders"
    verbose_name = _("Pre-order campaigns")
    default_auto_field = "django.db.models.BigAutoField"
