"""Synthetic fact-checks in bulk, for measuring the site at the scale of a big desk.

``generate`` writes N published fact-checks straight into the tables, in
batches (a hundred thousand take a few minutes on PostgreSQL), shaped like
the real thing: one to three claims with claimant, verdict and first
appearance, two to four sources, up to two expert quotes, a byline, an editor
and one or two topics, first published at times spread over the past years,
each passing the publish gate. The words come from a fixed vocabulary with a
seeded generator, so two runs give the same site, and two words are planted
for search benchmarks: ``COMMON_WORD`` in about a fifth of the articles and
``RARE_WORD`` in about one in a thousand.

Nothing here goes through the workflow: this is test data, not journalism,
and the workflow's one-by-one checks are what would make it take hours. The
pages readers get are prepared when first read (``publishing.page_for``).
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from . import caching, tally
from .models import (
    AuthorProfile,
    Byline,
    Claim,
    Claimant,
    ClaimAppearance,
    Expert,
    ExpertQuote,
    FactCheck,
    Listing,
    Rating,
    Source,
    Status,
    Topic,
    Verdict,
    listing_key,
)

COMMON_WORD = "inflation"
RARE_WORD = "zanzibar"
BATCH = 2000
YEARS = 8

SUBJECTS = (
    "vaccines",
    "electric cars",
    "tap water",
    "the minimum wage",
    "5G masts",
    "wind turbines",
    "school meals",
    "rent controls",
    "sugar taxes",
    "bananas",
    "heat pumps",
    "the census",
    "speed cameras",
    "plastic bags",
    "antibiotics",
    "solar farms",
    "bus fares",
    "crime figures",
    "hospital waiting lists",
    "food prices",
    "migration figures",
    "house prices",
    "air pollution",
    "mobile phones",
    "vitamin D",
    "fluoride",
    "recycling",
    "fuel duty",
)
CLAIMS = (
    "{subject} have doubled in cost since last year",
    "{subject} cause more harm than doctors admit",
    "the government secretly banned {subject}",
    "{subject} are responsible for most of the rise in prices",
    "scientists agree that {subject} are dangerous",
    "{subject} were invented to track people",
    "most people now oppose {subject}",
    "{subject} save households hundreds of pounds a year",
)
WORDS = (
    "evidence",
    "figures",
    "report",
    "study",
    "official",
    "data",
    "analysis",
    "minister",
    "council",
    "survey",
    "researchers",
    "statistics",
    "agency",
    "published",
    "according",
    "claimed",
    "record",
    "rate",
    "increase",
    "decline",
    "average",
    "percent",
    "million",
    "households",
    "regional",
    "national",
    "annual",
    "review",
    "sample",
    "trial",
    "estimate",
    "source",
    "figure",
    "accurate",
    "misleading",
    "context",
    "compared",
    "previous",
    "latest",
    "budget",
    "spending",
    "energy",
    "health",
    "climate",
    "economy",
    "schools",
    "transport",
    "housing",
    "prices",
    "wages",
    "jobs",
    "policy",
    "law",
)
RATINGS = ("true", "mostly-true", "misleading", "false", "unproven")
MEDIA = [choice for choice, _label in ClaimAppearance.Medium.choices]
KINDS = [choice for choice, _label in Source.Kind.choices]


def _sentence(rng, words=14):
    text = " ".join(rng.choices(WORDS, k=words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng):
    return " ".join(_sentence(rng, rng.randint(10, 18)) for _ in range(4))


def _body(rng, subject, planted):
    paragraphs = [
        f"<p>A claim about {subject} has been shared widely. {_paragraph(rng)}</p>",
        f"<h2>What the {rng.choice(WORDS)} shows</h2>",
        *(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(3, 6))),
    ]
    if planted:
        paragraphs.append(f"<p>{' '.join(planted).capitalize()} is mentioned too.</p>")
    return "".join(paragraphs)


def _staff(prefix, count, group):
    """``count`` accounts (unusable passwords) with author profiles, in ``group``."""
    User = get_user_model()
    group = Group.objects.get(name=group)
    users = []
    for number in range(1, count + 1):
        username = f"{prefix}-{number}"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": prefix.title(), "last_name": str(number)},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(group)
            AuthorProfile.objects.create(
                user=user, display_name=f"{prefix.title()} {number}", slug=username
            )
        users.append(user)
    return users


def _vocabulary():
    """Topics, claimants and experts for the synthetic articles, made once."""
    topics = [
        Topic.objects.get_or_create(
            slug=f"synthetic-{number}", defaults={"name": f"Synthetic topic {number}"}
        )[0]
        for number in range(1, 31)
    ]
    claimants = [
        Claimant.objects.get_or_create(
            slug=f"synthetic-claimant-{number}",
            defaults={"name": f"Synthetic claimant {number}"},
        )[0]
        for number in range(1, 201)
    ]
    experts = [
        Expert.objects.get_or_create(
            name=f"Dr Synthetic Expert {number}",
            defaults={
                "credentials": "Researcher in the field",
                "affiliation": "A university",
            },
        )[0]
        for number in range(1, 101)
    ]
    return topics, claimants, experts


@dataclass(frozen=True)
class Cast:
    """The people and records synthetic articles are made of."""

    journalists: list
    editors: list
    topics: list
    claimants: list
    experts: list
    ratings: list
    run: str  # a prefix that keeps this run's slugs apart from earlier ones
    start: datetime.datetime  # the earliest first publication
    span: float  # seconds from ``start`` to now

    @classmethod
    def gather(cls):
        topics, claimants, experts = _vocabulary()
        now = timezone.now()
        start = now - datetime.timedelta(days=365 * YEARS)
        return cls(
            journalists=_staff("synthetic-journalist", 20, "Journalists"),
            editors=_staff("synthetic-editor", 5, "Editors"),
            topics=topics,
            claimants=claimants,
            experts=experts,
            ratings=list(Rating.objects.filter(slug__in=RATINGS)),
            run=now.strftime("%Y%m%d%H%M%S"),
            start=start,
            span=(now - start).total_seconds(),
        )


def generate(count, *, seed=0, stdout=None):
    """Create ``count`` published synthetic fact-checks; return how many."""
    rng = random.Random(seed)
    cast = Cast.gather()
    made = 0
    if connection.vendor == "postgresql":
        # Batches and ANALYZE may outlast the web's statement limit (settings).
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
    while made < count:
        numbers = range(made, made + min(BATCH, count - made))
        with transaction.atomic():
            ids = _batch(rng, numbers, cast)
            FactCheck.objects.filter(pk__in=ids).index_for_search()
        made += len(numbers)
        if stdout:
            stdout.write(f"{made} of {count}")
    # The staff credited on the new articles: their pages and sitemap entries.
    AuthorProfile.objects.filter(
        user__in=[*cast.journalists, *cast.editors]
    ).refresh_first_credit()
    # The verdict counts of their claimants' pages.
    tally.recount(claimant.pk for claimant in cast.claimants)
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics, or the planner takes the new rows for a few; and
        # the visibility map, or index-only scans visit every row they find.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # Every list may show new work.
    caching.changed(caching.SITE)
    return made


def _batch(rng, numbers, cast):
    """Write the articles ``numbers`` with all their parts; return their ids."""
    articles = []
    for number in numbers:
        subject = rng.choice(SUBJECTS)
        planted = []
        if rng.random() < 0.2:
            planted.append(COMMON_WORD)
        if rng.random() < 0.001:
            planted.append(RARE_WORD)
        when = cast.start + datetime.timedelta(seconds=rng.random() * cast.span)
        author = rng.choice(cast.journalists)
        articles.append(
            FactCheck(
                headline=f"Fact-check: what the evidence says about {subject}",
                slug=f"synthetic-{cast.run}-{number}",
                standfirst=_sentence(rng, 20),
                body=_body(rng, subject, planted),
                status=Status.PUBLISHED,
                published_at=when,
                first_published_at=when,
                submitted_at=when - datetime.timedelta(hours=6),
                created_by=author,
                updated_by=author,
                editor=rng.choice(cast.editors),
                lock_version=1,
            )
        )
    FactCheck.objects.bulk_create(articles, batch_size=BATCH)
    Byline.objects.bulk_create(
        [Byline(factcheck=a, author=a.created_by) for a in articles], batch_size=BATCH
    )
    through = FactCheck.topics.through
    tagged = [
        through(factcheck=a, topic=topic)
        for a in articles
        for topic in rng.sample(cast.topics, rng.randint(1, 2))
    ]
    through.objects.bulk_create(tagged, batch_size=BATCH)
    claims = [
        Claim(
            factcheck=a,
            statement=rng.choice(CLAIMS).format(subject=rng.choice(SUBJECTS)),
            claimant=rng.choice(cast.claimants),
            ordering=order,
        )
        for a in articles
        for order in range(rng.choice((1, 1, 1, 2, 3)))
    ]
    Claim.objects.bulk_create(claims, batch_size=BATCH)
    verdicts = [
        Verdict(claim=c, rating=rng.choice(cast.ratings), summary=_sentence(rng, 20))
        for c in claims
    ]
    Verdict.objects.bulk_create(verdicts, batch_size=BATCH)
    ClaimAppearance.objects.bulk_create(
        [
            ClaimAppearance(
                claim=c,
                url=f"https://example.org/post/{c.pk}",
                medium=rng.choice(MEDIA),
                outlet="Social media",
                appeared_on=(
                    c.factcheck.first_published_at - datetime.timedelta(days=3)
                ).date(),
                is_first=True,
            )
            for c in claims
        ],
        batch_size=BATCH,
    )
    Source.objects.bulk_create(
        [
            Source(
                factcheck=a,
                title=f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} report",
                publisher="Statistics office",
                url=f"https://example.org/source/{a.pk}/{order}",
                kind=rng.choice(KINDS),
                ordering=order,
            )
            for a in articles
            for order in range(rng.randint(2, 4))
        ],
        batch_size=BATCH,
    )
    ExpertQuote.objects.bulk_create(
        [
            ExpertQuote(
                factcheck=a,
                expert=rng.choice(cast.experts),
                text=_sentence(rng, 25),
                obtained_via=ExpertQuote.ObtainedVia.PHONE,
                ordering=order,
            )
            for a in articles
            for order in range(rng.randint(0, 2))
        ],
        batch_size=BATCH,
    )
    # Each article on the list pages it belongs on (invalidation.listing_keys).
    listed = [(t.factcheck, listing_key("topic", t.topic.pk)) for t in tagged]
    listed += [(c.factcheck, listing_key("claimant", c.claimant.pk)) for c in claims]
    listed += [
        (v.claim.factcheck, listing_key("rating", v.rating.pk)) for v in verdicts
    ]
    for a in articles:
        listed += [(a, listing_key("author", a.created_by.pk))]
        listed += [(a, listing_key("author", a.editor.pk))]
    Listing.objects.bulk_create(
        [
            Listing(key=key, factcheck=a, first_published_at=a.first_published_at)
            for a, key in dict.fromkeys(listed)
        ],
        batch_size=BATCH,
    )
    ids = [a.pk for a in articles]
    # Started a couple of days before it went out, like the real thing.
    FactCheck.objects.filter(pk__in=ids).update(
        created_at=F("first_published_at") - datetime.timedelta(days=2)
    )
    return ids
