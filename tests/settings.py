"""Settings of the test run: the project's settings with a test-only SECRET_KEY.

shop.settings refuses to start without SECRET_KEY when DEBUG is off; the key is put in the
environment (not only in this module) so that processes the tests start inherit it.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-never-used-outside-the-test-suite-0123456789")

from shop.settings import *  # noqa: E402, F403

# The suite signs in and places orders from one address many times: limits high enough never to
# interfere; tests/security/test_ratelimit.py sets real ones.
RATE_LIMITS = {scope: (100_000, window) for scope, (_limit, window) in RATE_LIMITS.items()}  # noqa: F405
LOGIN_LOCKOUT_FAILURES = 1_000
