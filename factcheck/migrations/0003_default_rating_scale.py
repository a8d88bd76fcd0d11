"""Give a fresh install a rating scale to start from; editors change it in the admin."""

from django.db import migrations

SCALE = [
    ("True", "true", 4, "#166534", "The claim is accurate and nothing significant is missing."),
    (
        "Mostly true",
        "mostly-true",
        3,
        "#3f6212",
        "The claim is accurate but needs context or a small correction to be fully right.",
    ),
    (
        "Misleading",
        "misleading",
        2,
        "#9a3412",
        "The claim contains some truth but leaves out or distorts facts in a way that "
        "gives a false impression.",
    ),
    ("False", "false", 1, "#b91c1c", "The claim is inaccurate: the evidence contradicts it."),
    (
        "Unproven",
        "unproven",
        None,
        "#4b5563",
        "There is not enough evidence to say whether the claim is true or false.",
    ),
]


def create_scale(apps, schema_editor):
    Rating = apps.get_model("factcheck", "Rating")
    for label, slug, value, colour, meaning in SCALE:
        Rating.objects.get_or_create(
            slug=slug, defaults={"label": label, "value": value, "colour": colour, "meaning": meaning}
        )


def remove_unused_scale(apps, schema_editor):
    Rating = apps.get_model("factcheck", "Rating")
    Rating.objects.filter(slug__in=[row[1] for row in SCALE], verdicts__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0002_newsroom_groups")]

    operations = [migrations.RunPython(create_scale, remove_unused_scale)]
