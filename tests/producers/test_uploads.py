"""Uploads in the portal: the type comes from the bytes, bombs are refused, EXIF (GPS included) is gone."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalogue.models import Product, ProductImage
from tests.factories import png_bytes
from tests.producers.conftest import listing_data
from tests.producers.factories import CourseFactory, complete_training, portal_producer

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


@pytest.fixture
def weaver(carpet_template):
    producer = portal_producer(crafts=[carpet_template])
    CourseFactory(required_for=[carpet_template])
    complete_training(producer, carpet_template)
    return producer


def jpeg_with_gps(size=(64, 48)):
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # the camera was turned: show it rotated by 90°
    exif[GPS_IFD] = {1: "N", 2: (35.0, 41.0, 12.5), 3: "E", 4: (51.0, 25.0, 7.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def upload_listing(client, producer, carpet_template, carpets_category, upload):
    data = listing_data(producer, carpets_category)
    data.update({"images-TOTAL_FORMS": "1", "images-0-display_order": "0", "images-0-original": upload})
    return client.post(f"/en/dashboard/catalogue/products/create/{carpet_template.slug}/", data)


def stored_image(product):
    image = ProductImage.objects.get(product=product)
    image.original.open("rb")
    try:
        return image.original.name, image.original.read()
    finally:
        image.original.close()


def test_a_png_named_jpg_is_stored_as_the_png_it_is(client, weaver, carpet_template, carpets_category):
    client.force_login(weaver.user)
    upload = SimpleUploadedFile("loom.jpg", png_bytes(), content_type="image/jpeg")
    response = upload_listing(client, weaver, carpet_template, carpets_category, upload)
    assert response.status_code == 302
    name, data = stored_image(Product.objects.get())
    assert name.endswith(".png")
    assert Image.open(io.BytesIO(data)).format == "PNG"


def test_a_text_file_named_png_is_refused(client, weaver, carpet_template, carpets_category):
    client.force_login(weaver.user)
    upload = SimpleUploadedFile("carpet.png", b"just some text, not a picture\n" * 20, content_type="image/png")
    response = upload_listing(client, weaver, carpet_template, carpets_category, upload)
    assert response.status_code == 200
    errors = response.context["image_formset"].forms[0].errors["original"]
    assert errors == ["This file is not an image we can use (JPEG, PNG or WebP)."]
    assert not Product.objects.exists() and not ProductImage.objects.exists()


def test_a_decompression_bomb_is_refused(client, weaver, carpet_template, carpets_category):
    buffer = io.BytesIO()
    Image.new("L", (7000, 7000)).save(buffer, format="PNG")  # 49 megapixels in a few dozen kilobytes
    assert len(buffer.getvalue()) < 1024 * 1024
    client.force_login(weaver.user)
    upload = SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")
    response = upload_listing(client, weaver, carpet_template, carpets_category, upload)
    assert response.status_code == 200
    assert response.context["image_formset"].forms[0].errors["original"] == ["The image has too many pixels."]
    assert not ProductImage.objects.exists()


def test_pillows_own_bomb_guard_is_caught_too(client, weaver, carpet_template, carpets_category, monkeypatch):
    """Beyond Pillow's limit Image.open() itself raises DecompressionBombError: still a clean refusal."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    client.force_login(weaver.user)
    upload = SimpleUploadedFile("big.png", png_bytes(size=(100, 100)), content_type="image/png")
    response = upload_listing(client, weaver, carpet_template, carpets_category, upload)
    assert response.status_code == 200
    assert response.context["image_formset"].forms[0].errors["original"] == ["The image has too many pixels."]


def test_exif_and_gps_are_gone_and_the_orientation_applied(client, weaver, carpet_template, carpets_category):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test file does carry GPS
    client.force_login(weaver.user)
    upload = SimpleUploadedFile("photo.jpeg", original, content_type="image/jpeg")
    response = upload_listing(client, weaver, carpet_template, carpets_category, upload)
    assert response.status_code == 302
    name, data = stored_image(Product.objects.get())
    stored = Image.open(io.BytesIO(data))
    assert name.endswith(".jpg") and stored.format == "JPEG"
    assert not stored.getexif().get_ifd(GPS_IFD)
    assert ORIENTATION not in stored.getexif()
    assert b"Exif" not in data[:4096]
    assert stored.size == (48, 64)  # turned upright


def test_logos_use_the_same_checks(client, weaver):
    client.force_login(weaver.user)
    url = "/en/dashboard/producers/portal/profile/"
    refused = client.post(
        url,
        {"story_fa": "داستان", "story_en": "Story", "logo": SimpleUploadedFile("logo.png", b"not an image")},
    )
    assert refused.status_code == 200
    assert "logo" in refused.context["form"].errors
    accepted = client.post(
        url,
        {"story_fa": "داستان", "story_en": "Story", "logo": SimpleUploadedFile("logo.jpg", jpeg_with_gps())},
    )
    assert accepted.status_code == 302
    weaver.refresh_from_db()
    with weaver.logo.open("rb") as logo:
        assert not Image.open(logo).getexif().get_ifd(GPS_IFD)
