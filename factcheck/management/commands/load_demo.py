from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factcheck import demo, importer


class Command(BaseCommand):
    help = (
        "Load the demo newsroom (factcheck/demo_newsroom/): the accounts journalist, "
        "reporter, editor, chief and admin (password = username), topics and "
        "fact-checks in every workflow state, each article imported from its "
        "plain-text file. Safe to run twice."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates accounts with known passwords, so it only runs with DEBUG=1."
            )
        try:
            created = demo.load()
        except importer.MalformedArticle as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Demo newsroom ready ({len(created)} fact-checks added).")
