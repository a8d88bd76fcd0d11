"""People around a fact-check: the newsroom's authors, claimants and experts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..fields import SafeImageField, WebURLField
from .checks import web_address
from .listings import ListingQuerySet


class AuthorProfileQuerySet(models.QuerySet):
    def in_use(self):
        """Those credited on something readers see now (``first_credited_at``)."""
        return self.filter(first_credited_at__lte=timezone.now())

    def on_team(self):
        """Those the "Our team" page lists (``AuthorProfile.TeamListing``)."""
        return self.filter(
            models.Q(team_listing=AuthorProfile.TeamListing.ALWAYS)
            | models.Q(
                team_listing=AuthorProfile.TeamListing.CREDITED,
                first_credited_at__lte=timezone.now(),
            )
        )

    def refresh_first_credit(self):
        """Recompute ``first_credited_at`` of these profiles; return how many moved.

        Two questions a person, each along its own index (their bylines, their
        editor credits): asked of every article at once, PostgreSQL would scan
        them all for someone never credited. Called for the few people an
        article credits, when it is published, scheduled or withdrawn.
        """
        from .articles import FactCheck  # the article model imports this module
        from .states import Status

        out = FactCheck.objects.filter(status=Status.PUBLISHED)
        changed = 0
        for profile in self.only("pk", "user_id", "first_credited_at"):
            firsts = [
                out.filter(credit).aggregate(first=models.Min("published_at"))["first"]
                for credit in (
                    models.Q(bylines__author=profile.user_id),
                    models.Q(editor=profile.user_id),
                )
            ]
            first = min(filter(None, firsts), default=None)
            if first != profile.first_credited_at:
                AuthorProfile.objects.filter(pk=profile.pk).update(
                    first_credited_at=first
                )
                changed += 1
        return changed


class AuthorProfile(models.Model):
    """How a newsroom member appears in bylines and on their author page."""

    class TeamListing(models.TextChoices):
        # Readers already see the names of those credited on published work:
        # listing them is the default. Staff without a byline (a founder, a
        # researcher) are listed by choice; former staff can be taken off
        # the page while their bylines and author page stay.
        CREDITED = "credited", _("Once credited on published work")
        ALWAYS = "always", _("Always")
        NEVER = "never", _("Never (e.g. former staff)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("The name printed in bylines.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    role = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("Job title, e.g. “Health fact-checker”."),
    )
    bio = models.TextField(
        _("bio"), blank=True, help_text=_("A short paragraph for the author page.")
    )
    photo = SafeImageField(
        _("photo"), blank=True, help_text=_("A head-and-shoulders portrait.")
    )
    #: When readers first see work credited to this person (as author or
    #: editor): the earliest publication time of their published fact-checks,
    #: scheduled ones included, so a first article scheduled for tomorrow
    #: opens their page tomorrow without a write. Kept by ``publishing``; one
    #: column, so the staff sitemap and author pages ask nothing else.
    first_credited_at = models.DateTimeField(null=True, editable=False)
    team_listing = models.CharField(
        _("on the “Our team” page"),
        max_length=20,
        choices=TeamListing,
        default=TeamListing.CREDITED,
        help_text=_(
            "Who readers see on “Our team”. Only people with published work "
            "have an author page."
        ),
    )

    objects = AuthorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("author profile")
        verbose_name_plural = _("author profiles")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:  # a person may have been credited before their page existed
            AuthorProfile.objects.filter(pk=self.pk).refresh_first_credit()
            self.refresh_from_db(fields=["first_credited_at"])

    def get_absolute_url(self):
        return reverse("factcheck:author", kwargs={"slug": self.slug})

    def has_published_work(self):
        """Credited as author or editor on something readers see now."""
        return (
            self.first_credited_at is not None
            and self.first_credited_at <= timezone.now()
        )


class ClaimantQuerySet(ListingQuerySet):
    def listed(self):
        return self.published_fact_checks().filter(
            claims__claimant=models.OuterRef("pk")
        )

    def in_use(self):
        """Those with published claims when their verdicts were last counted
        (``RatingCount``, at every publication and withdrawal showing them).

        One index probe each. A claimant whose first claim goes live on a
        schedule joins at the next count; their page is exact meanwhile.
        """
        from .listings import RatingCount  # the article model imports this module

        return self.filter(
            models.Exists(RatingCount.objects.filter(claimant=models.OuterRef("pk")))
        )


class Claimant(models.Model):
    """Whoever made a claim: a person, an organisation or an account.

    A record of its own, so that one claimant's verdicts can be listed together.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")
        ACCOUNT = "account", _("Anonymous or unidentified account")

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_(
            "As readers should see it, e.g. “Jane Doe, MP” or “Viral Facebook post”."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PERSON)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("Who they are, e.g. “Member of Parliament for Leeds North”."),
    )
    platform = models.CharField(
        _("platform"),
        max_length=80,
        blank=True,
        help_text=_("For accounts: where the account lives, e.g. X, TikTok, WhatsApp."),
    )
    handle = models.CharField(
        _("handle"),
        max_length=120,
        blank=True,
        help_text=_("For accounts: e.g. @example."),
    )
    url = WebURLField(_("profile URL"), max_length=500, blank=True)
    party = models.CharField(
        _("party"),
        max_length=120,
        blank=True,
        help_text=_(
            "For politicians and party accounts: the party, as readers know it. "
            "The IFCN readiness dashboard weighs the claims checked by party."
        ),
    )

    objects = ClaimantQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("claimant")
        verbose_name_plural = _("claimants")
        constraints = [web_address("claimant", "url")]

    def __str__(self):
        if self.handle:
            return f"{self.name} ({self.handle})"
        return self.name

    def get_absolute_url(self):
        return reverse("factcheck:claimant", kwargs={"slug": self.slug})

    def clean(self):
        if self.kind == self.Kind.ACCOUNT and not self.platform:
            raise ValidationError(
                {
                    "platform": _(
                        "Say which platform the account is on, e.g. X or TikTok."
                    )
                }
            )


class ExpertQuerySet(models.QuerySet):
    def for_readers(self):
        """Experts quoted on the record in something readers see, with only the
        fields readers may see: the contact details are never even read."""
        from .parts import ExpertQuote  # the quote model imports this module
        from .querysets import visible_to_readers

        quoted = ExpertQuote.objects.filter(
            visible_to_readers("factcheck__"), expert=models.OuterRef("pk")
        ).filter(on_record=True)
        return self.filter(models.Exists(quoted)).only("pk", *Expert.PUBLIC_FIELDS)


class Expert(models.Model):
    """Someone the desk quotes for their expertise; a directory reused across articles.

    Contact details are for the newsroom only and are never shown to readers.
    """

    #: What readers may see of an expert (the "Our experts" page, quotes).
    PUBLIC_FIELDS = (
        "name",
        "credentials",
        "affiliation",
        "field",
        "conflict_of_interest",
    )

    name = models.CharField(
        _("name"), max_length=200, help_text=_("e.g. “Dr Asha Rao”.")
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=300,
        blank=True,
        help_text=_(
            "Why readers should listen, e.g. “Psychiatrist with seven years of clinical "
            "practice”. Shown with every quote."
        ),
    )
    affiliation = models.CharField(
        _("affiliation"),
        max_length=300,
        blank=True,
        help_text=_("e.g. a university or hospital."),
    )
    field = models.CharField(
        _("field"),
        max_length=120,
        blank=True,
        help_text=_("Area of expertise, e.g. psychiatry."),
    )
    conflict_of_interest = models.TextField(
        _("conflict of interest declaration"),
        blank=True,
        help_text=_(
            "What the expert declared (funding, employers, shares). Shown to readers."
        ),
    )
    contact_email = models.EmailField(_("contact email (private)"), blank=True)
    contact_phone = models.CharField(
        _("contact phone (private)"), max_length=40, blank=True
    )
    contact_notes = models.TextField(
        _("contact notes (private)"),
        blank=True,
        help_text=_("Never shown on the public site."),
    )

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        # "Our experts" goes through the directory by name, a page at a time.
        indexes = [models.Index(fields=["name", "id"], name="expert_name_id")]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


def display_name(user):
    """How the newsroom names a person: their profile's name, else their own.

    Reads ``user.profile``; select it with the user where names are listed.
    """
    profile = getattr(user, "profile", None)
    return profile.display_name if profile else (user.get_full_name() or user.username)
