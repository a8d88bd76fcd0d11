import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0022_claimant_party'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='transitionlog',
            name='action',
            field=models.CharField(choices=[('submit', 'Submitted for review'), ('request_changes', 'Changes requested'), ('publish', 'Published'), ('schedule', 'Scheduled'), ('unpublish', 'Unpublished'), ('retract', 'Retracted'), ('assign', 'Review assigned'), ('vote', 'Rating vote'), ('revise', 'Revision started'), ('share_preview', 'Preview link shared'), ('delete', 'Deleted'), ('correct', 'Correction issued'), ('reword_correction', 'Correction reworded'), ('from_tip', "Started from a reader's tip"), ('add_tip', "Reader's tip added"), ('withdraw', 'Submission withdrawn'), ('revoke_previews', 'Preview links revoked'), ('restore', 'Earlier version restored')], max_length=30, verbose_name='action'),
        ),
        migrations.CreateModel(
            name='ArticleVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='version')),
                ('saved_at', models.DateTimeField(auto_now_add=True, verbose_name='saved at')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                ('content', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder, verbose_name='content')),
                ('factcheck', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='factcheck.factcheck')),
                ('saved_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='saved by')),
            ],
            options={
                'verbose_name': 'version',
                'verbose_name_plural': 'versions',
                'ordering': ['-saved_at', '-pk'],
                'indexes': [models.Index(fields=['factcheck', '-saved_at'], name='factcheck_a_factche_604db4_idx')],
            },
        ),
        migrations.CreateModel(
            name='EditingSession',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('editing', models.BooleanField(default=False, verbose_name='editing')),
                ('seen_at', models.DateTimeField(verbose_name='last seen')),
                ('factcheck', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='editing_sessions', to='factcheck.factcheck')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'editing session',
                'verbose_name_plural': 'editing sessions',
                'constraints': [models.UniqueConstraint(fields=('factcheck', 'user'), name='one_session_per_person')],
            },
        ),
    ]
