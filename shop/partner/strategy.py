"""Which stock record, price and availability a customer gets: Oscar's default, behind the listing gate."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import strategy
from oscar.apps.partner.availability import Unavailable


class NotListed(Unavailable):
    """A product the quality gate keeps off the market: it cannot be added, kept or bought."""

    code = "not-listed"
    message = _("Not on sale: this product does not hold a valid quality certificate.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


class ListedStockRequired(strategy.StockRequired):
    def availability_policy(self, product, stockrecord):
        if not product.is_listable:
            return NotListed()
        return super().availability_policy(product, stockrecord)


class MarketStrategy(strategy.UseFirstStockRecord, ListedStockRequired, strategy.NoTax, strategy.Structured):
    """Tax-inclusive toman prices from the producer's stock record; stock required (for made-to-order, capacity)."""

    def fetch_for_line(self, line, stockrecord=None):
        """A basket line is priced and checked against the stock record it was added with (already loaded)."""
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return MarketStrategy(request)
