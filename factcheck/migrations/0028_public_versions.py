"""Versions readers were shown (the public history), and articles link to it:
prepare every page again when next read."""

import django.db.models.deletion
from django.db import migrations, models


def mark_stale(apps, schema_editor):
    apps.get_model("factcheck", "PublishedPage").objects.update(stale=True)


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0025_review_comments")]

    operations = [
        migrations.AddField(
            model_name="articleversion",
            name="published_at",
            field=models.DateTimeField(null=True, verbose_name="shown to readers from"),
        ),
        migrations.AddField(
            model_name="articleversion",
            name="change_class",
            field=models.CharField(
                blank=True, max_length=20, verbose_name="class of change"
            ),
        ),
        migrations.AddField(
            model_name="articleversion",
            name="correction",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="factcheck.correction",
                verbose_name="public change record",
            ),
        ),
        migrations.AddIndex(
            model_name="articleversion",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["factcheck", "published_at"],
                name="version_shown_to_readers",
            ),
        ),
        migrations.RunPython(mark_stale, migrations.RunPython.noop),
    ]
