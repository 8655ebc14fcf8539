"""Oscar's basket models (fields unchanged, Oscar's migrations), with lines that load in a fixed number of
queries: product class, producer and the listing gate's answer come with the products, the stock record
and its partner with the lines. Vanilla Oscar costs about three queries per line on every basket and
checkout page."""

from django.db.models import Prefetch
from oscar.apps.basket.abstract_models import AbstractBasket


class Basket(AbstractBasket):
    def all_lines(self):
        if self.id is None or self._lines is not None:
            return super().all_lines()
        from oscar.apps.partner.models import StockRecord

        from catalogue.models import Product

        products = (
            Product.objects.with_listability()
            .select_related("product_class", "producer", "parent__product_class")
            .prefetch_related("images")
        )
        # The stock records are fetched by their ids, not joined: with a basket's few lines PostgreSQL chose a
        # merge join that read the whole stock record index (21 ms for one line at 100k products, on every
        # basket and checkout page), misled by the statistics of old baskets' lines.
        stockrecords = StockRecord.objects.select_related("partner")
        self._lines = self.lines.prefetch_related(
            "attributes", Prefetch("product", queryset=products), Prefetch("stockrecord", queryset=stockrecords)
        ).order_by(self._meta.pk.name)
        return self._lines


# Code that imports the class from Oscar's module directly (rather than through get_model) gets this one,
# the class Oscar itself uses everywhere once it is forked.
import oscar.apps.basket.models as _oscar_basket_models  # noqa: E402
from oscar.apps.basket.models import *  # noqa: E402, F403  (Oscar's fork mechanism: the other models unchanged)

_oscar_basket_models.Basket = Basket
