"""Load the invented demo newsroom (``demo_content``) through the real workflow.

Every state change goes through ``workflow``, as it would for people in the
admin; only the timestamps are moved afterwards, so the demo has a history
spread over weeks instead of one second.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from . import demo_content, notifications, workflow
from .models import (
    AuthorProfile,
    Byline,
    Claim,
    Claimant,
    ClaimAppearance,
    Correction,
    Expert,
    ExpertQuote,
    FactCheck,
    Priority,
    Rating,
    Source,
    Topic,
    TransitionLog,
    Verdict,
)
from .search import refresh_search_vector

#: Dev-only accounts; the README lists them. Each password is the username.
ADMIN_USERNAME = "admin"


def _account(username, *, group=None, superuser=False, **fields):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"is_staff": True, "is_superuser": superuser, **fields},
    )
    if created:
        user.set_password(username)
        user.save(update_fields=["password"])
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def load_people():
    users = {
        ADMIN_USERNAME: _account(
            ADMIN_USERNAME, superuser=True, email="admin@example.org"
        )
    }
    for person in demo_content.PEOPLE:
        user = _account(
            person["username"],
            group=person["group"],
            first_name=person["first_name"],
            last_name=person["last_name"],
            email=person["email"],
        )
        AuthorProfile.objects.get_or_create(
            user=user,
            defaults={
                "display_name": person["display_name"],
                "slug": person["slug"],
                "role": person["role"],
                "bio": person["bio"],
            },
        )
        users[user.username] = user
    return users


def load_vocabulary():
    topics = {
        row["slug"]: Topic.objects.get_or_create(slug=row["slug"], defaults=row)[0]
        for row in demo_content.TOPICS
    }
    claimants = {
        row["slug"]: Claimant.objects.get_or_create(slug=row["slug"], defaults=row)[0]
        for row in demo_content.CLAIMANTS
    }
    experts = {}
    for row in demo_content.EXPERTS:
        fields = {k: v for k, v in row.items() if k != "key"}
        experts[row["key"]] = Expert.objects.get_or_create(
            name=row["name"], defaults=fields
        )[0]
    return topics, claimants, experts


def _create_article(spec, users, topics, claimants, experts):
    authors = [users[name] for name in spec["authors"]]
    factcheck = FactCheck.objects.create(
        headline=spec["headline"],
        slug=spec["slug"],
        standfirst=spec["standfirst"],
        key_points="\n".join(spec.get("key_points", [])),
        body=spec["body"],
        language=spec.get("language", "en"),
        partner_credit=spec.get("partner_credit", ""),
        created_by=authors[0],
        updated_by=authors[0],
    )
    factcheck.topics.set([topics[slug] for slug in spec["topics"]])
    for ordering, author in enumerate(authors):
        Byline.objects.create(factcheck=factcheck, author=author, ordering=ordering)
    claims = []
    for ordering, row in enumerate(spec["claims"]):
        claim = Claim.objects.create(
            factcheck=factcheck,
            statement=row["statement"],
            claimant=claimants.get(row.get("claimant")),
            ordering=ordering,
        )
        rating = (
            Rating.objects.filter(slug=row["rating"]).first()
            if row.get("rating")
            else None
        )
        if rating or row.get("summary"):
            Verdict.objects.create(
                claim=claim, rating=rating, summary=row.get("summary", "")
            )
        for appearance in row.get("appearances", []):
            ClaimAppearance.objects.create(claim=claim, **appearance)
        claims.append(claim)
    for ordering, row in enumerate(spec.get("sources", [])):
        row = dict(row)
        index = row.pop("claim", None)
        Source.objects.create(
            factcheck=factcheck,
            claim=claims[index] if index is not None else None,
            ordering=ordering,
            **row,
        )
    for ordering, row in enumerate(spec.get("quotes", [])):
        row = dict(row)
        ExpertQuote.objects.create(
            factcheck=factcheck,
            expert=experts[row.pop("expert")],
            ordering=ordering,
            **row,
        )
    return factcheck


def _backdate(factcheck, when):
    """Move the article's timestamps and history so it looks ``when``-old."""
    updates = {"created_at": when - datetime.timedelta(days=2)}
    if factcheck.submitted_at:
        updates["submitted_at"] = when - datetime.timedelta(hours=20)
    if factcheck.published_at and factcheck.published_at <= timezone.now():
        updates["published_at"] = updates["first_published_at"] = when
    FactCheck.objects.filter(pk=factcheck.pk).update(**updates)
    for offset, entry in enumerate(factcheck.transitions.order_by("pk")):
        TransitionLog.objects.filter(pk=entry.pk).update(
            created_at=when
            - datetime.timedelta(hours=20)
            + datetime.timedelta(hours=offset * 20)
        )


def _advance(factcheck, spec, users):
    """Walk the article through the workflow to the state the demo asks for."""
    state = spec["state"]
    if state == "draft":
        return
    author, editor = users[spec["authors"][0]], users["editor"]
    workflow.submit_for_review(factcheck, author)
    if state == "review":
        workflow.assign_review(
            factcheck,
            editor,
            users["chief"],
            due_at=timezone.now() + datetime.timedelta(days=1),
            priority=Priority.HIGH,
        )
    if state in ("scheduled", "published"):
        _panel_agrees(factcheck, [users["chief"], users[ADMIN_USERNAME]])
    if state == "changes_requested":
        workflow.request_changes(factcheck, editor, spec["change_request_note"])
    elif state == "scheduled":
        workflow.publish(
            factcheck,
            editor,
            at=timezone.now() + datetime.timedelta(days=spec["days_ago"]),
        )
    elif state == "published":
        workflow.publish(factcheck, editor)


def _panel_agrees(factcheck, voters):
    """Cast the agreeing votes a rating panel (FACTCHECK_PANEL_VOTES) needs."""
    for voter in voters[: workflow.panel_size() - 1]:
        for claim in factcheck.claims.select_related("verdict"):
            workflow.vote(claim, voter, claim.verdict.rating)


@transaction.atomic
@notifications.muted()
def load():
    """Create whatever part of the demo newsroom is missing; return what was added.

    Nobody is emailed: the demo's history happened in the past.
    """
    users = load_people()
    topics, claimants, experts = load_vocabulary()
    created = []
    now = timezone.now()
    for spec in demo_content.FACTCHECKS:
        if FactCheck.objects.filter(slug=spec["slug"]).exists():
            continue
        factcheck = _create_article(spec, users, topics, claimants, experts)
        _advance(factcheck, spec, users)
        if spec["state"] != "scheduled":
            _backdate(factcheck, now - datetime.timedelta(days=spec["days_ago"]))
        for row in spec.get("corrections", []):
            factcheck.refresh_from_db()
            Correction.objects.create(
                factcheck=factcheck,
                kind=row["kind"],
                text=row["text"],
                issued_at=factcheck.published_at
                + datetime.timedelta(days=row["days_after"]),
                issued_by=users["editor"],
            )
        created.append(factcheck)
    refresh_search_vector(*(factcheck.pk for factcheck in created))
    return created
