"""Abuse limits, backed by the Django cache (Redis when REDIS_URL is set, so they hold across workers).

Two mechanisms, both here and nowhere else:

- **Rate limits** per client address and scope (sign-in, password reset, producer application,
  certificate lookup, placing an order or a commitment): `RateLimitMiddleware` looks the resolved
  view up in `RULES`; past the limit it answers 429 with a translated page and `Retry-After`.
- **Account lockout** per account (the username typed, whatever the address): after
  `LOGIN_LOCKOUT_FAILURES` failed sign-ins within `LOGIN_LOCKOUT_MINUTES` the account cannot sign in
  for that long; the sign-in forms then say so. A successful sign-in or a completed password reset
  clears the count (`clear_lockout`).

The counters are fixed windows (`cache.add` then `cache.incr`, both atomic on Redis and locmem).
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

# view name -> (scope, methods limited). Limits per scope come from settings.RATE_LIMITS.
RULES = {
    "customer:login": ("login", {"POST"}),
    "wagtailadmin_login": ("login", {"POST"}),
    "admin:login": ("login", {"POST"}),
    "password-reset": ("password-reset", {"POST"}),
    "producers:apply": ("producer-application", {"POST"}),
    "quality:verify": ("certificate-lookup", {"GET", "HEAD", "POST"}),
    "quality:verify-qr": ("certificate-lookup", {"GET", "HEAD"}),
    "quality:label": ("certificate-lookup", {"GET", "HEAD"}),
    "checkout:preview": ("checkout", {"POST"}),
    "checkout:card-pay": ("checkout", {"POST"}),
    "preorders:commit": ("checkout", {"POST"}),
}
# Where a sign-in form posts its username: Oscar's form has the "login" prefix.
LOGIN_FIELDS = {"customer:login": "login-username", "wagtailadmin_login": "username", "admin:login": "username"}


def client_address(request):
    # REMOTE_ADDR is the proxy's address behind a reverse proxy; with BEHIND_PROXY the proxy's
    # X-Forwarded-For (its last entry, the one it appended) names the client.
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def hit(key, limit, window):
    """Counts one attempt under key; returns (allowed, seconds until the window ends)."""
    now = int(time.time())
    window_start = now - now % window
    cache_key = f"ratelimit:{key}:{window_start}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    return count <= limit, window_start + window - now


def too_many_requests(request, retry_after, message):
    response = render(request, "shop/too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(max(int(retry_after), 1))
    return response


# --- Account lockout ----------------------------------------------------------------------


def _account_key(username):
    return "lockout:" + force_str(username or "").strip().casefold()


def lockout_remaining(username):
    """Seconds the account stays locked (0 when it may sign in)."""
    state = cache.get(_account_key(username))
    if not state or state["failures"] < settings.LOGIN_LOCKOUT_FAILURES:
        return 0
    return max(int(state["until"] - time.time()), 0)


def record_failure(username):
    if not username:
        return
    seconds = settings.LOGIN_LOCKOUT_MINUTES * 60
    key = _account_key(username)
    state = cache.get(key) or {"failures": 0}
    state = {"failures": state["failures"] + 1, "until": time.time() + seconds}
    cache.set(key, state, timeout=seconds)


def clear_lockout(*usernames):
    cache.delete_many([_account_key(name) for name in usernames if name])


def _names_of(user):
    return {user.get_username(), getattr(user, "email", "")}


@receiver(user_login_failed)
def _count_failed_login(sender, credentials, request=None, **kwargs):
    record_failure(credentials.get("username") or credentials.get("email"))


@receiver(user_logged_in)
def _clear_on_login(sender, request, user, **kwargs):
    clear_lockout(*_names_of(user))


def _clear_after_password_reset(request, view_kwargs):
    try:
        pk = force_str(urlsafe_base64_decode(view_kwargs.get("uidb64", "")))
        user = get_user_model()._default_manager.get(pk=pk)
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        return
    clear_lockout(*_names_of(user))


# --- Middleware -----------------------------------------------------------------------------


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and match.view_name == "password-reset-confirm"
            and request.method == "POST"
            and response.status_code == 302
        ):
            _clear_after_password_reset(request, match.kwargs)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        rule = RULES.get(match.view_name) if match else None
        if rule is None or request.method not in rule[1]:
            return None
        scope = rule[0]
        limit, window = settings.RATE_LIMITS[scope]
        allowed, retry_after = hit(f"{scope}:{client_address(request)}", limit, window)
        if not allowed:
            return too_many_requests(
                request, retry_after, _("Too many attempts from your connection. Please wait and try again.")
            )
        field = LOGIN_FIELDS.get(match.view_name)
        if field:
            remaining = lockout_remaining(request.POST.get(field))
            if remaining:
                minutes = (remaining + 59) // 60
                return too_many_requests(
                    request,
                    remaining,
                    _(
                        "This account is locked for %(minutes)s minutes after too many failed sign-ins. "
                        "Try again later, or reset your password to unlock it now."
                    )
                    % {"minutes": minutes},
                )
        return None
