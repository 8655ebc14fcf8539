import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english():
    """Campaign tests read messages and URLs in English (/en/…); Persian pages are checked where it matters."""
    with translation.override("en"):
        yield
