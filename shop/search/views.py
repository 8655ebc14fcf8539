from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.apps.search.views.catalogue import ProductCategoryView as OscarProductCategoryView

from catalogue.models import Category, Product


class CatalogueView(ListView):
    """Every product on sale, newest first."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"
    paginate_by = 24

    def get_queryset(self):
        return Product.objects.browsable().base_queryset().order_by("-date_created", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("All products")
        return context


class ProductCategoryView(CatalogueView):
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

    def get_queryset(self):
        return super().get_queryset().filter(categories__in=self.category.get_descendants_and_self()).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.category.name
        context["category"] = self.category
        return context
