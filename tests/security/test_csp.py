"""Content-Security-Policy: enforced on every response, strict on the storefront."""

import re
from pathlib import Path

import pytest
from django.test import override_settings

from shop.security import policy

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "shop", ROOT / "catalogue", ROOT / "producers", ROOT / "quality", ROOT / "cms"]
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)(?![^>]*\bnonce=)[^>]*>")


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz/", "/fa/basket/", "/en/search/?q=x", "/en/accounts/login/"])
def test_storefront_policy_is_enforced_and_strict(client, path):
    response = client.get(path)
    assert "Content-Security-Policy-Report-Only" not in response
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"][0] == "'self'"
    assert csp["script-src"][1].startswith("'nonce-")
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_inline_script_of_the_page_carries_the_nonce_of_its_response(client):
    response = client.get("/en/basket/")
    nonce = directives(response["Content-Security-Policy"])["script-src"][1][len("'nonce-") : -1]
    html = response.content.decode()
    assert f'<script nonce="{nonce}">' in html
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html)
    assert not INLINE_HANDLER.search(html.split("<body", 1)[1])
    other = client.get("/en/basket/")
    assert other["Content-Security-Policy"] != response["Content-Security-Policy"]  # a fresh nonce each time


@pytest.mark.django_db
def test_staff_areas_get_the_looser_policy_documented_in_shop_security(client):
    for path in ["/cms/login/", "/django-admin/login/", "/en/dashboard/", "/fa/quality/"]:
        csp = directives(client.get(path)["Content-Security-Policy"])
        assert "'unsafe-inline'" in csp["script-src"], path
        assert "'unsafe-eval'" not in csp["script-src"], path
        assert csp["frame-ancestors"] == ["'none'"], path


def test_stripe_origins_are_allowed_only_when_stripe_is_configured():
    assert "stripe" not in policy("n")
    with override_settings(
        STRIPE_SECRET_KEY="sk_test_x",
        STRIPE_PUBLISHABLE_KEY="pk_test_x",
        STRIPE_JS_URL="https://js.stripe.com/v3/",
        STRIPE_API_BASE="https://api.stripe.com",
    ):
        csp = directives(policy("n"))
    assert csp["script-src"] == ["'self'", "'nonce-n'", "https://js.stripe.com"]
    assert "https://js.stripe.com" in csp["frame-src"]
    assert "https://api.stripe.com" in csp["connect-src"]


def test_no_template_of_ours_has_an_inline_script_or_event_handler():
    offenders = []
    for directory in TEMPLATE_DIRS:
        for template in directory.rglob("templates/**/*.html"):
            if "dashboard" in template.parts:
                continue  # the dashboard has the looser staff policy
            text = template.read_text()
            if INLINE_HANDLER.search(text) or INLINE_SCRIPT.search(text) or "<style" in text:
                offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []
