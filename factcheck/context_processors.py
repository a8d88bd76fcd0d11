from django.conf import settings

from .models import Page


def site(request):
    """The site's name and address, and the pages its footer links to.

    The pages are a lazy queryset: a template that does not show the footer
    runs no query.
    """
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "footer_pages": Page.objects.filter(in_footer=True).only("slug", "title"),
    }
