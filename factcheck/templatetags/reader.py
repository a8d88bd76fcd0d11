"""Template helpers for the reader site."""

from django import template
from django.utils.html import format_html, format_html_join, json_script
from django.utils.safestring import mark_safe

from .. import renditions, search

register = template.Library()


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
def highlight(snippet):
    """A search snippet as safe HTML, its matches in ``<mark>``."""
    return search.highlight(snippet or "")


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
