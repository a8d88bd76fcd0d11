import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0022_claimant_party'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
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
