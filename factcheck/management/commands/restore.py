from django.core.management.base import BaseCommand, CommandError

from factcheck import backups


class Command(BaseCommand):
    help = (
        "Restore an archive from `backup` into an empty database and media "
        "storage (factcheck.backups); checks the whole archive first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = backups.restore(archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored {archive} (made {manifest['created_at']}): the database "
            f"and {len(manifest['media'])} media files."
        )
