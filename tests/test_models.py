"""Validation rules of the content model, at save and in full_clean()."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from factcheck.models import Claimant, FactCheck, Rating, Source, Status
from factcheck.models.ratings import contrast_ratio
from tests.factories import (
    AppearanceFactory,
    ClaimFactory,
    FactCheckFactory,
    SourceFactory,
    make_factcheck,
)

pytestmark = pytest.mark.django_db


def test_default_rating_scale_is_installed_by_migrations():
    labels = set(Rating.objects.values_list("label", flat=True))
    assert {"True", "Mostly true", "Misleading", "False", "Unproven"} <= labels
    assert all(Rating.objects.values_list("meaning", flat=True))


def test_rating_bounds_ignore_ratings_off_the_scale():
    assert Rating.objects.bounds() == (1, 4)


@pytest.mark.parametrize(
    "colour", ["#ffffff", "#000000", "#777777", "#b91c1c", "#fde047"]
)
def test_badge_text_colour_always_reaches_wcag_aa_contrast(colour):
    rating = Rating(label="x", slug="x", colour=colour, meaning="x")
    assert contrast_ratio(rating.text_colour, colour) >= 4.5


def test_rating_colour_must_be_hex():
    rating = Rating(label="Odd", slug="odd", colour="red", meaning="x")
    with pytest.raises(ValidationError) as error:
        rating.full_clean()
    assert "colour" in error.value.message_dict


def test_source_needs_a_url_or_a_citation():
    source = SourceFactory.build(factcheck=FactCheckFactory(), url="", citation="")
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict
    source.citation = "Smith J. (2021). A study. Journal of Things, 4(2), 10-20."
    source.full_clean()


def test_database_refuses_a_source_with_neither_url_nor_citation():
    factcheck = FactCheckFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(factcheck=factcheck, title="Nothing to follow")


@pytest.mark.parametrize("field", ["url", "archived_url"])
def test_source_urls_must_be_valid(field):
    source = SourceFactory.build(factcheck=FactCheckFactory(), **{field: "not a url"})
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert field in error.value.message_dict


def test_source_cannot_point_to_another_articles_claim():
    claim = ClaimFactory()
    source = SourceFactory.build(factcheck=FactCheckFactory(), claim=claim)
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "claim" in error.value.message_dict


def test_appearance_needs_a_url_or_a_place():
    appearance = AppearanceFactory.build(claim=ClaimFactory(), url="", outlet="")
    with pytest.raises(ValidationError):
        appearance.full_clean()
    appearance.outlet = "Evening news, Channel 4"
    appearance.full_clean()


def test_appearance_url_must_be_valid():
    appearance = AppearanceFactory.build(
        claim=ClaimFactory(), url="javascript:alert(1)"
    )
    with pytest.raises(ValidationError) as error:
        appearance.full_clean()
    assert "url" in error.value.message_dict


def test_a_claim_has_only_one_first_appearance():
    claim = ClaimFactory()
    AppearanceFactory(claim=claim, is_first=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        AppearanceFactory(claim=claim, is_first=True)
    AppearanceFactory(claim=claim, is_first=False)
    assert claim.appearances.count() == 2


def test_first_appearance_prefers_the_marked_one():
    claim = ClaimFactory()
    AppearanceFactory(claim=claim, is_first=False, appeared_on="2024-01-01")
    marked = AppearanceFactory(claim=claim, is_first=True, appeared_on="2024-03-01")
    assert claim.first_appearance == marked


def test_account_claimant_names_its_platform():
    claimant = Claimant(name="Anonymous post", slug="anon", kind=Claimant.Kind.ACCOUNT)
    with pytest.raises(ValidationError) as error:
        claimant.full_clean()
    assert "platform" in error.value.message_dict
    claimant.platform, claimant.handle = "TikTok", "@healthtruths"
    claimant.full_clean()
    assert str(claimant) == "Anonymous post (@healthtruths)"


def test_hero_image_requires_alt_text(png_upload):
    factcheck = FactCheckFactory.build(hero_image=png_upload(), hero_image_alt="")
    with pytest.raises(ValidationError) as error:
        factcheck.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_body_is_sanitised_on_every_save_not_only_in_forms():
    factcheck = FactCheckFactory(
        body='<p onclick="x()">Hi<script>alert(1)</script></p>'
    )
    factcheck.refresh_from_db()
    assert factcheck.body == "<p>Hi</p>"


def test_a_half_done_draft_saves():
    factcheck = FactCheck.objects.create(headline="Working title", slug="working-title")
    ClaimFactory(factcheck=factcheck, claimant=None)
    factcheck.full_clean()
    assert factcheck.status == Status.DRAFT


def test_published_requires_a_publication_time():
    factcheck = FactCheckFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        FactCheck.objects.filter(pk=factcheck.pk).update(status=Status.PUBLISHED)


def test_published_queryset_hides_drafts_and_scheduled():
    now = timezone.now()
    live = make_factcheck()
    FactCheck.objects.filter(pk=live.pk).update(
        status=Status.PUBLISHED, published_at=now
    )
    later = make_factcheck()
    FactCheck.objects.filter(pk=later.pk).update(
        status=Status.PUBLISHED, published_at=now + timezone.timedelta(hours=1)
    )
    make_factcheck()  # a draft
    assert list(FactCheck.objects.published()) == [live]
    assert list(FactCheck.objects.scheduled()) == [later]
    later.refresh_from_db()
    assert later.is_scheduled is True
    assert later.is_published is False


def test_absolute_url_is_readable():
    factcheck = FactCheckFactory(slug="bananas-are-radioactive")
    assert factcheck.get_absolute_url() == "/fact-checks/bananas-are-radioactive/"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,hi", "example.org"]
)
@pytest.mark.parametrize(
    "make",
    [
        lambda url: SourceFactory(url=url),
        lambda url: SourceFactory(archived_url=url),
        lambda url: AppearanceFactory(url=url),
        lambda url: Claimant.objects.create(name="An account", slug="acc", url=url),
    ],
)
def test_the_database_refuses_links_that_are_not_web_addresses(make, url):
    """Code that skips the forms (imports, scripts, the shell) is held too."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make(url)


@pytest.mark.parametrize("url", ["not a url", "ftp://files.example.org/report.pdf"])
def test_a_bad_link_gets_one_clear_error(url):
    source = SourceFactory.build(factcheck=FactCheckFactory(), url=url)
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert error.value.message_dict["url"] == ["Enter a valid URL."]
