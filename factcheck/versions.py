"""Versions of a fact-check: one per save, the whole article with its parts.

Our own rather than django-reversion's: reversion stores each row on its
own and restores rows in place by primary key, while a fact-check's parts
change identity when a revision of a live article is published (its rows
replace the original's), and a restore here must never write over a live
article. A version is one JSON document (``snapshot``) that reads on its
own, names included; ``factcheck.diff`` compares two of them; ``restore``
writes one back as a new draft state, through the edit service, logged.

Versions are written by whoever saves content: the admin's form (once the
article and its inlines are saved), the start of a revision, a revision
going live, and a restore; and at each publication and each correction
issued on the live article, marked as shown to readers
(``factcheck.history`` lists them).
"""

from django.db.models import Prefetch
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import Truncator

from . import revisions
from .models import (
    ArticleVersion,
    Byline,
    Claim,
    ClaimAppearance,
    ExpertQuote,
    FactCheck,
    ReplyAttempt,
    Source,
    TransitionLog,
    Verdict,
)

#: Fields a part's row keeps in its version besides its own: the links to
#: the article and to a claim are positions in the version instead.
_LINKS = {"id", "factcheck", "claim"}


def _row(row):
    """A part's fields by attname, and the names of the records it points at.

    Its key (``id``) is kept beside them, never restored: a stale save of the
    form opened on this version matches its rows by key (``admin.merges``).
    """
    values, labels = {}, {}
    for field in row._meta.concrete_fields:
        if field.name in _LINKS:
            continue
        value = field.value_from_object(row)
        values[field.attname] = value.name if isinstance(value, FieldFile) else value
        if field.is_relation and value is not None:
            labels[field.name] = str(getattr(row, field.name))
    return {"id": row.pk, "fields": values, "labels": labels}


def snapshot(factcheck):
    """The whole of ``factcheck`` as one JSON-ready document."""
    article = _row(factcheck)
    article["fields"] = {
        name: article["fields"][FactCheck._meta.get_field(name).attname]
        for name in revisions.CONTENT_FIELDS
    }
    claims = list(
        Claim.objects.filter(factcheck=factcheck)
        .select_related("claimant", "verdict__rating")
        .prefetch_related(Prefetch("appearances", ClaimAppearance.objects.all()))
    )
    position = {claim.pk: number for number, claim in enumerate(claims)}

    def claim_of(part):
        return {"claim": position.get(part.claim_id)}

    return {
        "article": article,
        # Beside the content, not in it: a restore keeps the article's own
        # address; merging a stale save needs what the form showed.
        "slug": factcheck.slug,
        "topics": sorted(str(topic) for topic in factcheck.topics.all()),
        "topic_ids": sorted(factcheck.topics.values_list("pk", flat=True)),
        "bylines": [
            _row(byline)
            for byline in Byline.objects.filter(factcheck=factcheck).select_related(
                "author__profile"
            )
        ],
        "claims": [
            {
                **_row(claim),
                "verdict": _row(claim.verdict) if hasattr(claim, "verdict") else None,
                "appearances": [_row(seen) for seen in claim.appearances.all()],
            }
            for claim in claims
        ],
        "sources": [
            {**_row(source), **claim_of(source)}
            for source in Source.objects.filter(factcheck=factcheck)
        ],
        "replies": [
            {**_row(attempt), **claim_of(attempt)}
            for attempt in ReplyAttempt.objects.filter(factcheck=factcheck)
        ],
        "quotes": [
            _row(quote)
            for quote in ExpertQuote.objects.filter(factcheck=factcheck).select_related(
                "expert"
            )
        ],
    }


def record(factcheck, user, note="", *, published_at=None, **public):
    """Store what ``factcheck`` says now as its newest version.

    With ``published_at``, the version readers are shown from then on, with
    its ``change_class`` and ``correction`` (``ArticleVersion``).
    """
    # A label, not the record: a long public note is cut to the column.
    limit = ArticleVersion._meta.get_field("note").max_length
    return ArticleVersion.objects.create(
        factcheck=factcheck,
        number=factcheck.lock_version,
        saved_by=user,
        note=Truncator(note).chars(limit),
        content=snapshot(factcheck),
        published_at=published_at,
        **public,
    )


def unschedule(factcheck):
    """``factcheck``'s scheduled publication is called off: never shown, not marked."""
    factcheck.versions.filter(published_at__gt=timezone.now()).update(published_at=None)


def opened_on(factcheck, number):
    """The version a form opened on ``number`` showed, if one was stored."""
    return factcheck.versions.filter(number__lte=number).first()


def sent_back_version(factcheck):
    """The version the article had when it was last sent back to its authors."""
    entry = (
        TransitionLog.objects.filter(
            factcheck=factcheck, action__in=TransitionLog.SENDS_BACK
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if entry is None:
        return None
    return factcheck.versions.filter(saved_at__lte=entry.created_at).first()


def _build(model, data, **links):
    """An unsaved ``model`` row from a part's stored fields."""
    fields = {field.attname: field for field in model._meta.concrete_fields}
    values = {
        name: None if value is None else fields[name].to_python(value)
        for name, value in data["fields"].items()
        if name in fields  # a field removed since is left out
    }
    return model(**values, **links)


def write(factcheck, content):
    """Make ``factcheck``'s content and parts what ``content`` says.

    The caller holds the row locked and saves it (``workflow.restore``).
    """
    for name, value in content["article"]["fields"].items():
        field = FactCheck._meta.get_field(name)
        setattr(factcheck, field.attname, value)
    factcheck.full_clean(exclude={"hero_image", "slug"})
    factcheck.topics.set(content["topic_ids"])
    for model in revisions.PARTS:
        model.objects.filter(factcheck=factcheck).delete()
    Byline.objects.bulk_create(
        _build(Byline, row, factcheck=factcheck) for row in content["bylines"]
    )
    claims = []
    for row in content["claims"]:
        claim = _build(Claim, row, factcheck=factcheck)
        claim.save()
        claims.append(claim)
        if row["verdict"]:
            _build(Verdict, row["verdict"], claim=claim).save()
        ClaimAppearance.objects.bulk_create(
            _build(ClaimAppearance, seen, claim=claim) for seen in row["appearances"]
        )
    Source.objects.bulk_create(
        _build(
            Source,
            row,
            factcheck=factcheck,
            claim=claims[row["claim"]] if row["claim"] is not None else None,
        )
        for row in content["sources"]
    )
    ReplyAttempt.objects.bulk_create(
        _build(ReplyAttempt, row, factcheck=factcheck, claim=claims[row["claim"]])
        for row in content.get("replies", ())
        if row["claim"] is not None
    )
    ExpertQuote.objects.bulk_create(
        _build(ExpertQuote, row, factcheck=factcheck) for row in content["quotes"]
    )
