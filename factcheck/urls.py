from django.urls import path

from . import views

app_name = "factcheck"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(
        "fact-checks/<slug:slug>/", views.FactCheckDetailView.as_view(), name="detail"
    ),
    path("ratings/<slug:slug>/", views.RatingView.as_view(), name="rating"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<str:token>/", views.PreviewLinkView.as_view(), name="preview"),
]
