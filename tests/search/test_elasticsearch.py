"""The Elasticsearch backend without a server: mappings, analyzers and query bodies, exactly; the fallback.

No Elasticsearch can run on these machines, so these tests pin what the backend
sends. tests/search/test_es_live.py runs against a real cluster when
ELASTICSEARCH_URL is set.
"""

import logging
import re

import pytest
from django.http import QueryDict

from shop.persian import normalize
from shop.search import backends
from shop.search.backends.elasticsearch import ElasticsearchBackend, index_definition
from shop.search.query import SearchQuery
from tests.factories import ProductFactory, category, home_pages

from .conftest import rebuild_index

CLOSED_PORT = "http://127.0.0.1:9"  # nothing listens there: a refused connection, at once

FOLDING = [
    "\u0623=>\u0627",  # أ → ا
    "\u0624=>\u0648",  # ؤ → و
    "\u0625=>\u0627",  # إ → ا
    "\u0629=>\u0647",  # ة → ه
    "\u0643=>\u06a9",  # ك → ک
    "\u0649=>\u06cc",  # ى → ی
    "\u064a=>\u06cc",  # ي → ی
    *(f"{chr(0x0660 + d)}=>{d}" for d in range(10)),  # Arabic-Indic digits
    "\u0671=>\u0627",  # ٱ → ا
    "\u0675=>\u0627\u0674",  # compatibility forms (NFKC)
    "\u0676=>\u0648\u0674",
    "\u0677=>\u06c7\u0674",
    "\u0678=>\u06cc\u0674",
    "\u06c0=>\u0647",  # ۀ → ه
    *(f"{chr(0x06F0 + d)}=>{d}" for d in range(10)),  # Persian digits
]
MARKS = "[\\u0610-\\u061A\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u200C-\\u200F\\uFEFF]"

INDEX = {
    "settings": {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "analysis": {
            "char_filter": {
                "persian_folding": {"type": "mapping", "mappings": FOLDING},
                "persian_marks": {"type": "pattern_replace", "pattern": MARKS, "replacement": ""},
            },
            "filter": {
                "english_possessive": {"type": "stemmer", "language": "possessive_english"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "persian_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["persian_marks", "persian_folding"],
                    "filter": ["lowercase"],
                },
                "english_text": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["persian_marks", "persian_folding"],
                    "filter": ["english_possessive", "lowercase", "english_stemmer"],
                },
            },
        },
    },
    "mappings": {
        "properties": {
            "product_id": {"type": "integer"},
            "title_fa": {"type": "text", "analyzer": "persian_text"},
            "title_en": {
                "type": "text",
                "analyzer": "english_text",
                "fields": {"plain": {"type": "text", "analyzer": "persian_text"}},
            },
            "body_fa": {"type": "text", "analyzer": "persian_text"},
            "body_en": {"type": "text", "analyzer": "english_text"},
            "category_ids": {"type": "keyword"},
            "region": {"type": "keyword"},
            "producer": {"type": "keyword"},
            "brand": {"type": "keyword"},
            "price": {"type": "double"},
            "availability": {"type": "keyword"},
            "made_to_order": {"type": "boolean"},
            "in_stock": {"type": "boolean"},
            "created": {"type": "date"},
            "certified_from": {"type": "date"},
            "certified_until": {"type": "date"},
            "suggest": {
                "type": "completion",
                "analyzer": "persian_text",
                "search_analyzer": "persian_text",
                "contexts": [{"name": "language", "type": "category"}],
            },
        }
    },
}

GATE = [{"range": {"certified_from": {"lte": "now"}}}, {"range": {"certified_until": {"gt": "now"}}}]
PRICE_RANGES = [
    {"key": "0-1000000", "to": 1000000},
    {"key": "1000000-5000000", "from": 1000000, "to": 5000000},
    {"key": "5000000-20000000", "from": 5000000, "to": 20000000},
    {"key": "20000000-50000000", "from": 20000000, "to": 50000000},
    {"key": "50000000-", "from": 50000000},
]


def aggregations(scope=None, skip=None):
    """The facet aggregations, each under `scope` filters except its own."""

    def filter_for(name):
        others = [condition for facet, condition in (scope or {}).items() if facet != name]
        return {"bool": {"filter": others}} if others else {"match_all": {}}

    values = {
        "category": {"terms": {"field": "category_ids", "size": 500}},
        "region": {"terms": {"field": "region", "size": 200}},
        "producer": {"terms": {"field": "producer", "size": 200}},
        "brand": {"terms": {"field": "brand", "size": 200}},
        "price": {"range": {"field": "price", "ranges": PRICE_RANGES}},
        "availability": {"terms": {"field": "availability", "size": 200}},
    }
    return {name: {"filter": filter_for(name), "aggs": {"values": body}} for name, body in values.items()}


def body(querystring, **kwargs):
    backend = ElasticsearchBackend(CLOSED_PORT, "homemade-products", 1)
    return backend.build_search(SearchQuery.from_get(QueryDict(querystring), **kwargs)).to_dict()


def test_index_settings_analyzers_and_mappings():
    assert index_definition("homemade-products-20250101").to_dict() == INDEX


def test_the_analyzers_fold_what_the_one_normalizer_folds():
    for rule in FOLDING:
        source, target = rule.split("=>")
        assert normalize(source) == target
    dropped = [chr(code) for code in range(0x0600, 0x0700) if re.fullmatch(MARKS, chr(code))]
    assert len(dropped) > 40  # diacritics, tatweel, Quranic marks
    assert all(normalize(f"a{character}b") == "ab" for character in [*dropped, "\u200c"])


def test_browsing_query_body():
    assert body("") == {
        "query": {"bool": {"filter": GATE}},
        "aggs": aggregations(),
        "sort": [{"created": {"order": "desc"}}, {"product_id": {"order": "desc"}}],
        "track_total_hits": True,
        "_source": False,
        "from": 0,
        "size": 24,
    }


def test_text_query_body_with_fuzziness_prefixes_and_title_boosts():
    assert body("q=قالي  اردبيل!&page=2") == {
        "query": {
            "bool": {
                "filter": GATE,
                "should": [
                    {
                        "multi_match": {
                            "query": "قالی اردبیل",
                            "fields": ["title_fa^3", "title_en^3", "title_en.plain^3", "body_fa", "body_en"],
                            "type": "best_fields",
                            "operator": "and",
                            "fuzziness": "AUTO",
                            "prefix_length": 1,
                        }
                    },
                    {
                        "multi_match": {
                            "query": "قالی اردبیل",
                            "type": "bool_prefix",
                            "fields": ["title_fa^2", "title_en.plain^2"],
                        }
                    },
                ],
                "minimum_should_match": 1,
            }
        },
        "aggs": aggregations(),
        "sort": ["_score", {"created": {"order": "desc"}}, {"product_id": {"order": "desc"}}],
        "track_total_hits": True,
        "_source": False,
        "from": 24,
        "size": 24,
    }


def test_hostile_text_reaches_elasticsearch_as_plain_words():
    query = body("q=" + "title%3A(a+AND+b)~2%5E3+%22*+%27+OR+1%3D1+--")["query"]["bool"]["should"][0]
    assert query["multi_match"]["query"] == "title a and b 2 3 or 1"
    assert "query_string" not in str(body("q=a:b"))


@pytest.mark.django_db
def test_facet_selections_are_post_filters_and_scope_the_other_facets():
    carpets = category("Carpets", "فرش")
    region = {"terms": {"region": ["ardabil", "fars"]}}
    price = {"bool": {"should": [{"range": {"price": {"lt": 1000000}}}], "minimum_should_match": 1}}
    chosen_category = {"terms": {"category_ids": [str(carpets.pk)]}}
    availability = {"terms": {"availability": ["made_to_order"]}}
    result = body(
        f"region=ardabil&region=fars&price=0-1000000&category={carpets.pk}&availability=made_to_order&sort=price-asc"
    )
    scope = {"category": chosen_category, "region": region, "price": price, "availability": availability}
    assert result["post_filter"] == {"bool": {"filter": [chosen_category, region, price, availability]}}
    assert result["aggs"] == aggregations(scope)
    assert result["sort"] == [
        {"price": {"order": "asc", "mode": "min", "missing": "_last"}},
        {"product_id": {"order": "desc"}},
    ]
    assert result["query"] == {"bool": {"filter": GATE}}


@pytest.mark.django_db
def test_a_category_page_is_a_fixed_filter():
    carpets = category("Carpets", "فرش")
    result = body("sort=price-desc", category=carpets)
    assert result["query"] == {"bool": {"filter": [*GATE, {"term": {"category_ids": str(carpets.pk)}}]}}
    assert "post_filter" not in result


def test_suggest_body_uses_the_completion_field_and_the_language_context():
    backend = ElasticsearchBackend(CLOSED_PORT, "homemade-products", 1)
    assert backend.build_suggest("كيف چ", 5, "fa").to_dict() == {
        "size": 0,
        "suggest": {
            "products": {
                "prefix": "کیف چ",
                "completion": {
                    "field": "suggest",
                    "size": 10,
                    "skip_duplicates": True,
                    "fuzzy": {"fuzziness": "AUTO"},
                    "contexts": {"language": ["fa"]},
                },
            }
        },
    }


# --- Elasticsearch configured but unreachable ------------------------------------------------------------


@pytest.fixture
def unreachable(settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    backends._cache.clear()
    yield
    backends._cache.clear()


@pytest.mark.django_db
def test_unreachable_elasticsearch_falls_back_to_the_database_with_a_warning(unreachable, client, caplog):
    home_pages()
    ProductFactory(title_en="Fallback honey")
    rebuild_index()
    with caplog.at_level(logging.WARNING, logger="shop.search"):
        response = client.get("/en/search/", {"q": "honey"})
    assert response.status_code == 200
    assert response.context["result"].backend == "database"
    assert "Fallback honey" in response.content.decode()
    warnings = [record for record in caplog.records if record.name == "shop.search"]
    assert warnings and "answering from the database" in warnings[0].getMessage()
    # Further requests go straight to the database for a while (no waiting on a dead cluster).
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="shop.search"):
        assert client.get("/en/catalogue/").status_code == 200
        suggestions = client.get("/en/search/suggest/", {"q": "hon"}).json()
    assert not [record for record in caplog.records if record.name == "shop.search"]
    assert suggestions["groups"][0]["items"][0]["label"] == "Fallback honey"


@pytest.mark.django_db
def test_the_fallback_retries_elasticsearch_after_a_while(unreachable, settings, caplog):
    settings.SEARCH_ELASTICSEARCH_RETRY_AFTER = 0
    backend = backends.get_backend()
    with caplog.at_level(logging.WARNING, logger="shop.search"):
        backend.search(SearchQuery())
        backend.search(SearchQuery())
    assert len([record for record in caplog.records if record.name == "shop.search"]) == 2
