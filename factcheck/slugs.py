"""Readable, unique slugs for records created outside the admin."""

from django.utils.text import slugify


def unique_slug(model, text, max_length=200):
    """Slugify ``text``, adding -2, -3… until no ``model`` row uses it."""
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    slug, number = base, 1
    while model._default_manager.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug
