"""``/sitemap.xml``: an index of sections, each small enough to build at once.

One section holds the site's own pages (the home page, topics, ratings,
claimants, standing pages, the transparency pages), another the staff pages; the fact-checks are listed by
month of first publication, from the first month to the latest. The index is
two index lookups (the first and the latest publication), and each month is
an index range scan written straight to XML: a section of thousands of URLs
through the template engine would take longer than the page budget allows.
A month holds far fewer than the protocol's 50,000 URLs (that would be more
than 1,600 fact-checks a day).
"""

import datetime

from django.conf import settings
from django.db.models import Max, Min
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from . import structured_data
from .models import AuthorProfile, Claimant, FactCheck, Page, Rating, Topic

XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: url name -> whether it lists fact-checks (and so has a lastmod)
SECTIONS = {
    "factcheck:home": True,
    "factcheck:topics": True,
    "factcheck:how-we-rate": False,
    "factcheck:methodology": False,
    "factcheck:corrections-policy": False,
    "factcheck:funding": False,
    "factcheck:team": False,
    "factcheck:experts": False,
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
    """Each month from the first publication readers see to the latest."""
    dates = FactCheck.objects.published().aggregate(
        first=Min("first_published_at"), last=Max("first_published_at")
    )
    if dates["first"] is None:
        return
    month = timezone.localtime(dates["first"]).date().replace(day=1)
    last = timezone.localtime(dates["last"]).date()
    while month <= last:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def index(request):
    """The index: the site's own sections, then one section a month."""
    base = escape(settings.SITE_URL)
    newest = _date(
        FactCheck.objects.published().aggregate(at=Max("published_at"))["at"]
    )
    rows = [
        (base + reverse("factcheck:sitemap-section", args=[name]), newest)
        for name in ("site", "authors")
    ]
    rows += [
        (base + reverse("factcheck:sitemap-section", args=[f"{month:%Y-%m}"]), None)
        for month in _months()
    ]
    return _xml("sitemapindex", rows)


def section(request, name):
    if name == "site":
        return _xml("urlset", _site_pages())
    if name == "authors":
        return _xml("urlset", _author_pages())
    try:
        year, month = (int(part) for part in name.split("-"))
        begins = timezone.make_aware(datetime.datetime(year, month, 1))
    except ValueError:  # not a month
        raise Http404 from None
    return _xml("urlset", _factchecks(begins))


def _site_pages():
    """The home page, the indexes, and every page listing published work
    (topics, ratings, claimants).

    A lastmod only where it is cheap and true: the home page's is the newest
    publication, a standing page's its last edit. A topic's or a rating's
    newest article is a walk down the publication index of its own (26 ms for
    36 topics at 100,000 articles, most of it for the rare ones), so those
    pages go without: lastmod is a hint, and crawlers find new articles
    through the month sections and the home page.
    """
    base = escape(settings.SITE_URL)
    newest = _date(
        FactCheck.objects.published().aggregate(at=Max("published_at"))["at"]
    )
    yield from (
        (base + reverse(name), newest if dated else None)
        for name, dated in SECTIONS.items()
    )
    for name, listing in (
        ("factcheck:topic", Topic.objects.in_use()),
        ("factcheck:rating", Rating.objects.in_use()),
        ("factcheck:claimant", Claimant.objects.in_use()),
    ):
        # One reverse per kind: slugs need no escaping in a path.
        path = base + escape(reverse(name, kwargs={"slug": "-slug-"}))
        for slug in listing.values_list("slug", flat=True):
            yield path.replace("-slug-", slug), None

    for page in Page.objects.all():
        yield base + escape(page.get_absolute_url()), _date(page.updated_at)


def _author_pages():
    """The staff pages, of everyone credited on published work.

    Without a lastmod: a person's newest credit has no index to be found
    along, and lastmod is only a hint. Who is credited is a column of the
    profile (``AuthorProfile.first_credited_at``).
    """
    base = escape(settings.SITE_URL)
    for profile in AuthorProfile.objects.order_by("pk").in_use():
        yield base + escape(profile.get_absolute_url()), None


def _factchecks(begins):
    """The fact-checks first published in the month ``begins`` starts, with when
    readers last saw them change."""
    # Every article's address but its slug (which needs no escaping),
    # reversed once: thousands of reverse() calls would cost more than the
    # rest of the section.
    prefix = escape(settings.SITE_URL) + reverse(
        "factcheck:detail", args=["-"]
    ).removesuffix("-/")
    ends = (begins + datetime.timedelta(days=32)).replace(day=1)
    rows = (
        FactCheck.objects.published()
        # A range, not a month extracted per row: the index finds it.
        .filter(first_published_at__gte=begins, first_published_at__lt=ends)
        .annotate(corrected_at=Max("corrections__issued_at"))
        .order_by("first_published_at", "pk")
        .values_list(
            "slug", "first_published_at", "published_at", "revised_at", "corrected_at"
        )
        .iterator(chunk_size=2000)
    )
    for slug, first, published_at, revised_at, corrected_at in rows:
        updated = structured_data.latest_change(
            first, published_at, revised_at, [corrected_at]
        )
        yield f"{prefix}{slug}/", _date(updated or first)
