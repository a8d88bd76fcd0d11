"""The edit service: creating drafts, saving edits, corrections, part changes.

Every write moves the article's version on and stamps who made it; a save
made on an older version is refused and changes nothing; corrections are
checked and logged like workflow steps.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from factcheck import editing, permissions, workflow
from factcheck.models import Correction, FactCheck, Priority, Status, TransitionLog
from tests.adminforms import form_data
from tests.factories import CorrectionFactory, make_factcheck, make_published, make_user

pytestmark = pytest.mark.django_db

Action = TransitionLog.Action
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's row locks"
)


def stored(factcheck):
    return FactCheck.objects.get(pk=factcheck.pk)


class TestCreateDraft:
    def test_a_new_draft_is_stamped_with_who_started_it(self, journalist):
        draft = editing.create_draft(
            user=journalist, factcheck=FactCheck(headline="Is it so?", slug="is-it-so")
        )
        row = stored(draft)
        assert (row.status, row.created_by, row.updated_by, row.lock_version) == (
            Status.DRAFT,
            journalist,
            journalist,
            0,
        )

    def test_a_state_given_by_the_caller_is_ignored(self, journalist):
        draft = editing.create_draft(
            user=journalist,
            factcheck=FactCheck(headline="H", slug="h", status=Status.PUBLISHED),
        )
        assert stored(draft).status == Status.DRAFT

    def test_someone_without_the_role_creates_nothing(self):
        visitor = make_user(username="visitor")
        with pytest.raises(permissions.NotAllowed):
            editing.create_draft(
                user=visitor, factcheck=FactCheck(headline="H", slug="h")
            )
        assert not FactCheck.objects.exists()

    def test_an_invalid_draft_is_refused_before_saving(self, journalist):
        make_factcheck(slug="taken")
        with pytest.raises(ValidationError) as error:
            editing.create_draft(
                user=journalist, factcheck=FactCheck(headline="H", slug="taken")
            )
        assert "slug" in error.value.message_dict
        assert FactCheck.objects.count() == 1

    def test_an_existing_article_is_not_created_again(self, journalist):
        existing = make_factcheck(authors=[journalist])
        with pytest.raises(ValueError, match="new fact-check"):
            editing.create_draft(user=journalist, factcheck=existing)


class TestSaveEdit:
    def test_an_edit_is_saved_as_the_next_version(self, journalist, other_journalist):
        draft = make_factcheck(authors=[journalist])
        draft.headline = "A better headline"
        editing.save_edit(factcheck=draft, user=journalist, version=0)
        row = stored(draft)
        assert (row.headline, row.lock_version, row.updated_by) == (
            "A better headline",
            1,
            journalist,
        )

    def test_an_edit_on_an_older_version_is_refused_and_changes_nothing(
        self, journalist, editor
    ):
        draft = make_factcheck(authors=[journalist])
        theirs = stored(draft)
        theirs.headline = "The editor's headline"
        editing.save_edit(factcheck=theirs, user=editor, version=0)

        draft.headline = "The journalist's headline"
        with pytest.raises(editing.EditConflict) as conflict:
            editing.save_edit(factcheck=draft, user=journalist, version=0)

        assert conflict.value.current_version == 1
        assert editor.get_full_name() in conflict.value.message
        row = stored(draft)
        assert (row.headline, row.lock_version) == ("The editor's headline", 1)

    def test_workflow_state_is_never_written_from_an_edit(
        self, journalist, editor, other_editor
    ):
        """An assignment made while the form was open survives the save."""
        in_review = workflow.submit_for_review(
            make_factcheck(authors=[journalist]), journalist
        )
        opened = stored(in_review)
        workflow.assign_review(in_review, editor, other_editor, priority=Priority.HIGH)
        opened.standfirst = "Tightened."
        editing.save_edit(factcheck=opened, user=editor, version=opened.lock_version)
        row = stored(in_review)
        assert (row.standfirst, row.assignee, row.review_priority, row.status) == (
            "Tightened.",
            other_editor,
            Priority.HIGH,
            Status.REVIEW,
        )

    @pytest.mark.parametrize("who", ["other_journalist", "author_in_review"])
    def test_who_may_not_edit_changes_nothing(self, who, journalist, other_journalist):
        draft = make_factcheck(authors=[journalist], headline="Before")
        user = other_journalist
        if who == "author_in_review":
            workflow.submit_for_review(draft, journalist)
            user = journalist
        row = stored(draft)
        row.headline = "After"
        with pytest.raises(permissions.NotAllowed):
            editing.save_edit(factcheck=row, user=user, version=row.lock_version)
        assert stored(draft).headline == "Before"


class TestCorrections:
    @pytest.fixture
    def live(self, journalist, editor):
        return make_published(journalist, editor)

    def test_an_editor_issues_a_correction_and_it_is_logged(self, live, editor):
        correction = editing.issue_correction(
            factcheck=live,
            user=editor,
            kind=Correction.Kind.CORRECTION,
            text="We gave the wrong year for the study.",
        )
        assert (correction.issued_by, correction.factcheck) == (editor, live)
        entry = TransitionLog.objects.filter(factcheck=live).first()
        assert (entry.action, entry.user, entry.note) == (
            Action.CORRECT,
            editor,
            "Correction: We gave the wrong year for the study.",
        )

    def test_a_correction_makes_open_forms_stale(self, live, editor):
        before = stored(live).lock_version
        editing.issue_correction(
            factcheck=live, user=editor, kind="update", text="New figures came out."
        )
        row = stored(live)
        assert (row.lock_version, row.updated_by) == (before + 1, editor)

    def test_a_journalist_issues_no_correction(self, live, journalist):
        with pytest.raises(permissions.NotAllowed):
            editing.issue_correction(
                factcheck=live, user=journalist, kind="correction", text="Oops."
            )
        assert not live.corrections.exists()

    def test_what_readers_have_not_seen_takes_no_correction(
        self, journalist, editor, other_editor
    ):
        scheduled = workflow.submit_for_review(
            make_factcheck(authors=[journalist]), journalist
        )
        workflow.publish(
            scheduled, other_editor, at=timezone.now() + datetime.timedelta(days=1)
        )
        for article in (make_factcheck(authors=[journalist]), scheduled):
            with pytest.raises(permissions.NotAllowed):
                editing.issue_correction(
                    factcheck=article, user=editor, kind="correction", text="Oops."
                )
        assert not Correction.objects.exists()

    def test_an_empty_correction_is_refused_and_nothing_is_logged(self, live, editor):
        logged = TransitionLog.objects.count()
        with pytest.raises(ValidationError):
            editing.issue_correction(
                factcheck=live, user=editor, kind="correction", text=""
            )
        assert not live.corrections.exists()
        assert TransitionLog.objects.count() == logged

    def test_a_correction_is_reworded_and_the_new_wording_logged(self, live, editor):
        correction = CorrectionFactory(factcheck=live, issued_by=editor)
        editing.reword_correction(
            correction=correction,
            user=editor,
            kind=Correction.Kind.CLARIFICATION,
            text="The study was published in 2021, not 2012.",
            issued_at=correction.issued_at,
        )
        correction.refresh_from_db()
        assert correction.kind == Correction.Kind.CLARIFICATION
        entry = TransitionLog.objects.filter(factcheck=live).first()
        assert (entry.action, entry.note) == (
            Action.REWORD_CORRECTION,
            "Clarification: The study was published in 2021, not 2012.",
        )

    def test_a_journalist_rewords_no_correction(self, live, editor, journalist):
        correction = CorrectionFactory(factcheck=live, issued_by=editor)
        with pytest.raises(permissions.NotAllowed):
            editing.reword_correction(
                correction=correction,
                user=journalist,
                kind=correction.kind,
                text="Changed.",
                issued_at=correction.issued_at,
            )
        correction.refresh_from_db()
        assert correction.text != "Changed."


class TestPartChanges:
    def test_a_part_saved_on_its_own_page_makes_the_article_a_new_version(
        self, client, journalist
    ):
        draft = make_factcheck(authors=[journalist])
        claim = draft.claims.get()
        client.force_login(journalist)
        url = reverse("admin:factcheck_claim_change", args=[claim.pk])
        data = form_data(client.get(url))
        data["statement"] = "Reworded on the claim's own page"
        assert client.post(url, data).status_code == 302
        row = stored(draft)
        assert (row.lock_version, row.updated_by) == (1, journalist)

    def test_a_part_of_an_article_in_review_is_not_the_authors_to_change(
        self, journalist
    ):
        in_review = workflow.submit_for_review(
            make_factcheck(authors=[journalist]), journalist
        )
        with pytest.raises(permissions.NotAllowed):
            editing.record_part_change(factcheck=in_review, user=journalist)


@postgresql_only
def test_the_live_checklist_locks_nothing(client, journalist):
    draft = make_factcheck(authors=[journalist])
    client.force_login(journalist)
    data = form_data(
        client.get(reverse("admin:factcheck_factcheck_change", args=[draft.pk]))
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            reverse("admin:factcheck_factcheck_checklist", args=[draft.pk]), data
        )
    assert response.status_code == 200
    assert not [q["sql"] for q in queries if "FOR UPDATE" in q["sql"]]


@postgresql_only
def test_saving_the_form_holds_the_row_until_the_save_commits(client, journalist):
    """The version is checked under a row lock, so no save slips in between."""
    draft = make_factcheck(authors=[journalist])
    url = reverse("admin:factcheck_factcheck_change", args=[draft.pk])
    client.force_login(journalist)
    data = form_data(client.get(url))
    with CaptureQueriesContext(connection) as queries:
        assert client.post(url, data).status_code == 302
    assert [q["sql"] for q in queries if "FOR UPDATE" in q["sql"]]
