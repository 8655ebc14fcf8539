"""Whole-page caching of the public pages for anonymous visitors (one middleware, one rule).

What is cached: GET/HEAD answers (status 200, HTML) of the views in CACHED_VIEWS (the home page, the
catalogue, categories, products, search results, producer shops, certificate verification), for a
visitor who is not signed in and sends no cookie but the CSRF, language, session, basket and
recently-viewed ones (a messages cookie, any other cookie, or signing in: the page is rendered for them).

The key: the host, the language, the full URL, the *catalogue version* and the *next instant*.
- The catalogue version is a counter in the cache, bumped after commit by every save or delete of what
  a public page shows (products, their images, attributes and categories, certificates, producers,
  brands, regions, crafts, categories, campaigns and commitments, offers and vouchers, published
  Wagtail pages). A stock
  record's save bumps it only when what a product card shows changes (its price, or whether it can
  be bought): placing an order allocates stock, and must not empty the cache of every page.
- The stock version of a product is bumped by every save of its stock records: its page's availability
  line ("3 available") is a hole kept under it, so an order does not re-render the page.
- Time changes pages with no event: a certificate expires, a campaign's deadline passes, an offer
  ends. The next instant is the earliest moment after now at which a valid certificate starts or stops
  being in force, a running campaign's deadline passes or an offer or voucher starts or ends; it is
  computed by indexed queries and kept until that moment or until one of those (TIMED_MODELS) changes.
  Entries live at most until that instant (and never
  longer than PAGE_CACHE_SECONDS, or a view's own bound in MAX_SECONDS), and the instant is part of
  their key, so a page cached before a certificate expires is never served after it.

Per-visitor parts are never stored. The CSRF token of forms and the CSP nonce of the page's scripts
are replaced by placeholders in the stored copy and filled in with the current request's values when
it is served (each visitor gets their own token, and the CSRF cookie). The parts that are a visitor's
own or that every order changes, the mini basket, the small screens' basket button, the recently viewed
products and the product page's availability line, are *holes*
(`{% page_hole %}`, rendered by the functions in HOLES for every visitor, cached page or not); a served
product page also updates the visitor's recently-viewed cookie, as the view would have. Messages are never
lost: a page that showed one is not stored, and a visitor with pending messages in a cookie is not served
from the cache.
A cached product page does not count a view in Oscar's analytics (ProductRecord.num_views).
"""

import hashlib
import json
import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.signing import BadSignature, Signer
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction

CACHED_VIEWS = frozenset(
    {
        "home",
        "search:search",
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
# Views whose pages may not live as long as PAGE_CACHE_SECONDS: the home page shows campaigns' time left
# ("2 hours, 5 minutes"), which a minute's caching keeps true to the minute.
MAX_SECONDS = {"home": 60}
HOLE = re.compile(r"<!--hole:([a-z-]+)-->.*?<!--/hole:\1-->", re.DOTALL)
HOLE_PLACEHOLDER = re.compile("\x00hole:([a-z-]+)\x00")
# The recently viewed products a page shows (Oscar showed six).
RECENTLY_VIEWED_SHOWN = 6


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


def _bump_each(prefix, ids):
    """A function bumping the versions `prefix`+id of `ids` (for _now_and_after_commit)."""

    def bump():
        for pk in ids:
            _bump(f"{prefix}{pk}")

    return bump


STOCK_PREFIX = "page-cache:stock:"
BASKET_PREFIX = "page-cache:basket:"


def stock_version(product_id):
    """The version of one product's page: moved by every save of its stock records (stock_changed)."""
    return _version(f"{STOCK_PREFIX}{product_id}")


def next_gate_instant(now):
    """The earliest moment after `now` at which a page may change by time alone: a valid certificate starts
    or stops being in force, a running campaign's deadline passes, an offer or a voucher starts or ends.

    Kept in the cache until that moment, or until one of TIMED_MODELS changes (indexed queries)."""
    instant = cache.get(NEXT_INSTANT_KEY)
    if instant is not None and instant > now:
        return instant
    from oscar.apps.offer.models import ConditionalOffer
    from oscar.apps.voucher.models import Voucher

    from quality.models import Certificate
    from shop.preorders.models import Campaign

    moments = list(
        Certificate.objects.filter(status=Certificate.Status.VALID)
        .aggregate(
            until=Min("valid_until", filter=Q(valid_until__gt=now)),
            start=Min("valid_from", filter=Q(valid_from__gt=now)),
        )
        .values()
    )
    moments.append(
        Campaign.objects.filter(state=Campaign.State.RUNNING, deadline__gt=now).aggregate(Min("deadline"))[
            "deadline__min"
        ]
    )
    for model in (ConditionalOffer, Voucher):  # a basket's discounts (the mini basket's total)
        moments += model.objects.aggregate(
            until=Min("end_datetime", filter=Q(end_datetime__gt=now)),
            start=Min("start_datetime", filter=Q(start_datetime__gt=now)),
        ).values()
    instant = min([m for m in moments if m is not None], default=now + FAR)
    cache.set(NEXT_INSTANT_KEY, instant, max(1, int((instant - now).total_seconds())))
    return instant


def seconds_to_keep(now, instant):
    """How long an entry made under the next instant `instant` may be kept (< 1: not at all)."""
    return int(min(page_cache_seconds(), (instant - now).total_seconds()))


def versions_of(request):
    """(now, catalogue version, next instant) for this request: read once for a GET (its key, every card and
    the mini basket use them: one pair of cache reads instead of a pair per card). A POST may change the
    catalogue while it runs: it reads them afresh each time."""
    state = getattr(request, "_page_cache_versions", None)
    if state is None:
        now = timezone.now()
        found = cache.get_many([VERSION_KEY, NEXT_INSTANT_KEY])  # one round trip when both are there
        version = found.get(VERSION_KEY) or catalogue_version()
        instant = found.get(NEXT_INSTANT_KEY)
        state = (now, version, instant if instant is not None and instant > now else next_gate_instant(now))
        if request.method in ("GET", "HEAD"):
            request._page_cache_versions = state
    return state


def forget_next_gate_instant():
    cache.delete(NEXT_INSTANT_KEY)


def _now_and_after_commit(*changes):
    for change in changes:
        change()  # now, so that this transaction's own later reads miss too,
        transaction.on_commit(change, robust=True)  # and after commit, for pages cached meanwhile


# The models whose dates make up the next instant: a change to one may move it.
TIMED_MODELS = frozenset({"certificate", "campaign", "conditionaloffer", "voucher"})


def catalogue_changed(sender, instance=None, raw=False, **kwargs):
    """Receiver: something a public page shows changed; older cached pages become unreachable."""
    if raw:
        return
    changes = [bump_catalogue_version]
    if sender is not None and sender._meta.model_name in TIMED_MODELS:
        changes.append(forget_next_gate_instant)
    _now_and_after_commit(*changes)


def page_changed(sender, instance=None, **kwargs):
    """Receiver of Wagtail's page signals (and of deletes): a published page changed."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        _now_and_after_commit(bump_catalogue_version)


STOCK_SHOWN_FIELDS = ("price", "price_currency", "num_in_stock", "num_allocated")


def stock_shown(record):
    """What a product card shows of a stock record: its price, and whether it can be bought.

    Read from the loaded values only (None when some were not loaded: then a save counts as a change)."""
    values = record.__dict__
    if any(name not in values for name in STOCK_SHOWN_FIELDS):
        return None
    available = (values["num_in_stock"] or 0) - (values["num_allocated"] or 0)  # StockRecord.net_stock_level
    return values["price"], values["price_currency"], available > 0


def remember_stock_shown(sender, instance, **kwargs):
    """post_init: what the record showed when it was read, to tell later whether a save changed it."""
    instance._stock_shown = stock_shown(instance)


def stock_changed(sender, instance, raw=False, created=False, **kwargs):
    """Receiver: a stock record was saved or deleted (placing an order allocates: one save per line).

    Its product's page shows the number left: that line of it (a hole, product_availability) is rendered
    again. Every page shows the price and whether it can be bought: they are kept unless that changed."""
    if raw:
        return
    from catalogue.models import Product

    product = instance._state.fields_cache.get("product")  # loaded with the record: no query
    if product is not None:
        parent_id = product.parent_id
    else:
        parent_id = Product.objects.filter(pk=instance.product_id).values_list("parent_id", flat=True).first()
    pages = [pk for pk in (instance.product_id, parent_id) if pk is not None]  # a child's stock is on its parent's
    changes = [_bump_each(STOCK_PREFIX, pages)]
    before, after = getattr(instance, "_stock_shown", None), stock_shown(instance)
    if created or kwargs.get("signal") is post_delete or before is None or before != after:
        changes.append(bump_catalogue_version)
    instance._stock_shown = after
    _now_and_after_commit(*changes)


def basket_version(basket_id):
    """The version of one basket's summary: moved by every change of its lines, vouchers or status."""
    return _version(f"{BASKET_PREFIX}{basket_id}")


def basket_changed(sender, instance=None, raw=False, pk_set=None, **kwargs):
    """Receiver: a basket, one of its lines or its vouchers (m2m_changed, from either side) changed."""
    if raw or instance is None:
        return
    from oscar.apps.basket.models import Basket

    if isinstance(instance, Basket):
        baskets = [instance.pk]
    elif hasattr(instance, "basket_id"):  # a line
        baskets = [instance.basket_id]
    else:  # a voucher whose baskets changed
        baskets = list(pk_set or ())
    _now_and_after_commit(_bump_each(BASKET_PREFIX, baskets))


def category_tree_changed(sender, instance=None, raw=False, **kwargs):
    """Receiver: a category or a product's category link changed; facet counts by category may differ."""
    if raw:
        return
    _now_and_after_commit(bump_search_version)


def connect():
    from django.db.models.signals import m2m_changed
    from oscar.apps.basket.models import Basket, Line
    from oscar.apps.offer.models import Benefit, Condition, ConditionalOffer, Range, RangeProduct
    from oscar.apps.partner.models import StockRecord
    from oscar.apps.voucher.models import Voucher
    from wagtail.signals import page_published, page_unpublished, post_page_move

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
    from shop.preorders.models import Campaign, Commitment

    models = [
        Product,
        ProductImage,
        ProductAttributeValue,
        ProductCategory,
        Category,
        ProductClass,
        Certificate,
        Producer,
        Brand,
        Region,
        Campaign,
        Commitment,
        ConditionalOffer,  # offers and vouchers: the mini basket's total
        Benefit,
        Condition,
        Range,
        RangeProduct,
        Voucher,
    ]
    for model in models:
        for signal in (post_save, post_delete):
            uid = f"page-cache-{model.__name__}-{signal is post_save}"
            signal.connect(catalogue_changed, sender=model, dispatch_uid=uid)
    post_init.connect(remember_stock_shown, sender=StockRecord, dispatch_uid="page-cache-stock-shown")
    for signal in (post_save, post_delete):
        signal.connect(stock_changed, sender=StockRecord, dispatch_uid=f"page-cache-stock-{signal is post_save}")
    for model in (Basket, Line):
        for signal in (post_save, post_delete):
            uid = f"page-cache-{model.__name__}-{signal is post_save}"
            signal.connect(basket_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(basket_changed, sender=Basket.vouchers.through, dispatch_uid="page-cache-basket-vouchers")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"page-cache-wagtail-{id(signal)}")
    post_delete.connect(page_changed, dispatch_uid="page-cache-wagtail-delete")
    for model in (Category, ProductCategory):
        for signal in (post_save, post_delete):
            uid = f"search-facets-{model.__name__}-{signal is post_save}"
            signal.connect(category_tree_changed, sender=model, dispatch_uid=uid)


# --- Product cards ----------------------------------------------------------------------------------------


def render_card(product, request):
    """One product's card as Oscar's `render_product` chooses it (a product's or craft's own template, else
    partials/product.html), its form's CSRF token left as a placeholder."""
    from django.template import Context
    from oscar.templatetags.product_tags import render_product

    return render_product(Context({"request": request, "csrf_token": CSRF_PLACEHOLDER}), product)


def product_cards(request, ids, loaded=None):
    """The cards of the products `ids` (already through the listing gate), in that order.

    A card is the same for every visitor but its form's CSRF token: it is kept in the cache under the
    catalogue version (moved by every change a card shows: title, picture, rating, price, whether it can
    be bought), the next instant and the language, read for all the cards at once, and rendered only when
    missing, from `loaded` ({id: product}) or else from one query set for the missing ones."""
    from catalogue.models import Product

    now, version, instant = versions_of(request)
    prefix = f"card:{version}:{instant.timestamp()}:{get_language()}:"
    found = cache.get_many([f"{prefix}{pk}" for pk in ids]) if ids else {}
    missing = [pk for pk in ids if f"{prefix}{pk}" not in found]
    if missing:
        products = loaded if loaded is not None else Product.objects.base_queryset().in_bulk(missing)
        rendered = {f"{prefix}{pk}": render_card(products[pk], request) for pk in missing if pk in products}
        seconds = seconds_to_keep(now, instant)
        if seconds >= 1:
            cache.set_many(rendered, seconds)
        found.update(rendered)
    cards = [found[f"{prefix}{pk}"] for pk in ids if f"{prefix}{pk}" in found]
    token = get_token(request) if any(CSRF_PLACEHOLDER in card for card in cards) else ""
    return [mark_safe(card.replace(CSRF_PLACEHOLDER, token)) for card in cards]  # noqa: S308 (rendered templates)


def listable_among(request, ids):
    """Which of the products `ids` pass the listing gate now (a set). Each product's answer is kept in the
    cache under the catalogue version and the next instant, which every change of whether a product may be
    listed moves (its certificate, its producer, the product itself, or time): no query once they are known."""
    from catalogue.models import Product

    now, version, instant = versions_of(request)
    prefix = f"listable:{version}:{instant.timestamp()}:"
    known = cache.get_many([f"{prefix}{pk}" for pk in ids]) if ids else {}
    unknown = [pk for pk in ids if f"{prefix}{pk}" not in known]
    if unknown:
        listable = set(Product.objects.browsable().filter(pk__in=unknown).values_list("pk", flat=True))
        answers = {f"{prefix}{pk}": pk in listable for pk in unknown}
        seconds = seconds_to_keep(now, instant)
        if seconds >= 1:
            cache.set_many(answers, seconds)
        known.update(answers)
    return {pk for pk in ids if known.get(f"{prefix}{pk}")}


def cards_of(request, products):
    """product_cards() of products already loaded (a page of a listing)."""
    products = list(products)
    return product_cards(request, [product.pk for product in products], {product.pk: product for product in products})


# --- Holes: the parts of a page that are each visitor's own ------------------------------------------


def basket_in_cookie(request):
    """The id in an anonymous visitor's basket cookie (Oscar's signed value), None without a valid one."""
    value = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    if not value:
        return None
    try:
        return int(Signer().unsign(value))
    except (BadSignature, ValueError):
        return None


def basket_summary(request, template):
    """The visitor's basket as the page header shows it: the mini basket, or the small screens' basket
    button with its total (Oscar's templates).

    An anonymous visitor's is kept in the cache under their basket's version, the catalogue version
    (titles, pictures, prices, offers) and the next instant (offers starting or ending), so that serving
    them a cached page does not load their basket at all. It is stored only when the basket rendered is
    the one in their cookie (a submitted or unknown basket is replaced by an empty one: not stored)."""

    def render():
        return render_to_string(template, {"request": request})

    if request.user.is_authenticated:
        return render()  # their page is rendered for them: their basket is loaded anyway
    now, catalogue, instant = versions_of(request)
    basket_id = basket_in_cookie(request)
    if not hasattr(request, "_basket_summary_version"):  # read once for both summaries
        request._basket_summary_version = basket_version(basket_id) if basket_id is not None else 0
    version = request._basket_summary_version
    key = f"basket-summary:{template}:{get_language()}:{basket_id}:{version}:{catalogue}:{instant.timestamp()}"
    html = cache.get(key)
    if html is None:
        html = render()
        seconds = seconds_to_keep(now, instant)
        if request.basket.id == basket_id and seconds >= 1:
            cache.set(key, html, seconds)
    return mark_safe(html)  # noqa: S308 (a rendered template)


def history_manager():
    from oscar.core.loading import get_class

    return get_class("customer.history", "CustomerHistoryManager")


def viewed_product_ids(request):
    """The ids in the visitor's recently-viewed cookie, newest first (anything else in it is ignored)."""
    ids = history_manager().extract(request)
    return [pk for pk in reversed(ids) if isinstance(pk, int) and not isinstance(pk, bool)]


def product_on_page(request):
    """The id of the product whose page this request is for (None on other pages)."""
    match = request.resolver_match
    if match is None or match.view_name != "catalogue:detail":
        return None
    return int(match.kwargs["pk"])  # the URL pattern admits digits only


def recently_viewed(request):
    """The products this visitor viewed last, but the one on this page, that may be shown: with their
    cards and listability in the cache, no query at all, whatever they viewed."""
    current = product_on_page(request)
    wanted = [pk for pk in viewed_product_ids(request) if pk != current][:RECENTLY_VIEWED_SHOWN]
    shown = listable_among(request, wanted)
    cards = product_cards(request, [pk for pk in wanted if pk in shown])
    return render_to_string("shop/partials/recently_viewed.html", {"cards": cards, "request": request})


def product_availability(request, message=None):
    """The product page's availability line ("In stock (3 available)", a made-to-order product's dispatch
    date): the one part of the page that every order of it changes. Kept in the cache under the product's
    stock version (moved by every save of its stock records), so that a stored product page outlives the
    orders placed for it (whether it can be bought at all moves the catalogue version: the page then goes).
    The page's own render gives the `message` it has (kept for the next visitors): no query then."""
    from catalogue.models import Product

    pk = product_on_page(request)
    if pk is None:
        return ""
    now, catalogue, instant = versions_of(request)
    day = timezone.localdate(now).isoformat()  # a made-to-order product's dispatch date moves at midnight
    key = f"availability:{get_language()}:{pk}:{stock_version(pk)}:{catalogue}:{instant.timestamp()}:{day}"
    html = cache.get(key) if message is None else None
    if html is None:
        if message is None:
            product = Product.objects.with_listability().prefetch_related("stockrecords").filter(pk=pk).first()
            message = request.strategy.fetch_for_product(product).availability.message if product else ""
        html = conditional_escape(message)
        seconds = seconds_to_keep(now, instant)
        if seconds >= 1:
            cache.set(key, html, seconds)
    return mark_safe(html)  # noqa: S308 (escaped above)


HOLES = {
    "mini-basket": lambda request: basket_summary(request, "oscar/partials/mini_basket.html"),
    "basket-button": lambda request: basket_summary(request, "oscar/partials/basket_button.html"),
    "recently-viewed": recently_viewed,
    "availability": product_availability,
}


def render_hole(name, request, *given):
    """A hole's HTML for this request, marked so that a page being stored keeps a placeholder instead.
    `given`: what the page being rendered already knows of it (the availability message)."""
    html = HOLES[name](request, *given)
    if getattr(request, "_page_cache_key", None) is None:
        return html
    return mark_safe(f"<!--hole:{name}-->{html}<!--/hole:{name}-->")  # noqa: S308 (rendered template)


def remember_viewed(request, response, product_id):
    """Add the product to the visitor's recently-viewed cookie, as Oscar's product view does."""
    manager = history_manager()
    ids = manager.add(manager.extract(request, response), product_id)
    response.set_cookie(manager.cookie_name, json.dumps(ids), **manager.cookie_kwargs)


# --- The middleware ------------------------------------------------------------------------------------


def visitor_cookies():
    """The cookies a visitor may send and still be served a cached page (all else is theirs to see)."""
    return {
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME,
    }


def cacheable_request(request):
    """Anonymous, and no cookie but those whose parts are holes (a messages cookie is not one)."""
    if request.method not in ("GET", "HEAD"):
        return False
    sent = {name for name, value in request.COOKIES.items() if value}  # an emptied cookie is no cookie
    if not visitor_cookies().issuperset(sent):
        return False
    return not request.user.is_authenticated and not passed_page_restrictions(request)


def passed_page_restrictions(request):
    """Whether this visitor gave a Wagtail page's password: what they see behind it is theirs only (sign-in
    and group restrictions are never passed by an anonymous visitor)."""
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(PageViewRestriction.passed_view_restrictions_session_key))


def page_key(request, view_name):
    now, version, instant = versions_of(request)
    # The local date: a made-to-order product's estimated dispatch date moves on at midnight.
    where = f"{request.get_host()}{request.get_full_path()}:{timezone.localdate(now).isoformat()}"
    url = hashlib.sha256(where.encode()).hexdigest()
    return f"page:{version}:{instant.timestamp()}:{get_language()}:{url}", instant


def _fill(content, request):
    content = content.replace(CSRF_PLACEHOLDER, get_token(request) if CSRF_PLACEHOLDER in content else "")
    content = content.replace(NONCE_PLACEHOLDER, getattr(request, "csp_nonce", ""))
    return HOLE_PLACEHOLDER.sub(lambda match: HOLES[match.group(1)](request), content)


def _template(response, request):
    content = response.content.decode(response.charset)
    content = CSRF_INPUT.sub(lambda m: m.group(1) + CSRF_PLACEHOLDER + m.group(2), content)
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        content = content.replace(nonce, NONCE_PLACEHOLDER)
    return HOLE.sub(lambda match: f"\x00hole:{match.group(1)}\x00", content)


class AnonymousPageCacheMiddleware:
    """Serves and stores the pages described in this module's docstring (last in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and self.storable(request, response):
            view_name = request.resolver_match.view_name
            seconds = min(
                page_cache_seconds(),
                MAX_SECONDS.get(view_name, page_cache_seconds()),
                (request._page_cache_until - timezone.now()).total_seconds(),
            )
            if seconds >= 1:
                cache.set(key, (_template(response, request), response["Content-Type"]), int(seconds))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in CACHED_VIEWS or not cacheable_request(request):
            return None
        key, instant = page_key(request, match.view_name)
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            response = HttpResponse(_fill(content, request), content_type=content_type)
            if match.view_name == "catalogue:detail":
                remember_viewed(request, response, product_on_page(request))
            response["X-Page-Cache"] = "hit"
            return response
        request._page_cache_key, request._page_cache_until = key, instant
        return None

    @staticmethod
    def storable(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        # The product page's recently-viewed cookie is set again on every hit; any other cookie is someone's own.
        if any(name != settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME for name in response.cookies):
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and (messages.added_new or getattr(messages, "_loaded_data", None)):
            return False  # the page shows this visitor's messages
        return not passed_page_restrictions(request)
