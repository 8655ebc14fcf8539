"""Project-wide test setup.

Two environment switches turn optional environments into requirements (CI sets both):
REQUIRE_POSTGRES=1 fails the run unless the tests use PostgreSQL, and
REQUIRE_BROWSER=1 fails browser tests instead of skipping them when Chromium is absent.
"""

import contextlib
import io
import os
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _flag(name):
    return os.environ.get(name, "").lower() in {"1", "true", "yes"}


def pytest_configure(config):
    # The sync Playwright API runs an event loop in the test thread; Django's
    # async-safety check would otherwise refuse the ORM calls made there.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark the tests that run in real transactions (`transactional`): `make test` runs the others in
    parallel workers, then these in one process, as Django orders them (last), because each flushes
    the database when it ends."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = getattr(item, "fixturenames", ())
        in_transactions = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        if in_transactions or "transactional_db" in fixtures or "live_server" in fixtures:
            item.add_marker("transactional")


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}; chromium: {shutil.which(CHROMIUM) or 'absent'}"


@pytest.fixture(scope="session", autouse=True)
def _require_postgres_when_asked(django_db_setup, django_db_blocker):
    if _flag("REQUIRE_POSTGRES"):
        with django_db_blocker.unblock():
            assert connection.vendor == "postgresql", "REQUIRE_POSTGRES=1 but the tests are not on PostgreSQL"


@pytest.fixture(autouse=True)
def _test_storage(settings, tmp_path_factory):
    """Uploads and thumbnails go to a temporary folder, never the developer's media;
    static files come from the finders, so no `collectstatic` is needed."""
    settings.MEDIA_ROOT = str(tmp_path_factory.getbasetemp() / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path_factory.getbasetemp() / "private")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (a request in English must not leak into the next test)."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _search_documents_follow_saves(request, monkeypatch):
    """Catalogue and category pages read the search documents, which are updated when a transaction
    commits. A test inside a transaction that never commits updates them at once on every save instead;
    tests/search checks the batching on commit itself and builds its index explicitly."""
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or "db" in request.fixturenames
    in_transactions = (marker is not None and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if not uses_db or in_transactions or "tests/search/" in str(request.node.path):
        yield
        return
    from shop.search import indexing

    def update_now(product_ids):
        ids = sorted({pk for pk in product_ids if pk is not None})
        if ids:
            indexing.enqueue(ids)

    monkeypatch.setattr(indexing, "schedule", update_now)
    yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


def demo_email(short_role):
    """The demo account (shop/demo/accounts.py) of a role by the short name tests use."""
    from shop import roles
    from shop.demo.accounts import ACCOUNTS

    role = {"officer": roles.QUALITY_OFFICER, "staff": roles.PROGRAMME_STAFF}.get(short_role, short_role)
    return next(account["email"] for account in ACCOUNTS if account["role"] == role)


DEMO_ROLES = ["customer", "producer", "officer", "staff", "editor"]  # and "superuser"


def require_postgres():
    """Skip (or fail in CI) a test that needs PostgreSQL."""
    if connection.vendor != "postgresql":
        if _flag("REQUIRE_POSTGRES"):
            pytest.fail("this test needs PostgreSQL and REQUIRE_POSTGRES=1")
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def chromium_path():
    if not shutil.which(CHROMIUM):
        if _flag("REQUIRE_BROWSER"):
            pytest.fail(f"REQUIRE_BROWSER=1 but Chromium is not at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture
def artifacts_dir():
    path = settings.BASE_DIR / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def page(chromium_path, live_server):
    """A Playwright page in Debian's Chromium (no browser download), pointed at the live server."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        context = browser.new_context(base_url=live_server.url, locale="fa-IR")
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


@contextlib.contextmanager
def demo_market(django_db_blocker, tmp_path_factory):
    """The demo market (`load_demo`) for a whole test module, rolled back when the module ends.

    Module fixtures run before the per-test settings above, so media and hashing
    are isolated here too.
    """
    base = tmp_path_factory.getbasetemp()
    with (
        override_settings(
            MEDIA_ROOT=str(base / "media"),
            PRIVATE_MEDIA_ROOT=str(base / "private"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
