"""The demo newsroom `make run` loads: every state, real workflow history, safe to rerun.

Its articles are files in the importer's format (``factcheck/demo_newsroom``),
built by the importer on every load.
"""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.html import strip_tags

from factcheck import demo, importer, matching
from factcheck.models import (
    Claimant,
    Correction,
    Expert,
    FactCheck,
    Priority,
    ReaderMessage,
    Status,
    Topic,
    TransitionLog,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)


def test_the_demo_spans_every_workflow_state(loaded):
    published = FactCheck.objects.published()
    assert published.count() >= 4
    assert FactCheck.objects.scheduled().count() >= 1
    assert FactCheck.objects.filter(status=Status.REVIEW).exists()
    assert FactCheck.objects.filter(status=Status.DRAFT).count() >= 2
    assert (
        TransitionLog.objects.filter(action="request_changes").exclude(note="").exists()
    )


def test_the_sent_back_draft_has_review_comments_answered_and_open(loaded):
    sent_back = FactCheck.objects.get(slug="charging-phone-overnight-battery")
    threads = sent_back.review_comments.threads()
    assert {thread.kind for thread in threads} == {"field", "claim", "source"}
    assert sent_back.review_comments.open().count() == 2
    assert sent_back.review_comments.filter(reply_to__isnull=False).count() == 2
    submitted = sent_back.transitions.get(action="submit").created_at
    sent = sent_back.transitions.get(action="request_changes").created_at
    assert all(submitted < thread.created_at < sent for thread in threads)


def test_the_ketamine_check_carries_quotes_and_sources(loaded):
    ketamine = FactCheck.objects.published().get(
        claims__statement__icontains="ketamine"
    )
    assert ketamine.quotes.count() == 2
    assert all(q.expert.credentials and q.obtained_via for q in ketamine.quotes.all())
    assert ketamine.sources.count() >= 3
    assert ketamine.claims.get().verdict.rating.slug == "mostly-true"


def test_demo_accounts_have_their_roles_and_documented_passwords(loaded):
    User = get_user_model()
    journalist = User.objects.get(username="journalist")
    editor = User.objects.get(username="editor")
    admin = User.objects.get(username="admin")
    assert journalist.groups.filter(name="Journalists").exists()
    assert editor.groups.filter(name="Editors").exists()
    assert admin.is_superuser is True
    for user in (journalist, editor, admin):
        assert user.check_password(user.username)


def test_loading_twice_adds_nothing(loaded):
    counts = (
        FactCheck.objects.count(),
        TransitionLog.objects.count(),
        get_user_model().objects.count(),
        ReaderMessage.objects.count(),
    )
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert (
        FactCheck.objects.count(),
        TransitionLog.objects.count(),
        get_user_model().objects.count(),
        ReaderMessage.objects.count(),
    ) == counts
    assert "(0 fact-checks added)" in out.getvalue()


def test_the_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG=1"):
        call_command("load_demo")
    assert not get_user_model().objects.filter(username="journalist").exists()


# What the demo held when it was Python literals: slug, state, authors,
# topics, each claim's rating and number of appearances, sources, quotes and
# corrections.
OLD_DEMO = [
    ("ketamine-depression-treatment-resistant", "published", ["journalist"],
     ["health"], ["mostly-true"], [2], 5, 2, 0),
    ("hot-water-every-15-minutes-does-not-kill-viruses", "published", ["reporter"],
     ["health"], ["false"], [2], 4, 1, 1),
    ("budget-debate-inflation-and-wages-claims", "published",
     ["journalist", "reporter"], ["economy", "politics"],
     ["mostly-true", "mostly-true"], [2, 1], 4, 1, 1),
    ("great-wall-of-china-not-visible-from-space", "published", ["journalist"],
     ["science"], ["false"], [1], 3, 1, 0),
    ("electric-cars-lifetime-co2-emissions", "published", ["journalist"],
     ["climate", "technology"], ["misleading"], [2], 4, 1, 1),
    ("bananas-are-naturally-radioactive", "scheduled", ["reporter"],
     ["health", "science"], ["true"], [1], 3, 1, 0),
    ("household-5g-routers-headaches", "review", ["reporter"],
     ["health", "technology"], ["unproven"], [2], 4, 1, 0),
    ("charging-phone-overnight-battery", "changes_requested", ["journalist"],
     ["technology"], ["misleading"], [1], 3, 1, 0),
    ("eastmoor-council-budget-consultants", "draft", ["reporter"],
     ["economy", "politics"], [None], [1], 2, 0, 0),
]  # fmt: skip


def _state(factcheck):
    """The manifest's name for the state the workflow left ``factcheck`` in."""
    if factcheck.status == Status.PUBLISHED:
        return "published" if factcheck.is_published else "scheduled"
    if factcheck.transitions.filter(action="request_changes").exists():
        return "changes_requested"
    return factcheck.status


def _fingerprint(factcheck):
    claims = list(factcheck.claims.select_related("verdict__rating"))
    return (
        factcheck.slug,
        _state(factcheck),
        [byline.author.username for byline in factcheck.bylines.all()],
        sorted(factcheck.topics.values_list("slug", flat=True)),
        [
            claim.verdict.rating.slug if hasattr(claim, "verdict") else None
            for claim in claims
        ],
        [claim.appearances.count() for claim in claims],
        factcheck.sources.count(),
        factcheck.quotes.count(),
        factcheck.corrections.count(),
    )


def test_the_loaded_demo_holds_what_the_old_one_did(loaded):
    loaded_demo = [_fingerprint(factcheck) for factcheck in FactCheck.objects.all()]
    assert sorted(loaded_demo) == sorted(OLD_DEMO)


def test_the_ketamine_check_keeps_its_parts_in_detail(loaded):
    ketamine = FactCheck.objects.get(slug="ketamine-depression-treatment-resistant")
    assert ketamine.headline.startswith("Ketamine can ease depression")
    assert len(ketamine.key_point_list()) == 3
    assert ketamine.body.count("<h2>") == 2
    assert "The American Journal of Psychiatry" in ketamine.body
    claim = ketamine.claims.get()
    assert claim.claimant.slug == "viral-tiktok-video"
    assert claim.first_appearance.outlet == "TikTok"
    review = ketamine.sources.get(kind="study")
    assert (review.origin, review.claim) == ("secondary", claim)
    assert review.published_on == datetime.date(2021, 5, 1)
    assert ketamine.sources.filter(claim=None).count() == 2
    quotes = {q.expert.name: q for q in ketamine.quotes.select_related("expert")}
    assert quotes["Dr Helen Ashdown"].obtained_via == "written"
    assert quotes["Dr Tomasz Wierzba"].obtained_via == "phone"
    assert quotes["Dr Helen Ashdown"].expert.contact_email == "h.ashdown@example.org"


def test_the_budget_check_credits_its_partner_and_both_authors(loaded):
    budget = FactCheck.objects.get(slug="budget-debate-inflation-and-wages-claims")
    assert budget.partner_credit.startswith("Produced in collaboration with")
    second = budget.claims.get(ordering=1)
    assert list(budget.sources.filter(claim=second).values_list("kind", flat=True)) == [
        "dataset"
    ]


def test_the_budget_check_shows_both_claimants_right_of_reply(client, loaded):
    budget = FactCheck.objects.published().get(
        slug="budget-debate-inflation-and-wages-claims"
    )
    content = client.get(budget.get_absolute_url()).content.decode()
    assert "We contacted Delia Marchbank, MP on" in content
    assert "by email; they replied on" in content
    assert "We contacted Martin Vasquez-Hale on" in content
    assert "by email and by phone; they did not respond." in content
    for claim in budget.claims.all():
        assert claim.reply_attempts.filter(contacted_at__lt=budget.published_at)


def test_corrections_are_issued_after_publication_and_logged(loaded):
    correction = Correction.objects.get(kind=Correction.Kind.CORRECTION)
    factcheck = correction.factcheck
    assert factcheck.slug == "electric-cars-lifetime-co2-emissions"
    assert correction.kind == Correction.Kind.CORRECTION
    assert correction.issued_at == factcheck.published_at + datetime.timedelta(days=2)
    assert correction.issued_by.username == "editor"
    log = TransitionLog.objects.get(action=TransitionLog.Action.CORRECT)
    assert log.factcheck == factcheck
    assert correction.text in log.note


def test_the_review_waits_for_the_chief_and_the_draft_is_unrated(loaded):
    review = FactCheck.objects.get(status=Status.REVIEW)
    assert review.assignee.username == "chief"
    assert review.review_priority == Priority.HIGH
    draft = FactCheck.objects.get(slug="eastmoor-council-budget-consultants")
    assert not hasattr(draft.claims.get(), "verdict")
    changes = TransitionLog.objects.get(action="request_changes")
    assert changes.note.startswith("Nearly there")


def test_published_articles_are_backdated_with_their_history(loaded):
    today = datetime.date.today()
    for entry in demo.read_manifest()["articles"]:
        if entry["state"] != "published":
            continue
        factcheck = FactCheck.objects.get(slug=entry["file"].removesuffix(".txt"))
        published = factcheck.published_at.date()
        assert published == today - datetime.timedelta(days=entry["days_ago"])
        assert factcheck.created_at < factcheck.published_at
        logged = factcheck.transitions.values_list("action", "created_at")
        for action, when in logged:
            if action == TransitionLog.Action.CORRECT or (
                "revision" in entry and when > factcheck.published_at
            ):
                # A correction, or a revision's steps, on the day of its record.
                issued = factcheck.corrections.get().issued_at
                assert when == issued > factcheck.published_at
            else:
                assert when <= factcheck.published_at


def test_readers_see_the_backdated_dates_on_every_page(client, loaded):
    """The pages prepared at publication are prepared again once backdated:
    the article, its card on the home page and in other articles' related
    blocks show when it was published, not when the demo was loaded."""
    home = client.get("/").content.decode()
    for factcheck in FactCheck.objects.published():
        shown = f'datetime="{factcheck.first_published_at.isoformat()}"'
        page = client.get(factcheck.get_absolute_url()).content.decode()
        assert shown in page, factcheck.slug
        assert shown in home, factcheck.slug
        assert f'datetime="{timezone.now().date().isoformat()}' not in page


def test_the_demo_has_a_re_rating_and_a_clarification(client, loaded):
    budget = FactCheck.objects.get(slug="budget-debate-inflation-and-wages-claims")
    record = budget.corrections.get()
    assert (record.kind, record.old_rating_label, record.new_rating_label) == (
        "rerating",
        "True",
        "Mostly true",
    )
    assert record.issued_at == budget.published_at + datetime.timedelta(days=6)
    page = client.get(budget.get_absolute_url()).content.decode()
    assert "from “True” to “Mostly true”" in page
    history = client.get(f"{budget.get_absolute_url()}history/").content.decode()
    assert "First published" in history and record.text in history
    compared = client.get(
        f"{budget.get_absolute_url()}history/compare/?from=1&to=2"
    ).content.decode()
    assert "Rating: <ins>Mostly true</ins>" in compared
    assert "3.9%" in strip_tags(compared)
    hot_water = FactCheck.objects.get(
        slug="hot-water-every-15-minutes-does-not-kill-viruses"
    )
    assert hot_water.corrections.get().kind == "clarification"
    compared = client.get(
        f"{hot_water.get_absolute_url()}history/compare/?from=1&to=2"
    ).content.decode()
    assert "<ins>" in compared and "sore throat" in compared
    log = client.get("/corrections/").content.decode()
    assert log.index(hot_water.headline) < log.index(budget.headline)  # newest first


def test_the_importer_builds_every_demo_article(settings, monkeypatch):
    settings.DEBUG = True
    built = []

    def create_draft(article, *args, **kwargs):
        built.append(article.slug)
        return original(article, *args, **kwargs)

    original = importer.create_draft
    monkeypatch.setattr(importer, "create_draft", create_draft)
    call_command("load_demo", verbosity=0)
    assert sorted(built) == sorted(FactCheck.objects.values_list("slug", flat=True))
    assert len(built) == 9


def test_the_demo_loads_under_a_rating_panel(settings):
    settings.DEBUG = True
    settings.FACTCHECK_PANEL_VOTES = 2
    call_command("load_demo", verbosity=0)
    assert FactCheck.objects.published().count() == 5
    assert TransitionLog.objects.filter(action=TransitionLog.Action.VOTE).exists()


def test_the_demo_names_only_the_directory_records_of_its_manifest(loaded):
    """Every claimant, topic and expert an article names is in the manifest."""
    manifest = demo.read_manifest()
    assert Claimant.objects.count() == len(manifest["claimants"])
    assert Topic.objects.count() == len(manifest["topics"])
    assert Expert.objects.count() == len(manifest["experts"])


# The data folder, read without a database.


def _articles():
    manifest = demo.read_manifest()
    return [(entry, demo.read_article(entry["file"])) for entry in manifest["articles"]]


def test_the_manifest_lists_every_article_file_once():
    listed = [entry["file"] for entry in demo.read_manifest()["articles"]]
    assert sorted(listed) == sorted(path.name for path in demo.ARTICLES.glob("*.txt"))
    assert len(set(listed)) == len(listed) == 9


def test_every_article_file_gives_its_slug():
    for entry, article in _articles():
        assert article.slug == entry["file"].removesuffix(".txt")


def _dates(article):
    for claim in article.claims:
        yield from (seen.appeared_on for seen in claim.appearances)
    yield from (source.published_on for source in article.sources)
    yield from (source.accessed_on for source in article.sources)
    yield from (quote.obtained_on for quote in article.quotes)


def test_dates_in_the_files_come_before_the_backdated_publication():
    """Loaded today or later, nothing is dated after the article it is in."""
    today = datetime.date.today()
    for entry, article in _articles():
        # A scheduled article goes out days_ago days from now.
        offset = 0 if entry["state"] == "scheduled" else entry["days_ago"]
        latest = today - datetime.timedelta(days=offset)
        dated = [day for day in _dates(article) if day is not None]
        assert dated, entry["file"]
        assert max(dated) < latest, entry["file"]


def test_quote_details_in_the_files_agree_with_the_expert_directory():
    experts = {row["name"]: row for row in demo.read_manifest()["experts"]}
    for _entry, article in _articles():
        for quote in article.quotes:
            expert = experts[quote.expert]
            assert quote.credentials == expert["credentials"]
            assert quote.affiliation == expert["affiliation"]


def test_claimant_details_in_the_files_agree_with_the_directory():
    claimants = {row["name"]: row for row in demo.read_manifest()["claimants"]}
    for _entry, article in _articles():
        for claim in article.claims:
            parsed, row = claim.claimant, claimants[claim.claimant.name]
            assert (parsed.kind or "person") == row["kind"]
            assert parsed.platform == row.get("platform", "")
            assert parsed.handle == row.get("handle", "")


def test_the_inbox_holds_tips_the_desk_has_checked_or_is_checking(loaded):
    tips = {m.message.split()[0]: m for m in ReaderMessage.objects.all()}
    assert len(tips) == 3
    assert tips["Forwarded"].created_at < timezone.now()
    [checked, *_] = matching.similar(tips["Forwarded"].message)
    assert checked.factcheck.slug == "hot-water-every-15-minutes-does-not-kill-viruses"
    under_way = FactCheck.objects.under_way()
    for first_word in ["A", "At"]:
        [draft, *_] = matching.similar(tips[first_word].message, queryset=under_way)
        assert not draft.factcheck.is_published
