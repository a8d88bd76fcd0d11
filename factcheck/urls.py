from django.urls import path, re_path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView, TemplateView

from . import caching, feeds, sitemaps
from .invalidation import policy_tag
from .models import PolicyText
from .views import (
    archive,
    history,
    pages,
    partners,
    reader_messages,
    sharing,
    transparency,
)

app_name = "factcheck"

#: The query parameters a list page reads: its position.
LIST = ("before", "after")


def read_only(view, tag=caching.STATIC, params=()):
    """A reader URL: GET and HEAD only (405 with ``Allow`` otherwise), cached.

    ``tag`` is the page's own cache tag, or a kind of record whose slug the
    URL names (``"topic"`` for ``/topics/<slug>/``); ``params`` are the only
    query parameters the view reads (factcheck.caching).
    """
    if tag in ("article", "topic", "rating", "author", "claimant"):
        kind = tag

        def page_tag(kwargs):
            return caching.tag(kind, kwargs["slug"])
    else:

        def page_tag(kwargs):
            return tag

    return caching.cache_for_readers(
        require_safe(view), page_tag=page_tag, params=params
    )


def _policy_paths(prefix, kind, name, *, own_page=True):
    """Each version of the policy text ``kind`` at ``prefix/versions/<n>/``
    (``name-version``) and, with ``own_page``, the current one at ``prefix``
    (``name``)."""
    view = read_only(transparency.PolicyView.as_view(kind=kind), policy_tag(kind))
    paths = [path(f"{prefix}versions/<int:number>/", view, name=f"{name}-version")]
    if own_page:
        paths.append(path(prefix, view, name=name))
    return paths


urlpatterns = [
    path("", read_only(pages.HomeView.as_view(), caching.LATEST, LIST), name="home"),
    path(
        "fact-checks/<slug:slug>/",
        read_only(pages.FactCheckDetailView.as_view(), "article"),
        name="detail",
    ),
    # The article's tag: a publication, a revision or a correction moves it.
    path(
        "fact-checks/<slug:slug>/history/",
        read_only(history.HistoryView.as_view(), "article"),
        name="history",
    ),
    path(
        "fact-checks/<slug:slug>/history/compare/",
        read_only(history.HistoryCompareView.as_view(), "article", ("from", "to")),
        name="history-compare",
    ),
    # The share image keeps its own HTTP caching (an ETag per drawing).
    path(
        "fact-checks/<slug:slug>/card.png",
        require_safe(sharing.social_card_png),
        name="card",
    ),
    # Archived sources keep their own HTTP caching (the bytes at a hash).
    re_path(
        r"^sources/archive/(?P<sha256>[0-9a-f]{64})/$",
        require_safe(archive.archived_source),
        name="archived-source",
    ),
    path(
        "fact-checks/<slug:slug>/embed/",
        read_only(sharing.embed, "article"),
        name="embed",
    ),
    path(
        "oembed/",
        read_only(
            partners.oembed, caching.LATEST, ("url", "format", "maxwidth", "maxheight")
        ),
        name="oembed",
    ),
    path("how-we-rate/", read_only(pages.HowWeRateView.as_view()), name="how-we-rate"),
    path(
        "ratings/<slug:slug>/",
        read_only(pages.RatingView.as_view(), "rating", LIST),
        name="rating",
    ),
    path(
        "topics/",
        read_only(pages.TopicListView.as_view(), caching.LATEST),
        name="topics",
    ),
    path(
        "topics/<slug:slug>/",
        read_only(pages.TopicView.as_view(), "topic", LIST),
        name="topic",
    ),
    path(
        "topics/<slug:slug>/feed/",
        read_only(feeds.TopicFeed(), "topic"),
        name="topic-feed",
    ),
    path(
        "topics/<slug:slug>/feed/atom/",
        read_only(feeds.TopicAtomFeed(), "topic"),
        name="topic-feed-atom",
    ),
    path(
        "authors/<slug:slug>/",
        read_only(pages.AuthorView.as_view(), "author", LIST),
        name="author",
    ),
    path(
        "claimants/<slug:slug>/",
        read_only(pages.ClaimantView.as_view(), "claimant", LIST),
        name="claimant",
    ),
    path(
        "team/",
        read_only(transparency.TeamView.as_view(), caching.TEAM),
        name="team",
    ),
    path(
        "experts/",
        read_only(transparency.ExpertListView.as_view(), caching.EXPERTS, LIST),
        name="experts",
    ),
    path(
        "funding/",
        read_only(transparency.FundingView.as_view(), caching.FUNDING),
        name="funding",
    ),
    *_policy_paths("methodology/", PolicyText.Kind.METHODOLOGY, "methodology"),
    *_policy_paths(
        "corrections-policy/", PolicyText.Kind.CORRECTIONS, "corrections-policy"
    ),
    # The ownership statement heads the funding page; its versions have their own.
    *_policy_paths(
        "funding/ownership/", PolicyText.Kind.OWNERSHIP, "funding", own_page=False
    ),
    # The standing pages these texts once were: old links still arrive.
    *(
        path(
            f"pages/{slug}/",
            require_safe(
                RedirectView.as_view(pattern_name=f"factcheck:{slug}", permanent=True)
            ),
            name=f"old-{slug}",
        )
        for slug in ("methodology", "corrections-policy")
    ),
    path("pages/<slug:slug>/", read_only(pages.PageView.as_view()), name="page"),
    path(
        "search/",
        read_only(
            pages.SearchView.as_view(),
            caching.SEARCH,
            ("q", "rating", "topic", "since", "until", "page"),
        ),
        name="search",
    ),
    path(
        "corrections/",
        read_only(pages.CorrectionsLogView.as_view(), caching.CORRECTIONS, LIST),
        name="corrections",
    ),
    path(
        "corrections/feed/",
        read_only(feeds.CorrectionsFeed(), caching.CORRECTIONS),
        name="corrections-feed",
    ),
    path(
        "corrections/feed/atom/",
        read_only(feeds.CorrectionsAtomFeed(), caching.CORRECTIONS),
        name="corrections-feed-atom",
    ),
    path("feed/", read_only(feeds.LatestFactChecksFeed(), caching.LATEST), name="feed"),
    path(
        "feed/atom/",
        read_only(feeds.LatestFactChecksAtomFeed(), caching.LATEST),
        name="feed-atom",
    ),
    path("sitemap.xml", read_only(sitemaps.index, caching.LATEST), name="sitemap"),
    path(
        "sitemap-<str:name>.xml",
        read_only(sitemaps.section, caching.LATEST),
        name="sitemap-section",
    ),
    path(
        "api/claimreviews.json",
        read_only(partners.claimreviews_json, caching.LATEST, LIST),
        name="claimreviews",
    ),
    # The signed preview link shows unpublished work to one person: not cached.
    path(
        "preview/<str:token>/",
        require_safe(pages.PreviewLinkView.as_view()),
        name="preview",
    ),
    # Forms carry a CSRF token per visitor: never cached.
    path(
        "suggest-a-claim/",
        never_cache(reader_messages.SuggestClaimView.as_view()),
        name="suggest",
    ),
    path(
        "fact-checks/<slug:slug>/report-an-error/",
        never_cache(reader_messages.ReportErrorView.as_view()),
        name="report-error",
    ),
    path(
        "thanks/",
        read_only(
            TemplateView.as_view(template_name="factcheck/reader_message_thanks.html")
        ),
        name="thanks",
    ),
]
