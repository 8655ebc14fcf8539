from django.urls import path

from . import views

app_name = "producers"

urlpatterns = [
    path("", views.ProducerListView.as_view(), name="list"),
    path("<str:slug>/", views.ProducerDetailView.as_view(), name="detail"),
]
