"""The one module that talks to Stripe.

Everything else in the shop calls these functions; nothing else imports `stripe`
for API calls. The API base is a setting (localstripe in tests), every create and
refund call carries an idempotency key derived from the basket or order, and the
stripe library retries network errors, timeouts, 409 and 5xx answers with exponential
backoff and jitter (STRIPE_MAX_NETWORK_RETRIES), each retry with the same key, so a
request Stripe did carry out is answered again, never repeated. A request waits
STRIPE_TIMEOUT seconds at most (the library's default would be 80).
"""

import functools
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

# Unit tests put a fake stripe.HTTPClient here (Stripe-shaped JSON, no network).
http_client = None


class PaymentError(Exception):
    """Stripe could not be reached or refused the request for a reason that is not the card's."""


class CardDeclined(PaymentError):
    """The card was declined: the message is for the customer."""


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


@functools.lru_cache(maxsize=4)
def _network_client(timeout):
    """One HTTP client per timeout, kept for the process (its connections are reused)."""
    return stripe.new_default_http_client(timeout=timeout)


def client():
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        http_client=http_client or _network_client(settings.STRIPE_TIMEOUT),
    )


def to_stripe_amount(tomans):
    """Tomans (Decimal) → Stripe's integer amount in the smallest unit of STRIPE_CURRENCY."""
    units = Decimal(tomans) * settings.STRIPE_UNITS_PER_TOMAN
    return int(units.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def from_stripe_amount(amount):
    return (Decimal(amount) / settings.STRIPE_UNITS_PER_TOMAN).quantize(Decimal("0.01"))


def _call(function, *args, **kwargs):
    """Call Stripe; answer a plain dict (the same shape as a webhook event's object)."""
    try:
        return function(*args, **kwargs).to_dict()
    except stripe.CardError as error:
        raise CardDeclined(error.user_message or _("Your card was declined.")) from error
    except stripe.StripeError as error:
        raise PaymentError(str(error)) from error


def create_intent(*, amount, payment_method, idempotency_key, metadata):
    """Create and confirm a PaymentIntent for `amount` tomans with the card the browser tokenized.

    The answer's status is `succeeded`, `requires_action` (3-D Secure: the browser
    finishes it with confirmCardPayment) or something that is not a payment.
    A declined card raises CardDeclined.
    """
    return _call(
        client().v1.payment_intents.create,
        {
            "amount": to_stripe_amount(amount),
            "currency": settings.STRIPE_CURRENCY,
            "payment_method": payment_method,
            "payment_method_types": ["card"],
            "confirm": True,
            "metadata": {key: str(value) for key, value in metadata.items()},
        },
        {"idempotency_key": idempotency_key},
    )


def retrieve_intent(intent_id):
    return _call(client().v1.payment_intents.retrieve, intent_id)


def refund(*, intent_id, amount, idempotency_key, reason=""):
    """Refund `amount` tomans of a PaymentIntent's charge."""
    params = {"payment_intent": intent_id, "amount": to_stripe_amount(amount)}
    if reason:
        params["metadata"] = {"reason": reason[:500]}
    return _call(client().v1.refunds.create, params, {"idempotency_key": idempotency_key})


def _created_between(start: datetime, end: datetime):
    return {"gte": int(start.timestamp()), "lt": int(end.timestamp())}


def _every(list_call, params):
    """Every object of a Stripe list, page after page, as plain dicts."""
    try:
        for item in list_call(params).auto_paging_iter():
            yield item.to_dict()
    except stripe.StripeError as error:
        raise PaymentError(str(error)) from error


def payment_intents_created_between(start, end):
    """Every PaymentIntent created in [start, end), with its latest charge (what was refunded of it)."""
    params = {"created": _created_between(start, end), "limit": 100, "expand": ["data.latest_charge"]}
    return _every(client().v1.payment_intents.list, params)


def refunds_created_between(start, end):
    """Every refund created in [start, end)."""
    return _every(client().v1.refunds.list, {"created": _created_between(start, end), "limit": 100})


def retrieve_intent_with_charge(intent_id):
    return _call(client().v1.payment_intents.retrieve, intent_id, {"expand": ["latest_charge"]})


def construct_event(payload, signature):
    """Verify a webhook's signature (and its timestamp's age) and parse it.

    Raises ValueError (not JSON) or stripe.SignatureVerificationError (bad, missing
    or stale signature); the webhook view turns both into 400.
    """
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise stripe.SignatureVerificationError("no webhook secret configured", signature)
    return stripe.Webhook.construct_event(
        payload, signature or "", settings.STRIPE_WEBHOOK_SECRET, tolerance=settings.STRIPE_WEBHOOK_TOLERANCE
    )


# --- Saved cards (pre-order commitments): customers, SetupIntents, off-session charges ---------


class AuthenticationRequired(PaymentError):
    """The bank wants the customer present (3-D Secure) for this charge: they must pay on-session."""


def create_customer(email, *, idempotency_key, metadata=None):
    """A Stripe Customer for the shopper, so that a saved card can be charged later."""
    params = {"email": email}
    if metadata:
        params["metadata"] = {key: str(value) for key, value in metadata.items()}
    return _call(client().v1.customers.create, params, {"idempotency_key": idempotency_key})


def create_setup_intent(customer, *, idempotency_key, metadata=None):
    """A SetupIntent saving a card of `customer` for off-session charges; the browser confirms it."""
    params = {"customer": customer, "usage": "off_session", "payment_method_types": ["card"]}
    if metadata:
        params["metadata"] = {key: str(value) for key, value in metadata.items()}
    return _call(client().v1.setup_intents.create, params, {"idempotency_key": idempotency_key})


def retrieve_setup_intent(setup_intent_id):
    return _call(client().v1.setup_intents.retrieve, setup_intent_id)


def charge_off_session(*, customer, payment_method, amount, idempotency_key, metadata):
    """Charge `amount` tomans to a saved card with the customer absent. Returns the succeeded PaymentIntent.

    Raises AuthenticationRequired (the bank wants 3-D Secure: `requires_action`, or Stripe's
    `authentication_required` card error), CardDeclined (declined; the message is for the customer)
    or PaymentError (Stripe unreachable or refusing the request). Either error carries the
    PaymentIntent's id, when Stripe made one, as `intent_id`.
    """
    params = {
        "amount": to_stripe_amount(amount),
        "currency": settings.STRIPE_CURRENCY,
        "customer": customer,
        "payment_method": payment_method,
        "payment_method_types": ["card"],
        "confirm": True,
        "off_session": True,
        "metadata": {key: str(value) for key, value in metadata.items()},
    }
    try:
        intent = client().v1.payment_intents.create(params, {"idempotency_key": idempotency_key}).to_dict()
    except stripe.CardError as error:
        intent_id = _intent_id_of(error)
        if error.code == "authentication_required":
            raise _with_intent(
                AuthenticationRequired(error.user_message or _("Your bank asks you to confirm this payment.")),
                intent_id,
            ) from error
        raise _with_intent(CardDeclined(error.user_message or _("Your card was declined.")), intent_id) from error
    except stripe.StripeError as error:
        raise PaymentError(str(error)) from error
    status = intent.get("status")
    if status == "succeeded":
        return intent
    if status in ("requires_action", "requires_confirmation"):
        raise _with_intent(AuthenticationRequired(_("Your bank asks you to confirm this payment.")), intent["id"])
    error = intent.get("last_payment_error") or {}
    message = (error.get("message") if isinstance(error, dict) else "") or _("Your card was declined.")
    raise _with_intent(CardDeclined(message), intent["id"])


def _intent_id_of(error):
    body = error.json_body if isinstance(getattr(error, "json_body", None), dict) else {}
    intent = (body.get("error") or {}).get("payment_intent") or {}
    return intent.get("id", "") if isinstance(intent, dict) else ""


def _with_intent(error, intent_id):
    error.intent_id = intent_id or ""
    return error


def detach_payment_method(payment_method):
    """Forget a saved card (the customer can no longer be charged with it).

    A card Stripe no longer has, or that is already detached, counts as done (answers None).
    """
    try:
        return _call(client().v1.payment_methods.detach, payment_method)
    except PaymentError as error:
        if isinstance(error.__cause__, stripe.InvalidRequestError):
            return None
        raise
