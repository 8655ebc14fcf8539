"""One search request, whatever the page: text, facet selections, sort and page, parsed from GET.

The catalogue, category and search pages all build a `SearchQuery` from
`request.GET` and hand it to the configured backend; every URL they link to is
the same GET parameters changed (bookmarkable). Parsing never fails: anything
it does not understand is dropped.
"""

from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from . import conf
from .facets import FACETS, FACETS_BY_NAME
from .text import clean_query, query_tokens

RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC = "relevance", "newest", "price-asc", "price-desc"
SORTS = {
    RELEVANCE: _("Relevance"),
    NEWEST: _("Newest"),
    PRICE_ASC: _("Price, lowest first"),
    PRICE_DESC: _("Price, highest first"),
}
MAX_PAGE = 10_000


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    selections: dict = field(default_factory=dict)  # facet name -> tuple of values
    sort: str = ""
    page: int = 1
    per_page: int = 0
    category: object = None  # the category page's category: a fixed scope, not a facet selection

    def __post_init__(self):
        object.__setattr__(self, "text", clean_query(self.text))
        object.__setattr__(self, "selections", {k: tuple(v) for k, v in self.selections.items() if v})
        if self.sort not in SORTS:
            object.__setattr__(self, "sort", RELEVANCE if self.tokens else NEWEST)
        object.__setattr__(self, "page", min(max(int(self.page or 1), 1), MAX_PAGE))
        object.__setattr__(self, "per_page", self.per_page or conf.get("SEARCH_PAGE_SIZE"))

    @classmethod
    def from_get(cls, data, category=None, per_page=0):
        selections = {}
        for facet in FACETS:
            values = facet.clean(data.getlist(facet.name))
            if values:
                selections[facet.name] = values
        try:
            page = int(str(data.get("page", "1"))[:6])
        except ValueError:
            page = 1
        return cls(
            text=data.get("q", ""),
            selections=selections,
            sort=data.get("sort", ""),
            page=page,
            per_page=per_page,
            category=category,
        )

    @cached_property
    def tokens(self):
        return query_tokens(self.text)

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def selected(self, name):
        return self.selections.get(name, ())

    def without(self, name):
        """The selections of every facet but `name` (what `name`'s counts are taken under)."""
        return {key: values for key, values in self.selections.items() if key != name}

    @property
    def has_selections(self):
        return bool(self.selections)

    # --- URLs -------------------------------------------------------------------------------

    def params(self, **changes):
        """GET parameters for this query, with `changes` (None removes a parameter)."""
        params = []
        if self.text:
            params.append(("q", self.text))
        for facet in FACETS:
            params += [(facet.name, value) for value in self.selected(facet.name)]
        if self.sort != (RELEVANCE if self.tokens else NEWEST):
            params.append(("sort", self.sort))
        for key, value in changes.items():
            params = [(k, v) for k, v in params if k != key]
            if value is not None:
                params += [(key, v) for v in (value if isinstance(value, tuple | list) else [value])]
        return params

    def querystring(self, **changes):
        params = self.params(**changes)
        return "?" + urlencode(params) if params else "?"

    def toggle(self, name, value):
        """The query string with `value` of facet `name` switched on or off (back to page 1)."""
        values = self.selected(name)
        values = tuple(v for v in values if v != value) if value in values else (*values, value)
        return self.querystring(**{name: values or None})

    def hidden_fields(self, *exclude):
        """(name, value) pairs to carry through a form (e.g. the sort selector)."""
        return [(k, v) for k, v in self.params() if k not in exclude]

    def with_page(self, page):
        return replace(self, page=page)


def facet_named(name):
    return FACETS_BY_NAME[name]
