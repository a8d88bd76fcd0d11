from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factcheck import demo


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: the accounts journalist, reporter, editor, chief and "
        "admin (password = username), topics and fact-checks in every workflow "
        "state. Safe to run twice."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates accounts with known passwords, so it only runs with DEBUG=1."
            )
        created = demo.load()
        self.stdout.write(f"Demo newsroom ready ({len(created)} fact-checks added).")
