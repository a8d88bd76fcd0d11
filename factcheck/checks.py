"""System checks for settings that matter to readers and partners."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}


@register("factcheck", deploy=True)
def check_secret_key(app_configs, **kwargs):
    """Without DEBUG the settings leave an unset key empty, which Django refuses."""
    try:
        settings.SECRET_KEY  # noqa: B018 (Django raises on reading an empty one)
    except ImproperlyConfigured:
        return [
            Error(
                "SECRET_KEY is not set: set it in the environment, or set DEBUG=1 "
                "for local work.",
                id="factcheck.E001",
            )
        ]
    return []


@register("factcheck", deploy=True)
def check_site_url(app_configs, **kwargs):
    """SITE_URL goes into the ClaimReview markup, oEmbed and share images.

    Left at its development default, every partner and search engine would be
    told the publication lives on 127.0.0.1.
    """
    url = urlsplit(settings.SITE_URL)
    if url.hostname in LOCAL_HOSTS or url.scheme != "https":
        return [
            Warning(
                f"SITE_URL is {settings.SITE_URL!r}.",
                hint="Set SITE_URL to the public https address of the site, e.g. "
                "https://factcheck.example.org: it is written into ClaimReview "
                "markup, oEmbed answers and share images.",
                id="factcheck.W001",
            )
        ]
    return []
