"""`load_demo`: the demo market is complete, consistent and idempotent.

The demo is loaded twice for the whole module, inside a transaction rolled back at
the end; every test reads the result.
"""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from oscar.apps.address.models import Country
from oscar.apps.partner.models import Partner, StockRecord
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Locale, Page, Site

from catalogue.models import (
    Category,
    Product,
    ProductAttribute,
    ProductAttributeValue,
    ProductClass,
    ProductImage,
)
from cms.models import HomePage
from producers.models import Brand, NetworkMembership, Producer, Region
from quality.models import Certificate, CertificationApplication
from shop import roles

pytestmark = pytest.mark.django_db

TOUCHED_MODELS = [
    Product,
    StockRecord,
    ProductImage,
    ProductAttributeValue,
    Category,
    ProductClass,
    ProductAttribute,
    Producer,
    Partner,
    Brand,
    Region,
    NetworkMembership,
    get_user_model(),
    Group,
    Page,
    WagtailImage,
    Locale,
    Country,
    CertificationApplication,
    Certificate,
]

ACCOUNTS = {
    "customer@demo.example": "demo-customer-1404",
    "producer@demo.example": "demo-producer-1404",
    "officer@demo.example": "demo-officer-1404",
    "staff@demo.example": "demo-staff-1404",
    "editor@demo.example": "demo-editor-1404",
    "admin@demo.example": "demo-admin-1404",
}

CRAFTS = [
    "hand_woven_carpet",
    "tableau_carpet",
    "kilim",
    "honey",
    "medicinal_herbs",
    "hand_sewn_leather",
    "traditional_embroidery",
    "clothing",
]

# craft -> (lowest, highest) plausible price in toman
PRICE_RANGES = {
    "honey": (450_000, 1_500_000),
    "medicinal_herbs": (150_000, 600_000),
    "hand_sewn_leather": (900_000, 6_000_000),
    "clothing": (1_200_000, 8_000_000),
    "traditional_embroidery": (800_000, 12_000_000),
    "kilim": (6_000_000, 40_000_000),
    "tableau_carpet": (8_000_000, 60_000_000),
    "hand_woven_carpet": (25_000_000, 180_000_000),
}


def snapshot():
    return {
        "counts": {model._meta.label: model.objects.count() for model in TOUCHED_MODELS},
        "prices": dict(StockRecord.objects.values_list("partner_sku", "price")),
        "versions": dict(Product.objects.values_list("upc", "content_version")),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    # Module fixtures run before conftest's per-test settings: isolate media and hash fast here too.
    base = tmp_path_factory.getbasetemp()
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(
            MEDIA_ROOT=str(base / "media"), PRIVATE_MEDIA_ROOT=str(base / "private"), PASSWORD_HASHERS=fast
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        first_output = io.StringIO()
        call_command("load_demo", stdout=first_output)
        first = snapshot()
        call_command("load_demo", stdout=io.StringIO())
        second = snapshot()
        yield {"first": first, "second": second, "output": first_output.getvalue()}
        transaction.set_rollback(True)


def test_a_second_run_changes_no_counts_and_no_values(demo):
    assert demo["second"]["counts"] == demo["first"]["counts"]
    assert demo["second"]["prices"] == demo["first"]["prices"]
    assert demo["second"]["versions"] == demo["first"]["versions"]


def test_minimum_counts(demo):
    assert Region.objects.count() >= 6
    assert ProductClass.objects.filter(slug__in=CRAFTS).count() == 8
    assert Producer.objects.count() >= 12
    assert Product.objects.count() >= 60
    assert Producer.objects.filter(kind=Producer.Kind.LEAD).count() >= 2
    assert Country.objects.get(iso_3166_1_a2="IR").is_shipping_country


def test_every_demo_account_signs_in_with_its_printed_password(demo):
    for email, password in ACCOUNTS.items():
        user = authenticate(username=email, password=password)
        assert user is not None, email
        assert user.email == email and user.first_name and user.last_name
        assert email in demo["output"] and password in demo["output"]
    assert "demo only" in demo["output"]


def test_accounts_have_their_roles(demo, client):
    User = get_user_model()
    assert User.objects.get(email="officer@demo.example").groups.filter(name=roles.QUALITY_OFFICERS_GROUP).exists()
    staff = User.objects.get(email="staff@demo.example")
    assert roles.is_programme_staff(staff)
    assert User.objects.get(email="admin@demo.example").is_superuser
    assert client.login(username="editor@demo.example", password=ACCOUNTS["editor@demo.example"])
    assert client.get("/cms/").status_code == 200


def test_the_producer_account_runs_a_home_producer_with_products(demo):
    user = get_user_model().objects.get(email="producer@demo.example")
    producer = user.producer
    assert producer.kind == Producer.Kind.HOME
    assert producer.products.exists()
    assert producer.partner.users.filter(pk=user.pk).exists()
    assert user.groups.filter(name=roles.PRODUCERS_GROUP).exists()
    assert user.has_perm("partner.dashboard_access")


def test_producers_have_partners_brands_and_logos(demo):
    for producer in Producer.objects.select_related("partner", "region"):
        assert producer.partner.code == producer.slug
        assert producer.name_fa and producer.name_en and producer.story_fa and producer.story_en
        assert producer.logo and producer.crafts.exists()
        assert producer.brands.filter(kind=Brand.Kind.PRODUCER).count() == 1
        assert producer.products.exists(), producer.slug
    assert Brand.objects.filter(kind=Brand.Kind.COLLECTIVE, region__isnull=False).count() >= 2
    for region in Region.objects.all():
        assert region.priority_crafts.exists(), region.slug


def test_a_lead_business_sells_what_its_network_makes(demo):
    accepted = NetworkMembership.Status.ACCEPTED
    lead = Producer.objects.filter(kind=Producer.Kind.LEAD, network_memberships__status=accepted).distinct().get()
    members = lead.network_memberships.filter(status=NetworkMembership.Status.ACCEPTED)
    assert members.count() == 3
    made_by_members = Product.objects.filter(producer=lead, maker__in=members.values("member"))
    assert made_by_members.count() >= 2


def test_every_product_is_complete(demo):
    leaf_ids = {node.pk for node in Category.objects.all() if node.is_leaf()}
    for product in Product.objects.select_related("product_class", "producer"):
        assert product.is_public and product.structure == Product.STANDALONE
        assert product.title_fa and product.title_en and product.description_fa and product.description_en
        assert product.slug and product.slug.isascii()
        assert product.producer is not None and product.brand is not None
        assert product.images.exists(), product.upc
        categories = list(product.categories.all())
        assert categories and all(node.pk in leaf_ids for node in categories), product.upc
        stockrecord = product.stockrecords.get()
        assert stockrecord.partner_id == product.producer.partner_id
        assert stockrecord.price > 0 and stockrecord.price_currency == "IRT"
        low, high = PRICE_RANGES[product.product_class.slug]
        assert low <= stockrecord.price <= high, product.upc
        assert 1 <= stockrecord.num_in_stock <= 40
        if product.lead_time_days is not None:
            assert 14 <= product.lead_time_days <= 60
    assert Product.objects.filter(lead_time_days__isnull=False).exists()
    assert set(Product.objects.values_list("product_class__slug", flat=True)) == set(CRAFTS)
    assert Product.objects.values("producer").distinct().count() == Producer.objects.count()


def test_every_attribute_value_is_set_and_inside_its_range(demo):
    for product in Product.objects.select_related("product_class"):
        required = set(product.product_class.attributes.filter(required=True).values_list("code", flat=True))
        present = set(product.attribute_values.values_list("attribute__code", flat=True))
        assert required and required <= present, product.upc
    for value in ProductAttributeValue.objects.select_related("attribute"):
        attribute = value.attribute
        if attribute.type in (attribute.INTEGER, attribute.FLOAT):
            number = Decimal(str(value.value))
            assert attribute.min_value <= number <= attribute.max_value, (value.product_id, attribute.code)


def test_certified_products_are_on_sale(demo):
    assert Certificate.objects.count() >= 58
    assert Product.objects.browsable().count() == Certificate.objects.in_force().count()
    assert CertificationApplication.objects.filter(state=CertificationApplication.State.SUBMITTED).exists()


def test_the_home_page_exists_in_both_languages_and_is_the_site_root(demo, client):
    persian = HomePage.objects.get(locale__language_code="fa")
    english = HomePage.objects.get(locale__language_code="en", translation_key=persian.translation_key)
    assert persian.live and english.live
    assert Site.objects.get(is_default_site=True).root_page_id == persian.pk
    assert not Page.objects.filter(depth=2).exclude(pk__in=[persian.pk, english.pk]).exists()
    assert persian.body[0].block_type == "hero" and persian.body[0].value["image"] is not None
    assert english.body[0].value["link_url"] == "/en/catalogue/"
    assert "بازار محصولات خانگی" in persian.title
    assert client.get("/fa/").status_code == 200
    assert client.get("/en/").status_code == 200
