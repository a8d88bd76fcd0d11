"""Revisions: a live article changes only when its revision is approved.

A revision is a working copy of a published fact-check. It is edited and
reviewed like a draft while readers keep the live version, then published
over the original, which keeps its address and its dates.
"""

import datetime
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from factcheck import revisions, workflow
from factcheck.models import (
    Byline,
    Claim,
    Correction,
    ExpertQuote,
    FactCheck,
    Source,
    Status,
    TransitionLog,
    Verdict,
)
from tests.adminforms import add_rows, form_data
from tests.concurrency import at_once
from tests.factories import (
    AppearanceFactory,
    CorrectionFactory,
    ExpertQuoteFactory,
    SourceFactory,
    TopicFactory,
    make_factcheck,
    make_user,
    rating,
)

pytestmark = pytest.mark.django_db

Action = workflow.Action


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


def what_readers_see(factcheck):
    """The live article's content, as a comparable value."""
    row = FactCheck.objects.get(pk=factcheck.pk)
    return {
        "headline": row.headline,
        "body": row.body,
        "slug": row.slug,
        "published_at": row.published_at,
        "status": row.status,
        "claims": [
            (claim.statement, claim.verdict.rating.slug, claim.verdict.summary)
            for claim in row.claims.select_related("verdict__rating")
        ],
        "sources": sorted(row.sources.values_list("title", flat=True)),
        "quotes": list(row.quotes.values_list("text", flat=True)),
        "authors": list(row.bylines.values_list("author__username", flat=True)),
        "topics": list(row.topics.values_list("slug", flat=True)),
    }


def content(factcheck):
    """What a revision carries: all readers see but the address, date and state."""
    seen = what_readers_see(factcheck)
    for own in ("slug", "published_at", "status"):
        del seen[own]
    return seen


def log_of(factcheck):
    return list(
        TransitionLog.objects.filter(factcheck=factcheck)
        .order_by("pk")
        .values_list("action", "from_status", "to_status", "note")
    )


class TestStart:
    def test_an_author_starts_a_copy_of_everything_readers_see(
        self, live, journalist, coauthor, django_assert_max_num_queries
    ):
        before = what_readers_see(live)
        with django_assert_max_num_queries(30):
            revision = workflow.start_revision(live, journalist)

        revision = FactCheck.objects.get(pk=revision.pk)
        assert (revision.revision_of, revision.status, revision.created_by) == (
            live,
            Status.DRAFT,
            journalist,
        )
        assert revision.slug == f"{live.slug}-revision"
        assert revision.published_at is revision.first_published_at is None
        for field in (
            "headline",
            "standfirst",
            "key_points",
            "body",
            "hero_image_alt",
            "hero_image_credit",
            "hero_image_caption",
            "editor",
            "language",
            "partner_credit",
        ):
            assert getattr(revision, field) == getattr(live, field), field
        # The same stored file: nothing re-uploaded, nothing to delete.
        assert revision.hero_image.name == live.hero_image.name
        assert revision.hero_image.storage.exists(live.hero_image.name)
        assert list(revision.bylines.values_list("author", "ordering")) == [
            (journalist.pk, 0),
            (coauthor.pk, 1),
        ]
        assert list(revision.topics.all()) == list(live.topics.all())
        assert content(revision) == content(live)

        copies, originals = list(revision.claims.all()), list(live.claims.all())
        assert not {c.pk for c in copies} & {c.pk for c in originals}
        assert [c.claimant_id for c in copies] == [c.claimant_id for c in originals]
        assert list(copies[0].appearances.values_list("url", "outlet")) == list(
            originals[0].appearances.values_list("url", "outlet")
        )
        # Each source points at the copy of its claim, or at none, as before.
        assert sorted(
            (source.title, source.claim.statement if source.claim else None)
            for source in revision.sources.select_related("claim")
        ) == sorted(
            (source.title, source.claim.statement if source.claim else None)
            for source in live.sources.select_related("claim")
        )
        assert all(
            source.claim is None or source.claim.factcheck_id == revision.pk
            for source in revision.sources.select_related("claim")
        )
        fields = ["expert", "text", "obtained_via", "obtained_on", "on_record"]
        assert list(revision.quotes.values(*fields, "ordering")) == list(
            live.quotes.values(*fields, "ordering")
        )
        assert log_of(live)[-1] == ("revise", "published", "published", "")
        assert what_readers_see(live) == before

    def test_another_journalist_may_not_revise_it(self, live, other_journalist):
        entries = log_of(live)
        assert workflow.can_transition(other_journalist, live, Action.REVISE) is False
        with pytest.raises(PermissionDenied, match="authors and the editors"):
            workflow.start_revision(live, other_journalist)
        assert not live.revisions.exists()
        assert log_of(live) == entries

    def test_anonymous_visitors_may_not_revise_it(self, live):
        with pytest.raises(PermissionDenied):
            workflow.start_revision(live, AnonymousUser())
        assert not live.revisions.exists()

    def test_any_editor_may_revise_any_live_article(self, live, other_editor):
        assert workflow.can_transition(other_editor, live, Action.REVISE) is True
        revision = workflow.start_revision(live, other_editor)
        assert revision.created_by == other_editor

    def test_one_revision_at_a_time(self, live, journalist, editor):
        first = workflow.start_revision(live, journalist)
        assert workflow.can_transition(editor, live, Action.REVISE) is False
        with pytest.raises(workflow.RevisionAlreadyOpen, match="in progress") as error:
            workflow.start_revision(live, editor)
        assert error.value.revision == first
        assert list(live.revisions.all()) == [first]
        assert [entry[0] for entry in log_of(live)].count("revise") == 1

    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_two_people_starting_at_once_open_one_revision(
        self, journalist, editor, other_editor, monkeypatch
    ):
        if connection.vendor != "postgresql":
            pytest.skip("SQLite has no row locks: run with DATABASE_URL=postgres://...")
        live = make_factcheck(authors=[journalist])
        workflow.submit_for_review(live, journalist)
        workflow.publish(live, editor)
        # Without the row lock both would find no revision open, then copy.
        copy = revisions.copy

        def slow_copy(original, user):
            time.sleep(0.3)
            return copy(original, user)

        monkeypatch.setattr(revisions, "copy", slow_copy)

        def press_start(user):
            workflow.start_revision(FactCheck.objects.get(pk=live.pk), user)

        outcomes = at_once(
            press_start, [journalist, other_editor], workflow.RevisionAlreadyOpen
        )

        assert outcomes == ["done", "refused"]
        assert live.revisions.count() == 1
        assert [entry[0] for entry in log_of(live)].count("revise") == 1

    def test_a_taken_slug_gets_a_number(self, live, journalist):
        make_factcheck(slug=f"{live.slug}-revision")
        revision = workflow.start_revision(live, journalist)
        assert revision.slug == f"{live.slug}-revision-2"

    def test_only_what_readers_see_now_is_revised(self, journalist, editor):
        draft = make_factcheck(authors=[journalist])
        with pytest.raises(workflow.TransitionNotAllowed, match="this one is draft"):
            workflow.start_revision(draft, editor)
        workflow.submit_for_review(draft, journalist)
        workflow.publish(draft, editor, at=timezone.now() + datetime.timedelta(days=1))
        with pytest.raises(workflow.TransitionNotAllowed, match="one is scheduled"):
            workflow.start_revision(draft, editor)
        assert not FactCheck.objects.filter(revision_of__isnull=False).exists()

    def test_a_revision_is_not_revised(self, live, journalist, editor):
        revision = workflow.start_revision(live, journalist)
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.start_revision(revision, editor)


@pytest.fixture
def revision(live, journalist):
    return workflow.start_revision(live, journalist)


def rewrite(revision, other_journalist):
    """Change every kind of part of ``revision``, as the admin form would."""
    FactCheck.objects.filter(pk=revision.pk).update(
        headline="The claim is still false, and here is new evidence",
        body="<p>A new study confirms it.</p>",
    )
    first, second = revision.claims.all()
    Verdict.objects.filter(claim=first).update(
        rating=rating("misleading"), summary="Partly: the figure is out of date."
    )
    second.delete()
    SourceFactory(factcheck=revision, claim=first, title="The 2026 study")
    ExpertQuote.objects.filter(factcheck=revision).update(text="Now confirmed.")
    Byline.objects.create(factcheck=revision, author=other_journalist, ordering=2)
    revision.topics.set([TopicFactory(name="Science", slug="science")])
    return FactCheck.objects.get(pk=revision.pk)


class TestWhileRevising:
    def test_readers_keep_the_live_version_until_publication(
        self, client, live, revision, journalist, other_journalist, editor
    ):
        before = what_readers_see(live)
        rewrite(revision, other_journalist)
        assert what_readers_see(live) == before
        workflow.submit_for_review(revision, journalist)
        assert what_readers_see(live) == before
        page = client.get(live.get_absolute_url()).content.decode()
        assert live.headline in page
        assert "new evidence" not in page
        assert FactCheck.objects.published().get() == live

    def test_the_copy_has_no_public_page(self, client, revision, editor):
        url = revision.get_absolute_url()
        assert url != revision.revision_of.get_absolute_url()
        assert client.get(url).status_code == 404
        client.force_login(editor)
        response = client.get(url)
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]

    def test_a_revision_is_edited_like_a_draft(
        self, live, revision, journalist, other_journalist, editor
    ):
        assert workflow.can_edit(journalist, revision) is True
        assert workflow.can_edit(other_journalist, revision) is False
        assert workflow.can_edit(editor, revision) is True
        # The live article stays read-only; it takes corrections only.
        assert workflow.can_edit(journalist, live) is False
        assert workflow.can_edit(editor, live) is False
        assert workflow.can_correct(editor, live) is True
        assert workflow.can_correct(editor, revision) is False
        workflow.submit_for_review(revision, journalist)
        assert workflow.can_edit(journalist, revision) is False
        assert workflow.can_edit(editor, revision) is True

    def test_changes_can_be_requested_on_a_revision(
        self, live, revision, journalist, editor
    ):
        workflow.submit_for_review(revision, journalist)
        workflow.request_changes(revision, editor, "Cite the new study.")
        assert FactCheck.objects.get(pk=revision.pk).status == Status.DRAFT
        assert log_of(revision)[-1] == (
            "request_changes",
            "review",
            "draft",
            "Cite the new study.",
        )
        assert workflow.can_edit(journalist, revision) is True

    def test_an_incomplete_revision_is_refused_by_the_gate(
        self, live, revision, journalist
    ):
        Verdict.objects.filter(claim__factcheck=revision).update(summary="")
        with pytest.raises(workflow.IncompleteFactCheck, match="no verdict summary"):
            workflow.submit_for_review(revision, journalist)
        assert FactCheck.objects.get(pk=revision.pk).status == Status.DRAFT

    def test_unpublishing_applies_to_the_original_only(self, revision, editor):
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.unpublish(revision, editor, "Wrong one.")
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.unpublish(revision, editor, "Wrong one.", retract=True)
        assert FactCheck.objects.get(pk=revision.pk).status == Status.DRAFT


class TestPublish:
    def test_publishing_puts_the_revision_live_at_the_same_address(
        self,
        client,
        live,
        revision,
        journalist,
        coauthor,
        other_journalist,
        editor,
        other_editor,
        mailoutbox,
        django_capture_on_commit_callbacks,
        django_assert_max_num_queries,
    ):
        url, published_at = live.get_absolute_url(), live.published_at
        version, updated_at = live.lock_version, live.updated_at
        revision = rewrite(revision, other_journalist)
        workflow.submit_for_review(revision, journalist)
        expected = what_readers_see(revision) | {
            "slug": live.slug,
            "published_at": published_at,
            "status": Status.PUBLISHED,
        }
        revision_log = log_of(revision)

        with (
            django_capture_on_commit_callbacks(execute=True),
            django_assert_max_num_queries(65),
        ):
            result = workflow.publish(revision, other_editor)

        assert result == live
        assert not FactCheck.objects.filter(pk=revision.pk).exists()
        assert what_readers_see(live) == expected
        row = FactCheck.objects.get(pk=live.pk)
        assert row.first_published_at == published_at
        assert row.updated_at > updated_at
        assert row.lock_version > version
        assert row.editor == editor  # the credit copied from the live article
        assert row.claims.get().verdict.rating.slug == "misleading"
        assert not Claim.objects.filter(factcheck=None).exists()
        assert Source.objects.count() == row.sources.count()
        # The whole history is on the live article, ending with the publication.
        history = log_of(live)
        assert history[:2] == [
            ("submit", "draft", "review", ""),
            ("publish", "review", "published", ""),
        ]
        assert history[2][0] == "revise"
        assert history[3:-1] == revision_log
        assert history[-1] == ("publish", "review", "published", "Revision published")
        page = client.get(url)
        assert page.status_code == 200
        assert "new evidence" in page.content.decode()
        items = client.get(reverse("factcheck:claimreviews")).json()["items"]
        assert items[0]["reviewRating"]["alternateName"] == "Misleading"
        assert sorted(address for m in mailoutbox for address in m.to) == [
            "coauthor@example.org",
            "journalist@example.org",
            "reporter@example.org",
        ]

    def test_no_editor_publishes_a_revision_they_started(
        self, live, other_editor, editor
    ):
        revision = workflow.start_revision(live, other_editor)
        workflow.submit_for_review(revision, other_editor)
        assert workflow.can_transition(other_editor, revision, Action.PUBLISH) is False
        with pytest.raises(PermissionDenied, match="another editor"):
            workflow.publish(revision, other_editor)
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW
        workflow.publish(revision, editor)
        assert not FactCheck.objects.filter(pk=revision.pk).exists()

    def test_a_co_author_on_the_byline_does_not_publish_it(
        self, journalist, other_editor, editor
    ):
        shared = make_factcheck(authors=[journalist, other_editor])
        workflow.submit_for_review(shared, journalist)
        workflow.publish(shared, editor)
        revision = workflow.start_revision(shared, journalist)
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(PermissionDenied):
            workflow.publish(revision, other_editor)
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_the_gate_is_checked_again_at_publication(
        self, live, revision, journalist, editor, settings
    ):
        before = what_readers_see(live)
        workflow.submit_for_review(revision, journalist)
        settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 5
        with pytest.raises(workflow.IncompleteFactCheck, match="at least 5"):
            workflow.publish(revision, editor)
        assert what_readers_see(live) == before
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_the_rating_panel_votes_on_the_revision(
        self, live, revision, journalist, editor, other_editor, settings
    ):
        settings.FACTCHECK_PANEL_VOTES = 2
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(workflow.QuorumNotReached):
            workflow.publish(revision, editor)
        for claim in revision.claims.all():
            workflow.vote(claim, other_editor, claim.verdict.rating)
        workflow.publish(revision, editor)
        assert not FactCheck.objects.filter(pk=revision.pk).exists()

    def test_a_revision_cannot_be_scheduled(self, live, revision, journalist, editor):
        before = what_readers_see(live)
        workflow.submit_for_review(revision, journalist)
        entries = log_of(revision)
        with pytest.raises(workflow.TransitionNotAllowed, match="cannot be scheduled"):
            workflow.publish(
                revision, editor, at=timezone.now() + datetime.timedelta(hours=2)
            )
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW
        assert log_of(revision) == entries
        assert what_readers_see(live) == before

    def test_a_correction_made_meanwhile_survives(
        self, live, revision, journalist, editor
    ):
        correction = CorrectionFactory(factcheck=live, issued_by=editor)
        workflow.submit_for_review(revision, journalist)
        workflow.publish(revision, editor)
        assert list(live.corrections.all()) == [correction]
        assert not Correction.objects.exclude(factcheck=live).exists()

    @pytest.mark.parametrize("retract", [False, True])
    def test_an_original_taken_off_the_site_is_not_overwritten(
        self, live, revision, journalist, editor, retract
    ):
        workflow.submit_for_review(revision, journalist)
        workflow.unpublish(live, editor, "Legal hold.", retract=retract)
        before = what_readers_see(live)
        status = "retracted" if retract else "draft"
        assert workflow.revision_conflict(FactCheck.objects.get(pk=revision.pk)) == (
            f"“{live.headline}” is no longer live (it is {status}), so this "
            "revision cannot be published over it."
        )
        with pytest.raises(workflow.TransitionNotAllowed, match="no longer live"):
            workflow.publish(revision, editor)
        assert what_readers_see(live) == before
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_an_original_republished_meanwhile_is_not_overwritten(
        self, live, revision, journalist, editor
    ):
        workflow.unpublish(live, editor, "Fixing the date in place.")
        FactCheck.objects.filter(pk=live.pk).update(headline="Fixed in place")
        workflow.submit_for_review(live, journalist)
        workflow.publish(live, editor)
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(workflow.TransitionNotAllowed, match="may have changed"):
            workflow.publish(revision, editor)
        assert FactCheck.objects.get(pk=live.pk).headline == "Fixed in place"

    def test_a_revision_is_published_once(self, live, revision, journalist, editor):
        workflow.submit_for_review(revision, journalist)
        stale = FactCheck.objects.get(pk=revision.pk)
        workflow.publish(revision, editor)
        with pytest.raises(workflow.TransitionNotAllowed, match="no longer exists"):
            workflow.publish(stale, editor)
        assert [entry[3] for entry in log_of(live)].count("Revision published") == 1

    def test_a_new_revision_can_start_once_one_is_published(
        self, live, revision, journalist, editor
    ):
        workflow.submit_for_review(revision, journalist)
        workflow.publish(revision, editor)
        again = workflow.start_revision(live, journalist)
        assert again.slug == f"{live.slug}-revision"


# The admin: buttons, banners and refusals.


def change_url(factcheck):
    return reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])


def step_url(factcheck, action):
    return reverse("admin:factcheck_factcheck_workflow", args=[factcheck.pk, action])


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


class TestAdmin:
    def test_the_author_starts_a_revision_from_the_live_article(
        self, client, live, journalist
    ):
        client.force_login(journalist)
        page = client.get(change_url(live)).content.decode()
        assert f'action="{step_url(live, "revise")}"' in page
        assert "Start a revision" in page

        response = client.post(step_url(live, "revise"), follow=True)

        revision = live.revisions.get()
        assert response.redirect_chain == [(change_url(revision), 302)]
        assert shown_messages(response) == [
            "Revision started: readers keep seeing the live version until this "
            "revision is published."
        ]
        assert response.context["has_change_permission"] is True

    def test_a_forbidden_post_gets_403_and_changes_nothing(
        self, client, live, other_journalist
    ):
        entries = log_of(live)
        client.force_login(other_journalist)
        page = client.get(change_url(live)).content.decode()
        assert step_url(live, "revise") not in page
        assert client.post(step_url(live, "revise")).status_code == 403
        assert not live.revisions.exists()
        assert log_of(live) == entries
        client.logout()
        response = client.post(step_url(live, "revise"))
        assert response["Location"].startswith(reverse("admin:login"))
        assert not live.revisions.exists()

    def test_forbidden_posts_on_a_revision_get_403_and_change_nothing(
        self, client, live, revision, journalist, other_journalist
    ):
        client.force_login(journalist)
        data = form_data(client.get(change_url(revision)))
        workflow.submit_for_review(revision, journalist)
        entries = log_of(revision)
        data["headline"] = "Changed by hand"
        # The author may not publish, nor edit once it is in review.
        assert client.post(step_url(revision, "publish")).status_code == 403
        assert client.post(change_url(revision), data).status_code == 403
        client.force_login(other_journalist)
        assert (
            client.post(
                step_url(revision, "request_changes"), {"note": "x"}
            ).status_code
            == 403
        )
        row = FactCheck.objects.get(pk=revision.pk)
        assert (row.status, row.headline) == (Status.REVIEW, live.headline)
        assert log_of(revision) == entries

    def test_an_open_revision_is_linked_instead_of_a_second_one(
        self, client, live, revision, editor
    ):
        client.force_login(editor)
        response = client.get(change_url(live))
        page = response.content.decode()
        assert step_url(live, "revise") not in page
        assert "Continue the open revision" in page
        assert f'href="{change_url(revision)}"' in page

        response = client.post(step_url(live, "revise"), follow=True)

        assert response.redirect_chain == [(change_url(live), 302)]
        assert "already has a revision in progress" in shown_messages(response)[0]
        assert "Continue the open revision" in response.content.decode()
        assert list(live.revisions.all()) == [revision]

    def test_the_revision_says_what_it_is(
        self, client, live, revision, journalist, django_assert_max_num_queries
    ):
        client.force_login(journalist)
        with django_assert_max_num_queries(40):
            response = client.get(change_url(revision))
        page = response.content.decode()
        assert (
            f'This is a revision of <a href="{change_url(live)}">{live.headline}</a> '
            f'(<a href="{live.get_absolute_url()}"'
        ) in page
        assert (
            "Readers keep seeing the live version until this revision is published."
            in page
        )
        form = response.context["adminform"].form
        assert "slug" not in form.fields
        assert "headline" in form.fields
        assert revision.slug in page  # shown, read-only
        assert "Continue the open revision" not in page

    def test_the_journalist_edits_the_revision_and_the_live_article_stays(
        self, client, live, revision, journalist
    ):
        before = what_readers_see(live)
        client.force_login(journalist)
        data = form_data(client.get(change_url(revision)))
        data["headline"] = "Updated: the claim is still false"
        add_rows(
            data,
            "sources",
            [
                {
                    "title": "The 2026 study",
                    "url": "https://example.org/2026",
                    "kind": "study",
                    "origin": "primary",
                    "ordering": 5,
                }
            ],
        )
        response = client.post(change_url(revision), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        revision.refresh_from_db()
        assert revision.headline == "Updated: the claim is still false"
        assert revision.slug == f"{live.slug}-revision"
        assert revision.sources.filter(title="The 2026 study").exists()
        assert what_readers_see(live) == before

    def test_the_live_checklist_works_on_a_revision(self, client, revision, journalist):
        client.force_login(journalist)
        data = form_data(client.get(change_url(revision)))
        url = reverse("admin:factcheck_factcheck_checklist", args=[revision.pk])
        assert client.post(url, data).json()["problems"] == []
        data["claims-0-verdict_summary"] = ""
        assert "no verdict summary" in client.post(url, data).json()["problems"][0]

    def test_the_editor_publishes_the_revision_now_only(
        self, client, live, revision, journalist, other_editor
    ):
        workflow.submit_for_review(revision, journalist)
        client.force_login(other_editor)
        response = client.get(change_url(revision))
        publish = next(
            item
            for item in response.context["workflow"]["steps"]
            if item["step"].action == "publish"
        )
        assert "at" not in publish["form"].fields
        assert 'class="workflow-step workflow-step-publish"' in (
            response.content.decode()
        )

        response = client.post(step_url(revision, "publish"), follow=True)

        assert response.redirect_chain == [(change_url(live), 302)]
        assert shown_messages(response) == ["Published: readers can see it now."]
        assert not FactCheck.objects.filter(pk=revision.pk).exists()
        assert "Revision published" in response.content.decode()

    def test_the_banner_says_when_the_revision_can_no_longer_be_published(
        self, client, live, revision, editor
    ):
        workflow.unpublish(live, editor, "Legal hold.")
        client.force_login(editor)
        page = client.get(change_url(revision)).content.decode()
        assert "is no longer live (it is draft)" in page
        assert "Readers keep seeing the live version" not in page

    def test_the_list_marks_revisions_and_filters_them(
        self, client, live, revision, editor, django_assert_max_num_queries
    ):
        client.force_login(editor)
        url = reverse("admin:factcheck_factcheck_changelist")
        with django_assert_max_num_queries(20):
            page = client.get(url).content.decode()
        assert f"Revision of “{live.headline}”" in page
        response = client.get(url, {"revision": "yes"})
        assert list(response.context["cl"].result_list) == [revision]
        response = client.get(url, {"revision": "no"})
        assert list(response.context["cl"].result_list) == [live]

    def test_a_revision_in_review_waits_on_the_dashboard(
        self, client, revision, journalist, editor
    ):
        workflow.submit_for_review(revision, journalist)
        client.force_login(editor)
        response = client.get(reverse("admin:index"))
        assert response.context["editor"]["waiting"] == [revision]
        assert "(revision)" in response.content.decode()

    def test_its_authors_abandon_a_revision_by_deleting_it(
        self, client, live, revision, journalist, other_journalist
    ):
        before = what_readers_see(live)
        url = reverse("admin:factcheck_factcheck_delete", args=[revision.pk])
        client.force_login(other_journalist)
        assert client.post(url, {"post": "yes"}).status_code == 403
        client.force_login(journalist)
        assert client.post(url, {"post": "yes"}).status_code == 302
        assert not FactCheck.objects.filter(pk=revision.pk).exists()
        assert what_readers_see(live) == before
        assert live.hero_image.storage.exists(live.hero_image.name)
        # The live article itself is never deleted.
        live_url = reverse("admin:factcheck_factcheck_delete", args=[live.pk])
        assert client.post(live_url, {"post": "yes"}).status_code == 403
