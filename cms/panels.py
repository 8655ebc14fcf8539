"""Editor-facing panels."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.fields import StreamField

from quality.gate import unlisted_reason

from .blocks import chosen_products


def off_market_products(page):
    """The products chosen in the page's StreamFields that customers cannot see now, with the reason."""
    off_market, seen = [], set()
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        for product in chosen_products(field.stream_block, getattr(page, field.name)):
            if product.pk in seen or product.is_listable:
                continue
            seen.add(product.pk)
            off_market.append((product, unlisted_reason(product)))
    return off_market


class OffMarketProductsPanel(Panel):
    """A warning above the editor's fields naming the chosen products now off the market.

    The public page already leaves them out; this tells the editor why a section looks shorter.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Products off the market"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/off_market_products.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.off_market = off_market_products(self.instance) if self.instance is not None else []

        def is_shown(self):
            return bool(self.off_market) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["off_market"] = self.off_market
            return context
