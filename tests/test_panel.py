"""The rating panel: editors vote on each claim's rating before it is published."""

import pytest
from django.core.exceptions import PermissionDenied

from factcheck import panel, workflow
from factcheck.models import (
    RatingVote,
    Status,
    TransitionLog,
    Verdict,
)
from tests.factories import (
    make_factcheck,
    make_user,
    rating,
)
from tests.records import state_of

Action = workflow.Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel_of_three(settings):
    settings.FACTCHECK_PANEL_VOTES = 3
    return settings


@pytest.fixture
def third_editor(db):
    return make_user("Editors", username="deputy")


class TestRatingPanel:
    def test_with_the_default_the_publishing_editor_suffices(self, in_review, editor):
        assert panel.panel_size() == 1
        workflow.publish(in_review, editor)
        assert in_review.is_published is True

    def test_with_three_votes_publishing_waits_for_the_quorum(
        self, panel_of_three, in_review, editor, other_editor, third_editor
    ):
        claim = in_review.claims.get()
        with pytest.raises(panel.QuorumNotReached) as error:
            workflow.publish(in_review, editor)
        assert "1 of the 3 editors" in error.value.messages[0]
        panel.vote(claim, other_editor, rating("false"), "Solid sourcing.")
        with pytest.raises(panel.QuorumNotReached, match="2 of the 3"):
            workflow.publish(in_review, editor)
        assert state_of(in_review)[0] == Status.REVIEW
        panel.vote(claim, third_editor, rating("false"))
        workflow.publish(in_review, editor)
        assert in_review.is_published is True

    def test_dissent_does_not_count_towards_the_quorum(
        self, panel_of_three, in_review, editor, other_editor, third_editor
    ):
        claim = in_review.claims.get()
        panel.vote(claim, other_editor, rating("false"))
        ballot = panel.vote(
            claim, third_editor, rating("misleading"), "The video is out of context."
        )
        assert ballot.agrees is False
        with pytest.raises(panel.QuorumNotReached, match="2 of the 3"):
            workflow.publish(in_review, editor)
        entry = TransitionLog.objects.filter(factcheck=in_review).first()
        assert (entry.action, entry.user) == ("vote", third_editor)
        assert "proposes “Misleading” instead of “False”" in entry.note
        assert "The video is out of context." in entry.note

    def test_every_claim_needs_its_quorum(
        self, panel_of_three, journalist, editor, other_editor, third_editor
    ):
        factcheck = make_factcheck(authors=[journalist], claims=2)
        workflow.submit_for_review(factcheck, journalist)
        first, second = factcheck.claims.all()
        for voter in (other_editor, third_editor):
            panel.vote(first, voter, rating("false"))
        with pytest.raises(panel.QuorumNotReached) as error:
            workflow.publish(factcheck, editor)
        assert error.value.messages == [
            f"Claim 2 (“{second.statement}”): 1 of the 3 editors the rating panel "
            "needs agree with its rating, counting you."
        ]

    def test_changing_the_verdict_turns_agreement_into_dissent(
        self, panel_of_three, in_review, editor, other_editor, third_editor
    ):
        claim = in_review.claims.get()
        for voter in (other_editor, third_editor):
            panel.vote(claim, voter, rating("false"))
        Verdict.objects.filter(claim=claim).update(rating=rating("misleading"))
        with pytest.raises(panel.QuorumNotReached):
            workflow.publish(in_review, editor)

    def test_voting_again_replaces_the_vote_and_both_are_logged(
        self, in_review, other_editor
    ):
        claim = in_review.claims.get()
        panel.vote(claim, other_editor, rating("misleading"))
        panel.vote(claim, other_editor, rating("false"), "Convinced now.")
        ballot = RatingVote.objects.get(claim=claim)
        assert (ballot.rating.slug, ballot.comment, ballot.agrees) == (
            "false",
            "Convinced now.",
            True,
        )
        notes = list(
            TransitionLog.objects.filter(action="vote").values_list("note", flat=True)
        )
        assert notes[0].startswith("Claim 1 (“")
        assert "agrees with “False”" in notes[0]
        assert "proposes “Misleading”" in notes[1]

    def test_votes_do_not_carry_over_to_the_next_review_round(
        self, panel_of_three, in_review, journalist, editor, other_editor, third_editor
    ):
        claim = in_review.claims.get()
        for voter in (other_editor, third_editor):
            panel.vote(claim, voter, rating("false"))
        workflow.request_changes(in_review, editor, "Add the date of the video.")
        workflow.submit_for_review(in_review, journalist)
        assert not RatingVote.objects.filter(claim=claim).exists()
        with pytest.raises(panel.QuorumNotReached):
            workflow.publish(in_review, editor)
        assert TransitionLog.objects.filter(action="vote").count() == 2

    def test_only_editors_vote_and_only_in_review(
        self, draft, in_review, journalist, editor
    ):
        with pytest.raises(PermissionDenied):
            panel.vote(in_review.claims.get(), journalist, rating("false"))
        other = make_factcheck(authors=[journalist])
        with pytest.raises(workflow.TransitionNotAllowed, match="in review"):
            panel.vote(other.claims.get(), editor, rating("false"))
        assert not RatingVote.objects.exists()

    def test_authors_do_not_vote_on_their_own_verdicts(self, editor):
        own = make_factcheck(authors=[editor])
        workflow.submit_for_review(own, editor)
        with pytest.raises(PermissionDenied, match="cannot vote"):
            panel.vote(own.claims.get(), editor, rating("false"))


class TestPublishersOwnVote:
    def test_the_publisher_cannot_overrule_their_own_dissent(
        self, panel_of_three, in_review, editor, other_editor, third_editor
    ):
        claim = in_review.claims.get()
        panel.vote(claim, other_editor, rating("false"))
        panel.vote(claim, third_editor, rating("false"))
        panel.vote(claim, editor, rating("misleading"), "Too harsh.")
        with pytest.raises(panel.QuorumNotReached, match="you voted for"):
            workflow.publish(in_review, editor)
        assert state_of(in_review)[0] == Status.REVIEW
        panel.vote(claim, editor, rating("false"), "Fine after all.")
        workflow.publish(in_review, editor)
        assert in_review.is_published is True


def test_ballots_from_authors_do_not_count(
    panel_of_three, journalist, editor, other_editor, third_editor
):
    factcheck = make_factcheck(authors=[journalist])
    workflow.submit_for_review(factcheck, journalist)
    claim = factcheck.claims.get()
    panel.vote(claim, other_editor, rating("false"))
    panel.vote(claim, third_editor, rating("false"))
    factcheck.bylines.create(author=third_editor, ordering=1)
    with pytest.raises(panel.QuorumNotReached, match="2 of the 3"):
        workflow.publish(factcheck, editor)
