"""Evidence documents: only PDF and images, size-limited, never served from a public media URL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from quality import workflow
from quality.forms import EvidenceForm
from tests.factories import png_bytes

PDF = b"%PDF-1.4\n% report\n%%EOF\n"


def upload_form(name, content, content_type):
    return EvidenceForm(data={}, files={"file": SimpleUploadedFile(name, content, content_type=content_type)})


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),  # HTML passed off as PDF
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("page.html", b"<!doctype html><h1>hi</h1>", "text/html"),
        ("photo.png", b"\x89PNG\r\n\x1a\n not really a png", "image/png"),
        ("tool.exe", b"MZ\x90\x00", "application/octet-stream"),
    ],
)
def test_only_real_pdfs_and_images_are_accepted(name, content, content_type):
    form = upload_form(name, content, content_type)
    assert not form.is_valid()
    assert form.errors["file"]


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message():
    form = upload_form("big.pdf", PDF + b"0" * (8 * 1024 * 1024), "application/pdf")
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["file"] == ["The file is too large (8 MB at most)."]


def test_a_pdf_is_kept_and_an_image_is_re_encoded_with_the_real_type():
    pdf = upload_form("report.PDF", PDF, "text/html")
    assert pdf.is_valid(), pdf.errors
    assert pdf.cleaned_data["file"].content_type == "application/pdf"
    assert pdf.cleaned_data["file"].name == "report.pdf"
    image = upload_form("photo.pdf", png_bytes(), "application/pdf")  # an image named .pdf
    assert image.is_valid(), image.errors
    assert image.cleaned_data["file"].content_type == "image/png"
    assert image.cleaned_data["file"].name.endswith(".png")


@pytest.mark.django_db
def test_the_stored_file_is_not_reachable_under_the_media_url(client, settings):
    from tests.factories import ProductFactory
    from tests.quality.conftest import State, application_in, make_officer

    product = ProductFactory(certified=False)
    application = application_in(State.DRAFT, product, make_officer("evidence-officer"))
    upload = SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")
    evidence = workflow.add_evidence(application, None, upload, product.producer.user)
    assert client.get(settings.MEDIA_URL + evidence.file.name).status_code == 404
    assert client.get("/private/" + evidence.file.name).status_code == 404
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018  (the private storage has no URL at all)
