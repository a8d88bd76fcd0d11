"""The evidence locker: sources fetched safely, archived, served inert, re-checked.

Every fetch here goes to a threaded HTTP server of the test's own on
127.0.0.1, let through by ``FACTCHECK_FETCH_ALLOW_ADDRESSES``; tests/conftest.py
lets no test resolve a name in the DNS, and tests/settings.py keeps the
locker off everywhere else.
"""

import datetime
import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from factcheck import fetching, importer, locker, notifications, workflow
from factcheck.models import PublishedPage, Source, SourceSnapshot
from factcheck.views.archive import safe_content_type
from tests.adminforms import add_rows, change_url, form_data
from tests.factories import SourceFactory, make_factcheck, make_published_from
from tests.jobs import run_jobs
from tests.servers import free_port

pytestmark = pytest.mark.django_db

Outcome = SourceSnapshot.Outcome
PAGE = b"<!doctype html><title>Figures</title><p>The rate fell to 4.1%.</p>"
MAX_BYTES = 50_000


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        route = self.server.routes.get(self.path)
        try:
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass


def page(body, content_type="text/html; charset=utf-8"):
    def serve(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return serve


def redirect(location, status=302):
    def serve(handler):
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return serve


def huge(declared):
    def serve(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/pdf")
        if declared:
            handler.send_header("Content-Length", str(MAX_BYTES * 4))
        else:
            handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(40):
            handler.wfile.write(b"x" * (MAX_BYTES // 10))

    return serve


def drip(handler):
    """Headers at once, then a byte every 0.1 s: each read is quick, the whole slow."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "100")
    handler.end_headers()
    for _ in range(100):
        handler.wfile.write(b".")
        handler.wfile.flush()
        time.sleep(0.1)


def stall(handler):
    time.sleep(3)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client the test cut off mid-answer


class Origin:
    """The test's web server: ``routes`` maps a path to what it serves."""

    def __init__(self):
        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.routes = {}
        self.routes = self.server.routes
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return self.base + path


@pytest.fixture
def origin():
    server = Origin()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture(autouse=True)
def _locker_on(settings, tmp_path):
    private = {**settings.STORAGES["private"]}
    private["OPTIONS"] = {**private["OPTIONS"], "location": str(tmp_path)}
    settings.STORAGES = {**settings.STORAGES, "private": private}
    settings.FACTCHECK_ARCHIVE_SOURCES = True
    settings.FACTCHECK_FETCH_ALLOW_ADDRESSES = ["127.0.0.1/32"]
    settings.FACTCHECK_FETCH_TIMEOUT = 1
    settings.FACTCHECK_FETCH_DEADLINE = 1.5
    settings.FACTCHECK_FETCH_MAX_BYTES = MAX_BYTES


def _snapshot_jobs():
    return DBTaskResult.objects.filter(task_path="factcheck.locker.snapshot")


def _draft_citing(journalist, url):
    """A complete draft whose one source is ``url``."""
    factcheck = make_factcheck(authors=[journalist])
    factcheck.sources.update(title="Labour figures", url=url)
    return factcheck, factcheck.sources.get()


def _published_citing(journalist, editor, url):
    factcheck, _source = _draft_citing(journalist, url)
    DBTaskResult.objects.all().delete()
    return make_published_from(factcheck, editor)


def _stored_bytes(snapshot):
    with locker.storage().open(snapshot.file) as stored:
        return stored.read()


def _days_later(days):
    """As if ``days`` passed since every fetch so far."""
    SourceSnapshot.objects.update(
        fetched_at=timezone.now() - datetime.timedelta(days=days)
    )


# Archiving


def test_a_page_is_archived_as_served_with_its_hash_type_and_time(origin, journalist):
    origin.routes["/figures"] = page(PAGE)
    _factcheck, source = _draft_citing(journalist, origin.url("/figures"))
    locker.sources_added([source])
    before = timezone.now()

    assert run_jobs() == 1

    snapshot = SourceSnapshot.objects.get()
    assert snapshot.outcome == Outcome.OK
    assert snapshot.is_archive is True
    assert snapshot.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert snapshot.size == len(PAGE)
    assert snapshot.content_type == "text/html; charset=utf-8"
    assert snapshot.status_code == 200
    assert snapshot.final_url == origin.url("/figures")
    assert before <= snapshot.fetched_at <= timezone.now()
    assert snapshot.file == f"sources/{snapshot.sha256}"
    assert _stored_bytes(snapshot) == PAGE


def test_identical_bytes_are_stored_once(origin, journalist):
    origin.routes["/a"] = origin.routes["/b"] = page(PAGE)
    _factcheck, first = _draft_citing(journalist, origin.url("/a"))
    second = SourceFactory(factcheck=first.factcheck, url=origin.url("/b"))
    locker.sources_added([first, second])
    run_jobs()
    files = set(SourceSnapshot.objects.values_list("file", flat=True))
    assert len(files) == 1
    assert locker.storage().listdir("sources")[1] == [hashlib.sha256(PAGE).hexdigest()]


def test_adding_a_source_in_the_admin_queues_its_archiving_and_saves_at_once(
    origin, as_journalist, journalist
):
    origin.routes["/figures"] = page(PAGE)
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    add_rows(
        data,
        "sources",
        [
            {
                "title": "Labour figures",
                "url": origin.url("/figures"),
                "kind": "official",
                "origin": "primary",
                "ordering": 5,
            }
        ],
    )
    assert as_journalist.post(change_url(factcheck), data).status_code == 302

    # Saved without a fetch: the job waits for the worker.
    assert SourceSnapshot.objects.count() == 0
    assert _snapshot_jobs().get().args_kwargs["kwargs"]["url"] == origin.url("/figures")
    run_jobs()
    assert SourceSnapshot.objects.get().is_archive is True


def test_a_source_saves_with_the_network_down_and_the_fetch_is_retried(
    as_journalist, journalist
):
    factcheck = make_factcheck(authors=[journalist])
    dead = f"http://127.0.0.1:{free_port()}/figures"  # nothing listens there
    data = form_data(as_journalist.get(change_url(factcheck)))
    add_rows(
        data,
        "sources",
        [
            {
                "title": "Offline",
                "url": dead,
                "kind": "news",
                "origin": "primary",
                "ordering": 5,
            }
        ],
    )
    assert as_journalist.post(change_url(factcheck), data).status_code == 302
    assert Source.objects.filter(url=dead).exists()

    run_jobs()  # refused connection: transient, so asked again later

    assert SourceSnapshot.objects.count() == 0
    retry = _snapshot_jobs().filter(status="READY").get()
    assert retry.run_after > timezone.now()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2


def test_a_failure_that_would_repeat_is_recorded_without_retry(journalist):
    _factcheck, source = _draft_citing(journalist, "http://10.1.2.3/internal")
    locker.sources_added([source])
    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    assert snapshot.outcome == Outcome.FAILED
    assert "private" in snapshot.message
    assert snapshot.file == "" and snapshot.is_archive is False
    assert not _snapshot_jobs().filter(status="READY").exists()


def test_a_name_that_does_not_resolve_marks_the_source_gone(journalist):
    _factcheck, source = _draft_citing(journalist, "https://no-such-host.invalid/")
    locker.sources_added([source])
    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    assert snapshot.outcome == Outcome.GONE
    assert "does not resolve" in snapshot.message


def test_demo_history_fetches_nothing(origin, journalist):
    _factcheck, source = _draft_citing(journalist, origin.url("/figures"))
    with notifications.muted():
        locker.sources_added([source])
    assert not _snapshot_jobs().exists()


def test_a_source_removed_before_its_job_runs_is_not_fetched(origin, journalist):
    origin.routes["/figures"] = page(PAGE)
    _factcheck, source = _draft_citing(journalist, origin.url("/figures"))
    locker.sources_added([source])
    source.delete()
    run_jobs()
    assert SourceSnapshot.objects.count() == 0


# Limits


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "streamed"])
def test_a_page_over_the_size_cap_is_cut_off_and_not_stored(
    origin, journalist, declared
):
    origin.routes["/report.pdf"] = huge(declared)
    _factcheck, source = _draft_citing(journalist, origin.url("/report.pdf"))
    locker.sources_added([source])
    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    assert snapshot.outcome == Outcome.FAILED
    assert f"larger than {MAX_BYTES} bytes" in snapshot.message
    assert (snapshot.file, snapshot.sha256, snapshot.is_archive) == ("", "", False)
    assert not locker.storage().exists("sources")


def test_a_slow_drip_is_cut_off_at_the_deadline(origin):
    origin.routes["/drip"] = drip
    started = time.monotonic()
    with pytest.raises(fetching.TooSlow):
        fetching.fetch(origin.url("/drip"))
    assert time.monotonic() - started < 3  # the drip would take 10 s


def test_a_server_that_never_answers_times_out(origin):
    origin.routes["/stall"] = stall
    started = time.monotonic()
    with pytest.raises(fetching.TooSlow) as raised:
        fetching.fetch(origin.url("/stall"))
    assert raised.value.transient is True
    assert time.monotonic() - started < 2.5


# Redirects


def test_redirects_are_followed_up_to_the_limit(origin):
    origin.routes["/figures"] = page(PAGE)
    origin.routes["/r1"] = redirect("/r2", 301)
    origin.routes["/r2"] = redirect(origin.url("/r3"), 307)
    origin.routes["/r3"] = redirect("/figures")
    fetched = fetching.fetch(origin.url("/r1"))
    assert fetched.body == PAGE
    assert fetched.url == origin.url("/r1")
    assert fetched.final_url == origin.url("/figures")

    origin.routes["/r0"] = redirect("/r1")
    with pytest.raises(fetching.FetchError, match="More than 3 redirects"):
        fetching.fetch(origin.url("/r0"))


@pytest.mark.parametrize(
    "location",
    [
        "ftp://example.org/file",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
    ],
)
def test_a_redirect_off_the_web_or_inside_the_network_is_refused(origin, location):
    origin.routes["/away"] = redirect(location)
    with pytest.raises(fetching.Refused):
        fetching.fetch(origin.url("/away"))


# The default policy: nothing inside


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.5/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(settings, url):
    settings.FACTCHECK_FETCH_ALLOW_ADDRESSES = []
    with pytest.raises(fetching.Refused) as raised:
        fetching.fetch(url)
    assert raised.value.transient is False


def test_the_local_server_itself_is_refused_by_default(origin, settings):
    settings.FACTCHECK_FETCH_ALLOW_ADDRESSES = []
    origin.routes["/figures"] = page(PAGE)
    with pytest.raises(fetching.Refused):
        fetching.fetch(origin.url("/figures"))


def _resolving_to(*addresses):
    def resolve(host, port, *args, **kwargs):
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, 1, 6, "", (a, port))
            for a in addresses
        ]

    return resolve


@pytest.mark.parametrize(
    "addresses",
    [("127.0.0.1",), ("10.20.30.40",), ("93.184.215.14", "169.254.169.254")],
    ids=["loopback", "private", "one-of-several"],
)
def test_a_public_name_resolving_inside_is_refused(
    monkeypatch, settings, origin, addresses
):
    """Vetted after the lookup: a name cannot point inside, even among others."""
    settings.FACTCHECK_FETCH_ALLOW_ADDRESSES = []
    origin.routes["/figures"] = page(PAGE)
    monkeypatch.setattr(fetching, "resolver", _resolving_to(*addresses))
    with pytest.raises(fetching.Refused, match="news.example.com points to"):
        fetching.fetch(f"http://news.example.com:{origin.server.server_port}/figures")


def test_the_connection_goes_to_the_vetted_address_with_the_name_as_host(
    monkeypatch, origin
):
    """Resolved once: the connection never looks the name up again."""
    seen = {}

    def show_host(handler):
        seen["host"] = handler.headers["Host"]
        page(PAGE)(handler)

    origin.routes["/figures"] = show_host
    lookups = []

    def resolve_once(host, port, *args, **kwargs):
        lookups.append(host)
        return _resolving_to("127.0.0.1")(host, port)

    monkeypatch.setattr(fetching, "resolver", resolve_once)
    port = origin.server.server_port
    fetched = fetching.fetch(f"http://news.example.com:{port}/figures")
    assert fetched.body == PAGE
    assert seen["host"] == f"news.example.com:{port}"
    assert lookups == ["news.example.com"]


# Publication, readers and re-checks


def test_publication_archives_the_sources_and_the_article_links_our_copy(
    origin, client, journalist, editor, django_assert_max_num_queries
):
    origin.routes["/figures"] = page(PAGE)
    factcheck = _published_citing(journalist, editor, origin.url("/figures"))
    assert "Our archived copy" not in client.get(factcheck.get_absolute_url()).text

    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    assert snapshot.factcheck_id == factcheck.pk and snapshot.is_archive
    assert PublishedPage.objects.get(factcheck=factcheck).stale is True

    article = client.get(factcheck.get_absolute_url()).text  # prepared again
    link = reverse("factcheck:archived-source", args=[snapshot.sha256])
    assert f'href="{link}"' in article
    fetched_on = timezone.localtime(snapshot.fetched_at)
    assert f"Our archived copy (fetched {fetched_on:%-d %B %Y})" in article
    with django_assert_max_num_queries(6):  # tests/test_article_page.py's ceiling
        assert link in client.get(factcheck.get_absolute_url()).text


def test_the_archived_copy_is_served_inert_from_our_storage(
    origin, client, journalist, editor
):
    origin.routes["/figures"] = page(PAGE)
    _published_citing(journalist, editor, origin.url("/figures"))
    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    url = reverse("factcheck:archived-source", args=[snapshot.sha256])

    response = client.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PAGE
    assert response["Content-Type"] == "text/html; charset=utf-8"
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy
    assert "script-src" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == (
        f'inline; filename="archived-{snapshot.sha256[:12]}.html"'
    )
    assert "immutable" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.post(url).status_code == 405


def test_a_drafts_archived_copy_is_not_served(origin, client, journalist):
    origin.routes["/figures"] = page(PAGE)
    _factcheck, source = _draft_citing(journalist, origin.url("/figures"))
    locker.sources_added([source])
    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    url = reverse("factcheck:archived-source", args=[snapshot.sha256])
    assert client.get(url).status_code == 404
    client.force_login(journalist)
    assert client.get(url).status_code == 404


def test_the_copy_goes_when_the_article_leaves_the_site(
    origin, client, journalist, editor
):
    origin.routes["/figures"] = page(PAGE)
    factcheck = _published_citing(journalist, editor, origin.url("/figures"))
    run_jobs()
    url = reverse(
        "factcheck:archived-source", args=[SourceSnapshot.objects.get().sha256]
    )
    assert client.get(url).status_code == 200
    workflow.unpublish(factcheck, editor, "Rework.")
    assert client.get(url).status_code == 404


def test_a_recheck_flags_a_changed_page_then_a_gone_one(
    origin, client, journalist, editor, as_editor
):
    origin.routes["/figures"] = page(PAGE)
    factcheck = _published_citing(journalist, editor, origin.url("/figures"))
    run_jobs()
    archived = SourceSnapshot.objects.get()

    call_command("check_sources", "--older-than", "7")
    assert not _snapshot_jobs().filter(status="READY").exists()  # checked lately

    _days_later(8)
    origin.routes["/figures"] = page(PAGE.replace(b"4.1", b"5.3"))
    call_command("check_sources", "--older-than", "7")
    run_jobs()
    changed = SourceSnapshot.objects.first()
    assert changed.outcome == Outcome.CHANGED and changed.is_archive is False
    assert changed.sha256 == hashlib.sha256(PAGE.replace(b"4.1", b"5.3")).hexdigest()
    # Readers keep the page the article relied on.
    assert locker.archive_of(factcheck.pk, archived.url) == archived
    assert archived.sha256 in client.get(factcheck.get_absolute_url()).text
    form = as_editor.get(change_url(factcheck)).text
    assert "Source changed since it was archived" in form
    dashboard = as_editor.get(reverse("admin:index")).text
    assert "1 cited source changed since it was archived" in dashboard

    _days_later(8)
    del origin.routes["/figures"]
    call_command("check_sources")
    run_jobs()
    gone = SourceSnapshot.objects.first()
    assert (gone.outcome, gone.status_code) == (Outcome.GONE, 404)
    form = as_editor.get(change_url(factcheck)).text
    assert "Source gone: The server answered 404." in form
    assert SourceSnapshot.objects.count() == 3  # the history is kept

    flagged = as_editor.get(
        reverse("admin:factcheck_sourcesnapshot_changelist"), {"latest": "gone"}
    )
    assert list(flagged.context["cl"].result_list) == [gone]
    changed_now = as_editor.get(
        reverse("admin:factcheck_sourcesnapshot_changelist"), {"latest": "changed"}
    )
    assert list(changed_now.context["cl"].result_list) == []
    dashboard = as_editor.get(reverse("admin:index")).text
    assert "1 cited source gone" in dashboard and "changed since" not in dashboard


def test_an_unchanged_page_is_not_flagged(origin, journalist, editor, as_editor):
    origin.routes["/figures"] = page(PAGE)
    factcheck = _published_citing(journalist, editor, origin.url("/figures"))
    run_jobs()
    _days_later(8)
    call_command("check_sources")
    run_jobs()
    latest = SourceSnapshot.objects.first()
    assert (latest.outcome, latest.is_archive) == (Outcome.OK, False)
    form = as_editor.get(change_url(factcheck)).text
    assert "Unchanged when checked on" in form
    assert "locker-flag" not in form


def test_drafts_are_not_rechecked(origin, journalist):
    _factcheck, source = _draft_citing(journalist, origin.url("/figures"))
    assert locker.recheck(datetime.timedelta(days=7)) == 0


def test_the_desk_reads_snapshots_and_nobody_edits_them(
    origin, client, journalist, editor
):
    origin.routes["/figures"] = page(PAGE)
    _published_citing(journalist, editor, origin.url("/figures"))
    run_jobs()
    snapshot = SourceSnapshot.objects.get()
    for user in (journalist, editor):
        client.force_login(user)
        listing = client.get(reverse("admin:factcheck_sourcesnapshot_changelist"))
        assert listing.status_code == 200
        assert origin.url("/figures") in listing.text
        change = reverse("admin:factcheck_sourcesnapshot_change", args=[snapshot.pk])
        assert client.post(change, {"outcome": "ok"}).status_code == 403
    client.logout()
    assert (
        client.get(reverse("admin:factcheck_sourcesnapshot_changelist")).status_code
        == 302
    )


@pytest.mark.parametrize(
    ("declared", "served"),
    [
        ("text/html; charset=utf-8", "text/html; charset=utf-8"),
        ("Application/PDF", "application/pdf"),
        ('text/html; charset="ISO-8859-1"; x=y', "text/html; charset=ISO-8859-1"),
        ("", "application/octet-stream"),
        ("text/html\r\nSet-Cookie: a=b", "application/octet-stream"),
        ("not a type", "application/octet-stream"),
    ],
)
def test_only_a_well_formed_content_type_is_served(declared, served):
    assert safe_content_type(declared) == served


def test_an_imported_draft_queues_its_sources(origin, journalist):
    article = importer.parse(
        "CLAIM: Unemployment doubled\nFACT: It fell.\n\nThe figures say otherwise.\n\n"
        f"SOURCES:\n- Labour figures — {origin.url('/figures')}\n"
    )
    importer.create_draft(article, journalist)
    assert _snapshot_jobs().get().args_kwargs["kwargs"]["url"] == origin.url("/figures")


def test_a_published_revision_keeps_the_archive_and_archives_again(
    origin, journalist, editor, other_editor
):
    origin.routes["/figures"] = page(PAGE)
    live = _published_citing(journalist, editor, origin.url("/figures"))
    run_jobs()
    first = SourceSnapshot.objects.get()
    revision = workflow.start_revision(live, journalist)
    workflow.submit_for_review(revision, journalist)
    workflow.publish(revision, other_editor, change_class="minor")
    run_jobs()
    assert list(SourceSnapshot.objects.filter(factcheck=live)) == [
        SourceSnapshot.objects.first(),
        first,
    ]
    assert locker.archive_of(live.pk, first.url) != first
