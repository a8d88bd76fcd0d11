"""An image given to an article form that came back with errors, kept for the next save.

A browser does not send a chosen file again, so a form shown again with
errors would otherwise make the journalist pick the image a second time, or
lose it without a word. The image (scrubbed of its location data) waits in
the default storage under ``KEPT_IMAGES``, named in the form by a signed
token that holds for ``KEPT_IMAGE_SECONDS``; the next save uses it unless
another file is chosen, and deletes it once the save commits.
"""

import datetime
import uuid
from pathlib import PurePath

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .. import images

#: Where an image given to a form that did not save waits for the next save
#: (``KeptHeroImage.keep_hero_image``), and for how long its token holds.
KEPT_IMAGES = "kept-images/"
KEPT_IMAGE_SECONDS = 24 * 60 * 60
_KEPT_IMAGE_SALT = "factcheck.admin.kept-hero-image"


class KeptHeroImage:
    """For the article's model form: its ``hero_image`` kept across a failed
    save, named by the form's ``kept_hero_image`` field."""

    #: The image kept from an earlier try: ``{"name": ..., "original": ...}``.
    kept_image = None

    def _use_kept_hero_image(self, cleaned):
        token = cleaned.get("kept_hero_image")
        chosen = self.files.get(self.add_prefix("hero_image"))
        # A new file, or clearing the image, replaces the kept one.
        if not token or chosen or cleaned.get("hero_image") is False:
            return
        if "hero_image" not in self.fields:
            return  # read-only: nothing to put it in
        try:
            kept = signing.loads(
                token, salt=_KEPT_IMAGE_SALT, max_age=KEPT_IMAGE_SECONDS
            )
            if not kept["name"].startswith(KEPT_IMAGES):
                raise signing.BadSignature
            file = default_storage.open(kept["name"])
        except (signing.BadSignature, KeyError, TypeError, OSError):
            self.add_error(
                "hero_image",
                ValidationError(
                    _(
                        "The image kept from your last save could not be "
                        "used; choose the file again."
                    ),
                    code="kept_image_refused",
                ),
            )
            return
        self.kept_image = kept
        cleaned["hero_image"] = File(file, name=kept["original"])

    def keep_hero_image(self):
        """Store a valid image this form was given, since it is shown again
        with errors, and say so beside the field."""
        if not self.is_bound or "hero_image" not in self.fields:
            return
        upload = getattr(self, "cleaned_data", {}).get("hero_image")
        token_name = self.add_prefix("kept_hero_image")
        if self.kept_image is None and self.data.get(token_name):
            # Refused, or replaced by a new choice: not posted again.
            self.data = self.data.copy()
            self.data[token_name] = ""
        if self.kept_image is None and isinstance(upload, UploadedFile):
            sweep_kept_images()
            # Scrubbed already: where it waits, its location data must not.
            clean = images.scrub(upload)
            extension = PurePath(clean.name).suffix
            name = default_storage.save(
                f"{KEPT_IMAGES}{uuid.uuid4().hex}{extension}", clean
            )
            self.kept_image = {"name": name, "original": upload.name}
            self.data = self.data.copy()
            self.data[token_name] = signing.dumps(
                self.kept_image, salt=_KEPT_IMAGE_SALT
            )
        if self.kept_image is not None:
            # On the bound field: validating made it, with the field's text.
            field = self["hero_image"]
            field.help_text = format_html(
                "<strong>{}</strong> {}",
                _(
                    "Your image “%(name)s” is kept; save again to use it, or "
                    "choose another file to replace it."
                )
                % {"name": self.kept_image["original"]},
                field.help_text,
            )

    def forget_kept_hero_image(self):
        """Delete the kept image's stored file once this save commits."""
        if self.kept_image is not None:
            name = self.kept_image["name"]
            transaction.on_commit(lambda: default_storage.delete(name))


def sweep_kept_images():
    """Delete the kept images no token can name any more (older than a
    token lasts): forms left with errors and never saved again. Swept as
    each new image is kept, so they never pile up, without a scheduler."""
    if not default_storage.exists(KEPT_IMAGES):
        return
    expired = timezone.now() - datetime.timedelta(seconds=KEPT_IMAGE_SECONDS)
    for name in default_storage.listdir(KEPT_IMAGES)[1]:
        path = f"{KEPT_IMAGES}{name}"
        if default_storage.get_modified_time(path) < expired:
            default_storage.delete(path)
