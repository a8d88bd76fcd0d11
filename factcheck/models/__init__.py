"""The fact-check content model, split by concern.

``articles`` holds the article (its ``states``, and its ``querysets``: what
readers see, and how pages read it), ``parts`` the records it is made of (claims,
verdicts, sources, quotes, corrections), ``people`` the authors, claimants and
experts, ``ratings`` the editable vocabulary (and its history), ``pages`` the
site's standing pages, ``transparency`` the funders and versioned policy
texts, ``published`` the prepared pages readers are served, ``readers`` what
readers send in, ``workflow`` the records the editorial workflow writes,
``sign_in`` the staff's sign-in rules.
"""

from .articles import EDITOR_PERMISSION, FactCheck
from .pages import Page
from .parts import (
    Byline,
    Claim,
    ClaimAppearance,
    Correction,
    ExpertQuote,
    Source,
    Verdict,
)
from .people import AuthorProfile, Claimant, Expert
from .published import PublishedPage
from .querysets import SEARCH_CONFIG, FactCheckQuerySet
from .ratings import Rating, RatingChange, Topic
from .readers import ReaderMessage, ReaderNotice
from .sign_in import SignInRule
from .states import Priority, Status
from .transparency import Funder, PolicyText, PolicyVersion
from .workflow import RatingVote, TransitionLog

__all__ = [
    "EDITOR_PERMISSION",
    "SEARCH_CONFIG",
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
    "Funder",
    "Page",
    "PolicyText",
    "PolicyVersion",
    "Priority",
    "PublishedPage",
    "Rating",
    "RatingChange",
    "RatingVote",
    "ReaderMessage",
    "ReaderNotice",
    "SignInRule",
    "Source",
    "Status",
    "Topic",
    "TransitionLog",
    "Verdict",
]
