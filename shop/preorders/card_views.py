"""Card commitments' endpoints: saving a card (SetupIntent) while committing, and paying now after a failed charge.

Thin: shop.preorders.cards decides; every Stripe call goes through shop.payments.gateway.
"""

from django import http
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from shop.payments import gateway

from . import cards
from .rules import CampaignRefused

FIELDS_TEMPLATE = "preorders/card/fields.html"


def fields_context():
    """What the commit page needs to offer a card (empty when Stripe is not configured)."""
    if not gateway.is_configured():
        return {}
    return {
        "card_fields_template": FIELDS_TEMPLATE,
        "stripe_js_url": settings.STRIPE_JS_URL,
        "stripe_publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
    }


class SetupView(LoginRequiredMixin, generic.View):
    """POST (CSRF) → JSON {client_secret} of a new SetupIntent for the signed-in customer, or {error}."""

    http_method_names = ["post"]
    raise_exception = True  # an API: 403, not a redirect to the login page

    def post(self, request):
        if not gateway.is_configured():
            return http.JsonResponse({"error": _("Card payments are not available.")}, status=400)
        try:
            client_secret = cards.setup_card(request.user)
        except gateway.PaymentError:
            return http.JsonResponse(
                {"error": _("The card service is unavailable; nothing was saved. Please try again in a moment.")},
                status=502,
            )
        return http.JsonResponse({"client_secret": client_secret})


class PayNowMixin(LoginRequiredMixin):
    def commitment(self):
        # Only the owner's commitments whose charge failed: anybody else gets 404.
        return get_object_or_404(
            cards.payable(self.request.user).select_related(
                "campaign__product__producer__partner", "user", "shipping_address"
            ),
            pk=self.kwargs["pk"],
        )

    def session_key(self):
        return f"preorder-pay-{self.kwargs['pk']}"


class PayNowView(PayNowMixin, generic.TemplateView):
    """The pay-now page: the card, charged on-session (Stripe.js finishes 3-D Secure)."""

    template_name = "preorders/card/pay.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        commitment = self.commitment()
        context.update(
            commitment=commitment,
            amount=cards.amount_due(commitment),
            stripe_js_url=settings.STRIPE_JS_URL,
            card_config={
                "publishableKey": settings.STRIPE_PUBLISHABLE_KEY,
                "payUrl": reverse("preorders:card:pay-intent", kwargs={"pk": commitment.pk}),
                "messages": {
                    "working": _("Paying…"),
                    "failed": _("The payment did not go through. Please check your card and try again."),
                },
            },
        )
        return context


class PayNowIntentView(PayNowMixin, generic.View):
    """POST payment_method (the card tokenized by Stripe.js) → JSON {status, client_secret} or {error}."""

    http_method_names = ["post"]
    raise_exception = True

    def post(self, request, pk):
        commitment = self.commitment()
        payment_method = request.POST.get("payment_method", "")
        if not payment_method:
            return http.JsonResponse({"error": _("Enter your card details.")}, status=400)
        try:
            intent = cards.pay_now_intent(commitment, payment_method)
        except CampaignRefused as refusal:
            return http.JsonResponse({"error": str(refusal)}, status=400)
        except gateway.CardDeclined as declined:
            return http.JsonResponse({"error": str(declined)}, status=402)
        except gateway.PaymentError:
            return http.JsonResponse(
                {"error": _("The card payment service is unavailable; no payment was taken. Please try again.")},
                status=502,
            )
        request.session[self.session_key()] = intent["id"]
        return http.JsonResponse({"status": intent["status"], "client_secret": intent.get("client_secret", "")})


class PayNowCompleteView(PayNowMixin, generic.View):
    """The browser is back: ask Stripe (never the browser) and place the order when the payment succeeded."""

    http_method_names = ["post"]

    def post(self, request, pk):
        commitment = self.commitment()
        intent_id = request.session.get(self.session_key())
        if not intent_id:
            messages.error(request, _("No card payment is in progress."))
            return redirect("preorders:card:pay", pk=commitment.pk)
        try:
            cards.complete_pay_now(commitment.pk, intent_id)
        except CampaignRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("preorders:card:pay", pk=commitment.pk)
        except gateway.PaymentError:
            messages.error(request, _("We could not check your payment with the card service. Please try again."))
            return redirect("preorders:card:pay", pk=commitment.pk)
        request.session.pop(self.session_key(), None)
        messages.success(request, _("Thank you: your payment is received and your order is placed."))
        return redirect("preorders:mine")
