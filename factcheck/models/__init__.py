"""The fact-check content model, split by concern.

``articles`` holds the article and its parts, ``people`` the authors, claimants
and experts, ``ratings`` the editable vocabulary, ``pages`` the site's standing
pages, ``workflow`` the records the editorial workflow writes.
"""

from .articles import (
    Byline,
    Claim,
    ClaimAppearance,
    Correction,
    ExpertQuote,
    FactCheck,
    FactCheckQuerySet,
    Priority,
    Source,
    Status,
    Verdict,
)
from .pages import Page
from .people import AuthorProfile, Claimant, Expert
from .ratings import Rating, Topic
from .workflow import RatingVote, TransitionLog

__all__ = [
    "AuthorProfile",
    "Byline",
    "Claim",
    "ClaimAppearance",
    "Claimant",
    "Correction",
    "Expert",
    "ExpertQuote",
    "FactCheck",
    "FactCheckQuerySet",
    "Page",
    "Priority",
    "Rating",
    "RatingVote",
    "Source",
    "Status",
    "Topic",
    "TransitionLog",
    "Verdict",
]
