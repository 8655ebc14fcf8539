"""The producer portal: listings from craft templates, training gate, brands, makers, stock, dispatch."""

from decimal import Decimal

import pytest
from oscar.apps.order.models import ShippingEvent
from oscar.apps.partner.models import StockRecord

from catalogue.models import Product
from producers.models import LineShipment, Producer
from tests.factories import BrandFactory, ProductFactory, RegionFactory
from tests.producers.conftest import listing_data
from tests.producers.factories import (
    CourseFactory,
    accept_into_network,
    complete_training,
    order_with_lines,
    portal_producer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def weaver(carpet_template):
    producer = portal_producer(crafts=[carpet_template])
    CourseFactory(title_en="Business basics", kind="general", required_for=[carpet_template])
    CourseFactory(title_en="Carpet knotting", kind="specialised", craft=carpet_template, required_for=[carpet_template])
    complete_training(producer, carpet_template)
    return producer


def create_url(craft):
    return f"/en/dashboard/catalogue/products/create/{craft.slug}/"


def test_a_producer_lists_a_product_from_their_craft_template(client, weaver, carpet_template, carpets_category):
    client.force_login(weaver.user)
    form_page = client.get(create_url(carpet_template))
    assert form_page.status_code == 200
    form = form_page.context["form"]
    assert {"attr_knot_density", "attr_width_cm"} <= set(form.fields)
    assert "is_public" not in form.fields and "upc" not in form.fields and "producer" not in form.fields
    assert form.fields["attr_knot_density"].help_text == "Allowed: 25 to 85."

    response = client.post(create_url(carpet_template), listing_data(weaver, carpets_category, is_public=""))
    assert response.status_code == 302, response.context and response.context["form"].errors
    product = Product.objects.get()
    assert product.producer == weaver
    assert product.is_public  # certification alone decides whether it is listed
    assert product.product_class == carpet_template
    assert product.brand.producer == weaver
    assert (product.title_fa, product.title_en) == ("قالی دستباف نمین", "Namin hand-woven carpet")
    assert product.attr.knot_density == 40
    record = product.stockrecords.get()
    assert (record.partner, record.price, record.price_currency, record.num_in_stock) == (
        weaver.partner,
        Decimal("12500000"),
        "IRT",
        3,
    )
    assert not Product.objects.browsable().exists()  # not certified yet


def test_values_outside_the_standard_are_refused_by_the_model_layer(client, weaver, carpet_template, carpets_category):
    client.force_login(weaver.user)
    response = client.post(create_url(carpet_template), listing_data(weaver, carpets_category, attr_knot_density="5"))
    assert response.status_code == 200
    assert response.context["form"].errors["attr_knot_density"] == ["Knot density must be at least 25."]
    assert not Product.objects.exists()


def test_producers_never_set_is_public(client, weaver, carpet_template, carpets_category):
    client.force_login(weaver.user)
    client.post(create_url(carpet_template), listing_data(weaver, carpets_category))
    product = Product.objects.get()
    Product.objects.filter(pk=product.pk).update(is_public=False)  # withdrawn by staff
    data = listing_data(weaver, carpets_category, is_public="on", title_en="Renamed")
    data.update(
        {
            "stockrecords-INITIAL_FORMS": "1",
            "stockrecords-0-id": product.stockrecords.get().pk,
            "productcategory_set-INITIAL_FORMS": "1",
            "productcategory_set-0-id": product.categories.through.objects.get(product=product).pk,
        }
    )
    response = client.post(f"/en/dashboard/catalogue/products/{product.pk}/", data)
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title_en == "Renamed"
    assert product.is_public is False


def test_no_bulk_actions_for_producers(client, weaver, carpet_template):
    product = ProductFactory(producer=weaver, product_class=carpet_template, is_public=False, certified=False)
    client.force_login(weaver.user)
    listing = client.get("/en/dashboard/catalogue/")
    assert listing.status_code == 200
    assert listing.context["actions"] == {}
    response = client.post(
        "/en/dashboard/catalogue/", {"action": "make_products_public", "selected_product": [product.pk]}
    )
    assert response.status_code == 403
    assert client.get("/en/dashboard/catalogue/products/bulk-action/").status_code == 403
    product.refresh_from_db()
    assert product.is_public is False


def test_producers_only_choose_their_crafts(client, weaver, carpet_template):
    from tests.factories import ProductClassFactory

    honey = ProductClassFactory(slug="honey")
    client.force_login(weaver.user)
    listing = client.get("/en/dashboard/catalogue/")
    assert list(listing.context["productclass_form"].fields["product_class"].queryset) == [carpet_template]
    assert client.get(f"/en/dashboard/catalogue/products/create/?product_class={honey.pk}").status_code == 302
    refused = client.get(create_url(honey))
    assert refused.status_code == 403
    assert "not one of yours" in refused.content.decode()


def test_missing_training_is_named(client, carpet_template, carpets_category):
    producer = portal_producer(crafts=[carpet_template])
    CourseFactory(title_en="Business basics", title="Business basics", required_for=[carpet_template])
    CourseFactory(
        title_en="Carpet knotting",
        title="Carpet knotting",
        kind="specialised",
        craft=carpet_template,
        required_for=[carpet_template],
    )
    complete_training(producer, carpet_template)
    missing = CourseFactory(title_en="Natural dyes", title="Natural dyes", kind="specialised", craft=carpet_template)
    missing.required_for.set([carpet_template])
    client.force_login(producer.user)

    for response in (
        client.get(create_url(carpet_template)),
        client.post(create_url(carpet_template), listing_data(producer, carpets_category)),
    ):
        assert response.status_code == 403
        page = response.content.decode()
        assert "Natural dyes" in page and "Business basics" not in page
    assert not Product.objects.exists()

    # Editing an existing listing in the craft is refused too.
    existing = ProductFactory(producer=producer, product_class=carpet_template)
    assert client.get(f"/en/dashboard/catalogue/products/{existing.pk}/").status_code == 403

    complete_training(producer, carpet_template)
    assert client.get(create_url(carpet_template)).status_code == 200


def test_brands_offered_are_own_and_regional_collectives(client, weaver, carpet_template, carpets_category):
    collective = BrandFactory(kind="collective", producer=None, region=weaver.region, slug="ardabil-carpet")
    elsewhere = BrandFactory(kind="collective", producer=None, region=RegionFactory(), slug="fars-gabbeh")
    someone_elses = BrandFactory(slug="other-brand")
    client.force_login(weaver.user)
    form = client.get(create_url(carpet_template)).context["form"]
    offered = set(form.fields["brand"].queryset)
    assert offered == {weaver.brands.get(kind="producer"), collective}
    assert elsewhere not in offered and someone_elses not in offered
    refused = client.post(create_url(carpet_template), listing_data(weaver, carpets_category, brand=someone_elses.pk))
    assert refused.status_code == 200 and "brand" in refused.context["form"].errors
    accepted = client.post(create_url(carpet_template), listing_data(weaver, carpets_category, brand=collective.pk))
    assert accepted.status_code == 302
    assert Product.objects.get().brand == collective


def test_a_lead_business_credits_a_network_member(client, carpet_template, carpets_category):
    lead = portal_producer(kind=Producer.Kind.LEAD, crafts=[carpet_template])
    member = portal_producer(crafts=[carpet_template], region=lead.region)
    stranger = portal_producer(crafts=[carpet_template])
    accept_into_network(lead, member)
    client.force_login(lead.user)
    form = client.get(create_url(carpet_template)).context["form"]
    assert list(form.fields["maker"].queryset) == [member]

    refused = client.post(create_url(carpet_template), listing_data(lead, carpets_category, maker=stranger.pk))
    assert "maker" in refused.context["form"].errors
    client.post(create_url(carpet_template), listing_data(lead, carpets_category, maker=member.pk))
    product = Product.objects.get()
    assert (product.producer, product.maker) == (lead, member)

    client.force_login(member.user)
    assert "maker" not in client.get(create_url(carpet_template)).context["form"].fields


def test_descriptions_are_plain_text(client, weaver, carpet_template, carpets_category):
    client.force_login(weaver.user)
    client.post(
        create_url(carpet_template),
        listing_data(weaver, carpets_category, description_en='Wool & silk\n\n<script>alert("x")</script>'),
    )
    product = Product.objects.get()
    assert "<script>" not in product.description_en
    assert product.description_en.startswith("<p>Wool &amp; silk</p>")
    form = client.get(f"/en/dashboard/catalogue/products/{product.pk}/").context["form"]
    assert form.initial["description_en"].startswith("Wool & silk")


def test_stock_price_and_lead_time(client, weaver, carpet_template):
    product = ProductFactory(producer=weaver, product_class=carpet_template)
    record = product.stockrecords.get()
    client.force_login(weaver.user)
    listing = client.get("/en/dashboard/producers/portal/stock/")
    assert list(listing.context["stockrecords"]) == [record]
    response = client.post(
        f"/en/dashboard/producers/portal/stock/{record.pk}/",
        {"price": "990000", "num_in_stock": "0", "low_stock_threshold": "", "lead_time_days": "21"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    product.refresh_from_db()
    assert (record.price, record.num_in_stock, product.lead_time_days) == (Decimal("990000"), 0, 21)


def test_a_producer_dispatches_only_their_own_lines(client, weaver, carpet_template):
    other = portal_producer(crafts=[carpet_template])
    mine = ProductFactory(producer=weaver, product_class=carpet_template)
    theirs = ProductFactory(producer=other, product_class=carpet_template)
    order = order_with_lines(mine, theirs)
    my_line, their_line = order.lines.order_by("pk")
    client.force_login(weaver.user)

    listing = client.get("/en/dashboard/orders/")
    assert list(listing.context["lines"]) == [my_line]
    detail = client.get(f"/en/dashboard/orders/{order.number}/")
    assert detail.status_code == 200
    assert list(detail.context["lines"]) == [my_line]
    assert theirs.get_title() not in detail.content.decode()

    url = f"/en/dashboard/orders/{order.number}/lines/{my_line.pk}/"
    assert client.post(url, {"tracking_reference": ""}).status_code == 400
    assert client.post(url, {"tracking_reference": "IR-POST-123", "carrier": "Post"}).status_code == 302
    shipment = LineShipment.objects.get(line=my_line)
    assert (shipment.producer, shipment.tracking_reference, shipment.dispatched_by) == (
        weaver,
        "IR-POST-123",
        weaver.user,
    )
    event = ShippingEvent.objects.get(order=order)
    assert event.notes == "IR-POST-123" and list(event.lines.all()) == [my_line]
    again = client.post(url, {"tracking_reference": "IR-POST-999"})
    assert again.status_code == 400
    assert LineShipment.objects.get(line=my_line).tracking_reference == "IR-POST-123"

    # Another producer's line of the same order is not there.
    assert (
        client.post(
            f"/en/dashboard/orders/{order.number}/lines/{their_line.pk}/", {"tracking_reference": "X"}
        ).status_code
        == 404
    )
    assert not LineShipment.objects.filter(line=their_line).exists()


def test_producers_cannot_change_whole_orders(client, weaver, carpet_template):
    order = order_with_lines(ProductFactory(producer=weaver, product_class=carpet_template))
    order.status = "Pending"
    order.save()
    client.force_login(weaver.user)
    client.post(
        f"/en/dashboard/orders/{order.number}/",
        {"order_action": "change_order_status", "new_status": "Cancelled"},
    )
    order.refresh_from_db()
    assert order.status == "Pending"
    assert client.get("/en/dashboard/orders/statistics/").status_code == 403
    assert client.get(f"/en/dashboard/orders/{order.number}/shipping-address/").status_code == 403


def test_the_portal_home_shows_own_figures(client, weaver, carpet_template):
    ProductFactory(producer=weaver, product_class=carpet_template)
    client.force_login(weaver.user)
    page = client.get("/en/dashboard/")
    assert page.status_code == 200
    assert page.context["product_count"] == 1
    assert "total_revenue" not in page.context


def test_staff_still_get_oscars_pages(client, weaver, carpet_template):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    product = ProductFactory(producer=weaver, product_class=carpet_template)
    order = order_with_lines(product)
    client.force_login(admin)
    assert client.get("/en/dashboard/").context["total_orders"] == 1
    page = client.get(f"/en/dashboard/catalogue/products/{product.pk}/")
    assert page.status_code == 200
    assert {"is_public", "producer", "maker", "brand"} <= set(page.context["form"].fields)
    assert client.get(f"/en/dashboard/orders/{order.number}/").status_code == 200
    assert StockRecord.objects.count() == 1
