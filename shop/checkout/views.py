"""Checkout views (Oscar's fork mechanism): payment method choice, the preview with cash on delivery or
the card form, and the two card endpoints the browser calls.

The card journey: the browser tokenizes the card with Stripe.js (Card Element) and
posts the card to `card-pay`; the server revalidates the basket, creates and
confirms a PaymentIntent (idempotency key from the basket), and answers its
status. If the bank asks for 3-D Secure (`requires_action`), the browser runs
`confirmCardPayment`. Then it posts to `card-complete`, where the server asks
Stripe for the intent and places the order only if Stripe says it succeeded.
"""

import logging

from django import http
from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, transaction
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.checkout.mixins import OrderPlacementMixin
from oscar.apps.checkout.views import *  # noqa: F403  (Oscar's fork mechanism)
from oscar.apps.order.exceptions import UnableToPlaceOrder

from shop.payments import gateway
from shop.payments.models import CardPayment

from . import placement

logger = logging.getLogger(__name__)

METHODS = {
    placement.CASH_ON_DELIVERY: gettext_lazy("Cash on delivery"),
    placement.STRIPE: gettext_lazy("Card (Stripe)"),
}


def available_methods():
    """Cash on delivery always; the card only when Stripe is configured."""
    codes = [placement.CASH_ON_DELIVERY]
    if gateway.is_configured():
        codes.append(placement.STRIPE)
    return [(code, METHODS[code]) for code in codes]


class PaymentMethodMixin:
    def chosen_method(self):
        code = self.checkout_session.payment_method()
        return code if code in dict(available_methods()) else None

    def check_payment_data_is_captured(self, request):
        if not self.chosen_method():
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Please choose how you want to pay.")
            )


class PaymentMethodView(PaymentMethodMixin, oscar_views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"
    skip_conditions = []

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["methods"] = available_methods()
        context["chosen"] = self.chosen_method() or placement.CASH_ON_DELIVERY
        return context

    def post(self, request, *args, **kwargs):
        code = request.POST.get("payment_method")
        if code not in dict(available_methods()):
            context = self.get_context_data(error=_("Please choose one of the payment methods."))
            return self.render_to_response(context, status=400)
        self.checkout_session.pay_by(code)
        return redirect("checkout:preview")


class PaymentDetailsView(PaymentMethodMixin, oscar_views.PaymentDetailsView):
    """`payment-details` only leads on to the preview; the preview places cash-on-delivery orders or
    shows the card form."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_pre_conditions(self, request):
        return [*self.pre_conditions, "check_payment_data_is_captured"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        method = self.chosen_method()
        context["payment_method"] = method
        context["payment_method_name"] = METHODS.get(method, "")
        if method == placement.STRIPE:
            context["stripe_js_url"] = settings.STRIPE_JS_URL
            context["card_config"] = {
                "publishableKey": settings.STRIPE_PUBLISHABLE_KEY,
                "payUrl": reverse("checkout:card-pay"),
                "completeUrl": reverse("checkout:card-complete"),
                "messages": {
                    "failed": _("The payment did not go through. Your basket is unchanged; please try again."),
                    "working": _("Paying…"),
                },
            }
        return context

    def handle_place_order_submission(self, request):
        if self.chosen_method() != placement.CASH_ON_DELIVERY:
            return redirect("checkout:preview")
        return self.submit(**self.build_submission())

    def handle_payment(self, order_number, total, **kwargs):
        """Cash on delivery takes no payment now: the courier collects it."""

    def handle_order_placement(self, order_number, user, basket, shipping_address, shipping_method, *args, **kwargs):
        data = placement.snapshot(
            basket=basket,
            user=user,
            email=self.checkout_session.get_guest_email(),
            shipping_address=shipping_address,
            shipping_method=shipping_method,
            language=translation.get_language(),
        )
        try:
            order, _created = placement.place(data, method=placement.CASH_ON_DELIVERY, request=self.request)
        except placement.OrderRefused as refusal:
            raise UnableToPlaceOrder(str(refusal)) from refusal
        except DatabaseError as error:
            # placement.place is one transaction: nothing of the order was written, the basket stays open.
            logger.exception("Basket %s: the database failed while placing order %s", basket.pk, order_number)
            raise UnableToPlaceOrder(
                _(
                    "We could not place your order just now because of a problem on our side. Nothing was "
                    "ordered and your basket is kept; please try again in a moment."
                )
            ) from error
        return self.handle_successful_order(order)

    def send_order_placed_email(self, order):
        """Sent by placement after commit, in the customer's language."""


class CardMixin(PaymentMethodMixin, OrderPlacementMixin):
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
        "check_payment_data_is_captured",
    ]

    def dispatch(self, request, *args, **kwargs):
        if not gateway.is_configured():
            raise http.Http404
        return super().dispatch(request, *args, **kwargs)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CardPayView(CardMixin, generic.View):
    """POST payment_method (the card id from Stripe.js) → JSON {status, client_secret} or {error}.

    Not one transaction: the CardPayment row is committed before Stripe is asked to charge, so that
    a charge whose answer is lost (a timeout, the database failing just after) is still found by the
    webhook through the PaymentIntent's metadata and turned into the order (or refunded).
    """

    # The basket is revalidated below, to answer the browser with the reason as JSON (not a redirect).
    pre_conditions = [name for name in CardMixin.pre_conditions if name != "check_basket_is_valid"]

    def post(self, request, *args, **kwargs):
        if self.chosen_method() != placement.STRIPE:
            return http.JsonResponse({"error": _("Please choose card payment first.")}, status=400)
        payment_method = (request.POST.get("payment_method") or "").strip()
        if not payment_method:
            return http.JsonResponse({"error": _("Enter your card details.")}, status=400)
        submission = self.build_submission()
        basket = submission["basket"]
        problems = placement.refusals(basket)
        if problems:
            return http.JsonResponse({"error": " ".join(problems)}, status=409)
        if submission["order_total"] is None:
            return http.JsonResponse({"error": _("Please choose a delivery method.")}, status=400)
        total = submission["order_total"].incl_tax
        data = placement.snapshot(
            basket=basket,
            user=request.user,
            email=self.checkout_session.get_guest_email(),
            shipping_address=submission["shipping_address"],
            shipping_method=submission["shipping_method"],
            language=translation.get_language(),
        )
        key = f"pi-basket-{basket.pk}-{gateway.to_stripe_amount(total)}-{payment_method}"
        payment, _created = CardPayment.objects.update_or_create(
            idempotency_key=key,
            defaults={"basket_id": basket.pk, "amount": total, "currency": basket.currency, "checkout": data},
        )
        try:
            intent = gateway.create_intent(
                amount=total,
                payment_method=payment_method,
                idempotency_key=key,
                metadata={"basket": basket.pk, "order_number": data["order_number"], "card_payment": payment.pk},
            )
        except gateway.CardDeclined as declined:
            payment.status, payment.last_error = CardPayment.Status.FAILED, str(declined)
            payment.save(update_fields=["status", "last_error", "updated_at"])
            return http.JsonResponse({"error": str(declined)}, status=402)
        except gateway.PaymentError as error:
            # Stripe did not answer (after its retries) or refused the request: whether the card was charged
            # is unknown, so the row stays open for the webhook and `reconcile_payments`.
            logger.exception("Basket %s: Stripe could not create the payment", basket.pk)
            payment.last_error = str(error)[:1000]
            payment.save(update_fields=["last_error", "updated_at"])
            return http.JsonResponse(
                {
                    "error": _(
                        "The card payment service did not answer. Your basket is unchanged. If your card was "
                        "charged, your order will be placed and confirmed by e-mail; otherwise, please try again."
                    )
                },
                status=502,
            )
        try:
            payment.intent_id = intent["id"]
            payment.save(update_fields=["intent_id", "updated_at"])
        except DatabaseError:
            # Charged (or about to be), but not written down: the webhook finds the row by the metadata.
            logger.exception("Basket %s: PaymentIntent %s could not be recorded", basket.pk, intent["id"])
            return http.JsonResponse(
                {
                    "error": _(
                        "Your payment could not be confirmed just now. If your card was charged, your order "
                        "will be placed and confirmed by e-mail; please do not pay again before then."
                    )
                },
                status=503,
            )
        request.session["card_payment_intent"] = intent["id"]
        return http.JsonResponse({"status": intent["status"], "client_secret": intent["client_secret"]})


class CardCompleteView(CardMixin, generic.View):
    """The browser says it is done: ask Stripe, and place the order only for a payment Stripe says succeeded."""

    pre_conditions = []

    def post(self, request, *args, **kwargs):
        from shop.payments import services

        intent_id = request.session.get("card_payment_intent")
        payment = CardPayment.objects.filter(intent_id=intent_id).first() if intent_id else None
        if payment is None:
            messages.error(request, _("No card payment is in progress."))
            return redirect("basket:summary")
        try:
            intent = gateway.retrieve_intent(payment.intent_id)
            payment = services.settle(intent)
        except (gateway.PaymentError, DatabaseError):
            # Stripe did not answer, or the order could not be written: nothing is half-done (settle is one
            # transaction), and the webhook or `reconcile_payments --fix` settles the payment later.
            logger.exception("PaymentIntent %s: could not be checked or settled", payment.intent_id)
            messages.error(
                request,
                _(
                    "We could not confirm your payment yet. If it went through, your order "
                    "will be placed and confirmed by e-mail."
                ),
            )
            return redirect("checkout:preview")
        if payment.order_id:
            request.session.pop("card_payment_intent", None)
            return self.handle_successful_order(payment.order)
        if payment.status == CardPayment.Status.REFUNDED_UNPLACEABLE:
            messages.error(
                request,
                _("Your order could not be placed (%(reason)s). The payment has been refunded in full.")
                % {"reason": payment.last_error},
            )
            return redirect("basket:summary")
        messages.error(
            request,
            _("The payment was not completed: %(reason)s. Your basket is unchanged; please try again.")
            % {"reason": payment.last_error or _("it was not authorised")},
        )
        return redirect("checkout:preview")

    def send_order_placed_email(self, order):
        """Sent by placement after commit, in the customer's language."""


class ThankYouView(oscar_views.ThankYouView):
    """Oscar's, with the order's lines, their products, pictures and options loaded in fixed queries
    (Oscar's template asks for them line by line)."""

    def get_object(self, queryset=None):
        order = super().get_object(queryset)
        if order is not None:
            prefetch_related_objects([order], "lines__product__images", "lines__attributes")
        return order
