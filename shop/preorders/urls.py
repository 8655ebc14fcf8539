"""Customers' campaign pages, under /<language>/campaigns/."""

from django.urls import include, path

from . import views

app_name = "preorders"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="list"),
    path("mine/", views.MyCommitmentsView.as_view(), name="mine"),
    path("commitments/<int:pk>/cancel/", views.CancelCommitmentView.as_view(), name="cancel"),
    path("<int:pk>/", views.CampaignDetailView.as_view(), name="detail"),
    path("<int:pk>/commit/", views.CommitView.as_view(), name="commit"),
    path("card/", include("shop.preorders.card_urls")),
]
