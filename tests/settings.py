"""Settings of the test run: the project's settings with a test-only SECRET_KEY.

shop.settings refuses to start without SECRET_KEY when DEBUG is off; the key is put in the
environment (not only in this module) so that processes the tests start inherit it.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-never-used-outside-the-test-suite-0123456789")

from shop.settings import *  # noqa: E402, F403
