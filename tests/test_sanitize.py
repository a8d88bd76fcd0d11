"""The rich-text allow-list: formatting survives, anything executable does not."""

import pytest
from django_prose_editor.config import allowlist_from_extensions

from factcheck.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    EDITOR_EXTENSIONS,
    clean_html,
)


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        "<p><script src='https://evil.example/x.js'></script></p>",
        "<style>body{display:none}</style>",
        "<iframe src='https://evil.example'></iframe>",
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_scripts_and_embeds_are_removed(dirty):
    cleaned = clean_html(dirty)
    for word in ("script", "iframe", "style", "svg", "alert"):
        assert word not in cleaned


@pytest.mark.parametrize(
    "dirty",
    [
        '<p onclick="steal()">text</p>',
        '<img src="x" onerror="steal()">',
        '<a href="https://example.org" onmouseover="steal()">link</a>',
        '<p style="background:url(javascript:steal())">text</p>',
    ],
)
def test_event_handlers_and_inline_styles_are_removed(dirty):
    cleaned = clean_html(dirty)
    assert "steal" not in cleaned
    assert "on" not in cleaned.replace("noopener", "")


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_dangerous_link_schemes_are_removed(href):
    cleaned = clean_html(f'<p><a href="{href}">click</a></p>')
    assert "href" not in cleaned
    assert "click" in cleaned


def test_formatting_survives():
    html = (
        "<h2>What the study found</h2><p><strong>Bold</strong>, <em>italic</em>, "
        "<s>struck</s>, H<sub>2</sub>O, x<sup>2</sup></p><ul><li>one</li></ul>"
        '<ol start="3"><li>three</li></ol><blockquote><p>Quoted</p></blockquote><hr>'
        '<table><tbody><tr><th colspan="2">Head</th></tr><tr><td>a</td><td>b</td></tr></tbody></table>'
    )
    assert clean_html(html) == html


def test_links_keep_their_target_and_gain_a_safe_rel():
    cleaned = clean_html(
        '<p><a href="https://who.int/report" target="_blank">WHO</a></p>'
    )
    assert (
        cleaned
        == '<p><a href="https://who.int/report" rel="noopener noreferrer">WHO</a></p>'
    )


def test_an_empty_editor_document_is_stored_as_empty():
    assert clean_html("<p></p>") == ""
    assert clean_html("<p><br></p>") == ""
    assert clean_html(None) == ""


def test_the_allow_list_keeps_everything_the_editor_can_produce():
    editor = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert editor["tags"] <= ALLOWED_TAGS
    for tag, attributes in editor["attributes"].items():
        unsafe = {"rel", "target", "data-type", "type"}  # rel is set by us
        assert attributes - unsafe <= ALLOWED_ATTRIBUTES.get(tag, set()), tag
