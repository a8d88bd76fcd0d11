from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.urls import reverse

from factcheck.importer import MalformedArticle, create_draft, parse, read_article
from factcheck.models import Rating


class Command(BaseCommand):
    help = "Import a plain-text fact-check as a draft and print its admin URL."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="The plain-text article (CLAIM:, FACT:, body, SOURCES:)."
        )
        parser.add_argument(
            "--author", required=True, help="Username to put on the byline."
        )
        parser.add_argument(
            "--rating", help="Rate the verdict with this label from the rating scale."
        )

    def handle(self, *args, path, author, rating, **options):
        try:
            article = parse(read_article(path))
        except MalformedArticle as error:
            raise CommandError(str(error)) from None
        User = get_user_model()
        try:
            user = User.objects.get(username=author, is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"no active user named {author!r}") from None
        rating_obj = None
        if rating:
            rating_obj = Rating.objects.filter(
                Q(label__iexact=rating) | Q(slug__iexact=rating)
            ).first()
            if rating_obj is None:
                labels = ", ".join(Rating.objects.values_list("label", flat=True))
                raise CommandError(
                    f"no rating labelled {rating!r}; the scale has: {labels}"
                )
        try:
            factcheck = create_draft(article, user, rating_obj)
        except MalformedArticle as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            settings.SITE_URL
            + reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])
        )
