"""The interface every search backend implements."""


class SearchBackend:
    """Answers a `SearchQuery` with a `SearchResult`; keeps its index in step with the catalogue.

    Whatever a backend does, it returns only listable products: it filters with
    the listing gate at query time, so an index that has not caught up yet can
    never show an unlisted product.
    """

    name = ""

    def search(self, query):
        """A `SearchResult` for the query."""
        raise NotImplementedError

    def suggest_products(self, text, limit):
        """Up to `limit` listable products whose titles match `text` as typed so far (best first)."""
        raise NotImplementedError

    def update(self, product_ids):
        """Bring the index up to date for these products: (re)index the listable ones, drop the others."""
        raise NotImplementedError

    def rebuild(self, progress=None):
        """Index every listable product (safe while the shop is live); `progress(done, total)` reports."""
        raise NotImplementedError

    def counts(self):
        """(documents in the index, listable products) for `search_index --check`."""
        raise NotImplementedError
