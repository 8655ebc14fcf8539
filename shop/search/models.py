"""The database search backend's index: one row per listable product (shop.search.backends.database).

`title` and `body` hold text already passed through `shop.persian.normalize()`.
On PostgreSQL `search_vector` (the `simple` configuration, title weighted A and
body B) and a pg_trgm index on `title` serve the queries; on SQLite the
migration adds two FTS5 tables fed by triggers on this table: `search_fts`
(unicode61 words) and `search_trigram` (the `trigram` tokenizer, for typos).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
        verbose_name=_("Product"),
    )
    title = models.TextField(_("Title text"), help_text=_("Both languages' titles, normalized."))
    body = models.TextField(
        _("Body text"),
        help_text=_("Descriptions, producer, maker, region, craft, category, brand and attribute text, normalized."),
    )
    # PostgreSQL only (stays empty on SQLite, where the FTS5 tables do this job).
    search_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(_("Indexed"), auto_now=True)

    class Meta:
        verbose_name = _("Search document")
        verbose_name_plural = _("Search documents")
        # Created on PostgreSQL only (see migration 0001).
        indexes = [
            GinIndex(fields=["search_vector"], name="search_document_vector"),
            GinIndex(fields=["title"], name="search_document_title_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return self.title
