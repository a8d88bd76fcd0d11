from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0021_listings'),
    ]

    operations = [
        migrations.AddField(
            model_name='claimant',
            name='party',
            field=models.CharField(blank=True, help_text='For politicians and party accounts: the party, as readers know it. The IFCN readiness dashboard weighs the claims checked by party.', max_length=120, verbose_name='party'),
        ),
    ]
