from django.urls import path

from . import views

app_name = "quality"

urlpatterns = [
    # Quality officers
    path("quality/", views.ReviewQueueView.as_view(), name="queue"),
    path("quality/applications/<int:pk>/", views.ApplicationReviewView.as_view(), name="application"),
    path("quality/standards/", views.StandardListView.as_view(), name="standard-list"),
    path("quality/standards/new/", views.StandardEditView.as_view(), name="standard-create"),
    path("quality/standards/<int:pk>/", views.StandardEditView.as_view(), name="standard-update"),
    path("quality/certificates/", views.CertificateListView.as_view(), name="certificate-list"),
    path("quality/certificates/<int:pk>/", views.CertificateManageView.as_view(), name="certificate-manage"),
    # Producers
    path("quality/my/", views.MyCertificationView.as_view(), name="my-certification"),
    path("quality/my/apply/", views.StartApplicationView.as_view(), name="my-apply"),
    path("quality/my/applications/<int:pk>/", views.MyApplicationView.as_view(), name="my-application"),
    path("quality/my/certificates/<int:pk>/renew/", views.RenewCertificateView.as_view(), name="my-renew"),
    # The application's producer and officers
    path("quality/evidence/<int:pk>/", views.evidence_download, name="evidence"),
    # Anyone
    path("certificates/<str:number>/", views.certificate_verify, name="verify"),
    path("certificates/<str:number>/qr.svg", views.certificate_qr, name="verify-qr"),
    path("certificates/<str:number>/label/", views.certificate_label, name="label"),
]
