"""The one Stripe gateway, against a fake HTTP client answering Stripe-shaped JSON."""

from decimal import Decimal

import pytest

from shop.payments import gateway
from tests.payments.fakes import card_error, payment_intent


def test_a_payment_intent_is_created_confirmed_in_rials_with_an_idempotency_key(fake_stripe):
    fake_stripe.answer("post", "/v1/payment_intents", (200, payment_intent(amount=4_500_000)))
    intent = gateway.create_intent(
        amount=Decimal("450000"), payment_method="card_123", idempotency_key="pi-basket-7", metadata={"basket": 7}
    )
    assert intent["status"] == "succeeded"
    [call] = fake_stripe.calls("post", "/v1/payment_intents")
    assert call["data"]["amount"] == ["4500000"] and call["data"]["currency"] == ["irr"]
    assert call["data"]["confirm"] == ["true"] and call["data"]["payment_method"] == ["card_123"]
    assert call["headers"]["Idempotency-Key"] == "pi-basket-7"
    assert call["headers"]["Authorization"] == "Bearer sk_test_fake"


def test_a_declined_card_is_a_message_for_the_customer(fake_stripe):
    fake_stripe.answer("post", "/v1/payment_intents", (402, card_error("Your card has insufficient funds.")))
    with pytest.raises(gateway.CardDeclined, match="insufficient funds"):
        gateway.create_intent(amount=Decimal("1000"), payment_method="card_1", idempotency_key="k", metadata={})


def test_server_errors_are_retried_with_the_same_idempotency_key(fake_stripe):
    fake_stripe.answer(
        "post",
        "/v1/refunds",
        (500, {"error": {"type": "api_error", "message": "boom"}}),
        (503, {"error": {"type": "api_error", "message": "busy"}}),
        (200, {"id": "re_1", "object": "refund", "amount": 10000, "status": "succeeded"}),
    )
    refund = gateway.refund(intent_id="pi_1", amount=Decimal("1000"), idempotency_key="refund-order-1-all")
    assert refund["id"] == "re_1"
    calls = fake_stripe.calls("post", "/v1/refunds")
    assert len(calls) == 3
    assert {call["headers"]["Idempotency-Key"] for call in calls} == {"refund-order-1-all"}


def test_persistent_outage_is_a_payment_error_after_the_retries(fake_stripe):
    fake_stripe.answer("get", "/v1/payment_intents/pi_1", (500, {"error": {"type": "api_error", "message": "down"}}))
    with pytest.raises(gateway.PaymentError):
        gateway.retrieve_intent("pi_1")
    assert len(fake_stripe.calls("get", "/v1/payment_intents/pi_1")) == 3  # the call and two retries


def test_card_payments_are_offered_only_with_both_keys(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", ""
    assert not gateway.is_configured()
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_x"
    assert gateway.is_configured()


def test_amounts_convert_between_tomans_and_rials(settings):
    assert gateway.to_stripe_amount(Decimal("1250000")) == 12_500_000
    assert gateway.from_stripe_amount(12_500_000) == Decimal("1250000.00")
