"""Counting the queries a page costs (for the bounds every page's tests assert)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url, status=200):
    """The number of queries of a second GET of `url` (the first warms the caches a live site keeps warm:
    sorl-thumbnail's key-value store, Oscar's category tree, the search suggestions' names), the second is
    rendered again rather than served from shop.caching's anonymous page cache."""
    from shop.caching import bump_catalogue_version, bump_search_version

    client.get(url)
    bump_catalogue_version()  # the page itself is measured, not a copy from the anonymous page cache
    bump_search_version()  # nor words matched and facets counted for an earlier request
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == status, url
    return len(context.captured_queries)
