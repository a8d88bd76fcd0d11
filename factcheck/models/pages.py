"""Standing pages editors keep: about, methodology, corrections policy."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..fields import RichTextField


class Page(models.Model):
    """A page of the public site outside the fact-check flow, e.g. "How we work"."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's web address: /pages/<slug>/."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence for search engines and links."),
    )
    body = RichTextField(_("body"), blank=True)
    in_footer = models.BooleanField(_("link in footer"), default=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["ordering", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("factcheck:page", kwargs={"slug": self.slug})
