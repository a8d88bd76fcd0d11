"""Let editors see locked-out sign-ins (django-axes) and lift a lock.

Deleting an access attempt is what unlocks an account or address.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

UNLOCK = ["view_accessattempt", "delete_accessattempt", "view_accessfailurelog"]


def grant(apps, schema_editor):
    # As in 0002: on a fresh install axes' permissions do not exist yet.
    axes_config = apps.get_app_config("axes")
    axes_config.models_module = True
    create_permissions(axes_config, apps=apps, verbosity=0)
    axes_config.models_module = None
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editors")
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="axes", codename__in=UNLOCK
    )
    if permissions.count() != len(UNLOCK):
        raise RuntimeError("Missing django-axes permissions for Editors")
    editors.permissions.add(*permissions)


def revoke(apps, schema_editor):
    editors = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(
                content_type__app_label="axes", codename__in=UNLOCK
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0008_log_corrections_and_published_pages"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
