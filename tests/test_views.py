"""Reader pages show published fact-checks only; staff preview the rest."""

import datetime
import html
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from factcheck import search, views, workflow
from factcheck.models import ClaimAppearance, ExpertQuote, FactCheck
from tests.factories import (
    AppearanceFactory,
    AuthorProfileFactory,
    ClaimFactory,
    CorrectionFactory,
    ExpertQuoteFactory,
    SourceFactory,
    TopicFactory,
    VerdictFactory,
    make_factcheck,
    make_published,
    rating,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(journalist, editor):
    factcheck = make_factcheck(
        authors=[journalist], headline="Are bananas radioactive?"
    )
    workflow.submit_for_review(factcheck, journalist)
    return workflow.publish(factcheck, editor)


def test_home_lists_published_fact_checks(client, published):
    response = client.get(reverse("factcheck:home"))
    assert response.status_code == 200
    assert "Are bananas radioactive?" in response.content.decode()


def test_home_paginates_twenty_a_page(client, journalist, editor):
    for _ in range(21):
        make_published(journalist, editor)
    first = client.get(reverse("factcheck:home"))
    second = client.get(reverse("factcheck:home"), {"page": 2})
    assert len(first.context["factchecks"]) == 20
    assert len(second.context["factchecks"]) == 1
    assert 'rel="next"' in first.content.decode()
    assert 'rel="prev"' in second.content.decode()


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
    CorrectionFactory(
        factcheck=factcheck,
        text="CORRECTION-MARKER",
        issued_at=timezone.make_aware(datetime.datetime(2026, 2, 3, 12)),
    )

    page = client.get(factcheck.get_absolute_url()).content.decode()
    content = page[page.index("<main") :]

    markers = [
        "In short",
        claim.statement,
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
    health = TopicFactory(name="Health", slug="health")
    article = make_published(journalist, editor, rating_slug="true")
    article.topics.add(health)
    same_topic = make_published(journalist, editor, headline="Same topic here")
    same_topic.topics.add(health)
    make_published(journalist, editor, headline="Same rating here", rating_slug="true")
    make_published(journalist, editor, headline="Unrelated here", rating_slug="false")

    related = client.get(article.get_absolute_url()).context["related"]

    assert {f.headline for f in related} == {"Same topic here", "Same rating here"}


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


def _grow(factcheck, claims):
    for _ in range(claims):
        claim = ClaimFactory(factcheck=factcheck)
        VerdictFactory(claim=claim, rating=rating("misleading"))
        AppearanceFactory(claim=claim)
        AppearanceFactory(claim=claim, is_first=False)
        SourceFactory(factcheck=factcheck, claim=claim)
        ExpertQuoteFactory(factcheck=factcheck)
        CorrectionFactory(factcheck=factcheck)


def test_article_queries_do_not_grow_with_its_parts(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as small:
        client.get(published.get_absolute_url())
    _grow(published, claims=6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(published.get_absolute_url())
    assert response.content.decode().count('class="claim-box"') == 7


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


def test_the_embed_can_be_framed_elsewhere_but_pages_cannot(client, published):
    embed = client.get(reverse("factcheck:embed", args=[published.slug]))
    page = client.get(published.get_absolute_url())
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert published.claims.get().statement in embed.content.decode()
    assert page["X-Frame-Options"] == "DENY"


def test_oembed_offers_the_embed_for_an_article_url(client, published):
    article_url = "http://testserver" + published.get_absolute_url()
    page = client.get(published.get_absolute_url()).content.decode()
    assert 'type="application/json+oembed"' in page

    data = client.get(
        reverse("factcheck:oembed"), {"url": article_url, "maxwidth": 400}
    ).json()

    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["width"] == 400
    assert reverse("factcheck:embed", args=[published.slug]) in data["html"]
    assert data["thumbnail_url"].startswith(
        f"http://testserver/fact-checks/{published.slug}/card.png?v="
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.example/fact-checks/{slug}/",
        "http://testserver/how-we-rate/",
        "http://testserver/fact-checks/no-such-thing/",
        "not a url",
        "http://[",
    ],
)
def test_oembed_refuses_urls_that_are_not_our_articles(client, published, url):
    response = client.get(
        reverse("factcheck:oembed"), {"url": url.format(slug=published.slug)}
    )
    assert response.status_code == 404


def test_oembed_has_no_xml(client, published):
    response = client.get(
        reverse("factcheck:oembed"),
        {"url": "http://testserver" + published.get_absolute_url(), "format": "xml"},
    )
    assert response.status_code == 501


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
        reverse("sitemap"),
        reverse("factcheck:claimreviews"),
        factcheck.get_absolute_url(),
    ]


@pytest.mark.parametrize(
    "state", ["draft", "review", "scheduled", "unpublished", "retracted"]
)
def test_unpublished_fact_checks_appear_nowhere(client, journalist, editor, state):
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
    search.refresh_search_vector(hidden.pk)

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


def test_quotes_say_how_they_were_obtained(client, published):
    ExpertQuoteFactory(
        factcheck=published,
        obtained_via=ExpertQuote.ObtainedVia.WRITTEN,
        obtained_on=datetime.date(2026, 3, 4),
    )
    content = client.get(published.get_absolute_url()).content.decode()
    assert "Written response, <time" in content
    assert "Professor of epidemiology" in content


def test_a_claim_appearance_without_a_link_names_the_outlet(client, published):
    AppearanceFactory(
        claim=published.claims.get(),
        url="",
        outlet="Rally in Leeds",
        medium=ClaimAppearance.Medium.SPEECH,
    )
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


def _budget(journalist, editor):
    """A published fact-check of two claims rated differently, as the demo has."""
    factcheck = make_factcheck(
        authors=[journalist], claims=2, rating_slug="mostly-true", headline="Budget"
    )
    first, second = factcheck.claims.all()
    first.statement, second.statement = "Prices rose fastest", "Wages outpace prices"
    first.save()
    second.save()
    second.verdict.rating = rating("true")
    second.verdict.save()
    workflow.submit_for_review(factcheck, journalist)
    return workflow.publish(factcheck, editor)


def test_list_cards_show_every_claims_verdict_beside_its_claim(
    client, journalist, editor
):
    """The budget article on /ratings/true/ must not say only "Mostly true"."""
    _budget(journalist, editor)
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


def test_the_embed_shows_every_claims_verdict(client, journalist, editor):
    factcheck = _budget(journalist, editor)
    content = client.get(reverse("factcheck:embed", args=[factcheck.slug])).content
    rows = re.findall(r"<li>(.*?)</li>", content.decode(), re.DOTALL)
    assert ">Mostly true</span>" in rows[0] and "Prices rose fastest" in rows[0]
    assert ">True</span>" in rows[1] and "Wages outpace prices" in rows[1]


def test_the_embed_cuts_a_long_claim_at_a_word(client, published):
    """The CSS clamps it to three lines; the server cuts it too, as a fallback."""
    sentence = "Drinking hot lemon water every morning cures every known disease "
    words = set(sentence.split())
    claim = published.claims.get()
    claim.statement = (sentence * 6)[:330]
    claim.save()
    content = client.get(reverse("factcheck:embed", args=[published.slug])).content
    shown = re.search(r"<q>(.*?)</q>", content.decode()).group(1)
    assert shown.endswith("…") and len(shown) <= 180
    assert set(shown.removesuffix("…").split()) <= words
    assert "Read the full fact-check" in content.decode()


def test_the_share_image_alt_names_every_verdict(client, journalist, editor):
    factcheck = _budget(journalist, editor)
    content = client.get(factcheck.get_absolute_url()).content.decode()
    assert (
        '<meta property="og:image:alt" content="Budget — Verdicts: Mostly true, True">'
        in content
    )


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
        topics = [(t.name, t.published_count) for t in views.topics_in_use()]
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


def test_the_embed_code_survives_quotes_in_the_headline(client, published):
    """The textarea holds the iframe as text: copied, it must parse back whole."""
    FactCheck.objects.filter(pk=published.pk).update(
        headline='No, the "Great Wall" is not visible " onload="alert(1)'
    )
    page = client.get(published.get_absolute_url()).content.decode()
    code = html.unescape(
        re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S)[1]
    )
    iframe = re.fullmatch(r"<iframe ([^>]*)></iframe>", code.strip())[1]
    attributes = dict(re.findall(r'(\w+)="([^"]*)"', iframe))
    assert set(attributes) == {"src", "width", "height", "title", "style", "loading"}
    assert html.unescape(attributes["title"]).startswith('Fact-check: No, the "Great')


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
