import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factcheck import locker


class Command(BaseCommand):
    help = (
        "Queue a re-check of every published source not fetched for "
        "--older-than days: the job worker records whether each page changed "
        "or disappeared since it was archived, for editors to see."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=int, default=locker.RECHECK_EVERY.days, metavar="DAYS"
        )

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        if not settings.FACTCHECK_ARCHIVE_SOURCES:
            raise CommandError(
                "The evidence locker is off (FACTCHECK_ARCHIVE_SOURCES): nothing queued."
            )
        count = locker.recheck(datetime.timedelta(days=older_than))
        self.stdout.write(
            f"Queued {count} source re-checks (not fetched for {older_than} days)."
        )
