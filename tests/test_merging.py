"""Two saves from one version merge: each side's changes kept, clashes named."""

import copy

import pytest
from django.utils.html import strip_tags

from factcheck import versions
from factcheck.merging import MINE, THEIRS, UNKNOWN, merge
from factcheck.models import FactCheck
from tests.adminforms import add_rows, change_url, form_data, shown_messages
from tests.factories import make_factcheck

BASE = {"headline": "Old", "standfirst": "Old standfirst", "body": "Text"}


def test_changes_to_different_fields_merge():
    theirs = {**BASE, "headline": "Their headline"}
    mine = {**BASE, "standfirst": "My standfirst"}
    result = merge(BASE, theirs, mine)
    assert result.values == {
        "headline": "Their headline",
        "standfirst": "My standfirst",
        "body": "Text",
    }
    assert result.taken == {"standfirst"}
    assert result.clashes == ()


def test_different_changes_to_one_field_clash_and_keep_theirs_until_settled():
    theirs = {**BASE, "headline": "Their headline"}
    mine = {**BASE, "headline": "My headline", "body": "My text"}
    result = merge(BASE, theirs, mine)
    assert result.clashes == ("headline",)
    assert result.values == {**BASE, "headline": "Their headline", "body": "My text"}
    assert result.taken == {"body"}


def test_the_same_change_on_both_sides_is_no_clash():
    both = {**BASE, "headline": "Same headline"}
    result = merge(BASE, dict(both), dict(both))
    assert (result.values, result.taken, result.clashes) == (both, frozenset(), ())


def test_choices_settle_clashes():
    theirs = {**BASE, "headline": "Their headline", "body": "Their text"}
    mine = {**BASE, "headline": "My headline", "body": "My text"}
    result = merge(BASE, theirs, mine, {"headline": MINE, "body": THEIRS})
    assert result.clashes == ()
    assert result.values == {**BASE, "headline": "My headline", "body": "Their text"}
    assert result.taken == {"headline"}


def test_without_a_base_every_difference_clashes():
    theirs = {**BASE, "headline": "Their headline"}
    mine = {**BASE, "standfirst": "My standfirst"}
    assert merge(None, theirs, mine).clashes == ("headline", "standfirst")
    unknown = {**BASE, "headline": UNKNOWN}
    assert merge(unknown, theirs, mine).clashes == ("headline",)
    assert merge(unknown, BASE, dict(BASE)).clashes == ()


ROWS = {
    1: {"title": "Census", "url": "https://example.org/census"},
    2: {"title": "Survey", "url": "https://example.org/survey"},
}


def test_a_row_edited_by_one_side_takes_that_side():
    edited = {**ROWS[1], "title": "Census 2021"}
    theirs_edit = merge(ROWS, {**ROWS, 1: edited}, dict(ROWS))
    mine_edit = merge(ROWS, dict(ROWS), {**ROWS, 1: edited})
    assert theirs_edit.values == mine_edit.values == {**ROWS, 1: edited}
    assert (theirs_edit.taken, mine_edit.taken) == (frozenset(), {1})
    assert theirs_edit.clashes == mine_edit.clashes == ()


def test_rows_edited_by_both_sides_differently_clash():
    theirs = {**ROWS, 1: {**ROWS[1], "title": "Census 2021"}}
    mine = {**ROWS, 1: {**ROWS[1], "url": "https://example.org/c"}}
    assert merge(ROWS, theirs, mine).clashes == (1,)


def test_rows_added_by_each_side_are_both_kept():
    theirs = {**ROWS, 3: {"title": "Their report", "url": ""}}
    mine = {**ROWS, ("new", 0): {"title": "My study", "url": ""}}
    result = merge(ROWS, theirs, mine)
    assert result.values == {**theirs, ("new", 0): mine[("new", 0)]}
    assert result.taken == {("new", 0)}
    assert result.clashes == ()


def test_a_row_deleted_by_one_side_and_left_alone_by_the_other_is_deleted():
    without = {2: ROWS[2]}
    assert merge(ROWS, without, dict(ROWS)).values == without
    result = merge(ROWS, dict(ROWS), without)
    assert (result.values, result.taken) == (without, {1})


def test_a_row_deleted_by_one_side_and_edited_by_the_other_clashes():
    edited = {**ROWS, 1: {**ROWS[1], "title": "Census 2021"}}
    deleted = {2: ROWS[2]}
    assert merge(ROWS, edited, deleted).clashes == (1,)
    assert merge(ROWS, deleted, edited).clashes == (1,)
    kept = merge(ROWS, deleted, edited, {1: MINE})
    assert (kept.values, kept.taken) == (edited, {1})
    gone = merge(ROWS, deleted, edited, {1: THEIRS})
    assert (gone.values, gone.taken) == (deleted, frozenset())


# Two people on the admin form of one draft.


def _draft(journalist):
    """A draft with two claims (a verdict and a source each), saved once in the
    admin: the version both forms open on is on record."""
    factcheck = make_factcheck(authors=[journalist], claims=2)
    versions.record(factcheck, journalist)
    return factcheck


def _open(client, user, factcheck):
    client.force_login(user)
    return form_data(client.get(change_url(factcheck)))


def _save(client, user, factcheck, data):
    client.force_login(user)
    return client.post(change_url(factcheck), data)


def _stored(factcheck):
    return versions.snapshot(FactCheck.objects.get(pk=factcheck.pk))


def _saved_by_editor(content):
    """``content`` as the editor's save leaves it, had they changed nothing."""
    content = copy.deepcopy(content)
    content["article"]["labels"]["updated_by"] = "editor"
    return content


def _first_save(client, journalist, factcheck, theirs):
    """The journalist saves first: a new headline, verdict summary and source title."""
    theirs["headline"] = "Bananas are barely radioactive"
    theirs["claims-0-verdict_summary"] = "The dose is tiny."
    theirs["sources-0-title"] = "Dose chart, revised"
    assert _save(client, journalist, factcheck, theirs).status_code == 302
    return _stored(factcheck)


@pytest.fixture
def deleted_there(client, journalist, editor):
    """The journalist and the editor open one draft; the journalist deletes its
    second source and saves first (``_first_save``). The draft, the editor's
    form as opened, and what the journalist's save stored."""
    factcheck = _draft(journalist)
    theirs = _open(client, journalist, factcheck)
    mine = _open(client, editor, factcheck)
    theirs["sources-1-DELETE"] = "on"
    return factcheck, mine, _first_save(client, journalist, factcheck, theirs)


@pytest.mark.django_db
def test_saves_to_different_fields_and_parts_merge(client, editor, deleted_there):
    factcheck, mine, after_theirs = deleted_there

    mine["standfirst"] = "What a banana really gives you."
    mine["claims-1-statement"] = "Bananas glow in the dark"
    add_rows(
        mine,
        "sources",
        [
            {
                "title": "Potassium-40 primer",
                "url": "https://example.org/k40",
                "kind": "official",
                "origin": "primary",
                "ordering": 5,
            }
        ],
    )
    response = _save(client, editor, factcheck, mine)

    assert response.status_code == 302
    assert any(
        "Merged with" in message and "both kept" in message
        for message in shown_messages(client.get(response.url))
    )
    # Everything the journalist saved is there, the editor's changes added.
    expected = _saved_by_editor(after_theirs)
    expected["article"]["fields"]["standfirst"] = "What a banana really gives you."
    expected["claims"][1]["fields"]["statement"] = "Bananas glow in the dark"
    final = _stored(factcheck)
    [added] = [
        s for s in final["sources"] if s["fields"]["title"] == "Potassium-40 primer"
    ]
    final["sources"].remove(added)
    assert final == expected
    assert [s["fields"]["title"] for s in final["sources"]] == ["Dose chart, revised"]
    newest = factcheck.versions.first()
    assert newest.number == FactCheck.objects.get(pk=factcheck.pk).lock_version == 2
    assert (newest.saved_by, newest.content["sources"][-1]["id"]) == (
        editor,
        added["id"],
    )


@pytest.mark.django_db
def test_a_clash_shows_both_versions_and_loses_nothing(client, journalist, editor):
    factcheck = _draft(journalist)
    theirs = _open(client, journalist, factcheck)
    mine = _open(client, editor, factcheck)
    after_theirs = _first_save(client, journalist, factcheck, theirs)

    mine["headline"] = "Bananas will not hurt you"
    mine["standfirst"] = "What a banana really gives you."
    mine["claims-1-statement"] = "Bananas glow in the dark"
    response = _save(client, editor, factcheck, mine)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "Your changes are not saved yet" in form.non_field_errors()[0]
    [clash] = form.stale_save.clashes
    assert (clash.label, strip_tags(clash.theirs), strip_tags(clash.mine)) == (
        "Headline",
        "Bananas are barely radioactive",
        "Bananas will not hurt you",
    )
    page = response.content.decode()
    assert 'name="merge-headline" value="mine"' in page
    assert 'name="merge-headline" value="theirs"' in page
    assert f'name="merge_against" value="{form.stale_save.against}"' in page
    # What the editor typed is all still in the form, and nothing is saved.
    assert form["headline"].value() == "Bananas will not hurt you"
    assert form["standfirst"].value() == "What a banana really gives you."
    claims = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "claims"
    )
    assert claims.forms[1]["statement"].value() == "Bananas glow in the dark"
    assert _stored(factcheck) == after_theirs

    # Saving again without choosing stops again; choosing "mine" saves.
    assert _save(client, editor, factcheck, mine).status_code == 200
    mine.update({"merge_against": form.stale_save.against, "merge-headline": "mine"})
    assert _save(client, editor, factcheck, mine).status_code == 302

    expected = _saved_by_editor(after_theirs)
    expected["article"]["fields"]["headline"] = "Bananas will not hurt you"
    expected["article"]["fields"]["standfirst"] = "What a banana really gives you."
    expected["claims"][1]["fields"]["statement"] = "Bananas glow in the dark"
    assert _stored(factcheck) == expected


@pytest.mark.django_db
def test_keeping_theirs_keeps_a_row_one_side_edited_and_the_other_deleted(
    client, journalist, editor
):
    factcheck = _draft(journalist)
    theirs = _open(client, journalist, factcheck)
    mine = _open(client, editor, factcheck)
    after_theirs = _first_save(client, journalist, factcheck, theirs)
    source = after_theirs["sources"][0]["id"]

    mine["sources-0-DELETE"] = "on"
    mine["standfirst"] = "What a banana really gives you."
    response = _save(client, editor, factcheck, mine)

    [clash] = response.context["adminform"].form.stale_save.clashes
    assert (clash.key, clash.label) == (f"sources-{source}", "Source 1")
    assert "Dose chart, revised" in strip_tags(clash.theirs)
    assert strip_tags(clash.mine) == "(deleted)"
    mine.update(
        {
            "merge_against": response.context["adminform"].form.stale_save.against,
            clash.input_name: "theirs",
        }
    )
    assert _save(client, editor, factcheck, mine).status_code == 302
    expected = _saved_by_editor(after_theirs)
    expected["article"]["fields"]["standfirst"] = "What a banana really gives you."
    assert _stored(factcheck) == expected


@pytest.mark.django_db
def test_choices_made_against_a_version_since_replaced_do_not_count(
    client, journalist, editor
):
    factcheck = _draft(journalist)
    theirs = _open(client, journalist, factcheck)
    mine = _open(client, editor, factcheck)
    _first_save(client, journalist, factcheck, theirs)
    mine["headline"] = "Bananas will not hurt you"
    response = _save(client, editor, factcheck, mine)
    against = response.context["adminform"].form.stale_save.against
    # Someone saves again while the editor decides.
    third = _open(client, journalist, factcheck)
    third["headline"] = "Bananas: a tiny dose"
    assert _save(client, journalist, factcheck, third).status_code == 302

    mine.update({"merge_against": against, "merge-headline": "mine"})
    response = _save(client, editor, factcheck, mine)
    assert response.status_code == 200
    [clash] = response.context["adminform"].form.stale_save.clashes
    assert strip_tags(clash.theirs) == "Bananas: a tiny dose"
    assert FactCheck.objects.get(pk=factcheck.pk).headline == "Bananas: a tiny dose"


@pytest.mark.django_db
def test_keeping_mine_brings_back_a_row_edited_here_and_deleted_there(
    client, editor, deleted_there
):
    factcheck, mine, after_theirs = deleted_there

    mine["sources-1-title"] = "Survey of bananas, 2024"
    response = _save(client, editor, factcheck, mine)

    assert response.status_code == 200
    [clash] = response.context["adminform"].form.stale_save.clashes
    assert (clash.label, strip_tags(clash.theirs)) == ("Source 2", "(deleted)")
    assert "Survey of bananas, 2024" in strip_tags(clash.mine)
    assert _stored(factcheck) == after_theirs
    # The row comes back as a new one, still known as the deleted row.
    page = response.content.decode()
    assert 'name="sources-1-merge_gone"' in page
    # As the browser posts the page back: the form as typed, the panel's
    # hidden inputs and the choice.
    stale = response.context["adminform"].form.stale_save
    data = form_data(response, blank_rows=True)
    data.update(
        {**dict(stale.hidden), "merge_against": stale.against, clash.input_name: "mine"}
    )
    assert _save(client, editor, factcheck, data).status_code == 302
    titles = [s["fields"]["title"] for s in _stored(factcheck)["sources"]]
    assert titles == ["Dose chart, revised", "Survey of bananas, 2024"]
    assert _stored(factcheck)["article"] == _saved_by_editor(after_theirs)["article"]


@pytest.mark.django_db
def test_a_row_deleted_there_stays_deleted_through_an_error_here(
    client, editor, deleted_there
):
    """The stale save fails on its own mistake first; fixed and saved again,
    it still merges, and the row the other side deleted does not come back."""
    factcheck, mine, after_theirs = deleted_there

    mine["standfirst"] = "What a banana really gives you."
    mine["claims-0-seen_url"] = "not a link"
    failed = _save(client, editor, factcheck, mine)

    assert failed.status_code == 200
    assert _stored(factcheck) == after_theirs
    [(name, key)] = failed.context["gone_rows"]
    assert f'<input type="hidden" name="{name}" value="{key}">' in (
        failed.content.decode()
    )
    # As the browser posts the page back, the hidden key included, fixed.
    data = {**form_data(failed, blank_rows=True), name: key}
    data["claims-0-seen_url"] = ""
    assert _save(client, editor, factcheck, data).status_code == 302

    final = _stored(factcheck)
    assert [s["fields"]["title"] for s in final["sources"]] == ["Dose chart, revised"]
    assert final["article"]["fields"]["standfirst"] == "What a banana really gives you."
    assert final["article"]["fields"]["headline"] == "Bananas are barely radioactive"
