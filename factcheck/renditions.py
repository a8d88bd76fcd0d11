"""Smaller copies of uploaded images, for ``srcset`` on the reader site.

Made on first use and saved beside the original in the default storage (disk
or S3); their URLs are then remembered in the shared cache, so later pages
neither touch the storage nor open the image.
"""

import hashlib
import io
import logging
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

#: Widths offered to browsers; the original is always offered as well.
WIDTHS = (480, 800, 1200)


def _rendition_name(name, width):
    path = PurePosixPath(name)
    return str(path.parent / "renditions" / f"{path.stem}-{width}w.webp")


def _make(image, storage, name, width):
    copy = image.copy()
    copy.thumbnail((width, width * 4))
    buffer = io.BytesIO()
    copy.save(buffer, "WEBP", quality=82)
    return storage.save(name, ContentFile(buffer.getvalue()))


def srcset(field):
    """``[(url, width), ...]`` for an image field's file, smallest first.

    A missing or unreadable file gives just the original's URL with width
    None: the page still shows the image, if it can be found at all.
    """
    key = "factcheck:renditions:" + hashlib.sha256(field.name.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    storage = field.storage
    try:
        with field.open("rb") as file, Image.open(file) as image:
            image.load()
            original_width = image.width
            entries = []
            for width in WIDTHS:
                if width >= original_width:
                    break
                name = _rendition_name(field.name, width)
                if not storage.exists(name):
                    name = _make(image, storage, name, width)
                entries.append((storage.url(name), width))
    except (OSError, UnidentifiedImageError):
        logger.warning("Cannot make renditions of %s", field.name, exc_info=True)
        return [(field.url, None)]
    entries.append((field.url, original_width))
    cache.set(key, entries, None)
    return entries
