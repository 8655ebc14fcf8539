"""The commit page with a card: offered only when Stripe is configured; the SetupIntent the browser confirmed is
checked with Stripe (localstripe) before the commitment is recorded, and a bad one is a message on the form."""

import pytest
from django.urls import reverse

from shop.preorders import cards
from shop.preorders.models import Commitment
from tests.checkout.factories import shipping_country
from tests.factories import UserFactory
from tests.payments.localstripe import localstripe, stripe_on_localstripe  # noqa: F401  (fixtures)
from tests.queries import queries_for

from .factories import CampaignFactory
from .test_cards import SUCCEEDS, browser_confirms_setup
from .test_pages import ADDRESS

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer(client):
    user = UserFactory()
    client.force_login(user)
    shipping_country()
    return user


def commit(client, campaign, **data):
    return client.post(reverse("preorders:commit", kwargs={"pk": campaign.pk}), {"quantity": 1, **ADDRESS, **data})


def test_without_stripe_only_cash_on_delivery_is_offered(client, customer, settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    campaign = CampaignFactory()
    page = client.get(reverse("preorders:commit", kwargs={"pk": campaign.pk}))
    html = page.content.decode()
    assert 'value="cash-on-delivery"' in html and 'value="card"' not in html and "preorder-card" not in html
    response = commit(client, campaign, method="card")
    assert response.status_code == 200 and not Commitment.objects.exists()


@pytest.mark.usefixtures("stripe_on_localstripe")
def test_a_card_saved_by_the_browser_is_checked_with_stripe_and_recorded(client, customer, settings):
    base = settings.STRIPE_API_BASE  # localstripe
    campaign = CampaignFactory()
    page = client.get(reverse("preorders:commit", kwargs={"pk": campaign.pk}))
    html = page.content.decode()
    assert 'value="card"' in html and 'data-setup-url="/en/campaigns/card/setup/"' in html
    assert "js/preorder-card.js" in html and base in html  # localstripe's Stripe.js mock
    secret = client.post(reverse("preorders:card:setup")).json()["client_secret"]
    seti = browser_confirms_setup(base, secret, SUCCEEDS)

    response = commit(client, campaign, method="card", setup_intent=seti)

    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert (commitment.method, commitment.user) == (Commitment.Method.CARD, customer)
    assert (commitment.stripe_customer_id, commitment.payment_method_id) == cards.saved_card(seti, customer)


@pytest.mark.usefixtures("stripe_on_localstripe")
def test_a_missing_or_foreign_setup_intent_is_a_message_on_the_form(client, customer, settings):
    base = settings.STRIPE_API_BASE  # localstripe
    campaign = CampaignFactory()
    other = UserFactory()
    foreign = browser_confirms_setup(base, cards.setup_card(other), SUCCEEDS)
    for setup_intent in ("", foreign):
        response = commit(client, campaign, method="card", setup_intent=setup_intent)
        assert response.status_code == 200
        assert "The card could not be saved" in response.content.decode()
    assert not Commitment.objects.exists()


def test_offering_the_card_costs_the_commit_page_no_query(client, customer, settings):
    campaign = CampaignFactory()
    url = reverse("preorders:commit", kwargs={"pk": campaign.pk})
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    without_card = queries_for(client, url)
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    assert 'value="card"' in client.get(url).content.decode()
    assert queries_for(client, url) == without_card
