from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.http import require_safe

from factcheck.views.pages import RobotsView

handler500 = "newsroom.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", require_safe(RobotsView.as_view()), name="robots"),
    path("", include("factcheck.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
