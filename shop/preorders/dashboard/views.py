"""Dashboard pages of pre-order campaigns: staff review proposals; producers propose and watch demand."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from producers import policy

from .. import rules
from ..forms import ProposeForm
from ..models import Campaign, Commitment


def campaigns_with_demand():
    return Campaign.objects.with_committed().select_related("product__producer__region", "proposed_by", "decided_by")


def demand_by_state(campaign):
    """Units and commitments per commitment state, in one query: what the producer is asked to make."""
    rows = campaign.commitments.values("state").annotate(units=Sum("quantity"), count=Count("pk"))
    found = {row["state"]: row for row in rows}
    return [
        (label, found.get(value, {}).get("units") or 0, found.get(value, {}).get("count") or 0)
        for value, label in Commitment.State.choices
    ]


# --- Programme staff ---------------------------------------------------------------------------------


class StaffMixin:
    def dispatch(self, request, *args, **kwargs):
        policy.require_staff(request.user)
        return super().dispatch(request, *args, **kwargs)


class ReviewListView(StaffMixin, ListView):
    """Every campaign, by state (proposals waiting for a decision first)."""

    template_name = "preorders/dashboard/review_list.html"
    context_object_name = "campaigns"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        self.state = self.request.GET.get("state", Campaign.State.PROPOSED)
        queryset = campaigns_with_demand().order_by("deadline", "pk")
        if self.state in Campaign.State.values:
            queryset = queryset.filter(state=self.state)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = Campaign.objects.aggregate(
            **{value: Count("pk", filter=Q(state=value)) for value in Campaign.State.values}
        )
        context["state_tabs"] = [(value, label, counts[value]) for value, label in Campaign.State.choices]
        context["state"] = self.state
        return context


class ReviewView(StaffMixin, DetailView):
    """One campaign: its terms, the product's standing, the demand; approve or reject a proposal."""

    template_name = "preorders/dashboard/review.html"
    context_object_name = "campaign"

    def get_queryset(self):
        return campaigns_with_demand()

    def get_context_data(self, **kwargs):
        from quality.gate import unlisted_reason

        context = super().get_context_data(**kwargs)
        context["unlisted_reason"] = unlisted_reason(self.object.product)
        context["demand"] = demand_by_state(self.object)
        return context

    def post(self, request, *args, **kwargs):
        campaign = self.get_object()
        decision = request.POST.get("decision")
        decide = {"approve": rules.approve, "reject": rules.reject}.get(decision)
        if decide is None:
            messages.error(request, _("Choose to approve or reject the campaign."))
        else:
            try:
                decide(campaign, request.user)
            except rules.CampaignRefused as refusal:
                messages.error(request, str(refusal))
            else:
                done = (
                    _("Campaign approved: customers can commit now.")
                    if decision == "approve"
                    else _("Campaign rejected.")
                )
                messages.success(request, done)
        return redirect(reverse("dashboard:preorders-review", kwargs={"pk": campaign.pk}))


# --- The producer portal --------------------------------------------------------------------------------


class PortalMixin:
    """A producer's own campaigns only (another producer's campaign is simply not found)."""

    def dispatch(self, request, *args, **kwargs):
        self.producer = policy.require_producer(request.user)
        return super().dispatch(request, *args, **kwargs)

    def own_campaigns(self):
        return campaigns_with_demand().of_producers(policy.own_producer_ids(self.request.user))


class PortalListView(PortalMixin, ListView):
    template_name = "preorders/dashboard/portal_list.html"
    context_object_name = "campaigns"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        return self.own_campaigns().order_by("-created_at", "-pk")


class PortalDetailView(PortalMixin, DetailView):
    """The demand committed to one of the producer's campaigns (quantities, not customers' identities)."""

    template_name = "preorders/dashboard/portal_detail.html"
    context_object_name = "campaign"

    def get_queryset(self):
        return self.own_campaigns()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demand"] = demand_by_state(self.object)
        context["commitments"] = self.object.commitments.select_related("shipping_address", "order").order_by("pk")
        return context


class ProposeView(PortalMixin, FormView):
    template_name = "preorders/dashboard/propose.html"
    form_class = ProposeForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["producer"] = self.producer
        return kwargs

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            campaign = rules.propose(
                producer=self.producer,
                product=data["product"],
                target_quantity=data["target_quantity"],
                deadline=data["deadline"],
                estimated_ship_date=data["estimated_ship_date"],
                price=data["price"],
                max_per_customer=data["max_per_customer"],
                by=self.request.user,
            )
        except rules.CampaignRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, _("Campaign proposed: programme staff will review it."))
        return redirect(reverse("dashboard:preorders-portal-detail", kwargs={"pk": campaign.pk}))
