"""Every change to a live fact-check has a class: what each shows readers, and who may publish it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from factcheck import editing, panel, workflow
from factcheck.models import Correction, FactCheck, Source, Status, Verdict
from tests.factories import make_user, publish_rerating, rating
from tests.records import log_of, state_of, what_readers_see

pytestmark = pytest.mark.django_db


def _fix_headline(revision, headline="Are bananas radioactive? Yes, slightly"):
    FactCheck.objects.filter(pk=revision.pk).update(headline=headline)
    return FactCheck.objects.get(pk=revision.pk)


def _article(client, factcheck):
    return client.get(factcheck.get_absolute_url()).content.decode()


def _claim_review(client, factcheck):
    items = client.get(reverse("factcheck:claimreviews")).json()["items"]
    return next(item for item in items if item["url"].endswith(factcheck.slug + "/"))


class TestMinor:
    def test_its_own_editor_publishes_it_alone_from_a_draft_and_readers_are_told_nothing(
        self, client, published, editor
    ):
        before = FactCheck.objects.get(pk=published.pk)
        feed_before = client.get(reverse("factcheck:feed")).content.decode()
        review_before = _claim_review(client, published)
        revision = _fix_headline(workflow.start_revision(published, editor))
        assert workflow.can_transition(editor, revision, workflow.Action.PUBLISH)

        workflow.publish(revision, editor, change_class="minor", note="Typo")

        row = FactCheck.objects.get(pk=published.pk)
        assert row.headline == "Are bananas radioactive? Yes, slightly"
        assert row.revised_at == before.revised_at  # no new date for readers
        assert not row.corrections.exists()
        assert log_of(row)[-1] == (
            "publish",
            "draft",
            "published",
            "Revision published as a minor change: Typo",
        )
        page = _article(client, row)
        assert "Yes, slightly" in page
        assert "Updated" not in page and 'id="corrections"' not in page
        assert "dateModified" not in _claim_review(client, row)
        assert (
            _claim_review(client, row)["datePublished"]
            == (review_before["datePublished"])
        )
        feed = client.get(reverse("factcheck:feed")).content.decode()
        assert "Yes, slightly" in feed
        assert feed.split("<pubDate>")[1] == feed_before.split("<pubDate>")[1]
        log = client.get(reverse("factcheck:corrections")).content.decode()
        assert "Yes, slightly" not in log

    @pytest.mark.parametrize(
        "change, named",
        [
            ("claims", "the claims"),
            ("summaries", "a verdict summary"),
            ("sources", "the sources"),
        ],
    )
    def test_it_is_refused_when_claims_verdicts_or_sources_change(
        self, published, editor, change, named
    ):
        revision = workflow.start_revision(published, editor)
        if change == "claims":
            revision.claims.update(statement="Bananas glow in the dark")
        elif change == "summaries":
            Verdict.objects.filter(claim__factcheck=revision).update(summary="New")
        else:
            Source.objects.filter(factcheck=revision).update(url="https://x.org/new")
        before = what_readers_see(published)
        with pytest.raises(workflow.TransitionNotAllowed, match=named):
            workflow.publish(revision, editor, change_class="minor")
        assert what_readers_see(published) == before
        assert FactCheck.objects.filter(pk=revision.pk).exists()

    def test_a_rating_change_is_refused_as_minor_and_named(self, published, editor):
        revision = workflow.start_revision(published, editor)
        Verdict.objects.filter(claim__factcheck=revision).update(rating=rating("true"))
        with pytest.raises(workflow.TransitionNotAllowed, match="is a re-rating"):
            workflow.publish(revision, editor, change_class="minor")

    def test_a_journalist_may_not_publish_it(self, published, journalist):
        revision = _fix_headline(workflow.start_revision(published, journalist))
        with pytest.raises(PermissionDenied):
            workflow.publish(revision, journalist, change_class="minor")
        assert FactCheck.objects.filter(pk=revision.pk).exists()


class TestPublicClasses:
    @pytest.mark.parametrize(
        "change_class, kind, line",
        [
            ("clarification", "Clarification", "Clarified on"),
            ("update", "Update", "Updated on"),
            ("correction", "Correction", "Corrected on"),
        ],
    )
    def test_each_shows_its_note_and_date_and_moves_the_dates(
        self, client, published, journalist, editor, change_class, kind, line
    ):
        revision = workflow.start_revision(published, journalist)
        Verdict.objects.filter(claim__factcheck=revision).update(
            summary="Bananas hold potassium-40, a tiny dose."
        )
        workflow.submit_for_review(revision, journalist)
        other = make_user("Editors", username="desk")

        live = workflow.publish(
            revision, other, change_class=change_class, note="We said 2023."
        )

        record = Correction.objects.get(factcheck=live)
        assert (record.kind, record.text, record.issued_by) == (
            change_class,
            "We said 2023.",
            other,
        )
        assert log_of(live)[-1][3] == (
            f"Revision published ({kind.lower()}): We said 2023."
        )
        page = _article(client, live)
        assert f'id="correction-{record.pk}"' in page
        assert kind in page and "We said 2023." in page
        review = _claim_review(client, live)
        assert review["dateModified"] == record.issued_at.isoformat()
        rss = client.get(reverse("factcheck:feed")).content.decode()
        assert f"{line} " in rss and "We said 2023." in rss
        # RSS gives the change's date (its one date); Atom keeps both.
        assert record.issued_at.strftime("%d %b %Y %H:%M") in rss
        atom = client.get(reverse("factcheck:feed-atom")).content.decode()
        assert f"<updated>{record.issued_at.isoformat()}</updated>" in atom
        assert f"<published>{live.first_published_at.isoformat()}" in atom

    def test_the_note_is_required(self, published, journalist, other_editor):
        revision = workflow.start_revision(published, journalist)
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(workflow.ValidationError, match="public note"):
            workflow.publish(revision, other_editor, change_class="update", note=" ")
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_the_class_is_required(self, published, journalist, other_editor):
        revision = workflow.start_revision(published, journalist)
        workflow.submit_for_review(revision, journalist)
        for wrong in ("", "typo"):
            with pytest.raises(workflow.TransitionNotAllowed, match="what kind"):
                workflow.publish(revision, other_editor, change_class=wrong)

    def test_they_need_review_and_another_editor(self, published, editor):
        revision = workflow.start_revision(published, editor)
        with pytest.raises(workflow.TransitionNotAllowed, match="submit this"):
            workflow.publish(revision, editor, change_class="update", note="N")
        workflow.submit_for_review(revision, editor)
        with pytest.raises(PermissionDenied, match="another editor"):
            workflow.publish(revision, editor, change_class="update", note="N")
        assert not Correction.objects.exists()

    def test_a_direct_correction_still_shows_the_same_way(
        self, client, published, editor
    ):
        record = editing.issue_correction(
            factcheck=published, user=editor, kind="correction", text="Wrong year."
        )
        page = _article(client, published)
        assert f'id="correction-{record.pk}"' in page and "Wrong year." in page
        assert "Corrected on" in client.get(reverse("factcheck:feed")).content.decode()

    def test_a_re_rating_is_not_issued_directly(self, published, editor):
        with pytest.raises(workflow.ValidationError, match="with a revision"):
            editing.issue_correction(
                factcheck=published, user=editor, kind="rerating", text="No."
            )
        assert not Correction.objects.exists()


class TestReRating:
    def _rerated(self, published, journalist):
        revision = workflow.start_revision(published, journalist)
        Verdict.objects.filter(claim__factcheck=revision).update(
            rating=rating("mostly-true")
        )
        workflow.submit_for_review(revision, journalist)
        return FactCheck.objects.get(pk=revision.pk)

    def test_it_needs_a_second_editors_vote_and_shows_old_and_new(
        self, client, published, journalist, editor, other_editor
    ):
        revision = self._rerated(published, journalist)
        before = state_of(published)
        with pytest.raises(panel.QuorumNotReached, match="re-rating needs 2"):
            workflow.publish(
                revision, other_editor, change_class="rerating", note="New study."
            )
        assert state_of(published) == before

        live = publish_rerating(revision, other_editor, editor, note="New study.")

        record = Correction.objects.get(factcheck=live)
        assert (record.kind, record.old_rating_label, record.new_rating_label) == (
            "rerating",
            "False",
            "Mostly true",
        )
        page = _article(client, live)
        header = page.split('<header class="article__header')[1].split("</header>")[0]
        assert "Re-rated on" in header
        assert "from “False” to “Mostly true”" in header
        review = _claim_review(client, live)
        assert review["reviewRating"]["alternateName"] == "Mostly true"
        assert review["dateModified"] == record.issued_at.isoformat()
        assert "Re-rated on" in client.get(reverse("factcheck:feed")).content.decode()

    def test_an_authors_vote_does_not_count(
        self, published, journalist, editor, other_editor
    ):
        revision = self._rerated(published, journalist)
        with pytest.raises(PermissionDenied):
            panel.vote(revision.claims.get(), journalist, rating("mostly-true"))
        with pytest.raises(panel.QuorumNotReached):
            workflow.publish(revision, other_editor, change_class="rerating", note="N")

    def test_a_rating_change_must_be_published_as_a_re_rating(
        self, published, journalist, other_editor
    ):
        revision = self._rerated(published, journalist)
        with pytest.raises(workflow.TransitionNotAllowed, match="is a re-rating"):
            workflow.publish(revision, other_editor, change_class="update", note="N")

    def test_no_rating_change_is_no_re_rating(
        self, published, journalist, other_editor
    ):
        revision = workflow.start_revision(published, journalist)
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(workflow.TransitionNotAllowed, match="not a re-rating"):
            workflow.publish(revision, other_editor, change_class="rerating", note="N")


class TestAdmin:
    def test_the_publish_step_asks_for_the_class_and_note(
        self, client, published, journalist, other_editor
    ):
        revision = workflow.start_revision(published, journalist)
        workflow.submit_for_review(revision, journalist)
        client.force_login(other_editor)
        url = reverse(
            "admin:factcheck_factcheck_workflow", args=[revision.pk, "publish"]
        )
        response = client.post(url, {"change_class": "update"}, follow=True)
        assert "Write the public note" in response.content.decode()
        assert FactCheck.objects.filter(pk=revision.pk).exists()

        response = client.post(
            url, {"change_class": "clarification", "note": "Clearer."}, follow=True
        )
        assert "Published: readers can see it now." in response.content.decode()
        assert published.corrections.get().kind == "clarification"

    def test_the_panel_asks_for_the_second_editor_on_a_re_rating(
        self, client, published, journalist, other_editor
    ):
        revision = workflow.start_revision(published, journalist)
        Verdict.objects.filter(claim__factcheck=revision).update(rating=rating("true"))
        workflow.submit_for_review(revision, journalist)
        client.force_login(other_editor)
        page = client.get(
            reverse("admin:factcheck_factcheck_change", args=[revision.pk])
        ).content.decode()
        assert "another editor must agree with each new rating" in page
        assert 'class="vote-form"' in page
