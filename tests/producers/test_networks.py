"""Lead businesses' networks: invitations, answers, the network on both shop pages, and makers credited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from producers import networks
from producers.models import NetworkMembership, Producer
from tests.factories import ProductFactory, home_pages
from tests.producers.factories import accept_into_network, portal_producer

pytestmark = pytest.mark.django_db

Status = NetworkMembership.Status


@pytest.fixture
def lead():
    return portal_producer(kind=Producer.Kind.LEAD, name_en="Sabalan Carpet House", slug="sabalan")


@pytest.fixture
def weaver():
    return portal_producer(name_en="Maryam Tableau", slug="maryam")


def test_invite_by_slug_or_email_then_accept(lead, weaver):
    membership = networks.invite(lead, "maryam")
    assert (membership.member, membership.status) == (weaver, Status.INVITED)
    networks.decline(membership, weaver)
    assert NetworkMembership.objects.get().status == Status.DECLINED
    again = networks.invite(lead, weaver.user.email.upper())
    assert again.pk == membership.pk and again.status == Status.INVITED
    networks.accept(again, weaver)
    assert list(networks.accepted_members(lead)) == [weaver]
    assert list(networks.leads_of(weaver)) == [lead]


def test_invitations_that_make_no_sense_are_refused(lead, weaver):
    other_lead = portal_producer(kind=Producer.Kind.LEAD)
    for target in ("nobody-here", lead.slug, other_lead.slug):
        with pytest.raises(ValidationError):
            networks.invite(lead, target)
    with pytest.raises(PermissionDenied):
        networks.invite(weaver, lead.slug)
    networks.invite(lead, weaver.slug)
    with pytest.raises(ValidationError):
        networks.invite(lead, weaver.slug)


def test_only_the_invited_producer_answers(lead, weaver):
    membership = networks.invite(lead, weaver.slug)
    with pytest.raises(PermissionDenied):
        networks.accept(membership, portal_producer())
    networks.accept(membership, weaver)
    with pytest.raises(ValidationError):
        networks.decline(membership, weaver)


def test_the_portal_pages(client, lead, weaver):
    client.force_login(lead.user)
    response = client.post("/en/dashboard/producers/portal/network/invite/", {"producer": "maryam"})
    assert response.status_code == 302
    membership = NetworkMembership.objects.get()
    unknown = client.post("/en/dashboard/producers/portal/network/invite/", {"producer": "nobody"})
    assert unknown.status_code == 200 and "No producer with this shop address or email." in unknown.content.decode()

    # The lead cannot answer for the weaver: not their invitation, so not found.
    assert client.post(f"/en/dashboard/producers/portal/network/invitations/{membership.pk}/accept/").status_code == 404

    client.force_login(weaver.user)
    page = client.get("/en/dashboard/producers/portal/network/")
    assert list(page.context["invitations"]) == [membership]
    assert client.post("/en/dashboard/producers/portal/network/invite/", {"producer": "sabalan"}).status_code == 403
    response = client.post(f"/en/dashboard/producers/portal/network/invitations/{membership.pk}/accept/")
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Status.ACCEPTED


def test_the_network_shows_on_both_shop_pages(client, lead, weaver):
    home_pages()
    accept_into_network(lead, weaver)
    invited_only = portal_producer(name_en="Not yet")
    NetworkMembership.objects.create(lead=lead, member=invited_only)
    lead_page = client.get(f"/en/producers/{lead.slug}/").content.decode()
    assert "Maryam Tableau" in lead_page and "Not yet" not in lead_page
    member_page = client.get(f"/en/producers/{weaver.slug}/").content.decode()
    assert "Sabalan Carpet House" in member_page


def test_a_product_made_by_a_member_is_credited_to_them(client, lead, weaver):
    home_pages()
    accept_into_network(lead, weaver)
    product = ProductFactory(producer=lead, maker=weaver, title_en="Tableau of Sabalan")
    page = client.get(product.get_absolute_url().replace("/fa/", "/en/", 1))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Made by" in html and "Maryam Tableau" in html and "Sold by" in html
    # The maker's shop shows what they made for the lead.
    assert "Tableau of Sabalan" in client.get(f"/en/producers/{weaver.slug}/").content.decode()
