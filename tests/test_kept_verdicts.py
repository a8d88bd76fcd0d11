"""Published verdicts keep the label and meaning they were published with until re-rated."""

import json

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import PublishedPage, Rating, Verdict
from tests.factories import make_published, make_user, publish_rerating, rating
from tests.test_structured_data import LD_JSON

pytestmark = pytest.mark.django_db


def _reviews(client, factcheck):
    page = client.get(factcheck.get_absolute_url()).content.decode()
    blocks = [json.loads(block) for block in LD_JSON.findall(page)]
    return page, [item for item in blocks if item["@type"] == "ClaimReview"]


def _edit_the_scale():
    false = rating("false")
    false.label, false.colour, false.value = "Wrong", "#000000", 9
    false.meaning = "Something else now."
    false.save()
    Rating.objects.create(
        label="Pants on fire", slug="pants", colour="#ff0000", value=7, meaning="x"
    )


def test_a_scale_edit_leaves_published_verdicts_alone(client, published):
    page_before, reviews_before = _reviews(client, published)
    card_before = client.get(reverse("factcheck:home")).content.decode()
    assert "#b91c1c" in page_before

    _edit_the_scale()

    page, reviews = _reviews(client, published)
    article = page.split('<article class="article"')[1].split("</article>")[0]
    assert "False" in article and "Wrong" not in article and "#b91c1c" in article
    assert reviews == reviews_before
    assert reviews[0]["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 4,
        "worstRating": 1,
    }
    home = client.get(reverse("factcheck:home")).content.decode()
    card = home.split('<article class="card')[1].split("</article>")[0]
    assert "False" in card and "Wrong" not in card
    assert card in card_before
    partners = client.get(reverse("factcheck:claimreviews")).json()["items"]
    assert partners[0]["reviewRating"]["alternateName"] == "False"
    feed = client.get(reverse("factcheck:feed")).content.decode()
    assert "Wrong" not in feed


def test_the_rating_page_still_lists_them_by_the_rating(client, published):
    """Lists by rating go by the verdict's rating, whatever it is called now."""
    _edit_the_scale()
    page = client.get(reverse("factcheck:rating", args=["false"])).content.decode()
    assert published.headline in page


def test_a_re_rating_takes_the_scale_as_it_is_then(client, journalist, editor):
    factcheck = make_published(journalist, editor, claims=2, rating_slug="false")
    Rating.objects.filter(slug="false").update(label="Wrong")
    revision = workflow.start_revision(factcheck, journalist)
    first = revision.claims.first()
    Verdict.objects.filter(claim=first).update(rating=rating("true"))
    workflow.submit_for_review(revision, journalist)
    publish_rerating(revision, editor, make_user("Editors", username="desk"))

    page, reviews = _reviews(client, factcheck)
    labels = [review["reviewRating"]["alternateName"] for review in reviews]
    assert labels == ["True", "False"]  # the untouched verdict keeps its label
    assert factcheck.corrections.get().old_rating_label == "False"


def test_a_draft_preview_shows_the_scale_as_it_is(client, draft, editor):
    Rating.objects.filter(slug="false").update(label="Wrong")
    client.force_login(editor)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Wrong" in page


def test_a_scale_edit_marks_no_kept_page_stale(published):
    _edit_the_scale()
    assert PublishedPage.objects.filter(stale=True).count() == 0
