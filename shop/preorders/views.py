"""Customers' pages of pre-order campaigns: the list, a campaign's page, committing, my commitments.

Views are thin: what may happen is decided by shop.preorders.rules; what may be seen by the
querysets of shop.preorders.models (the listing gate included).
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, View
from oscar.apps.address.models import UserAddress

from catalogue.models import ProductImage
from shop.payments import gateway

from . import card_views, cards, rules
from .forms import CommitForm, CommitmentAddressForm
from .models import Campaign, Commitment


def payment_methods():
    """How a customer may commit: cash on delivery always; a card (saved now, charged at the target) with Stripe."""
    if gateway.is_configured():
        return [Commitment.Method.CARD, Commitment.Method.CASH_ON_DELIVERY]
    return [Commitment.Method.CASH_ON_DELIVERY]


def campaigns_for_pages():
    """Campaigns with what their pages show loaded up front (product, producer, first image, progress)."""
    images = Prefetch("product__images", queryset=ProductImage.objects.order_by("display_order", "pk"))
    return (
        Campaign.objects.with_committed()
        .select_related("product__producer__region", "product__product_class")
        .prefetch_related(images)
    )


class CampaignListView(ListView):
    """Campaigns taking commitments now, the closest deadline first."""

    template_name = "preorders/campaign_list.html"
    context_object_name = "campaigns"
    paginate_by = 24

    def get_queryset(self):
        return campaigns_for_pages().running().order_by("deadline", "pk")


class CampaignDetailView(DetailView):
    template_name = "preorders/campaign_detail.html"
    context_object_name = "campaign"

    def get_queryset(self):
        return campaigns_for_pages().public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_authenticated:
            context["my_commitments"] = list(
                self.object.commitments.filter(user=user).exclude(state=Commitment.State.CANCELLED).order_by("pk")
            )
        return context


class CommitView(LoginRequiredMixin, FormView):
    """Commit to a running campaign: quantity, delivery address, payment method. Nothing is charged now."""

    template_name = "preorders/commit.html"
    form_class = CommitForm

    def dispatch(self, request, *args, **kwargs):
        self.campaign = get_object_or_404(campaigns_for_pages().public(), pk=kwargs["pk"])
        if request.user.is_authenticated and not self.campaign.is_open:
            messages.error(request, _("This campaign is not taking commitments."))
            return redirect(self.campaign)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(campaign=self.campaign, methods=payment_methods())
        return kwargs

    def address_form(self):
        if self.request.method == "POST":
            return CommitmentAddressForm(self.request.POST, prefix="address")
        default = (
            UserAddress.objects.filter(user=self.request.user)
            .order_by("-is_default_for_shipping", "-pk")
            .select_related("country")
            .first()
        )
        initial = {}
        if default is not None:
            initial = {name: getattr(default, name) for name in CommitmentAddressForm.Meta.fields if name != "country"}
        return CommitmentAddressForm(prefix="address", initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["campaign"] = self.campaign
        context.setdefault("address_form", self.address_form())
        context.update(card_views.fields_context())
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        address_form = self.address_form()
        if not (form.is_valid() and address_form.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, address_form=address_form))
        try:
            card = {}
            if form.cleaned_data["method"] == Commitment.Method.CARD:
                customer_id, payment_method_id = cards.saved_card(request.POST.get("setup_intent", ""), request.user)
                card = {"customer_id": customer_id, "payment_method_id": payment_method_id}
            rules.commit(
                self.campaign,
                quantity=form.cleaned_data["quantity"],
                method=form.cleaned_data["method"],
                user=request.user,
                language=get_language(),
                shipping_address=address_form.save(commit=False),
                **card,
            )
        except rules.CampaignRefused as refusal:
            form.add_error(None, str(refusal))
            return self.render_to_response(self.get_context_data(form=form, address_form=address_form))
        messages.success(
            request,
            _("Thank you: your commitment is recorded. We will e-mail you when the campaign reaches its target."),
        )
        return redirect("preorders:mine")


class MyCommitmentsView(LoginRequiredMixin, ListView):
    template_name = "preorders/my_commitments.html"
    context_object_name = "commitments"
    paginate_by = 20

    def get_queryset(self):
        return (
            Commitment.objects.filter(user=self.request.user)
            .select_related("campaign__product", "order", "shipping_address")
            .order_by("-created_at", "-pk")
        )


class CancelCommitmentView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        commitment = get_object_or_404(Commitment.objects.filter(user=request.user), pk=pk)
        try:
            rules.cancel(commitment, request.user)
        except rules.CampaignRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your commitment is cancelled."))
        return redirect(reverse("preorders:mine"))
