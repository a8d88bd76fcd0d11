"""Template helpers for the reader site."""

import functools

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html, format_html_join, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale

from .. import renditions, reply, structured_data, verdicts

register = template.Library()

#: The navigation's sections, by the name of the URL a page is served at.
SECTIONS = {
    "home": "home",
    "topics": "topics",
    "topic": "topics",
    "how-we-rate": "how-we-rate",
    "rating": "how-we-rate",
}


@register.simple_tag
def once(template_name, **keys):
    """``template_name`` rendered once per process, language, year and ``keys``.

    For the markup every page repeats (masthead, footer, head links) that is
    made only of code, settings and translations: rendering it, with its
    dozen URL reversals and translations, on every page would cost more than
    the rest of a prepared article page.
    """
    return _render_once(
        template_name,
        get_language(),
        timezone.now().year,
        settings.SITE_NAME,
        tuple(sorted(keys.items())),
    )


@functools.lru_cache(maxsize=256)
def _render_once(template_name, language, year, site_name, keys):
    context = {"SITE_NAME": site_name, "year": year, **dict(keys)}
    return mark_safe(render_to_string(template_name, context))


@register.filter
def nav_section(request):
    """The section of the site navigation the page belongs to, or ""."""
    match = request.resolver_match
    if match is None:
        return ""
    if match.url_name == "page" and match.kwargs.get("slug") == "about":
        return "about"
    return SECTIONS.get(match.url_name, "")


#: Open Graph wants language_TERRITORY; the territory each site language's
#: readers are assumed in. "ar_AR" is Facebook's own code for Arabic.
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "es": "es_ES",
    "de": "de_DE",
    "pt": "pt_PT",
    "hi": "hi_IN",
    "ar": "ar_AR",
}


@register.simple_tag
def json_ld(data):
    """``data`` as a ``<script type="application/ld+json">`` element.

    ``json_script`` escapes ``<``, ``>`` and ``&`` as \\u003C and friends, so
    no string in the data (a claim quoting ``</script>``) can end the element;
    only the type attribute differs from what it writes.
    """
    return mark_safe(
        json_script(data).replace(
            'type="application/json"', 'type="application/ld+json"', 1
        )
    )


@register.filter
def og_locale(language):
    """``og:locale`` for a language code: "en" gives "en_GB", "pt-br" "pt_BR"."""
    return OG_LOCALES.get(language) or to_locale(language)


@register.filter
def first_published(factcheck):
    """The publication date readers see (see ``structured_data.published``)."""
    return structured_data.published(factcheck)


@register.filter
def last_updated(factcheck):
    """The last update readers can see, or None (see ``structured_data.updated``)."""
    return structured_data.updated(factcheck)


@register.filter
def shared_rating(factcheck):
    """The rating all its claims share, whose colour marks a card; else None."""
    return verdicts.shared_rating(factcheck)


@register.filter
def reply_line(claim):
    """The right-of-reply sentence under ``claim``, or "" (``factcheck.reply``)."""
    if claim.claimant is None:
        return ""
    return reply.line(claim.claimant.name, claim.reply_attempts.all())


@register.filter
def truncate_at_word(text, length):
    """``text`` in at most ``length`` characters, cut after a whole word, with "…".

    Text without a space to cut at (one long word, or a script written
    without spaces) is cut at ``length``.
    """
    text = str(text)
    if len(text) <= length:
        return text
    kept = text[: length - 1]
    if not text[length - 1].isspace():
        words = kept.rsplit(maxsplit=1)
        kept = words[0] if len(words) == 2 else kept
    return kept.rstrip(" ,;:.–—") + "…"


@register.simple_tag
def responsive_image(field, alt, sizes="100vw", css_class="", loading="lazy"):
    """An ``<img>`` of an uploaded image with ``srcset`` and the given alt text.

    Pass ``loading="eager"`` for an image at the top of the page.
    """
    entries = renditions.srcset(field)
    src = entries[-1][0]
    candidates = [entry for entry in entries if entry[1]]
    srcset = format_html_join(", ", "{} {}w", candidates) if candidates else ""
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" alt="{}" class="{}" loading="{}"'
        ' decoding="async">',
        src,
        srcset,
        sizes,
        alt,
        css_class,
        loading,
    )
