"""Facets, sorting, pages and hostile queries over the demo catalogue (database backend).

Facet counts are compared with counts taken directly from the database, written
here independently of shop.search.facets: for each facet value, the products that
a click on it would show (every other selection applied).
"""

from decimal import Decimal
from functools import reduce
from operator import or_
from urllib.parse import urlencode

import pytest
from django.db.models import Q

from catalogue.models import Category, Product
from producers.models import Brand, Producer, Region
from shop.search import conf
from shop.search.query import SearchQuery

from .conftest import search, upcs

pytestmark = pytest.mark.django_db


def _price_q(key):
    low, high = key.split("-")
    condition = Q(stockrecords__price__gte=Decimal(low))
    if high:
        condition &= Q(stockrecords__price__lt=Decimal(high))
    return condition


DIRECT = {
    "region": lambda values: Q(producer__region__slug__in=values),
    "producer": lambda values: Q(producer__slug__in=values),
    "brand": lambda values: Q(brand__slug__in=values),
    "category": lambda values: reduce(
        or_, [Q(categories__path__startswith=Category.objects.get(pk=pk).path) for pk in values]
    ),
    "price": lambda values: reduce(or_, [_price_q(key) for key in values]),
    "availability": lambda values: reduce(
        or_,
        [
            Q(lead_time_days__isnull=False)
            if value == "made_to_order"
            else Q(lead_time_days__isnull=True, stockrecords__num_in_stock__gt=0)
            for value in values
        ],
    ),
}


def all_values():
    """Every value each facet could take in the demo."""
    bounds = [0, *conf.get("SEARCH_PRICE_RANGES"), None]
    return {
        "region": list(Region.objects.values_list("slug", flat=True)),
        "producer": list(Producer.objects.values_list("slug", flat=True)),
        "brand": list(Brand.objects.values_list("slug", flat=True)),
        "category": [str(pk) for pk in Category.objects.values_list("pk", flat=True)],
        "price": [f"{low}-{high or ''}" for low, high in zip(bounds, bounds[1:], strict=False)],
        "availability": ["made_to_order", "in_stock"],
    }


def direct_count(selections, text_ids=None):
    products = Product.objects.browsable()
    if text_ids is not None:
        products = products.filter(pk__in=text_ids)
    for name, values in selections.items():
        products = products.filter(DIRECT[name](values))
    return products.distinct().count()


def text_ids(text):
    query = SearchQuery(text=text, per_page=1000)
    from shop.search.backends.database import DatabaseBackend

    return [product.pk for product in DatabaseBackend().search(query).products]


def assert_counts_match_the_database(querystring, text=None):
    result = search(querystring)
    ids = text_ids(text) if text else None
    selections = result.query.selections
    assert result.total == direct_count(selections, ids), querystring
    shown = {facet.name: {value.key: value.count for value in facet.values} for facet in result.facets}
    for name, values in all_values().items():
        others = {key: value for key, value in selections.items() if key != name}
        for value in values:
            expected = direct_count({**others, name: [value]}, ids)
            if name == "category" and value not in shown[name]:
                continue  # only the categories the page offers (top level, or children of a choice) are counted
            assert shown[name].get(value, 0) == expected, f"{querystring}: {name}={value}"
    return result


@pytest.mark.parametrize(
    ("querystring", "text"),
    [
        ("", None),
        ("region=ardabil", None),
        ("region=ardabil&region=fars", None),
        ("availability=made_to_order", None),
        ("region=ardabil&availability=in_stock&price=1000000-5000000", None),
        ("producer=sabalan-carpet-house&brand=ardabil-hand-woven-carpet", None),
        ("price=0-1000000&price=50000000-", None),
        ("category={carpets}", None),
        ("category={carpets}&region=ardabil&sort=price-asc", None),
        ("q=سبلان", "سبلان"),
        ("q=سبلان&region=ardabil&availability=in_stock", "سبلان"),
        ("q=kilim&price=5000000-20000000", "kilim"),
    ],
)
def test_facet_counts_equal_direct_database_counts(demo_catalogue, querystring, text):
    carpets = Category.objects.get(code="carpets-kilims").pk
    assert_counts_match_the_database(querystring.format(carpets=carpets), text)


def test_choosing_a_value_narrows_to_exactly_its_count(demo_catalogue):
    result = search("")
    for facet in result.facets:
        for value in facet.values:
            narrowed = search(value.url.lstrip("?"))
            assert narrowed.total == value.count, f"{facet.name}={value.key}"


def test_values_of_one_facet_widen_and_facets_narrow(demo_catalogue):
    ardabil = search("region=ardabil").total
    fars = search("region=fars").total
    assert search("region=ardabil&region=fars").total == ardabil + fars
    both = search("region=ardabil&availability=made_to_order").total
    assert both < ardabil
    assert both == direct_count({"region": ["ardabil"], "availability": ["made_to_order"]})


def test_a_category_counts_its_subcategories_and_drills_down(demo_catalogue):
    carpets_and_kilims = Category.objects.get(code="carpets-kilims")
    result = search(f"category={carpets_and_kilims.pk}")
    category = next(facet for facet in result.facets if facet.name == "category")
    keys = {value.key: value for value in category.values}
    assert keys[str(carpets_and_kilims.pk)].selected
    children = {str(child.pk) for child in carpets_and_kilims.get_children()}
    assert children <= set(keys)  # its children are offered
    assert sum(keys[key].count for key in children) == keys[str(carpets_and_kilims.pk)].count


def test_the_category_page_scopes_the_results(demo_catalogue):
    honey = Category.objects.get(code="honey")
    result = search("", category=honey)
    assert set(upcs(result)) == {f"HM-HNY-00{n}" for n in range(1, 8)}
    assert result.total == 7


def test_unknown_and_malformed_selections_are_ignored(demo_catalogue):
    everything = search("").total
    result = search("region=atlantis&category=abc&category=999999&price=1-2&availability=soon&sort=odd&page=x")
    assert result.query.selections == {"region": ("atlantis",), "category": ("999999",)}
    assert result.total == 0  # an unknown region matches nothing; the unknown category is dropped
    assert search("category=999999").total == everything


# --- Sorting and pages --------------------------------------------------------------------------------


def _prices(products):
    return [min(record.price for record in product.stockrecords.all()) for product in products]


def test_sorting_by_price_and_newest(demo_catalogue):
    carpets = Category.objects.get(code="carpets-kilims").pk
    ascending = search(f"sort=price-asc&category={carpets}")
    assert _prices(ascending.products) == sorted(_prices(ascending.products))
    descending = search(f"sort=price-desc&category={carpets}")
    assert _prices(descending.products) == sorted(_prices(descending.products), reverse=True)
    newest = search("sort=newest").products
    dates = [(product.date_created, product.pk) for product in newest]
    assert dates == sorted(dates, reverse=True)
    with_words = search("q=honey&sort=price-asc")
    assert _prices(with_words.products) == sorted(_prices(with_words.products))


def test_pages_cover_the_results_once(demo_catalogue):
    total = search("").total
    seen = []
    for page in range(1, total // 24 + 2):
        result = search(f"page={page}")
        assert result.page.number == page
        seen += upcs(result)
    assert len(seen) == len(set(seen)) == total
    past = search("page=999")
    assert past.total == total and past.products == []


def test_pages_of_a_text_search_follow_relevance(demo_catalogue):
    first = SearchQuery(text="ardabil", per_page=5)
    from shop.search.backends.database import DatabaseBackend

    backend = DatabaseBackend()
    page_one = backend.search(first).products
    page_two = backend.search(first.with_page(2)).products
    everything = backend.search(SearchQuery(text="ardabil", per_page=100)).products
    assert page_one + page_two == everything[:10]


# --- Empty and hostile queries ------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "x" * 10_000,
    "قالی " * 2_000,
    "!!!???...,,,;;;",
    "' OR 1=1 --",
    "'; DROP TABLE catalogue_product; --",
    "title:(a AND b)~2^3",
    '"*',
    "*",
    "NEAR(a b)",
    "a OR b NOT c",
    "\x00",
    "honey\x00carpet",
    "\\",
    "%_%",
    "{title}: x",
    "(((",
    "🙂🙂",
    "\u200c\u200f\u200e",
    "١٢٣ ۴۵۶ 789",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(text)[:30] for text in HOSTILE])
def test_empty_and_hostile_queries_answer_normally(demo_catalogue, client, text):
    result = search(urlencode({"q": text}))
    assert result.total == len(result.products) or result.total > len(result.products)
    assert all(product.is_listable for product in result.products)
    response = client.get("/en/search/", {"q": text})
    assert response.status_code == 200
    suggestions = client.get("/en/search/suggest/", {"q": text})
    assert suggestions.status_code == 200 and "groups" in suggestions.json()


def test_queries_without_words_show_everything_and_sql_is_just_words(demo_catalogue):
    everything = search("").total
    assert search(urlencode({"q": "!!!"})).total == everything
    injected = search(urlencode({"q": "' OR 1=1 --"}))
    assert injected.total < everything  # only products with words starting "or" and "1"
    words = search(urlencode({"q": "or 1"}))
    assert upcs(injected) == upcs(words)
    count = Product.objects.count()
    search(urlencode({"q": "'; DROP TABLE catalogue_product; --"}))
    assert Product.objects.count() == count
