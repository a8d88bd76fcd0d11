"""The production shape: two app processes sharing one truth, and nginx in front.

Separate processes on the test database (``tests/servers.py``): what they
share is what production shares, the database, the cache and HTTP.
"""

import os
import time

import pytest
from django.urls import reverse

from tests.factories import make_factcheck, make_published, make_user
from tests.servers import Browser, get, gunicorn, nginx

# Transactional: the servers read what the test commits; the migrations' own
# rows (groups, the rating scale) come back after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"


def shared_cache():
    """With Redis the app processes cache pages and share the cache; without, none."""
    if os.environ.get("REDIS_URL"):
        return {"FACTCHECK_PAGE_CACHE_SECONDS": "300"}
    return {"FACTCHECK_PAGE_CACHE_SECONDS": "0"}


def test_a_publication_through_one_process_is_read_fresh_from_the_other():
    journalist = make_user("Journalists", username="writer")
    editor = make_user("Editors", username="desk-editor")
    make_published(journalist, make_user("Editors"), headline="Already out")
    from factcheck import workflow

    draft = workflow.submit_for_review(
        make_factcheck(authors=[journalist], headline="Fresh from the other one"),
        journalist,
    )
    with gunicorn(**shared_cache()) as first, gunicorn(**shared_cache()) as second:
        _status, _headers, home = get(second + "/")
        assert "Already out" in home and "Fresh from the other one" not in home
        get(second + draft.get_absolute_url())  # a 404 for now, never cached

        desk = Browser(first)
        desk.sign_in(editor.username, PASSWORD)
        change = reverse("admin:factcheck_factcheck_change", args=[draft.pk])
        status, _body = desk.post(
            reverse("admin:factcheck_factcheck_workflow", args=[draft.pk, "publish"]),
            {"version": draft.lock_version},
            form_path=change,
        )
        assert status == 200

        _status, _headers, home = get(second + "/")
        assert "Fresh from the other one" in home
        status, _headers, _body = get(second + draft.get_absolute_url())
        assert status == 200


def test_nginx_serves_cached_pages_and_shows_a_publication_within_a_second():
    journalist = make_user("Journalists", username="writer")
    editor = make_user("Editors", username="desk-editor")
    published = make_published(journalist, editor, headline="Already out")
    with gunicorn() as app, nginx(app) as edge:
        url = edge + published.get_absolute_url()
        status, first, _body = get(url)
        assert status == 200 and first["X-Cache"] == "MISS"
        _status, again, _body = get(url)
        assert again["X-Cache"] == "HIT"

        make_published(journalist, editor, headline="Just published")
        deadline = time.monotonic() + 3
        while "Just published" not in get(edge + "/")[2]:
            assert time.monotonic() < deadline, "the publication never showed"
            time.sleep(0.1)
        shown_after = 3 - (deadline - time.monotonic())
        assert shown_after < 1.5

        # Signed-in staff go past the cache.
        _status, staff, _body = get(url, headers={"Cookie": "sessionid=abc"})
        assert staff["X-Cache"] == "BYPASS"
