from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from quality.gate import unlisted_reason
from quality.policy import may_see_unlisted_product


class ProductDetailView(OscarProductDetailView):
    """A product off the market is a 404 to the public; its producer and officers see it with a banner."""

    def get_queryset(self):
        # Producer, brand, listability and the attribute values (with their attributes) come with the
        # product, not one query each.
        return self.model.objects.base_queryset().prefetch_attribute_values()

    def is_viewable(self, product, request):
        if may_see_unlisted_product(request.user, product):
            return True
        return super().is_viewable(product, request) and product.is_listable

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        if not product.is_listable:
            context["unlisted_reason"] = unlisted_reason(product.parent or product)
        context["quality_certificate"] = product.current_certificate
        return context
