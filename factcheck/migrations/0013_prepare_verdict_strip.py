"""Articles now open with their verdicts: prepare every page again when next read."""

from django.db import migrations


def mark_stale(apps, schema_editor):
    apps.get_model("factcheck", "PublishedPage").objects.update(stale=True)


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0012_reader_consent")]

    operations = [migrations.RunPython(mark_stale, migrations.RunPython.noop)]
