"""Revisions in the admin: buttons, banners and refusals."""

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import (
    FactCheck,
    Status,
)
from tests.adminforms import (
    DOOR_QUERIES,
    READER_PANEL_QUERIES,
    REVIEW_COMMENTS_QUERIES,
    add_rows,
    change_url,
    form_data,
    shown_messages,
    step_url,
)
from tests.records import log_of, what_readers_see

pytestmark = pytest.mark.django_db

Action = workflow.Action


class TestAdmin:
    def test_the_author_starts_a_revision_from_the_live_article(
        self, client, live, journalist
    ):
        client.force_login(journalist)
        page = client.get(change_url(live)).content.decode()
        assert f'action="{step_url(live, "revise")}"' in page
        assert "Start a revision" in page

        response = client.post(step_url(live, "revise"), follow=True)

        revision = live.revisions.get()
        assert response.redirect_chain == [(change_url(revision), 302)]
        assert shown_messages(response) == [
            "Revision started: readers keep seeing the live version until this "
            "revision is published."
        ]
        assert response.context["has_change_permission"] is True

    def test_a_forbidden_post_gets_403_and_changes_nothing(
        self, client, live, other_journalist
    ):
        entries = log_of(live)
        client.force_login(other_journalist)
        page = client.get(change_url(live)).content.decode()
        assert step_url(live, "revise") not in page
        assert client.post(step_url(live, "revise")).status_code == 403
        assert not live.revisions.exists()
        assert log_of(live) == entries
        client.logout()
        response = client.post(step_url(live, "revise"))
        assert response["Location"].startswith(reverse("admin:login"))
        assert not live.revisions.exists()

    def test_forbidden_posts_on_a_revision_get_403_and_change_nothing(
        self, client, live, revision, journalist, other_journalist
    ):
        client.force_login(journalist)
        data = form_data(client.get(change_url(revision)))
        workflow.submit_for_review(revision, journalist)
        entries = log_of(revision)
        data["headline"] = "Changed by hand"
        # The author may not publish, nor edit once it is in review.
        assert client.post(step_url(revision, "publish")).status_code == 403
        assert client.post(change_url(revision), data).status_code == 403
        client.force_login(other_journalist)
        assert (
            client.post(
                step_url(revision, "request_changes"), {"note": "x"}
            ).status_code
            == 403
        )
        row = FactCheck.objects.get(pk=revision.pk)
        assert (row.status, row.headline) == (Status.REVIEW, live.headline)
        assert log_of(revision) == entries

    def test_an_open_revision_is_linked_instead_of_a_second_one(
        self, client, live, revision, editor
    ):
        client.force_login(editor)
        response = client.get(change_url(live))
        page = response.content.decode()
        assert step_url(live, "revise") not in page
        assert "Continue the open revision" in page
        assert f'href="{change_url(revision)}"' in page

        response = client.post(step_url(live, "revise"), follow=True)

        assert response.redirect_chain == [(change_url(live), 302)]
        assert "already has a revision in progress" in shown_messages(response)[0]
        assert "Continue the open revision" in response.content.decode()
        assert list(live.revisions.all()) == [revision]

    def test_the_revision_says_what_it_is(
        self, client, live, revision, journalist, django_assert_max_num_queries
    ):
        client.force_login(journalist)
        with django_assert_max_num_queries(
            40 + DOOR_QUERIES + READER_PANEL_QUERIES + REVIEW_COMMENTS_QUERIES
        ):
            response = client.get(change_url(revision))
        page = response.content.decode()
        assert (
            f'This is a revision of <a href="{change_url(live)}">{live.headline}</a> '
            f'(<a href="{live.get_absolute_url()}"'
        ) in page
        assert (
            "Readers keep seeing the live version until this revision is published."
            in page
        )
        form = response.context["adminform"].form
        assert "slug" not in form.fields
        assert "headline" in form.fields
        assert revision.slug in page  # shown, read-only
        assert "Continue the open revision" not in page

    def test_the_journalist_edits_the_revision_and_the_live_article_stays(
        self, client, live, revision, journalist
    ):
        before = what_readers_see(live)
        client.force_login(journalist)
        data = form_data(client.get(change_url(revision)))
        data["headline"] = "Updated: the claim is still false"
        add_rows(
            data,
            "sources",
            [
                {
                    "title": "The 2026 study",
                    "url": "https://example.org/2026",
                    "kind": "study",
                    "origin": "primary",
                    "ordering": 5,
                }
            ],
        )
        response = client.post(change_url(revision), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        revision.refresh_from_db()
        assert revision.headline == "Updated: the claim is still false"
        assert revision.slug == f"{live.slug}-revision"
        assert revision.sources.filter(title="The 2026 study").exists()
        assert what_readers_see(live) == before

    def test_the_live_checklist_works_on_a_revision(self, client, revision, journalist):
        client.force_login(journalist)
        data = form_data(client.get(change_url(revision)))
        url = reverse("admin:factcheck_factcheck_checklist", args=[revision.pk])
        assert client.post(url, data).json()["problems"] == []
        data["claims-0-verdict_summary"] = ""
        assert "no verdict summary" in client.post(url, data).json()["problems"][0]

    def test_the_editor_publishes_the_revision_now_only(
        self, client, live, revision, journalist, other_editor
    ):
        workflow.submit_for_review(revision, journalist)
        client.force_login(other_editor)
        response = client.get(change_url(revision))
        publish = next(
            item
            for item in response.context["workflow"]["steps"]
            if item["step"].action == "publish"
        )
        assert "at" not in publish["form"].fields
        assert 'class="workflow-step workflow-step-publish"' in (
            response.content.decode()
        )

        assert "change_class" in publish["form"].fields
        response = client.post(
            step_url(revision, "publish"), {"change_class": "minor"}, follow=True
        )

        assert response.redirect_chain == [(change_url(live), 302)]
        assert shown_messages(response) == ["Published: readers can see it now."]
        assert not FactCheck.objects.filter(pk=revision.pk).exists()
        assert "Revision published" in response.content.decode()

    def test_the_banner_says_when_the_revision_can_no_longer_be_published(
        self, client, live, revision, editor
    ):
        workflow.unpublish(live, editor, "Legal hold.")
        client.force_login(editor)
        page = client.get(change_url(revision)).content.decode()
        assert "is no longer live (it is draft)" in page
        assert "Readers keep seeing the live version" not in page

    def test_the_list_marks_revisions_and_filters_them(
        self, client, live, revision, editor, django_assert_max_num_queries
    ):
        client.force_login(editor)
        url = reverse("admin:factcheck_factcheck_changelist")
        with django_assert_max_num_queries(20):
            page = client.get(url).content.decode()
        assert f"Revision of “{live.headline}”" in page
        response = client.get(url, {"revision": "yes"})
        assert list(response.context["cl"].result_list) == [revision]
        response = client.get(url, {"revision": "no"})
        assert list(response.context["cl"].result_list) == [live]

    def test_a_revision_in_review_waits_on_the_dashboard(
        self, client, revision, journalist, editor
    ):
        workflow.submit_for_review(revision, journalist)
        client.force_login(editor)
        response = client.get(reverse("admin:index"))
        assert response.context["editor"]["waiting"] == [revision]
        assert "(revision)" in response.content.decode()

    def test_its_authors_abandon_a_revision_by_deleting_it(
        self, client, live, revision, journalist, other_journalist
    ):
        before = what_readers_see(live)
        url = reverse("admin:factcheck_factcheck_delete", args=[revision.pk])
        client.force_login(other_journalist)
        assert client.post(url, {"post": "yes"}).status_code == 403
        client.force_login(journalist)
        assert client.post(url, {"post": "yes"}).status_code == 302
        assert not FactCheck.objects.filter(pk=revision.pk).exists()
        assert what_readers_see(live) == before
        assert live.hero_image.storage.exists(live.hero_image.name)
        # The live article itself is never deleted.
        live_url = reverse("admin:factcheck_factcheck_delete", args=[live.pk])
        assert client.post(live_url, {"post": "yes"}).status_code == 403
