"""The fact-check content model, split by concern.

``articles`` holds the article and its parts, ``people`` the authors, claimants
and experts, ``ratings`` the editable vocabulary, ``workflow`` the records the
editorial workflow writes.
"""

from .articles import (
    Byline,
    Claim,
    ClaimAppearance,
    Correction,
    ExpertQuote,
    FactCheck,
    FactCheckQuerySet,
    Source,
    Status,
    Verdict,
)
from .people import AuthorProfile, Claimant, Expert
from .ratings import Rating, Topic
from .workflow import TransitionLog

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
    "Rating",
    "Source",
    "Status",
    "Topic",
    "TransitionLog",
    "Verdict",
]
