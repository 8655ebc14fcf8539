from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked: catalogue and category pages browse the database
    directly instead of going through Haystack's simple engine (which cannot filter
    by category)."""

    name = "shop.search"
