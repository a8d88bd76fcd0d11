"""Claims already checked: the fact-checks most like a reader's tip or a new claim.

"We checked this in March" saves a desk days, so a tip, an error report and a
claim being drafted are each shown the closest fact-checks with a score.

The score is pg_trgm's ``word_similarity(claim, text)``: how much of a checked
claim (or headline) reappears, trigram by trigram, in one stretch of the text.
A tip that repeats a claim in its own words around it scores high, whatever
else it says; a tip about something else scores low. A tip linking to a post
already recorded as one of a claim's appearances is the same claim: it scores
1.

On PostgreSQL, candidates come from indexes (``Claim`` and ``FactCheck``
Meta): the words of claims and headlines (full-text search, any word of the
text) and the claims' trigrams (misspellings), and each candidate is scored in
SQL. On other databases the candidates are the newest articles sharing a word
with the text, scored the same way in Python (``word_similarity``), enough for
a laptop's newsroom.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, FloatField, Func, Prefetch, Q, Value

from .models import SEARCH_CONFIG, Claim, ClaimAppearance, FactCheck

#: Below this score a fact-check is not shown: a tip about something else
#: still shares a few trigrams with most claims (0.05 to 0.2, measured).
THRESHOLD = 0.3
SHOWN = 5
#: Candidates fetched from each index before scoring.
CANDIDATES = 50
#: Shorter words ("of", "is") find every article: they choose no candidates.
_MIN_WORD_LENGTH = 3
#: How many of the newest articles sharing a word the fallback scores.
_LATEST_SCANNED = 500
#: The fallback's runs of words are at most this much longer than the claim.
_SLACK_WORDS = 3


@dataclass(frozen=True)
class Match:
    factcheck: FactCheck
    score: float  # 0 to 1
    #: The claim or headline the text resembles most.
    matched: str
    same_link: bool = False

    @property
    def percent(self):
        return round(self.score * 100)


def similar(text, *, url="", queryset=None, exclude=(), shown=SHOWN):
    """The fact-checks in ``queryset`` (published ones by default) most like ``text``.

    Best first, at most ``shown``, each scoring THRESHOLD or more; ``url``
    (where the reader saw the claim) matches the claims' recorded appearances.
    """
    if queryset is None:
        queryset = FactCheck.objects.published()
    queryset = queryset.exclude(pk__in=exclude)
    words = _words(text)
    if not words and not url:
        return []
    if connection.vendor == "postgresql":
        scores = _scores_postgresql(queryset, text, words)
    else:
        scores = _scores_python(queryset, text, words)
    for factcheck_id in _same_link(queryset, url):
        scores[factcheck_id] = (1.0, url, True)
    best = sorted(
        (item for item in scores.items() if item[1][0] >= THRESHOLD),
        key=lambda item: -item[1][0],
    )[:shown]
    articles = (
        queryset.only("pk", "headline", "slug", "status", "published_at")
        .prefetch_related(
            Prefetch("claims", Claim.objects.select_related("verdict__rating"))
        )
        .in_bulk([factcheck_id for factcheck_id, _score in best])
    )
    return [
        Match(articles[factcheck_id], score, matched, same_link)
        for factcheck_id, (score, matched, same_link) in best
        if factcheck_id in articles
    ]


def _words(text):
    return list(
        dict.fromkeys(
            word.lower()
            for word in re.findall(r"[^\W_]+", text)
            if len(word) >= _MIN_WORD_LENGTH
        )
    )[:40]


def _same_link(queryset, url):
    if not url:
        return []
    return ClaimAppearance.objects.filter(
        Q(url=url) | Q(archived_url=url), claim__factcheck__in=queryset
    ).values_list("claim__factcheck_id", flat=True)


class _WordSimilarity(Func):
    function = "word_similarity"
    output_field = FloatField()


def _scores_postgresql(queryset, text, words):
    """{factcheck id: (score, what matched, False)}: candidates from indexes, scored."""
    any_word = SearchQuery(
        " or ".join(words), search_type="websearch", config=SEARCH_CONFIG
    )
    statement_words = SearchVector("statement", config=SEARCH_CONFIG)
    headline_words = SearchVector("headline", config=SEARCH_CONFIG)
    claims = Claim.objects.filter(factcheck__in=queryset)
    by_claim_words = (
        claims.annotate(words=statement_words)
        .filter(words=any_word)
        .order_by(-SearchRank(statement_words, any_word))
        .values_list("factcheck_id", flat=True)[:CANDIDATES]
    )
    by_claim_trigrams = claims.filter(statement__trigram_similar=text).values_list(
        "factcheck_id", flat=True
    )[:CANDIDATES]
    by_headline = (
        queryset.annotate(words=headline_words)
        .filter(words=any_word)
        .order_by(-SearchRank(headline_words, any_word))
        .values_list("pk", flat=True)[:CANDIDATES]
    )
    candidates = {*by_claim_words, *by_claim_trigrams, *by_headline}
    if not candidates:
        return {}
    scores = {}
    scored_claims = (
        Claim.objects.filter(factcheck_id__in=candidates)
        .annotate(score=_WordSimilarity(F("statement"), Value(text)))
        .values_list("factcheck_id", "score", "statement")
    )
    scored_headlines = (
        FactCheck.objects.filter(pk__in=candidates)
        .annotate(score=_WordSimilarity(F("headline"), Value(text)))
        .values_list("pk", "score", "headline")
    )
    for factcheck_id, score, matched in [*scored_claims, *scored_headlines]:
        if score > scores.get(factcheck_id, (0,))[0]:
            scores[factcheck_id] = (score, matched, False)
    return scores


def _scores_python(queryset, text, words):
    """The same scores without PostgreSQL: the newest articles sharing a word."""
    shares_a_word = Q()
    for word in words:
        shares_a_word |= Q(headline__icontains=word) | Q(
            claims__statement__icontains=word
        )
    candidates = list(
        queryset.filter(shares_a_word)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .distinct()[:_LATEST_SCANNED]
    )
    texts = [
        *Claim.objects.filter(factcheck_id__in=candidates).values_list(
            "factcheck_id", "statement"
        ),
        *FactCheck.objects.filter(pk__in=candidates).values_list("pk", "headline"),
    ]
    scores = {}
    text_trigrams = _trigram_words(text)
    for factcheck_id, matched in texts:
        score = word_similarity(matched, text_trigrams)
        if score > scores.get(factcheck_id, (0,))[0]:
            scores[factcheck_id] = (score, matched, False)
    return scores


def _trigrams(word):
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _trigram_words(text):
    """The trigrams of each word of ``text`` in order, as pg_trgm cuts them."""
    return [_trigrams(word) for word in re.findall(r"[^\W_]+", text.lower())]


def word_similarity(short, text_trigrams):
    """pg_trgm's ``word_similarity(short, text)``, over whole words of the text.

    The best Jaccard similarity between the trigrams of ``short`` and those
    of any run of consecutive words of the text (``_trigram_words``).
    PostgreSQL also tries runs that start or end inside a word, so its score
    is at times a little higher.
    """
    short_words = _trigram_words(short)
    target = set().union(*short_words)
    if not target or not text_trigrams:
        return 0.0
    longest = len(short_words) + _SLACK_WORDS
    best = 0.0
    for start, first in enumerate(text_trigrams):
        if not first & target:
            continue  # a run starting with a word sharing nothing only loses
        extent = set()
        for word in text_trigrams[start : start + longest]:
            extent |= word
            shared = len(extent & target)
            best = max(best, shared / (len(target) + len(extent) - shared))
    return best
