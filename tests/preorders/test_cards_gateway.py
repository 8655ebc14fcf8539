"""The gateway's saved-card calls against a fake Stripe HTTP client: customers, SetupIntents for off-session use,
off-session charges (succeeded, authentication required in both of Stripe's shapes, declined), detaching."""

from decimal import Decimal

import pytest

from shop.payments import gateway
from tests.payments.conftest import fake_stripe  # noqa: F401  (fixture)
from tests.payments.fakes import card_error, payment_intent


@pytest.fixture
def stripe_fake(fake_stripe):  # noqa: F811  (the imported fixture)
    return fake_stripe


def test_a_customer_and_an_off_session_setup_intent_are_created_with_idempotency_keys(stripe_fake):
    stripe_fake.answer("post", "/v1/customers", (200, {"id": "cus_1", "object": "customer"}))
    stripe_fake.answer(
        "post",
        "/v1/setup_intents",
        (200, {"id": "seti_1", "object": "setup_intent", "client_secret": "seti_1_secret_x", "status": "x"}),
    )
    customer = gateway.create_customer("a@example.com", idempotency_key="cus-key", metadata={"user": 7})
    intent = gateway.create_setup_intent(customer["id"], idempotency_key="seti-key", metadata={"user": 7})
    assert intent["client_secret"] == "seti_1_secret_x"
    [created] = stripe_fake.calls("post", "/v1/customers")
    assert created["data"]["email"] == ["a@example.com"] and created["headers"]["Idempotency-Key"] == "cus-key"
    [setup] = stripe_fake.calls("post", "/v1/setup_intents")
    assert setup["data"]["customer"] == ["cus_1"] and setup["data"]["usage"] == ["off_session"]
    assert setup["data"]["metadata[user]"] == ["7"] and setup["headers"]["Idempotency-Key"] == "seti-key"


def charge():
    return gateway.charge_off_session(
        customer="cus_1",
        payment_method="pm_1",
        amount=Decimal("350000"),
        idempotency_key="preorder-commitment-5-charge",
        metadata={"commitment": 5},
    )


def test_an_off_session_charge_confirms_at_once_with_the_customer_absent(stripe_fake):
    stripe_fake.answer("post", "/v1/payment_intents", (200, payment_intent(amount=3_500_000, intent_id="pi_ok")))
    assert charge()["id"] == "pi_ok"
    [call] = stripe_fake.calls("post", "/v1/payment_intents")
    data = call["data"]
    assert data["confirm"] == ["true"] and data["off_session"] == ["true"]
    assert data["customer"] == ["cus_1"] and data["payment_method"] == ["pm_1"] and data["amount"] == ["3500000"]
    assert call["headers"]["Idempotency-Key"] == "preorder-commitment-5-charge"


def test_authentication_required_as_a_card_error_carries_the_payment_intent(stripe_fake):
    error = card_error("This payment requires authentication.", code="authentication_required")
    error["error"]["payment_intent"] = payment_intent(status="requires_payment_method", intent_id="pi_auth")
    stripe_fake.answer("post", "/v1/payment_intents", (402, error))
    with pytest.raises(gateway.AuthenticationRequired) as raised:
        charge()
    assert raised.value.intent_id == "pi_auth"


def test_authentication_required_as_an_intent_needing_action_is_the_same_outcome(stripe_fake):
    stripe_fake.answer(
        "post", "/v1/payment_intents", (200, payment_intent(status="requires_action", intent_id="pi_3ds"))
    )
    with pytest.raises(gateway.AuthenticationRequired) as raised:
        charge()
    assert raised.value.intent_id == "pi_3ds"


def test_a_declined_charge_is_a_message_for_the_customer_and_not_an_authentication_request(stripe_fake):
    stripe_fake.answer("post", "/v1/payment_intents", (402, card_error("Your card has insufficient funds.")))
    with pytest.raises(gateway.CardDeclined, match="insufficient funds") as raised:
        charge()
    assert not isinstance(raised.value, gateway.AuthenticationRequired)


def test_an_outage_is_neither_declined_nor_authentication(stripe_fake):
    stripe_fake.answer("post", "/v1/payment_intents", (500, {"error": {"type": "api_error", "message": "down"}}))
    with pytest.raises(gateway.PaymentError) as raised:
        charge()
    assert type(raised.value) is gateway.PaymentError
    assert len(stripe_fake.calls("post", "/v1/payment_intents")) == 3  # retried with the same key


def test_detaching_a_card_and_one_already_gone(stripe_fake):
    stripe_fake.answer("post", "/v1/payment_methods/pm_1/detach", (200, {"id": "pm_1", "customer": None}))
    assert gateway.detach_payment_method("pm_1")["customer"] is None
    gone = {"error": {"type": "invalid_request_error", "code": "resource_missing", "message": "No such PaymentMethod"}}
    stripe_fake.answer("post", "/v1/payment_methods/pm_2/detach", (400, gone))
    assert gateway.detach_payment_method("pm_2") is None
    stripe_fake.answer(
        "post", "/v1/payment_methods/pm_3/detach", (500, {"error": {"type": "api_error", "message": "x"}})
    )
    with pytest.raises(gateway.PaymentError):
        gateway.detach_payment_method("pm_3")
