from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factcheck import inbox


class Command(BaseCommand):
    help = (
        "Drop the name and email of reader messages older than --days "
        "(FACTCHECK_READER_CONTACT_DAYS); the claims and reports themselves stay."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.FACTCHECK_READER_CONTACT_DAYS
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = inbox.anonymise(older_than_days=days)
        self.stdout.write(f"Anonymised {count} reader messages older than {days} days.")
