"""The desk's inbox in the admin: matches, one-click answers, tips turned into drafts."""

import pytest
from django.core import mail
from django.urls import reverse

from factcheck import permissions, triage
from factcheck.models import (
    Claim,
    FactCheck,
    ReaderMessage,
    ReaderNotice,
    Status,
    TransitionLog,
)
from tests.adminforms import (
    DOOR_QUERIES,
    change_url,
    checklist_url,
    form_data,
)
from tests.factories import make_factcheck, make_published
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

TIP_TEXT = "My uncle says you can see the great wall of China from space"


def message_url(message, action="change", *args):
    return reverse(f"admin:factcheck_readermessage_{action}", args=[message.pk, *args])


@pytest.fixture
def wall():
    factcheck = make_published(
        headline="No, the Great Wall of China is not visible from space"
    )
    Claim.objects.filter(factcheck=factcheck).update(
        statement="The Great Wall of China is visible from space with the naked eye"
    )
    FactCheck.objects.filter(pk=factcheck.pk).index_for_search()
    return factcheck


@pytest.fixture
def tip():
    return ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.TIP,
        message=TIP_TEXT,
        url="https://social.example/post/9",
        name="Ana",
        email="reader@example.org",
        may_email=True,
    )


def test_the_editor_sees_the_match_with_its_score_and_answers_in_one_click(
    as_editor, editor, wall, tip, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20 + DOOR_QUERIES):
        response = as_editor.get(message_url(tip))
    page = response.content.decode()
    [match] = response.context["desk"]["already_checked"]
    assert match.factcheck == wall
    assert f"{match.percent}% alike" in page
    assert wall.headline in page
    assert wall.get_absolute_url() in page  # the live page, to read it first
    answer = message_url(tip, "answer", wall.pk)
    assert f'action="{answer}"' in page
    assert "Answer with this fact-check" in page

    response = as_editor.post(answer, follow=True)
    assert "The reader will get an email" in response.content.decode()
    run_jobs()
    [email] = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    assert wall.get_absolute_url() in email.body
    tip.refresh_from_db()
    assert (tip.state, tip.factcheck, tip.handled_by) == (
        ReaderMessage.State.DONE,
        wall,
        editor,
    )


def test_a_journalist_triages_but_does_not_write_to_readers(as_journalist, wall, tip):
    page = as_journalist.get(message_url(tip)).content.decode()
    assert wall.headline in page
    assert "Answer with this fact-check" not in page
    assert "Turn into a fact-check" in page
    response = as_journalist.post(message_url(tip, "answer", wall.pk), follow=True)
    assert "Replies to readers are sent by editors." in response.content.decode()
    tip.refresh_from_db()
    assert (tip.state, tip.factcheck) == (ReaderMessage.State.NEW, None)
    assert not ReaderNotice.objects.exists()


def test_the_desk_buttons_only_take_posts(as_editor, wall, tip):
    assert as_editor.get(message_url(tip, "answer", wall.pk)).status_code == 405
    assert as_editor.get(message_url(tip, "draft")).status_code == 405


def test_turn_a_tip_into_a_draft_linked_both_ways(as_journalist, journalist, tip):
    response = as_journalist.post(message_url(tip, "draft"))
    draft = FactCheck.objects.get()
    assert response["Location"] == change_url(draft)
    assert draft.status == Status.DRAFT
    assert list(draft.authors.all()) == [journalist]
    claim = draft.claims.get()
    assert claim.statement == TIP_TEXT
    assert claim.appearances.get().url == "https://social.example/post/9"
    assert draft.headline.startswith("To check: My uncle says")
    tip.refresh_from_db()
    assert (tip.factcheck, tip.state) == (draft, ReaderMessage.State.IN_PROGRESS)
    entry = TransitionLog.objects.get(action=TransitionLog.Action.FROM_TIP)
    assert (entry.factcheck, entry.user) == (draft, journalist)

    # The draft's page lists the tip behind it, and links back.
    page = as_journalist.get(change_url(draft)).content.decode()
    assert "tips behind this fact-check" in page
    assert message_url(tip) in page
    # And the tip's page no longer offers a second draft.
    page = as_journalist.get(message_url(tip)).content.decode()
    assert "Turn into a fact-check" not in page
    response = as_journalist.post(message_url(tip, "draft"), follow=True)
    assert "already linked" in response.content.decode()
    assert FactCheck.objects.count() == 1


def test_one_draft_gathers_every_tip_about_its_claim(as_journalist, journalist, tip):
    draft = triage.turn_into_draft(message=tip, user=journalist)
    second = ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.TIP,
        message="Is the Great Wall of China really visible from space?",
    )
    page = as_journalist.get(message_url(second)).content.decode()
    attach = message_url(second, "attach", draft.pk)
    assert f'action="{attach}"' in page  # the draft is under way, and alike
    as_journalist.post(attach)
    second.refresh_from_db()
    assert second.factcheck == draft
    assert set(draft.reader_messages.all()) == {tip, second}
    assert TransitionLog.objects.filter(
        factcheck=draft, action=TransitionLog.Action.ADD_TIP
    ).exists()


def test_tips_join_drafts_only(journalist, wall, tip):
    with pytest.raises(permissions.NotAllowed):
        triage.attach(message=tip, factcheck=wall, user=journalist)
    error = ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.ERROR, message="A typo", factcheck=wall
    )
    with pytest.raises(permissions.NotAllowed):
        triage.turn_into_draft(message=error, user=journalist)
    tip.refresh_from_db()
    assert tip.factcheck is None
    assert FactCheck.objects.count() == 1


def test_a_tip_added_to_a_revision_belongs_to_the_live_article(
    journalist, revision, tip
):
    with pytest.raises(permissions.NotAllowed):  # the live article answers it
        triage.attach(message=tip, factcheck=revision, user=journalist)


def test_staff_without_the_inbox_permission_cannot_triage(tip, wall):
    from tests.factories import make_user

    outsider = make_user(username="intern", is_staff=True)
    with pytest.raises(permissions.NotAllowed):
        triage.turn_into_draft(message=tip, user=outsider)
    assert FactCheck.objects.count() == 1


def test_an_error_report_shows_other_checks_like_it_but_not_its_own(as_editor, wall):
    other = make_published(headline="China's wall, seen from orbit")
    Claim.objects.filter(factcheck=other).update(
        statement="The Great Wall of China can be seen from space"
    )
    FactCheck.objects.filter(pk=other.pk).index_for_search()
    report = ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.ERROR,
        message="You say the Great Wall of China is not visible from space, but…",
        factcheck=wall,
    )
    desk = as_editor.get(message_url(report)).context["desk"]
    assert [m.factcheck for m in desk["already_checked"]] == [other]
    assert desk["under_way"] == [] and not desk["can_draft"]


def test_a_claim_being_drafted_shows_what_was_checked_already(
    as_journalist, journalist, wall
):
    draft = make_factcheck(authors=[journalist])
    page = as_journalist.get(change_url(draft)).content.decode()
    assert "Already checked?" in page
    assert "No published fact-check resembles these claims." in page

    # As the journalist types the claim, the live checklist brings the match.
    response = as_journalist.get(change_url(draft))
    data = form_data(response)
    data["claims-0-statement"] = "You can see the Great Wall of China from space"
    report = as_journalist.post(checklist_url(draft), data).json()
    assert wall.headline in report["already_checked"]
    assert "% alike" in report["already_checked"]


def test_a_live_article_is_not_matched_against_itself(as_editor, wall):
    response = as_editor.get(change_url(wall))
    assert response.context["workflow"]["already_checked"] is None
