from django.urls import path
from oscar.apps.checkout import apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked: a choice of payment method (cash on delivery always, card when Stripe
    is configured), the card step, and one way of placing orders (shop.checkout.placement)."""

    name = "shop.checkout"

    def get_urls(self):
        from . import views

        urls = super().get_urls()
        urls += self.post_process_urls(
            [
                path("card/pay/", views.CardPayView.as_view(), name="card-pay"),
                path("card/complete/", views.CardCompleteView.as_view(), name="card-complete"),
            ]
        )
        return urls
