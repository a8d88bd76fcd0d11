"""The evidence locker's snapshots of sources, which journalists and editors
may read (only its jobs write them)."""

import django.db.models.deletion
import django.utils.timezone
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import factcheck.fields


def readable_by_the_desk(apps, schema_editor):
    # As in 0002: on a fresh install the permissions do not exist yet.
    config = apps.get_app_config("factcheck")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    permission = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="factcheck", codename="view_sourcesnapshot"
    )
    for name in ("Journalists", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('factcheck', '0017_claimant_pages_and_reply_attempts'),
    ]

    operations = [
        migrations.AlterField(
            model_name='source',
            name='archived_url',
            field=factcheck.fields.WebURLField(blank=True, help_text='Your own archive link, e.g. archive.org or archive.today. The desk also keeps a copy of the URL itself (the evidence locker).', max_length=1000, verbose_name='archived copy'),
        ),
        migrations.CreateModel(
            name='SourceSnapshot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('url', factcheck.fields.WebURLField(max_length=1000, verbose_name='source URL')),
                ('fetched_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='fetched at')),
                ('outcome', models.CharField(choices=[('ok', 'Archived'), ('changed', 'Changed since archived'), ('gone', 'Gone'), ('failed', 'Could not be fetched')], max_length=10, verbose_name='outcome')),
                ('is_archive', models.BooleanField(default=False, help_text='These bytes are the copy readers are offered.', verbose_name='archived copy')),
                ('message', models.CharField(blank=True, max_length=500, verbose_name='message')),
                ('final_url', factcheck.fields.WebURLField(blank=True, help_text='Where the redirects, if any, led.', max_length=1000, verbose_name='final URL')),
                ('status_code', models.PositiveSmallIntegerField(null=True, verbose_name='HTTP status')),
                ('content_type', models.CharField(blank=True, max_length=200, verbose_name='content type')),
                ('sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256')),
                ('size', models.PositiveBigIntegerField(null=True, verbose_name='size in bytes')),
                ('file', models.CharField(blank=True, max_length=200, verbose_name='stored as')),
                ('factcheck', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='snapshots', to='factcheck.factcheck', verbose_name='fact-check')),
            ],
            options={
                'verbose_name': 'source snapshot',
                'verbose_name_plural': 'source snapshots',
                'ordering': ['-fetched_at', '-pk'],
                'indexes': [models.Index(fields=['factcheck', 'url', '-fetched_at'], name='snapshot_latest'), models.Index(fields=['sha256'], name='snapshot_sha256')],
                'constraints': [models.CheckConstraint(condition=models.Q(('url', ''), ('url__istartswith', 'http://'), ('url__istartswith', 'https://'), _connector='OR'), name='snapshot_url_is_web_address', violation_error_message='Enter a web address starting with http:// or https://.'), models.CheckConstraint(condition=models.Q(('final_url', ''), ('final_url__istartswith', 'http://'), ('final_url__istartswith', 'https://'), _connector='OR'), name='snapshot_final_url_is_web_address', violation_error_message='Enter a web address starting with http:// or https://.'), models.CheckConstraint(condition=models.Q(('is_archive', False), models.Q(('file', ''), _negated=True), _connector='OR'), name='snapshot_archive_has_bytes')],
            },
        ),
        migrations.RunPython(readable_by_the_desk, migrations.RunPython.noop),
    ]
