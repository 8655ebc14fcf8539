"""Who may see and do what in quality certification (object-level rules, asked by every view).

Roles: quality officers (the "Quality officers" group, shop.roles) work the
queue, the standards and the certificates; producers (users for whom
`producers_of(user)` is not empty) see and act on their own applications and
certificates only. Views fetch objects through the querysets here, so that
someone else's application, certificate or evidence is simply not found (404),
never "forbidden" (which would confirm that it exists). A role refusal (a
customer on an officer page) is a 403.

The rules about *moving* an application or a certificate (states, conflicts of
interest) are in quality.workflow; this module only says who may look and reach.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from catalogue.models import Product
from producers.links import producers_of
from shop.roles import is_quality_officer

from .models import Certificate, CertificationApplication, Evidence
from .workflow import EDITABLE_STATES


def _cached(user, name, compute):
    """Remember a role answer on the user object for the rest of the request."""
    cache = user.__dict__.setdefault("_quality_policy_cache", {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


# --- Roles ---------------------------------------------------------------------------------------


def is_officer(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return _cached(user, "officer", lambda: is_quality_officer(user))


def is_producer(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return _cached(user, "producer", lambda: producers_of(user).exists())


def require_officer(user):
    if not is_officer(user):
        raise PermissionDenied(_("This page is for quality officers."))


def require_producer(user):
    if not is_producer(user):
        raise PermissionDenied(_("This page is for producers."))


# --- Products ------------------------------------------------------------------------------------


def may_see_unlisted_product(user, product):
    """Its producer, quality officers and staff see a product that is off the market (with a banner)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or is_officer(user):
        return True
    owner = (product.parent or product).producer_id
    return owner is not None and producers_of(user).filter(pk=owner).exists()


def products_for_certification(user):
    """The products a producer may submit for certification: their own parent and standalone products."""
    return (
        Product.objects.filter(producer__in=producers_of(user), parent__isnull=True)
        .select_related("product_class", "producer")
        .order_by("title")
    )


# --- Applications --------------------------------------------------------------------------------


def may_see_application(user, application):
    if not user.is_authenticated:
        return False
    if is_officer(user) or user.is_staff:
        return True
    return producers_of(user).filter(pk=application.producer_id).exists()


def applications_for_officers():
    """Every application, with what a list or a detail page shows (no query per row)."""
    return CertificationApplication.objects.select_related(
        "product__product_class", "producer__region", "standard__product_class", "officer", "renews"
    )


def own_applications(user):
    """A producer's applications (none for anyone else): others' are simply not found."""
    return CertificationApplication.objects.filter(producer__in=producers_of(user)).select_related(
        "product__product_class", "producer", "standard", "renews"
    )


def may_edit_application(application):
    """A producer may add evidence to (and submit) a draft or an application sent back for changes."""
    return application.state in EDITABLE_STATES


# --- Certificates --------------------------------------------------------------------------------


def certificates_for_officers():
    return Certificate.objects.select_related("product", "producer__region", "standard")


def own_certificates(user):
    return Certificate.objects.filter(producer__in=producers_of(user)).select_related("product", "standard")


def may_renew(certificate, at=None):
    """A producer may ask to renew a certificate that is in force or has expired (not a suspended or revoked one)."""
    return certificate.effective_status(at) in (Certificate.Status.VALID, Certificate.Status.EXPIRED)


# --- Evidence ------------------------------------------------------------------------------------


def may_download_evidence(user, evidence):
    """Only the application's producer and quality officers; everyone else gets a 404."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_officer(user):
        return True
    return producers_of(user).filter(pk=evidence.application.producer_id).exists()


def evidence_for(user, pk):
    """The evidence with this key if the user may download it, else None."""
    evidence = Evidence.objects.select_related("application").filter(pk=pk).first()
    if evidence is None or not may_download_evidence(user, evidence):
        return None
    return evidence
