"""Stored verdict counts of the claimant pages (``RatingCount``, ``tally.recount``)."""

import django.db.models.deletion
from django.db import migrations, models



def count_published(apps, schema_editor):
    """What ``tally.recount`` would store, for every claimant, in one query."""
    from django.db.models import Count
    from django.utils import timezone

    Claim = apps.get_model("factcheck", "Claim")
    RatingCount = apps.get_model("factcheck", "RatingCount")
    now = timezone.now()
    rows = (
        Claim.objects.filter(
            claimant__isnull=False,
            factcheck__status="published",
            factcheck__published_at__lte=now,
        )
        .order_by()
        .values("claimant", "verdict__rating")
        .annotate(count=Count("pk"))
        .values_list("claimant", "verdict__rating", "count")
    )
    RatingCount.objects.bulk_create(
        RatingCount(claimant_id=claimant, rating_id=rating, claims=count, counted_at=now)
        for claimant, rating, count in rows
    )


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0023_presence_and_versions'),
    ]

    operations = [
        migrations.CreateModel(
            name='RatingCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('claims', models.PositiveIntegerField()),
                ('counted_at', models.DateTimeField()),
                ('claimant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rating_counts', to='factcheck.claimant')),
                ('rating', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='factcheck.rating')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('claimant', 'rating'), name='one_count_per_claimant_and_rating')],
            },
        ),
        migrations.RunPython(count_published, migrations.RunPython.noop),
    ]
