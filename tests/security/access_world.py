"""The people and objects the access matrix (test_access_matrix.py) requests pages with.

One producer (the *owner*) owns every producer-side object the URLs point at: a certified product
and its stock, an open certification application with evidence, a certificate, a brand, a training
enrolment, an invitation into a lead business's network, a running pre-order campaign and a line in
a customer's order. The *other producer* is a second producer of the same craft, signed in and
looking at the owner's objects. The customer owns the order, an address, a wish list and a
commitment to the owner's campaign. Each role is one user; `ROLES` lists them in the matrix order.
"""

import contextlib
from datetime import timedelta

from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from oscar.apps.address.models import UserAddress
from oscar.apps.order.models import OrderNote
from oscar.apps.wishlists.models import WishList
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Site

from producers.models import Enrolment, NetworkMembership, Producer, ReadinessRule
from quality.models import CertificationApplication, Evidence
from shop import roles
from tests.checkout.factories import shipping_country
from tests.cms.factories import article_page, editor_user
from tests.factories import ProductClassFactory, ProductFactory, UserFactory, home_pages, standard_for
from tests.preorders.factories import CampaignFactory, CommitmentFactory
from tests.producers.factories import (
    ApplicationFactory,
    CourseFactory,
    complete_training,
    officer_user,
    order_with_lines,
    portal_producer,
    staff_user,
)
from tests.security.access_urls import ADMIN_APP_INDEX

ANONYMOUS = "anonymous"
CUSTOMER = "customer"
PRODUCER = "producer"  # the owner of the objects in the URLs
OTHER_PRODUCER = "other_producer"  # a producer looking at the owner's objects
OFFICER = "officer"
STAFF = "staff"
EDITOR = "editor"
SUPERUSER = "superuser"
ROLES = [ANONYMOUS, CUSTOMER, PRODUCER, OTHER_PRODUCER, OFFICER, STAFF, EDITOR, SUPERUSER]


@contextlib.contextmanager
def isolated_media(tmp_path_factory):
    """Module fixtures run before the per-test settings of tests/conftest.py: keep uploads in tmp here too."""
    base = tmp_path_factory.getbasetemp()
    with override_settings(
        MEDIA_ROOT=str(base / "media"),
        PRIVATE_MEDIA_ROOT=str(base / "private"),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


def build_world():
    """Create the users and objects; returns a dict of them (users under "users", keyed by role)."""
    groups = roles.ensure_groups()
    craft = ProductClassFactory(slug="access-craft")
    course = CourseFactory(required_for=[craft])
    owner = portal_producer(crafts=[craft], slug="access-owner")
    other = portal_producer(crafts=[craft], slug="access-other")
    lead = portal_producer(kind=Producer.Kind.LEAD, crafts=[craft], slug="access-lead")
    for producer in (owner, other):
        complete_training(producer, craft)
    # A course the owner has started and not finished: what staff mark completed.
    enrolment = Enrolment.objects.create(producer=owner, course=CourseFactory())
    invitation = NetworkMembership.objects.create(lead=lead, member=owner)

    product = ProductFactory(producer=owner, product_class=craft)
    certificate = product.certificates.get()
    open_application = CertificationApplication.objects.create(
        product=product,
        producer=owner,
        standard=standard_for(craft),
        product_version=product.content_version,
        state=CertificationApplication.State.SUBMITTED,
        submitted_at=timezone.now(),
    )
    evidence = Evidence.objects.create(
        application=open_application,
        checklist_item=open_application.standard.checklist.first(),
        file=ContentFile(b"%PDF-1.4\n% evidence\n%%EOF\n", name="evidence.pdf"),
        original_name="evidence.pdf",
        content_type="application/pdf",
        uploaded_by=owner.user,
    )

    customer = UserFactory(username="access-customer")
    shipping_country()
    address = UserAddress.objects.create(
        user=customer, first_name="سپیده", last_name="کریمی", line1="خیابان امام", line4="اردبیل", country_id="IR"
    )
    wishlist = WishList.objects.create(owner=customer, name="Later")
    wishlist.add(product)
    order = order_with_lines(product, user=customer)
    superuser = UserFactory(username="access-superuser", is_staff=True, is_superuser=True)
    staff = staff_user(username="access-staff")
    note = OrderNote.objects.create(order=order, user=staff, message="Called the customer")
    campaign = CampaignFactory(product=product)
    commitment = CommitmentFactory(campaign=campaign, user=customer, email=customer.email)

    persian_home, _english_home = home_pages()
    article = article_page("access-news")
    editor = editor_user(username="access-editor")
    editor.groups.add(groups[roles.EDITORS_GROUP])

    return {
        "users": {
            CUSTOMER: customer,
            PRODUCER: owner.user,
            OTHER_PRODUCER: other.user,
            OFFICER: officer_user(username="access-officer"),
            STAFF: staff,
            EDITOR: editor,
            SUPERUSER: superuser,
        },
        "owner": owner,
        "other": other,
        "craft": craft,
        "course": course,
        "enrolment": enrolment,
        "invitation": invitation,
        "product": product,
        "stockrecord": product.stockrecords.get(),
        "brand": owner.brands.get(),
        "certificate": certificate,
        "certification_application": open_application,
        "standard": open_application.standard,
        "evidence": evidence,
        "producer_application": ApplicationFactory(),
        "address": address,
        "wishlist": wishlist,
        "wishlist_line": wishlist.lines.get(),
        "editors": groups[roles.EDITORS_GROUP],
        "site": Site.objects.get(is_default_site=True),
        "locale": persian_home.locale,
        "collection": Collection.get_first_root_node().add_child(name="Access matrix"),
        "redirect": Redirect.objects.create(old_path="/old-page", redirect_link="/"),
        "order": order,
        "line": order.lines.get(),
        "note": note,
        "campaign": campaign,
        "commitment": commitment,
        "readiness_rule": ReadinessRule.objects.create(year=timezone.localdate().year),
        "home": persian_home,
        "article": article,
        "category": product.categories.get(),
        "deadline": timezone.now() + timedelta(days=14),
    }


# The URL keyword arguments of each pattern that points at one of the world's objects. Patterns not
# listed get `MISSING` for every argument: an object that does not exist, so the answer shows the
# gate in front of the view (a role let through gets the view's own 404 or "does not exist" redirect).
MISSING = "0"

URL_KWARGS = {
    "<lang>/producers/<str:slug>/": lambda w: {"slug": w["owner"].slug},
    "<lang>/campaigns/commitments/<int:pk>/cancel/": lambda w: {"pk": w["commitment"].pk},
    "<lang>/campaigns/<int:pk>/": lambda w: {"pk": w["campaign"].pk},
    "<lang>/campaigns/<int:pk>/commit/": lambda w: {"pk": w["campaign"].pk},
    "<lang>/campaigns/card/commitments/<int:pk>/pay/": lambda w: {"pk": w["commitment"].pk},
    "<lang>/campaigns/card/commitments/<int:pk>/pay/intent/": lambda w: {"pk": w["commitment"].pk},
    "<lang>/campaigns/card/commitments/<int:pk>/pay/complete/": lambda w: {"pk": w["commitment"].pk},
    "<lang>/quality/applications/<int:pk>/": lambda w: {"pk": w["certification_application"].pk},
    "<lang>/quality/standards/<int:pk>/": lambda w: {"pk": w["standard"].pk},
    "<lang>/quality/certificates/<int:pk>/": lambda w: {"pk": w["certificate"].pk},
    "<lang>/quality/my/applications/<int:pk>/": lambda w: {"pk": w["certification_application"].pk},
    "<lang>/quality/my/certificates/<int:pk>/renew/": lambda w: {"pk": w["certificate"].pk},
    "<lang>/quality/evidence/<int:pk>/": lambda w: {"pk": w["evidence"].pk},
    "<lang>/certificates/<str:number>/": lambda w: {"number": w["certificate"].number},
    "<lang>/certificates/<str:number>/qr.svg": lambda w: {"number": w["certificate"].number},
    "<lang>/certificates/<str:number>/label/": lambda w: {"number": w["certificate"].number},
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/add/": lambda w: _product_kwargs(w),
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/": lambda w: _product_kwargs(w),
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/<int:pk>/": lambda w: {
        **_product_kwargs(w),
        "pk": MISSING,
    },
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/<int:pk>/vote/": lambda w: {
        **_product_kwargs(w),
        "pk": MISSING,
    },
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<pk>\d+)/$": lambda w: {
        "product_slug": w["product"].slug,
        "pk": w["product"].pk,
    },
    r"<lang>/catalogue/^category/(?P<category_slug>[\w-]+(/[\w-]+)*)_(?P<pk>\d+)/$": lambda w: {
        "category_slug": w["category"].full_slug,
        "pk": w["category"].pk,
    },
    "<lang>/basket/add/<int:pk>/": lambda w: {"pk": w["product"].pk},
    "<lang>/checkout/user-address/edit/<int:pk>/": lambda w: {"pk": w["address"].pk},
    "<lang>/checkout/user-address/delete/<int:pk>/": lambda w: {"pk": w["address"].pk},
    "<lang>/accounts/orders/<str:order_number>/": lambda w: {"order_number": w["order"].number},
    "<lang>/accounts/orders/<str:order_number>/<int:line_id>/": lambda w: {
        "order_number": w["order"].number,
        "line_id": w["line"].pk,
    },
    "<lang>/accounts/addresses/<int:pk>/": lambda w: {"pk": w["address"].pk},
    "<lang>/accounts/addresses/<int:pk>/delete/": lambda w: {"pk": w["address"].pk},
    r"<lang>/accounts/^addresses/(?P<pk>\d+)/(?P<action>default_for_(billing|shipping))/$": lambda w: {
        "pk": w["address"].pk,
        "action": "default_for_shipping",
    },
    r"<lang>/accounts/^order-status/(?P<order_number>[\w-]*)/(?P<hash>[A-z0-9-_=:]+)/$": lambda w: {
        "order_number": w["order"].number,
        "hash": "wrong-hash",
    },
    r"<lang>/accounts/^order-status-form/(?P<order_number>[\w-]*)/(?P<hash>[A-z0-9-_=:]+)/$": lambda w: {
        "order_number": w["order"].number,
        "hash": "wrong-hash",
    },
    "<lang>/accounts/alerts/create/<int:pk>/": lambda w: {"pk": w["product"].pk},
    "<lang>/accounts/wishlists/add/<int:product_pk>/": lambda w: {"product_pk": w["product"].pk},
    "<lang>/accounts/wishlists/<str:key>/add/<int:product_pk>/": lambda w: {
        "key": w["wishlist"].key,
        "product_pk": w["product"].pk,
    },
    "<lang>/accounts/wishlists/create/with-product/<int:product_pk>/": lambda w: {"product_pk": w["product"].pk},
    "<lang>/accounts/wishlists/<str:key>/": lambda w: {"key": w["wishlist"].key},
    "<lang>/accounts/wishlists/<str:key>/update/": lambda w: {"key": w["wishlist"].key},
    "<lang>/accounts/wishlists/<str:key>/delete/": lambda w: {"key": w["wishlist"].key},
    "<lang>/accounts/wishlists/<str:key>/lines/<int:line_pk>/delete/": lambda w: {
        "key": w["wishlist"].key,
        "line_pk": w["wishlist_line"].pk,
    },
    "<lang>/accounts/wishlists/<str:key>/products/<int:product_pk>/delete/": lambda w: {
        "key": w["wishlist"].key,
        "product_pk": w["product"].pk,
    },
    "<lang>/accounts/wishlists/<str:key>/lines/<int:line_pk>/move-to/<str:to_key>/": lambda w: {
        "key": w["wishlist"].key,
        "line_pk": w["wishlist_line"].pk,
        "to_key": w["wishlist"].key,
    },
    "<lang>/wishlists/<str:key>/": lambda w: {"key": w["wishlist"].key},
    "<lang>/dashboard/catalogue/products/<int:pk>/": lambda w: {"pk": w["product"].pk},
    "<lang>/dashboard/catalogue/products/<int:pk>/delete/": lambda w: {"pk": w["product"].pk},
    "<lang>/dashboard/catalogue/products/<int:parent_pk>/create-variant/": lambda w: {"parent_pk": w["product"].pk},
    r"<lang>/dashboard/catalogue/^products/create/(?P<product_class_slug>[\w-]+)/$": lambda w: {
        "product_class_slug": w["craft"].slug
    },
    "<lang>/dashboard/orders/<str:number>/": lambda w: {"number": w["order"].number},
    "<lang>/dashboard/orders/<str:number>/notes/<int:note_id>/": lambda w: {
        "number": w["order"].number,
        "note_id": w["note"].pk,
    },
    "<lang>/dashboard/orders/<str:number>/lines/<int:line_id>/": lambda w: {
        "number": w["order"].number,
        "line_id": w["line"].pk,
    },
    "<lang>/dashboard/orders/<str:number>/shipping-address/": lambda w: {"number": w["order"].number},
    "<lang>/dashboard/partners/<int:pk>/": lambda w: {"pk": w["owner"].partner.pk},
    "<lang>/dashboard/producers/monitoring/rules/<int:year>/": lambda w: {"year": w["readiness_rule"].year},
    "<lang>/dashboard/producers/applications/<int:pk>/": lambda w: {"pk": w["producer_application"].pk},
    "<lang>/dashboard/producers/courses/<int:pk>/": lambda w: {"pk": w["course"].pk},
    "<lang>/dashboard/producers/training/<int:pk>/complete/": lambda w: {"pk": w["enrolment"].pk},
    "<lang>/dashboard/producers/portal/brands/<int:pk>/": lambda w: {"pk": w["brand"].pk},
    "<lang>/dashboard/producers/portal/stock/<int:pk>/": lambda w: {"pk": w["stockrecord"].pk},
    "<lang>/dashboard/producers/portal/network/invitations/<int:pk>/<str:answer>/": lambda w: {
        "pk": w["invitation"].pk,
        "answer": "accept",
    },
    "<lang>/dashboard/campaigns/<int:pk>/": lambda w: {"pk": w["campaign"].pk},
    "<lang>/dashboard/campaigns/mine/<int:pk>/": lambda w: {"pk": w["campaign"].pk},
    "cms/pages/<int:page_id>/edit/": lambda w: {"page_id": w["article"].pk},
    "cms/pages/<int:parent_page_id>/": lambda w: {"parent_page_id": w["home"].pk},
    "cms/choose/product/chosen/<str:pk>/": lambda w: {"pk": w["product"].pk},
    "cms/choose/producer/chosen/<str:pk>/": lambda w: {"pk": w["owner"].pk},
    "cms/choose/brand/chosen/<str:pk>/": lambda w: {"pk": w["brand"].pk},
    "cms/choose/region/chosen/<str:pk>/": lambda w: {"pk": w["owner"].region.pk},
    ADMIN_APP_INDEX: lambda w: {"app_label": "producers"},
}

# Wagtail's settings areas: their objects, so that an editor meets the permission check, not a 404.
WAGTAIL_AREA_OBJECTS = {
    "cms/users/": lambda w: w["users"][CUSTOMER].pk,
    "cms/groups/": lambda w: w["editors"].pk,
    "cms/sites/": lambda w: w["site"].pk,
    "cms/locales/": lambda w: w["locale"].pk,
    "cms/collections/": lambda w: w["collection"].pk,
    "cms/redirects/": lambda w: w["redirect"].pk,
}


def _product_kwargs(world):
    return {"product_slug": world["product"].slug, "product_pk": world["product"].pk}


def url_kwargs(route, world):
    if route.key in URL_KWARGS:
        return {name: str(value) for name, value in URL_KWARGS[route.key](world).items()}
    for area, pk in WAGTAIL_AREA_OBJECTS.items():
        if route.key.startswith(area):
            return {name: str(pk(world)) for name in route.params}
    return dict.fromkeys(route.params, MISSING)
