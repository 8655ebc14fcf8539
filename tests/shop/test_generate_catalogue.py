"""`manage.py generate_catalogue`: a large catalogue that the gate, the search and the shop accept as real."""

import io

import pytest
from django.core.management import CommandError, call_command
from oscar.apps.order.models import Order

from catalogue.models import Product, ProductImage
from producers.models import Producer
from shop.demo.bulk import UPC_PREFIX
from shop.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def generate(**options):
    out, err = io.StringIO(), io.StringIO()
    call_command("generate_catalogue", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def generated():
    return generate(products=48, producers=6, batch_size=20, pictures=1)


def test_every_generated_product_is_certified_bilingual_and_in_stock_or_made_to_order(generated):
    products = Product.objects.filter(upc__startswith=UPC_PREFIX)
    assert products.count() == 48
    assert Product.objects.browsable().filter(upc__startswith=UPC_PREFIX).count() == 48  # the gate accepts them
    for product in products.prefetch_related("stockrecords", "attribute_values__attribute"):
        assert product.title_fa and product.title_en and product.title_fa != product.title_en
        record = product.stockrecords.get()
        assert record.price > 0
        assert record.num_in_stock > 0 or product.lead_time_days
        for value in product.attribute_values.all():
            attribute = value.attribute
            if attribute.type in ("integer", "float"):
                assert attribute.min_value <= value.value <= attribute.max_value, (product.upc, attribute.code)
    # Standardized: every craft's required attributes are there.
    craft_products = products.filter(product_class__slug="honey")
    assert craft_products.exists()
    assert all(product.attribute_values.count() == 4 for product in craft_products)


def test_pictures_are_drawn_once_per_craft_and_shared_by_reference(generated):
    # (generated with --pictures 1)
    images = ProductImage.objects.filter(product__upc__startswith=UPC_PREFIX)
    assert images.count() == 48
    assert images.values("original").distinct().count() == 8  # one per craft


def test_producers_orders_and_the_search_index_come_with_it(generated):
    out, err = generated
    assert Producer.objects.filter(slug__startswith="gen-producer-").count() == 6
    orders = Order.objects.filter(number__startswith="GEN-")
    assert orders.count() == 48 // 20
    assert all(order.lines.exists() for order in orders)
    assert SearchDocument.objects.filter(product__upc__startswith=UPC_PREFIX).count() == 48
    assert "products: [" in err  # the progress bar
    assert "48 products" in out


def test_a_second_run_adds_only_what_is_missing(generated):
    generate(products=48, producers=6, pictures=1)
    assert Product.objects.filter(upc__startswith=UPC_PREFIX).count() == 48
    generate(products=60, producers=6, orders=2, pictures=1)
    assert Product.objects.filter(upc__startswith=UPC_PREFIX).count() == 60
    assert Producer.objects.filter(slug__startswith="gen-producer-").count() == 6


def test_nonsense_sizes_are_refused():
    with pytest.raises(CommandError):
        generate(products=-1)
    with pytest.raises(CommandError):
        generate(products=10, producers=0)
