"""Reader pages show published fact-checks only; staff preview the rest."""

import datetime
import html
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from factcheck import editing, workflow
from factcheck.models import ClaimAppearance, ExpertQuote, Topic
from tests.factories import (
    AppearanceFactory,
    AuthorProfileFactory,
    ClaimFactory,
    ExpertQuoteFactory,
    SourceFactory,
    TopicFactory,
    VerdictFactory,
    make_factcheck,
    make_mixed_verdicts,
    make_published,
    make_user,
    rating,
)

pytestmark = pytest.mark.django_db


def test_home_lists_published_fact_checks(client, published):
    response = client.get(reverse("factcheck:home"))
    assert response.status_code == 200
    assert "Are bananas radioactive?" in response.content.decode()


def _link(response, rel):
    found = re.search(rf'href="([^"]+)" rel="{rel}"', response.content.decode())
    return html.unescape(found.group(1)) if found else None


def test_home_pages_twenty_at_a_time_by_position(client, journalist, editor):
    made = [make_published(journalist, editor) for _ in range(41)]
    newest_first = [f.headline for f in reversed(made)]
    home = reverse("factcheck:home")
    first = client.get(home)
    assert [f.headline for f in first.context["factchecks"]] == newest_first[:20]
    assert _link(first, "prev") is None

    second = client.get(home + _link(first, "next"))
    assert [f.headline for f in second.context["factchecks"]] == newest_first[20:40]
    third = client.get(home + _link(second, "next"))
    assert [f.headline for f in third.context["factchecks"]] == newest_first[40:]
    assert _link(third, "next") is None

    # Back up the list: the same pages, up to the first as everyone sees it.
    back = client.get(home + _link(third, "prev"))
    assert back.context["factchecks"] == second.context["factchecks"]
    top = client.get(home + _link(back, "prev"))
    assert top.context["factchecks"] == first.context["factchecks"]
    assert top.context["page"].is_first is True


def test_a_deep_page_costs_what_the_first_does(
    client, journalist, editor, django_assert_num_queries
):
    for _ in range(25):
        make_published(journalist, editor)
    home = reverse("factcheck:home")
    with CaptureQueriesContext(connection) as first:
        older = _link(client.get(home), "next")
    with django_assert_num_queries(len(first)):
        client.get(home + older)
    assert not [q for q in first if "__count" in q["sql"]]  # no Paginator count


@pytest.mark.parametrize(
    "cursor", ["?before=abc", "?after=1-2-3", "?before=99999999999999999999999-1"]
)
def test_a_malformed_position_is_a_404(client, published, cursor):
    assert client.get(reverse("factcheck:home") + cursor).status_code == 404


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


@pytest.mark.parametrize("state", ["draft", "review", "scheduled"])
def test_anonymous_readers_get_404_for_anything_unpublished(
    client, journalist, editor, state
):
    factcheck = make_factcheck(authors=[journalist], headline="Secret draft")
    if state != "draft":
        workflow.submit_for_review(factcheck, journalist)
    if state == "scheduled":
        workflow.publish(
            factcheck, editor, at=timezone.now() + datetime.timedelta(hours=1)
        )
    assert client.get(factcheck.get_absolute_url()).status_code == 404
    assert "Secret draft" not in client.get(reverse("factcheck:home")).content.decode()


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


def test_authors_preview_their_draft_uncached(client, journalist):
    factcheck = make_factcheck(authors=[journalist])
    client.force_login(journalist)
    response = client.get(factcheck.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert "application/ld+json" not in response.content.decode()


def test_other_journalists_cannot_preview_a_draft(client, journalist, other_journalist):
    factcheck = make_factcheck(authors=[journalist])
    client.force_login(other_journalist)
    assert client.get(factcheck.get_absolute_url()).status_code == 404


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


def test_list_pages_do_not_grow_with_their_rows(
    client, journalist, editor, django_assert_max_num_queries
):
    topic = TopicFactory()
    make_published(journalist, editor).topics.add(topic)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("factcheck:home"))
    for _ in range(6):
        factcheck = make_published(journalist, editor, claims=2)
        factcheck.topics.add(topic, TopicFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("factcheck:home"))


def test_rating_topic_and_author_pages_list_their_fact_checks(
    client, journalist, editor
):
    profile = AuthorProfileFactory(user=journalist, bio="Writes about health.")
    topic = TopicFactory(name="Climate", slug="climate", description="Heat.")
    match = make_published(journalist, editor, headline="In all three")
    match.topics.add(topic)
    make_published(editor=editor, headline="In none", rating_slug="true")

    for url, extra in [
        (reverse("factcheck:rating", args=["false"]), "Claims we rated False"),
        (topic.get_absolute_url(), "Heat."),
        (profile.get_absolute_url(), "Writes about health."),
    ]:
        content = client.get(url).content.decode()
        assert "In all three" in content
        assert "In none" not in content
        assert extra in content
        assert content.count("<h1") == 1


def test_how_we_rate_is_built_from_the_rating_scale(client):
    false = rating("false")
    false.meaning = "Our own words for false."
    false.save()
    content = client.get(reverse("factcheck:how-we-rate")).content.decode()
    assert "Our own words for false." in content
    assert content.index("Mostly true") < content.index("Misleading")


def test_unknown_pages_get_the_custom_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert 'role="search"' in response.content.decode()


def test_the_500_page_renders_without_context():
    html = render_to_string("500.html")
    assert "Something went wrong" in html


def _surfaces(factcheck):
    """Every public URL that could leak an article, with what must not be there."""
    topic = factcheck.topics.get()
    return [
        reverse("factcheck:home"),
        topic.get_absolute_url(),
        reverse("factcheck:rating", args=["false"]),
        factcheck.bylines.get().author.profile.get_absolute_url(),
        reverse("factcheck:search") + "?q=Zanzibar",
        reverse("factcheck:search") + "?rating=false",
        reverse("factcheck:feed"),
        reverse("factcheck:feed-atom"),
        reverse("factcheck:topic-feed", args=[topic.slug]),
        reverse("factcheck:topic-feed-atom", args=[topic.slug]),
        reverse("factcheck:sitemap"),
        reverse("factcheck:sitemap-section", args=["site"]),
        reverse("factcheck:sitemap-section", args=[f"{timezone.now():%Y-%m}"]),
        reverse("factcheck:claimreviews"),
        factcheck.get_absolute_url(),
    ]


@pytest.mark.parametrize(
    "state", ["draft", "review", "scheduled", "unpublished", "retracted"]
)
def test_unpublished_fact_checks_appear_nowhere(
    client, journalist, editor, state, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    AuthorProfileFactory(user=journalist)
    visible = make_published(journalist, editor, headline="Visible Zanzibar check")
    visible.topics.add(topic)
    hidden = make_factcheck(
        authors=[journalist], headline="Hidden Zanzibar check", slug="hidden"
    )
    hidden.topics.add(topic)
    secret = ClaimFactory(factcheck=hidden, statement="Zanzibar secret claim")
    VerdictFactory(claim=secret)
    SourceFactory(factcheck=hidden, claim=secret)
    if state != "draft":
        workflow.submit_for_review(hidden, journalist)
    if state == "scheduled":
        workflow.publish(hidden, editor, at=timezone.now() + datetime.timedelta(days=1))
    if state in ("unpublished", "retracted"):
        workflow.publish(hidden, editor)
        workflow.unpublish(hidden, editor, "Pulled.", retract=state == "retracted")
    if state == "draft":
        # Indexed, as a journalist's save leaves it; the steps index the rest.
        with django_capture_on_commit_callbacks(execute=True):
            editing.save_edit(
                factcheck=hidden, user=journalist, version=hidden.lock_version
            )

    for url in _surfaces(hidden):
        content = client.get(url).content.decode()
        assert "Zanzibar secret claim" not in content, url
        assert "/fact-checks/hidden/" not in content, url
    assert "Visible Zanzibar check" in client.get("/").content.decode()
    for name in ["factcheck:card", "factcheck:embed"]:
        assert client.get(reverse(name, args=["hidden"])).status_code == 404
    oembed = client.get(
        reverse("factcheck:oembed"), {"url": "http://testserver/fact-checks/hidden/"}
    )
    assert oembed.status_code == 404


def test_every_demo_page_answers(client, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False
    home = client.get("/").content.decode()
    links = set(re.findall(r'href="(/[^"]*)"', home)) - {"/admin/"}
    for link in sorted(links):
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link


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


def test_list_cards_show_every_claims_verdict_beside_its_claim(
    client, journalist, editor
):
    """The budget article on /ratings/true/ must not say only "Mostly true"."""
    make_mixed_verdicts(journalist, editor)
    content = client.get(reverse("factcheck:rating", args=["true"])).content.decode()
    card = content[content.index('class="card"') :]
    rows = re.findall(r"<li>(.*?)</li>", card, re.DOTALL)
    assert ">Mostly true</span>" in rows[0] and "Prices rose fastest" in rows[0]
    assert ">True</span>" in rows[1] and "Wages outpace prices" in rows[1]
    # Mixed verdicts: no one verdict colours the card.
    assert "--verdict:" not in card


def test_a_card_lists_three_claims_then_counts_the_rest(client, journalist, editor):
    make_published(journalist, editor, claims=5)
    content = client.get(reverse("factcheck:home")).content.decode()
    assert content.count('class="verdict-badge') == 3
    assert "and 2 more claims" in content


def test_topics_lists_only_topics_with_published_fact_checks(
    client, journalist, editor, django_assert_num_queries
):
    health, climate, unused, drafts_only = (
        TopicFactory(name=name) for name in ("Health", "Climate", "Sport", "Energy")
    )
    for factcheck in (make_published(journalist, editor) for _ in range(2)):
        factcheck.topics.add(health)
    make_published(journalist, editor).topics.add(climate)
    make_factcheck(authors=[journalist]).topics.add(health, drafts_only)

    with django_assert_num_queries(1):
        topics = [(t.name, t.published_count) for t in Topic.objects.with_counts()]
    assert topics == [("Climate", 1), ("Health", 2)]
    page = client.get(reverse("factcheck:topics")).content.decode()
    home = client.get(reverse("factcheck:home")).content.decode()
    assert "2 fact-checks" in page and "1 fact-check<" in page
    for content in (page, home):
        assert health.get_absolute_url() in content
        assert unused.get_absolute_url() not in content
        assert drafts_only.get_absolute_url() not in content


def test_author_pages_need_published_work(client, journalist, editor):
    """Writers and editors of a published fact-check have a page; nobody else."""
    writer = AuthorProfileFactory(user=journalist)
    credited_editor = AuthorProfileFactory(user=editor)
    idle = AuthorProfileFactory(bio="Joined last week.")
    drafting = AuthorProfileFactory()
    make_factcheck(authors=[drafting.user])
    factcheck = make_published(journalist, editor, headline="Edited by the editor")

    assert client.get(idle.get_absolute_url()).status_code == 404
    assert client.get(drafting.get_absolute_url()).status_code == 404
    for profile in (writer, credited_editor):
        response = client.get(profile.get_absolute_url())
        assert response.status_code == 200
        assert list(response.context["factchecks"]) == [factcheck]
    article = client.get(factcheck.get_absolute_url()).content.decode()
    assert credited_editor.get_absolute_url() in article


def test_pages_are_in_the_publications_language_whatever_the_browser_asks(
    client, published
):
    """Pages are cached per URL, so one reader's language must not reach another."""
    page = client.get(
        published.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert '<html lang="en">' in page


def test_an_empty_listing_asks_search_engines_not_to_index_it(client, published):
    empty = client.get(reverse("factcheck:rating", args=["unproven"])).content
    assert b'<meta name="robots" content="noindex">' in empty
    full = client.get(reverse("factcheck:home")).content
    assert b'name="robots"' not in full
