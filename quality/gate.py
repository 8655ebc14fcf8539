"""The listing gate: the one definition of which products may be shown and sold.

A product is *listable* when
  - Oscar considers it public,
  - its producer exists and is active (a producer exists only once approved), and
  - it holds a certificate in force *now* (valid status, inside its dates: expiry
    needs no job) that covers its current content version (a material edit
    takes it off the market until re-approved).

Everything that shows or sells products asks through `listable_condition()`,
usually by way of `Product.objects.listable()` / `browsable()` and
`Product.is_listable`.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def certificate_in_force(at=None, product_ref="pk", version_ref="content_version"):
    from .models import Certificate

    return Exists(
        Certificate.objects.in_force(at or timezone.now()).filter(
            product=OuterRef(product_ref), product_version=OuterRef(version_ref)
        )
    )


def listable_condition(at=None, through=""):
    """A Q for Product querysets: listable right now (or at `at`).

    `through` applies it to another model's product, e.g. "product__" on pre-order campaigns.
    """
    return Q(
        **{f"{through}is_public": True, f"{through}producer__isnull": False, f"{through}producer__is_active": True}
    ) & Q(certificate_in_force(at, product_ref=f"{through}pk", version_ref=f"{through}content_version"))


def unlisted_reason(product, at=None):
    """Why a product is off the market, in words for its producer and officers (None when listable)."""
    from .models import Certificate

    at = at or timezone.now()
    if product.producer_id is None or not product.producer.is_active:
        return _("Its producer is not active in the market.")
    if not product.is_public:
        return _("It has been withdrawn from sale.")
    certificates = list(Certificate.objects.filter(product=product).order_by("-valid_until"))
    if not certificates:
        return _("It has no quality certificate yet.")
    current = [c for c in certificates if c.product_version == product.content_version]
    if not current:
        return _("It was edited after certification and is waiting for review.")
    if any(c.is_in_force(at) for c in current):
        return None
    latest = current[0]
    status = latest.effective_status(at)
    if status == Certificate.Status.EXPIRED:
        return _("Its quality certificate expired.")
    if status == Certificate.Status.SUSPENDED:
        return _("Its quality certificate is suspended.")
    if status == Certificate.Status.REVOKED:
        return _("Its quality certificate was revoked.")
    return _("Its quality certificate is not yet in force.")
