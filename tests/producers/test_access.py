"""Who may open which portal and staff page: every view × every role, and attempts at others' objects.

Anonymous visitors are sent to sign in; a wrong role gets 403; another
producer's object is 404 (as if it did not exist), never 403.
"""

import pytest

from catalogue.models import Product, ProductImage
from producers.models import Brand, LineShipment, NetworkMembership, Producer
from tests.factories import ProductFactory, UserFactory, png_bytes
from tests.producers.conftest import listing_data
from tests.producers.factories import (
    ApplicationFactory,
    CourseFactory,
    accept_into_network,
    complete_training,
    officer_user,
    order_with_lines,
    portal_producer,
    staff_user,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "customer", "producer_a", "producer_b", "lead", "officer", "staff"]
OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, 403, 404
LOGIN = "login"


@pytest.fixture
def world(carpet_template, carpets_category):
    """Home producers A (in the lead's network) and B, a lead business, their things, an order with lines of both."""
    course = CourseFactory(required_for=[carpet_template])
    a = portal_producer(crafts=[carpet_template], slug="producer-a")
    b = portal_producer(crafts=[carpet_template], slug="producer-b")
    lead = portal_producer(kind=Producer.Kind.LEAD, crafts=[carpet_template], slug="lead")
    for producer in (a, b, lead):
        complete_training(producer, carpet_template)
    accept_into_network(lead, a)
    invitation = NetworkMembership.objects.create(lead=portal_producer(kind=Producer.Kind.LEAD), member=a)
    product_a = ProductFactory(producer=a, product_class=carpet_template, categories=[carpets_category], image=True)
    product_b = ProductFactory(producer=b, product_class=carpet_template, categories=[carpets_category], image=True)
    order = order_with_lines(product_a, product_b)
    line_a, line_b = order.lines.order_by("pk")
    order_b_only = order_with_lines(ProductFactory(producer=b, product_class=carpet_template))
    return {
        "craft": carpet_template,
        "category": carpets_category,
        "course": course,
        "a": a,
        "b": b,
        "lead": lead,
        "product_a": product_a,
        "product_b": product_b,
        "stock_a": product_a.stockrecords.get(),
        "stock_b": product_b.stockrecords.get(),
        "image_b": product_b.images.get(),
        "brand_a": a.brands.get(),
        "brand_b": b.brands.get(),
        "order": order,
        "order_b_only": order_b_only,
        "line_a": line_a,
        "line_b": line_b,
        "invitation_a": invitation,
        "application": ApplicationFactory(),
        "enrolment": a.enrolments.get(),
    }


def user_for(role, world):
    if role == "anonymous":
        return None
    if role == "customer":
        return UserFactory()
    if role == "officer":
        return officer_user()
    if role == "staff":
        return staff_user()
    return {"producer_a": world["a"], "producer_b": world["b"], "lead": world["lead"]}[role].user


# Expected answers: a role not named gets "others". Producer A owns the objects in the URLs.
STAFF_PAGE = {"anonymous": LOGIN, "staff": OK, "others": FORBIDDEN}
PORTAL_PAGE = {"anonymous": LOGIN, "producer_a": OK, "producer_b": OK, "lead": OK, "others": FORBIDDEN}
A_OBJECT = {"anonymous": LOGIN, "producer_a": OK, "producer_b": MISSING, "lead": MISSING, "others": FORBIDDEN}
A_ACTION = {**A_OBJECT, "producer_a": REDIRECT}
STAFF_ACTION = {**STAFF_PAGE, "staff": REDIRECT}

VIEWS = [
    # Programme staff
    ("get", "/en/dashboard/producers/applications/", STAFF_PAGE),
    ("get", "/en/dashboard/producers/applications/{application.pk}/", STAFF_PAGE),
    ("get", "/en/dashboard/producers/courses/", STAFF_PAGE),
    ("get", "/en/dashboard/producers/courses/create/", STAFF_PAGE),
    ("get", "/en/dashboard/producers/courses/{course.pk}/", STAFF_PAGE),
    ("get", "/en/dashboard/producers/training/", STAFF_PAGE),
    ("get", "/en/dashboard/producers/training/enrol/", STAFF_PAGE),
    ("post", "/en/dashboard/producers/training/{enrolment.pk}/complete/", STAFF_ACTION),
    # The producer portal
    (
        "get",
        "/en/dashboard/",
        {"anonymous": LOGIN, "staff": OK, "producer_a": OK, "producer_b": OK, "lead": OK, "others": FORBIDDEN},
    ),
    ("get", "/en/dashboard/producers/portal/profile/", PORTAL_PAGE),
    ("get", "/en/dashboard/producers/portal/brands/", PORTAL_PAGE),
    ("get", "/en/dashboard/producers/portal/brands/create/", PORTAL_PAGE),
    ("get", "/en/dashboard/producers/portal/brands/{brand_a.pk}/", A_OBJECT),
    ("get", "/en/dashboard/producers/portal/stock/", PORTAL_PAGE),
    ("get", "/en/dashboard/producers/portal/stock/{stock_a.pk}/", A_OBJECT),
    ("get", "/en/dashboard/producers/portal/training/", PORTAL_PAGE),
    ("get", "/en/dashboard/producers/portal/network/", PORTAL_PAGE),
    (
        "post",
        "/en/dashboard/producers/portal/network/invite/",
        {**PORTAL_PAGE, "producer_a": FORBIDDEN, "producer_b": FORBIDDEN, "lead": REDIRECT},
    ),
    ("post", "/en/dashboard/producers/portal/network/invitations/{invitation_a.pk}/accept/", A_ACTION),
    # Oscar's catalogue and orders dashboards, forked
    ("get", "/en/dashboard/catalogue/", {**PORTAL_PAGE, "staff": OK}),
    ("get", "/en/dashboard/catalogue/products/create/{craft.slug}/", PORTAL_PAGE),
    ("get", "/en/dashboard/catalogue/products/{product_a.pk}/", A_OBJECT),  # editing needs more than reading
    ("get", "/en/dashboard/catalogue/products/{product_a.pk}/delete/", A_OBJECT),
    ("get", "/en/dashboard/catalogue/products/bulk-action/", {"anonymous": LOGIN, "others": FORBIDDEN}),
    ("get", "/en/dashboard/catalogue/product-lookup/", {"anonymous": LOGIN, "staff": OK, "others": FORBIDDEN}),
    ("get", "/en/dashboard/orders/", {**PORTAL_PAGE, "staff": OK}),
    # B has a line in it too; programme staff read every order
    ("get", "/en/dashboard/orders/{order.number}/", {**A_OBJECT, "producer_b": OK, "staff": OK}),
    (
        "get",
        "/en/dashboard/orders/{order_b_only.number}/",
        {**A_OBJECT, "producer_a": MISSING, "producer_b": OK, "staff": OK},
    ),
    ("get", "/en/dashboard/orders/{order.number}/lines/{line_a.pk}/", {**A_OBJECT, "staff": OK}),
    ("get", "/en/dashboard/orders/statistics/", {"anonymous": LOGIN, "staff": OK, "others": FORBIDDEN}),
    # Programme staff read orders; changing one (address, status, notes, refunds) is not theirs.
    ("get", "/en/dashboard/orders/{order.number}/shipping-address/", {"anonymous": LOGIN, "others": FORBIDDEN}),
    (
        "post",
        "/en/dashboard/orders/{order.number}/",
        {"anonymous": LOGIN, "producer_a": REDIRECT, "producer_b": REDIRECT, "lead": REDIRECT, "others": FORBIDDEN},
    ),
    # Applying
    ("get", "/en/producers/apply/", {"anonymous": LOGIN, "others": OK}),
]
POST_DATA = {
    "/en/dashboard/producers/portal/network/invite/": {"producer": "producer-b"},
    "/en/dashboard/orders/{order.number}/": {"order_action": "change_order_status", "new_status": "Cancelled"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "template", "expected"), VIEWS, ids=[f"{m} {t}" for m, t, _e in VIEWS])
def test_access_matrix(client, world, role, method, template, expected):
    url = template.format(**world)
    user = user_for(role, world)
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, POST_DATA.get(template, {}))
    wanted = expected.get(role, expected.get("others"))
    if wanted == LOGIN:
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], response["Location"]
    else:
        assert response.status_code == wanted, f"{role} {method.upper()} {url}"


# --- Attempts at another producer's objects --------------------------------------------------------


def edit_data(world, product, **overrides):
    data = listing_data(world["a"], world["category"])
    data.update(
        {
            "stockrecords-INITIAL_FORMS": "1",
            "stockrecords-0-id": product.stockrecords.get().pk,
            "productcategory_set-INITIAL_FORMS": "1",
            "productcategory_set-0-id": product.categories.through.objects.get(product=product).pk,
        }
    )
    data.update(overrides)
    return data


def test_editing_or_deleting_anothers_product(client, world):
    client.force_login(world["a"].user)
    product_b = world["product_b"]
    edit = client.post(
        f"/en/dashboard/catalogue/products/{product_b.pk}/", edit_data(world, product_b, title_en="Mine")
    )
    assert edit.status_code == 404
    assert client.post(f"/en/dashboard/catalogue/products/{product_b.pk}/delete/").status_code == 404
    product_b.refresh_from_db()
    assert product_b.title_en != "Mine"
    # Nor through the list's bulk actions.
    client.post("/en/dashboard/catalogue/", {"action": "make_products_non_public", "selected_product": [product_b.pk]})
    product_b.refresh_from_db()
    assert product_b.is_public


def test_anothers_stock_record(client, world):
    client.force_login(world["a"].user)
    stock_b = world["stock_b"]
    direct = client.post(
        f"/en/dashboard/producers/portal/stock/{stock_b.pk}/", {"price": "1", "num_in_stock": "0", "lead_time_days": ""}
    )
    assert direct.status_code == 404
    # Smuggling B's record into A's own product form.
    product_a = world["product_a"]
    smuggled = client.post(
        f"/en/dashboard/catalogue/products/{product_a.pk}/",
        edit_data(world, product_a, **{"stockrecords-0-id": stock_b.pk, "stockrecords-0-price": "1"}),
    )
    assert smuggled.status_code in (200, 302)  # an unknown record is ignored or refused, never saved
    stock_b.refresh_from_db()
    assert stock_b.price != 1 and stock_b.product == world["product_b"]
    # Selling through B's partner is refused too.
    refused = client.post(
        f"/en/dashboard/catalogue/products/create/{world['craft'].slug}/",
        listing_data(world["a"], world["category"], **{"stockrecords-0-partner": world["b"].partner_id}),
    )
    assert refused.status_code == 200
    assert not Product.objects.filter(producer=world["a"]).exclude(pk=product_a.pk).exists()


def test_anothers_images(client, world):
    client.force_login(world["a"].user)
    product_a, image_b = world["product_a"], world["image_b"]
    data = edit_data(world, product_a)
    data.update(
        {
            "images-TOTAL_FORMS": "1",
            "images-INITIAL_FORMS": "1",
            "images-0-id": image_b.pk,
            "images-0-product": world["product_b"].pk,
            "images-0-DELETE": "on",
            "images-0-display_order": "0",
        }
    )
    response = client.post(f"/en/dashboard/catalogue/products/{product_a.pk}/", data)
    assert response.status_code in (200, 302)  # an unknown image is ignored or refused, never touched
    assert ProductImage.objects.filter(pk=image_b.pk, product=world["product_b"]).exists()


def test_a_new_image_cannot_be_attached_to_anothers_product(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world["a"].user)
    product_a = world["product_a"]
    ProductImage.objects.filter(product=product_a).delete()
    data = edit_data(world, product_a)
    data.update(
        {
            "images-TOTAL_FORMS": "1",
            "images-0-product": world["product_b"].pk,
            "images-0-display_order": "0",
            "images-0-original": SimpleUploadedFile("x.png", png_bytes()),
        }
    )
    response = client.post(f"/en/dashboard/catalogue/products/{product_a.pk}/", data)
    assert response.status_code == 200
    assert response.context["image_formset"].forms[0].errors["product"]  # the inline value must be A's product
    assert world["product_b"].images.count() == 1
    assert product_a.images.count() == 0


def test_anothers_order_line(client, world):
    client.force_login(world["a"].user)
    order, line_b = world["order"], world["line_b"]
    url = f"/en/dashboard/orders/{order.number}/lines/{line_b.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"tracking_reference": "STOLEN"}).status_code == 404
    assert not LineShipment.objects.exists()
    # The order page lists only A's own line.
    page = client.get(f"/en/dashboard/orders/{order.number}/")
    assert list(page.context["lines"]) == [world["line_a"]]
    # Oscar's own line actions are not available to producers.
    client.post(
        f"/en/dashboard/orders/{order.number}/",
        {"line_action": "change_line_statuses", "selected_line": [line_b.pk], "new_status": "Cancelled"},
    )
    line_b.refresh_from_db()
    assert line_b.status == ""


def test_anothers_brand_and_invitation(client, world):
    client.force_login(world["b"].user)
    brand_a = world["brand_a"]
    assert (
        client.post(
            f"/en/dashboard/producers/portal/brands/{brand_a.pk}/", {"name_fa": "دزدیده", "name_en": "x"}
        ).status_code
        == 404
    )
    assert Brand.objects.get(pk=brand_a.pk).name_fa != "دزدیده"
    invitation = world["invitation_a"]
    assert client.post(f"/en/dashboard/producers/portal/network/invitations/{invitation.pk}/accept/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == NetworkMembership.Status.INVITED


def test_a_lead_cannot_edit_a_members_product(client, world):
    """Being in a network gives the lead no rights over the member's own listings."""
    client.force_login(world["lead"].user)
    assert client.get(f"/en/dashboard/catalogue/products/{world['product_a'].pk}/").status_code == 404
    listing = client.get("/en/dashboard/catalogue/")
    assert world["product_a"] not in [row.record for row in listing.context["products"].rows]


def test_an_account_with_dashboard_access_but_no_producer(client, world):
    from tests.producers.factories import producers_group

    user = UserFactory()
    user.groups.add(producers_group())
    client.force_login(user)
    assert client.get("/en/dashboard/catalogue/").status_code == 200  # an empty list
    assert client.get(f"/en/dashboard/catalogue/products/create/{world['craft'].slug}/").status_code == 403
    assert client.get(f"/en/dashboard/catalogue/products/{world['product_a'].pk}/").status_code == 403
    assert client.get("/en/dashboard/producers/portal/profile/").status_code == 403


def test_programme_staff_cannot_change_an_order_they_can_read(client, world):
    order = world["order"]
    client.force_login(staff_user())
    assert client.get(f"/en/dashboard/orders/{order.number}/").status_code == 200
    response = client.post(
        f"/en/dashboard/orders/{order.number}/", {"order_action": "change_order_status", "new_status": "Cancelled"}
    )
    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status != "Cancelled"
