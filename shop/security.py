"""Content-Security-Policy: one middleware, a nonce per request.

The storefront's policy is strict: scripts only from this site (plus Stripe.js's origin when the
card method is configured) and the one inline script of `oscar/base.html` (Oscar's `onbodyload`
block), which carries the request's nonce (`{{ request.csp_nonce }}`). No 'unsafe-inline' and no
'unsafe-eval' for scripts, no inline event handlers (templates use data attributes read by
static/js/market-actions.js).

The staff areas (Wagtail's admin under /cms/, django-admin, Oscar's dashboard including the
producer portal, and the certification pages under /quality/ drawn in the dashboard's layout) get a
looser policy: their third-party templates and widgets (Wagtail's admin,
Oscar's dashboard forms, TinyMCE) still rely on inline scripts and styles that we do not own.
They are reachable only after signing in; everything else in the policy (sources, framing, forms,
plugins) stays as strict as the storefront's.
"""

import re
import secrets
from urllib.parse import urlsplit

from django.conf import settings

STAFF_PATHS = re.compile(r"^/(cms|django-admin)/|^/[a-z]{2}(-[a-z]+)?/(dashboard|quality)/")


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def stripe_sources():
    """Origins Stripe.js needs (script, frames, API calls), only when the card method is configured."""
    if not (settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY):
        return [], []
    js = _origin(settings.STRIPE_JS_URL)
    api = _origin(settings.STRIPE_API_BASE)
    scripts = [js] if js else []
    return scripts, sorted({origin for origin in (js, api) if origin})


def policy(nonce, staff_area=False):
    stripe_scripts, stripe_other = stripe_sources()
    if staff_area:
        script_src = ["'self'", "'unsafe-inline'", *stripe_scripts]
        style_src = ["'self'", "'unsafe-inline'"]
    else:
        script_src = ["'self'", f"'nonce-{nonce}'", *stripe_scripts]
        style_src = ["'self'"]
    directives = {
        # style="" attributes (Oscar's templates hide form parts with them) cannot run script;
        # <style> elements and style sheets stay limited to 'self' (style-src) on the storefront.
        "style-src-attr": ["'unsafe-inline'"],
        "default-src": ["'self'"],
        "script-src": script_src,
        "style-src": style_src,
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *stripe_other],
        "frame-src": ["'self'", *stripe_other],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    """Gives every request a fresh nonce and every response the enforced policy for its area."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy(
                request.csp_nonce, staff_area=bool(STAFF_PATHS.match(request.path))
            )
        return response
