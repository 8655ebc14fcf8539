# The fake Stripe and localstripe fixtures of tests/payments, for the checkout's card tests.
from tests.payments.conftest import fake_stripe  # noqa: F401
from tests.payments.localstripe import localstripe, stripe_on_localstripe  # noqa: F401
