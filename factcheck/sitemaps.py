"""``/sitemap.xml``: an index of sections, each small enough to build at once.

One section holds the site's own pages (the home page, topics, ratings,
standing pages), another the staff pages; the fact-checks are listed by month of first
publication, so each section is an index range scan of bounded size, written
straight to XML (a section of thousands of URLs through the template engine
would take longer than the page budget allows). A month with more than
``MAX_URLS`` fact-checks is split into numbered parts.
"""

import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from . import structured_data
from .models import AuthorProfile, FactCheck, Page, Rating, Status, Topic

#: The sitemap protocol allows 50,000 URLs a file; a tenth keeps each fast.
MAX_URLS = 5000
XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: url name -> whether it lists fact-checks (and so has a lastmod)
SECTIONS = {
    "factcheck:home": True,
    "factcheck:topics": True,
    "factcheck:how-we-rate": False,
}


def _date(value):
    return value.date().isoformat() if value else None


def _xml(root, rows):
    """A urlset or sitemapindex of ``rows``: (escaped location, lastmod or None)."""
    item = "url" if root == "urlset" else "sitemap"
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{XMLNS}">']
    parts.extend(
        f"<{item}><loc>{location}</loc><lastmod>{lastmod}</lastmod></{item}>"
        if lastmod
        else f"<{item}><loc>{location}</loc></{item}>"
        for location, lastmod in rows
    )
    parts.append(f"</{root}>\n")
    return HttpResponse("".join(parts), content_type="application/xml")


def _months():
    """``(month, count, newest)`` for each month with first publications.

    Read from the publication-date index alone (an index-only scan); a month
    section itself applies the full rule of what readers may see.
    """
    return (
        FactCheck.objects.filter(
            status=Status.PUBLISHED, first_published_at__lte=timezone.now()
        )
        .annotate(month=TruncMonth("first_published_at"))
        .values("month")
        .annotate(count=Count("pk"), newest=Max("first_published_at"))
        .order_by("month")
    )


def index(request):
    """The index: the site's own section, then one section (or more) a month."""
    base = escape(settings.SITE_URL)
    newest = FactCheck.objects.published().aggregate(at=Max("published_at"))["at"]
    rows = [
        (base + reverse("factcheck:sitemap-section", args=[name]), _date(newest))
        for name in ("site", "authors")
    ]
    for month in _months():
        name = f"{month['month']:%Y-%m}"
        parts = -(-month["count"] // MAX_URLS)
        for part in range(1, parts + 1):
            path = reverse("factcheck:sitemap-section", args=[name])
            rows.append(
                (
                    f"{base}{path}{f'?p={part}' if part > 1 else ''}",
                    _date(month["newest"]),
                )
            )
    return _xml("sitemapindex", rows)


def section(request, name):
    if name == "site":
        return _xml("urlset", _site_pages())
    if name == "authors":
        return _xml("urlset", _author_pages())
    try:
        year, month = (int(part) for part in name.split("-"))
        part = int(request.GET.get("p", 1))
    except ValueError:
        raise Http404 from None
    if part < 1:
        raise Http404
    return _xml("urlset", _factchecks(year, month, part))


def _site_pages():
    """The home page, the indexes, and every page listing published work."""
    base = escape(settings.SITE_URL)
    newest = _date(
        FactCheck.objects.published().aggregate(at=Max("published_at"))["at"]
    )
    yield from (
        (base + reverse(name), newest if dated else None)
        for name, dated in SECTIONS.items()
    )
    for listing in (
        Topic.objects.with_latest_publication(),
        Rating.objects.with_latest_publication(),
    ):
        for item in listing:
            yield base + escape(item.get_absolute_url()), _date(item.latest_publication)

    for page in Page.objects.all():
        yield base + escape(page.get_absolute_url()), _date(page.updated_at)


def _author_pages():
    """The staff pages, of everyone credited on published work.

    Without a lastmod: a person's newest credit has no index to be found
    along, and lastmod is only a hint. A section of their own, as each
    person is a question of their own (``AuthorProfile.has_published_work``).
    """
    base = escape(settings.SITE_URL)
    for profile in AuthorProfile.objects.order_by("pk").in_use():
        yield base + escape(profile.get_absolute_url()), None


def _factchecks(year, month, part):
    """The fact-checks first published in ``month``, with when readers last saw
    them change."""
    # Every article's address but its slug (which needs no escaping),
    # reversed once: thousands of reverse() calls would cost more than the
    # rest of the section.
    prefix = escape(settings.SITE_URL) + reverse(
        "factcheck:detail", args=["-"]
    ).removesuffix("-/")
    start = (part - 1) * MAX_URLS
    try:
        begins = timezone.make_aware(datetime.datetime(year, month, 1))
    except ValueError:  # no such month
        raise Http404 from None
    ends = (begins + datetime.timedelta(days=32)).replace(day=1)
    rows = (
        FactCheck.objects.published()
        # A range, not a month extracted per row: the index finds it.
        .filter(first_published_at__gte=begins, first_published_at__lt=ends)
        .annotate(corrected_at=Max("corrections__issued_at"))
        .order_by("first_published_at", "pk")
        .values_list(
            "slug", "first_published_at", "published_at", "revised_at", "corrected_at"
        )[start : start + MAX_URLS]
    )
    if part > 1 and not rows:
        raise Http404
    for slug, first, published_at, revised_at, corrected_at in rows:
        updated = structured_data.latest_change(
            first, published_at, revised_at, [corrected_at]
        )
        yield f"{prefix}{slug}/", _date(updated or first)
