"""Customers' campaign pages: the list, a campaign's page with its progress, committing, my commitments."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.preorders import rules
from shop.preorders.models import Campaign, Commitment
from tests.checkout.factories import shipping_country
from tests.factories import UserFactory
from tests.queries import queries_for

from .factories import CampaignFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

ADDRESS = {
    "address-first_name": "سپیده",
    "address-last_name": "کریمی",
    "address-line1": "خیابان امام، کوچه ۳",
    "address-line4": "اردبیل",
    "address-postcode": "",
    "address-phone_number": "",
}


def commit_url(campaign):
    return reverse("preorders:commit", kwargs={"pk": campaign.pk})


@pytest.fixture
def customer(client):
    user = UserFactory()
    client.force_login(user)
    shipping_country()
    return user


def post_commitment(client, campaign, quantity=1, **extra):
    data = {"quantity": quantity, "method": Commitment.Method.CASH_ON_DELIVERY, **ADDRESS, **extra}
    return client.post(commit_url(campaign), data)


# --- Seeing campaigns -------------------------------------------------------------------------------


def test_the_list_shows_running_campaigns_with_their_progress(client):
    campaign = CampaignFactory(target_quantity=10, product__title_en="Saffron jar")
    CommitmentFactory(campaign=campaign, quantity=3)
    CommitmentFactory(campaign=campaign, quantity=2, state=Commitment.State.CANCELLED)  # does not count

    response = client.get(reverse("preorders:list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Saffron jar" in html
    assert 'value="3" max="10"' in html  # the progress bar
    assert "3 of 10 committed (30%)" in html


def test_the_list_leaves_out_proposed_rejected_and_past_deadline_campaigns_and_uncertified_products(client):
    shown = CampaignFactory(product__title_en="Shown")
    CampaignFactory(state=Campaign.State.PROPOSED, product__title_en="Proposed")
    CampaignFactory(state=Campaign.State.REJECTED, product__title_en="Rejected")
    late = CampaignFactory(product__title_en="Late")
    Campaign.objects.filter(pk=late.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    revoked = CampaignFactory(product__title_en="Revoked")
    revoked.product.certificates.update(status="revoked")

    response = client.get(reverse("preorders:list"))

    assert [c.pk for c in response.context["campaigns"]] == [shown.pk]


def test_a_campaign_page_shows_terms_progress_and_the_commit_button(client):
    campaign = CampaignFactory(target_quantity=4, max_per_customer=2)
    CommitmentFactory(campaign=campaign, quantity=1)
    response = client.get(campaign.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 of 4 committed (25%)" in html
    assert commit_url(campaign) in html


def test_a_campaign_page_has_its_description_and_open_graph_tags(client):
    campaign = CampaignFactory(product__title_en="Saffron jar", target_quantity=40)
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Pre-order: Saffron jar">' in html
    assert f'<meta property="og:url" content="http://testserver{campaign.get_absolute_url()}">' in html
    assert "production starts at 40 committed units" in html


def test_an_ended_campaign_still_has_a_page_that_says_how_it_ended_without_a_commit_button(client):
    succeeded = CampaignFactory(state=Campaign.State.SUCCEEDED)
    failed = CampaignFactory(state=Campaign.State.FAILED)
    html = client.get(succeeded.get_absolute_url()).content.decode()
    assert "Target reached" in html and commit_url(succeeded) not in html
    assert "nobody was charged" in client.get(failed.get_absolute_url()).content.decode()


@pytest.mark.parametrize("state", [Campaign.State.PROPOSED, Campaign.State.REJECTED])
def test_a_campaign_not_approved_has_no_public_page(client, state):
    campaign = CampaignFactory(state=state)
    assert client.get(campaign.get_absolute_url()).status_code == 404
    assert client.get(commit_url(campaign)).status_code in (302, 404)


def test_the_persian_list_is_right_to_left(client):
    CampaignFactory()
    response = client.get("/fa/campaigns/")
    assert 'dir="rtl"' in response.content.decode()


def test_the_list_costs_the_same_queries_for_two_or_twelve_campaigns(client):
    for _index in range(2):
        CommitmentFactory(campaign=CampaignFactory(), quantity=1)
    few = queries_for(client, reverse("preorders:list"))
    for _index in range(10):
        CommitmentFactory(campaign=CampaignFactory(), quantity=1)
    many = queries_for(client, reverse("preorders:list"))
    assert many == few


# --- Committing --------------------------------------------------------------------------------------


def test_committing_needs_an_account(client):
    campaign = CampaignFactory()
    response = client.get(commit_url(campaign))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_customer_commits_with_a_delivery_address_and_is_charged_nothing(client, customer):
    campaign = CampaignFactory(target_quantity=5, max_per_customer=2)
    assert client.get(commit_url(campaign)).status_code == 200

    response = post_commitment(client, campaign, quantity=2)

    assert response.status_code == 302 and response["Location"] == reverse("preorders:mine")
    commitment = Commitment.objects.get()
    assert (commitment.user, commitment.quantity, commitment.state) == (customer, 2, Commitment.State.COMMITTED)
    assert commitment.method == Commitment.Method.CASH_ON_DELIVERY
    assert commitment.shipping_address.line4 == "اردبیل"
    assert commitment.language == "en"
    mine = client.get(reverse("preorders:mine"))
    assert campaign.product.get_title() in mine.content.decode()


def test_more_than_the_maximum_per_customer_is_a_form_error_and_nothing_is_saved(client, customer):
    campaign = CampaignFactory(target_quantity=10, max_per_customer=2)
    response = post_commitment(client, campaign, quantity=3)
    assert response.status_code == 200
    assert "At most 2 per customer." in response.content.decode()
    assert not Commitment.objects.exists()


def test_a_refusal_by_the_rules_keeps_what_the_customer_typed(client, customer):
    campaign = CampaignFactory(target_quantity=3, max_per_customer=3)
    CommitmentFactory(campaign=campaign, quantity=2)
    response = post_commitment(client, campaign, quantity=3)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Only 1 more can be committed to this campaign." in html
    assert "خیابان امام، کوچه ۳" in html  # the address is still in the form
    assert Commitment.objects.count() == 1


def test_a_missing_address_is_a_form_error(client, customer):
    campaign = CampaignFactory()
    response = post_commitment(client, campaign, **{"address-line1": "", "address-first_name": ""})
    assert response.status_code == 200
    assert response.context["address_form"].errors
    assert not Commitment.objects.exists()


def test_committing_after_the_deadline_is_refused_at_once_even_before_any_closing_job(client, customer):
    campaign = CampaignFactory()
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    response = post_commitment(client, campaign)
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    assert not Commitment.objects.exists()


def test_committing_beyond_the_target_is_refused_at_once(client, customer):
    campaign = CampaignFactory(target_quantity=2, max_per_customer=2)
    CommitmentFactory(campaign=campaign, quantity=2)
    response = post_commitment(client, campaign)
    assert "This campaign has reached its target." in response.content.decode()
    assert Commitment.objects.count() == 1


# --- My commitments ------------------------------------------------------------------------------------


def test_a_customer_sees_only_their_own_commitments(client, customer):
    mine = CommitmentFactory(user=customer, email=customer.email)
    theirs = CommitmentFactory(user=UserFactory())
    listed = list(client.get(reverse("preorders:mine")).context["commitments"])
    assert listed == [mine] and theirs not in listed


def test_a_customer_cancels_their_commitment_while_the_campaign_runs(client, customer):
    commitment = CommitmentFactory(user=customer, email=customer.email)
    response = client.post(reverse("preorders:cancel", kwargs={"pk": commitment.pk}))
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.state == Commitment.State.CANCELLED


def test_nobody_can_cancel_someone_elses_commitment(client, customer):
    commitment = CommitmentFactory(user=UserFactory())
    assert client.post(reverse("preorders:cancel", kwargs={"pk": commitment.pk})).status_code == 404
    assert client.get(reverse("preorders:cancel", kwargs={"pk": commitment.pk})).status_code == 405
    commitment.refresh_from_db()
    assert commitment.state == Commitment.State.COMMITTED


def test_a_commitment_of_a_closed_campaign_cannot_be_cancelled(client, customer):
    commitment = CommitmentFactory(user=customer, campaign__state=Campaign.State.SUCCEEDED)
    response = client.post(reverse("preorders:cancel", kwargs={"pk": commitment.pk}), follow=True)
    assert "can no longer be cancelled" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.state == Commitment.State.COMMITTED


def test_the_rules_refuse_the_same_things_the_pages_do():
    """The pages only ask the rules: a direct call refuses a late commitment too."""
    campaign = CampaignFactory()
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(rules.CampaignRefused):
        rules.commit(campaign, quantity=1, method=Commitment.Method.CASH_ON_DELIVERY, email="a@example.com")


def test_a_campaign_page_and_the_commit_page_cost_the_same_queries_whatever_the_number_of_commitments(client, customer):
    campaign = CampaignFactory(target_quantity=100, max_per_customer=5)
    CommitmentFactory(campaign=campaign, user=customer, email=customer.email)
    pages = [campaign.get_absolute_url(), commit_url(campaign), reverse("preorders:mine")]
    few = [queries_for(client, page) for page in pages]
    for _index in range(15):
        CommitmentFactory(campaign=campaign, quantity=2)
    for _index in range(4):
        CommitmentFactory(campaign=CampaignFactory(), user=customer, email=customer.email)
    many = [queries_for(client, page) for page in pages]
    assert many == few


def test_a_commitment_whose_card_payment_failed_links_to_the_pay_now_page(client, customer):
    commitment = CommitmentFactory(
        user=customer,
        email=customer.email,
        method=Commitment.Method.CARD,
        state=Commitment.State.PAYMENT_FAILED,
        pay_by=timezone.now() + timedelta(hours=72),
        campaign__state=Campaign.State.SUCCEEDED,
    )
    html = client.get(reverse("preorders:mine")).content.decode()
    assert reverse("preorders:card:pay", kwargs={"pk": commitment.pk}) in html
