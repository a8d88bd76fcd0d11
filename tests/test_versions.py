"""Versions of a fact-check: one per save with every part, a readable diff of
any two, the reviewer's shortcuts, and restoring (never straight to live)."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from factcheck import diff, versions, workflow
from factcheck.models import ArticleVersion, FactCheck, TransitionLog
from tests.adminforms import change_url, form_data, shown_messages
from tests.factories import make_factcheck, make_user, rating, rewrite_revision

pytestmark = pytest.mark.django_db


def versions_url(factcheck):
    return reverse("admin:factcheck_factcheck_versions", args=[factcheck.pk])


def compare_url(factcheck, **params):
    url = reverse("admin:factcheck_factcheck_compare", args=[factcheck.pk])
    return url + (
        "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    )


def save(client, factcheck, **changes):
    data = form_data(client.get(change_url(factcheck)))
    data.update(changes)
    response = client.post(change_url(factcheck), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return FactCheck.objects.get(pk=factcheck.pk)


@pytest.fixture
def draft(journalist):
    return make_factcheck(authors=[journalist], claims=2, headline="First headline")


def test_every_save_stores_the_whole_article_with_its_parts(as_journalist, draft):
    save(as_journalist, draft, **{"claims-0-verdict_summary": "Old summary."})
    saved = save(
        as_journalist,
        draft,
        headline="Second headline",
        **{"claims-0-rating": rating("misleading").pk},
    )

    newest, before = ArticleVersion.objects.filter(factcheck=draft)[:2]
    assert newest.number == saved.lock_version
    content = newest.content
    assert content["article"]["fields"]["headline"] == "Second headline"
    assert before.content["article"]["fields"]["headline"] == "First headline"
    assert len(content["claims"]) == 2 and len(content["sources"]) == 2
    verdict = content["claims"][0]["verdict"]
    assert verdict["labels"]["rating"] == "Misleading"
    assert content["claims"][0]["labels"]["claimant"]
    assert content["bylines"][0]["labels"]["author"]


def test_the_diff_marks_words_and_parts(draft, journalist):
    old = versions.snapshot(draft)
    FactCheck.objects.filter(pk=draft.pk).update(headline="A sharper headline")
    first, second = draft.claims.all()
    first.verdict.summary = "The figure is out of date."
    first.verdict.save()
    second.delete()
    new = versions.snapshot(FactCheck.objects.get(pk=draft.pk))

    sections = {section.title: section for section in diff.compare(old, new)}
    headline = next(c for c in sections["The article"].changes if c.label == "Headline")
    assert "<del>First</del>" in headline.old and "<ins>A sharper</ins>" in headline.new
    claims = sections["Claims and verdicts"].changes
    assert [c.kind for c in claims] == ["changed", "removed"]
    assert "<ins>" in claims[0].new and "out of date" in claims[0].new
    assert diff.compare(new, new) == []


def test_the_compare_page_shows_both_sides(as_journalist, draft):
    save(as_journalist, draft)
    save(as_journalist, draft, headline="Second headline")
    page = as_journalist.get(compare_url(draft))
    assert page.status_code == 200
    content = page.content.decode()
    assert "<del>First</del>" in content and "<ins>Second</ins>" in content


def test_changes_since_it_was_sent_back(client, draft, journalist, editor):
    client.force_login(journalist)
    save(client, draft)
    workflow.submit_for_review(draft, journalist)
    workflow.request_changes(draft, editor, "Name the study.")
    save(client, draft, standfirst="Now with the 2021 review named.")
    workflow.submit_for_review(draft, journalist)

    client.force_login(editor)
    page = client.get(versions_url(draft)).content.decode()
    assert "Changes since it was last sent back" in page
    sent_back = versions.sent_back_version(draft)
    compared = client.get(compare_url(draft, **{"from": sent_back.pk}))
    assert "2021 review named" in strip_tags(compared.content.decode())
    assert [s.title for s in compared.context["sections"]] == ["The article"]


def test_a_revision_compares_against_the_live_version(as_editor, revision, journalist):
    rewrite_revision(revision, make_user("Journalists"))
    versions.record(FactCheck.objects.get(pk=revision.pk), journalist)
    page = as_editor.get(compare_url(revision, **{"from": "live"}))
    assert page.status_code == 200
    titles = [s.title for s in page.context["sections"]]
    assert titles[:2] == ["The article", "Claims and verdicts"]
    assert "new evidence" in strip_tags(page.content.decode())


def test_restoring_a_draft_writes_a_new_version_and_logs_it(as_journalist, draft):
    save(as_journalist, draft)
    first = ArticleVersion.objects.filter(factcheck=draft).first()
    changed = save(as_journalist, draft, headline="Regretted headline")
    FactCheck.objects.get(pk=draft.pk).claims.last().delete()

    url = reverse("admin:factcheck_factcheck_restore", args=[draft.pk, first.pk])
    response = as_journalist.post(url)

    assert response.status_code == 302
    restored = FactCheck.objects.get(pk=draft.pk)
    assert restored.headline == "First headline"
    assert restored.claims.count() == 2 and restored.sources.count() == 2
    assert restored.lock_version > changed.lock_version
    assert TransitionLog.objects.filter(
        factcheck=draft, action=TransitionLog.Action.RESTORE
    ).exists()
    assert "Restored" in ArticleVersion.objects.filter(factcheck=draft).first().note


def test_restoring_a_live_article_opens_a_revision_and_leaves_it_live(
    as_editor, live, editor
):
    versions.record(live, editor, "As published")
    oldest = live.versions.first()
    FactCheck.objects.filter(pk=live.pk).update(headline="Live headline now")

    response = as_editor.post(
        reverse("admin:factcheck_factcheck_restore", args=[live.pk, oldest.pk])
    )

    assert FactCheck.objects.get(pk=live.pk).headline == "Live headline now"
    revision = FactCheck.objects.get(revision_of=live)
    assert revision.headline == oldest.content["article"]["fields"]["headline"]
    assert response["Location"] == change_url(revision)


def test_a_restore_is_refused_in_review_and_to_outsiders(client, draft, journalist):
    client.force_login(journalist)
    save(client, draft)
    version = draft.versions.first()
    workflow.submit_for_review(draft, journalist)
    url = reverse("admin:factcheck_factcheck_restore", args=[draft.pk, version.pk])
    response = client.post(url, follow=True)
    assert any("Withdraw it from review" in m for m in shown_messages(response))

    client.force_login(make_user("Journalists"))  # not an author
    assert client.post(url).status_code in (302, 403)
    assert FactCheck.objects.get(pk=draft.pk).status == "review"
    assert not TransitionLog.objects.filter(action=TransitionLog.Action.RESTORE)


def test_unknown_versions_are_404s(as_journalist, draft):
    assert as_journalist.get(compare_url(draft, to="x")).status_code == 404
    assert as_journalist.get(compare_url(draft, to=999999)).status_code == 404


def test_a_long_note_is_cut_to_fit_its_column(draft, journalist):
    version = versions.record(draft, journalist, "A correction note. " * 40)
    limit = ArticleVersion._meta.get_field("note").max_length
    assert len(version.note) <= limit and version.note.endswith("…")
