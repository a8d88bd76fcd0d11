"""A hero image chosen on a fact-check form that fails elsewhere is kept for the
next save, scrubbed, named by a signed token, and swept when nobody comes back."""

import os
import time

import pytest
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from factcheck.admin.kept_images import KEPT_IMAGE_SECONDS, KEPT_IMAGES
from factcheck.models import FactCheck
from tests.adminforms import (
    ADD_URL,
    change_url,
    form_data,
    new_article_data,
)
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db


def test_an_image_is_kept_through_an_error_and_used_by_the_next_save(
    as_journalist, png_upload, django_capture_on_commit_callbacks
):
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    upload = png_upload(name="phone.jpg", fmt="JPEG", exif=exif.tobytes())
    data = new_article_data(form_data(as_journalist.get(ADD_URL)))
    data.update(headline="", hero_image=upload, hero_image_alt="A banana")

    failed = as_journalist.post(ADD_URL, data)

    assert failed.status_code == 200
    page = failed.content.decode()
    assert "Your image “phone.jpg” is kept; save again to use it" in page
    token = failed.context["adminform"].form["kept_hero_image"].value()
    assert f'name="kept_hero_image" value="{token}"' in page
    kept = signing.loads(token, salt="factcheck.admin.kept-hero-image")
    assert kept["name"].startswith(KEPT_IMAGES)
    with Image.open(default_storage.open(kept["name"])) as waiting:
        assert not waiting.getexif()  # stored without its metadata

    data.pop("hero_image")
    data.update(headline="Are bananas radioactive?", kept_hero_image=token)
    with django_capture_on_commit_callbacks(execute=True):
        saved = as_journalist.post(ADD_URL, data)

    assert saved.status_code == 302
    factcheck = FactCheck.objects.get()
    assert factcheck.hero_image.name.startswith("factcheck/")
    with Image.open(factcheck.hero_image) as image:
        assert image.size == (64, 48)
    assert not default_storage.exists(kept["name"])


def test_a_new_image_replaces_the_kept_one(as_journalist, png_upload):
    data = new_article_data(form_data(as_journalist.get(ADD_URL)))
    data.update(headline="", hero_image=png_upload(), hero_image_alt="A banana")
    token = (
        as_journalist.post(ADD_URL, data).context["adminform"].form["kept_hero_image"]
    )
    data.update(
        headline="Bananas",
        kept_hero_image=token.value(),
        hero_image=png_upload(size=(30, 20), name="other.png"),
    )

    assert as_journalist.post(ADD_URL, data).status_code == 302
    with Image.open(FactCheck.objects.get().hero_image) as image:
        assert image.size == (30, 20)


def test_kept_images_no_token_can_name_are_swept(as_journalist, png_upload):
    """A form left with errors and never saved again leaves its image only
    until another is kept after its token has expired."""
    stale = default_storage.save(f"{KEPT_IMAGES}abandoned.png", ContentFile(b"x"))
    fresh = default_storage.save(f"{KEPT_IMAGES}in-use.png", ContentFile(b"x"))
    day_old = time.time() - KEPT_IMAGE_SECONDS - 60
    os.utime(default_storage.path(stale), (day_old, day_old))
    data = new_article_data(form_data(as_journalist.get(ADD_URL)))
    data.update(headline="", hero_image=png_upload(), hero_image_alt="A banana")

    assert as_journalist.post(ADD_URL, data).status_code == 200

    assert not default_storage.exists(stale)
    assert default_storage.exists(fresh)


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps({"name": "kept-images/x.png", "original": "x.png"}),
        signing.dumps(
            {"name": "factcheck/2026/01/secret.png", "original": "x.png"},
            salt="factcheck.admin.kept-hero-image",
        ),
    ],
    ids=["unsigned", "other-salt", "outside-the-kept-folder"],
)
def test_a_forged_kept_image_token_is_refused_and_changes_nothing(
    as_journalist, journalist, token
):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    data.update(headline="A new headline", kept_hero_image=token)

    response = as_journalist.post(change_url(factcheck), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["hero_image"] == [
        "The image kept from your last save could not be used; choose the file again."
    ]
    stored = FactCheck.objects.get(pk=factcheck.pk)
    assert (stored.headline, stored.hero_image.name) == (factcheck.headline, "")
    # Not posted again with the form.
    assert response.context["adminform"].form["kept_hero_image"].value() == ""
