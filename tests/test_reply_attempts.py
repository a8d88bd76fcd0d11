"""The right of reply: attempts logged on the article's form, shown under each claim,
asked for by the gate when the newsroom says so, and kept through revisions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from factcheck import gate, workflow
from factcheck.models import FactCheck, ReplyAttempt
from tests.adminforms import add_rows, change_url, checklist_url, form_data
from tests.factories import ClaimantFactory, make_factcheck

pytestmark = pytest.mark.django_db

MAY_3 = datetime.datetime(2026, 5, 3, 9, 30, tzinfo=datetime.UTC)
MAY_5 = datetime.datetime(2026, 5, 5, 15, 0, tzinfo=datetime.UTC)


def log_attempt(claim, **fields):
    return ReplyAttempt.objects.create(
        factcheck=claim.factcheck, claim=claim, **{"contacted_at": MAY_3, **fields}
    )


@pytest.fixture
def draft(journalist):
    factcheck = make_factcheck(authors=[journalist], claims=2)
    first, second = factcheck.claims.all()
    first.claimant = ClaimantFactory(name="Jane Doe")
    first.save()
    second.claimant = ClaimantFactory(name="The Campaign")
    second.save()
    return factcheck


def row(**fields):
    """A new reply-attempt row as the admin's date and time pickers post it."""
    return {
        "channel": "email",
        "contacted_at_0": "2026-05-03",
        "contacted_at_1": "09:30:00",
        "response": "",
        "responded_at_0": "",
        "responded_at_1": "",
        **fields,
    }


class TestArticleLine:
    def test_each_claim_gets_its_line_once_published(
        self, client, draft, journalist, editor
    ):
        jane, campaign = draft.claims.all()
        log_attempt(jane, channel="email")
        log_attempt(
            jane,
            channel="phone",
            contacted_at=MAY_5,
            response="We stand by the figure.",
            responded_at=MAY_5,
        )
        log_attempt(campaign, channel="letter")
        workflow.submit_for_review(draft, journalist)
        workflow.publish(draft, editor)

        content = client.get(draft.get_absolute_url()).content.decode()
        assert (
            "We contacted Jane Doe on 3 and 5 May 2026 by email and by phone; they "
            "replied on 5 May: “We stand by the figure”."
        ) in content
        assert (
            "We contacted The Campaign on 3 May 2026 by letter; they did not respond."
        ) in content
        assert content.count("<dt>Right of reply</dt>") == 2

    def test_no_attempt_no_line(self, client, draft, journalist, editor):
        workflow.submit_for_review(draft, journalist)
        workflow.publish(draft, editor)
        content = client.get(draft.get_absolute_url()).content.decode()
        assert "Right of reply" not in content
        assert "We contacted" not in content

    def test_a_claim_without_a_claimant_shows_no_line(self, client, draft, journalist):
        jane = draft.claims.first()
        log_attempt(jane)
        jane.claimant = None
        jane.save()
        client.force_login(journalist)  # only a preview can lack a claimant
        content = client.get(draft.get_absolute_url()).content.decode()
        assert "We contacted" not in content

    def test_the_line_costs_no_query_per_claim(
        self, client, draft, journalist, editor, django_assert_max_num_queries
    ):
        for claim in draft.claims.all():
            log_attempt(claim)
        workflow.submit_for_review(draft, journalist)
        workflow.publish(draft, editor)
        with django_assert_max_num_queries(3):
            content = client.get(draft.get_absolute_url()).content.decode()
        assert content.count("We contacted") == 2


class TestGate:
    def test_off_by_default_nothing_is_asked(self, draft, journalist):
        assert gate.check_saved(draft).passed is True
        assert workflow.submit_for_review(draft, journalist).status == "review"

    def test_on_each_claim_with_a_claimant_needs_an_attempt(
        self, draft, journalist, settings
    ):
        settings.FACTCHECK_REQUIRE_REPLY_ATTEMPT = True
        jane, campaign = draft.claims.all()
        log_attempt(jane)
        assert gate.check_saved(draft).problems == [
            f"Claim 2 (“{campaign.statement}”): log an attempt to reach The "
            "Campaign for their reply (Right of reply)."
        ]
        with pytest.raises(ValidationError, match="log an attempt to reach The"):
            workflow.submit_for_review(draft, journalist)
        assert FactCheck.objects.get(pk=draft.pk).status == "draft"

        log_attempt(campaign)
        assert workflow.submit_for_review(draft, journalist).status == "review"

    def test_the_live_checklist_counts_attempts_being_added(
        self, as_journalist, draft, settings
    ):
        settings.FACTCHECK_REQUIRE_REPLY_ATTEMPT = True
        jane, campaign = draft.claims.all()
        data = form_data(as_journalist.get(change_url(draft)))
        problems = as_journalist.post(checklist_url(draft), data).json()["problems"]
        assert len(problems) == 2 and "Jane Doe" in problems[0]
        add_rows(
            data,
            "reply_attempts",
            [row(claim=jane.pk), row(claim=campaign.pk, channel="phone")],
        )
        assert as_journalist.post(checklist_url(draft), data).json()["passed"] is True
        assert not ReplyAttempt.objects.exists()  # the checklist saves nothing


class TestAdmin:
    def test_an_author_logs_attempts_on_their_draft(
        self, as_journalist, journalist, draft
    ):
        jane = draft.claims.first()
        data = form_data(as_journalist.get(change_url(draft)))
        add_rows(
            data,
            "reply_attempts",
            [row(claim=jane.pk, response="No comment", responded_at_0="2026-05-04")],
        )
        data["reply_attempts-0-responded_at_1"] = "12:00:00"
        assert as_journalist.post(change_url(draft), data).status_code == 302
        attempt = ReplyAttempt.objects.get()
        assert (attempt.claim, attempt.logged_by, attempt.response) == (
            jane,
            journalist,
            "No comment",
        )
        assert attempt.contacted_at == MAY_3

    def test_the_claim_menu_offers_this_articles_claims_only(
        self, as_journalist, draft, journalist
    ):
        other = make_factcheck(authors=[journalist]).claims.get()
        data = form_data(as_journalist.get(change_url(draft)))
        add_rows(data, "reply_attempts", [row(claim=other.pk)])
        response = as_journalist.post(change_url(draft), data)
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not ReplyAttempt.objects.exists()

    def test_a_reply_before_the_contact_is_refused(self, as_journalist, draft):
        data = form_data(as_journalist.get(change_url(draft)))
        add_rows(
            data,
            "reply_attempts",
            [
                row(
                    claim=draft.claims.first().pk,
                    response="Too early",
                    responded_at_0="2026-05-01",
                    responded_at_1="09:00:00",
                )
            ],
        )
        response = as_journalist.post(change_url(draft), data)
        assert response.status_code == 200
        assert "cannot have responded before you contacted them" in (
            response.content.decode()
        )
        assert not ReplyAttempt.objects.exists()

    def test_a_reply_date_without_a_reply_is_refused(self, as_journalist, draft):
        data = form_data(as_journalist.get(change_url(draft)))
        add_rows(
            data,
            "reply_attempts",
            [
                row(
                    claim=draft.claims.first().pk,
                    responded_at_0="2026-05-04",
                    responded_at_1="09:00:00",
                )
            ],
        )
        response = as_journalist.post(change_url(draft), data)
        assert "Give their response, or clear the date" in response.content.decode()
        assert not ReplyAttempt.objects.exists()

    def test_an_editor_logs_attempts_on_anyones_draft(self, as_editor, editor, draft):
        data = form_data(as_editor.get(change_url(draft)))
        add_rows(data, "reply_attempts", [row(claim=draft.claims.first().pk)])
        assert as_editor.post(change_url(draft), data).status_code == 302
        assert ReplyAttempt.objects.get().logged_by == editor

    def test_another_journalist_sees_them_read_only(
        self, client, draft, other_journalist
    ):
        log_attempt(draft.claims.first(), response="Seen")
        client.force_login(other_journalist)
        response = client.get(change_url(draft))
        inline = next(
            inline
            for inline in response.context["inline_admin_formsets"]
            if inline.formset.prefix == "reply_attempts"
        )
        assert inline.has_add_permission is False
        assert inline.has_change_permission is False
        assert inline.has_delete_permission is False
        assert "Seen" in response.content.decode()

    def test_a_published_article_takes_them_through_a_revision(
        self, client, draft, journalist, editor
    ):
        workflow.submit_for_review(draft, journalist)
        workflow.publish(draft, editor)
        client.force_login(journalist)
        response = client.get(change_url(draft))
        inline = next(
            inline
            for inline in response.context["inline_admin_formsets"]
            if inline.formset.prefix == "reply_attempts"
        )
        assert inline.has_add_permission is False


class TestRevision:
    def test_attempts_are_copied_to_the_revision_and_merged_back(
        self, client, draft, journalist, editor
    ):
        jane, campaign = draft.claims.all()
        log_attempt(jane, response="First answer", logged_by=journalist)
        workflow.submit_for_review(draft, journalist)
        live = workflow.publish(draft, editor)

        revision = workflow.start_revision(live, journalist)
        copied = ReplyAttempt.objects.get(factcheck=revision)
        assert copied.claim.factcheck_id == revision.pk
        assert copied.claim.statement == jane.statement
        assert (copied.response, copied.contacted_at, copied.logged_by) == (
            "First answer",
            MAY_3,
            journalist,
        )
        # The claimant answers later: logged on the revision.
        late = revision.claims.get(statement=campaign.statement)
        log_attempt(
            late, response="A late reply", responded_at=timezone.now(), channel="phone"
        )
        assert (
            "A late reply" not in client.get(live.get_absolute_url()).content.decode()
        )

        workflow.submit_for_review(revision, journalist)
        workflow.publish(
            FactCheck.objects.get(pk=revision.pk),
            editor,
            change_class="update",
            note="The campaign has replied.",
        )

        kept = ReplyAttempt.objects.filter(factcheck=live).order_by("response")
        assert [(a.response, a.claim.factcheck_id) for a in kept] == [
            ("A late reply", live.pk),
            ("First answer", live.pk),
        ]
        assert not ReplyAttempt.objects.exclude(factcheck=live).exists()
        content = client.get(live.get_absolute_url()).content.decode()
        assert "they replied: “A late reply”" not in content  # it has a date
        assert "The Campaign on 3 May 2026 by phone; they replied on" in content
