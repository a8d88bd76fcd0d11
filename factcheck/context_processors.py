from django.conf import settings

from .models import Page


def site(request):
    """The site's name and base URL, and the standing pages linked in the footer.

    The pages are a lazy queryset: only templates that show them query.
    """
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "footer_pages": Page.objects.filter(in_footer=True),
    }
