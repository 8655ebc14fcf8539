from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .models import Certificate


class CertificateVerificationView(DetailView):
    """Anyone can check a certificate: valid or not, and why."""

    template_name = "quality/certificate_verify.html"
    context_object_name = "certificate"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Certificate.objects.select_related("product", "producer__region", "standard"), number=self.kwargs["number"]
        )
