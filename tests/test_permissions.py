"""Who may do what: every role against every transition and every admin URL.

Roles: the journalist who wrote the article, another journalist, an editor,
an editor who co-wrote it, a superuser and an anonymous visitor. Whatever a
role may not do is refused in ``workflow`` and in the admin alike, and a
refusal changes nothing.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from factcheck import panel, workflow
from factcheck.models import FactCheck, RatingVote, TransitionLog
from tests.adminforms import form_data
from tests.factories import make_factcheck, make_user, rating

pytestmark = pytest.mark.django_db

ROLES = [
    "author",
    "other_journalist",
    "editor",
    "author_editor",
    "superuser",
    "anonymous",
]
EVERYONE = set(ROLES)


@pytest.fixture
def people(db):
    return {
        "author": make_user("Journalists", username="author"),
        "other_journalist": make_user("Journalists", username="other"),
        "editor": make_user("Editors", username="editor"),
        "author_editor": make_user("Editors", username="author-editor"),
        "superuser": make_user(username="root", is_superuser=True),
        "anonymous": AnonymousUser(),
        "assignee": make_user("Editors", username="assignee"),
    }


@pytest.fixture
def article(people):
    return make_factcheck(authors=[people["author"], people["author_editor"]])


def put_in(article, state, people):
    if state in ("review", "published"):
        workflow.submit_for_review(article, people["author"])
    if state == "published":
        workflow.publish(article, people["editor"])
    return FactCheck.objects.get(pk=article.pk)


def snapshot(article):
    row = FactCheck.objects.get(pk=article.pk)
    return (
        row.status,
        row.published_at,
        row.assignee_id,
        row.headline,
        RatingVote.objects.filter(claim__factcheck=article).count(),
        TransitionLog.objects.filter(factcheck=article).count(),
    )


def later():
    return timezone.now() + datetime.timedelta(days=1)


# name: (starting state, workflow call, admin URL action, admin POST data)
STEPS = {
    "submit": (
        "draft",
        lambda a, user, p: workflow.submit_for_review(a, user),
        "submit",
        lambda a, p: {},
    ),
    "request_changes": (
        "review",
        lambda a, user, p: workflow.request_changes(a, user, "Fix the date."),
        "request_changes",
        lambda a, p: {"note": "Fix the date."},
    ),
    "publish": (
        "review",
        lambda a, user, p: workflow.publish(a, user),
        "publish",
        lambda a, p: {"at_0": "", "at_1": ""},
    ),
    "schedule": (
        "review",
        lambda a, user, p: workflow.publish(a, user, at=later()),
        "publish",
        lambda a, p: {
            "at_0": later().date().isoformat(),
            "at_1": later().time().strftime("%H:%M:%S"),
        },
    ),
    "unpublish": (
        "published",
        lambda a, user, p: workflow.unpublish(a, user, "Legal hold."),
        "unpublish",
        lambda a, p: {"note": "Legal hold."},
    ),
    "retract": (
        "published",
        lambda a, user, p: workflow.unpublish(a, user, "Withdrawn.", retract=True),
        "unpublish",
        lambda a, p: {"note": "Withdrawn.", "retract": "on"},
    ),
    "assign": (
        "review",
        lambda a, user, p: workflow.assign_review(a, user, p["assignee"]),
        "assign",
        lambda a, p: {"assignee": p["assignee"].pk, "priority": "normal"},
    ),
    "vote": (
        "review",
        lambda a, user, p: panel.vote(a.claims.get(), user, rating("false")),
        "vote",
        lambda a, p: {
            "claim": a.claims.get().pk,
            "rating": rating("false").pk,
            "comment": "",
        },
    ),
}

EDITORS = {"editor", "author_editor", "superuser"}
# The four-eyes rule keeps the co-author from publishing and from voting.
ALLOWED = {
    "submit": {"author", "editor", "author_editor", "superuser"},
    "request_changes": EDITORS,
    "publish": {"editor", "superuser"},
    "schedule": {"editor", "superuser"},
    "unpublish": EDITORS,
    "retract": EDITORS,
    "assign": EDITORS,
    "vote": {"editor", "superuser"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("step", STEPS)
def test_workflow_matrix(people, article, role, step):
    state, call, _action, _data = STEPS[step]
    article = put_in(article, state, people)
    user = people[role]
    before = snapshot(article)
    allowed = role in ALLOWED[step]
    assert workflow.can_transition(user, article, _action_of(step)) is allowed

    if allowed:
        call(article, user, people)
        after = snapshot(article)
        assert after != before
        assert after[-1] == before[-1] + 1  # one log entry
    else:
        with pytest.raises(PermissionDenied):
            call(article, user, people)
        assert snapshot(article) == before


def _action_of(step):
    return {
        "schedule": workflow.Action.PUBLISH,
        "retract": workflow.Action.RETRACT,
    }.get(step, step)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("step", STEPS)
def test_admin_buttons_matrix(client, settings, people, article, role, step):
    """The button is shown exactly when allowed; a hand-made POST otherwise gets 403."""
    state, _call, action, data = STEPS[step]
    if step == "vote":
        settings.FACTCHECK_PANEL_VOTES = 2  # the vote forms show only with a panel
    article = put_in(article, state, people)
    user = people[role]
    allowed = role in ALLOWED[step]
    url = reverse("admin:factcheck_factcheck_workflow", args=[article.pk, action])
    change = reverse("admin:factcheck_factcheck_change", args=[article.pk])
    if role != "anonymous":
        client.force_login(user)
        shown = f'action="{url}"' in client.get(change).content.decode()
        assert shown is allowed
    before = snapshot(article)

    response = client.post(url, data(article, people))

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        assert snapshot(article) == before
    elif allowed:
        assert response.status_code == 302
        assert response["Location"] == change
        assert snapshot(article)[-1] == before[-1] + 1
    else:
        assert response.status_code == 403
        assert snapshot(article) == before


EDITABLE = {
    "draft": {"author", "editor", "author_editor", "superuser"},
    # Editors fix what they review, but not their own work.
    "review": EDITORS - {"author_editor"},
    "published": set(),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", ["draft", "review", "published"])
def test_admin_change_url_matrix(client, people, article, role, state):
    article = put_in(article, state, people)
    url = reverse("admin:factcheck_factcheck_change", args=[article.pk])
    client.force_login(people["superuser"])
    data = form_data(client.get(url))
    data["headline"] = "Changed by hand"
    client.logout()
    if role != "anonymous":
        client.force_login(people[role])
        page = client.get(url)
        assert page.status_code == 200
        # Published articles take corrections from editors, nothing else.
        assert page.context["has_change_permission"] is (
            role in EDITABLE[state] or (state == "published" and role in EDITORS)
        )

    response = client.post(url, data)

    headline = FactCheck.objects.get(pk=article.pk).headline
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif role in EDITABLE[state]:
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert headline == "Changed by hand"
        return
    elif state == "published" and role in EDITORS:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
    assert headline == article.headline


# Whoever may edit an article may delete it, as long as readers never saw it;
# anything published stays on record, superusers included.
DELETABLE = EDITABLE


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", ["draft", "review", "published"])
def test_admin_delete_url_matrix(client, people, article, role, state):
    article = put_in(article, state, people)
    url = reverse("admin:factcheck_factcheck_delete", args=[article.pk])
    if role != "anonymous":
        client.force_login(people[role])
        expected = 200 if role in DELETABLE[state] else 403
        assert client.get(url).status_code == expected

    response = client.post(url, {"post": "yes"})

    exists = FactCheck.objects.filter(pk=article.pk).exists()
    if role == "anonymous":
        assert response.status_code == 302
        assert exists
    elif role in DELETABLE[state]:
        assert response.status_code == 302
        assert not exists
        # The record of what happened to it survives the article, deletion
        # included.
        entries = TransitionLog.objects.filter(headline=article.headline)
        assert list(entries.values_list("action", "user", "factcheck")) == [
            ("delete", people[role].pk, None),
            *([("submit", people["author"].pk, None)] if state == "review" else []),
        ]
    else:
        assert response.status_code == 403
        assert exists


def test_another_journalists_draft_has_no_buttons_and_no_live_checklist(
    client, people, article
):
    client.force_login(people["other_journalist"])
    page = client.get(reverse("admin:factcheck_factcheck_change", args=[article.pk]))
    assert page.context["workflow"]["steps"] == []
    assert page.context["workflow"]["checklist_url"] == ""
    checklist = reverse("admin:factcheck_factcheck_checklist", args=[article.pk])
    assert client.post(checklist, {}).status_code == 403


JOURNALISTS = {
    *(f"{a}_factcheck" for a in ("add", "change", "delete", "view")),
    "submit_factcheck",
    *(
        f"{a}_{model}"
        for model in (
            "byline",
            "claim",
            "verdict",
            "claimappearance",
            "source",
            "expertquote",
            "replyattempt",
        )
        for a in ("add", "change", "delete", "view")
    ),
    *(
        f"{a}_{model}"
        for model in ("claimant", "expert")
        for a in ("add", "change", "view")
    ),
    "view_rating",
    "view_topic",
    "view_authorprofile",
    "change_authorprofile",
    "view_correction",
    "view_page",
    "view_readermessage",
    "change_readermessage",
    # The evidence locker's fetches: read by the desk, written by its jobs.
    "view_sourcesnapshot",
    # The transparency pages' records: read, not written.
    "view_funder",
    "view_policytext",
    "view_policyversion",
}
EDITOR_EXTRAS = {
    "publish_factcheck",
    "edit_any_factcheck",
    "delete_claimant",
    "delete_expert",
    "add_authorprofile",
    "delete_authorprofile",
    "view_transitionlog",
    *(
        f"{a}_{model}"
        for model in ("rating", "topic", "correction", "page")
        for a in ("add", "change", "delete", "view")
    ),
    # The admin door: lifting sign-in locks, the two-factor rule per group,
    # removing someone's lost authenticator.
    "view_accessattempt",
    "delete_accessattempt",
    "view_accessfailurelog",
    "view_signinrule",
    "change_signinrule",
    "view_totpdevice",
    "delete_totpdevice",
    # Funders, a new version of a policy text, the rating scale's history.
    *(f"{a}_funder" for a in ("add", "change", "delete")),
    "change_policytext",
    "add_policyversion",
    "view_ratingchange",
}


@pytest.mark.parametrize(
    ("group", "expected"),
    [("Journalists", JOURNALISTS), ("Editors", JOURNALISTS | EDITOR_EXTRAS)],
)
def test_groups_have_exactly_the_permissions_their_role_needs(group, expected):
    granted = set(
        Group.objects.get(name=group).permissions.values_list("codename", flat=True)
    )
    assert granted == expected


def test_no_role_touches_users_groups_or_the_log(people):
    for role in ("author", "editor"):
        user = people[role]
        for codename in (
            "auth.add_user",
            "auth.change_user",
            "auth.change_group",
            "factcheck.change_transitionlog",
            "factcheck.delete_transitionlog",
            "factcheck.add_ratingvote",
        ):
            assert user.has_perm(codename) is False, (role, codename)
    assert people["author"].has_perm("factcheck.change_rating") is False
    assert people["author"].has_perm("factcheck.publish_factcheck") is False
