"""Whole-page caching of the public catalogue pages for anonymous visitors (one middleware, one rule).

What is cached: GET/HEAD answers (status 200, HTML) of the views in CACHED_VIEWS, for a visitor
who is not signed in and sends no cookie but the CSRF and language ones (so no session, basket or
messages exist that the page could show), when the view left the session and the messages alone.

The key: the language, the full URL (path and query string), the *catalogue version* and the
*next gate instant*.
- The catalogue version is a counter in the cache, bumped after commit by every save or delete of
  what a listing shows (products, their stock, images, attributes and categories, certificates,
  producers, brands, regions, crafts, categories). A new version makes every older entry unreachable.
- Expiry of a certificate happens by time with no event. The next gate instant is the earliest
  moment after now at which a valid certificate starts or stops being in force; it is computed by
  one indexed query and kept until that moment or until a certificate changes. Entries live at most until that
  instant (and never longer than PAGE_CACHE_SECONDS), and the instant is part of their key, so a
  page cached before a certificate expires is never served after it.

The recently-viewed cookie is allowed (the product page, which shows that list, is cached only for
visitors without it, and stores and replays the cookie it sets: the same for all of them).
Per-visitor parts are never stored: the CSRF token of forms (add to basket) and the CSP nonce of the
page's script are replaced by placeholders in the stored copy and filled in with the current
request's values when it is served (so each visitor gets their own token, and the CSRF cookie).
"""

import hashlib
import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

CACHED_VIEWS = frozenset(
    {
        "catalogue:index",
        "catalogue:category",
        "catalogue:detail",
        "producers:detail",
        "quality:verify",
    }
)
VERSION_KEY = "page-cache:catalogue-version"
SEARCH_VERSION_KEY = "search:documents-version"
NEXT_INSTANT_KEY = "page-cache:next-gate-instant"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "\x00csrf\x00"
NONCE_PLACEHOLDER = "\x00nonce\x00"
FAR = timedelta(days=1)


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


# --- The catalogue version and the next gate instant -------------------------------------------------


def _version(key):
    version = cache.get(key)
    if version is None:
        version = int(timezone.now().timestamp() * 1000)  # new after a cache flush: never an old number
        cache.add(key, version, None)
        version = cache.get(key, version)
    return version


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:  # not there (evicted or never set): a fresh time-based one
        cache.set(key, int(timezone.now().timestamp() * 1000), None)


def catalogue_version():
    return _version(VERSION_KEY)


def bump_catalogue_version():
    _bump(VERSION_KEY)


def search_version():
    """The version of what search facet counts are taken from: the search documents and the category tree.

    Narrower than the catalogue version: a stock allocation (every order placed) changes the stock a
    page shows, but not the documents' facet fields unless availability or price change, which the
    index update that follows detects (shop/search/backends/database.py bumps this one then)."""
    return _version(SEARCH_VERSION_KEY)


def bump_search_version():
    _bump(SEARCH_VERSION_KEY)


def next_gate_instant(now):
    """The earliest moment after `now` at which a valid certificate starts or stops being in force.

    Kept in the cache until that moment, or until a certificate changes (one indexed query)."""
    instant = cache.get(NEXT_INSTANT_KEY)
    if instant is not None and instant > now:
        return instant
    from quality.models import Certificate

    moments = Certificate.objects.filter(status=Certificate.Status.VALID).aggregate(
        until=Min("valid_until", filter=Q(valid_until__gt=now)),
        start=Min("valid_from", filter=Q(valid_from__gt=now)),
    )
    instant = min([m for m in moments.values() if m is not None], default=now + FAR)
    cache.set(NEXT_INSTANT_KEY, instant, max(1, int((instant - now).total_seconds())))
    return instant


def forget_next_gate_instant():
    cache.delete(NEXT_INSTANT_KEY)


def catalogue_changed(sender, instance=None, raw=False, **kwargs):
    """Receiver: something a catalogue page shows changed; older cached pages become unreachable."""
    if raw:
        return
    changes = [bump_catalogue_version]
    if sender is not None and sender._meta.model_name == "certificate":
        changes.append(forget_next_gate_instant)
    for change in changes:
        change()  # now, so that this transaction's own later reads miss too,
        transaction.on_commit(change, robust=True)  # and after commit, for pages cached meanwhile


def category_tree_changed(sender, instance=None, raw=False, **kwargs):
    """Receiver: a category or a product's category link changed; facet counts by category may differ."""
    if raw:
        return
    bump_search_version()
    transaction.on_commit(bump_search_version, robust=True)


def connect():
    from oscar.apps.partner.models import StockRecord

    from catalogue.models import (
        Category,
        Product,
        ProductAttributeValue,
        ProductCategory,
        ProductClass,
        ProductImage,
    )
    from producers.models import Brand, Producer, Region
    from quality.models import Certificate

    models = [
        Product,
        StockRecord,
        ProductImage,
        ProductAttributeValue,
        ProductCategory,
        Category,
        ProductClass,
        Certificate,
        Producer,
        Brand,
        Region,
    ]
    for model in models:
        for signal in (post_save, post_delete):
            uid = f"page-cache-{model.__name__}-{signal is post_save}"
            signal.connect(catalogue_changed, sender=model, dispatch_uid=uid)
    for model in (Category, ProductCategory):
        for signal in (post_save, post_delete):
            uid = f"search-facets-{model.__name__}-{signal is post_save}"
            signal.connect(category_tree_changed, sender=model, dispatch_uid=uid)


# --- The middleware ------------------------------------------------------------------------------------


def history_cookie():
    return getattr(settings, "OSCAR_RECENTLY_VIEWED_COOKIE_NAME", "oscar_history")


def cacheable_request(request, view_name):
    """Anonymous, and no cookie a page could show: only the product page shows the recently viewed."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.user.is_authenticated:
        return False
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    if view_name != "catalogue:detail":
        allowed.add(history_cookie())
    return all(name in allowed for name in request.COOKIES)


def page_key(request, now):
    version = catalogue_version()
    instant = next_gate_instant(now)
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{version}:{instant.timestamp()}:{get_language()}:{url}", instant


def _fill(content, request):
    content = content.replace(CSRF_PLACEHOLDER, get_token(request) if CSRF_PLACEHOLDER in content else "")
    return content.replace(NONCE_PLACEHOLDER, getattr(request, "csp_nonce", ""))


def _template(response, request):
    content = response.content.decode(response.charset)
    content = CSRF_INPUT.sub(lambda m: m.group(1) + CSRF_PLACEHOLDER + m.group(2), content)
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        content = content.replace(nonce, NONCE_PLACEHOLDER)
    return content


class AnonymousPageCacheMiddleware:
    """Serves and stores the pages described in this module's docstring (last in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and self.storable(request, response):
            seconds = min(page_cache_seconds(), (request._page_cache_until - timezone.now()).total_seconds())
            if seconds >= 1:
                entry = (_template(response, request), response["Content-Type"], dict(response.cookies.items()))
                cache.set(key, entry, int(seconds))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in CACHED_VIEWS or not cacheable_request(request, match.view_name):
            return None
        now = timezone.now()
        key, instant = page_key(request, now)
        hit = cache.get(key)
        if hit is not None:
            content, content_type, cookies = hit
            response = HttpResponse(_fill(content, request), content_type=content_type)
            for name, morsel in cookies.items():
                response.cookies[name] = morsel
            response["X-Page-Cache"] = "hit"
            return response
        request._page_cache_key, request._page_cache_until = key, instant
        return None

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        # The product page's recently-viewed cookie is the same for every visitor without one (the only
        # visitors it is cached for), so it is stored and set again; any other cookie is someone's own.
        if any(name != history_cookie() for name in response.cookies):
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        messages = getattr(request, "_messages", None)
        return not (messages is not None and getattr(messages, "added_new", False))
