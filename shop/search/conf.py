"""Search settings and their defaults (each can be overridden in shop/settings.py; README lists them)."""

from django.conf import settings

DEFAULTS = {
    # Elasticsearch is used when this is set; otherwise the database backend.
    "ELASTICSEARCH_URL": "",
    # The alias searches go through; each rebuild creates `<alias>-<timestamp>` and swaps the alias.
    "SEARCH_ELASTICSEARCH_INDEX": "homemade-products",
    # Seconds to wait for Elasticsearch before answering from the database.
    "SEARCH_ELASTICSEARCH_TIMEOUT": 2.0,
    # After Elasticsearch failed, answer from the database for this many seconds before trying again.
    "SEARCH_ELASTICSEARCH_RETRY_AFTER": 30,
    # At most this many text matches are ranked (Elasticsearch's default result window is the same).
    "SEARCH_MAX_MATCHES": 10_000,
    # pg_trgm word similarity a word must reach to count as a typo of a title word.
    "SEARCH_TRIGRAM_THRESHOLD": 0.4,
    # SQLite: how many FTS5 trigram candidates are re-ranked in Python.
    "SEARCH_TRIGRAM_CANDIDATES": 500,
    # Bounds (tomans) of the price facet's ranges.
    "SEARCH_PRICE_RANGES": (1_000_000, 5_000_000, 20_000_000, 50_000_000),
    "SEARCH_PAGE_SIZE": 24,
    # Values a facet offers at most: the selected ones and then the most frequent (at 100k products the
    # producer and brand facets had 2,000 values each, and drawing them took most of a results page's time).
    "SEARCH_FACET_VALUES": 20,
    # Suggestions per kind (products, producers, regions, crafts) in the header's autocomplete.
    "SEARCH_SUGGEST_LIMIT": 5,
    # Products per index-update task and per rebuild batch.
    "SEARCH_INDEX_BATCH_SIZE": 500,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])


def elasticsearch_url():
    return get("ELASTICSEARCH_URL") or ""
