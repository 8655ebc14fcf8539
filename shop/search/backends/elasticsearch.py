"""The Elasticsearch backend (ELASTICSEARCH_URL): elasticsearch.dsl documents, facets, completion, alias swap.

Analysis
  Custom analyzers, not the built-in `persian` one (whose behaviour changes
  between versions): the character folding of `shop.persian.normalize()` as a
  `mapping` char filter (ي→ی, ك→ک, ة/ۀ→ه, Persian and Arabic digits → Latin …)
  and a `pattern_replace` char filter that drops what it drops (diacritics,
  tatweel, ZWNJ and the other invisible marks), both *derived from normalize()*
  so the two backends cannot drift apart; then the standard tokenizer and
  lowercase. English adds `possessive_english` and the `english` stemmer.

Documents and the gate
  Only listable products are indexed (`ProductDocument.from_product` refuses
  others); each carries the validity window of its certificate, and every query
  filters on it, so an expired product drops out at once; revocations reach the
  index through the index-update task, and results are read back through
  `Product.objects.browsable()` so nothing unlisted is ever shown meanwhile.

Reindexing
  `rebuild()` creates `<alias>-<timestamp>`, fills it, then moves the alias in
  one request and deletes the old index: searches keep answering throughout.
"""

import logging
import unicodedata
from datetime import UTC, datetime

from django.utils.translation import get_language
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch.dsl import (
    A,
    Boolean,
    Completion,
    Date,
    Document,
    Double,
    Index,
    Integer,
    Keyword,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
)
from elasticsearch.dsl import Q as ESQ

from catalogue.models import Product
from shop.persian import normalize

from .. import conf, facets
from ..documents import CategoryTree, certificate_windows, indexable, product_stock, product_text
from ..query import NEWEST, PRICE_ASC, PRICE_DESC, RELEVANCE
from ..results import SearchResult, build_facets
from ..text import query_tokens
from .base import SearchBackend
from .database import DatabaseBackend

logger = logging.getLogger(__name__)

# --- Analysis, derived from the one normalizer ------------------------------------------------

NORMALIZED_CHARACTERS = [*range(0x0600, 0x0700), 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]


def _folding():
    """(mapping rules, characters to drop): what normalize() does to each Arabic-block character."""
    rules, dropped = [], []
    for code in NORMALIZED_CHARACTERS:
        character = chr(code)
        if unicodedata.category(character) == "Cn":
            continue
        folded = normalize(character)
        if folded == character:
            continue
        if folded:
            rules.append(f"{character}=>{folded}")
        else:
            dropped.append(code)
    return rules, dropped


def _character_class(codes):
    """A compact Java regex character class of code points (`\\uXXXX` escapes, ranges merged)."""
    ranges = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [f"\\u{a:04X}" if a == b else f"\\u{a:04X}-\\u{b:04X}" for a, b in ranges]
    return "[" + "".join(parts) + "]"


_RULES, _DROPPED = _folding()
persian_folding = char_filter("persian_folding", type="mapping", mappings=_RULES)
persian_marks = char_filter("persian_marks", type="pattern_replace", pattern=_character_class(_DROPPED), replacement="")
english_possessive = token_filter("english_possessive", type="stemmer", language="possessive_english")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")

persian_text = analyzer(
    "persian_text", tokenizer="standard", char_filter=[persian_marks, persian_folding], filter=["lowercase"]
)
english_text = analyzer(
    "english_text",
    tokenizer="standard",
    char_filter=[persian_marks, persian_folding],
    filter=[english_possessive, "lowercase", english_stemmer],
)

LANGUAGE_CONTEXT = "language"


class UnlistedProduct(ValueError):
    """Only listable products may be indexed."""


class ProductDocument(Document):
    product_id = Integer()
    title_fa = Text(analyzer=persian_text)
    title_en = Text(analyzer=english_text, fields={"plain": Text(analyzer=persian_text)})
    body_fa = Text(analyzer=persian_text)
    body_en = Text(analyzer=english_text)
    category_ids = Keyword()
    region = Keyword()
    producer = Keyword()
    brand = Keyword()
    price = Double()  # every stock record's price: the price facet counts a product in each of their ranges
    availability = Keyword()
    made_to_order = Boolean()
    in_stock = Boolean()
    created = Date()
    certified_from = Date()
    certified_until = Date()
    suggest = Completion(
        analyzer=persian_text,
        search_analyzer=persian_text,
        contexts=[{"name": LANGUAGE_CONTEXT, "type": "category"}],
    )

    class Index:
        name = "homemade-products"  # replaced by the configured alias and concrete index names
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def from_product(cls, product, tree, certificate_window):
        """The document of a listable product; refuses (UnlistedProduct) anything the gate does not let through."""
        if not product.is_listable or certificate_window is None:
            raise UnlistedProduct(f"product {product.pk} is not listable and cannot be indexed")
        text = product_text(product, tree)
        categories = tree.with_ancestors(product.categories.all())
        stock = product_stock(product)
        prices, in_stock, made_to_order = stock.prices, stock.in_stock, stock.made_to_order
        availability = stock.availability or None
        producer = product.producer
        return cls(
            meta={"id": product.pk},
            product_id=product.pk,
            title_fa=text.title_fa,
            title_en=text.title_en,
            body_fa=text.body_fa,
            body_en=text.body_en,
            category_ids=[str(category.pk) for category in categories],
            region=producer.region.slug,
            producer=producer.slug,
            brand=product.brand.slug if product.brand else None,
            price=sorted(float(price) for price in prices),
            availability=availability,
            made_to_order=made_to_order,
            in_stock=in_stock,
            created=product.date_created,
            certified_from=certificate_window[0],
            certified_until=certificate_window[1],
            suggest=[
                {"input": [text.title_fa], "contexts": {LANGUAGE_CONTEXT: ["fa"]}},
                {"input": [text.title_en or text.title_fa], "contexts": {LANGUAGE_CONTEXT: ["en"]}},
            ],
        )


def index_definition(name):
    """The index (settings, analyzers, mappings) for a concrete index name."""
    index = Index(name)
    index.settings(**ProductDocument.Index.settings)
    index.document(ProductDocument)
    return index


def gate_filter():
    """The listing gate as Elasticsearch sees it: a certificate in force now."""
    return [ESQ("range", certified_from={"lte": "now"}), ESQ("range", certified_until={"gt": "now"})]


ORDERINGS = {
    RELEVANCE: ["_score", {"created": {"order": "desc"}}, {"product_id": {"order": "desc"}}],
    NEWEST: [{"created": {"order": "desc"}}, {"product_id": {"order": "desc"}}],
    # A product's price for sorting is its cheapest stock record's (as in the database backend).
    PRICE_ASC: [{"price": {"order": "asc", "mode": "min", "missing": "_last"}}, {"product_id": {"order": "desc"}}],
    PRICE_DESC: [{"price": {"order": "desc", "mode": "min", "missing": "_last"}}, {"product_id": {"order": "desc"}}],
}


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    # What "Elasticsearch cannot answer" looks like: the caller falls back to the database.
    unavailable = (TransportError, ApiError)

    def __init__(self, url, alias, timeout):
        self.url = url
        self.alias = alias
        self.timeout = timeout
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(self.url, request_timeout=self.timeout, max_retries=0, retry_on_timeout=False)
        return self._client

    # --- Query bodies (pure: tests compare them with to_dict()) -------------------------------

    def build_search(self, query, resolved=None):
        resolved = facets.resolve(query) if resolved is None else resolved
        gate = gate_filter()
        if query.category is not None:
            gate.append(ESQ("term", category_ids=str(query.category.pk)))
        tokens = query.tokens
        if tokens:
            text = " ".join(tokens)
            matching = [
                ESQ(
                    "multi_match",
                    query=text,
                    fields=["title_fa^3", "title_en^3", "title_en.plain^3", "body_fa", "body_en"],
                    type="best_fields",
                    operator="and",
                    fuzziness="AUTO",
                    prefix_length=1,
                ),
                ESQ("multi_match", query=text, type="bool_prefix", fields=["title_fa^2", "title_en.plain^2"]),
            ]
            search_query = ESQ("bool", filter=gate, should=matching, minimum_should_match=1)
        else:
            search_query = ESQ("bool", filter=gate)
        search = Search(index=self.alias).query(search_query).extra(track_total_hits=True).source(False)

        selected = {name: facets.FACETS_BY_NAME[name].es_filter(values) for name, values in resolved.items()}
        if selected:
            search = search.post_filter(ESQ("bool", filter=list(selected.values())))
        for facet in facets.FACETS:
            others = [condition for name, condition in selected.items() if name != facet.name]
            scope = A("filter", filter=ESQ("bool", filter=others) if others else ESQ("match_all"))
            scope.bucket("values", facet.es_aggregation(query, resolved.get(facet.name, ())))
            search.aggs.bucket(facet.name, scope)
        search = search.sort(*ORDERINGS[query.sort if tokens or query.sort != RELEVANCE else NEWEST])
        return search[query.offset : query.offset + query.per_page]

    def build_suggest(self, text, limit, language):
        return (
            Search(index=self.alias)
            .extra(size=0)
            .suggest(
                "products",
                " ".join(query_tokens(text)),
                completion={
                    "field": "suggest",
                    "size": limit * 2,
                    "skip_duplicates": True,
                    "fuzzy": {"fuzziness": "AUTO"},
                    "contexts": {LANGUAGE_CONTEXT: [language]},
                },
            )
        )

    # --- Searching ----------------------------------------------------------------------------

    def search(self, query):
        resolved = facets.resolve(query)
        response = self.build_search(query, resolved).using(self.client).execute()
        ids = [int(hit.meta.id) for hit in response.hits]
        products = DatabaseBackend.products(ids)
        rows = {}
        for facet in facets.FACETS:
            buckets = facet.es_buckets(getattr(response.aggregations, facet.name).values)
            keys = [key for key, count in buckets]
            labels = facet.es_labels(query, resolved.get(facet.name, ()), keys) if keys else {}
            rows[facet.name] = {key: (count, *labels[key]) for key, count in buckets if key in labels}
        total = response.hits.total.value
        return SearchResult(query, products, total, build_facets(query, rows), self.name)

    def suggest_products(self, text, limit):
        if not query_tokens(text):
            return []
        language = "en" if (get_language() or "fa").startswith("en") else "fa"
        response = self.build_suggest(text, limit, language).using(self.client).execute()
        ids = [int(option._id) for option in response.suggest.products[0].options]
        return DatabaseBackend.products(ids)[:limit]

    # --- Indexing -----------------------------------------------------------------------------

    def documents(self, products):
        products = list(products)
        tree = CategoryTree()
        windows = certificate_windows([product.pk for product in products])
        return [ProductDocument.from_product(product, tree, windows.get(product.pk)) for product in products]

    def update(self, product_ids):
        ids = sorted(set(product_ids))
        if not ids:
            return 0
        if not self.client.indices.exists_alias(name=self.alias):
            logger.warning("Elasticsearch has no index %r yet: run `manage.py search_index --rebuild`.", self.alias)
            return 0
        documents = self.documents(indexable(ids).prefetch_related("children__stockrecords"))
        listed = {document.meta.id for document in documents}
        actions = [document.to_dict(include_meta=True) | {"_index": self.alias} for document in documents]
        actions += [{"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in ids if pk not in listed]
        helpers.bulk(self.client, actions, ignore_status=(404,))
        return len(documents)

    def rebuild(self, progress=None):
        name = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        index_definition(name).create(using=self.client)
        ids = list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True))
        batch = conf.get("SEARCH_INDEX_BATCH_SIZE")
        for start in range(0, len(ids), batch):
            chunk = indexable(ids[start : start + batch]).prefetch_related("children__stockrecords")
            actions = [document.to_dict(include_meta=True) | {"_index": name} for document in self.documents(chunk)]
            helpers.bulk(self.client, actions)
            if progress:
                progress(min(start + batch, len(ids)), len(ids))
        self.client.indices.refresh(index=name)
        self.swap_alias(name)
        return len(ids)

    def swap_alias(self, name):
        """Point the alias at `name` in one request, then delete the indices it pointed at before."""
        old = []
        if self.client.indices.exists_alias(name=self.alias):
            old = list(self.client.indices.get_alias(name=self.alias))
        elif self.client.indices.exists(index=self.alias):
            # A concrete index squats the alias's name (e.g. created by an earlier update): replace it.
            self.client.indices.delete(index=self.alias)
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            if index != name:
                self.client.indices.delete(index=index)

    def counts(self):
        listable = Product.objects.browsable().count()
        indexed = self.client.count(index=self.alias)["count"]
        gate = {"bool": {"filter": [condition.to_dict() for condition in gate_filter()]}}
        current = self.client.count(index=self.alias, query=gate)["count"]
        return {"indexed": indexed, "listable": listable, "indexed_listable": current}
