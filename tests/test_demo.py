"""The demo newsroom `make run` loads: every state, real workflow history, safe to rerun."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from factcheck.models import FactCheck, Status, TransitionLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)


def test_the_demo_spans_every_workflow_state(loaded):
    published = FactCheck.objects.published()
    assert published.count() >= 4
    assert FactCheck.objects.scheduled().count() >= 1
    assert FactCheck.objects.filter(status=Status.REVIEW).exists()
    assert FactCheck.objects.filter(status=Status.DRAFT).count() >= 2
    assert (
        TransitionLog.objects.filter(action="request_changes").exclude(note="").exists()
    )


def test_the_ketamine_check_carries_quotes_and_sources(loaded):
    ketamine = FactCheck.objects.published().get(
        claims__statement__icontains="ketamine"
    )
    assert ketamine.quotes.count() == 2
    assert all(q.expert.credentials and q.obtained_via for q in ketamine.quotes.all())
    assert ketamine.sources.count() >= 3
    assert ketamine.claims.get().verdict.rating.slug == "mostly-true"


def test_demo_accounts_have_their_roles_and_documented_passwords(loaded):
    User = get_user_model()
    journalist = User.objects.get(username="journalist")
    editor = User.objects.get(username="editor")
    admin = User.objects.get(username="admin")
    assert journalist.groups.filter(name="Journalists").exists()
    assert editor.groups.filter(name="Editors").exists()
    assert admin.is_superuser is True
    for user in (journalist, editor, admin):
        assert user.check_password(user.username)


def test_loading_twice_adds_nothing(loaded):
    counts = (
        FactCheck.objects.count(),
        TransitionLog.objects.count(),
        get_user_model().objects.count(),
    )
    call_command("load_demo", verbosity=0)
    assert (
        FactCheck.objects.count(),
        TransitionLog.objects.count(),
        get_user_model().objects.count(),
    ) == counts


def test_the_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG=1"):
        call_command("load_demo")
    assert not get_user_model().objects.filter(username="journalist").exists()
