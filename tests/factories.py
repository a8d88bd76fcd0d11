"""The one place tests build their data."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from factcheck import panel, workflow
from factcheck.models import (
    AuthorProfile,
    Byline,
    Claim,
    Claimant,
    ClaimAppearance,
    Correction,
    Expert,
    ExpertQuote,
    FactCheck,
    Rating,
    Source,
    Topic,
    Verdict,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


def make_user(*groups, **kwargs):
    """A staff user in the named groups ("Journalists", "Editors")."""
    return UserFactory(groups=list(groups), **kwargs)


class AuthorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuthorProfile

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda p: p.user.get_full_name())
    slug = factory.Sequence(lambda n: f"author-{n}")
    role = "Fact-checker"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ClaimantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claimant

    name = factory.Sequence(lambda n: f"Claimant {n}")
    slug = factory.Sequence(lambda n: f"claimant-{n}")


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    name = factory.Sequence(lambda n: f"Dr Expert {n}")
    credentials = "Professor of epidemiology"
    affiliation = "University of Somewhere"


def rating(slug):
    """A rating from the default scale the migrations install."""
    return Rating.objects.get(slug=slug)


class FactCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FactCheck
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Does claim number {n} hold up?")
    slug = factory.Sequence(lambda n: f"fact-check-{n}")
    standfirst = "What the evidence says."
    body = "<p>The reported body of the fact-check.</p>"

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        for ordering, user in enumerate(extracted or []):
            Byline.objects.create(factcheck=self, author=user, ordering=ordering)
        if extracted:
            self.created_by = extracted[0]
            FactCheck.objects.filter(pk=self.pk).update(created_by=extracted[0])


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    factcheck = factory.SubFactory(FactCheckFactory)
    statement = factory.Sequence(lambda n: f"Claim {n} is true")
    claimant = factory.SubFactory(ClaimantFactory)


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    rating = factory.LazyFunction(lambda: rating("false"))
    summary = "The evidence contradicts it."


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimAppearance

    claim = factory.SubFactory(ClaimFactory)
    url = factory.Sequence(lambda n: f"https://example.org/post/{n}")
    medium = ClaimAppearance.Medium.SOCIAL
    is_first = True


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    factcheck = factory.SubFactory(FactCheckFactory)
    title = factory.Sequence(lambda n: f"Source {n}")
    publisher = "Statistics Office"
    url = factory.Sequence(lambda n: f"https://example.org/source/{n}")


class ExpertQuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertQuote

    factcheck = factory.SubFactory(FactCheckFactory)
    expert = factory.SubFactory(ExpertFactory)
    text = "The data do not support that."
    obtained_via = ExpertQuote.ObtainedVia.PHONE


def make_factcheck(authors=(), claims=1, rating_slug="false", topics=(), **overrides):
    """A complete draft: byline, claims with claimant and verdict, a source each."""
    factcheck = FactCheckFactory(authors=list(authors), **overrides)
    factcheck.topics.set(topics)
    for _ in range(claims):
        claim = ClaimFactory(factcheck=factcheck)
        VerdictFactory(claim=claim, rating=rating(rating_slug))
        SourceFactory(factcheck=factcheck, claim=claim)
    return factcheck


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    factcheck = factory.SubFactory(FactCheckFactory)
    text = "An earlier version gave the wrong year for the study."


def make_published_from(draft, editor=None):
    """``draft`` submitted by the author who started it, published by an editor."""
    workflow.submit_for_review(draft, draft.created_by)
    return workflow.publish(draft, editor or make_user("Editors"))


def make_published(journalist=None, editor=None, **overrides):
    """A complete fact-check (see ``make_factcheck``) published through the workflow.

    A journalist writes and submits it and a different editor publishes it, as
    the four-eyes rule requires.
    """
    journalist = journalist or make_user("Journalists")
    return make_published_from(
        make_factcheck(authors=[journalist], **overrides), editor
    )


def rewrite_revision(revision, other_journalist):
    """Change every kind of part of ``revision``, as the admin form would."""
    FactCheck.objects.filter(pk=revision.pk).update(
        headline="The claim is still false, and here is new evidence",
        body="<p>A new study confirms it.</p>",
    )
    first, second = revision.claims.all()
    Verdict.objects.filter(claim=first).update(
        rating=rating("misleading"), summary="Partly: the figure is out of date."
    )
    second.delete()
    SourceFactory(factcheck=revision, claim=first, title="The 2026 study")
    ExpertQuote.objects.filter(factcheck=revision).update(text="Now confirmed.")
    Byline.objects.create(factcheck=revision, author=other_journalist, ordering=2)
    revision.topics.set([TopicFactory(name="Science", slug="science")])
    return FactCheck.objects.get(pk=revision.pk)


def make_mixed_verdicts(journalist, editor):
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


def publish_rerating(revision, editor, second_editor, note="We changed our verdict."):
    """Publish a revision that re-rates, ``second_editor`` voting for each new rating."""
    for claim in revision.claims.select_related("verdict"):
        if claim.verdict.is_rerated:
            panel.vote(claim, second_editor, claim.verdict.rating)
    return workflow.publish(revision, editor, change_class="rerating", note=note)
