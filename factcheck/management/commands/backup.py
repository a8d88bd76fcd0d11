from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from factcheck import backups


class Command(BaseCommand):
    help = "Write one archive of the database and the media (factcheck.backups)."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="Where to write it (default: backups/newsroom-<time>.tar.gz).",
        )

    def handle(self, *args, archive, **options):
        path = Path(
            archive or f"backups/newsroom-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        )
        if path.exists():
            raise CommandError(f"{path} exists already: name another archive.")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            manifest = backups.backup(path)
        except backups.BackupError as error:
            path.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Wrote {path}: the {manifest['engine']} database and "
            f"{len(manifest['media'])} media files."
        )
