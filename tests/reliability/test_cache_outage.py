"""The cache (Redis, REDIS_URL) down: the shop keeps answering, uncached, and nothing is lost.

Production uses shop.cache.ResilientRedisCache (see its docstring for why the rate limits fail
open). Here it points at a port where nothing listens, or at a server that never answers: every
page still answers, the anonymous page cache serves freshly rendered pages, sign-in and orders
go through, and the outage is logged once. The last test shows the same backend caching and
limiting as usual when Redis is up.
"""

import logging
import os
import time
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.models import Order

from shop import cache as resilient
from tests.checkout.factories import place_cod, product, to_preview
from tests.factories import ProductFactory, UserFactory, category, home_pages
from tests.search.conftest import rebuild_index

from .conftest import hanging_server, logged_errors, refused_port

pytestmark = pytest.mark.django_db

BACKEND = "shop.cache.ResilientRedisCache"
PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


@pytest.fixture
def hanging_redis():
    with hanging_server() as port:
        yield port


def use_cache(settings, location, **options):
    resilient._down_until.clear()
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": location, **options}}


@pytest.fixture(params=["refused", "hanging"])
def cache_down(request, settings, caplog):
    port = refused_port() if request.param == "refused" else request.getfixturevalue("hanging_redis")
    use_cache(settings, f"redis://127.0.0.1:{port}/13", OPTIONS={"socket_connect_timeout": 1, "socket_timeout": 1})
    caplog.set_level(logging.ERROR)
    yield caplog
    resilient._down_until.clear()


@pytest.fixture
def shop():
    home_pages()
    rugs = category("Rugs", "گلیم")
    item = ProductFactory(title_en="Wool rug", categories=[rugs])
    rebuild_index()
    with translation.override("en"):
        return {
            "home": "/en/",
            "catalogue": "/en/catalogue/",
            "category": rugs.get_absolute_url(),
            "product": item.get_absolute_url(),
            "search": "/en/search/?q=wool",
            "suggestions": "/en/search/suggest/?q=wool",
            "certificate": reverse("quality:verify", kwargs={"number": item.certificates.get().number}),
        }


def test_every_page_answers_freshly_rendered(shop, cache_down, client):
    started = time.monotonic()
    for name, path in shop.items():
        response = client.get(path)
        assert response.status_code == 200, name
    again = client.get(shop["catalogue"])
    assert again.status_code == 200 and "X-Page-Cache" not in again
    # One timeout at most (the hanging server), then the cache is left alone: not one per call.
    assert time.monotonic() - started < 1 + 5
    assert len(logged_errors(cache_down, "The cache is unreachable")) == 1


def test_sign_in_works_and_the_limits_fail_open(shop, cache_down, client, settings):
    """Failing closed would refuse every sign-in while the cache is down; the limits are a second
    line (hashing and password validators stand), so attempts are let through and the outage logged."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (1, 300)}
    settings.LOGIN_LOCKOUT_FAILURES = 1
    user = UserFactory()
    form = {"login-username": user.email, "login-password": "wrong", "login_submit": "1"}
    for _attempt in range(3):
        assert client.post("/en/accounts/login/", form).status_code == 200  # the form's error, not a 429
    response = client.post("/en/accounts/login/", {**form, "login-password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_an_order_is_placed_and_its_stock_allocated(cache_down, client):
    item = product(num_in_stock=2)  # stock saves bump the catalogue version in the cache
    to_preview(client, [item])
    response = place_cod(client)
    assert response.status_code == 302 and response["Location"].endswith(reverse("checkout:thank-you"))
    order = Order.objects.get()
    assert order.lines.get().product == item
    assert item.stockrecords.get().num_allocated == 1


@pytest.fixture
def live_redis(settings):
    """The same backend on a real Redis (db 13, or TEST_REDIS_URL), under a key prefix of its own."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    prefix = f"reliability-{uuid.uuid4().hex}"
    use_cache(settings, url, KEY_PREFIX=prefix)
    try:
        cache.get("ping")
        reachable = not resilient._down_until
    finally:
        resilient._down_until.clear()
    if not reachable:
        if os.environ.get("REQUIRE_REDIS", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"REQUIRE_REDIS=1 but there is no Redis at {url}")
        pytest.skip(f"no Redis at {url}")
    yield
    client = cache._cache.get_client()
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_with_redis_up_the_same_backend_caches_pages_and_counts_attempts(shop, live_redis, client, settings):
    assert client.get(shop["catalogue"]).status_code == 200
    assert client.get(shop["catalogue"])["X-Page-Cache"] == "hit"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (2, 300)}
    form = {"login-username": "someone@example.com", "login-password": "wrong", "login_submit": "1"}
    answers = [client.post("/en/accounts/login/", form).status_code for _attempt in range(3)]
    assert answers == [200, 200, 429]
