"""The admin's fact-check list: what each row shows, its filters and search."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import workflow
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db


def test_list_shows_headline_status_rating_and_author(
    as_journalist, journalist, django_assert_max_num_queries
):
    for _ in range(5):
        make_factcheck(authors=[journalist], rating_slug="misleading")
    url = reverse("admin:factcheck_factcheck_changelist")
    with django_assert_max_num_queries(20):
        response = as_journalist.get(url)
    content = response.content.decode()
    assert content.count("Misleading</span>") >= 5
    assert "Draft</span>" in content
    assert journalist.get_full_name() in content


@pytest.mark.parametrize("query", ["status=draft", "rating=misleading", "q=claim"])
def test_list_filters_and_search(as_editor, journalist, query):
    wanted = make_factcheck(authors=[journalist], rating_slug="misleading")
    make_factcheck(authors=[journalist], rating_slug="true").claims.update(
        statement="nothing"
    )
    response = as_editor.get(
        reverse("admin:factcheck_factcheck_changelist") + "?" + query
    )
    assert response.status_code == 200
    assert wanted in response.context["cl"].result_list


def test_the_list_filters_scheduled_apart_from_live(as_editor, in_review, editor):
    live = make_factcheck(authors=[in_review.created_by])
    workflow.submit_for_review(live, in_review.created_by)
    workflow.publish(live, editor)
    workflow.publish(in_review, editor, at=timezone.now() + datetime.timedelta(days=1))
    changelist = reverse("admin:factcheck_factcheck_changelist")

    def listed(state):
        response = as_editor.get(changelist, {"state": state})
        return list(response.context["cl"].result_list)

    assert listed("scheduled") == [in_review]
    assert listed("published") == [live]


def test_a_bad_author_filter_is_ignored(as_editor):
    url = reverse("admin:factcheck_factcheck_changelist")
    assert as_editor.get(url, {"author": "abc"}).status_code == 200
