"""Claims already checked: a paraphrase finds the fact-check, unrelated text does not.

Run on both databases: PostgreSQL's indexes and pg_trgm, and the Python
fallback elsewhere.
"""

import pytest
from django.db import connection

from factcheck import matching, workflow
from factcheck.models import Claim, FactCheck
from tests.factories import (
    AppearanceFactory,
    ClaimantFactory,
    SourceFactory,
    make_factcheck,
    make_published,
)
from tests.test_importer import run_import

pytestmark = pytest.mark.django_db


def published_about(statement, headline, **kwargs):
    factcheck = make_published(headline=headline, **kwargs)
    Claim.objects.filter(factcheck=factcheck).update(statement=statement)
    FactCheck.objects.filter(pk=factcheck.pk).index_for_search()
    return factcheck


@pytest.fixture
def desk_archive(db):
    """A few published checks on different subjects, as a desk's archive holds."""
    return {
        "wall": published_about(
            "The Great Wall of China is visible from space with the naked eye",
            "No, the Great Wall of China is not visible to the naked eye from space",
        ),
        "water": published_about(
            "Drinking hot water every 15 minutes kills viruses in the throat",
            "No, sipping hot water does not wash viruses out of your throat",
        ),
        "wages": published_about(
            "Wages are now rising faster than prices",
            "Inflation and wages: checking a claim from the budget debate",
        ),
    }


@pytest.mark.parametrize(
    ("tip", "subject"),
    [
        ("My uncle says you can see the great wall of China from space!", "wall"),
        (
            "A WhatsApp message says sipping hot water every quarter hour flushes "
            "the virus out of your throat",
            "water",
        ),
        ("The minister says wages are rising faster than inflation now", "wages"),
    ],
)
def test_a_paraphrase_of_a_published_claim_finds_it_first(desk_archive, tip, subject):
    matches = matching.similar(tip)
    assert matches, "the paraphrase found nothing"
    assert matches[0].factcheck == desk_archive[subject]
    assert matching.THRESHOLD <= matches[0].score <= 1
    assert 0 < matches[0].percent <= 100
    assert [m.factcheck for m in matches].count(desk_archive[subject]) == 1


@pytest.mark.parametrize(
    "tip",
    [
        "The moon landings were filmed in a studio in Nevada",
        "The mayor said crime fell by half last year",
        "Is it safe to eat raw cookie dough?",
        "",
        "!!! ??? ...",
    ],
)
def test_unrelated_text_finds_nothing(desk_archive, tip):
    assert matching.similar(tip) == []


def test_the_seed_fact_check_is_found_from_a_readers_paraphrase(
    seed_path, journalist, editor
):
    run_import(seed_path, "--author", "journalist", "--rating", "Mostly true")
    seed = FactCheck.objects.get()
    seed.claims.update(claimant=ClaimantFactory(name="Elon Musk"))
    SourceFactory(factcheck=seed, claim=seed.claims.get())
    workflow.submit_for_review(seed, journalist)
    workflow.publish(seed, editor)

    tip = "Elon Musk says ketamine helps him manage his depression. Does it?"
    [match] = matching.similar(tip)
    assert match.factcheck == seed
    assert match.matched == "Ketamine can help manage symptoms of depression"


def test_only_what_readers_can_see_is_already_checked(desk_archive, journalist):
    draft = make_factcheck(authors=[journalist], headline="Bananas and radiation")
    Claim.objects.filter(factcheck=draft).update(
        statement="Bananas are naturally radioactive"
    )
    FactCheck.objects.filter(pk=draft.pk).index_for_search()
    tip = "Someone told me bananas are radioactive"
    assert matching.similar(tip) == []
    [under_way] = matching.similar(tip, queryset=FactCheck.objects.under_way())
    assert under_way.factcheck == draft


def test_a_tip_linking_to_a_recorded_appearance_is_the_same_claim(desk_archive):
    claim = desk_archive["wages"].claims.get()
    AppearanceFactory(claim=claim, url="https://social.example/posts/123")
    [match] = matching.similar("Is this true?", url="https://social.example/posts/123")
    assert match.factcheck == desk_archive["wages"]
    assert match.same_link and match.score == 1


def test_excluded_articles_and_many_matches_are_left_out(desk_archive):
    tip = "wages are now rising faster than prices, the wall of China seen from space"
    found = {m.factcheck for m in matching.similar(tip)}
    assert {desk_archive["wages"], desk_archive["wall"]} <= found
    fewer = matching.similar(tip, exclude=[desk_archive["wages"].pk], shown=1)
    assert [m.factcheck for m in fewer] == [desk_archive["wall"]]


def test_the_python_measure_follows_pg_trgm():
    """The fallback's word similarity: whole words of the claim inside the text."""
    text = matching._trigram_words("People say that bananas are radioactive, you know")
    assert matching.word_similarity("bananas are radioactive", text) == 1
    assert matching.word_similarity("wages rise", text) < matching.THRESHOLD
    assert matching.word_similarity("", text) == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's indexes and pg_trgm"
)
def test_postgresql_scores_with_pg_trgm_and_finds_candidates_by_index(desk_archive):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word_similarity(%s, %s)",
            [
                "Wages are now rising faster than prices",
                "The minister says wages are rising faster than inflation now",
            ],
        )
        [(expected,)] = cursor.fetchall()
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN "
            "('claim_statement_words', 'claim_statement_trigrams', "
            "'factcheck_headline_words', 'appearance_url')"
        )
        indexes = {name for (name,) in cursor.fetchall()}
    [match, *_] = matching.similar(
        "The minister says wages are rising faster than inflation now"
    )
    assert match.score == pytest.approx(expected)
    assert indexes == {
        "claim_statement_words",
        "claim_statement_trigrams",
        "factcheck_headline_words",
        "appearance_url",
    }
    # A misspelt short tip still reaches the claim through its trigrams.
    assert (
        matching.similar("Wages now rissing faster than pricez")[0].factcheck
        == (desk_archive["wages"])
    )


def test_matching_takes_a_fixed_number_of_queries(
    desk_archive, django_assert_max_num_queries
):
    for n in range(5):
        published_about(f"Wages claim number {n} rising faster", f"Wages {n}")
    with django_assert_max_num_queries(7):
        matches = matching.similar("wages are rising faster than prices")
        for match in matches:
            [claim.verdict.rating for claim in match.factcheck.claims.all()]
    assert len(matches) == matching.SHOWN
