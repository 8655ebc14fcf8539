"""The Stripe webhook: signature verified, each event stored and processed once, order-independent."""

import json
import threading
import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from oscar.apps.order.models import Order
from oscar.apps.partner.models import StockRecord

from shop.payments.models import CardPayment, WebhookEvent
from tests.conftest import require_postgres
from tests.payments.factories import card_payment, stripe_amount
from tests.payments.fakes import WEBHOOK_SECRET, event, payment_intent, signature

URL = "/payments/stripe/webhook/"


def deliver(client, payload, secret=WEBHOOK_SECRET, timestamp=None, header=None):
    body = json.dumps(payload) if not isinstance(payload, str) else payload
    sig = header if header is not None else signature(body, secret, timestamp)
    # After the request's transaction commits, the task runs (the immediate backend, as configured).
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=sig)


def succeeded(payment, event_id=None):
    return event(
        "payment_intent.succeeded",
        payment_intent("succeeded", amount=stripe_amount(payment), intent_id=payment.intent_id),
        event_id,
    )


def failed(payment, event_id=None):
    error = {"code": "card_declined", "message": "Your card was declined."}
    return event(
        "payment_intent.payment_failed",
        payment_intent(
            "requires_payment_method", amount=stripe_amount(payment), intent_id=payment.intent_id, error=error
        ),
        event_id,
    )


@pytest.mark.django_db
class TestSignature:
    def test_a_valid_event_is_stored_processed_and_places_the_order(self, client, fake_stripe):
        payment = card_payment()
        response = deliver(client, succeeded(payment, "evt_valid"))
        assert response.status_code == 200
        stored = WebhookEvent.objects.get(event_id="evt_valid")
        assert stored.processed_at is not None
        payment.refresh_from_db()
        assert payment.status == CardPayment.Status.SUCCEEDED
        order = payment.order
        assert order.total_incl_tax == payment.amount
        source = order.sources.get()
        assert (source.source_type.code, source.reference, source.amount_debited) == (
            "stripe",
            payment.intent_id,
            payment.amount,
        )

    def test_a_tampered_body_is_refused_and_changes_nothing(self, client, fake_stripe):
        payment = card_payment()
        body = json.dumps(succeeded(payment))
        header = signature(body)
        tampered = body.replace(str(stripe_amount(payment)), "1")
        assert deliver(client, tampered, header=header).status_code == 400
        assert not WebhookEvent.objects.exists() and not Order.objects.exists()

    def test_a_signature_made_with_another_secret_is_refused(self, client, fake_stripe):
        assert deliver(client, succeeded(card_payment()), secret="whsec_someone_else").status_code == 400
        assert not WebhookEvent.objects.exists() and not Order.objects.exists()

    def test_a_stale_timestamp_is_refused(self, client, fake_stripe):
        assert deliver(client, succeeded(card_payment()), timestamp=time.time() - 3600).status_code == 400
        assert not Order.objects.exists()

    def test_a_missing_signature_is_refused(self, client, fake_stripe):
        assert deliver(client, succeeded(card_payment()), header="").status_code == 400
        assert not WebhookEvent.objects.exists()

    def test_without_a_configured_secret_nothing_is_accepted(self, client, fake_stripe, settings):
        settings.STRIPE_WEBHOOK_SECRET = ""
        assert deliver(client, succeeded(card_payment())).status_code == 400

    def test_only_post_is_accepted(self, client):
        assert client.get(URL).status_code == 405


@pytest.mark.django_db
class TestOnceAndInAnyOrder:
    def test_the_same_event_delivered_five_times_places_one_order(self, client, fake_stripe):
        payment = card_payment()
        payload = succeeded(payment, "evt_dup")
        answers = [deliver(client, payload) for _ in range(5)]
        assert [answer.status_code for answer in answers] == [200] * 5
        assert [answer.json().get("duplicate", False) for answer in answers] == [False] + [True] * 4
        assert WebhookEvent.objects.count() == 1 and Order.objects.count() == 1

    def test_two_different_events_for_one_payment_place_one_order(self, client, fake_stripe):
        payment = card_payment()
        deliver(client, succeeded(payment, "evt_a"))
        deliver(client, succeeded(payment, "evt_b"))
        assert Order.objects.count() == 1

    def test_a_failure_arriving_after_the_success_changes_nothing(self, client, fake_stripe):
        payment = card_payment()
        deliver(client, succeeded(payment))
        deliver(client, failed(payment))
        payment.refresh_from_db()
        assert payment.status == CardPayment.Status.SUCCEEDED and payment.order is not None

    def test_a_success_after_an_earlier_failure_places_the_order(self, client, fake_stripe):
        payment = card_payment()
        deliver(client, failed(payment))
        payment.refresh_from_db()
        assert payment.status == CardPayment.Status.FAILED and "declined" in payment.last_error
        deliver(client, succeeded(payment))
        payment.refresh_from_db()
        assert payment.status == CardPayment.Status.SUCCEEDED and Order.objects.count() == 1

    def test_charge_refunded_before_or_after_another_refund_keeps_the_highest_amount(self, client, fake_stripe):
        payment = card_payment()
        deliver(client, succeeded(payment))
        charge = {"id": "ch_1", "object": "charge", "payment_intent": payment.intent_id}
        deliver(client, event("charge.refunded", {**charge, "amount_refunded": 2_000_000}))
        deliver(client, event("charge.refunded", {**charge, "amount_refunded": 1_000_000}))  # older, late
        source = Order.objects.get().sources.get()
        assert source.amount_refunded == 200000

    def test_an_event_for_someone_elses_payment_is_acknowledged_and_ignored(self, client, fake_stripe):
        response = deliver(client, event("payment_intent.succeeded", payment_intent(intent_id="pi_not_ours")))
        assert response.status_code == 200 and not Order.objects.exists()


@pytest.mark.django_db
def test_paid_but_sold_out_is_refunded_and_the_customer_told(client, fake_stripe):
    payment = card_payment()
    fake_stripe.answer("post", "/v1/refunds", (200, {"id": "re_1", "object": "refund", "status": "succeeded"}))
    StockRecord.objects.update(num_allocated=5)  # someone else bought the last units meanwhile
    assert deliver(client, succeeded(payment)).status_code == 200
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.REFUNDED_UNPLACEABLE and payment.order is None
    assert not Order.objects.exists()
    [refund] = fake_stripe.calls("post", "/v1/refunds")
    assert refund["data"]["payment_intent"] == [payment.intent_id]
    assert refund["data"]["amount"] == [str(stripe_amount(payment))]
    assert refund["headers"]["Idempotency-Key"] == f"refund-unplaceable-{payment.intent_id}"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["guest@example.com"]
    # A repeated delivery refunds nothing more.
    deliver(client, succeeded(payment))
    assert len(fake_stripe.calls("post", "/v1/refunds")) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # leaves the data later browser tests need
def test_five_concurrent_deliveries_of_one_event_place_one_order(fake_stripe):
    require_postgres()
    payment = card_payment()
    payload = succeeded(payment, "evt_concurrent")
    barrier = threading.Barrier(5)
    statuses, errors = [], []

    def post():
        try:
            barrier.wait()
            statuses.append(deliver(Client(), payload).status_code)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and statuses == [200] * 5
    assert WebhookEvent.objects.count() == 1 and Order.objects.count() == 1
