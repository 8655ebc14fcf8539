"""Which stock record, price and availability a customer gets: Oscar's default, behind the listing gate."""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.partner import prices, strategy
from oscar.apps.partner.availability import StockRequired as StockRequiredAvailability
from oscar.apps.partner.availability import Unavailable


class NotListed(Unavailable):
    """A product the quality gate keeps off the market: it cannot be added, kept or bought."""

    code = "not-listed"
    message = _("Not on sale: this product does not hold a valid quality certificate.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


class MadeToOrder(StockRequiredAvailability):
    """A made-to-order product (its stock is the producer's capacity): says when it will be dispatched."""

    code = "made-to-order"

    def __init__(self, num_available, product):
        super().__init__(num_available)
        self.product = product

    @property
    def message(self):
        from shop.checkout.dispatch import estimated_dispatch, lead_time_days

        if not self.is_available_to_buy:
            return super().message
        days = lead_time_days(self.product)
        return ngettext(
            "Made to order: ready in %(days)s day, estimated dispatch %(date)s",
            "Made to order: ready in %(days)s days, estimated dispatch %(date)s",
            days,
        ) % {"days": days, "date": formats.date_format(estimated_dispatch(self.product), "SHORT_DATE_FORMAT")}


class ListedStockRequired(strategy.StockRequired):
    def availability_policy(self, product, stockrecord):
        if not product.is_listable:
            return NotListed()
        from shop.checkout.dispatch import lead_time_days

        availability = super().availability_policy(product, stockrecord)
        if isinstance(availability, StockRequiredAvailability) and lead_time_days(product) is not None:
            return MadeToOrder(availability.num_available, product)
        return availability


class MarketStrategy(strategy.UseFirstStockRecord, ListedStockRequired, strategy.NoTax, strategy.Structured):
    """Tax-inclusive toman prices from the producer's stock record; stock required (for made-to-order, capacity)."""

    def fetch_for_line(self, line, stockrecord=None):
        """A basket line is priced and checked against the stock record it was added with (already loaded)."""
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)


class CampaignStrategy(MarketStrategy):
    """Units committed in a pre-order campaign are sold at the campaign's price (shop.preorders)."""

    def __init__(self, campaign, request=None):
        super().__init__(request)
        self.campaign = campaign

    def pricing_policy(self, product, stockrecord):
        if product.pk != self.campaign.product_id or stockrecord is None:
            return super().pricing_policy(product, stockrecord)
        return prices.FixedPrice(currency=stockrecord.price_currency, excl_tax=self.campaign.price, tax=Decimal(0))


class Selector:
    def strategy(self, request=None, user=None, campaign_id=None, **kwargs):
        """The market's strategy; a basket placed for a pre-order campaign is priced at the campaign's price."""
        if campaign_id is not None:
            from shop.preorders.models import Campaign

            return CampaignStrategy(Campaign.objects.get(pk=campaign_id), request)
        return MarketStrategy(request)
