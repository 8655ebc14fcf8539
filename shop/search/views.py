"""The catalogue, category and search pages (one results template, one backend call each) and suggestions.

Views stay thin: they parse GET into a `SearchQuery`, ask the configured backend
(`shop.search.backends.get_backend()`), and render the `SearchResult`.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from oscar.apps.search.views.catalogue import ProductCategoryView as OscarProductCategoryView

from catalogue.models import Category

from . import suggest
from .backends import get_backend
from .query import SORTS, SearchQuery


class ResultsView(TemplateView):
    """A list of products from the search backend: facets, sorting and pages come from GET."""

    template_name = "oscar/catalogue/browse.html"
    category = None

    def get(self, request, *args, **kwargs):
        self.query = SearchQuery.from_get(request.GET, category=self.category)
        self.result = get_backend().search(self.query)
        return super().get(request, *args, **kwargs)

    def get_summary(self):
        return _("All products")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.result.page
        context.update(
            summary=self.get_summary(),
            result=self.result,
            search_query=self.query,
            products=self.result.products,
            page_obj=page,
            paginator=page,
            sort_options=[(key, label, key == self.query.sort) for key, label in SORTS.items()],
            sort_hidden_fields=self.query.hidden_fields("sort"),
            clear_filters_url=SearchQuery(text=self.query.text).querystring(),
        )
        return context


class CatalogueView(ResultsView):
    """Every product on sale (newest first unless another order is chosen)."""


class ProductCategoryView(ResultsView):
    """The products of a craft category and its subcategories."""

    template_name = "oscar/catalogue/category.html"
    # Oscar's own view knows the public/staff rule and the canonical-URL redirect.
    is_viewable = OscarProductCategoryView.is_viewable
    redirect_if_necessary = OscarProductCategoryView.redirect_if_necessary
    enforce_paths = True

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not self.is_viewable(self.category, request):
            raise Http404
        redirect = self.redirect_if_necessary(request.path, self.category)
        return redirect or super().get(request, *args, **kwargs)

    def get_summary(self):
        return self.category.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        return context


class SearchView(ResultsView):
    """The results for the header search box's words (every product when there are none)."""

    template_name = "oscar/search/results.html"

    def get_summary(self):
        if self.query.text:
            return _("Results for “%(query)s”") % {"query": self.query.text}
        return _("Search")


class SuggestView(View):
    """Suggestions as the customer types: JSON groups of products, producers, regions and crafts."""

    def get(self, request, *args, **kwargs):
        text = request.GET.get("q", "")
        response = JsonResponse({"query": text[:100], "groups": suggest.suggestions(text)})
        response["Cache-Control"] = "private, max-age=60"
        return response
