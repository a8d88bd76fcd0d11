"""Checks and clean-up for every uploaded image.

An upload is opened with Pillow rather than trusted by its name or its
declared content type, limited in bytes and pixels, and re-encoded so that
EXIF blocks (GPS positions, camera serials) never reach the public site.
"""

import io
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

#: Pillow format name -> file extension for the formats the site accepts.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _open(file):
    """Open ``file`` with Pillow, or raise ValidationError saying why not."""
    file.seek(0)
    try:
        image = Image.open(file)
        image.verify()  # Reads the whole file: catches truncated images.
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _(
                "This file is not a JPEG, PNG or WebP image (it may be damaged or mislabelled)."
            ),
            code="not_an_image",
        ) from None
    except Image.DecompressionBombError:
        raise ValidationError(
            _("This image is too large in pixels."), code="too_many_pixels"
        ) from None
    # verify() leaves the image unusable; reopen to read pixels later.
    file.seek(0)
    return Image.open(file)


def validate_image(file, max_bytes=None):
    """Refuse anything but a real JPEG, PNG or WebP image within the size limits.

    ``max_bytes`` defaults to ``FACTCHECK_MAX_IMAGE_BYTES``.
    """
    max_bytes = max_bytes or settings.FACTCHECK_MAX_IMAGE_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _(
                "This image is %(size)s; the limit is %(limit)s. Export it smaller and try again."
            )
            % {"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes)},
            code="too_big",
        )
    image = _open(file)
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted; use JPEG, PNG or WebP.")
            % {"format": image.format},
            code="wrong_format",
        )
    width, height = image.size
    if width * height > settings.FACTCHECK_MAX_IMAGE_PIXELS:
        raise ValidationError(
            _(
                "This image is %(width)s×%(height)s pixels, more than the site accepts; resize it first."
            )
            % {"width": width, "height": height},
            code="too_many_pixels",
        )
    file.seek(0)


def scrub(file):
    """Return a re-encoded copy of ``file`` without metadata, under a fresh name.

    The orientation in EXIF is applied to the pixels first, so a portrait photo
    stays upright once its EXIF block is gone.
    """
    image = _open(file)
    image_format = image.format
    image = ImageOps.exif_transpose(image)
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif image_format == "PNG":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=88)
    return ContentFile(out.getvalue(), name=f"upload.{ACCEPTED_FORMATS[image_format]}")


def private_storage():
    """Where files only editors may open are kept (``STORAGES["private"]``)."""
    return storages["private"]


def unguessable_upload_to(instance, filename):
    """Store under a random name, so nobody can guess an unpublished image's URL."""
    extension = PurePath(filename).suffix.lower()
    folder = instance._meta.model_name
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"
