"""`manage.py import_factcheck`: the seed lands in the right places; bad input changes nothing."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from factcheck.models import Claim, Claimant, FactCheck, Source, Status

pytestmark = pytest.mark.django_db


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
