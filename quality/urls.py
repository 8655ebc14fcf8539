from django.urls import path

from . import views

app_name = "quality"

urlpatterns = [
    path("certificates/<str:number>/", views.CertificateVerificationView.as_view(), name="verify"),
]
