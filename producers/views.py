from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from catalogue.models import Product

from .models import Producer


class ProducerListView(ListView):
    template_name = "producers/producer_list.html"
    context_object_name = "producers"
    paginate_by = 24

    def get_queryset(self):
        return (
            Producer.objects.filter(is_active=True)
            .select_related("region")
            .annotate(
                product_count=Count(
                    "products", filter=Q(products__is_public=True, products__parent__isnull=True), distinct=True
                )
            )
            .order_by("name")
        )


class ProducerDetailView(DetailView):
    template_name = "producers/producer_detail.html"
    context_object_name = "producer"

    def get_object(self, queryset=None):
        return get_object_or_404(Producer.objects.select_related("region"), slug=self.kwargs["slug"], is_active=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = Product.objects.browsable().base_queryset().filter(producer=self.object)
        context["crafts"] = self.object.crafts.all()
        return context
