"""localstripe (PyPI, GPL) as a separate local process for integration and browser tests.

Import the `localstripe` fixture into a test module. It starts the server once per
session on a free port and yields its URL; without it the tests skip, except when
REQUIRE_BROWSER=1 (CI), where they fail.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url):
    try:
        urllib.request.urlopen(f"{url}/js.stripe.com/v3/", timeout=1).read(1)  # noqa: S310  (our own http URL)
    except urllib.error.HTTPError:
        return True  # it answers, even if with an error
    except OSError:
        return False
    return True


def _unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"localstripe is required (REQUIRE_BROWSER=1): {reason}")
    pytest.skip(f"localstripe is not available: {reason}")


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("localstripe") / "localstripe.log").open("w")
    try:
        process = subprocess.Popen(  # noqa: S603  (a fixed command line)
            [sys.executable, "-m", "localstripe", "--port", str(port), "--from-scratch"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    except OSError as error:
        _unavailable(str(error))
    try:
        deadline = time.monotonic() + 30
        while not _answers(url):
            if process.poll() is not None:
                _unavailable(f"the process exited with {process.returncode}")
            if time.monotonic() > deadline:
                _unavailable("no answer within 30 seconds")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def stripe_on_localstripe(localstripe, settings, monkeypatch):
    """Settings pointing the gateway and Stripe.js at localstripe."""
    from shop.payments import gateway

    monkeypatch.setattr(gateway, "http_client", None)
    settings.STRIPE_SECRET_KEY = "sk_test_localstripe"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_localstripe"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_localstripe"
    settings.STRIPE_API_BASE = localstripe
    settings.STRIPE_JS_URL = f"{localstripe}/js.stripe.com/v3/"
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    return localstripe
