"""Public pages of the producers app: the directory, a producer's shop, and applying to the programme."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from catalogue.models import Product, ProductClass

from . import networks, screening
from .forms import ApplicationForm, DirectoryFilterForm
from .models import Application, Brand, Producer, Region


def listed_products_count():
    """A subquery: how many of a producer's products customers can see now (no query per producer)."""
    listed = (
        Product.objects.browsable()
        .filter(producer=OuterRef("pk"))
        .order_by()
        .values("producer")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(listed, output_field=IntegerField()), Value(0))


class ProducerListView(ListView):
    """The directory (/producers/): active producers, filterable by province and craft (?region=…&craft=…)."""

    template_name = "producers/producer_list.html"
    context_object_name = "producers"
    paginate_by = 24

    def get_queryset(self):
        self.regions = list(Region.objects.order_by("name"))
        self.crafts = list(ProductClass.objects.order_by("name"))
        self.filter_form = DirectoryFilterForm(self.request.GET or None, regions=self.regions, crafts=self.crafts)
        queryset = (
            Producer.objects.filter(is_active=True)
            .select_related("region")
            .prefetch_related(Prefetch("crafts", queryset=ProductClass.objects.order_by("name")))
            .annotate(product_count=listed_products_count())
            .order_by("name", "pk")
        )
        filters = self.filter_form.filters()
        if "region" in filters:
            queryset = queryset.filter(region__slug=filters["region"])
        if "craft" in filters:
            queryset = queryset.filter(crafts__slug=filters["craft"])
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context


class ProducerDetailView(DetailView):
    """A producer's shop page: brand, story, province, crafts, network and certified products."""

    template_name = "producers/producer_detail.html"
    context_object_name = "producer"
    products_per_page = 24

    def get_object(self, queryset=None):
        return get_object_or_404(
            Producer.objects.select_related("region").prefetch_related(
                Prefetch("crafts", queryset=ProductClass.objects.order_by("name")),
                Prefetch("brands", queryset=Brand.objects.filter(kind=Brand.Kind.PRODUCER).order_by("pk")),
            ),
            slug=self.kwargs["slug"],
            is_active=True,
        )

    def get_context_data(self, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context_data(**kwargs)
        producer = self.object
        products = (
            Product.objects.browsable()
            .base_queryset()
            .filter(Q(producer=producer) | Q(maker=producer))
            .order_by("-date_created", "pk")
        )
        page = Paginator(products, self.products_per_page).get_page(self.request.GET.get("page"))
        brands = list(producer.brands.all())
        context.update(
            {
                "products": page.object_list,
                "page_obj": page,
                "paginator": page.paginator,
                "is_paginated": page.has_other_pages(),
                "crafts": list(producer.crafts.all()),
                "brand": brands[0] if brands else None,
                "members": list(networks.accepted_members(producer).select_related("region"))
                if producer.is_lead
                else [],
                "leads": list(networks.leads_of(producer).select_related("region")),
            }
        )
        return context


class ApplyView(View):
    """/producers/apply/: apply to the programme, follow the application, and answer a request for information."""

    template_name = "producers/apply.html"
    status_template_name = "producers/application_status.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("customer:login"))
        self.application = (
            Application.objects.filter(user=request.user, state__in=Application.LIVE_STATES)
            .select_related("registration_region", "native_region", "producer")
            .first()
        )
        self.producer = getattr(request.user, "producer", None)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if self.application is None and self.producer is None:
            return self.render_form(ApplicationForm())
        if self.application is not None and self.application.is_editable:
            return self.render_form(ApplicationForm(instance=self.application))
        return self.render_status()

    def post(self, request):
        if self.producer is not None or (self.application is not None and not self.application.is_editable):
            return self.render_status()
        form = ApplicationForm(request.POST, instance=self.application)
        if not form.is_valid():
            return self.render_form(form)
        application = form.save(commit=False)
        crafts = list(form.cleaned_data["crafts"])
        try:
            if self.application is None:
                screening.submit(application, request.user, crafts, language=request.LANGUAGE_CODE)
                messages.success(request, _("Thank you: your application has been submitted for screening."))
            else:
                screening.resubmit(application, request.user, crafts)
                messages.success(request, _("Your application has been submitted again."))
        except ValidationError as error:
            _attach(form, error)
            return self.render_form(form)
        return redirect("producers:apply")

    def render_form(self, form):
        return render(
            self.request,
            self.template_name,
            {"form": form, "application": self.application, "last_event": self._last_event()},
        )

    def render_status(self):
        return render(
            self.request,
            self.status_template_name,
            {"application": self.application, "producer": self.producer, "last_event": self._last_event()},
        )

    def _last_event(self):
        if self.application is None:
            return None
        return self.application.events.order_by("-created_at", "-pk").first()


def _attach(form, error):
    """Show a model-layer refusal on the form (per field when it names one)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
