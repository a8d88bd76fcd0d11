"""The article page: every part in reading order, related fact-checks, what a
page costs and reads, and how quotes, appearances and images show."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from factcheck import editing, workflow
from factcheck.models import ClaimAppearance, ExpertQuote
from tests.factories import (
    AppearanceFactory,
    AuthorProfileFactory,
    ExpertQuoteFactory,
    SourceFactory,
    TopicFactory,
    make_factcheck,
    make_published,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_a_published_fact_check_reads_with_claim_and_verdict(client, published):
    response = client.get(published.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert published.claims.get().statement in content
    assert "False" in content


def test_the_article_shows_every_part_in_reading_order(client, journalist, editor):
    """Key points, then each claim box, body, quotes, sources, corrections, credit."""
    AuthorProfileFactory(user=journalist, display_name="Ana Writer", slug="ana")
    AuthorProfileFactory(user=editor, display_name="Ed Itor", slug="ed")
    factcheck = make_factcheck(
        authors=[journalist],
        key_points="First point\nSecond point",
        body="<p>BODY-MARKER</p>",
        partner_credit="Produced with Partner Desk.",
    )
    claim = factcheck.claims.get()
    AppearanceFactory(
        claim=claim,
        outlet="TikTok",
        appeared_on=datetime.date(2026, 1, 5),
        archived_url="https://archive.example/abc",
    )
    ExpertQuoteFactory(factcheck=factcheck, text="ON-RECORD-QUOTE")
    ExpertQuoteFactory(factcheck=factcheck, text="BACKGROUND-QUOTE", on_record=False)
    SourceFactory(
        factcheck=factcheck, title="SOURCE-MARKER", archived_url="https://archive.ex/s"
    )
    workflow.submit_for_review(factcheck, journalist)
    workflow.publish(factcheck, editor)
    editing.issue_correction(
        factcheck=factcheck,
        user=editor,
        kind="correction",
        text="CORRECTION-MARKER",
        issued_at=timezone.make_aware(datetime.datetime(2026, 2, 3, 12)),
    )

    page = client.get(factcheck.get_absolute_url()).content.decode()
    content = page[page.index("<main") :]

    strip = content[content.index('class="verdict-strip"') :]
    assert claim.statement in strip[: strip.index("</ul>")]  # the verdict first
    markers = [
        'class="verdict-strip"',
        "In short",
        'class="claim-box"',
        "BODY-MARKER",
        "ON-RECORD-QUOTE",
        "SOURCE-MARKER",
        "CORRECTION-MARKER",
        "Produced with Partner Desk.",
    ]
    positions = [content.index(marker) for marker in markers]
    assert positions == sorted(positions)
    assert "BACKGROUND-QUOTE" not in content
    assert '<a href="/authors/ana/">Ana Writer</a>' in content
    assert "Edited by" in content and '<a href="/authors/ed/">Ed Itor</a>' in content
    assert "3 February 2026" in content
    assert "TikTok" in content and "5 Jan 2026" in content
    for url in ["https://archive.example/abc", "https://archive.ex/s"]:
        link = re.search(rf'<a href="{re.escape(url)}"[^>]*>', content).group(0)
        assert "noopener noreferrer" in link
    for link in re.findall(
        r'<a href="https://example\.org/source/[^"]*"[^>]*>', content
    ):
        assert 'rel="noopener noreferrer"' in link
    assert page.count("<h1") == 1


def test_related_fact_checks_share_a_topic_or_a_rating(client, journalist, editor):
    """The earlier ones on the same subject, as they stood when it went out."""
    health = TopicFactory(name="Health", slug="health")
    make_published(journalist, editor, headline="Same topic here", topics=[health])
    make_published(journalist, editor, headline="Same rating here", rating_slug="true")
    make_published(journalist, editor, headline="Unrelated here", rating_slug="false")
    article = make_published(journalist, editor, rating_slug="true", topics=[health])
    make_published(journalist, editor, headline="Published later", topics=[health])

    related = client.get(article.get_absolute_url()).context["related"]

    headlines = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', related)
    assert sorted(headlines) == ["Same rating here", "Same topic here"]


def test_a_retracted_fact_check_answers_410_with_the_reason(client, published, editor):
    workflow.unpublish(
        published, editor, "The study it relied on was withdrawn.", retract=True
    )
    response = client.get(published.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 410
    assert "The study it relied on was withdrawn." in content
    assert published.claims.get().statement not in content
    assert "application/ld+json" not in content


def _article_with(journalist, editor, parts):
    """A published article with ``parts`` of every kind of part it can have."""
    authors = [journalist, *(make_user("Journalists") for _ in range(parts - 1))]
    for author in authors:
        AuthorProfileFactory(user=author)
    factcheck = make_factcheck(
        authors=authors, claims=parts, topics=[TopicFactory() for _ in range(parts)]
    )
    for claim in factcheck.claims.all():
        AppearanceFactory(claim=claim)
        AppearanceFactory(claim=claim, is_first=False)
    for _ in range(parts):
        SourceFactory(factcheck=factcheck)
        ExpertQuoteFactory(factcheck=factcheck)
    workflow.submit_for_review(factcheck, journalist)
    workflow.publish(factcheck, editor)
    for _ in range(parts):
        editing.issue_correction(
            factcheck=factcheck, user=editor, kind="update", text="Updated."
        )
    return factcheck


@pytest.mark.parametrize("parts", [1, 10])
def test_an_article_costs_a_fixed_few_queries_whatever_its_parts(
    client, journalist, editor, parts, django_assert_max_num_queries
):
    factcheck = _article_with(journalist, editor, parts)
    with django_assert_max_num_queries(6):
        response = client.get(factcheck.get_absolute_url())
    assert response.content.decode().count('class="claim-box"') == parts


def test_an_article_page_reads_nothing_private(client, journalist, editor):
    factcheck = _article_with(journalist, editor, 2)
    with CaptureQueriesContext(connection) as queries:
        client.get(factcheck.get_absolute_url())
    sql = " ".join(q["sql"] for q in queries)
    for column in ("password", "contact_email", "contact_phone", '"notes"'):
        assert column not in sql


def test_quotes_say_how_they_were_obtained(client, journalist, editor):
    draft = make_factcheck(authors=[journalist])
    ExpertQuoteFactory(
        factcheck=draft,
        obtained_via=ExpertQuote.ObtainedVia.WRITTEN,
        obtained_on=datetime.date(2026, 3, 4),
    )
    workflow.submit_for_review(draft, journalist)
    published = workflow.publish(draft, editor)
    content = client.get(published.get_absolute_url()).content.decode()
    assert "Written response, <time" in content
    assert "Professor of epidemiology" in content


def test_a_claim_appearance_without_a_link_names_the_outlet(client, journalist, editor):
    draft = make_factcheck(authors=[journalist])
    AppearanceFactory(
        claim=draft.claims.get(),
        url="",
        outlet="Rally in Leeds",
        medium=ClaimAppearance.Medium.SPEECH,
    )
    workflow.submit_for_review(draft, journalist)
    published = workflow.publish(draft, editor)
    assert "Rally in Leeds" in client.get(published.get_absolute_url()).content.decode()


def test_images_come_with_srcset_and_alt(client, journalist, editor, png_upload):
    profile = AuthorProfileFactory(user=journalist, display_name="Ana Writer")
    profile.photo = png_upload(size=(1000, 800))
    profile.save()
    factcheck = make_factcheck(
        authors=[journalist],
        hero_image=png_upload(size=(1300, 700)),
        hero_image_alt="A man drinking from a mug",
    )
    workflow.submit_for_review(factcheck, journalist)
    workflow.publish(factcheck, editor)

    article = client.get(factcheck.get_absolute_url()).content.decode()
    author = client.get(profile.get_absolute_url()).content.decode()

    hero = re.search(r'<img [^>]*class="hero__image"[^>]*>', article).group(0)
    assert 'alt="A man drinking from a mug"' in hero
    assert re.search(r'srcset="\S+ 480w, \S+ 800w, \S+ 1200w, \S+ 1300w"', hero)
    photo = re.search(r'<img [^>]*class="author-intro__photo"[^>]*>', author).group(0)
    assert 'alt="Ana Writer"' in photo
    assert re.search(r'srcset="\S+ 480w, \S+ 800w, \S+ 1000w"', photo)
    rendition = re.search(r'srcset="(\S+) 480w', photo).group(1)
    name = rendition.removeprefix(settings.MEDIA_URL)
    with default_storage.open(name) as file:
        assert Image.open(file).size == (480, 384)
