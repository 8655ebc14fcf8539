"""Which backend answers: Elasticsearch when ELASTICSEARCH_URL is set, the database otherwise.

`get_backend()` is what views, the suggest endpoint and the index tasks call.
With Elasticsearch configured, searches that fail to reach it (down, refused,
timed out) are answered by the database backend with a logged warning, and
Elasticsearch is left alone for SEARCH_ELASTICSEARCH_RETRY_AFTER seconds.
"""

import logging
import time

from .. import conf
from .base import SearchBackend
from .database import DatabaseBackend

logger = logging.getLogger("shop.search")


class FallbackBackend(SearchBackend):
    """Elasticsearch first; the database whenever Elasticsearch cannot answer."""

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback
        self.down_until = 0.0

    @property
    def name(self):
        return self.primary.name

    def _call(self, method, *args):
        if time.monotonic() >= self.down_until:
            try:
                return getattr(self.primary, method)(*args)
            except self.primary.unavailable as error:
                self.down_until = time.monotonic() + conf.get("SEARCH_ELASTICSEARCH_RETRY_AFTER")
                logger.warning(
                    "Elasticsearch is unreachable (%s); answering from the database backend.",
                    error.__class__.__name__,
                )
        return getattr(self.fallback, method)(*args)

    def search(self, query):
        return self._call("search", query)

    def suggest_products(self, text, limit):
        return self._call("suggest_products", text, limit)


_cache = {}


def database_backend():
    return DatabaseBackend()


def elasticsearch_backend():
    """The Elasticsearch backend for the configured URL (None when none is set)."""
    url = conf.elasticsearch_url()
    if not url:
        return None
    key = (url, conf.get("SEARCH_ELASTICSEARCH_INDEX"), conf.get("SEARCH_ELASTICSEARCH_TIMEOUT"))
    if _cache.get("elasticsearch", (None,))[0] != key:
        from .elasticsearch import ElasticsearchBackend

        _cache["elasticsearch"] = (key, FallbackBackend(ElasticsearchBackend(*key), DatabaseBackend()))
    return _cache["elasticsearch"][1]


def get_backend():
    """The backend searches go to."""
    return elasticsearch_backend() or database_backend()
