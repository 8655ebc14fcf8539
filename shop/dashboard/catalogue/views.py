"""The catalogue dashboard's views, forked for the producer portal.

Staff keep Oscar's behaviour. A producer (a non-staff user acting for a
producer, producers.policy):
- sees only their own products (others' are 404, through mixins.PartnerProductFilterMixin);
- creates listings only from the templates of their own crafts, and only once
  the training each craft requires is complete: otherwise the page says
  which courses are missing (403);
- edits with ProducerProductForm (no `is_public`; products are created public
  so that the quality certificate alone decides whether they are listed);
- has no bulk actions, variants, upselling or SEO tabs.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from oscar.apps.dashboard.catalogue import views as oscar_views
from oscar.apps.dashboard.catalogue.views import *  # noqa: F403  (Oscar's fork mechanism)

from producers import policy, training

from .forms import ProducerProductForm, ProductClassSelectForm


class ListingRefused(PermissionDenied):
    """A producer may not list in this craft (not theirs, or training missing)."""

    def __init__(self, message, product_class, missing=()):
        super().__init__(message)
        self.message = message
        self.product_class = product_class
        self.missing = list(missing)


def check_listing_allowed(producer, product_class):
    """Raise ListingRefused unless the producer may create or edit listings in this craft."""
    if not policy.craft_choices(producer).filter(pk=product_class.pk).exists():
        raise ListingRefused(_("This craft is not one of yours, so you cannot list products in it."), product_class)
    missing = training.missing_training(producer, product_class)
    if missing:
        raise ListingRefused(
            _("Complete the training this craft requires before listing in it."), product_class, missing
        )


def _producer_or_none(user):
    """The producer a non-staff dashboard user acts for (403 when none); None for staff."""
    if user.is_staff:
        return None
    return policy.require_producer(user)


class ProductListView(oscar_views.ProductListView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.request.user.is_staff:
            context["productclass_form"] = ProductClassSelectForm(producer=policy.current_producer(self.request.user))
        return context


class ProductCreateRedirectView(oscar_views.ProductCreateRedirectView):
    def get_redirect_url(self, *args, **kwargs):
        producer = _producer_or_none(self.request.user)
        form = self.productclass_form_class(self.request.GET, producer=producer)
        if form.is_valid():
            return self.get_product_create_url(form.cleaned_data["product_class"])
        return self.get_invalid_product_class_url()


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    producer = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_staff:
            self.producer = policy.require_producer(request.user)
            self.template_name = "oscar/dashboard/catalogue/producer_product_update.html"
            self.formsets = {name: formset for name, formset in self.formsets.items() if name != "recommended_formset"}
        try:
            return super().dispatch(request, *args, **kwargs)
        except ListingRefused as refusal:
            return render(
                request,
                "oscar/dashboard/catalogue/listing_refused.html",
                {"refusal": refusal, "product_class": refusal.product_class, "missing": refusal.missing},
                status=403,
            )

    def get_object(self, queryset=None):
        product = super().get_object(queryset)
        if self.producer is not None:
            if self.parent is not None:
                raise PermissionDenied(_("Variants are managed by programme staff."))
            check_listing_allowed(self.producer, self.product_class)
        return product

    def get_form_class(self):
        if self.producer is not None:
            return ProducerProductForm
        return super().get_form_class()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.producer is not None:
            kwargs["producer"] = self.producer
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.producer is not None:
            context["producer"] = self.producer
            if self.object is not None and self.object.pk:
                from quality.gate import unlisted_reason

                context["unlisted_reason"] = unlisted_reason(self.object)
        return context
