"""A product's searchable text and facet values, built once for both backends.

`indexable(ids)` loads listable products with everything the text needs in a
fixed number of queries; `product_text(product, categories)` gives the words in
each language; `facet_values(product, categories)` the values Elasticsearch
stores for facets. Only listable products ever get here: the listing gate is
`Product.objects.browsable()`.
"""

from dataclasses import dataclass

from django.db.models import F, Max, Min, Prefetch

from catalogue.models import Category, Product, ProductAttributeValue
from quality.models import Certificate

from .text import plain

TEXT_ATTRIBUTE_TYPES = {"text", "richtext", "option", "multi_option"}


@dataclass(frozen=True)
class ProductText:
    title_fa: str
    title_en: str
    body_fa: str
    body_en: str


def indexable(ids=None):
    """Listable products (the gate) with their related rows, ready for `product_text()`."""
    products = Product.objects.browsable()
    if ids is not None:
        products = products.filter(pk__in=ids)
    # Only the attributes whose values are words: numbers and dates are facets' business, not text's.
    values = (
        ProductAttributeValue.objects.filter(attribute__type__in=TEXT_ATTRIBUTE_TYPES)
        .select_related("attribute", "value_option")
        .prefetch_related("value_multi_option")
    )
    return (
        products.select_related("producer__region", "maker", "brand", "product_class")
        .prefetch_related(
            "categories", Prefetch("attribute_values", queryset=values), "stockrecords", "children__stockrecords"
        )
        .with_listability()
        .order_by("pk")
    )


class CategoryTree:
    """Every category by path, so that a product's categories bring their ancestors' names (one query)."""

    def __init__(self):
        self.by_path = {category.path: category for category in Category.objects.all()}
        self.steplen = Category.steplen

    def with_ancestors(self, categories):
        found = {}
        for category in categories:
            path = category.path
            while path:
                node = self.by_path.get(path)
                if node is not None:
                    found[node.pk] = node
                path = path[: -self.steplen]
        return sorted(found.values(), key=lambda node: node.path)


def _names(*objects, language):
    return [getattr(obj, f"name_{language}", "") or "" for obj in objects if obj is not None]


def _attribute_texts(product):
    texts = []
    for value in product.attribute_values.all():
        if value.attribute.type in TEXT_ATTRIBUTE_TYPES:
            text = value.value_as_text
            if text:
                texts.append(plain(str(text)))
    return texts


def product_text(product, tree):
    """Title and body of a product in each language (not normalized: each backend normalizes or analyzes)."""
    categories = tree.with_ancestors(product.categories.all())
    producer = product.producer
    related = (producer, product.maker, producer.region if producer else None, product.product_class, product.brand)
    bodies = {}
    for language in ("fa", "en"):
        parts = [plain(getattr(product, f"description_{language}", ""))]
        parts += _names(*related, language=language)
        parts += _names(*categories, language=language)
        bodies[language] = parts
    bodies["fa"] += _attribute_texts(product)
    bodies["en"].append(product.upc or "")
    return ProductText(
        title_fa=product.title_fa or "",
        title_en=product.title_en or "",
        body_fa=" ".join(part for part in bodies["fa"] if part),
        body_en=" ".join(part for part in bodies["en"] if part),
    )


def certificate_windows(product_ids):
    """{product id: (valid from, valid until)} of the certificates in force for each product's current version."""
    rows = (
        Certificate.objects.in_force()
        .filter(product_id__in=product_ids, product_version=F("product__content_version"))
        .values("product_id")
        .annotate(start=Min("valid_from"), end=Max("valid_until"))
        .order_by()
    )
    return {row["product_id"]: (row["start"], row["end"]) for row in rows}


@dataclass(frozen=True)
class Stock:
    prices: list
    in_stock: bool
    made_to_order: bool

    @property
    def availability(self):
        """AvailabilityFacet's key: made to order (a lead time), in stock (some free stock), or ''."""
        if self.made_to_order:
            return "made_to_order"
        return "in_stock" if self.in_stock else ""


def product_stock(product):
    """Prices and availability of a product from its stock records (a parent's: its children's too)."""
    records = list(product.stockrecords.all())
    for child in product.children.all():
        records += list(child.stockrecords.all())
    return Stock(
        prices=sorted(record.price for record in records if record.price is not None),
        in_stock=any(record.num_in_stock is None or record.net_stock_level > 0 for record in records),
        made_to_order=product.lead_time_days is not None,
    )
