"""Card commitments' URLs, included by shop.preorders.urls as `path("card/", include("shop.preorders.card_urls"))`."""

from django.urls import path

from . import card_views

app_name = "card"

urlpatterns = [
    path("setup/", card_views.SetupView.as_view(), name="setup"),
    path("commitments/<int:pk>/pay/", card_views.PayNowView.as_view(), name="pay"),
    path("commitments/<int:pk>/pay/intent/", card_views.PayNowIntentView.as_view(), name="pay-intent"),
    path("commitments/<int:pk>/pay/complete/", card_views.PayNowCompleteView.as_view(), name="pay-complete"),
]
