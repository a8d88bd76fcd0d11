"""Load the invented demo newsroom (``demo_newsroom/``) through the real code paths.

People and the directories come from ``newsroom.toml``; every article is a
plain-text file that the importer parses and builds, exactly as
``manage.py import_factcheck`` would, so loading the demo exercises the
importer on every run. Every state change then goes through ``workflow`` and
every correction through ``editing`` or a published revision, as they would
for people in the admin; only the timestamps are moved afterwards, so the
demo has a history spread over weeks instead of one second.
"""

import datetime
import tomllib
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from . import (
    comments,
    editing,
    importer,
    notifications,
    panel,
    policies,
    publishing,
    workflow,
)
from .models import (
    AuthorProfile,
    Claimant,
    Expert,
    FactCheck,
    Funder,
    Listing,
    PolicyText,
    PolicyVersion,
    Priority,
    Rating,
    ReaderMessage,
    ReplyAttempt,
    ReviewComment,
    SearchEntry,
    Topic,
    TransitionLog,
)

NEWSROOM = Path(__file__).resolve().with_name("demo_newsroom")
MANIFEST = NEWSROOM / "newsroom.toml"
ARTICLES = NEWSROOM / "articles"


def read_manifest():
    """The demo's people, directories and article list, as plain data."""
    with MANIFEST.open("rb") as file:
        return tomllib.load(file)


def read_article(name):
    """Parse the article file ``name``; a mistake in it names the file.

    The file must give its slug: the loader skips an article whose slug
    exists, which is what makes loading twice add nothing.
    """
    path = ARTICLES / name
    try:
        article = importer.parse(importer.read_article(path))
    except importer.MalformedArticle as error:
        raise importer.MalformedArticle(f"{name}: {error}") from None
    if not article.slug:
        raise importer.MalformedArticle(f"{name}: a demo article needs a 'SLUG:' line")
    return article


def _account(username, *, group=None, superuser=False, profile=None, **fields):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"is_staff": True, "is_superuser": superuser, **fields},
    )
    if created:
        # Dev-only accounts: each password is the username (README).
        user.set_password(username)
        user.save(update_fields=["password"])
    if group:
        user.groups.add(Group.objects.get(name=group))
    if profile:
        AuthorProfile.objects.get_or_create(user=user, defaults=profile)
    return user


def load_people(people):
    """Create the accounts and author pages; return the users by username."""
    return {person["username"]: _account(**person) for person in people}


def load_directories(manifest):
    """Create the topics, claimants and experts the articles name."""
    for row in manifest["topics"]:
        Topic.objects.get_or_create(slug=row["slug"], defaults=row)
    for row in manifest["claimants"]:
        Claimant.objects.get_or_create(slug=row["slug"], defaults=row)
    for row in manifest["experts"]:
        Expert.objects.get_or_create(name=row["name"], defaults=row)


def _backdate(factcheck, when):
    """Move the article's timestamps and history so it looks ``when``-old."""
    updates = {"created_at": when - datetime.timedelta(days=2)}
    if factcheck.submitted_at:
        updates["submitted_at"] = updates["first_submitted_at"] = (
            when - datetime.timedelta(hours=20)
        )
    if factcheck.published_at and factcheck.published_at <= timezone.now():
        updates["published_at"] = updates["first_published_at"] = when
        # The version readers were shown then: the public history's first.
        factcheck.versions.filter(published_at__isnull=False).update(published_at=when)
    FactCheck.objects.filter(pk=factcheck.pk).update(**updates)
    if "first_published_at" in updates:
        Listing.objects.filter(factcheck=factcheck).update(first_published_at=when)
        SearchEntry.objects.filter(factcheck=factcheck).update(
            published_at=when, first_published_at=when
        )
    for offset, entry in enumerate(factcheck.transitions.order_by("pk")):
        TransitionLog.objects.filter(pk=entry.pk).update(
            created_at=when
            - datetime.timedelta(hours=20)
            + datetime.timedelta(hours=offset * 20)
        )
    # Review comments fall between the submission and the request for changes.
    for offset, comment in enumerate(factcheck.review_comments.order_by("pk"), 1):
        written = when - datetime.timedelta(hours=20, minutes=-30 * offset)
        ReviewComment.objects.filter(pk=comment.pk).update(
            created_at=written,
            resolved_at=written if comment.resolved_at else None,
        )
    if "first_published_at" in updates:
        # Its page and card were prepared at publication, with today's date.
        publishing.prepare(factcheck)


def _advance(factcheck, entry, author, desk):
    """Walk the article through the workflow to the state the manifest asks for."""
    state = entry["state"]
    if state == "draft":
        return
    editor = desk["editor"]
    workflow.submit_for_review(factcheck, author)
    if state == "review":
        workflow.assign_review(
            factcheck,
            editor,
            desk["reviewer"],
            due_at=timezone.now() + datetime.timedelta(days=1),
            priority=Priority.HIGH,
        )
    if state in ("scheduled", "published"):
        _panel_agrees(factcheck, desk["panel"])
    if state == "changes_requested":
        _review_comments(factcheck, entry.get("review_comments", []), editor, author)
        workflow.request_changes(factcheck, editor, entry["change_request_note"])
    elif state == "scheduled":
        workflow.publish(
            factcheck,
            editor,
            at=timezone.now() + datetime.timedelta(days=entry["days_ago"]),
        )
    elif state == "published":
        workflow.publish(factcheck, editor)


def _review_comments(factcheck, rows, editor, author):
    """The reviewer's comments on parts of the article, and the author's answers.

    ``about`` names a field ("headline"), or a claim or source by its number
    in the article ("source 2").
    """
    parts = {
        "claim": list(factcheck.claims.all()),
        "source": list(factcheck.sources.all()),
    }
    for row in rows:
        kind, _sep, number = row["about"].partition(" ")
        target = parts[kind][int(number) - 1] if kind in parts else row["about"]
        thread = comments.comment(factcheck, editor, target, row["text"])
        if row.get("reply"):
            comments.reply(thread, author, row["reply"])
        if row.get("resolved"):
            comments.resolve(thread, author)


def _panel_agrees(factcheck, voters):
    """Cast the agreeing votes a rating panel (FACTCHECK_PANEL_VOTES) needs."""
    for voter in voters[: panel.panel_size() - 1]:
        for claim in factcheck.claims.select_related("verdict"):
            panel.vote(claim, voter, claim.verdict.rating)


def _correct(factcheck, corrections, editor):
    """Issue the article's corrections, dated ``days_after`` its publication.

    The log entry each one leaves is moved to that date too, so the history
    reads in the order it happened.
    """
    factcheck.refresh_from_db()
    for row in corrections:
        issued_at = factcheck.published_at + datetime.timedelta(days=row["days_after"])
        editing.issue_correction(
            factcheck=factcheck,
            user=editor,
            kind=row["kind"],
            text=row["text"],
            issued_at=issued_at,
        )
        logged = factcheck.transitions.filter(action=TransitionLog.Action.CORRECT)
        TransitionLog.objects.filter(pk=logged.latest("pk").pk).update(
            created_at=issued_at
        )


def _log_reply_attempts(factcheck, rows, author, published_at):
    """The attempts to reach the claimants, dated before ``published_at``.

    Logged before the article goes out, as the desk would: they are part of
    the page readers get.
    """
    claims = list(factcheck.claims.all())
    for row in rows:
        replied = row.get("replied_days_before")
        attempt = ReplyAttempt(
            factcheck=factcheck,
            claim=claims[row["claim"] - 1],
            channel=row["channel"],
            contacted_at=published_at - datetime.timedelta(days=row["days_before"]),
            response=row.get("response", ""),
            responded_at=(
                published_at - datetime.timedelta(days=replied)
                if replied is not None
                else None
            ),
            logged_by=author,
        )
        attempt.full_clean()
        attempt.save()


def _revise(factcheck, row, author, desk):
    """Publish a revision of the live article: one claim's new rating or verdict.

    Its author starts and submits it, the panel's first editor votes for a new
    rating (a re-rating's second editor), the desk's editor publishes it with
    its class and note; then it is dated ``days_after`` publication.
    """
    factcheck.refresh_from_db()
    started = timezone.now()
    revision = workflow.start_revision(factcheck, author)
    claim = revision.claims.select_related("verdict")[row["claim"] - 1]
    verdict = claim.verdict
    if "rating" in row:
        verdict.rating = Rating.objects.get(label=row["rating"])
    verdict.summary = row.get("summary", verdict.summary)
    verdict.save(update_fields=["rating", "summary"])
    editing.record_part_change(factcheck=revision, user=author)
    workflow.submit_for_review(revision, author)
    voters = desk["panel"][: max(panel.panel_size() - 1, 1)]
    for number, other in enumerate(revision.claims.select_related("verdict"), 1):
        if number == row["claim"] or panel.panel_size() > 1:
            for voter in voters:
                panel.vote(other, voter, other.verdict.rating)
    workflow.publish(
        revision, desk["editor"], change_class=row["class"], note=row["note"]
    )
    when = factcheck.published_at + datetime.timedelta(days=row["days_after"])
    FactCheck.objects.filter(pk=factcheck.pk).update(revised_at=when)
    factcheck.corrections.filter(issued_at__gte=started).update(issued_at=when)
    factcheck.transitions.filter(created_at__gte=started).update(created_at=when)
    publishing.prepare(factcheck)  # with the dates readers are to see


def _load_article(entry, article, users, desk, now):
    authors = [users[name] for name in entry["authors"]]
    factcheck = importer.create_draft(article, authors[0], coauthors=authors[1:])
    _log_reply_attempts(
        factcheck,
        entry.get("reply_attempts", []),
        authors[0],
        now - datetime.timedelta(days=entry["days_ago"]),
    )
    _advance(factcheck, entry, authors[0], desk)
    if entry["state"] != "scheduled":
        _backdate(factcheck, now - datetime.timedelta(days=entry["days_ago"]))
    _correct(factcheck, entry.get("corrections", []), desk["editor"])
    if "revision" in entry:
        _revise(factcheck, entry["revision"], authors[0], desk)
    return factcheck


def load_reader_messages(rows, now):
    """The readers' tips in the inbox, dated ``days_ago``; each added once."""
    for row in rows:
        days_ago = row.pop("days_ago")
        message, created = ReaderMessage.objects.get_or_create(
            message=row.pop("message"), defaults=row
        )
        if created:
            ReaderMessage.objects.filter(pk=message.pk).update(
                created_at=now - datetime.timedelta(days=days_ago, hours=2)
            )


def load_funders(rows):
    """The funders on the funding page; each added once, by name."""
    for row in rows:
        funder = Funder(**row)
        if not Funder.objects.filter(name=funder.name).exists():
            funder.full_clean()
            funder.save()


def load_policies(rows, editor, now):
    """The policy texts' versions, through ``policies`` as an editor would add
    them, dated ``days_ago``; a version whose note is on file is skipped.

    The versions an install starts with are dated a month before the demo's
    first, so each history reads in order.
    """
    for row in rows:
        policy = PolicyText.objects.get(kind=row["kind"])
        if policy.versions.filter(note=row["note"]).exists():
            continue
        version = policies.add_version(
            policy=policy, body=row["body"], note=row["note"], user=editor
        )
        PolicyVersion.objects.filter(pk=version.pk).update(
            created_at=now - datetime.timedelta(days=row["days_ago"])
        )
    start = now - datetime.timedelta(days=max(row["days_ago"] for row in rows) + 30)
    PolicyVersion.objects.exclude(note__in=[row["note"] for row in rows]).filter(
        created_at__gt=start
    ).update(created_at=start)


@transaction.atomic
@notifications.muted()
def load():
    """Create whatever part of the demo newsroom is missing; return what was added.

    Nobody is emailed and no source is fetched (``muted``): the demo's
    history happened in the past, and it loads offline. An article
    whose slug exists is left alone, so loading twice adds nothing.
    """
    manifest = read_manifest()
    users = load_people(manifest["people"])
    load_directories(manifest)
    desk = {
        "editor": users[manifest["desk"]["editor"]],
        "reviewer": users[manifest["desk"]["reviewer"]],
        "panel": [users[name] for name in manifest["desk"]["panel"]],
    }
    created = []
    now = timezone.now()
    for entry in manifest["articles"]:
        article = read_article(entry["file"])
        if not FactCheck.objects.filter(slug=article.slug).exists():
            created.append(_load_article(entry, article, users, desk, now))
    load_reader_messages(manifest.get("reader_messages", []), now)
    load_funders(manifest["funders"])
    load_policies(manifest["policies"], desk["editor"], now)
    # Publication times were moved into the past (_backdate).
    AuthorProfile.objects.refresh_first_credit()
    return created
