"""Shared setup for the producers tests: a craft template with ranges, a frozen calendar, form data."""

from datetime import datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.models import ProductAttribute
from tests.factories import ProductClassFactory, RegionFactory, category
from tests.producers.factories import adult_birthday, national_id


@pytest.fixture
def freeze_today(monkeypatch):
    """Make `timezone.now()` a fixed noon (programme time zone) on the given day."""

    def freeze(day):
        moment = timezone.make_aware(datetime.combine(day, time(12, 0)))
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.fixture
def carpet_template(db):
    """A craft template like the demo's hand-woven carpet: required attributes with allowed ranges."""
    craft = ProductClassFactory(slug="hand_woven_carpet", name_fa="فرش دستباف", name_en="Hand-woven carpet")
    ProductAttribute.objects.create(
        product_class=craft,
        code="knot_density",
        name="Knot density",
        name_fa="تراکم گره",
        name_en="Knot density",
        type="integer",
        required=True,
        min_value=Decimal("25"),
        max_value=Decimal("85"),
    )
    ProductAttribute.objects.create(
        product_class=craft,
        code="width_cm",
        name="Width (cm)",
        name_fa="عرض (سانتی‌متر)",
        name_en="Width (cm)",
        type="float",
        required=True,
        min_value=Decimal("30"),
        max_value=Decimal("400"),
    )
    return craft


@pytest.fixture
def carpets_category(db):
    return category("Carpets", "فرش")


def application_data(region=None, craft=None, **overrides):
    """POST data for /producers/apply/ that passes every rule."""
    region = region or RegionFactory()
    craft = craft or ProductClassFactory()
    data = {
        "level": "home",
        "full_name": "مریم رستمی",
        "national_id": national_id(),
        "date_of_birth": adult_birthday().isoformat(),
        "native_region": region.pk,
        "registration_region": region.pk,
        "employed_full_time": "False",
        "employer_insured": "False",
        "crafts": [craft.pk],
        "business_name_fa": "",
        "business_name_en": "",
        "business_description": "تابلو فرش ریزبافت در خانه",
        "phone": "09141234567",
    }
    data.update(overrides)
    return data


def listing_data(producer, category_node, **overrides):
    """POST data for the portal's product form (a standalone carpet listing)."""
    brand = producer.brands.first()
    data = {
        "title_fa": "قالی دستباف نمین",
        "title_en": "Namin hand-woven carpet",
        "description_fa": "پشم محلی، رنگ گیاهی",
        "description_en": "Local wool, plant dyes",
        "brand": brand.pk if brand else "",
        "lead_time_days": "",
        "attr_knot_density": "40",
        "attr_width_cm": "150",
        "productcategory_set-TOTAL_FORMS": "1",
        "productcategory_set-INITIAL_FORMS": "0",
        "productcategory_set-MIN_NUM_FORMS": "0",
        "productcategory_set-MAX_NUM_FORMS": "1000",
        "productcategory_set-0-category": category_node.pk,
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "1000",
        "stockrecords-TOTAL_FORMS": "1",
        "stockrecords-INITIAL_FORMS": "0",
        "stockrecords-MIN_NUM_FORMS": "0",
        "stockrecords-MAX_NUM_FORMS": "1000",
        "stockrecords-0-partner": producer.partner_id,
        "stockrecords-0-partner_sku": "NAMIN-1",
        "stockrecords-0-num_in_stock": "3",
        "stockrecords-0-low_stock_threshold": "",
        "stockrecords-0-price": "12500000",
        "action": "save",
    }
    data.update(overrides)
    return data
