"""Create the Journalists and Editors groups with the permissions each role needs.

Journalists write and submit; editors also publish, edit anyone's work and
keep the rating scale, topics and corrections. What a journalist may edit
(only their own drafts) is decided per article in ``factcheck.workflow``.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ARTICLE_PARTS = ["byline", "claim", "verdict", "claimappearance", "source", "expertquote"]
CRUD = ["add", "change", "delete", "view"]

JOURNALISTS = (
    [f"{action}_factcheck" for action in CRUD]
    + ["submit_factcheck"]
    + [f"{action}_{model}" for model in ARTICLE_PARTS for action in CRUD]
    + [f"{action}_{model}" for model in ["claimant", "expert"] for action in ["add", "change", "view"]]
    + ["view_rating", "view_topic", "view_authorprofile", "change_authorprofile", "view_correction"]
)
EDITORS = JOURNALISTS + [
    "publish_factcheck",
    "edit_any_factcheck",
    "delete_claimant",
    "delete_expert",
    "add_authorprofile",
    "delete_authorprofile",
    "view_transitionlog",
] + [f"{action}_{model}" for model in ["rating", "topic", "correction"] for action in CRUD]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations have run; make
    # sure they exist now so the groups can be given them on a fresh install.
    factcheck_config = apps.get_app_config("factcheck")
    factcheck_config.models_module = True
    create_permissions(factcheck_config, apps=apps, verbosity=0)
    factcheck_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Journalists", JOURNALISTS), ("Editors", EDITORS)]:
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="factcheck", codename__in=set(codenames)
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Unknown permissions: {sorted(missing)}")
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Journalists", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
