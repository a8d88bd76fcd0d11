from django.core.management.base import BaseCommand, CommandError

from factcheck import synthetic


class Command(BaseCommand):
    help = (
        "Create N published synthetic fact-checks in bulk (claims, verdicts, "
        "sources, quotes, bylines, topics, search vectors), for benchmarks at "
        f"scale. '{synthetic.COMMON_WORD}' is planted in about a fifth of them, "
        f"'{synthetic.RARE_WORD}' in about one in a thousand."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many fact-checks to make.")
        parser.add_argument(
            "--seed",
            type=int,
            default=0,
            help="Seed of the text (same seed, same site).",
        )

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("count must be at least 1")
        made = synthetic.generate(
            count, seed=seed, stdout=self.stdout if options["verbosity"] > 1 else None
        )
        self.stdout.write(f"Created {made} synthetic fact-checks.")
