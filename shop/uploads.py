"""Checking what people upload: the type is read from the bytes, never trusted from the name.

Images are opened with Pillow (real JPEG/PNG/WebP only, size and pixel limits
against decompression bombs) and re-encoded, which drops EXIF data such as GPS
positions after applying the camera's orientation. Documents are PDFs or images.
"""

import io
import os
import warnings

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png"), "WEBP": ("image/webp", ".webp")}
PDF_SIGNATURE = b"%PDF-"


def _not_an_image():
    return ValidationError(_("This file is not an image we can use (JPEG, PNG or WebP)."), code="not_image")


def _check_size(upload, limit):
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)d MB at most).") % {"size": limit // (1024 * 1024)}, code="too_large"
        )


def _read(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def clean_image(upload, max_bytes=MAX_UPLOAD_BYTES, max_pixels=MAX_IMAGE_PIXELS):
    """A safe copy of an uploaded image, re-encoded in its real format with no metadata.

    Raises ValidationError with a message for people when the file is not a
    supported image, is too big, or has too many pixels.
    """
    _check_size(upload, max_bytes)
    data = _read(upload)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if width * height > max_pixels:
                    raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The image has too many pixels."), code="too_many_pixels") from None
    except Exception:  # Pillow raises many kinds of errors for bad files
        raise _not_an_image() from None
    if image_format not in IMAGE_FORMATS:
        raise _not_an_image()
    content_type, extension = IMAGE_FORMATS[image_format]
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    # Saving without `exif=` drops every metadata block, GPS included.
    image.save(output, format=image_format, **({"quality": 90} if image_format == "JPEG" else {}))
    stem = os.path.splitext(os.path.basename(upload.name or "image"))[0] or "image"
    return SimpleUploadedFile(f"{stem}{extension}", output.getvalue(), content_type=content_type)


def clean_document(upload, max_bytes=MAX_UPLOAD_BYTES):
    """A PDF kept as it is, or an image made safe by clean_image; anything else is refused."""
    _check_size(upload, max_bytes)
    head = _read(upload)[:1024]
    if head.startswith(PDF_SIGNATURE):
        stem = os.path.splitext(os.path.basename(upload.name or "document"))[0] or "document"
        return SimpleUploadedFile(f"{stem}.pdf", _read(upload), content_type="application/pdf")
    try:
        return clean_image(upload, max_bytes=max_bytes)
    except ValidationError as error:
        if error.code == "not_image":
            raise ValidationError(
                _("Only PDF documents and images (JPEG, PNG, WebP) are accepted."), code="bad_type"
            ) from None
        raise
