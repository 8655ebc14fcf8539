"""The public verification page, its QR code and its printable label."""

import json
import re
from datetime import timedelta

import pytest
import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from quality import qr, workflow
from tests.factories import ProductFactory, certify

from .conftest import make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def structured_data(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    assert match, "the page carries JSON-LD"
    return json.loads(match.group(1))


def test_a_valid_certificate(client):
    product = ProductFactory(title_en="Sabalan honey")
    certificate = product.certificates.get()
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "status-valid" in text and "is in force" in text
    assert product.get_absolute_url() in text, "a product on sale is linked"
    assert certificate.producer.name in text and certificate.producer.region.name in text
    assert certificate.standard.code in text
    for moment in (certificate.issued_at, certificate.valid_from, certificate.valid_until):
        assert timezone.localtime(moment).strftime("%Y-%m-%d") in text
    data = structured_data(response)
    assert data["@type"] == "Certification"
    assert data["certificationIdentification"] == certificate.number
    assert data["certificationStatus"] == "https://schema.org/CertificationActive"
    assert data["about"]["@type"] == "Product" and data["about"]["name"] == "Sabalan honey"
    assert data["about"]["url"].endswith(product.get_absolute_url())
    assert data["issuedBy"]["@type"] == "Organization"
    assert data["validFrom"] and data["expires"]
    assert reverse("quality:verify-qr", kwargs={"number": certificate.number}) in text


def test_an_expired_certificate_says_when(client):
    now = timezone.now()
    certificate = certify(
        ProductFactory(certified=False), valid_from=now - timedelta(days=400), valid_until=now - timedelta(days=35)
    )
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    assert "status-expired" in response.text
    assert f"expired on {timezone.localdate(certificate.valid_until).isoformat()}" in response.text
    assert certificate.product.get_absolute_url() not in response.text, "no link to a product off the market"
    assert structured_data(response)["certificationStatus"] == "https://schema.org/CertificationInactive"
    assert "url" not in structured_data(response)["about"]


@pytest.mark.parametrize(("action", "status"), [(workflow.suspend, "suspended"), (workflow.revoke, "revoked")])
def test_a_suspended_or_revoked_certificate_says_why(client, action, status):
    certificate = ProductFactory().certificates.get()
    action(certificate, make_officer(), "Sugar syrup found in the lab test")
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    assert f"status-{status}" in response.text
    assert "Sugar syrup found in the lab test" in response.text
    assert certificate.product.get_absolute_url() not in response.text
    assert structured_data(response)["certificationStatus"] == "https://schema.org/CertificationInactive"


def test_a_certificate_of_a_materially_edited_product_says_it_is_being_reviewed(client):
    product = ProductFactory()
    certificate = product.certificates.get()
    product.title_en = "Renamed"
    product.save()
    response = client.get(certificate.get_absolute_url())
    assert "waiting for a new review" in response.text
    assert product.get_absolute_url() not in response.text


def test_an_unknown_number_is_a_clear_404(client):
    response = client.get(reverse("quality:verify", kwargs={"number": "HM-2099-000001"}))
    assert response.status_code == 404
    assert "certificate-not-found" in response.text
    assert "HM-2099-000001" in response.text and "QR code" in response.text
    assert client.get(reverse("quality:verify-qr", kwargs={"number": "nope"})).status_code == 404
    assert client.get(reverse("quality:label", kwargs={"number": "nope"})).status_code == 404


def test_the_number_is_escaped_on_the_404_page(client):
    response = client.get("/en/certificates/%3Cimg%20src=x%20onerror=alert(1)%3E/")
    assert response.status_code == 404
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text


def test_json_ld_cannot_break_out_of_its_script(client):
    product = ProductFactory(title_en="</script><script>alert(1)</script>")
    response = client.get(product.certificates.get().get_absolute_url())
    head = response.text.split("</head>")[0]
    assert "<script>alert(1)" not in head
    assert structured_data(response)["about"]["name"] == "</script><script>alert(1)</script>"


def test_the_qr_code_is_an_svg_of_the_absolute_verification_url(client):
    certificate = ProductFactory().certificates.get()
    response = client.get(reverse("quality:verify-qr", kwargs={"number": certificate.number}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<svg" in svg
    url = f"http://testserver{certificate.get_absolute_url()}"
    assert response.content == qr.svg_bytes(url)
    # The same modules as segno draws for that URL (and not for another one).
    assert qr.svg_inline(url) == segno.make(url, error="m").svg_inline(
        scale=qr.SCALE, border=qr.BORDER, svgclass="qr", lineclass=None, **qr.COLOURS
    )
    assert response.content != qr.svg_bytes(url + "x")


def test_the_printable_label(client):
    certificate = ProductFactory(title_en="Goatskin card holder").certificates.get()
    response = client.get(reverse("quality:label", kwargs={"number": certificate.number}))
    assert response.status_code == 200
    text = response.text
    assert certificate.number in text and "Goatskin card holder" in text and certificate.producer.name in text
    assert "Scan to verify" in text
    # print styles live in market.css (no inline <style> under the Content-Security-Policy)
    assert 'class="certificate-label-page"' in text and "css/market.css" in text
    css = (settings.BASE_DIR / "static" / "css" / "market.css").read_text()
    assert "@media print {\n    .certificate-label-page" in css
    assert qr.svg_inline(f"http://testserver{certificate.get_absolute_url()}") in text


def test_the_persian_page_is_right_to_left_and_its_qr_leads_to_the_persian_page(client):
    certificate = ProductFactory().certificates.get()
    with translation.override("fa"):
        url = certificate.get_absolute_url()
        qr_url = reverse("quality:verify-qr", kwargs={"number": certificate.number})
    assert url.startswith("/fa/")
    response = client.get(url)
    assert 'dir="rtl"' in response.text
    assert client.get(qr_url).content == qr.svg_bytes(f"http://testserver{url}")


def test_the_verification_page_is_bounded(client, django_assert_max_num_queries):
    certificate = ProductFactory().certificates.get()
    with django_assert_max_num_queries(12):
        client.get(certificate.get_absolute_url())
