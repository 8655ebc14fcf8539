"""Card payments through the checkout against localstripe: the order exists only for a payment Stripe
says succeeded; a declined or unauthenticated card keeps the basket; 3-D Secure is handled."""

import json
import urllib.parse
import urllib.request

import pytest
from django.urls import reverse
from oscar.apps.order.models import Order

from quality.models import Certificate
from shop.partner.strategy import NotListed
from shop.payments.models import CardPayment
from tests.checkout.factories import product, to_preview

pytestmark = pytest.mark.django_db

VISA, DECLINED, THREE_D_SECURE = "4242424242424242", "4000000000000341", "4000002760003184"


def _post(url, data):
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), method="POST")  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  (localstripe on localhost)
        return json.loads(response.read())


def card(base, number):
    """What Stripe.js does in the browser: tokenize the card with the publishable key; the card's id goes to us."""
    token = _post(
        f"{base}/v1/tokens",
        {
            "key": "pk_test_localstripe",
            "card[number]": number,
            "card[exp_month]": "12",
            "card[exp_year]": "2030",
            "card[cvc]": "123",
        },
    )
    return token["card"]["id"]


def authenticate(base, client_secret, success):
    """What confirmCardPayment does for 3-D Secure: the customer passes (or fails) their bank's check."""
    intent_id = client_secret.split("_secret_")[0]
    return _post(
        f"{base}/v1/payment_intents/{intent_id}/_authenticate?success={'true' if success else 'false'}",
        {"key": "pk_test_localstripe", "client_secret": client_secret},
    )


def test_the_card_step_is_shown_with_stripe_js_from_the_configured_url(client, stripe_on_localstripe):
    preview = to_preview(client, [product()], method="stripe").content.decode()
    assert f'src="{stripe_on_localstripe}/js.stripe.com/v3/"' in preview
    assert 'id="card-element"' in preview and 'id="card-config"' in preview
    assert 'id="place-order"' not in preview


def test_a_card_payment_places_the_order_once(client, stripe_on_localstripe):
    item = product(num_in_stock=3)
    to_preview(client, [item], method="stripe")
    answer = client.post(reverse("checkout:card-pay"), {"payment_method": card(stripe_on_localstripe, VISA)})
    assert answer.status_code == 200 and answer.json()["status"] == "succeeded"
    response = client.post(reverse("checkout:card-complete"))
    assert response.status_code == 302 and response["Location"].endswith(reverse("checkout:thank-you"))
    order = Order.objects.get()
    payment = CardPayment.objects.get()
    assert payment.order == order and payment.status == CardPayment.Status.SUCCEEDED
    assert order.sources.get().amount_debited == order.total_incl_tax
    assert item.stockrecords.get().num_allocated == 1
    client.post(reverse("checkout:card-complete"))  # the browser coming back twice
    assert Order.objects.count() == 1


def test_a_declined_card_keeps_the_basket_with_a_clear_message(client, stripe_on_localstripe):
    to_preview(client, [product()], method="stripe")
    answer = client.post(reverse("checkout:card-pay"), {"payment_method": card(stripe_on_localstripe, DECLINED)})
    assert answer.status_code == 402 and "declined" in answer.json()["error"]
    assert not Order.objects.exists()
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 1


@pytest.mark.parametrize("passes", [True, False])
def test_three_d_secure_is_completed_in_the_browser_before_the_order(client, stripe_on_localstripe, passes):
    to_preview(client, [product()], method="stripe")
    answer = client.post(
        reverse("checkout:card-pay"), {"payment_method": card(stripe_on_localstripe, THREE_D_SECURE)}
    ).json()
    assert answer["status"] == "requires_action"
    # The browser saying "done" before authenticating places nothing.
    early = client.post(reverse("checkout:card-complete"))
    assert early["Location"].endswith(reverse("checkout:preview")) and not Order.objects.exists()
    authenticate(stripe_on_localstripe, answer["client_secret"], success=passes)
    response = client.post(reverse("checkout:card-complete"))
    if passes:
        assert response["Location"].endswith(reverse("checkout:thank-you"))
        assert Order.objects.count() == 1
    else:
        assert response["Location"].endswith(reverse("checkout:preview"))
        assert not Order.objects.exists()
        assert CardPayment.objects.get().status == CardPayment.Status.FAILED
        assert client.get(reverse("basket:summary")).context["basket"].num_items == 1


def test_a_certificate_revoked_between_basket_and_payment_is_refused_before_any_charge(client, fake_stripe):
    item = product()
    to_preview(client, [item], method="stripe")
    Certificate.objects.filter(product=item).update(status=Certificate.Status.REVOKED)
    answer = client.post(reverse("checkout:card-pay"), {"payment_method": "card_1"})
    assert answer.status_code == 409
    assert str(NotListed.message) in answer.json()["error"]
    assert fake_stripe.requests == []  # Stripe was never asked to charge
    assert not CardPayment.objects.exists() and not Order.objects.exists()


def test_card_endpoints_do_not_exist_without_stripe(client, settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_PUBLISHABLE_KEY = ""
    assert client.post(reverse("checkout:card-pay"), {"payment_method": "card_1"}).status_code == 404
