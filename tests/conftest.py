import datetime
import os
import socket
from pathlib import Path

import pytest
from django.core.cache import cache

from factcheck import fetching, workflow
from factcheck.models import FactCheck
from tests.factories import (
    AppearanceFactory,
    ExpertQuoteFactory,
    SourceFactory,
    TopicFactory,
    make_factcheck,
    make_user,
)

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
def _no_dns(monkeypatch):
    """No test looks a name up: the evidence locker resolves IP literals only."""

    def literal_only(host, port, *args, **kwargs):
        return socket.getaddrinfo(
            host, port, *args, **{**kwargs, "flags": socket.AI_NUMERICHOST}
        )

    monkeypatch.setattr(fetching, "resolver", literal_only)


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


@pytest.fixture
def draft(journalist):
    return make_factcheck(authors=[journalist], headline="Are bananas radioactive?")


@pytest.fixture
def in_review(draft, journalist):
    return workflow.submit_for_review(draft, journalist)


@pytest.fixture
def published(in_review, editor):
    return workflow.publish(in_review, editor)


@pytest.fixture
def as_journalist(client, journalist):
    client.force_login(journalist)
    return client


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def coauthor(db):
    return make_user("Journalists", username="coauthor")


@pytest.fixture
def live(journalist, coauthor, editor, png_upload):
    """A published article with every kind of part a revision copies."""
    factcheck = make_factcheck(
        authors=[journalist, coauthor],
        claims=2,
        key_points="It is old.\nIt was debunked.",
        hero_image=png_upload(),
        hero_image_alt="A chart of the figures",
        hero_image_credit="The desk",
        hero_image_caption="The figures, by year",
        partner_credit="With First Check.",
        language="en",
    )
    factcheck.topics.set([TopicFactory(name="Health", slug="health")])
    AppearanceFactory(claim=factcheck.claims.first(), outlet="X")
    SourceFactory(factcheck=factcheck, claim=None, title="Shared source")
    ExpertQuoteFactory(
        factcheck=factcheck,
        text="The data say otherwise.",
        obtained_on=datetime.date(2026, 3, 1),
        on_record=False,
        ordering=3,
    )
    workflow.submit_for_review(factcheck, journalist)
    workflow.publish(factcheck, editor)
    return FactCheck.objects.get(pk=factcheck.pk)


@pytest.fixture
def revision(live, journalist):
    return workflow.start_revision(live, journalist)
