"""Each published fact-check on the list pages it belongs on (``Listing``)."""

import django.db.models.deletion
from django.db import migrations, models



def list_published(apps, schema_editor):
    """The rows ``invalidation.listing_keys`` would write, for every published article."""
    FactCheck = apps.get_model("factcheck", "FactCheck")
    Listing = apps.get_model("factcheck", "Listing")
    live = FactCheck.objects.filter(status="published")
    dates = dict(live.values_list("pk", "first_published_at"))
    pairs = set()
    pairs.update(
        (pk, f"topic:{topic}")
        for pk, topic in FactCheck.topics.through.objects.filter(
            factcheck__in=live
        ).values_list("factcheck_id", "topic_id")
    )
    claims = apps.get_model("factcheck", "Claim").objects.filter(factcheck__in=live)
    pairs.update(
        (pk, f"claimant:{claimant}")
        for pk, claimant in claims.exclude(claimant=None).values_list(
            "factcheck_id", "claimant_id"
        )
    )
    pairs.update(
        (pk, f"rating:{rating}")
        for pk, rating in claims.exclude(verdict=None).values_list(
            "factcheck_id", "verdict__rating_id"
        )
    )
    pairs.update(
        (pk, f"author:{author}")
        for pk, author in apps.get_model("factcheck", "Byline")
        .objects.filter(factcheck__in=live)
        .values_list("factcheck_id", "author_id")
    )
    pairs.update(
        (pk, f"author:{editor}")
        for pk, editor in live.exclude(editor=None).values_list("pk", "editor_id")
    )
    Listing.objects.bulk_create(
        (
            Listing(factcheck_id=pk, key=key, first_published_at=dates[pk])
            for pk, key in sorted(pairs)
        ),
        batch_size=2000,
    )


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0020_change_classes_kept_verdicts_and_log'),
    ]

    operations = [
        migrations.CreateModel(
            name='Listing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=40)),
                ('first_published_at', models.DateTimeField()),
                ('factcheck', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='listings', to='factcheck.factcheck')),
            ],
            options={
                'indexes': [models.Index(fields=['key', '-first_published_at', '-factcheck'], name='listing_newest_first')],
            },
        ),
        migrations.RunPython(list_published, migrations.RunPython.noop),
    ]
