"""Who may see and do what in quality certification (object-level rules, asked by every view)."""

from producers.links import producers_of
from shop.roles import is_quality_officer


def may_see_unlisted_product(user, product):
    """Its producer, quality officers and staff see a product that is off the market (with a banner)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or is_quality_officer(user):
        return True
    owner = (product.parent or product).producer_id
    return owner is not None and producers_of(user).filter(pk=owner).exists()


def may_see_application(user, application):
    if not user.is_authenticated:
        return False
    if is_quality_officer(user) or user.is_staff:
        return True
    return producers_of(user).filter(pk=application.producer_id).exists()
