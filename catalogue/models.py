from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    producer = models.ForeignKey(
        "producers.Producer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("Producer"),
    )
    brand = models.ForeignKey(
        "producers.Brand",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("Brand"),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("Made-to-order lead time (days)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for products kept in stock."),
    )

    @property
    def is_made_to_order(self):
        return self.lead_time_days is not None


from oscar.apps.catalogue.models import *  # noqa: E402,F403  (Oscar's fork mechanism)
