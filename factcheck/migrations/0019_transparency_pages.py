"""The transparency pages: funders, versioned policy texts, the rating scale's
history, and who is listed on "Our team".

Editors keep funders and policy texts (a policy is edited by adding a
version, so they need no change or delete right on versions) and read the
scale's history; journalists may look. The standing pages "How we work"
(methodology) and "Corrections policy" that 0005 installed become version 1
of their policy texts, dated at their last edit, and leave the standing
pages (their old addresses redirect).
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import factcheck.fields
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


EDITORS = [
    *(f"{action}_funder" for action in ["add", "change", "delete", "view"]),
    "view_policytext",
    "change_policytext",
    "view_policyversion",
    "add_policyversion",
    "view_ratingchange",
]
JOURNALISTS = ["view_funder", "view_policytext", "view_policyversion"]
KINDS = ["methodology", "corrections-policy", "ownership"]
#: The standing pages 0005 installed, by the policy text each becomes.
PAGES = {"methodology": "methodology", "corrections-policy": "corrections-policy"}
TITLES = {"methodology": "How we work", "corrections-policy": "Corrections policy"}


def grant_and_convert(apps, schema_editor):
    # As in 0002: on a fresh install the permissions do not exist yet.
    config = apps.get_app_config("factcheck")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Journalists", JOURNALISTS), ("Editors", EDITORS)]:
        group, _ = Group.objects.get_or_create(name=name)
        granted = Permission.objects.filter(
            content_type__app_label="factcheck", codename__in=codenames
        )
        if granted.count() != len(codenames):
            raise RuntimeError(f"Missing transparency permissions for {name}")
        group.permissions.add(*granted)

    PolicyText = apps.get_model("factcheck", "PolicyText")
    PolicyVersion = apps.get_model("factcheck", "PolicyVersion")
    Page = apps.get_model("factcheck", "Page")
    for kind in KINDS:
        PolicyText.objects.get_or_create(kind=kind)
    for slug, kind in PAGES.items():
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        PolicyVersion.objects.create(
            policy=PolicyText.objects.get(kind=kind),
            number=1,
            body=page.body,
            note=f"Moved from the page “{page.title}”.",
            created_at=page.updated_at,
            created_by=page.updated_by,
        )
        page.delete()


def restore_pages(apps, schema_editor):
    """The standing pages back, with the current text of each policy."""
    PolicyVersion = apps.get_model("factcheck", "PolicyVersion")
    Page = apps.get_model("factcheck", "Page")
    for ordering, (slug, kind) in enumerate(PAGES.items(), start=2):
        current = (
            PolicyVersion.objects.filter(policy__kind=kind).order_by("-number").first()
        )
        if current is not None:
            Page.objects.get_or_create(
                slug=slug,
                defaults={
                    "title": TITLES[slug],
                    "body": current.body,
                    "ordering": ordering,
                },
            )
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ours = Permission.objects.filter(
        content_type__app_label="factcheck", codename__in=EDITORS + JOURNALISTS
    )
    for group in Group.objects.filter(name__in=["Journalists", "Editors"]):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0018_evidence_locker'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Funder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('kind', models.CharField(choices=[('grant', 'Grant'), ('donation', 'Donation'), ('advertising', 'Advertising'), ('platform', 'Platform partnership'), ('membership', 'Membership'), ('ownership', 'Ownership'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                ('amount_band', models.CharField(blank=True, choices=[('under-1k', 'Under 1,000'), ('1k-10k', '1,000 to 10,000'), ('10k-50k', '10,000 to 50,000'), ('50k-100k', '50,000 to 100,000'), ('100k-500k', '100,000 to 500,000'), ('over-500k', 'Over 500,000')], help_text="In the site's currency (the FACTCHECK_CURRENCY setting). Leave empty only where there is no sum, e.g. ownership or in-kind support.", max_length=20, verbose_name='amount a year')),
                ('year_from', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='from year')),
                ('year_to', models.PositiveSmallIntegerField(blank=True, help_text='Leave empty while the support continues.', null=True, validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='to year')),
                ('url', factcheck.fields.WebURLField(blank=True, max_length=500, verbose_name='web address')),
                ('public_note', models.TextField(blank=True, help_text='Shown to readers, e.g. what the money is for.', verbose_name='public note')),
            ],
            options={
                'verbose_name': 'funder',
                'verbose_name_plural': 'funders',
                'ordering': ['-year_from', 'name'],
            },
        ),
        migrations.CreateModel(
            name='PolicyText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('methodology', 'Methodology'), ('corrections-policy', 'Corrections policy'), ('ownership', 'Ownership statement')], max_length=30, unique=True, verbose_name='text')),
            ],
            options={
                'verbose_name': 'policy text',
                'verbose_name_plural': 'policy texts',
                'ordering': ['kind'],
            },
        ),
        migrations.CreateModel(
            name='PolicyVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(editable=False, verbose_name='version')),
                ('body', models.TextField(error_messages={'blank': 'Write the text readers will read.'}, verbose_name='text')),
                ('note', models.CharField(help_text='One line for readers, e.g. “Added how we choose experts.”', max_length=300, verbose_name='what changed')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='date')),
            ],
            options={
                'verbose_name': 'policy version',
                'verbose_name_plural': 'policy versions',
                'ordering': ['policy', '-number'],
            },
        ),
        migrations.CreateModel(
            name='RatingChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.CharField(max_length=60, verbose_name='label')),
                ('kind', models.CharField(choices=[('added', 'Added'), ('renamed', 'Renamed'), ('meaning', 'Meaning changed'), ('value', 'Position on the scale changed'), ('removed', 'Removed')], max_length=20, verbose_name='change')),
                ('previous', models.CharField(blank=True, help_text='The former label or position, for a rename or a move.', max_length=60, verbose_name='before')),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date')),
            ],
            options={
                'verbose_name': 'change to the rating scale',
                'verbose_name_plural': 'changes to the rating scale',
                'ordering': ['-changed_at', '-pk'],
            },
        ),
        migrations.AddField(
            model_name='authorprofile',
            name='team_listing',
            field=models.CharField(choices=[('credited', 'Once credited on published work'), ('always', 'Always'), ('never', 'Never (e.g. former staff)')], default='credited', help_text='Who readers see on “Our team”. Only people with published work have an author page.', max_length=20, verbose_name='on the “Our team” page'),
        ),
        migrations.AddIndex(
            model_name='expert',
            index=models.Index(fields=['name', 'id'], name='expert_name_id'),
        ),
        migrations.AddConstraint(
            model_name='funder',
            constraint=models.CheckConstraint(condition=models.Q(('url', ''), ('url__istartswith', 'http://'), ('url__istartswith', 'https://'), _connector='OR'), name='funder_url_is_web_address', violation_error_message='Enter a web address starting with http:// or https://.'),
        ),
        migrations.AddConstraint(
            model_name='funder',
            constraint=models.CheckConstraint(condition=models.Q(('year_to__isnull', True), ('year_to__gte', models.F('year_from')), _connector='OR'), name='funder_years_in_order', violation_error_message='The last year of support cannot come before the first.'),
        ),
        migrations.AddField(
            model_name='policyversion',
            name='created_by',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by'),
        ),
        migrations.AddField(
            model_name='policyversion',
            name='policy',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='factcheck.policytext'),
        ),
        migrations.AddField(
            model_name='ratingchange',
            name='changed_by',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by'),
        ),
        migrations.AddField(
            model_name='ratingchange',
            name='rating',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='changes', to='factcheck.rating', verbose_name='rating'),
        ),
        migrations.AddConstraint(
            model_name='policyversion',
            constraint=models.UniqueConstraint(fields=('policy', 'number'), name='policy_version_number_unique'),
        ),
        migrations.RunPython(grant_and_convert, restore_pages),
    ]
