"""Against a real Elasticsearch, only when ELASTICSEARCH_URL is set (skipped otherwise).

    docker run -d -p 9200:9200 -e discovery.type=single-node -e xpack.security.enabled=false \\
        docker.elastic.co/elasticsearch/elasticsearch:8.19.0
    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest tests/search/test_es_live.py

Each run builds its own alias (`test-homemade-products-<random>`) and deletes it afterwards.
"""

import os
import uuid
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from quality.models import Certificate
from shop.search.backends.elasticsearch import ElasticsearchBackend
from shop.search.query import SearchQuery
from tests.factories import ProductFactory, RegionFactory, category

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not URL, reason="needs a live Elasticsearch: set ELASTICSEARCH_URL"),
]


@pytest.fixture
def backend():
    backend = ElasticsearchBackend(URL, f"test-homemade-products-{uuid.uuid4().hex[:8]}", 10)
    yield backend
    # By name: Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name).
    for name in backend.client.indices.get(index=f"{backend.alias}-*", allow_no_indices=True):
        backend.client.indices.delete(index=name)


@pytest.fixture
def catalogue():
    ardabil = RegionFactory(slug="ardabil", name_fa="اردبیل", name_en="Ardabil")
    rugs = category("Carpets", "فرش")
    honey = category("Honey", "عسل")
    products = {
        "rug": ProductFactory(
            title_fa="قالیچه‌ی اردبیل", title_en="Ardabil rug", categories=[rugs], producer__region=ardabil
        ),
        "kilim": ProductFactory(title_fa="گلیم نمین", title_en="Namin kilim", categories=[rugs], lead_time_days=20),
        "honey": ProductFactory(title_fa="عسل آویشن ۵۰۰ گرم", title_en="Thyme honey, 500 g", categories=[honey]),
        "wallet": ProductFactory(title_fa="کیف پول چرمی", title_en="Men's leather wallets", categories=[honey]),
    }
    return products


def run(backend, querystring):
    return backend.search(SearchQuery.from_get(QueryDict(querystring)))


def titles(result):
    return [product.title_en for product in result.products]


def test_rebuild_swaps_the_alias_and_counts_agree(backend, catalogue):
    assert backend.rebuild() == 4
    first = set(backend.client.indices.get_alias(name=backend.alias))
    backend.rebuild()
    second = set(backend.client.indices.get_alias(name=backend.alias))
    assert len(first) == len(second) == 1 and first != second
    assert not backend.client.indices.exists(index=first.pop())  # the old index is gone
    counts = backend.counts()
    assert counts["indexed"] == counts["listable"] == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("قاليچه", "Ardabil rug"),  # Arabic yeh
        ("قالیچه اردبیل", "Ardabil rug"),
        ("عَسَل ٥٠٠", "Thyme honey, 500 g"),  # diacritics, Arabic-Indic digits
        ("wallet", "Men's leather wallets"),  # stemming and possessive
        ("WALLETS", "Men's leather wallets"),
        ("kilm", "Namin kilim"),  # a typo
        ("گلیک", "Namin kilim"),
    ],
)
def test_relevance(backend, catalogue, query, expected):
    backend.rebuild()
    assert titles(run(backend, urlencode({"q": query})))[:1] == [expected]


def test_facets_count_and_combine(backend, catalogue):
    backend.rebuild()
    result = run(backend, "availability=made_to_order")
    assert titles(result) == ["Namin kilim"]
    counts = {facet.name: {value.key: value.count for value in facet.values} for facet in result.facets}
    assert counts["availability"] == {"made_to_order": 1, "in_stock": 3}
    assert sum(counts["category"].values()) == 1


def test_the_gate_holds_before_the_index_catches_up(backend, catalogue):
    backend.rebuild()
    Certificate.objects.filter(product=catalogue["honey"]).update(status="revoked")
    assert "Thyme honey, 500 g" not in titles(run(backend, "q=honey"))
    backend.update([catalogue["honey"].pk])
    backend.client.indices.refresh(index=backend.alias)
    assert backend.counts()["indexed"] == 3


def test_suggestions_by_language(backend, catalogue):
    backend.rebuild()
    from django.utils import translation

    with translation.override("en"):
        assert [p.title_en for p in backend.suggest_products("thy", 5)] == ["Thyme honey, 500 g"]
    with translation.override("fa"):
        assert [p.title_fa for p in backend.suggest_products("عسل", 5)] == ["عسل آویشن ۵۰۰ گرم"]
