"""The fact-check content model, split by concern.

``articles`` holds the article (its ``states``, and its ``querysets``: what
readers see, and how pages read it), ``parts`` the records it is made of (claims,
verdicts, sources, quotes, corrections), ``people`` the authors, claimants and
experts, ``ratings`` the editable vocabulary (and its history), ``pages`` the
site's standing pages, ``transparency`` the funders and versioned policy
texts, ``published`` the prepared pages readers are served, ``readers`` what
readers send in, ``replies`` the desk's attempts to reach a claimant for their
reply, ``workflow`` the records the editorial workflow writes,
``sign_in`` the staff's sign-in rules, ``presence`` who has a form open,
``listings`` the list pages' own index, ``versions`` every save of an article,
``snapshots`` the evidence locker's copies of sources, ``comments`` the
editors' review comments and the authors' replies, ``search`` the words
of published articles as search reads them.
"""

from .articles import EDITOR_PERMISSION, FactCheck
from .comments import ReviewComment
from .listings import Listing, RatingCount, listing_key
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
from .presence import EditingSession
from .published import PublishedPage
from .querysets import SEARCH_CONFIG, FactCheckQuerySet
from .ratings import Rating, RatingChange, Topic
from .readers import ReaderMessage, ReaderNotice
from .replies import ReplyAttempt
from .search import SearchEntry
from .sign_in import SignInRule
from .snapshots import SourceSnapshot
from .states import Priority, Status
from .transparency import Funder, PolicyText, PolicyVersion
from .versions import ArticleVersion
from .workflow import RatingVote, TransitionLog

__all__ = [
    "ArticleVersion",
    "EDITOR_PERMISSION",
    "SEARCH_CONFIG",
    "AuthorProfile",
    "Byline",
    "Claim",
    "ClaimAppearance",
    "Claimant",
    "Correction",
    "EditingSession",
    "Expert",
    "ExpertQuote",
    "FactCheck",
    "FactCheckQuerySet",
    "Funder",
    "Listing",
    "SearchEntry",
    "Page",
    "PolicyText",
    "PolicyVersion",
    "Priority",
    "PublishedPage",
    "Rating",
    "RatingChange",
    "RatingVote",
    "ReaderMessage",
    "RatingCount",
    "ReaderNotice",
    "ReplyAttempt",
    "ReviewComment",
    "SignInRule",
    "Source",
    "SourceSnapshot",
    "Status",
    "Topic",
    "TransitionLog",
    "Verdict",
    "listing_key",
]
