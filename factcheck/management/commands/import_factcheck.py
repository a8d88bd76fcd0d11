from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from factcheck import importer


class Command(BaseCommand):
    help = (
        "Import a plain-text fact-check as a draft and print its admin URL. The "
        "format (CLAIM:, FACT:, body, SOURCES:, and optional keys such as "
        "HEADLINE:, TOPICS:, RATING:, SEEN: and QUOTES:) is in the README."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="The plain-text article (CLAIM:, FACT:, body, SOURCES:)."
        )
        parser.add_argument(
            "--author", required=True, help="Username to put on the byline."
        )
        parser.add_argument(
            "--rating",
            help="Rate every claim the file leaves unrated with this label (or slug) "
            "from the rating scale.",
        )

    def handle(self, *args, path, author, rating, **options):
        try:
            article = importer.parse(importer.read_article(path))
        except importer.MalformedArticle as error:
            raise CommandError(str(error)) from None
        user = self._author(author)
        default_rating = self._rating(rating) if rating else None
        try:
            factcheck = importer.create_draft(article, user, default_rating)
        except importer.MalformedArticle as error:
            raise CommandError(str(error)) from None
        except PermissionDenied:
            raise CommandError(f"{author!r} may not create fact-checks") from None
        self.stdout.write(
            settings.SITE_URL
            + reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])
        )

    def _author(self, username):
        User = get_user_model()
        try:
            return User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"no active user named {username!r}") from None

    def _rating(self, label):
        found = importer.find_rating(label)
        if found is None:
            raise CommandError(
                f"no rating labelled {label!r}; the scale has: {importer.rating_scale()}"
            )
        return found
