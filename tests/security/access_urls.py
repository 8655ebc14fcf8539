"""Every URL pattern of the project, read from the resolver, and how a request to one is classified.

A pattern's *key* is its full route as written in the URL map, the language prefix of
`i18n_patterns` shown as `<lang>/`: "<lang>/quality/applications/<int:pk>/", "cms/pages/",
"django-admin/order/order/<path:object_id>/change/". Two patterns never share a key
(test_access_matrix.py checks it), even when they share a name.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern

# What a request answered, as the matrix writes it.
OK = "ok"  # 200
LOGIN = "login"  # a redirect to a sign-in page (the shop's, the dashboard's, Wagtail's or django-admin's)
REDIRECT = "redirect"  # any other redirect
BAD_REQUEST = "bad request"  # 400
FORBIDDEN = "forbidden"  # 403
NOT_FOUND = "not found"  # 404 (also LocaleMiddleware's redirect of a 404 to the same path under /fa/)
NOT_ALLOWED = "method not allowed"  # 405

LANGUAGE_KEY = "<lang>/"

# django-admin's page of one app: its pattern lists every app label with a model registered, in
# registration order; the key shows the group as "(?P<app_label>...)" so that it stays the same.
ADMIN_APP_INDEX = r"django-admin/^(?P<app_label>...)/$"
_APP_LABELS = re.compile(r"\(\?P<app_label>[^)]*\)")


@dataclass(frozen=True)
class Route:
    key: str
    name: str | None  # "namespace:name", or None for an unnamed pattern
    params: frozenset  # the keyword arguments the pattern captures

    @property
    def prefix(self):
        return self.key.split("/", 1)[0]


def project_routes():
    """Every URL pattern the project answers, in the resolver's order."""
    routes = []

    def walk(patterns, prefix, namespace, params):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                part = LANGUAGE_KEY if isinstance(entry.pattern, LocalePrefixPattern) else str(entry.pattern)
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, prefix + part, inner, params | _params_of(entry))
            elif isinstance(entry, URLPattern):
                name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
                key = _APP_LABELS.sub("(?P<app_label>...)", prefix + str(entry.pattern))
                routes.append(Route(key, name, frozenset(params | _params_of(entry))))

    walk(get_resolver().url_patterns, "", None, frozenset())
    return routes


def _params_of(entry):
    pattern = entry.pattern
    names = set(getattr(pattern, "converters", {}))
    regex = getattr(pattern, "regex", None)
    if regex is not None:
        names |= set(regex.groupindex)
    return frozenset(names)


def build_url(route, kwargs, path=None, language=None):
    """The path to request: `path` when given (unnamed patterns; `<lang>` is replaced), else the reversed name."""
    language = language or settings.LANGUAGE_CODE
    if path is not None:
        return path.replace("<lang>", language)
    from django.utils import translation

    with translation.override(language):
        return reverse(route.name, kwargs=kwargs)


def outcome(response):
    """The matrix's word for a response."""
    code = response.status_code
    if code in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        if location == f"/{settings.LANGUAGE_CODE}{response.request['PATH_INFO']}":
            # A path outside i18n_patterns that 404s is offered under the language prefix, because
            # Wagtail's catch-all page pattern matches any path there: it is the view's 404.
            return NOT_FOUND
        return LOGIN if "login" in location else REDIRECT
    return {
        200: OK,
        400: BAD_REQUEST,
        403: FORBIDDEN,
        404: NOT_FOUND,
        405: NOT_ALLOWED,
    }.get(code, str(code))


# Patterns reversed with positional arguments, or unnamed: the path to request, written out.
EXPLICIT_PATHS = {
    r"^media/(?P<path>.*)$": "/media/no-such-file.png",
    r"documents/^(\d+)/(.*)$": "/documents/0/no-such-document.pdf",
    "cms/^.*/$": "/cms/no-such-admin-page/",
}


def path_for(route):
    """The written-out path of a pattern that cannot be reversed by name, or None."""
    if route.key in EXPLICIT_PATHS:
        return EXPLICIT_PATHS[route.key]
    if route.name is None:
        return "/" + re.sub(r"<(?!lang>)[^>]+>", "0", route.key)
    return None
