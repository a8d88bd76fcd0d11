"""A source or reply attempt on a new article can name a claim row not saved
yet, and is tied to it on save, in the checklist and through a merge."""

import pytest

from factcheck import versions
from factcheck.models import FactCheck
from tests.adminforms import (
    ADD_URL,
    add_rows,
    change_url,
    checklist_url,
    form_data,
    new_article_data,
    shown_messages,
    source_row,
)
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db


# Sources (and reply attempts) tied to claims not saved yet.


def test_a_source_names_claim_row_two_of_a_new_article(as_journalist):
    page = as_journalist.get(ADD_URL)
    assert '<option value="claims-1">Claim #2 (not saved yet)</option>' in (
        page.content.decode()
    )
    data = new_article_data(
        form_data(page),
        claims=["Bananas are radioactive", "Bananas glow"],
        sources=[source_row("Glow study", claim="claims-1"), source_row("Dose chart")],
        replies=[{"claim": "claims-0", "channel": "email", "response": ""}],
    )
    data["reply_attempts-0-contacted_at_0"] = "2026-11-01"
    data["reply_attempts-0-contacted_at_1"] = "10:00"

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 302, response.context["error_summary"]
    factcheck = FactCheck.objects.get()
    first, second = factcheck.claims.order_by("ordering")
    sources = {source.title: source.claim for source in factcheck.sources.all()}
    assert sources == {"Glow study": second, "Dose chart": None}
    assert factcheck.reply_attempts.get().claim == first


def test_a_source_naming_an_empty_claim_row_is_an_error(as_journalist):
    data = new_article_data(
        form_data(as_journalist.get(ADD_URL)),
        claims=["Bananas are radioactive"],
        sources=[source_row("Glow study", claim="claims-3")],
    )

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 200
    [error] = response.context["error_summary"]
    assert (error.target, error.message) == (
        "id_sources-0-claim",
        "Claim #4 (not saved yet) is empty or deleted; choose another claim.",
    )
    assert not FactCheck.objects.exists()


def test_the_checklist_counts_a_source_tied_to_a_claim_row(as_journalist):
    data = new_article_data(
        form_data(as_journalist.get(ADD_URL)),
        claims=["Bananas are radioactive"],
        sources=[source_row("Dose chart", claim="claims-0")],
    )
    report = as_journalist.post(checklist_url(), data).json()
    assert not any("0 sources" in problem for problem in report["problems"])


def test_a_stale_save_tying_a_source_to_a_new_claim_row_merges(
    client, journalist, editor
):
    factcheck = make_factcheck(authors=[journalist], claims=2)
    versions.record(factcheck, journalist)
    client.force_login(journalist)
    theirs = form_data(client.get(change_url(factcheck)))
    client.force_login(editor)
    mine = form_data(client.get(change_url(factcheck)))
    client.force_login(journalist)
    theirs["headline"] = "Their headline"
    assert client.post(change_url(factcheck), theirs).status_code == 302

    add_rows(mine, "claims", [{"statement": "Bananas glow", "ordering": 2}])
    add_rows(mine, "sources", [source_row("Glow study", claim="claims-2")])
    mine["standfirst"] = "My standfirst"
    client.force_login(editor)
    response = client.post(change_url(factcheck), mine)

    assert response.status_code == 302, response.context["error_summary"]
    assert any("Merged with" in m for m in shown_messages(client.get(response.url)))
    stored = FactCheck.objects.get(pk=factcheck.pk)
    assert (stored.headline, stored.standfirst) == ("Their headline", "My standfirst")
    glow = stored.claims.get(statement="Bananas glow")
    assert stored.sources.get(title="Glow study").claim == glow
