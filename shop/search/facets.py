"""The facets that narrow a result list: what each means for the database and for Elasticsearch.

One class per facet keeps both backends' versions of a rule side by side. A
facet's GET parameter is its `name`; several values of one facet widen the
result (OR), values of different facets narrow it (AND), and each facet's counts
are taken with every *other* facet's selection applied, so that counts always
say what a click would give.

Seam for the "has a running pre-order" facet: pre-order campaigns arrive with a
later issue. Its facet will be one more class here (name "preorder", a
`db_filter` with an Exists() on running campaigns, a boolean `has_preorder`
field in the Elasticsearch document) added to FACETS; the views, templates and
both backends take it from there. Until campaigns exist there is nothing to
count, so it is not offered.
"""

import re
from decimal import Decimal
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import A
from elasticsearch.dsl import Q as ESQ
from oscar.apps.partner.models import StockRecord

from catalogue.models import Category, ProductCategory
from producers.models import Brand, Producer, Region
from shop.templatetags.money import format_money

from . import conf

_SLUG = re.compile(r"^[-\w]{1,100}$")
COLUMNS = ("facet", "key", "label_fa", "label_en", "sort", "n")


def localized(label_fa, label_en):
    """The label in the active language, falling back to Persian (as modeltranslation does)."""
    if (get_language() or "fa").startswith("en"):
        return label_en or label_fa or ""
    return label_fa or label_en or ""


def _row(queryset, facet, key, label_fa=None, label_en=None, sort=None):
    """A queryset of COLUMNS rows (count still to add), for the one UNION ALL query of the database backend."""
    blank = Value("", output_field=CharField())
    return queryset.annotate(
        facet=Value(facet, output_field=CharField()),
        key=key,
        label_fa=label_fa or blank,
        label_en=label_en or blank,
        sort=sort or blank,
    ).values_list(*COLUMNS[:-1])


# --- Price ---------------------------------------------------------------------------------------

# The product a stock record sells (a variant's parent: what the listings show).
OWNER = Coalesce("product__parent_id", "product_id")


# --- Facets ------------------------------------------------------------------------------------


class Facet:
    name = ""
    label = ""
    es_field = ""

    def clean(self, values):
        """The values of a GET parameter this facet accepts (anything else is ignored, never an error)."""
        return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and _SLUG.match(v)))[:20]

    def resolve(self, values):
        """Values after any database lookup the filter needs (called once per search)."""
        return values

    def db_filter(self, values):
        raise NotImplementedError

    def db_counts(self, products, query, resolved):
        """A values_list queryset of COLUMNS rows: the counts of this facet's values among `products`."""
        raise NotImplementedError

    def es_filter(self, values):
        return ESQ("terms", **{self.es_field: list(values)})

    def es_aggregation(self, query, resolved):
        return A("terms", field=self.es_field, size=200)

    def es_buckets(self, aggregation):
        return [(str(bucket.key), bucket.doc_count) for bucket in aggregation.buckets]

    def es_labels(self, query, resolved, keys):
        """{key: (label_fa, label_en, sort)} for the keys Elasticsearch counted (unknown ones left out)."""
        return dict.fromkeys(keys, ("", "", ""))

    def order(self, values):
        return sorted(values, key=lambda value: (-value.count, value.label))


class TermsFacet(Facet):
    """A facet over a related object identified by its slug: region, producer, brand."""

    def __init__(self, name, label, path, model):
        self.name = name
        self.label = label
        self.path = path  # from the search document to the related object
        self.model = model
        self.es_field = name

    def db_filter(self, values):
        return Q(**{f"{self.path}__slug__in": values})

    def db_counts(self, products, query, resolved):
        rows = _row(
            products.exclude(**{f"{self.path}__slug": None}),
            self.name,
            F(f"{self.path}__slug"),
            F(f"{self.path}__name_fa"),
            F(f"{self.path}__name_en"),
        )
        return rows.annotate(n=Count("pk")).values_list(*COLUMNS)

    def es_labels(self, query, resolved, keys):
        rows = self.model.objects.filter(slug__in=keys).values_list("slug", "name_fa", "name_en")
        return {slug: (name_fa, name_en, "") for slug, name_fa, name_en in rows}


class Node(NamedTuple):
    """A public category as the facet needs it (from the cached tree)."""

    pk: int
    path: str
    depth: int
    name_fa: str
    name_en: str


CATEGORIES_CACHE_KEY = "search:categories"


def public_categories():
    """{path: Node} of the browsable categories: a small table, kept in the cache until a category changes."""
    tree = cache.get(CATEGORIES_CACHE_KEY)
    if tree is None:
        rows = Category.objects.browsable().values_list("pk", "path", "depth", "name_fa", "name_en")
        tree = {row[1]: Node(*row) for row in rows}
        cache.set(CATEGORIES_CACHE_KEY, tree, 600)
    return tree


def forget_categories(**kwargs):
    """Receiver: a category changed."""
    cache.delete(CATEGORIES_CACHE_KEY)


class CategoryFacet(Facet):
    """Craft categories, counted with their subcategories' products.

    Offered: the children of the page's category (the top level on other pages)
    and of every selected category, so that a click drills down.
    """

    name = "category"
    label = _("Category")
    es_field = "category_ids"

    def clean(self, values):
        return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v.isascii() and v.isdigit()))[:20]

    def resolve(self, values):
        wanted = {int(value) for value in values}
        return tuple(node for node in public_categories().values() if node.pk in wanted)

    def db_filter(self, categories):
        condition = Q(pk__in=[])
        for category in categories:
            condition |= Q(category__path__startswith=category.path)
        return Q(pk__in=ProductCategory.objects.filter(condition).values("product_id"))

    def offered(self, query, categories):
        """The categories this facet lists: children of the context and of the selected ones, and the selected."""
        parents = [(query.category.path, query.category.depth)] if query.category is not None else [("", 0)]
        parents += [(category.path, category.depth) for category in categories]
        selected = {category.pk for category in categories}
        return [
            node
            for node in public_categories().values()
            if node.pk in selected or any(node.depth == d + 1 and node.path.startswith(p) for p, d in parents)
        ]

    def db_counts(self, products, query, resolved):
        """One part per depth among the offered categories: the result set's distinct products, grouped by
        the ancestor (path prefix) at that depth of the categories they are filed under."""
        by_depth = {}
        for node in self.offered(query, resolved):
            by_depth.setdefault(node.depth, []).append(node.path)
        parts = []
        for depth, paths in sorted(by_depth.items()):
            prefix = Substr("category__path", 1, depth * Category.steplen)
            links = ProductCategory.objects.filter(product__in=products.order_by().values("pk"))
            links = links.annotate(prefix=prefix).filter(prefix__in=paths)
            rows = _row(links.order_by(), self.name, F("prefix"), sort=F("prefix"))
            parts.append(rows.annotate(n=Count("product_id", distinct=True)).values_list(*COLUMNS))
        return parts

    def finish(self, rows):
        """Rows keyed by path, as counted, keyed by category id with their names."""
        tree = public_categories()
        finished = {}
        for path, (count, _fa, _en, _sort) in rows.items():
            node = tree.get(path)
            if node is not None:
                finished[str(node.pk)] = (count, node.name_fa, node.name_en, node.path)
        return finished

    def es_filter(self, categories):
        return ESQ("terms", category_ids=[str(category.pk) for category in categories])

    def es_aggregation(self, query, resolved):
        return A("terms", field=self.es_field, size=500)

    def es_labels(self, query, resolved, keys):
        """Names of the offered categories among the ids Elasticsearch counted."""
        return {
            str(node.pk): (node.name_fa, node.name_en, node.path)
            for node in self.offered(query, resolved)
            if str(node.pk) in set(keys)
        }

    def order(self, values):
        return sorted(values, key=lambda value: value.sort_key)


class PriceFacet(Facet):
    """Price ranges in tomans (SEARCH_PRICE_RANGES): a product is in every range one of its stock records
    (a parent: its children's) is priced in; sorting by price uses the cheapest."""

    name = "price"
    label = _("Price")
    es_field = "price"

    def ranges(self):
        bounds = [None, *conf.get("SEARCH_PRICE_RANGES"), None]
        return [(low, high) for low, high in zip(bounds, bounds[1:], strict=False)]

    @staticmethod
    def key(low, high):
        return f"{low or 0}-{high or ''}"

    def range_for(self, key):
        return {self.key(low, high): (low, high) for low, high in self.ranges()}.get(key)

    def clean(self, values):
        keys = {self.key(low, high) for low, high in self.ranges()}
        return tuple(dict.fromkeys(v for v in values if v in keys))

    @staticmethod
    def range_q(low, high):
        """Stock records priced in [low, high)."""
        condition = Q(price__isnull=False)
        if low is not None:
            condition &= Q(price__gte=Decimal(low))
        if high is not None:
            condition &= Q(price__lt=Decimal(high))
        return condition

    def db_filter(self, values):
        condition = Q(pk__in=[])
        for key in values:
            condition |= self.range_q(*self.range_for(key))
        return Q(pk__in=StockRecord.objects.filter(condition).values(owner=OWNER))

    def db_counts(self, products, query, resolved):
        """One pass over the result set's stock records: distinct products per range."""
        ids = products.order_by().values("pk")
        # One IN on the owning product (not `product IN … OR parent IN …`, which PostgreSQL can only
        # answer with a subplan per stock record).
        records = StockRecord.objects.annotate(owner=OWNER).filter(owner__in=ids).order_by()
        bucket = Case(
            *(When(self.range_q(low, high), then=Value(self.key(low, high))) for low, high in self.ranges()),
            default=Value(""),
            output_field=CharField(),
        )
        rows = _row(records, self.name, bucket)
        return rows.annotate(n=Count(OWNER, distinct=True)).values_list(*COLUMNS)

    def es_filter(self, values):
        ranges = []
        for key in values:
            low, high = self.range_for(key)
            bounds = {}
            if low is not None:
                bounds["gte"] = low
            if high is not None:
                bounds["lt"] = high
            ranges.append(ESQ("range", price=bounds))
        return ESQ("bool", should=ranges, minimum_should_match=1)

    def es_aggregation(self, query, resolved):
        ranges = []
        for low, high in self.ranges():
            bucket = {"key": self.key(low, high)}
            if low is not None:
                bucket["from"] = low
            if high is not None:
                bucket["to"] = high
            ranges.append(bucket)
        return A("range", field=self.es_field, ranges=ranges)

    def value_label(self, key):
        low, high = self.range_for(key)
        if low is None:
            return _("Under %(price)s") % {"price": format_money(Decimal(high))}
        if high is None:
            return _("%(price)s and over") % {"price": format_money(Decimal(low))}
        return _("%(low)s to %(high)s") % {"low": format_money(Decimal(low)), "high": format_money(Decimal(high))}

    def order(self, values):
        positions = {self.key(low, high): i for i, (low, high) in enumerate(self.ranges())}
        return sorted(values, key=lambda value: positions.get(value.key, 0))


class AvailabilityFacet(Facet):
    """Made to order (a lead time is set) or in stock now (kept in stock, with free stock)."""

    name = "availability"
    label = _("Availability")
    es_field = "availability"
    MADE_TO_ORDER = "made_to_order"
    IN_STOCK = "in_stock"
    LABELS = {MADE_TO_ORDER: _("Made to order"), IN_STOCK: _("In stock")}

    def clean(self, values):
        return tuple(dict.fromkeys(v for v in values if v in self.LABELS))

    def conditions(self):
        return {key: Q(availability=key) for key in self.LABELS}

    def db_filter(self, values):
        condition = Q(pk__in=[])
        for value in values:
            condition |= self.conditions()[value]
        return condition

    def db_counts(self, products, query, resolved):
        state = Case(
            *(When(condition, then=Value(key)) for key, condition in self.conditions().items()),
            default=Value(""),
            output_field=CharField(),
        )
        rows = _row(products, self.name, state)
        return rows.annotate(n=Count("pk")).values_list(*COLUMNS)

    def value_label(self, key):
        return self.LABELS.get(key, key)

    def order(self, values):
        positions = list(self.LABELS)
        return sorted(values, key=lambda value: positions.index(value.key) if value.key in positions else 99)


FACETS = (
    CategoryFacet(),
    TermsFacet("region", _("Region"), "region", Region),
    TermsFacet("producer", _("Producer"), "producer", Producer),
    TermsFacet("brand", _("Brand"), "brand", Brand),
    PriceFacet(),
    AvailabilityFacet(),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def resolve(query):
    """{facet name: resolved values} of the query's selections; values that resolve to nothing are dropped."""
    resolved = {name: FACETS_BY_NAME[name].resolve(values) for name, values in query.selections.items()}
    return {name: values for name, values in resolved.items() if values}
