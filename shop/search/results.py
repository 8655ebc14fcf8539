"""What a backend answers: the page's products in order, the total, the facets with counts, the page."""

import math
from dataclasses import dataclass, field

from . import conf
from .facets import FACETS, localized


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False
    url: str = ""  # the query string that toggles this value
    sort_key: str = ""


@dataclass
class FacetResult:
    name: str
    label: str
    values: list

    @property
    def selected(self):
        return [value for value in self.values if value.selected]

    @property
    def has_choices(self):
        return any(value.count or value.selected for value in self.values)


@dataclass
class ResultsPage:
    """The page of results, shaped like Django's Page/Paginator for Oscar's pagination partial."""

    number: int
    per_page: int
    count: int
    object_list: list = field(default_factory=list)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.per_page)) if self.per_page else 1

    @property
    def paginator(self):
        return self

    def has_next(self):
        return self.number < self.num_pages

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.num_pages > 1

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    def end_index(self):
        return (self.number - 1) * self.per_page + len(self.object_list)


@dataclass
class SearchResult:
    query: object
    products: list
    total: int
    facets: list
    backend: str = "database"

    @property
    def page(self):
        return ResultsPage(self.query.page, self.query.per_page, self.total, self.products)

    @property
    def selected(self):
        """Every selected facet value (for the "remove" links above the results)."""
        return [(facet, value) for facet in self.facets for value in facet.selected]


def offered_keys(facet_rows, selected):
    """The selected keys first, then the others from the most frequent."""
    others = sorted((key for key in facet_rows if key not in selected), key=lambda key: -facet_rows[key][0])
    return dict.fromkeys([*selected, *others])


def build_facets(query, rows):
    """FacetResults from {facet name: {key: (count, label_fa, label_en, sort)}}.

    Selected values always appear (with their count, or 0), so they can be switched off; then the most
    frequent others, SEARCH_FACET_VALUES values in all; values without a label (unknown or not public)
    are left out.
    """
    results = []
    for facet in FACETS:
        facet_rows = dict(rows.get(facet.name, {}))
        selected = [str(key) for key in query.selected(facet.name)]
        values = []
        limit = max(conf.get("SEARCH_FACET_VALUES"), len(selected))
        for key in offered_keys(facet_rows, selected):
            if len(values) == limit:
                break
            count, label_fa, label_en, sort = facet_rows.get(key, (0, "", "", ""))
            label = str(facet.value_label(key)) if hasattr(facet, "value_label") else localized(label_fa, label_en)
            if not key or not label or not (count or key in selected):
                continue
            values.append(
                FacetValue(
                    key=key,
                    label=label,
                    count=count,
                    selected=key in selected,
                    url=query.toggle(facet.name, key),
                    sort_key=sort or label,
                )
            )
        results.append(FacetResult(facet.name, str(facet.label), facet.order(values)))
    return results
