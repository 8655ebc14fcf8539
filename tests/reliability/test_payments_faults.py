"""Money is never lost or doubled when things fail around a card payment.

Stripe times out (on every try, or once and then answers), the database fails right after Stripe
charged or while the order is being written, the webhook's own processing fails: the customer gets a
clear answer and keeps the basket, no second charge is made, and the payment ends as exactly one order
(placed by the webhook or by `reconcile_payments --fix`) or a refund.
"""

import io

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.models import Order

from shop.checkout import placement
from shop.payments.models import CardPayment, WebhookEvent
from tests.checkout.factories import product, to_preview
from tests.payments.conftest import fake_stripe  # noqa: F401  (fixture)
from tests.payments.fakes import TIMEOUT, charge, event, listing, payment_intent
from tests.payments.test_webhooks import deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def stripe(fake_stripe):  # noqa: F811  (the imported fixture)
    return fake_stripe


CREATE = "/v1/payment_intents"


def basket_items(client):
    return client.get(reverse("basket:summary")).context["basket"].num_items


def succeeded_for(row, intent_id="pi_lost_answer"):
    """The intent as Stripe reports it: the metadata echoes what the checkout sent."""
    metadata = {"basket": row.basket_id, "card_payment": row.pk}
    return payment_intent("succeeded", amount=int(row.amount * 10), intent_id=intent_id, metadata=metadata)


def pay(client, card="card_visa"):
    with translation.override("en"):
        return client.post(reverse("checkout:card-pay"), {"payment_method": card})


def test_stripe_timing_out_on_every_try_keeps_the_basket_and_the_webhook_still_places_the_order(client, stripe):
    to_preview(client, [product(num_in_stock=2)], method="stripe")
    stripe.answer("post", CREATE, TIMEOUT)

    answer = pay(client)

    assert answer.status_code == 502
    assert "did not answer" in answer.json()["error"] and "basket is unchanged" in answer.json()["error"]
    attempts = stripe.calls("post", CREATE)
    assert len(attempts) == 3  # the first try and STRIPE_MAX_NETWORK_RETRIES=2, with backoff
    assert len({attempt["headers"]["Idempotency-Key"] for attempt in attempts}) == 1
    row = CardPayment.objects.get()
    assert (row.intent_id, row.status) == (None, CardPayment.Status.CREATED) and "timed out" in row.last_error
    assert basket_items(client) == 1 and not Order.objects.exists()
    assert attempts[0]["data"]["metadata[card_payment]"] == [str(row.pk)]

    # Stripe had charged after all: its webhook finds the row through the metadata.
    deliver(client, event("payment_intent.succeeded", succeeded_for(row)))
    row.refresh_from_db()
    assert row.intent_id == "pi_lost_answer" and row.status == CardPayment.Status.SUCCEEDED
    assert Order.objects.get() == row.order


def test_a_timeout_then_an_answer_is_one_charge_under_one_key(client, stripe):
    to_preview(client, [product()], method="stripe")
    stripe.answer("post", CREATE, TIMEOUT, (200, payment_intent("succeeded", intent_id="pi_second_try")))

    answer = pay(client)

    assert answer.status_code == 200 and answer.json()["status"] == "succeeded"
    first, second = stripe.calls("post", CREATE)
    assert first["headers"]["Idempotency-Key"] == second["headers"]["Idempotency-Key"]
    assert CardPayment.objects.get().intent_id == "pi_second_try"


def test_paying_again_with_the_same_card_after_a_timeout_reuses_the_row_and_the_key(client, stripe):
    to_preview(client, [product()], method="stripe")
    stripe.answer("post", CREATE, TIMEOUT)
    pay(client)
    stripe.answers.clear()
    stripe.answer("post", CREATE, (200, payment_intent("succeeded", intent_id="pi_replayed")))
    assert pay(client).status_code == 200
    keys = {call["headers"]["Idempotency-Key"] for call in stripe.calls("post", CREATE)}
    assert len(keys) == 1  # Stripe answers the first request's intent: the card is charged once
    assert CardPayment.objects.get().intent_id == "pi_replayed"


def test_the_database_failing_right_after_the_charge_loses_nothing(client, stripe, monkeypatch):
    to_preview(client, [product()], method="stripe")
    stripe.answer("post", CREATE, (200, payment_intent("succeeded", intent_id="pi_unrecorded")))
    save = CardPayment.save

    def failing_save(self, *args, **kwargs):
        if "intent_id" in (kwargs.get("update_fields") or ()):
            raise DatabaseError("server closed the connection unexpectedly")
        return save(self, *args, **kwargs)

    monkeypatch.setattr(CardPayment, "save", failing_save)
    answer = pay(client)
    monkeypatch.setattr(CardPayment, "save", save)

    assert answer.status_code == 503 and "do not pay again" in answer.json()["error"]
    row = CardPayment.objects.get()
    assert row.intent_id is None and not Order.objects.exists() and basket_items(client) == 1
    deliver(client, event("payment_intent.succeeded", succeeded_for(row, "pi_unrecorded")))
    assert Order.objects.get().card_payment.intent_id == "pi_unrecorded"


def test_the_database_failing_while_the_order_is_written_keeps_the_basket_then_the_webhook_places_it(
    client, stripe, monkeypatch
):
    to_preview(client, [product(num_in_stock=2)], method="stripe")
    paid = payment_intent("succeeded", intent_id="pi_paid")
    stripe.answer("post", CREATE, (200, paid))
    assert pay(client).status_code == 200
    paid["amount"] = paid["amount_received"] = int(CardPayment.objects.get().amount * 10)
    stripe.answer("get", f"{CREATE}/pi_paid", (200, paid))

    def database_down(*args, **kwargs):
        raise DatabaseError("could not write the order")

    with monkeypatch.context() as patched, translation.override("en"):
        patched.setattr(placement, "place", database_down)
        response = client.post(reverse("checkout:card-complete"), follow=True)
    assert response.redirect_chain[-1][0].endswith("/checkout/preview/")
    assert "could not confirm your payment yet" in response.content.decode()
    assert not Order.objects.exists() and basket_items(client) == 1
    assert CardPayment.objects.get().status == CardPayment.Status.CREATED

    deliver(client, event("payment_intent.succeeded", paid))
    assert Order.objects.count() == 1
    response = client.post(reverse("checkout:card-complete"))  # the customer tries again: the order is there
    assert response["Location"].endswith(reverse("checkout:thank-you"))
    assert Order.objects.count() == 1


def test_a_webhook_whose_processing_fails_is_kept_and_reconcile_places_the_order(client, stripe, monkeypatch):
    to_preview(client, [product()], method="stripe")
    stripe.answer("post", CREATE, (200, payment_intent("requires_action", intent_id="pi_3ds")))
    assert pay(client).status_code == 200
    row = CardPayment.objects.get()
    paid = succeeded_for(row, "pi_3ds")

    def database_down(*args, **kwargs):
        raise DatabaseError("could not write the order")

    with monkeypatch.context() as patched:
        patched.setattr(placement, "place", database_down)
        response = deliver(client, event("payment_intent.succeeded", paid, "evt_failed_once"))
    assert response.status_code == 200  # stored: Stripe need not deliver it again
    stored = WebhookEvent.objects.get(event_id="evt_failed_once")
    assert stored.processed_at is None and not Order.objects.exists()

    stripe.answer("get", "/v1/payment_intents", (200, listing("/v1/payment_intents", charge(paid))))
    stripe.answer("get", "/v1/refunds", (200, listing("/v1/refunds")))
    out = io.StringIO()
    call_command("reconcile_payments", "--fix", stdout=out)
    assert "order placed" in out.getvalue()
    row.refresh_from_db()
    assert Order.objects.get() == row.order


def test_stripe_timing_out_when_the_browser_comes_back_places_nothing_and_says_so(client, stripe):
    to_preview(client, [product()], method="stripe")
    stripe.answer("post", CREATE, (200, payment_intent("succeeded", intent_id="pi_slow")))
    pay(client)
    stripe.answer("get", f"{CREATE}/pi_slow", TIMEOUT)
    with translation.override("en"):
        response = client.post(reverse("checkout:card-complete"), follow=True)
    assert "could not confirm your payment yet" in response.content.decode()
    assert not Order.objects.exists() and basket_items(client) == 1


def test_the_database_failing_after_an_off_session_charge_is_recharged_under_the_same_key_once(stripe, monkeypatch):
    """A pre-order campaign succeeded; the database fails while the first card commitment's order is written."""
    from shop.preorders import cards, rules
    from shop.preorders.models import Campaign, Commitment
    from tests.factories import UserFactory
    from tests.preorders.factories import CampaignFactory

    campaign = CampaignFactory(target_quantity=2, max_per_customer=1)
    for customer in (UserFactory(), UserFactory()):
        rules.commit(
            campaign,
            quantity=1,
            method=Commitment.Method.CARD,
            user=customer,
            payment_method_id="pm_1",
            customer_id="cus_1",
        )
    Campaign.objects.filter(pk=campaign.pk).update(state=Campaign.State.SUCCEEDED)
    first, second = Commitment.objects.order_by("pk")
    stripe.answer("post", CREATE, (200, payment_intent("succeeded", amount=4_000_000, intent_id="pi_offsession")))
    place = placement.place
    calls = []

    def fails_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseError("the database went away")
        return place(*args, **kwargs)

    monkeypatch.setattr(placement, "place", fails_once)
    assert cards.charge_due() == {"ordered": 1}  # the run went on with the second commitment
    first.refresh_from_db()
    assert first.state == Commitment.State.COMMITTED and first.order is None
    assert cards.charge_due() == {"ordered": 1}  # the next run: the same key, so Stripe answers the same charge
    first.refresh_from_db()
    assert first.state == Commitment.State.ORDERED and first.order is not None
    keys = [call["headers"]["Idempotency-Key"] for call in stripe.calls("post", CREATE)]
    assert keys.count(first.idempotency_key) == 2 and keys.count(second.idempotency_key) == 1
    assert Order.objects.count() == 2
