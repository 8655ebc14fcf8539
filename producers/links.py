"""Who is linked to whom: the basis of conflict-of-interest rules."""

from django.db.models import Q

from .models import NetworkMembership, Producer


def producers_of(user):
    """The producers a user acts for: their own, and any whose partner account they belong to."""
    if not user.is_authenticated:
        return Producer.objects.none()
    return Producer.objects.filter(Q(user=user) | Q(partner__users=user)).distinct()


def producers_linked_to(user):
    """The producers a user may not judge: their own, and every producer in a network
    (as lead or accepted member) that one of their own producers belongs to."""
    own = producers_of(user)
    accepted = NetworkMembership.objects.filter(status=NetworkMembership.Status.ACCEPTED)
    leads = accepted.filter(Q(lead__in=own) | Q(member__in=own)).values("lead")
    return Producer.objects.filter(
        Q(pk__in=own.values("pk")) | Q(pk__in=leads) | Q(pk__in=accepted.filter(lead__in=leads).values("member"))
    ).distinct()
