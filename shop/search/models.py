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
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchDocumentQuerySet(models.QuerySet):
    def certified_now(self, at=None):
        """Documents whose certificate window holds the moment (expiry needs no job: it is a comparison)."""
        at = at or timezone.now()
        return self.filter(certified_from__lte=at, certified_until__gt=at)


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
    # Facet and sorting fields, copied from the live catalogue when the document is written (the
    # Elasticsearch document holds the same): counts and browsing read this one narrow table. Expiry
    # needs no event, so the certificate's dates are kept and compared with the clock at query time;
    # every other gate change (revocation, edits, withdrawal, producer) rewrites the document.
    region = models.ForeignKey(
        "producers.Region", models.SET_NULL, null=True, related_name="+", verbose_name=_("Region")
    )
    producer = models.ForeignKey(
        "producers.Producer", models.SET_NULL, null=True, related_name="+", verbose_name=_("Producer")
    )
    brand = models.ForeignKey("producers.Brand", models.SET_NULL, null=True, related_name="+", verbose_name=_("Brand"))
    price = models.DecimalField(_("Cheapest price"), max_digits=12, decimal_places=2, null=True)
    availability = models.CharField(_("Availability"), max_length=20, blank=True, default="")
    created = models.DateTimeField(_("Product created"), null=True)
    certified_from = models.DateTimeField(_("Certified from"), null=True)
    certified_until = models.DateTimeField(_("Certified until"), null=True)
    # PostgreSQL only (stays empty on SQLite, where the FTS5 tables do this job).
    search_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(_("Indexed"), auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Search document")
        verbose_name_plural = _("Search documents")
        # Created on PostgreSQL only (see migration 0001).
        indexes = [
            # Browsing: the certificate window first (every query filters on it), then the sort keys.
            models.Index(fields=["certified_until", "certified_from"], name="search_document_window"),
            # Facet counts read every document in force (all of them, at 100k products): this one covers
            # their columns, so PostgreSQL counts from an index a thirtieth of the table's size (whose
            # text and vector make it wide) without reading the table. PostgreSQL only (INCLUDE).
            models.Index(
                fields=["certified_until", "certified_from"],
                include=["product", "region", "producer", "brand", "price", "availability", "created"],
                name="search_document_facets",
            ),
            models.Index(fields=["-created", "-product"], name="search_document_newest"),
            models.Index(fields=["price", "product"], name="search_document_price"),
            models.Index(fields=["availability"], name="search_document_availability"),
            GinIndex(fields=["search_vector"], name="search_document_vector"),
            GinIndex(fields=["title"], name="search_document_title_trgm", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return self.title
