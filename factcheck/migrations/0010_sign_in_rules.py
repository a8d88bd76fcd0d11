"""Sign-in rules per staff group (two-factor off to begin with), which editors
keep, and the authenticator devices editors may remove for someone who lost one.
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

EDITORS = [
    ("factcheck", "view_signinrule"),
    ("factcheck", "change_signinrule"),
    ("otp_totp", "view_totpdevice"),
    ("otp_totp", "delete_totpdevice"),
]


def rules_and_permissions(apps, schema_editor):
    # As in 0002: on a fresh install the permissions do not exist yet.
    for label in ("factcheck", "otp_totp"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in ("Journalists", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        apps.get_model("factcheck", "SignInRule").objects.get_or_create(group=group)
    editors = Group.objects.get(name="Editors")
    for app_label, codename in EDITORS:
        editors.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('factcheck', '0009_editors_unlock_sign_ins'),
        ('otp_totp', '0003_add_timestamps'),
    ]

    operations = [
        migrations.CreateModel(
            name='SignInRule',
            fields=[
                ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='sign_in_rule', serialize=False, to='auth.group', verbose_name='group')),
                ('two_factor_required', models.BooleanField(default=False, help_text='Members sign in with their password and a code from an authenticator app; those without one set it up first.', verbose_name='two-factor sign-in required')),
            ],
            options={
                'verbose_name': 'sign-in rule',
                'verbose_name_plural': 'sign-in rules',
                'ordering': ['group__name'],
            },
        ),
        migrations.RunPython(rules_and_permissions, migrations.RunPython.noop),
    ]
