from django.urls import path
from django.views.generic import TemplateView

from . import feeds, views
from .caching import cache_for_readers as cached

app_name = "factcheck"

# Reader pages are cached for anonymous readers (factcheck.caching); the
# signed preview link is not: it shows unpublished work to one person.
urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="home"),
    path(
        "fact-checks/<slug:slug>/",
        cached(views.FactCheckDetailView.as_view()),
        name="detail",
    ),
    path("fact-checks/<slug:slug>/card.png", views.social_card_png, name="card"),
    path("fact-checks/<slug:slug>/embed/", cached(views.embed), name="embed"),
    path("oembed/", cached(views.oembed), name="oembed"),
    path("how-we-rate/", cached(views.HowWeRateView.as_view()), name="how-we-rate"),
    path("ratings/<slug:slug>/", cached(views.RatingView.as_view()), name="rating"),
    path("topics/", cached(views.TopicListView.as_view()), name="topics"),
    path("topics/<slug:slug>/", cached(views.TopicView.as_view()), name="topic"),
    path("topics/<slug:slug>/feed/", cached(feeds.TopicFeed()), name="topic-feed"),
    path(
        "topics/<slug:slug>/feed/atom/",
        cached(feeds.TopicAtomFeed()),
        name="topic-feed-atom",
    ),
    path("authors/<slug:slug>/", cached(views.AuthorView.as_view()), name="author"),
    path("pages/<slug:slug>/", cached(views.PageView.as_view()), name="page"),
    path("search/", cached(views.SearchView.as_view()), name="search"),
    path("feed/", cached(feeds.LatestFactChecksFeed()), name="feed"),
    path("feed/atom/", cached(feeds.LatestFactChecksAtomFeed()), name="feed-atom"),
    path("api/claimreviews.json", cached(views.claimreviews_json), name="claimreviews"),
    path("preview/<str:token>/", views.PreviewLinkView.as_view(), name="preview"),
    # Forms carry a CSRF token per visitor: never cached.
    path("suggest-a-claim/", views.SuggestClaimView.as_view(), name="suggest"),
    path(
        "fact-checks/<slug:slug>/report-an-error/",
        views.ReportErrorView.as_view(),
        name="report-error",
    ),
    path(
        "thanks/",
        cached(
            TemplateView.as_view(template_name="factcheck/reader_message_thanks.html")
        ),
        name="thanks",
    ),
]
