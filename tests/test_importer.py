"""`manage.py import_factcheck`: the seed lands in the right places; bad input changes nothing."""

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from factcheck import demo
from factcheck.models import (
    Claim,
    Claimant,
    ClaimAppearance,
    Expert,
    ExpertQuote,
    FactCheck,
    Source,
    Status,
    Topic,
    Verdict,
)
from tests.factories import ExpertFactory, TopicFactory, make_user

pytestmark = pytest.mark.django_db

DEMO_ARTICLES = sorted(demo.ARTICLES.glob("*.txt"))


def run_import(path, *args):
    out = StringIO()
    call_command("import_factcheck", str(path), *args, stdout=out)
    return out.getvalue().strip()


def test_the_seed_becomes_a_draft_with_every_part_in_place(seed_path, journalist):
    output = run_import(seed_path, "--author", "journalist", "--rating", "Mostly true")

    factcheck = FactCheck.objects.get()
    assert output.endswith(f"/admin/factcheck/factcheck/{factcheck.pk}/change/")
    assert output.startswith("http")
    assert factcheck.status == Status.DRAFT
    assert factcheck.headline == "Ketamine can help manage symptoms of depression"
    assert factcheck.slug == "ketamine-can-help-manage-symptoms-of-depression"
    assert list(factcheck.authors.all()) == [journalist]
    claim = factcheck.claims.get()
    assert claim.statement == "Ketamine can help manage symptoms of depression"
    assert claim.claimant is None  # the seed names none: left for the journalist
    assert claim.verdict.rating.label == "Mostly true"
    assert claim.verdict.summary.startswith(
        "Ketamine is an anaesthetic with growing evidence"
    )
    assert claim.verdict.summary.endswith("due to potential risks and side effects.")
    assert re.findall(r"<h2>(.*?)</h2>", factcheck.body) == [
        "What is ketamine?",
        "What the experts say about ketamine",
    ]
    assert factcheck.body.startswith("<p>With Tesla CEO")
    assert factcheck.body.count("<p>") == 20  # 23 body lines: 2 headings, 1 credit
    assert "FACT:" not in factcheck.body and "CLAIM:" not in factcheck.body
    assert "Dr Sourav Avi, a psychiatrist based in New Delhi" in factcheck.body
    assert factcheck.partner_credit.startswith(
        "This story is done in collaboration with First Check"
    )
    assert "collaboration" not in factcheck.body
    assert factcheck.sources.count() == 0


def test_the_seed_fills_nothing_the_optional_lines_would(
    seed_path, journalist, settings
):
    """The seed uses none of the optional lines: every part they fill stays empty."""
    run_import(seed_path, "--author", "journalist")

    factcheck = FactCheck.objects.get()
    assert (factcheck.standfirst, factcheck.key_points) == ("", "")
    assert factcheck.language == settings.LANGUAGE_CODE
    assert not factcheck.topics.exists()
    claim = factcheck.claims.get()
    assert claim.verdict.rating is None
    assert not claim.appearances.exists()
    assert not factcheck.quotes.exists()


def test_a_second_import_gets_its_own_slug(seed_path, journalist):
    run_import(seed_path, "--author", "journalist")
    run_import(seed_path, "--author", "journalist")
    assert sorted(FactCheck.objects.values_list("slug", flat=True)) == [
        "ketamine-can-help-manage-symptoms-of-depression",
        "ketamine-can-help-manage-symptoms-of-depression-2",
    ]


def test_claimant_and_sources_are_imported(tmp_path, journalist):
    article = tmp_path / "article.txt"
    article.write_text(
        "CLAIM: Bananas are radioactive.\n"
        "CLAIMANT: Viral TikTok video\n"
        "FACT: True, but harmlessly so.\n"
        "Bananas contain potassium-40.\n"
        "How much radiation\n"
        "Far less than a flight.\n"
        "SOURCES:\n"
        "- Radiation in everyday life — https://example.org/radiation\n"
        "- Potassium-40 fact sheet – https://example.org/k40\n"
        "- Interview with a health physicist, 3 March 2025\n",
        encoding="utf-8",
    )
    run_import(article, "--author", "journalist", "--rating", "true")
    factcheck = FactCheck.objects.get()
    assert factcheck.headline == "Bananas are radioactive"
    assert factcheck.claims.get().claimant.name == "Viral TikTok video"
    assert factcheck.body == (
        "<p>Bananas contain potassium-40.</p><h2>How much radiation</h2><p>Far less than a flight.</p>"
    )
    sources = list(factcheck.sources.values_list("title", "url", "citation"))
    assert sources == [
        ("Radiation in everyday life", "https://example.org/radiation", ""),
        ("Potassium-40 fact sheet", "https://example.org/k40", ""),
        (
            "Interview with a health physicist, 3 March 2025",
            "",
            "Interview with a health physicist, 3 March 2025",
        ),
    ]


def test_an_existing_claimant_is_reused(tmp_path, journalist):
    Claimant.objects.create(name="Viral TikTok video", slug="viral-tiktok-video")
    article = tmp_path / "a.txt"
    article.write_text("CLAIM: x\nCLAIMANT: viral tiktok video\nFACT: y\n")
    run_import(article, "--author", "journalist")
    assert Claimant.objects.count() == 1


def test_body_text_is_escaped_not_trusted(tmp_path, journalist):
    article = tmp_path / "a.txt"
    article.write_text("CLAIM: x\nFACT: y\nSee <script>alert(1)</script> here.\n")
    run_import(article, "--author", "journalist")
    assert "<script>" not in FactCheck.objects.get().body


def _write(tmp_path, content, name="bad.txt"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("FACT: y\nSome body.\n", ["--author", "journalist"], "no 'CLAIM:' line"),
        ("CLAIM: x\nSome body.\n", ["--author", "journalist"], "no 'FACT:' paragraph"),
        ("", ["--author", "journalist"], "is empty"),
        ("  \n\n \n", ["--author", "journalist"], "is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            ["--author", "journalist"],
            "binary file",
        ),
        (b"CLAIM: caf\xe9\nFACT: y\n", ["--author", "journalist"], "not UTF-8"),
        (
            "CLAIM: x\nFACT: y\n",
            ["--author", "nobody"],
            "no active user named 'nobody'",
        ),
        (
            "CLAIM: x\nFACT: y\n",
            ["--author", "journalist", "--rating", "Pants on fire"],
            "no rating labelled",
        ),
        (
            "CLAIM: x\nFACT: y\nSOURCES:\n- A report — not-a-url\n",
            ["--author", "journalist"],
            "not a valid",
        ),
        (
            "CLAIM: x\nFACT: y\nSOURCES:\nA report without a dash\n",
            ["--author", "journalist"],
            "line 4",
        ),
        (
            "CLAIM: x\nFACT: y\nSOURCES:\n- A report — https://example.org/"
            + "a" * 1100
            + "\n",
            ["--author", "journalist"],
            "source 1 is not valid (url: Ensure this value has at most 1000",
        ),
        (
            "CLAIM: x\nCLAIMANT: " + "A" * 300 + "\nFACT: y\n",
            ["--author", "journalist"],
            "the CLAIMANT: line is not valid (name: Ensure this value has at most",
        ),
    ],
)
def test_malformed_input_fails_with_one_line_and_creates_nothing(
    tmp_path, journalist, content, args, message
):
    path = _write(tmp_path, content)
    with pytest.raises(CommandError) as error:
        run_import(path, *args)
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert (
        FactCheck.objects.count()
        == Claim.objects.count()
        == Source.objects.count()
        == 0
    )


def test_an_unreadable_path_fails_cleanly(tmp_path, journalist):
    with pytest.raises(CommandError, match="cannot read"):
        run_import(tmp_path / "missing.txt", "--author", "journalist")
    with pytest.raises(CommandError, match="cannot read"):
        run_import(tmp_path, "--author", "journalist")  # a directory
    assert FactCheck.objects.count() == 0


def test_the_command_exits_non_zero_from_the_shell(tmp_path, journalist):
    import subprocess
    import sys

    path = _write(tmp_path, "no claim here\n")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "import_factcheck",
            str(path),
            "--author",
            "journalist",
        ],
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "PATH": "/usr/bin:/bin",
            "VAR_DIR": str(tmp_path),
        },
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode != 0
    assert "no 'CLAIM:' line" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_invisible_characters_are_dropped(tmp_path, journalist):
    path = _write(
        tmp_path,
        "CLAIM: \u202eThe vaccine\u200b changes DNA\u202c\nFACT: It does not.\n",
    )
    run_import(path, "--author", "journalist")
    assert Claim.objects.get().statement == "The vaccine changes DNA"
    assert FactCheck.objects.get().headline == "The vaccine changes DNA"


# The optional lines.

FULL_ARTICLE = """\
HEADLINE: Bananas are radioactive, and harmless
SLUG: bananas-radioactive-and-harmless
STANDFIRST: One claim is true, the other is not.
IN SHORT:
- Bananas contain a little potassium-40.
* Eating one is harmless.
TOPICS: health, Science, Food safety
LANGUAGE: fr
PARTNER: Produced with the Example Desk.

CLAIM: Bananas are radioactive
CLAIMANT: Viral TikTok video
RATING: true
FACT: They contain potassium-40.
SEEN: https://example.org/tiktok/1
  where: TikTok
  medium: video
  date: 2026-03-01
  first: yes
  archived: https://web.archive.org/example
SEEN:
  where: Campaign rally in Leeds
  medium: Speech or public event

CLAIM: Eating a banana is dangerous
RATING: False
FACT: The dose is tiny.

The body starts here.
Claim: this paragraph starts like a key, but the body has begun.
What the dose is
Sources: a paragraph, not the section.
SOURCES:
- UNSCEAR 2008 report — https://example.org/unscear
  publisher: United Nations
  kind: study
  origin: secondary
  published: 2010-01-15
  accessed: 2026-03-02
  citation: UNSCEAR. Sources and Effects of Ionizing Radiation. 2010.
  archived: https://web.archive.org/unscear
  claim: 2
  notes: Annex B has the dose table.
- Interview with a health physicist
  kind: interview
QUOTES:
- dr asha rao
  via: phone
  date: 2026-03-03
  quote: A banana is nothing to worry about.
- Dr Ben Okafor
  credentials: Health physicist
  affiliation: Example University
  via: written
  record: off
  quote: Off the record, it is fine.
"""


@pytest.fixture
def directory(db):
    """Directory records the full article names, some in another case."""
    TopicFactory(name="Health", slug="health")
    TopicFactory(name="Science", slug="science")
    return ExpertFactory(name="Dr Asha Rao", credentials="Radiologist")


def import_full(tmp_path, *args):
    run_import(
        _write(tmp_path, FULL_ARTICLE, "full.txt"), "--author", "journalist", *args
    )
    return FactCheck.objects.get()


def test_article_lines_fill_the_article_fields(tmp_path, journalist, directory):
    factcheck = import_full(tmp_path)

    assert factcheck.status == Status.DRAFT
    assert factcheck.headline == "Bananas are radioactive, and harmless"
    assert factcheck.slug == "bananas-radioactive-and-harmless"
    assert factcheck.standfirst == "One claim is true, the other is not."
    assert factcheck.key_point_list() == [
        "Bananas contain a little potassium-40.",
        "Eating one is harmless.",
    ]
    assert factcheck.language == "fr"
    assert factcheck.partner_credit == "Produced with the Example Desk."


def test_topics_are_found_by_name_or_slug_and_created_if_missing(
    tmp_path, journalist, directory
):
    factcheck = import_full(tmp_path)

    assert sorted(factcheck.topics.values_list("slug", flat=True)) == [
        "food-safety",
        "health",
        "science",
    ]
    assert Topic.objects.count() == 3
    assert Topic.objects.get(slug="food-safety").name == "Food safety"


def test_each_claim_block_carries_its_own_claimant_rating_and_verdict(
    tmp_path, journalist, directory
):
    factcheck = import_full(tmp_path)

    first, second = factcheck.claims.all()
    assert (first.statement, first.ordering) == ("Bananas are radioactive", 0)
    assert first.claimant.name == "Viral TikTok video"
    assert first.verdict.rating.slug == "true"
    assert first.verdict.summary == "They contain potassium-40."
    assert (second.statement, second.ordering) == ("Eating a banana is dangerous", 1)
    assert second.claimant is None
    assert second.verdict.rating.slug == "false"
    assert second.verdict.summary == "The dose is tiny."


def test_seen_lines_become_the_claims_appearances(tmp_path, journalist, directory):
    factcheck = import_full(tmp_path)

    claim = factcheck.claims.first()
    rows = claim.appearances.values_list(
        "url", "outlet", "medium", "appeared_on", "is_first", "archived_url"
    )
    assert sorted(rows, key=lambda row: row[1]) == [
        ("", "Campaign rally in Leeds", "speech", None, False, ""),
        (
            "https://example.org/tiktok/1",
            "TikTok",
            "video",
            datetime.date(2026, 3, 1),
            True,
            "https://web.archive.org/example",
        ),
    ]
    assert claim.first_appearance.outlet == "TikTok"


def test_source_details_fill_the_source(tmp_path, journalist, directory):
    factcheck = import_full(tmp_path)

    report, interview = factcheck.sources.all()
    assert report.title == "UNSCEAR 2008 report"
    assert report.url == "https://example.org/unscear"
    assert report.publisher == "United Nations"
    assert (report.kind, report.origin) == (Source.Kind.STUDY, Source.Origin.SECONDARY)
    assert report.published_on == datetime.date(2010, 1, 15)
    assert report.accessed_on == datetime.date(2026, 3, 2)
    assert report.citation.startswith("UNSCEAR. Sources and Effects")
    assert report.archived_url == "https://web.archive.org/unscear"
    assert report.claim == factcheck.claims.get(ordering=1)
    assert report.notes == "Annex B has the dose table."
    assert interview.claim is None
    assert (interview.kind, interview.origin) == ("interview", "primary")
    assert interview.citation == "Interview with a health physicist"


def test_quotes_name_experts_from_the_directory_or_new_ones(
    tmp_path, journalist, directory
):
    factcheck = import_full(tmp_path)

    known, new = factcheck.quotes.select_related("expert")
    assert known.expert == directory  # found whatever the case
    assert known.expert.credentials == "Radiologist"
    assert known.text == "A banana is nothing to worry about."
    assert known.obtained_via == ExpertQuote.ObtainedVia.PHONE
    assert known.obtained_on == datetime.date(2026, 3, 3)
    assert known.on_record is True
    assert new.expert.name == "Dr Ben Okafor"
    assert new.expert.credentials == "Health physicist"
    assert new.expert.affiliation == "Example University"
    assert new.obtained_via == ExpertQuote.ObtainedVia.WRITTEN
    assert new.on_record is False
    assert Expert.objects.count() == 2


def test_once_the_body_starts_only_the_sections_are_keys(
    tmp_path, journalist, directory
):
    factcheck = import_full(tmp_path)

    assert factcheck.body == (
        "<p>The body starts here.</p>"
        "<p>Claim: this paragraph starts like a key, but the body has begun.</p>"
        "<h2>What the dose is</h2>"
        "<p>Sources: a paragraph, not the section.</p>"
    )
    assert factcheck.claims.count() == 2


def test_an_existing_directory_record_is_not_changed_by_an_article(
    tmp_path, journalist, directory
):
    """Details under a quote fill only a new expert: the directory is the editors'."""
    path = _write(
        tmp_path,
        "CLAIM: x\nFACT: y\nQUOTES:\n- Dr Asha Rao\n  credentials: Astrologer\n"
        "  quote: Words.\n",
    )
    run_import(path, "--author", "journalist")
    directory.refresh_from_db()
    assert directory.credentials == "Radiologist"


def test_the_rating_option_rates_only_the_claims_left_unrated(tmp_path, journalist):
    path = _write(
        tmp_path,
        "CLAIM: One\nRATING: Mostly true\nFACT: a\nCLAIM: Two\nFACT: b\n",
    )
    run_import(path, "--author", "journalist", "--rating", "false")
    ratings = Claim.objects.values_list("statement", "verdict__rating__slug")
    assert sorted(ratings) == [("One", "mostly-true"), ("Two", "false")]


def test_an_empty_fact_line_leaves_the_verdict_to_write(tmp_path, journalist):
    """A claim still being checked has no verdict yet; the gate asks before review."""
    path = _write(
        tmp_path, "CLAIM: Half the budget goes on consultants\nFACT:\nBody.\n"
    )
    run_import(path, "--author", "journalist")
    claim = Claim.objects.get()
    assert not Verdict.objects.filter(claim=claim).exists()

    run_import(path, "--author", "journalist", "--rating", "Unproven")
    rated = Claim.objects.exclude(pk=claim.pk).get()
    assert (rated.verdict.rating.slug, rated.verdict.summary) == ("unproven", "")


def test_a_partner_line_replaces_the_detected_credit(tmp_path, journalist):
    path = _write(
        tmp_path,
        "CLAIM: x\nFACT: y\nPARTNER: With the Example Desk.\n"
        "Body.\nWritten in collaboration with nobody else.\n",
    )
    run_import(path, "--author", "journalist")
    factcheck = FactCheck.objects.get()
    assert factcheck.partner_credit == "With the Example Desk."
    assert "in collaboration with nobody else" in factcheck.body


def test_a_slug_already_taken_gets_a_number(tmp_path, journalist):
    path = _write(tmp_path, "SLUG: my-check\nCLAIM: x\nFACT: y\n")
    run_import(path, "--author", "journalist")
    run_import(path, "--author", "journalist")
    assert sorted(FactCheck.objects.values_list("slug", flat=True)) == [
        "my-check",
        "my-check-2",
    ]


def test_a_new_claimant_is_valid_without_a_platform(tmp_path, journalist):
    path = _write(tmp_path, "CLAIM: x\nCLAIMANT: Viral WhatsApp forward\nFACT: y\n")
    run_import(path, "--author", "journalist")
    claimant = Claimant.objects.get()
    claimant.full_clean()
    assert claimant.slug == "viral-whatsapp-forward"


def test_claimant_details_fill_a_new_claimant(tmp_path, journalist):
    path = _write(
        tmp_path,
        "CLAIM: x\nCLAIMANT: Viral X post\n  kind: account\n  platform: X\n"
        "  handle: @tips\n  description: A consumer tips account.\nFACT: y\n",
    )
    run_import(path, "--author", "journalist")
    claimant = Claim.objects.get().claimant
    assert (claimant.kind, claimant.platform, claimant.handle) == (
        Claimant.Kind.ACCOUNT,
        "X",
        "@tips",
    )
    assert claimant.description == "A consumer tips account."


def test_a_new_account_lives_where_the_claim_first_appeared(tmp_path, journalist):
    path = _write(
        tmp_path,
        "CLAIM: x\nCLAIMANT: Viral video\n  kind: account\nFACT: y\n"
        "SEEN: https://example.org/a\n  where: Facebook\n"
        "SEEN: https://example.org/b\n  where: TikTok\n  first: yes\n"
        "CLAIM: z\nCLAIMANT: Forwarded message\n  platform: WhatsApp\nFACT: w\n",
    )
    run_import(path, "--author", "journalist")
    rows = Claimant.objects.order_by("name").values_list("name", "kind", "platform")
    assert list(rows) == [
        ("Forwarded message", "account", "WhatsApp"),
        ("Viral video", "account", "TikTok"),
    ]


def test_claimant_details_leave_a_claimant_on_file_as_it_is(tmp_path, journalist):
    on_file = Claimant.objects.create(name="Jane Doe, MP", slug="jane-doe")
    path = _write(
        tmp_path, "CLAIM: x\nCLAIMANT: jane doe, mp\n  kind: organisation\nFACT: y\n"
    )
    run_import(path, "--author", "journalist")
    on_file.refresh_from_db()
    assert Claim.objects.get().claimant == on_file
    assert on_file.kind == Claimant.Kind.PERSON


def test_an_author_who_may_not_write_is_refused(tmp_path, db):
    make_user(username="reader")
    path = _write(tmp_path, "CLAIM: x\nFACT: y\n")
    with pytest.raises(CommandError, match="'reader' may not create fact-checks"):
        run_import(path, "--author", "reader")
    assert FactCheck.objects.count() == 0


# Every new kind of bad input: one line, naming the line, and nothing saved.

_HEAD = "CLAIM: x\nFACT: y\n"
_SOURCE = "SOURCES:\n- A report — https://example.org/report\n"
_QUOTE = "QUOTES:\n- Dr Asha Rao\n  quote: Words.\n"
_SEEN = "SEEN: https://example.org/post\n"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        pytest.param(
            "TOPICS: A brand new topic\nCLAIM: x\nCLAIMANT: A new claimant\n"
            "FACT: y\nCLAIM: z\nRATING: Pants on fire\nFACT: w\n",
            6,
            "no rating labelled 'Pants on fire'; the scale has: True, Mostly true",
            id="unknown-rating",
        ),
        pytest.param(
            _HEAD + _SEEN + "  date: 2026-02-30\n",
            4,
            "'2026-02-30' is not a date as YYYY-MM-DD",
            id="impossible-date",
        ),
        pytest.param(
            _HEAD + _SOURCE + "  published: 1 March 2026\n",
            5,
            "'1 March 2026' is not a date as YYYY-MM-DD",
            id="date-in-words",
        ),
        pytest.param(
            _HEAD + "  medium: video\nBody.\n",
            3,
            "'medium:' has no item above it",
            id="detail-without-seen",
        ),
        pytest.param(
            _HEAD + "SOURCES:\n  publisher: Someone\n",
            4,
            "'publisher:' has no item above it",
            id="detail-before-first-source",
        ),
        pytest.param(
            _HEAD + "QUOTES:\nvia: phone\n",
            4,
            "'via:' has no item above it",
            id="detail-before-first-quote",
        ),
        pytest.param(
            "CLAIM: x\nCLAIMANT: A viral post\n  kind: account\nFACT: y\n",
            2,
            "the CLAIMANT: line is not valid (platform: Say which platform",
            id="account-without-platform",
        ),
        pytest.param(
            "CLAIM: x\nCLAIMANT: A viral post\n  kind: bot\nFACT: y\n",
            3,
            "unknown 'kind:' value 'bot'; use one of: person, organisation, account",
            id="unknown-claimant-kind",
        ),
        pytest.param(
            _HEAD + _SOURCE + "  kind: rumour\n",
            5,
            "unknown 'kind:' value 'rumour'; use one of: study, official",
            id="unknown-kind",
        ),
        pytest.param(
            _HEAD + _SOURCE + "  origin: tertiary\n",
            5,
            "unknown 'origin:' value 'tertiary'; use one of: primary, secondary",
            id="unknown-origin",
        ),
        pytest.param(
            _HEAD + _SEEN + "  medium: carrier pigeon\n",
            4,
            "unknown 'medium:' value 'carrier pigeon'; use one of: social, messaging",
            id="unknown-medium",
        ),
        pytest.param(
            _HEAD + _QUOTE + "  via: telepathy\n",
            6,
            "unknown 'via:' value 'telepathy'; use one of: interview, phone, written",
            id="unknown-via",
        ),
        pytest.param(
            _HEAD + _SOURCE + "  claim: 2\n",
            5,
            "source 1 is for claim 2, but the article has 1 claim",
            id="claim-number-out-of-range",
        ),
        pytest.param(
            _HEAD + _SOURCE + "  claim: first\n",
            5,
            "'first' is not a claim's number",
            id="claim-number-in-words",
        ),
        pytest.param(
            _HEAD + _SEEN + "  first: yes\nSEEN: https://example.org/b\n  first: yes\n",
            6,
            "claim 1 already has its first appearance (line 3)",
            id="two-first-appearances",
        ),
        pytest.param(
            _HEAD + _SEEN + "  first: maybe\n",
            4,
            "'maybe' should be 'yes' or 'no'",
            id="first-not-yes-or-no",
        ),
        pytest.param(
            _HEAD + "SEEN: example.org/post\n",
            3,
            "'example.org/post' is not a valid http(s) URL",
            id="bad-appearance-url",
        ),
        pytest.param(
            _HEAD + _SOURCE + "  archived: ftp://example.org/copy\n",
            5,
            "'ftp://example.org/copy' is not a valid http(s) URL",
            id="bad-archive-url",
        ),
        pytest.param(
            _HEAD + "SEEN:\n  medium: video\n",
            3,
            "an appearance needs a link after 'SEEN:' or a 'where:' line",
            id="appearance-without-place",
        ),
        pytest.param(
            _HEAD + _SEEN + "  colour: red\n",
            4,
            "'colour:' is not a detail of an appearance; use where:, medium:",
            id="unknown-detail",
        ),
        pytest.param(
            _HEAD + _SEEN + "  date: 2026-03-01\n  date: 2026-03-02\n",
            5,
            "a second 'date:' for an appearance (line 4)",
            id="repeated-detail",
        ),
        pytest.param(
            _HEAD + _SEEN + "  where:\n",
            4,
            "'where:' needs a value after it",
            id="empty-detail",
        ),
        pytest.param(
            _HEAD + _QUOTE + "  record: maybe\n",
            6,
            "'maybe' should be 'on' or 'off'",
            id="record-not-on-or-off",
        ),
        pytest.param(
            _HEAD + "QUOTES:\n- Dr Asha Rao\n  via: phone\n",
            4,
            "quote 1 has no 'quote:' line",
            id="quote-without-words",
        ),
        pytest.param(
            "HEADLINE: One\nHEADLINE: Two\n" + _HEAD,
            2,
            "a second 'HEADLINE:' line (the first is line 1)",
            id="repeated-article-key",
        ),
        pytest.param(
            _HEAD + "FACT: again\n",
            3,
            "a second 'FACT:' for claim 1 (the first is line 2)",
            id="repeated-claim-key",
        ),
        pytest.param(
            "CLAIMANT: Someone\n" + _HEAD,
            1,
            "'CLAIMANT:' with no 'CLAIM:' line above it",
            id="claim-key-before-claim",
        ),
        pytest.param(
            _HEAD + "CLAIM: z\nBody.\n",
            3,
            "claim 2 has no 'FACT:' paragraph",
            id="second-claim-without-fact",
        ),
        pytest.param(
            "SLUG: Not A Slug\n" + _HEAD,
            1,
            "'Not A Slug' is not a slug (lowercase letters, digits, hyphens); "
            "try 'not-a-slug'",
            id="bad-slug",
        ),
        pytest.param(
            "TOPICS:\n" + _HEAD,
            1,
            "'TOPICS:' needs a value after it",
            id="empty-topics",
        ),
        pytest.param(
            "LANGUAGE: tlh\n" + _HEAD,
            1,
            "the fact-check is not valid (language: Value 'tlh' is not a valid choice.",
            id="unknown-language",
        ),
        pytest.param(
            "TOPICS: " + "T" * 90 + "\n" + _HEAD,
            1,
            "the topic 'TTTT",
            id="topic-too-long",
        ),
        pytest.param(
            _HEAD + "QUOTES:\n- " + "E" * 250 + "\n  quote: Words.\n",
            4,
            "the expert of quote 1 is not valid (name: Ensure this value has at most",
            id="expert-name-too-long",
        ),
        pytest.param(
            _HEAD + _SOURCE + "SOURCES:\n",
            5,
            "a second 'SOURCES:' line (the first is line 3)",
            id="repeated-section",
        ),
        pytest.param(
            _HEAD + _SOURCE + "A paragraph after the sources.\n",
            5,
            "expected a source as '- Title — URL'",
            id="body-after-sources",
        ),
    ],
)
def test_bad_optional_lines_fail_on_their_line_and_create_nothing(
    tmp_path, journalist, content, line, message
):
    ExpertFactory(name="Dr Asha Rao")
    topics = Topic.objects.count()
    with pytest.raises(CommandError) as error:
        run_import(_write(tmp_path, content), "--author", "journalist")
    assert str(error.value).startswith(f"line {line}: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert FactCheck.objects.count() == Claim.objects.count() == 0
    assert Source.objects.count() == ExpertQuote.objects.count() == 0
    assert ClaimAppearance.objects.count() == Verdict.objects.count() == 0
    assert Claimant.objects.count() == 0
    assert Expert.objects.count() == 1
    assert Topic.objects.count() == topics


# The demo newsroom's articles are files in this format.


def test_the_demo_newsroom_has_its_nine_articles():
    assert len(DEMO_ARTICLES) == 9


@pytest.mark.parametrize("path", DEMO_ARTICLES, ids=lambda path: path.stem)
def test_every_demo_article_imports_on_its_own(path, journalist):
    """On a fresh database, with nothing but the migrations' rating scale."""
    output = run_import(path, "--author", "journalist")

    factcheck = FactCheck.objects.get()
    assert output.endswith(f"/admin/factcheck/factcheck/{factcheck.pk}/change/")
    assert factcheck.status == Status.DRAFT
    assert factcheck.slug == path.stem
    assert list(factcheck.authors.all()) == [journalist]
    assert factcheck.claims.exists() and factcheck.sources.exists()
    assert factcheck.topics.exists()
    for claimant in Claimant.objects.all():
        claimant.full_clean()
