"""The listing gate on every path that shows or sells products, for every certification state.

Each path is asked whether it shows (or sells) a product that is in one of the
states below; only the states in LISTED may appear. Expiry is tested one second
either side of `valid_until` by moving the clock (`django.utils.timezone.now`).
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from oscar.apps.basket.models import Basket
from oscar.apps.offer.models import Benefit, Condition, ConditionalOffer, Range

from catalogue.models import (
    Product,
    ProductAttribute,
    ProductAttributeValue,
    ProductImage,
    ProductRecommendation,
)
from quality import workflow
from quality.models import CertificationApplication
from shop.partner.strategy import Selector
from tests.factories import (
    ProducerFactory,
    ProductClassFactory,
    ProductFactory,
    UserFactory,
    category,
    certify,
    home_pages,
    png_bytes,
    standard_for,
)

from .conftest import make_officer

pytestmark = pytest.mark.django_db

STATES = [
    "no certificate",
    "pending application",
    "approved",
    "one second before expiry",
    "one second after expiry",
    "suspended",
    "revoked",
    "title edited after approval",
    "attribute edited after approval",
    "main image replaced after approval",
    "price edited after approval",
    "stock edited after approval",
    "producer deactivated",
]
LISTED = {"approved", "one second before expiry", "price edited after approval", "stock edited after approval"}
MATERIAL_EDITS = {
    "title edited after approval",
    "attribute edited after approval",
    "main image replaced after approval",
}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


class Clock:
    """Moves `timezone.now` for the rest of the test (everything that asks "now" through the module sees it)."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def set(self, moment):
        self.monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def carpets():
    return category("Carpets", "فرش")


def make_product(state, clock, carpets):
    """A product in `state` (the clock may be moved for the expiry states)."""
    if state == "no certificate":
        return ProductFactory(certified=False, categories=[carpets])
    if state == "pending application":
        product = ProductFactory(certified=False, categories=[carpets])
        standard = standard_for(product.get_product_class())
        application = workflow.start_application(product, standard, product.producer.user)
        workflow.submit(application, product.producer.user)
        return product
    if state in ("one second before expiry", "one second after expiry"):
        product = ProductFactory(certified=False, categories=[carpets])
        certificate = certify(product, valid_until=timezone.now() + timedelta(hours=1))
        step = timedelta(seconds=-1 if state == "one second before expiry" else 1)
        clock.set(certificate.valid_until + step)
        return product
    if state in ("suspended", "revoked"):
        product = ProductFactory(certified=False, categories=[carpets])
        certify(product, status=state)
        return product
    if state == "attribute edited after approval":
        craft = ProductClassFactory()
        ProductAttribute.objects.create(product_class=craft, code="weight_g", name="Weight", type="integer")
        product = ProductFactory(certified=False, product_class=craft, categories=[carpets])
        # (Setting a first value through `product.attr` on a saved product trips catalogue.models: see the report.)
        ProductAttributeValue.objects.create(
            product=product, attribute=craft.attributes.get(code="weight_g"), value_integer=500
        )
        certify(product)
        product = Product.objects.get(pk=product.pk)
        product.attr.weight_g = 650
        product.save()
        return product
    product = ProductFactory(categories=[carpets])
    if state == "title edited after approval":
        product.title_en = "A new name"
        product.save()
    elif state == "main image replaced after approval":
        ProductImage.objects.create(
            product=product, original=ContentFile(png_bytes(colour=(1, 2, 3)), name="new.png"), display_order=0
        )
    elif state == "price edited after approval":
        record = product.stockrecords.get()
        record.price += Decimal("50000")
        record.save()
    elif state == "stock edited after approval":
        record = product.stockrecords.get()
        record.num_in_stock = 2
        record.save()
    elif state == "producer deactivated":
        product.producer.is_active = False
        product.producer.save()
    return product


@pytest.fixture(params=STATES)
def case(request, clock, carpets):
    state = request.param
    product = make_product(state, clock, carpets)
    return state, Product.objects.get(pk=product.pk)


def pks(products):
    return {product.pk for product in products}


# --- The predicate itself ------------------------------------------------------------------------


def test_the_predicate_and_the_model_agree(case):
    state, product = case
    expected = state in LISTED
    assert Product.objects.listable().filter(pk=product.pk).exists() is expected
    assert Product.objects.browsable().filter(pk=product.pk).exists() is expected
    assert Product.objects.base_queryset().get(pk=product.pk).is_listable is expected
    assert product.is_listable is expected


@pytest.mark.parametrize("state", sorted(MATERIAL_EDITS))
def test_a_material_edit_leaves_an_open_application(state, clock, carpets):
    product = make_product(state, clock, carpets)
    application = CertificationApplication.objects.get(product=product, state=CertificationApplication.State.SUBMITTED)
    assert application.product_version == Product.objects.get(pk=product.pk).content_version
    assert application.renews is not None


# --- Lists ---------------------------------------------------------------------------------------


def test_catalogue_list(client, case):
    state, product = case
    response = client.get(reverse("catalogue:index"))
    assert response.status_code == 200
    assert (product.pk in pks(response.context["products"])) is (state in LISTED)
    assert (product.get_absolute_url() in response.text) is (state in LISTED)


def test_category_list(client, case, carpets):
    state, product = case
    response = client.get(carpets.get_absolute_url())
    assert response.status_code == 200
    assert (product.pk in pks(response.context["products"])) is (state in LISTED)


def test_producer_shop_page(client, case):
    state, product = case
    if state == "producer deactivated":
        assert client.get(product.producer.get_absolute_url()).status_code == 404
        return
    response = client.get(product.producer.get_absolute_url())
    assert response.status_code == 200
    assert (product.pk in pks(response.context["products"])) is (state in LISTED)


def test_home_page_newest_products(client, case):
    state, product = case
    home_pages()
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert (product.pk in pks(response.context["newest_products"])) is (state in LISTED)


# --- Product detail ------------------------------------------------------------------------------


def test_product_detail_for_the_public(client, case):
    state, product = case
    response = client.get(product.get_absolute_url())
    assert response.status_code == (200 if state in LISTED else 404)


@pytest.mark.parametrize("viewer", ["its producer", "a quality officer"])
def test_product_detail_for_its_producer_and_officers_shows_a_banner(client, case, viewer):
    state, product = case
    user = product.producer.user if viewer == "its producer" else make_officer()
    client.force_login(user)
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert ("unlisted-banner" in response.text) is (state not in LISTED)
    # The mark shows the certificate in force for this version (a deactivated producer's product still has one).
    assert ("quality-mark" in response.text) is (state in LISTED | {"producer deactivated"})


def test_another_producer_does_not_see_an_unlisted_product(client, case):
    state, product = case
    client.force_login(ProducerFactory().user)
    assert client.get(product.get_absolute_url()).status_code == (200 if state in LISTED else 404)


# --- Basket and checkout -------------------------------------------------------------------------


def basket_quantities(user):
    basket = Basket.open.get(owner=user)
    return {line.product_id: line.quantity for line in basket.all_lines()}


def test_basket_add(client, case):
    state, product = case
    customer = UserFactory()
    client.force_login(customer)
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert response.status_code == 302
    in_basket = product.pk in basket_quantities(customer) if Basket.open.filter(owner=customer).exists() else False
    assert in_basket is (state in LISTED)
    if state not in LISTED:
        errors = [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]
        assert any("Not on sale" in message for message in errors), errors


def test_basket_revalidation_and_checkout(client, case):
    """A product that is already in a basket is flagged on the basket page and refused at checkout."""
    state, product = case
    customer = UserFactory()
    control = ProductFactory()
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy()
    basket.add_product(control, 1)
    basket.add_product(product, 1)
    client.force_login(customer)

    page = client.get(reverse("basket:summary"))
    assert ('class="availability not-listed"' in page.text) is (state not in LISTED)

    response = client.get(reverse("checkout:index"))
    assert response.status_code == 302
    if state in LISTED:
        assert response.headers["Location"] != reverse("basket:summary")
    else:
        assert response.headers["Location"] == reverse("basket:summary")
        warnings = " ".join(str(message) for message in get_messages(response.wsgi_request))
        assert product.get_title() in warnings and "Not on sale" in warnings
        # The rest of the basket is kept.
        assert basket_quantities(customer)[control.pk] == 1


def test_a_certificate_revoked_while_the_product_sits_in_a_basket(client, carpets):
    """Added while listed; revoked by an officer; checkout refuses it and keeps the rest of the basket."""
    customer = UserFactory()
    honey, carpet = ProductFactory(categories=[carpets]), ProductFactory(categories=[carpets])
    client.force_login(customer)
    for product in (honey, carpet):
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert basket_quantities(customer) == {honey.pk: 1, carpet.pk: 1}

    workflow.revoke(honey.certificates.get(), make_officer(), "Adulterated: sugar syrup found in the lab test")

    response = client.get(reverse("checkout:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    text = " ".join(str(message) for message in response.context["messages"])
    assert honey.get_title() in text and "no longer available" in text and "Not on sale" in text
    assert basket_quantities(customer) == {honey.pk: 1, carpet.pk: 1}
    assert 'class="availability not-listed"' in response.text
    # Removing the refused line lets the customer go on with the rest.
    Basket.open.get(owner=customer).lines.filter(product=honey).delete()
    response = client.get(reverse("checkout:index"))
    assert response.headers["Location"] != reverse("basket:summary")
    assert basket_quantities(customer) == {carpet.pk: 1}


# --- Offers, ranges, recommendations -------------------------------------------------------------


def test_offers_and_ranges(client, case):
    state, product = case
    offer_range = Range.objects.create(name="Spring", slug="spring", is_public=True)
    offer_range.add_product(product)
    offer = ConditionalOffer.objects.create(
        name="Spring offer",
        slug="spring-offer",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=offer_range, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=offer_range, type=Benefit.PERCENTAGE, value=10),
    )
    expected = state in LISTED
    assert (product.pk in pks(offer_range.all_products().browsable())) is expected
    assert (product.pk in pks(offer.products())) is expected
    offer_page = client.get(reverse("offer:detail", kwargs={"slug": offer.slug}))
    assert offer_page.status_code == 200
    assert (product.pk in pks(offer_page.context["products"])) is expected
    range_page = client.get(reverse("catalogue:range", kwargs={"slug": offer_range.slug}))
    assert range_page.status_code == 200
    assert (product.pk in pks(range_page.context["products"])) is expected


def test_recommendations(client, case):
    state, product = case
    primary = ProductFactory()
    ProductRecommendation.objects.create(primary=primary, recommendation=product, ranking=1)
    primary = Product.objects.get(pk=primary.pk)
    assert (product.pk in pks(primary.sorted_recommended_products)) is (state in LISTED)
    page = client.get(primary.get_absolute_url())
    assert page.status_code == 200
    assert (product.get_absolute_url() in page.text) is (state in LISTED)


# --- Query bounds --------------------------------------------------------------------------------


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (thumbnails, category tree)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def grow_mixed_catalogue(count, clock, carpets):
    """Products in every state, so that the gate's work is on the page whatever it shows."""
    for index in range(count):
        make_product(
            ["approved", "revoked", "no certificate", "title edited after approval"][index % 4], clock, carpets
        )


@pytest.mark.parametrize("page", ["catalogue", "category", "home"])
def test_lists_do_not_add_a_query_per_product_for_the_gate(client, clock, carpets, page):
    home_pages()
    url = {"catalogue": reverse("catalogue:index"), "category": carpets.get_absolute_url(), "home": reverse("home")}[
        page
    ]
    grow_mixed_catalogue(4, clock, carpets)
    small = count_queries(client, url)
    grow_mixed_catalogue(24, clock, carpets)
    large = count_queries(client, url)
    assert large == small, f"{url}: {small} queries with 1 listed product, {large} with 7"
