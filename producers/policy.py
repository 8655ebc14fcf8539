"""Who may see and do what with producers' things: the object-level rules every view asks.

Roles come from shop.roles; which producers a user acts for from
producers.links. Views get their objects through the querysets here, so that
another producer's product, image, stock record, order line, brand or
invitation is simply not found (404), never "forbidden" (which would confirm
that it exists). Role refusals (a customer on a producer page, a producer on a
staff page) are 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Q, Value, When
from django.http import Http404
from django.utils.translation import gettext as _

from catalogue.models import Product, ProductImage
from shop import roles

from .links import producers_of
from .models import Application, Brand, NetworkMembership, Producer


def _cached(user, name, compute):
    cache = user.__dict__.setdefault("_producer_policy_cache", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


# --- Roles ----------------------------------------------------------------------------------------


def is_programme_staff(user):
    """Programme staff screen applications and record training: any active staff account."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def can_monitor(user):
    """The monitoring section (the funnel, everyone's sales, facility readiness) is for programme staff:
    active staff accounts in the Programme staff group (shop.roles), and superusers."""
    if not is_programme_staff(user):
        return False
    return user.is_superuser or _cached(user, "monitor", lambda: roles.is_programme_staff(user))


def require_monitoring(user):
    if not can_monitor(user):
        raise PermissionDenied(_("This page is for programme staff."))


def current_producer(user):
    """The producer a signed-in user acts for in the portal (their own first), or None."""
    if not (user and user.is_authenticated and user.is_active):
        return None
    return _cached(
        user,
        "producer",
        lambda: (
            producers_of(user)
            .filter(is_active=True)
            .select_related("region", "partner")
            .annotate(is_own=Case(When(user=user, then=Value(0)), default=Value(1)))
            .order_by("is_own", "pk")
            .first()
        ),
    )


def is_producer_user(user):
    return current_producer(user) is not None


def require_producer(user):
    producer = current_producer(user)
    if producer is None:
        raise PermissionDenied(_("This page is for producers."))
    return producer


def require_lead(user):
    producer = require_producer(user)
    if not producer.is_lead:
        raise PermissionDenied(_("This page is for lead businesses."))
    return producer


def require_staff(user):
    if not is_programme_staff(user):
        raise PermissionDenied(_("This page is for programme staff."))


def own_producer_ids(user):
    if not (user and user.is_authenticated and user.is_active):
        return []
    return _cached(user, "ids", lambda: list(producers_of(user).filter(is_active=True).values_list("pk", flat=True)))


def own_partner_ids(user):
    if not (user and user.is_authenticated and user.is_active):
        return []
    return _cached(
        user,
        "partners",
        lambda: list(Producer.objects.filter(pk__in=own_producer_ids(user)).values_list("partner_id", flat=True)),
    )


# --- Objects --------------------------------------------------------------------------------------


def products_for(user):
    """Products a user may manage in the dashboard: all for staff, the producer's own (and their variants) otherwise."""
    if user.is_staff:
        return Product.objects.all()
    ids = own_producer_ids(user)
    return Product.objects.filter(Q(producer_id__in=ids) | Q(parent__producer_id__in=ids))


def product_images_for(user):
    return ProductImage.objects.filter(product__in=products_for(user))


def stockrecords_for(user):
    """Stock records a producer may price and restock: their own partner's, on their own products."""
    from oscar.apps.partner.models import StockRecord

    if user.is_staff:
        return StockRecord.objects.all()
    return StockRecord.objects.filter(partner_id__in=own_partner_ids(user), product__in=products_for(user))


def order_lines_for(user):
    """Order lines a producer fulfils: only the lines sold through their own partner."""
    from oscar.apps.order.models import Line

    if user.is_staff:
        return Line.objects.all()
    return Line.objects.filter(partner_id__in=own_partner_ids(user))


def orders_for(user):
    from oscar.apps.order.models import Order

    if user.is_staff:
        return Order.objects.all()
    return Order.objects.filter(pk__in=order_lines_for(user).values("order_id"))


def brands_for(user):
    """Brands a producer may edit: their own producer brands (collective brands are the programme's)."""
    return Brand.objects.filter(kind=Brand.Kind.PRODUCER, producer_id__in=own_producer_ids(user))


def brand_choices(producer):
    """Brands a producer's products may carry: their own, and the collective brands of their province."""
    return Brand.objects.filter(
        Q(kind=Brand.Kind.PRODUCER, producer=producer) | Q(kind=Brand.Kind.COLLECTIVE, region_id=producer.region_id)
    ).order_by("kind", "name")


def maker_choices(producer):
    """Who a producer may credit as maker: a lead business its accepted network members; others nobody else."""
    if not producer.is_lead:
        return Producer.objects.none()
    return Producer.objects.filter(
        memberships__lead=producer,
        memberships__status=NetworkMembership.Status.ACCEPTED,
        is_active=True,
    ).order_by("name")


def craft_choices(producer):
    """The crafts (product classes) a producer lists in: those they were admitted for."""
    return producer.crafts.all().order_by("name")


def invitations_for(user):
    """Network invitations addressed to the user's own producers."""
    return NetworkMembership.objects.filter(member_id__in=own_producer_ids(user))


def memberships_led_by(user):
    return NetworkMembership.objects.filter(lead_id__in=own_producer_ids(user))


def applications_for(user):
    """Applications a user may see: every one for programme staff, their own for applicants."""
    if is_programme_staff(user):
        return Application.objects.all()
    if user.is_authenticated:
        return Application.objects.filter(user=user)
    return Application.objects.none()


def get_or_404(queryset, **lookup):
    """The object if the queryset (already narrowed to what the user may see) holds it; 404 otherwise."""
    instance = queryset.filter(**lookup).first()
    if instance is None:
        raise Http404(_("Not found."))
    return instance
