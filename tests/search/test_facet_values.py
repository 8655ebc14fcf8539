"""A facet offers at most SEARCH_FACET_VALUES values: the selected ones, then the most frequent."""

from django.http import QueryDict

from shop.search.query import SearchQuery
from shop.search.results import build_facets

# Five producers counted in a result set: {key: (count, label_fa, label_en, sort)}.
PRODUCERS = {
    "rare": (1, "کمیاب", "Rare", ""),
    "big": (40, "بزرگ", "Big", ""),
    "middle": (12, "میانه", "Middle", ""),
    "small": (3, "کوچک", "Small", ""),
    "bigger": (55, "بزرگتر", "Bigger", ""),
}


def producer_keys(querystring):
    query = SearchQuery.from_get(QueryDict(querystring))
    facet = next(facet for facet in build_facets(query, {"producer": PRODUCERS}) if facet.name == "producer")
    return {value.key for value in facet.values}


def test_the_most_frequent_values_are_offered(settings):
    settings.SEARCH_FACET_VALUES = 2
    assert producer_keys("") == {"bigger", "big"}


def test_a_selected_value_stays_however_rare(settings):
    settings.SEARCH_FACET_VALUES = 2
    assert producer_keys("producer=rare") == {"rare", "bigger"}


def test_every_value_when_there_are_fewer(settings):
    settings.SEARCH_FACET_VALUES = 20
    assert producer_keys("") == set(PRODUCERS)
