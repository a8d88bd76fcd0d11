import os
from pathlib import Path

import pytest
from django.core.cache import cache

from tests.factories import make_user

#: The real published fact-check the CMS must carry. It is not ours to commit:
#: it sits in the shared folder beside the checkout, as in CI.
SEED = (
    Path(__file__).resolve().parents[2] / "shared" / "seed" / "first-check-ketamine.txt"
)


@pytest.fixture
def seed_path():
    """The seed's path; its tests skip without it, except in CI, where they fail."""
    if not SEED.exists():
        message = f"the shared seed is not beside the checkout ({SEED})"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return SEED


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def journalist(db):
    return make_user("Journalists", username="journalist")


@pytest.fixture
def other_journalist(db):
    return make_user("Journalists", username="reporter")


@pytest.fixture
def editor(db):
    return make_user("Editors", username="editor")


@pytest.fixture
def superuser(db):
    return make_user(username="admin", is_superuser=True)


@pytest.fixture
def png_upload():
    """Build an in-memory PNG upload of the given size."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    def build(size=(64, 48), name="photo.png", fmt="PNG", exif=None):
        buffer = io.BytesIO()
        kwargs = {"exif": exif} if exif is not None else {}
        Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt, **kwargs)
        content_type = {"PNG": "image/png", "JPEG": "image/jpeg"}.get(fmt, "image/webp")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)

    return build


from tests.browser import browser, page  # noqa: E402,F401  (fixtures)


@pytest.fixture
def other_editor(db):
    return make_user("Editors", username="chief")
