"""The database search backend (the embedded default): SQLite FTS5 or PostgreSQL full-text, plus trigrams.

Matching
  The query's words (normalized, letters and digits only) are matched as word
  prefixes, all of them required: FTS5 `"word"*` terms ranked by bm25 on SQLite,
  `to_tsquery('simple', 'word:* & …')` ranked by ts_rank on PostgreSQL. When
  that finds nothing, typos get a chance: titles whose words are within pg_trgm
  `word_similarity` SEARCH_TRIGRAM_THRESHOLD of every query word (PostgreSQL's
  `<%` operator on a pg_trgm GIN index; on SQLite candidates from the FTS5
  `trigram` table, re-ranked in Python with the same formula, shop.search.trigram).

Ranking
  Title matches first (every word starts a title word), then body matches, then
  typo matches; within a tier, whole-word title matches, then the engine's score,
  then newest.

Facets and the gate
  Counting and browsing read the search documents alone: each holds its
  product's facet fields (region, producer, brand, cheapest price, availability,
  creation date; categories and prices by stock record come from the narrow
  link tables) and the window of the certificate in force for the product's
  current version, compared with the clock in SQL, so expiry needs no job.
  Every facet is counted in one UNION ALL query. Every other change to the gate
  (revocation, suspension, material edit, withdrawal, producer deactivated)
  rewrites the document through the index tasks; until that task has run the
  counts may lag, but the page's own products are always loaded through
  `Product.objects.browsable()` (the live listing gate), so an unlisted product
  is never shown.
"""

import contextlib
import hashlib
import json
import logging
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import CharField, Count, F, Value
from django.db.models.expressions import RawSQL
from django.utils import timezone

from catalogue.models import Product, ProductCategory

from .. import conf, facets
from ..documents import CategoryTree, certificate_windows, indexable, product_stock, product_text
from ..models import SearchDocument
from ..query import NEWEST, PRICE_ASC, PRICE_DESC, RELEVANCE
from ..results import SearchResult, build_facets
from ..text import prefix_term, title_rank, words
from ..trigram import trigrams, word_similarity
from .base import SearchBackend

logger = logging.getLogger(__name__)

TITLE, BODY, TYPO = 2, 1, 0


@dataclass(frozen=True, slots=True)
class Match:
    pk: int
    key: tuple  # larger is better


def document_fields(text):
    """The normalized, space-separated words a search document stores (what both engines tokenize alike)."""
    return {
        "title": " ".join(words(f"{text.title_fa} {text.title_en}")),
        "body": " ".join(words(f"{text.body_fa} {text.body_en}")),
    }


def facet_fields(product, window):
    """The facet, sorting and certificate-window columns of a listable product's document."""
    stock = product_stock(product)
    producer = product.producer
    return {
        "region_id": producer.region_id if producer else None,
        "producer_id": product.producer_id,
        "brand_id": product.brand_id,
        "price": stock.prices[0] if stock.prices else None,
        "availability": stock.availability,
        "created": product.date_created,
        "certified_from": window[0],
        "certified_until": window[1],
    }


# What a document holds (its search vector is computed from title and body): equal values, same document.
DOCUMENT_FIELDS = (
    "product_id",
    "title",
    "body",
    "region_id",
    "producer_id",
    "brand_id",
    "price",
    "availability",
    "created",
    "certified_from",
    "certified_until",
)


def fetch(sql, params, *, savepoint=False, setup=()):
    """The rows of one raw statement (after `setup` statements), inside a savepoint when asked.

    PostgreSQL needs the savepoint so that a refused statement cannot abort the request's
    transaction; on SQLite a refused statement leaves the transaction usable.
    """
    with transaction.atomic() if savepoint else contextlib.nullcontext(), connection.cursor() as cursor:
        for statement, statement_params in setup:
            cursor.execute(statement, statement_params)
        cursor.execute(sql, params)
        return cursor.fetchall()


def union_all(querysets):
    """Rows of several COLUMNS querysets (over different models) in one UNION ALL statement.

    Each part is wrapped as `SELECT <columns> FROM (<part>)`, so that the columns line up by
    name whatever order Django compiled them in.
    """
    columns = ", ".join(connection.ops.quote_name(column) for column in facets.COLUMNS)
    statements, params = [], []
    for number, queryset in enumerate(querysets):
        sql, part_params = queryset.order_by().query.sql_with_params()
        statements.append(f"SELECT {columns} FROM ({sql}) AS part{number}")  # noqa: S608 (compiled SQL)
        params.extend(part_params)
    return fetch(" UNION ALL ".join(statements), params)


def ids_in(ids):
    """An `IN` right-hand side for many ids passed as one parameter (no limit on their number)."""
    ids = list(ids)
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", (ids,))
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


# --- Matchers: one per database ---------------------------------------------------------------


class Matcher:
    def __init__(self):
        self.limit = conf.get("SEARCH_MAX_MATCHES")
        self.threshold = float(conf.get("SEARCH_TRIGRAM_THRESHOLD"))

    def match(self, tokens):
        """Matches for the query's words, best first."""
        if not tokens:
            return []
        try:
            rows = self.full_text(tokens)
            if rows:
                return self.rank_full_text(rows, tokens)
            typo_tokens = [token for token in tokens if len(token) >= 3]
            if typo_tokens and len(typo_tokens) == len(tokens):
                return self.rank_typos(self.typos(typo_tokens))
        except DatabaseError:
            # The words are letters and digits only, so this is not expected; never an error page though.
            logger.warning("search: the database refused the query %r", tokens, exc_info=True)
        return []

    @staticmethod
    def rank_full_text(rows, tokens):
        matches = []
        for pk, title, score in rows:
            in_title, whole = title_rank(tokens, title)
            matches.append(Match(pk, (TITLE if in_title else BODY, whole, round(float(score), 6), pk)))
        return sorted(matches, key=lambda match: match.key, reverse=True)

    @staticmethod
    def rank_typos(rows):
        matches = [Match(pk, (TYPO, 0, round(float(score), 6), pk)) for pk, score in rows]
        return sorted(matches, key=lambda match: match.key, reverse=True)

    def full_text(self, tokens):
        """[(product id, normalized title, score)] of documents holding every word as a prefix."""
        raise NotImplementedError

    def typos(self, tokens):
        """[(product id, mean word similarity)] of documents whose titles are near every word."""
        raise NotImplementedError


class SQLiteMatcher(Matcher):
    def full_text(self, tokens):
        expression = " ".join(f'"{prefix_term(token)}"*' for token in tokens)
        sql = (
            "SELECT d.product_id, d.title, -bm25(search_fts, 10.0, 1.0) FROM search_fts"
            " JOIN search_searchdocument d ON d.product_id = search_fts.rowid"
            " WHERE search_fts MATCH %s ORDER BY bm25(search_fts, 10.0, 1.0) LIMIT %s"
        )
        return fetch(sql, [expression, self.limit])

    def typos(self, tokens):
        grams = dict.fromkeys(gram for token in tokens for gram in trigrams(token) if " " not in gram)
        if not grams:
            return []
        expression = " OR ".join(f'"{gram}"' for gram in grams)
        sql = (
            "SELECT d.product_id, d.title FROM search_trigram"
            " JOIN search_searchdocument d ON d.product_id = search_trigram.rowid"
            " WHERE search_trigram MATCH %s ORDER BY rank LIMIT %s"
        )
        candidates = fetch(sql, [expression, conf.get("SEARCH_TRIGRAM_CANDIDATES")])
        rows = []
        for pk, title in candidates:
            scores = [word_similarity(token, title) for token in tokens]
            if min(scores) >= self.threshold:
                rows.append((pk, sum(scores) / len(scores)))
        return rows


class PostgreSQLMatcher(Matcher):
    def full_text(self, tokens):
        expression = " & ".join(f"{prefix_term(token)}:*" for token in tokens)
        sql = (
            "SELECT product_id, title, ts_rank(search_vector, query) AS score"
            " FROM search_searchdocument, to_tsquery('simple', %s) query"
            " WHERE search_vector @@ query ORDER BY score DESC, product_id DESC LIMIT %s"
        )
        return fetch(sql, [expression, self.limit], savepoint=True)

    def typos(self, tokens):
        score = " + ".join(["word_similarity(%s, title)"] * len(tokens))
        condition = " AND ".join(["%s <%% title"] * len(tokens))
        sql = (
            f"SELECT product_id, ({score}) / {len(tokens)} AS score FROM search_searchdocument"  # noqa: S608 (placeholders only)
            f" WHERE {condition} ORDER BY score DESC, product_id DESC LIMIT %s"
        )
        # Local to this transaction: the `<%` operator uses this threshold (and the GIN index).
        threshold = ("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(self.threshold)])
        return fetch(sql, [*tokens, *tokens, self.limit], savepoint=True, setup=[threshold])


def matcher():
    if connection.vendor == "postgresql":
        return PostgreSQLMatcher()
    if connection.vendor == "sqlite":
        return SQLiteMatcher()
    raise NotImplementedError(f"the database search backend does not support {connection.vendor}")


# --- The backend ------------------------------------------------------------------------------------


ORDERINGS = {
    NEWEST: ("-created", "-pk"),
    RELEVANCE: ("-created", "-pk"),  # with no words to rank by
    PRICE_ASC: (F("price").asc(nulls_last=True), "-pk"),
    PRICE_DESC: (F("price").desc(nulls_last=True), "-pk"),
}


class DatabaseBackend(SearchBackend):
    name = "database"

    # --- Searching ------------------------------------------------------------------------------

    def search(self, query):
        # Matching, facet counts and the page's order read the search documents alone (one narrow table
        # with the facet fields and the certificate's dates, compared with the clock here); the page's
        # own rows then pass the live gate, so a lagging index can never show an unlisted product.
        documents = SearchDocument.objects.certified_now()
        if query.category is not None:
            in_category = ProductCategory.objects.filter(category__path__startswith=query.category.path)
            documents = documents.filter(pk__in=in_category.values("product_id"))
        matches = None
        if query.tokens:
            matches = self.cached_matches(query.tokens)
            if not matches:
                return SearchResult(query, [], 0, build_facets(query, {}), self.name)
            documents = documents.filter(pk__in=ids_in(match.pk for match in matches))

        resolved = facets.resolve(query)
        filters = {name: facets.FACETS_BY_NAME[name].db_filter(values) for name, values in resolved.items()}
        filtered = documents.filter(*filters.values())
        rows, total = self.cached_facet_rows(documents, filtered, filters, query, resolved)
        page = self.page(filtered, matches, query) if total > query.offset else []
        return SearchResult(query, page, total, build_facets(query, rows), self.name)

    @staticmethod
    def cached_matches(tokens):
        """matcher().match(), kept in the cache under the search version: the words of popular searches
        are matched and ranked once per change of the documents (at 100k products a common word matches
        SEARCH_MAX_MATCHES documents, ranked in SQL and again in Python: most of a results page's time).
        Matching reads titles and text only, never the certificate window, so no gate instant is needed."""
        from shop import caching

        digest = hashlib.sha256(repr(tuple(tokens)).encode()).hexdigest()
        key = f"search:matches:{connection.vendor}:{caching.search_version()}:{digest}"
        found = cache.get(key)
        if found is None:
            found = matcher().match(tokens)
            if found:  # no match is cheap to find again (and may be a refused query: never kept)
                cache.set(key, found, caching.page_cache_seconds())
        return found

    def cached_facet_rows(self, documents, filtered, filters, query, resolved):
        """facet_rows(), kept in the cache under the search version and the next gate instant
        (shop/caching.py): the same words and selections are counted once per change of the documents
        or the category tree, not once per order placed (at 100k products a count takes a second)."""
        from shop import caching

        now = timezone.now()
        instant = caching.next_gate_instant(now)
        selections = sorted((name, tuple(sorted(map(str, values)))) for name, values in query.selections.items())
        shape = repr((query.category.pk if query.category else None, tuple(query.tokens), selections))
        digest = hashlib.sha256(shape.encode()).hexdigest()
        key = f"search:facets:{caching.search_version()}:{instant.timestamp()}:{digest}"
        found = cache.get(key)
        if found is None:
            found = self.facet_rows(documents, filtered, filters, query, resolved)
            seconds = min(caching.page_cache_seconds(), (instant - now).total_seconds())
            if seconds >= 1:
                cache.set(key, found, int(seconds))
        return found

    def facet_rows(self, products, filtered, filters, query, resolved):
        """Every facet's counts (each under the other facets' selections) and the total, in one query."""
        parts = []
        for facet in facets.FACETS:
            others = [condition for name, condition in filters.items() if name != facet.name]
            counted = facet.db_counts(products.filter(*others), query, resolved.get(facet.name, ()))
            parts += counted if isinstance(counted, list) else [counted]
        blank = Value("", output_field=CharField())
        total = (
            filtered.annotate(facet=blank, key=blank, label_fa=blank, label_en=blank, sort=blank)
            .values_list(*facets.COLUMNS[:-1])
            .annotate(n=Count("pk"))
            .values_list(*facets.COLUMNS)
        )
        rows, count = {}, 0
        for facet, key, label_fa, label_en, sort, n in union_all([total, *parts]):
            if facet == "":
                count = int(n or 0)
            elif key:
                rows.setdefault(facet, {})[str(key)] = (int(n or 0), label_fa or "", label_en or "", sort or "")
        for facet in facets.FACETS:
            if hasattr(facet, "finish") and facet.name in rows:
                rows[facet.name] = facet.finish(rows[facet.name])
        return rows, count

    def page(self, filtered, matches, query):
        window = slice(query.offset, query.offset + query.per_page)
        if matches is not None and query.sort == RELEVANCE:
            allowed = set(filtered.values_list("pk", flat=True))
            ids = [match.pk for match in matches if match.pk in allowed][window]
            return self.products(ids)
        # The page's ids first (an index-friendly query), then the listing's rows for those ids only:
        # Oscar's base_queryset() groups and counts, which is cheap for 24 rows, not for the whole set.
        ids = list(filtered.order_by(*ORDERINGS[query.sort]).values_list("pk", flat=True)[window])
        return self.products(ids)

    @staticmethod
    def products(ids):
        """Listable products by id, in the order given (one query, plus the listing's prefetches)."""
        found = {product.pk: product for product in Product.objects.browsable().base_queryset().filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]

    def suggest_products(self, text, limit):
        from ..text import query_tokens

        matches = matcher().match(query_tokens(text))[: limit * 2]
        ids = [match.pk for match in matches]
        found = {product.pk: product for product in Product.objects.browsable().filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found][:limit]

    # --- Indexing -------------------------------------------------------------------------------

    def update(self, product_ids):
        """(Re)write the documents of these products; listable ones get one, the others none."""
        ids = sorted(set(product_ids))
        if not ids:
            return 0
        tree = CategoryTree()
        products = list(indexable(ids))
        windows = certificate_windows([product.pk for product in products])
        documents = [
            SearchDocument(
                product=product,
                **document_fields(product_text(product, tree)),
                **facet_fields(product, windows[product.pk]),
            )
            for product in products
            if product.pk in windows
        ]
        if self.unchanged(ids, documents):
            # Most updates follow a stock allocation (an order placed) that changed no document: rewriting
            # them would make every cached count and page unreachable for nothing.
            return len(documents)
        with transaction.atomic():
            SearchDocument.objects.filter(product_id__in=ids).delete()
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            if connection.vendor == "postgresql" and documents:
                SearchDocument.objects.filter(product_id__in=[d.product_id for d in documents]).update(
                    search_vector=SearchVector("title", weight="A", config="simple")
                    + SearchVector("body", weight="B", config="simple")
                )
        self.documents_changed()  # cached counts and pages were taken from the documents replaced here
        return len(documents)

    @staticmethod
    def unchanged(ids, documents):
        """True when the stored documents of `ids` are exactly `documents` (same rows, same fields)."""
        fields = list(DOCUMENT_FIELDS)
        stored = {row[0]: row for row in SearchDocument.objects.filter(product_id__in=ids).values_list(*fields)}
        fresh = {row[0]: row for row in ([getattr(d, name) for name in fields] for d in documents)}
        return stored.keys() == fresh.keys() and all(tuple(fresh[pk]) == stored[pk] for pk in stored)

    @staticmethod
    def documents_changed():
        from shop.caching import bump_catalogue_version, bump_search_version

        bump_catalogue_version()
        bump_search_version()

    def rebuild(self, progress=None):
        """Rewrite every listable product's document in batches, then drop the rest: search keeps answering."""
        ids = list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True))
        batch = conf.get("SEARCH_INDEX_BATCH_SIZE")
        for start in range(0, len(ids), batch):
            self.update(ids[start : start + batch])
            if progress:
                progress(min(start + batch, len(ids)), len(ids))
        stale = SearchDocument.objects.exclude(product__in=Product.objects.browsable())
        stale.delete()
        self.documents_changed()
        if progress and not ids:
            progress(0, 0)
        return len(ids)

    def counts(self):
        listable = Product.objects.browsable()
        indexed = SearchDocument.objects.count()
        current = SearchDocument.objects.filter(product__in=listable).count()
        return {"indexed": indexed, "listable": listable.count(), "indexed_listable": current}
