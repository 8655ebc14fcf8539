"""Large, realistic catalogues for benchmarks and load tests (`manage.py generate_catalogue`).

Everything is built from the demo's own vocabulary: the eight crafts with their
standardized attributes, the regions, the categories and the 63 demo products,
whose bilingual titles, descriptions, attribute values and prices are varied
per generated product. Rows go in with bulk inserts, a batch per transaction:

- producers (an Oscar partner, a producer and its brand each), spread over the regions;
- products with their attribute values (inside each attribute's range), category,
  stock record, one picture per craft and variant drawn once and shared by
  reference, and an approved certification application with a certificate in force;
- some orders (one for every ORDERS_PER_PRODUCTS products) of one to three lines,
  placed over the past year, most of them complete.

Bulk inserts send no signals, so the search index is rebuilt at the end (the
command does it). Generated rows are recognisable by their keys (`GEN-` UPCs,
`gen-` producer slugs, `GEN-` order numbers), so a second run only adds what is
missing to reach the sizes asked for.
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone, translation
from oscar.apps.order.models import Line, Order
from oscar.apps.partner.models import Partner, StockRecord

from catalogue.models import Product, ProductAttribute, ProductAttributeValue, ProductCategory, ProductImage
from producers.models import Brand, Producer
from quality.models import Certificate, CertificationApplication

from . import certification, images, loader
from . import regions as region_data

UPC_PREFIX = "GEN-"
PRODUCER_PREFIX = "gen-producer-"
ORDER_PREFIX = "GEN-"
ORDERS_PER_PRODUCTS = 20
PICTURES_PER_CRAFT = 4
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# Attribute value columns by Oscar attribute type.
VALUE_FIELDS = {
    "integer": "value_integer",
    "float": "value_float",
    "text": "value_text",
    "date": "value_date",
    "boolean": "value_boolean",
}


@dataclass
class Craft:
    product_class: object
    category: object
    standard: object
    attributes: dict  # code -> ProductAttribute
    specs: list  # the demo products of this craft
    pictures: list  # stored file names, shared by every generated product of the craft


class CatalogueGenerator:
    """Grow the catalogue to `products` generated products from `producers` generated producers."""

    def __init__(
        self, products, producers, seed=1404, batch_size=2000, orders=None, pictures=PICTURES_PER_CRAFT, progress=None
    ):
        self.products = products
        self.producers = max(producers, 1)
        self.orders = products // ORDERS_PER_PRODUCTS if orders is None else orders
        self.batch_size = batch_size
        self.pictures_per_craft = max(pictures, 1)
        self.rng = random.Random(seed)
        self.progress = progress or (lambda label, done, total: None)
        self.now = timezone.now()

    def run(self):
        """Build what is missing; return {"producers": n, "products": n, "orders": n} generated in all."""
        with translation.override("fa"):
            crafts = self.crafts()
            producers = self.grow_producers(crafts)
            self.grow_products(crafts, producers)
            self.grow_orders()
        self.analyze()
        return {
            "producers": Producer.objects.filter(slug__startswith=PRODUCER_PREFIX).count(),
            "products": Product.objects.filter(upc__startswith=UPC_PREFIX).count(),
            "orders": Order.objects.filter(number__startswith=ORDER_PREFIX).count(),
        }

    @staticmethod
    def analyze():
        """Refresh the query planner's statistics: after a bulk load they describe an empty catalogue,
        and PostgreSQL then picks nested loops that take seconds (autovacuum would catch up, later)."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    # --- Reference data ----------------------------------------------------------------------------

    def crafts(self):
        """The demo's crafts, categories, regions and standards (created or brought up to date)."""
        classes = loader.load_crafts()
        categories = loader.load_categories()
        self.regions = list(loader.load_regions(classes).values())
        standards = certification.load_standards()
        specs = {}
        for craft, spec in loader.product_specs():
            specs.setdefault(craft, []).append(spec)
        crafts = []
        for code, product_class in classes.items():
            attributes = {
                attribute.code: attribute for attribute in ProductAttribute.objects.filter(product_class=product_class)
            }
            crafts.append(
                Craft(
                    product_class=product_class,
                    category=categories[region_data.CRAFT_CATEGORY[code]],
                    standard=standards[product_class.pk],
                    attributes=attributes,
                    specs=specs[code],
                    pictures=self.pictures(code, self.pictures_per_craft),
                )
            )
        return crafts

    @staticmethod
    def pictures(craft, count):
        """`count` pictures of the craft, drawn and stored once (their names)."""
        names = []
        for variant in range(count):
            name = f"images/products/generated/{craft}-{variant + 1}.jpg"
            if not default_storage.exists(name):
                name = default_storage.save(name, ContentFile(images.product_image(craft, f"generated-{variant}")))
            names.append(name)
        return names

    # --- Producers -----------------------------------------------------------------------------------

    def grow_producers(self, crafts):
        """[(producer, brand)] of every generated producer, creating the missing ones."""
        existing = Producer.objects.filter(slug__startswith=PRODUCER_PREFIX).count()
        for first in range(existing, self.producers, self.batch_size):
            numbers = range(first, min(first + self.batch_size, self.producers))
            with transaction.atomic():
                partners = Partner.objects.bulk_create(
                    Partner(name=f"Generated producer {n}", code=f"{PRODUCER_PREFIX}{n}") for n in numbers
                )
                producers = []
                for n, partner in zip(numbers, partners, strict=True):
                    region = self.regions[n % len(self.regions)]
                    name_fa = f"کارگاه {region.name_fa} {str(n + 1).translate(PERSIAN_DIGITS)}"
                    name_en = f"{region.name_en} workshop {n + 1}"
                    producers.append(
                        Producer(
                            partner=partner,
                            slug=f"{PRODUCER_PREFIX}{n}",
                            name=name_fa,
                            name_fa=name_fa,
                            name_en=name_en,
                            region=region,
                            kind=Producer.Kind.LEAD if n % 10 == 0 else Producer.Kind.HOME,
                        )
                    )
                producers = Producer.objects.bulk_create(producers)
                Brand.objects.bulk_create(
                    Brand(
                        slug=producer.slug,
                        name=producer.name_fa,
                        name_fa=producer.name_fa,
                        name_en=producer.name_en,
                        producer=producer,
                        kind=Brand.Kind.PRODUCER,
                    )
                    for producer in producers
                )
                Producer.crafts.through.objects.bulk_create(
                    Producer.crafts.through(producer=producer, productclass=crafts[i % len(crafts)].product_class)
                    for i, producer in enumerate(producers)
                )
            self.progress("producers", numbers[-1] + 1, self.producers)
        brands = {brand.producer_id: brand for brand in Brand.objects.filter(slug__startswith=PRODUCER_PREFIX)}
        return [
            (producer, brands[producer.pk])
            for producer in Producer.objects.filter(slug__startswith=PRODUCER_PREFIX).select_related(
                "partner", "region"
            )
        ]

    # --- Products --------------------------------------------------------------------------------------

    def grow_products(self, crafts, producers):
        existing = Product.objects.filter(upc__startswith=UPC_PREFIX).count()
        for first in range(existing, self.products, self.batch_size):
            last = min(first + self.batch_size, self.products)
            with transaction.atomic():
                self.product_batch(range(first, last), crafts, producers)
            self.progress("products", last, self.products)

    def product_batch(self, numbers, crafts, producers):
        rows = []
        for n in numbers:
            craft = crafts[n % len(crafts)]
            spec = craft.specs[self.rng.randrange(len(craft.specs))]
            producer, brand = producers[self.rng.randrange(len(producers))]
            rows.append((n, craft, spec, producer, brand))
        products = Product.objects.bulk_create(self.product(*row) for row in rows)
        pairs = list(zip(products, rows, strict=True))
        ProductAttributeValue.objects.bulk_create(
            value
            for product, (_n, craft, spec, *_rest) in pairs
            for value in self.attribute_values(product, craft, spec)
        )
        ProductCategory.objects.bulk_create(
            ProductCategory(product=product, category=craft.category) for product, (_n, craft, *_rest) in pairs
        )
        ProductImage.objects.bulk_create(
            ProductImage(
                product=product,
                original=craft.pictures[n % len(craft.pictures)],
                caption=product.title_fa,
                display_order=0,
            )
            for product, (n, craft, *_rest) in pairs
        )
        StockRecord.objects.bulk_create(
            self.stock_record(product, spec, producer) for product, (_n, _c, spec, producer, _b) in pairs
        )
        applications = CertificationApplication.objects.bulk_create(
            CertificationApplication(
                product=product,
                producer=producer,
                standard=craft.standard,
                product_version=product.content_version,
                state=CertificationApplication.State.APPROVED,
                submitted_at=self.now - timedelta(days=40),
                decided_at=self.now - timedelta(days=30),
            )
            for product, (_n, craft, _s, producer, _b) in pairs
        )
        Certificate.objects.bulk_create(self.certificate(application) for application in applications)

    def product(self, n, craft, spec, producer, brand):
        model = str(n + 1)
        title_fa = f"{spec['title_fa']}، طرح {model.translate(PERSIAN_DIGITS)}"
        title_en = f"{spec['title_en']}, design {model}"
        return Product(
            upc=f"{UPC_PREFIX}{n:07d}",
            slug=f"generated-{n}",
            structure=Product.STANDALONE,
            is_public=True,
            product_class=craft.product_class,
            producer=producer,
            brand=brand,
            title=title_fa,
            title_fa=title_fa,
            title_en=title_en,
            description=spec["description_fa"],
            description_fa=spec["description_fa"],
            description_en=spec["description_en"],
            lead_time_days=spec.get("lead_time_days"),
        )

    def attribute_values(self, product, craft, spec):
        for code, value in spec["attributes"].items():
            attribute = craft.attributes.get(code)
            if attribute is None or attribute.type not in VALUE_FIELDS:
                continue
            yield ProductAttributeValue(
                product=product, attribute=attribute, **{VALUE_FIELDS[attribute.type]: self.vary(attribute, value)}
            )

    def vary(self, attribute, value):
        """The demo value, nudged by up to ±10 % for numbers, always inside the attribute's range."""
        if attribute.type not in ("integer", "float"):
            return value
        varied = value * self.rng.uniform(0.9, 1.1)
        if attribute.min_value is not None:
            varied = max(varied, float(attribute.min_value))
        if attribute.max_value is not None:
            varied = min(varied, float(attribute.max_value))
        return int(varied) if attribute.type == "integer" else round(varied, 1)

    def stock_record(self, product, spec, producer):
        price = Decimal(spec["price"]) * Decimal(self.rng.uniform(0.8, 1.25))
        return StockRecord(
            product=product,
            partner=producer.partner,
            partner_sku=product.upc,
            price=price.quantize(Decimal("10000"), rounding=ROUND_HALF_UP) or Decimal("10000"),
            price_currency="IRT",
            num_in_stock=0 if spec.get("lead_time_days") else self.rng.choice([2, 5, 10, 25, 50]),
        )

    def certificate(self, application):
        issued = self.now - timedelta(days=30)
        return Certificate(
            number=f"GEN-{application.product.upc[len(UPC_PREFIX) :]}",
            application=application,
            product=application.product,
            producer=application.producer,
            standard=application.standard,
            product_version=application.product_version,
            issued_at=issued,
            valid_from=issued,
            valid_until=issued + timedelta(days=application.standard.validity_days or 365),
        )

    # --- Orders ------------------------------------------------------------------------------------------

    def grow_orders(self):
        existing = Order.objects.filter(number__startswith=ORDER_PREFIX).count()
        if existing >= self.orders:
            return
        stock = list(
            StockRecord.objects.filter(product__upc__startswith=UPC_PREFIX)
            .select_related("product", "partner")
            .order_by("pk")[: max(self.orders * 3, 1)]
        )
        if not stock:
            return
        for first in range(existing, self.orders, self.batch_size):
            numbers = range(first, min(first + self.batch_size, self.orders))
            with transaction.atomic():
                self.order_batch(numbers, stock)
            self.progress("orders", numbers[-1] + 1, self.orders)

    def order_batch(self, numbers, stock):
        orders, lines = [], []
        for n in numbers:
            chosen = [stock[self.rng.randrange(len(stock))] for _ in range(self.rng.randint(1, 3))]
            order_lines = [(record, self.rng.randint(1, 2)) for record in chosen]
            total = sum((record.price * quantity for record, quantity in order_lines), Decimal(0))
            placed = self.now - timedelta(days=self.rng.randrange(365), minutes=self.rng.randrange(1440))
            status = (
                "Complete"
                if placed < self.now - timedelta(days=14)
                else self.rng.choice(["Pending", "Being processed"])
            )
            orders.append(
                Order(
                    number=f"{ORDER_PREFIX}{n:07d}",
                    currency="IRT",
                    total_incl_tax=total,
                    total_excl_tax=total,
                    shipping_incl_tax=0,
                    shipping_excl_tax=0,
                    status=status,
                    guest_email=f"customer{n}@generated.example",
                    date_placed=placed,
                )
            )
            lines.append(order_lines)
        orders = Order.objects.bulk_create(orders)
        Line.objects.bulk_create(
            Line(
                order=order,
                partner=record.partner,
                partner_name=record.partner.name,
                partner_sku=record.partner_sku,
                product=record.product,
                title=record.product.title_fa,
                upc=record.product.upc,
                quantity=quantity,
                line_price_incl_tax=record.price * quantity,
                line_price_excl_tax=record.price * quantity,
                line_price_before_discounts_incl_tax=record.price * quantity,
                line_price_before_discounts_excl_tax=record.price * quantity,
                unit_price_incl_tax=record.price,
                unit_price_excl_tax=record.price,
                num_allocated=0,
                status="Delivered" if order.status == "Complete" else "Pending",
            )
            for order, order_lines in zip(orders, lines, strict=True)
            for record, quantity in order_lines
        )
