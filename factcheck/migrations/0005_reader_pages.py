"""Let editors keep the standing pages and start a fresh install with three of them.

Editors get full rights on ``Page``; journalists may look. The default About,
"How we work" and Corrections policy pages are linked from the site's footer
and are meant to be rewritten by each newsroom in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = [f"{action}_page" for action in ["add", "change", "delete", "view"]]
JOURNALISTS = ["view_page"]

# The historical model has no sanitising field, so this markup is written
# already within the allow-list of factcheck/sanitize.py.
PAGES = [
    (
        "about",
        "About us",
        "Who we are, what we check and how we are funded.",
        1,
        "<p>We are an independent fact-checking desk. We check claims that "
        "circulate in public debate (speeches, adverts, viral posts, "
        "interviews) when they are widely shared, matter to people's health, "
        "money or vote, and can be checked against evidence.</p>"
        "<h2>What we publish</h2>"
        "<p>Every fact-check states the claim, who made it and where it "
        "appeared, gives a rating from our published scale with a short "
        "summary, and then shows the evidence: the sources we used, with "
        "archived copies where we could make them, and what the experts we "
        "consulted told us.</p>"
        "<h2>Independence</h2>"
        "<p>We do not take sides in elections and do not let funders, "
        "partners or advertisers choose or review what we check. Partners "
        "who republish our work are credited on the article.</p>"
        "<h2>Suggest a claim</h2>"
        "<p>If you have seen a claim you would like us to check, tell us "
        "where and when you saw it.</p>",
    ),
    (
        "methodology",
        "How we work",
        "How we choose claims, gather evidence and decide a rating.",
        2,
        "<h2>Choosing claims</h2>"
        "<p>We pick claims that are factual rather than opinion, that many "
        "people have seen or that could cause harm, and that evidence can "
        "settle. We check claims from every side of a debate.</p>"
        "<h2>Gathering evidence</h2>"
        "<p>We go to the original data, documents and research wherever we "
        "can, and ask the person or organisation who made the claim for "
        "their evidence. We interview independent experts and say how each "
        "quote was obtained. Every source is listed on the article, with an "
        "archived copy where possible.</p>"
        "<h2>Review and rating</h2>"
        "<p>Each fact-check is written by one journalist and reviewed by an "
        "editor who did not write it before it is published. The rating "
        "comes from our published scale; see <em>How we rate</em> for what "
        "each rating means.</p>",
    ),
    (
        "corrections-policy",
        "Corrections policy",
        "How to report an error and how we correct our work.",
        3,
        "<p>We make mistakes, and we correct them openly.</p>"
        "<h2>How corrections appear</h2>"
        "<p>When we correct a fact-check, the correction is shown at the foot "
        "of the article with the date it was made and what changed. If the "
        "correction changes the rating, we say so and update the rating "
        "everywhere it appears, including the data we publish for search "
        "engines and partners.</p>"
        "<h2>Retractions</h2>"
        "<p>In rare cases an article cannot be corrected and is withdrawn. "
        "Its address then explains that it was retracted and why.</p>"
        "<h2>Reporting an error</h2>"
        "<p>If you think we got something wrong, tell us which article and "
        "what you believe is incorrect, with any evidence. An editor who did "
        "not work on the article will look at it.</p>",
    ),
]


def grant_and_create(apps, schema_editor):
    # As in 0002: permissions for a model created by an earlier migration do
    # not exist yet on a fresh install until post_migrate runs.
    factcheck_config = apps.get_app_config("factcheck")
    factcheck_config.models_module = True
    create_permissions(factcheck_config, apps=apps, verbosity=0)
    factcheck_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in [("Journalists", JOURNALISTS), ("Editors", EDITORS)]:
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="factcheck", codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Missing page permissions for {name}")
        group.permissions.add(*permissions)

    Page = apps.get_model("factcheck", "Page")
    for slug, title, summary, ordering, body in PAGES:
        Page.objects.get_or_create(
            slug=slug,
            defaults={"title": title, "summary": summary, "ordering": ordering, "body": body},
        )


def revoke_and_remove(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    page_permissions = Permission.objects.filter(
        content_type__app_label="factcheck", codename__in=EDITORS
    )
    for group in Group.objects.filter(name__in=["Journalists", "Editors"]):
        group.permissions.remove(*page_permissions)
    apps.get_model("factcheck", "Page").objects.filter(
        slug__in=[row[0] for row in PAGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0004_workflow_search_pages")]

    operations = [migrations.RunPython(grant_and_create, revoke_and_remove)]
