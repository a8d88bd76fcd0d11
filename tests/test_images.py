"""Uploads are real images, size-capped, stripped of EXIF and stored under random names."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from PIL import Image

from factcheck.models import FactCheck

pytestmark = pytest.mark.django_db

HeroForm = modelform_factory(
    FactCheck, fields=["headline", "slug", "hero_image", "hero_image_alt"]
)


def submit(upload, alt="A chart of hospital admissions"):
    data = {"headline": "Test", "slug": "test", "hero_image_alt": alt}
    return HeroForm(data=data, files={"hero_image": upload})


def test_a_real_png_is_accepted_and_stored_under_an_unguessable_name(png_upload):
    form = submit(png_upload(name="my-secret-draft-photo.png"))
    assert form.is_valid(), form.errors
    factcheck = form.save()
    name = factcheck.hero_image.name
    assert name.startswith("factcheck/")
    assert name.endswith(".png")
    assert "secret" not in name
    assert len(name.rsplit("/", 1)[1]) == len("0" * 32 + ".png")
    with Image.open(factcheck.hero_image.path) as stored:
        assert stored.format == "PNG"
        assert stored.size == (64, 48)


def test_a_text_file_named_jpg_is_refused_with_a_form_error():
    upload = SimpleUploadedFile(
        "photo.jpg", b"just some text, honest", content_type="image/jpeg"
    )
    form = submit(upload)
    assert form.is_valid() is False
    assert "hero_image" in form.errors
    assert FactCheck.objects.count() == 0


def test_an_image_over_the_byte_limit_is_refused(png_upload, settings):
    settings.FACTCHECK_MAX_IMAGE_BYTES = 200
    form = submit(png_upload(size=(400, 400)))
    assert form.is_valid() is False
    assert "limit" in form.errors["hero_image"][0]


def test_an_image_over_the_pixel_limit_is_refused(png_upload, settings):
    settings.FACTCHECK_MAX_IMAGE_PIXELS = 100 * 100
    form = submit(png_upload(size=(200, 200)))
    assert form.is_valid() is False
    assert "pixels" in form.errors["hero_image"][0]


def test_a_gif_is_refused_even_though_pillow_can_read_it():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    form = submit(
        SimpleUploadedFile("anim.gif", buffer.getvalue(), content_type="image/gif")
    )
    assert form.is_valid() is False
    assert "GIF" in form.errors["hero_image"][0]


def test_exif_gps_is_stripped_from_jpegs(png_upload):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPSInfo
    exif[0x010F] = "SpyCam"  # Make
    upload = png_upload(name="phone.jpg", fmt="JPEG", exif=exif.tobytes())
    with Image.open(io.BytesIO(upload.read())) as original:
        assert original.getexif()  # the fixture really carries EXIF
    upload.seek(0)
    form = submit(upload)
    assert form.is_valid(), form.errors
    factcheck = form.save()
    with Image.open(factcheck.hero_image.path) as stored:
        assert stored.format == "JPEG"
        assert dict(stored.getexif()) == {}
        assert b"SpyCam" not in Path(factcheck.hero_image.path).read_bytes()


def test_images_saved_outside_forms_are_scrubbed_too(png_upload):
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"
    factcheck = FactCheck.objects.create(
        headline="Shell",
        slug="shell",
        hero_image=png_upload(name="x.jpg", fmt="JPEG", exif=exif.tobytes()),
        hero_image_alt="x",
    )
    assert b"SpyCam" not in factcheck.hero_image.read()
