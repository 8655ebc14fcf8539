"""Card commitments against localstripe: a card saved by a SetupIntent (nothing charged), charged off-session
once when the campaign succeeds and turned into the producer's order; authentication required or declined →
payment_failed, an e-mail with a pay-now link, paying on-session → the order; unpaid after the grace period →
cancelled and the units released; a failed campaign charges nobody and forgets the saved cards."""

import io
import json
import threading
import urllib.request
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from oscar.apps.order.models import Order

from shop.payments import gateway, services
from shop.preorders import cards, rules
from shop.preorders.models import Campaign, Commitment
from tests.factories import UserFactory
from tests.payments.localstripe import localstripe, stripe_on_localstripe  # noqa: F401  (fixtures)

from .factories import CampaignFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("stripe_on_localstripe"),
]

SUCCEEDS = "4242424242424242"
AUTHENTICATES = "4000002760003184"  # the bank asks for 3-D Secure on every payment, off-session too
DECLINED_AT_CHARGE = "4000000000000341"  # saved fine, declined when charged


def _post_json(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")  # noqa: S310  (localstripe)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read())


def browser_confirms_setup(base, client_secret, number):
    """What Stripe.js's confirmCardSetup does in the browser (localstripe's mock), 3-D Secure accepted."""
    seti = client_secret.split("_secret_")[0]
    card = {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123"}
    body = {"key": "pk_test_localstripe", "client_secret": client_secret}
    intent = _post_json(
        f"{base}/v1/setup_intents/{seti}/confirm", {**body, "payment_method_data": {"type": "card", "card": card}}
    )
    if intent["status"] == "requires_action":
        intent = _post_json(f"{base}/v1/setup_intents/{seti}/confirm", body)
    assert intent["status"] == "succeeded"
    return seti


def browser_tokenizes(base, number):
    """Stripe.js createToken (the checkout's approach): the card's id for the server to confirm with."""
    data = f"card[number]={number}&card[exp_month]=12&card[exp_year]=2030&card[cvc]=123&key=pk_test_localstripe"
    request = urllib.request.Request(f"{base}/v1/tokens", data=data.encode(), method="POST")  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.loads(response.read())["card"]["id"]


def browser_authenticates(base, client_secret):
    """Stripe.js confirmCardPayment with 3-D Secure completed (localstripe's mock)."""
    intent_id = client_secret.split("_secret_")[0]
    return _post_json(
        f"{base}/v1/payment_intents/{intent_id}/_authenticate?success=true",
        {"key": "pk_test_localstripe", "client_secret": client_secret},
    )


def card_commitment(base, campaign, user, number=SUCCEEDS, quantity=1, language="en"):
    seti = browser_confirms_setup(base, cards.setup_card(user), number)
    customer_id, payment_method_id = cards.saved_card(seti, user)
    return rules.commit(
        campaign,
        quantity=quantity,
        method=Commitment.Method.CARD,
        user=user,
        language=language,
        customer_id=customer_id,
        payment_method_id=payment_method_id,
    )


def close_campaigns():
    call_command("close_campaigns", stdout=io.StringIO())


@pytest.fixture
def base(stripe_on_localstripe):  # noqa: F811  (the imported fixture)
    """localstripe's URL (Stripe configured to use it)."""
    return stripe_on_localstripe


@pytest.fixture
def stripe_calls(monkeypatch):
    """Counts the gateway's charges, refunds and detachments (the calls still go to localstripe)."""
    calls = {"charge": [], "refund": [], "detach": []}
    lock = threading.Lock()

    def spy(name, function):
        def wrapper(*args, **kwargs):
            with lock:
                calls[name].append(kwargs or args)
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(gateway, "charge_off_session", spy("charge", gateway.charge_off_session))
    monkeypatch.setattr(gateway, "refund", spy("refund", gateway.refund))
    monkeypatch.setattr(gateway, "detach_payment_method", spy("detach", gateway.detach_payment_method))
    return calls


def succeeded_campaign(**kwargs):
    kwargs.setdefault("max_per_customer", 2)
    return CampaignFactory(price=Decimal("350000"), product__stock__num_in_stock=0, **kwargs)


# --- Saving a card ----------------------------------------------------------------------------------


def test_saving_a_card_charges_nothing_and_the_commitment_keeps_the_customer_and_card(base):
    campaign = succeeded_campaign(target_quantity=5)
    user = UserFactory()
    commitment = card_commitment(base, campaign, user, quantity=2)
    assert commitment.state == Commitment.State.COMMITTED
    assert commitment.stripe_customer_id.startswith("cus_") and commitment.payment_method_id.startswith("pm_")
    assert commitment.payment_intent_id == "" and not Order.objects.exists()


def test_a_shopper_keeps_one_stripe_customer_for_all_their_saved_cards(base):
    user = UserFactory()
    first = card_commitment(base, succeeded_campaign(target_quantity=5), user)
    second = card_commitment(base, succeeded_campaign(target_quantity=5), user)
    assert first.stripe_customer_id == second.stripe_customer_id
    assert first.payment_method_id != second.payment_method_id
    assert card_commitment(base, succeeded_campaign(target_quantity=5), UserFactory()).stripe_customer_id != (
        first.stripe_customer_id
    )


def test_a_setup_intent_of_another_customer_or_not_confirmed_is_refused(base):
    owner, thief = UserFactory(), UserFactory()
    seti = browser_confirms_setup(base, cards.setup_card(owner), SUCCEEDS)
    with pytest.raises(rules.CampaignRefused, match="could not be saved"):
        cards.saved_card(seti, thief)
    unconfirmed = cards.setup_card(owner).split("_secret_")[0]
    with pytest.raises(rules.CampaignRefused, match="not confirmed"):
        cards.saved_card(unconfirmed, owner)
    for bad in ("", "pm_123", "seti_doesnotexist"):
        with pytest.raises(rules.CampaignRefused):
            cards.saved_card(bad, owner)


def test_the_setup_endpoint_answers_a_client_secret_to_a_signed_in_customer_only(client):
    url = reverse("preorders:card:setup")
    assert client.post(url).status_code == 403
    client.force_login(UserFactory())
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 200
    assert response.json()["client_secret"].startswith("seti_")


# --- The campaign succeeds ----------------------------------------------------------------------------


def test_reaching_the_target_charges_each_card_once_and_places_the_producers_orders(base, stripe_calls):
    campaign = succeeded_campaign(target_quantity=3)
    first, second = UserFactory(), UserFactory()
    card_commitment(base, campaign, first, quantity=2)
    card_commitment(base, campaign, second, quantity=1)

    close_campaigns()
    close_campaigns()  # cron overlapping: nothing is charged twice

    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.SUCCEEDED
    assert len(stripe_calls["charge"]) == 2
    assert {call["idempotency_key"] for call in stripe_calls["charge"]} == {
        commitment.idempotency_key for commitment in Commitment.objects.all()
    }
    for commitment in Commitment.objects.select_related("order"):
        assert commitment.state == Commitment.State.ORDERED
        order = commitment.order
        assert order.user == commitment.user
        assert order.lines.get().partner == campaign.producer.partner
        assert order.lines.get().unit_price_incl_tax == campaign.price
        source = order.sources.get()
        assert source.source_type.code == "stripe" and source.reference == commitment.payment_intent_id
        assert source.amount_debited == order.total_incl_tax
        intent = gateway.retrieve_intent(commitment.payment_intent_id)
        assert intent["status"] == "succeeded" and intent["amount"] == gateway.to_stripe_amount(order.total_incl_tax)
    assert not stripe_calls["refund"]
    # the webhook for these intents neither places another order nor refunds (they are not checkout payments)
    for commitment in Commitment.objects.all():
        assert services.settle(gateway.retrieve_intent(commitment.payment_intent_id)) is None
    assert Order.objects.count() == 2 and not stripe_calls["refund"]


def test_a_charge_whose_order_cannot_be_placed_is_refunded_at_once(base, stripe_calls):
    campaign = succeeded_campaign(target_quantity=1)
    commitment = card_commitment(base, campaign, UserFactory())
    campaign.product.certificates.update(status="revoked")  # the product left the market meanwhile

    close_campaigns()
    close_campaigns()

    commitment.refresh_from_db()
    assert not Order.objects.exists()
    assert commitment.state == Commitment.State.CANCELLED
    assert len(stripe_calls["charge"]) == 1
    [refund] = stripe_calls["refund"]
    assert refund["intent_id"] == commitment.payment_intent_id
    assert campaign.product.stockrecords.get().num_in_stock == 0  # the units went back out of stock


# --- The charge fails: pay now ------------------------------------------------------------------------


def test_authentication_required_off_session_asks_the_customer_to_pay_now_in_their_language(base, stripe_calls, client):
    campaign = succeeded_campaign(target_quantity=2)
    customer = UserFactory()
    commitment = card_commitment(base, campaign, customer, AUTHENTICATES, quantity=1, language="fa")
    card_commitment(base, campaign, UserFactory(), quantity=1)
    before = timezone.now()

    close_campaigns()
    close_campaigns()

    commitment.refresh_from_db()
    assert commitment.state == Commitment.State.PAYMENT_FAILED and commitment.order is None
    assert before + timedelta(hours=72) <= commitment.pay_by <= timezone.now() + timedelta(hours=72)
    assert len(stripe_calls["charge"]) == 2  # each commitment once, the failed one not again
    [message] = [message for message in mail.outbox if message.to == [customer.email]]
    pay_url = reverse("preorders:card:pay", kwargs={"pk": commitment.pk}).replace("/en/", "/fa/")
    assert f"{cards.site_root().rstrip('/')}{pay_url}" in message.body  # absolute, in the customer's language

    # the customer pays on the pay-now page: 3-D Secure in the browser, the server asks Stripe
    client.force_login(customer)
    page = client.get(reverse("preorders:card:pay", kwargs={"pk": commitment.pk}))
    assert page.status_code == 200
    assert page.context["amount"] == campaign.price + Order.objects.get().shipping_incl_tax
    intent_url = reverse("preorders:card:pay-intent", kwargs={"pk": commitment.pk})
    answer = client.post(intent_url, {"payment_method": browser_tokenizes(base, AUTHENTICATES)})
    assert answer.status_code == 200 and answer.json()["status"] == "requires_action"
    assert browser_authenticates(base, answer.json()["client_secret"])["status"] == "succeeded"
    done = client.post(reverse("preorders:card:pay-complete", kwargs={"pk": commitment.pk}))
    assert done.status_code == 302 and done.url == reverse("preorders:mine")

    commitment.refresh_from_db()
    assert commitment.state == Commitment.State.ORDERED
    source = commitment.order.sources.get()
    assert source.reference == commitment.payment_intent_id and source.amount_debited == commitment.order.total_incl_tax
    assert Order.objects.count() == 2
    # the webhook's copy of the same payment changes nothing; closing again neither charges nor e-mails
    assert services.settle(gateway.retrieve_intent(commitment.payment_intent_id)) is None
    sent = len(mail.outbox)
    close_campaigns()
    assert Order.objects.count() == 2 and len(stripe_calls["charge"]) == 2 and len(mail.outbox) == sent
    assert not stripe_calls["refund"]


def test_a_declined_charge_unpaid_after_the_grace_period_is_cancelled_and_its_units_released(
    base, stripe_calls, settings
):
    settings.PREORDER_PAYMENT_GRACE_HOURS = 24
    campaign = succeeded_campaign(target_quantity=3)
    declined = card_commitment(base, campaign, UserFactory(), DECLINED_AT_CHARGE, quantity=2)
    card_commitment(base, campaign, UserFactory(), quantity=1)

    close_campaigns()

    declined.refresh_from_db()
    assert declined.state == Commitment.State.PAYMENT_FAILED
    assert timezone.now() + timedelta(hours=23) < declined.pay_by < timezone.now() + timedelta(hours=25)
    [message] = [message for message in mail.outbox if message.to == [declined.email]]
    assert "declined" in message.body and "Pay now:" in message.body
    stock = campaign.product.stockrecords.get()
    assert (stock.num_in_stock, stock.num_allocated) == (3, 1)

    close_campaigns()  # within the grace period nothing changes
    declined.refresh_from_db()
    assert declined.state == Commitment.State.PAYMENT_FAILED

    Commitment.objects.filter(pk=declined.pk).update(pay_by=timezone.now() - timedelta(minutes=1))
    close_campaigns()
    close_campaigns()
    declined.refresh_from_db()
    assert declined.state == Commitment.State.CANCELLED
    stock.refresh_from_db()
    assert (stock.num_in_stock, stock.num_allocated) == (1, 1)  # released once, not twice
    assert len(stripe_calls["charge"]) == 2 and Order.objects.count() == 1


def test_pay_now_is_only_for_the_owner_of_a_failed_charge(base, client):
    campaign = succeeded_campaign(target_quantity=1)
    owner = UserFactory()
    commitment = card_commitment(base, campaign, owner, DECLINED_AT_CHARGE)
    urls = [
        reverse(f"preorders:card:{name}", kwargs={"pk": commitment.pk})
        for name in ("pay", "pay-intent", "pay-complete")
    ]
    assert client.get(urls[0]).status_code == 302  # signed out: to the login page
    client.force_login(owner)
    assert client.get(urls[0]).status_code == 404  # not failed (yet): nothing to pay

    close_campaigns()

    assert client.get(urls[0]).status_code == 200
    client.force_login(UserFactory())
    assert client.get(urls[0]).status_code == 404
    assert client.post(urls[1], {"payment_method": "card_x"}).status_code == 404
    assert client.post(urls[2]).status_code == 404
    client.force_login(owner)
    assert client.post(urls[1], {}).status_code == 400  # no card: a reason, not a 500
    declined = client.post(urls[1], {"payment_method": browser_tokenizes(base, DECLINED_AT_CHARGE)})
    assert declined.status_code == 402 and "declined" in declined.json()["error"]
    nothing = client.post(urls[2])  # nothing paid: back to the page with the reason, no order
    assert nothing.status_code == 302 and not Order.objects.exists()


# --- The campaign fails -------------------------------------------------------------------------------


def test_a_failed_campaign_charges_nobody_and_forgets_every_saved_card_once(base, stripe_calls):
    campaign = succeeded_campaign(target_quantity=5)
    commitments = [card_commitment(base, campaign, UserFactory()) for _index in range(2)]
    saved = {commitment.payment_method_id for commitment in commitments}
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    close_campaigns()
    close_campaigns()

    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.FAILED
    assert not stripe_calls["charge"] and not Order.objects.exists()
    assert {call[0] for call in stripe_calls["detach"]} == saved and len(stripe_calls["detach"]) == 2
    assert set(Commitment.objects.values_list("state", "payment_method_id")) == {(Commitment.State.RELEASED, "")}
    assert len(mail.outbox) == 2 and all("card you saved" in message.body for message in mail.outbox)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_closing_runs_at_the_same_moment_charge_each_card_once(base, stripe_calls):
    campaign = succeeded_campaign(target_quantity=4, max_per_customer=1)
    for _index in range(4):
        card_commitment(base, campaign, UserFactory())
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            rules.close_due()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    close_campaigns()  # whatever one runner skipped while the other held it, a later run completes
    assert len(stripe_calls["charge"]) == 4
    assert len({call["idempotency_key"] for call in stripe_calls["charge"]}) == 4
    assert Order.objects.count() == 4
    assert Commitment.objects.filter(state=Commitment.State.ORDERED).count() == 4


def test_a_payment_completed_after_the_commitment_was_cancelled_is_refunded_not_ordered(base, stripe_calls, client):
    campaign = succeeded_campaign(target_quantity=1)
    customer = UserFactory()
    commitment = card_commitment(base, campaign, customer, DECLINED_AT_CHARGE)
    close_campaigns()
    client.force_login(customer)
    answer = client.post(
        reverse("preorders:card:pay-intent", kwargs={"pk": commitment.pk}),
        {"payment_method": browser_tokenizes(base, SUCCEEDS)},
    )
    assert answer.json()["status"] == "succeeded"
    # the grace period ends while the customer is paying: the commitment is cancelled first
    Commitment.objects.filter(pk=commitment.pk).update(pay_by=timezone.now() - timedelta(minutes=1))
    close_campaigns()

    with pytest.raises(rules.CampaignRefused, match="refunded"):
        cards.complete_pay_now(commitment.pk, client.session[f"preorder-pay-{commitment.pk}"])

    commitment.refresh_from_db()
    assert commitment.state == Commitment.State.CANCELLED and not Order.objects.exists()
    [refund] = stripe_calls["refund"]
    paid = gateway.retrieve_intent(refund["intent_id"])
    assert paid["status"] == "succeeded" and refund["amount"] == gateway.from_stripe_amount(paid["amount"])


def test_a_cancelled_card_commitment_has_its_saved_card_forgotten_once(base, stripe_calls):
    campaign = succeeded_campaign(target_quantity=5)
    customer = UserFactory()
    commitment = card_commitment(base, campaign, customer)
    saved = commitment.payment_method_id
    rules.cancel(commitment, customer)

    close_campaigns()
    close_campaigns()

    commitment.refresh_from_db()
    assert stripe_calls["detach"] == [(saved,)]
    assert commitment.payment_method_id == "" and not stripe_calls["charge"]
