"""Lead businesses' networks (شبکه): a lead invites home producers, who accept or decline.

Accepted members are shown on both shops, and the lead may sell products a
member made (`Product.maker`).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import NetworkMembership, Producer

Status = NetworkMembership.Status


def accepted_members(lead):
    return Producer.objects.filter(
        memberships__lead=lead, memberships__status=Status.ACCEPTED, is_active=True
    ).order_by("name")


def leads_of(member):
    return Producer.objects.filter(
        network_memberships__member=member, network_memberships__status=Status.ACCEPTED, is_active=True
    ).order_by("name")


def find_producer(slug_or_email):
    """A home producer named by their shop's slug or their account's email (None when unknown)."""
    value = (slug_or_email or "").strip()
    if not value:
        return None
    if "@" in value:
        users = get_user_model().objects.filter(email__iexact=value)
        return Producer.objects.filter(Q(user__in=users) | Q(partner__users__in=users)).distinct().first()
    return Producer.objects.filter(slug=value).first()


@transaction.atomic
def invite(lead, slug_or_email):
    """The lead business invites a home producer; a declined or departed member may be invited again."""
    if lead.kind != Producer.Kind.LEAD:
        raise PermissionDenied(_("Only a lead business can invite producers into a network."))
    member = find_producer(slug_or_email)
    if member is None or not member.is_active:
        raise ValidationError({"producer": _("No producer with this shop address or email.")})
    if member.pk == lead.pk:
        raise ValidationError({"producer": _("You cannot invite your own business.")})
    if member.kind != Producer.Kind.HOME:
        raise ValidationError({"producer": _("Only home producers can join a network.")})
    membership = NetworkMembership.objects.select_for_update().filter(lead=lead, member=member).first()
    if membership is None:
        return NetworkMembership.objects.create(lead=lead, member=member, status=Status.INVITED)
    if membership.status in (Status.INVITED, Status.ACCEPTED):
        raise ValidationError({"producer": _("This producer is already invited or in your network.")})
    membership.status = Status.INVITED
    membership.invited_at = timezone.now()
    membership.responded_at = None
    membership.save()
    return membership


def _respond(membership, member, status):
    membership = NetworkMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.member_id != member.pk:
        raise PermissionDenied(_("This invitation is addressed to another producer."))
    if membership.status != Status.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    membership.status = status
    membership.responded_at = timezone.now()
    membership.save(update_fields=["status", "responded_at"])
    return membership


@transaction.atomic
def accept(membership, member):
    return _respond(membership, member, Status.ACCEPTED)


@transaction.atomic
def decline(membership, member):
    return _respond(membership, member, Status.DECLINED)
