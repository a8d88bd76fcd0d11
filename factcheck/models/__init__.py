"""The fact-check content model, split by concern.

``articles`` holds the article and its parts, ``people`` the authors, claimants
and experts, ``ratings`` the editable vocabulary, ``pages`` the site's standing
pages, ``readers`` what readers send in, ``workflow`` the records the editorial workflow writes.
"""

from .articles import (
    EDITOR_PERMISSION,
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
from .readers import ReaderMessage
from .workflow import RatingVote, TransitionLog

__all__ = [
    "EDITOR_PERMISSION",
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
    "ReaderMessage",
    "Source",
    "Status",
    "Topic",
    "TransitionLog",
    "Verdict",
]
