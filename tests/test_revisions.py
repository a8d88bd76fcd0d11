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
from django.utils import timezone

from factcheck import permissions, revisions, workflow
from factcheck.models import (
    Byline,
    Claim,
    ClaimAppearance,
    ExpertQuote,
    FactCheck,
    ReplyAttempt,
    Source,
    Status,
    Verdict,
)
from tests.concurrency import at_once
from tests.factories import (
    TopicFactory,
    make_factcheck,
    make_user,
    rewrite_revision,
)
from tests.records import content, log_of, what_readers_see

pytestmark = pytest.mark.django_db

Action = workflow.Action


class TestStart:
    def test_an_author_starts_a_copy_of_everything_readers_see(
        self, live, journalist, coauthor, django_assert_max_num_queries
    ):
        before = what_readers_see(live)
        # The copy is validated like any new draft (editing.create_draft),
        # and stored as the revision's first version (versions.record).
        with django_assert_max_num_queries(50):
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


class TestWhileRevising:
    def test_readers_keep_the_live_version_until_publication(
        self, client, live, revision, journalist, other_journalist, editor
    ):
        before = what_readers_see(live)
        rewrite_revision(revision, other_journalist)
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
        assert permissions.can_edit(journalist, revision) is True
        assert permissions.can_edit(other_journalist, revision) is False
        assert permissions.can_edit(editor, revision) is True
        # The live article stays read-only; it takes corrections only.
        assert permissions.can_edit(journalist, live) is False
        assert permissions.can_edit(editor, live) is False
        assert permissions.can_correct(editor, live) is True
        assert permissions.can_correct(editor, revision) is False
        workflow.submit_for_review(revision, journalist)
        assert permissions.can_edit(journalist, revision) is False
        assert permissions.can_edit(editor, revision) is True

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
        assert permissions.can_edit(journalist, revision) is True

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


class TestFieldCensus:
    """Every field is content (a revision carries it) or workflow state (it
    stays the original's), so a new field cannot be dropped unnoticed."""

    def test_every_field_of_the_article_is_classed_once(self):
        fields = {field.name for field in FactCheck._meta.concrete_fields}
        content, state = set(revisions.CONTENT_FIELDS), set(revisions.STATE_FIELDS)
        assert content | state == fields
        assert not content & state
        relations = {field.name for field in FactCheck._meta.many_to_many}
        # The byline is a part (Byline rows), copied with the other parts.
        assert relations == set(revisions.CONTENT_RELATIONS) | {"authors"}

    def test_every_content_field_reaches_the_live_article(
        self, live, revision, journalist, editor, png_upload
    ):
        changed = {}
        for name in revisions.CONTENT_FIELDS:
            field = FactCheck._meta.get_field(name)
            if name == "editor":
                changed[name] = make_user("Editors", username="credited")
            elif name == "language":
                changed[name] = "fr"
            elif name == "hero_image":
                continue  # a file: the stored name is compared below
            else:
                changed[name] = f"New {field.verbose_name}"
        for name, value in changed.items():
            setattr(revision, name, value)
        revision.hero_image = png_upload(name="new.png")
        revision.save()
        revision.topics.set([TopicFactory(name="Climate", slug="climate")])
        new_image = FactCheck.objects.get(pk=revision.pk).hero_image.name
        workflow.submit_for_review(revision, journalist)
        original = workflow.publish(
            FactCheck.objects.get(pk=revision.pk),
            editor,
            change_class="update",
            note="New figures.",
        )

        row = FactCheck.objects.get(pk=original.pk)
        for name, value in changed.items():
            assert getattr(row, name) == value, name
        assert row.hero_image.name == new_image != live.hero_image.name
        assert list(row.topics.values_list("slug", flat=True)) == ["climate"]

    def test_every_field_of_every_part_is_copied(self, live, journalist):
        """Parts are copied whole: only their keys and links to the article differ."""
        links = {"id", "factcheck", "claim"}
        ReplyAttempt.objects.create(
            factcheck=live,
            claim=live.claims.first(),
            channel=ReplyAttempt.Channel.PHONE,
            contacted_at=timezone.now() - datetime.timedelta(days=2),
            response="We disagree.",
            responded_at=timezone.now(),
            logged_by=journalist,
        )
        revision = workflow.start_revision(live, journalist)
        for model in (Byline, Claim, Source, ExpertQuote, ReplyAttempt):
            originals = model.objects.filter(factcheck=live).order_by("pk")
            copies = model.objects.filter(factcheck=revision).order_by("pk")
            names = [f.name for f in model._meta.concrete_fields if f.name not in links]
            assert [[getattr(row, n) for n in names] for row in originals] == [
                [getattr(row, n) for n in names] for row in copies
            ], model.__name__
        for model in (Verdict, ClaimAppearance):
            names = [f.name for f in model._meta.concrete_fields if f.name not in links]

            def values(article, model=model, names=names):
                rows = model.objects.filter(claim__factcheck=article).order_by("pk")
                return [[getattr(row, n) for n in names] for row in rows]

            assert values(live) == values(revision), model.__name__
