"""Abuse limits (shop/ratelimit.py): per-address rate limits, per-account lockout, password validators."""

import os

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from shop import ratelimit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def limits(settings):
    cache.clear()
    settings.LANGUAGE_CODE = "en"
    settings.RATE_LIMITS = {
        "login": (5, 300),
        "password-reset": (2, 3600),
        "producer-application": (2, 3600),
        "certificate-lookup": (3, 60),
        "checkout": (2, 600),
    }
    settings.LOGIN_LOCKOUT_FAILURES = 3
    settings.LOGIN_LOCKOUT_MINUTES = 15
    yield settings
    cache.clear()


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("customer:login"),
        {"login_submit": "1", "login-username": username, "login-password": password},
        REMOTE_ADDR=address,
    )


def assert_limited(response, text="Too many attempts from your connection"):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert text in response.content.decode()


def test_sign_in_is_limited_per_address_with_429_and_retry_after(client):
    for attempt in range(5):
        assert log_in(client, f"nobody{attempt}@example.com", "x").status_code == 200
    assert_limited(log_in(client, "nobody@example.com", "x"))
    # another address is not affected
    assert log_in(client, "nobody@example.com", "x", address="10.0.0.2").status_code == 200


def test_the_limit_page_is_translated(client):
    for _attempt in range(5):
        log_in(client, "a@example.com", "x")
    response = client.post(
        "/fa/accounts/login/", {"login_submit": "1", "login-username": "a@example.com"}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429
    assert 'lang="fa"' in response.content.decode()


def test_an_account_is_locked_after_failed_sign_ins_from_any_address(client):
    user = UserFactory(email="victim@example.com")
    for attempt in range(3):
        assert log_in(client, user.email, "wrong", address=f"10.0.1.{attempt}").status_code == 200
    response = log_in(client, user.email, PASSWORD, address="10.0.2.1")
    assert_limited(response, "This account is locked for 15 minutes")
    assert "_auth_user_id" not in client.session
    # other accounts sign in normally
    other = UserFactory(email="other@example.com")
    assert log_in(client, other.email, PASSWORD, address="10.0.2.1").status_code == 302


def test_a_successful_sign_in_clears_the_failures(client):
    user = UserFactory(email="forgetful@example.com")
    log_in(client, user.email, "wrong", address="10.0.4.1")
    log_in(client, user.email, "wrong", address="10.0.4.2")
    assert log_in(client, user.email, PASSWORD, address="10.0.4.3").status_code == 302
    client.logout()
    log_in(client, user.email, "wrong", address="10.0.4.4")
    log_in(client, user.email, "wrong", address="10.0.4.5")
    assert log_in(client, user.email, PASSWORD, address="10.0.4.6").status_code == 302


def test_a_password_reset_unlocks_the_account(client):
    user = UserFactory(email="locked@example.com")
    for _attempt in range(3):
        log_in(client, user.email, "wrong", address="10.0.3.1")
    assert ratelimit.lockout_remaining(user.email) > 0
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    url = reverse("password-reset-confirm", kwargs={"uidb64": uid, "token": token})
    form_url = client.get(url, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "a-new-long-passphrase-9", "new_password2": "a-new-long-passphrase-9"}
    )
    assert response.status_code == 302
    assert ratelimit.lockout_remaining(user.email) == 0
    assert log_in(client, user.email, "a-new-long-passphrase-9", address="10.0.3.1").status_code == 302


def test_password_reset_requests_are_limited(client):
    for _attempt in range(2):
        assert client.post(reverse("password-reset"), {"email": "a@example.com"}).status_code == 302
    assert_limited(client.post(reverse("password-reset"), {"email": "a@example.com"}))


def test_producer_applications_are_limited(client):
    client.force_login(UserFactory())
    for _attempt in range(2):
        assert client.post(reverse("producers:apply"), {}).status_code != 429
    assert_limited(client.post(reverse("producers:apply"), {}))


def test_certificate_lookups_are_limited(client):
    url = reverse("quality:verify", kwargs={"number": "NO-SUCH-NUMBER"})
    for _attempt in range(3):
        assert client.get(url).status_code == 404
    assert_limited(client.get(url))


def test_placing_orders_is_limited_but_viewing_the_preview_is_not(client):
    url = reverse("checkout:preview")
    for _attempt in range(2):
        assert client.post(url, {"action": "place_order"}).status_code != 429
    assert_limited(client.post(url, {"action": "place_order"}))
    assert client.get(url).status_code != 429


def test_oscar_registration_uses_the_password_validators(client):
    response = client.post(
        reverse("customer:register"),
        {
            "email": "new@example.com",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "This password is too common." in response.content.decode()
    assert "This password is entirely numeric." in response.content.decode()


def test_password_change_uses_the_password_validators(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("customer:change-password"),
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )
    assert response.status_code == 200
    assert "This password is too short." in response.content.decode()


def test_limits_hold_across_processes_with_redis(settings):
    """With REDIS_URL the counters live in Redis, so every gunicorn worker sees the same count."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    redis_cache = RedisCache(url, {})
    try:
        redis_cache.get("ping")
    except Exception as error:  # noqa: BLE001
        if os.environ.get("REQUIRE_REDIS", "").lower() in {"1", "true", "yes"}:
            raise
        pytest.skip(f"no Redis at {url}: {error}")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    from django.core.cache import caches

    caches["default"].clear()
    try:
        assert ratelimit.hit("test-scope:10.9.9.9", 2, 60)[0]
        assert ratelimit.hit("test-scope:10.9.9.9", 2, 60)[0]
        # a second client of the same Redis (another worker) sees the same count
        other_worker = RedisCache(url, {})
        assert any(
            other_worker.get(key) == 2
            for key in [k.decode().split(":", 2)[-1] for k in other_worker._cache.get_client().keys("*ratelimit:*")]
        )
        allowed, retry_after = ratelimit.hit("test-scope:10.9.9.9", 2, 60)
        assert not allowed and 0 < retry_after <= 60
    finally:
        caches["default"].clear()
