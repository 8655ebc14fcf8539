"""The Redis cache, answering like an empty cache while Redis cannot be reached.

Everything the shop keeps in the cache can be lost: the anonymous page cache and the catalogue
version (shop/caching.py), search facets and suggestions, rate-limit and lockout counters
(shop/ratelimit.py). Django's Redis backend raises on every call while Redis is down, and those
calls sit in the middleware and in save signals: every page and every product or stock save (so
every order) would fail. This backend turns a connection error or timeout into a miss instead
(reads find nothing, writes keep nothing, `incr` finds no key), logs it once, and leaves Redis
alone for RETRY_AFTER seconds so that a hanging server costs one timeout, not one per call.

What that means while Redis is down: pages are rendered every time (never a stale one), and the
rate limits and account lockout fail open: each attempt counts as the first of its window.
Failing closed would refuse every sign-in, order and certificate lookup for as long as the
cache is down; the passwords' hashing and validators still stand, and the log says it happened.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)

# Per process, per server: the cache objects themselves are per thread.
_down_until = {}
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    def _guarded(self, call, miss):
        location = ",".join(self._servers)
        if time.monotonic() < _down_until.get(location, 0.0):
            return miss()
        try:
            return call()
        except UNREACHABLE as error:
            with _lock:
                already_down = time.monotonic() < _down_until.get(location, 0.0)
                _down_until[location] = time.monotonic() + RETRY_AFTER
            if not already_down:
                logger.error(
                    "The cache is unreachable (%s: %s); answering without it for %s s.",
                    error.__class__.__name__,
                    error,
                    RETRY_AFTER,
                )
            return miss()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), lambda: False)

    def get(self, key, default=None, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).get(key, default, version), lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), lambda: None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).touch(key, timeout, version), lambda: False)

    def delete(self, key, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).delete(key, version), lambda: False)

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).has_key(key, version), lambda: False)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")  # what incr says of a key that is not there

        return self._guarded(lambda: super(ResilientRedisCache, self).incr(key, delta, version), missing)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), lambda: list(data)
        )

    def delete_many(self, keys, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).delete_many(keys, version), lambda: None)

    def clear(self):
        return self._guarded(lambda: super(ResilientRedisCache, self).clear(), lambda: False)
