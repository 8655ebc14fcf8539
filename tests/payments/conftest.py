import pytest

from tests.payments.fakes import WEBHOOK_SECRET, FakeStripe


@pytest.fixture
def fake_stripe(settings, monkeypatch):
    """Stripe configured, its HTTP answered by a FakeStripe (no network)."""
    from shop.payments import gateway

    fake = FakeStripe()
    monkeypatch.setattr(gateway, "http_client", fake)
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = "https://stripe.invalid"
    settings.STRIPE_MAX_NETWORK_RETRIES = 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return fake
