"""The right-of-reply line: one sentence per claim, made from the desk's log."""

import datetime

import pytest

from factcheck import reply
from factcheck.models import ReplyAttempt

Channel = ReplyAttempt.Channel


def at(month, day, year=2026, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC)


def attempt(contacted_at, channel=Channel.EMAIL, response="", responded_at=None):
    """An unsaved attempt: the builder reads rows, never the database."""
    return ReplyAttempt(
        channel=channel,
        contacted_at=contacted_at,
        response=response,
        responded_at=responded_at,
    )


def test_no_attempt_no_line():
    assert reply.line("Jane Doe", []) == ""


def test_no_claimant_no_line():
    assert reply.line("", [attempt(at(5, 3))]) == ""


def test_an_attempt_without_a_response():
    assert (
        reply.line("Jane Doe", [attempt(at(5, 3))])
        == "We contacted Jane Doe on 3 May 2026 by email; they did not respond."
    )


def test_an_attempt_with_a_response():
    """Quoted as given; its full stop moves outside the quotation marks."""
    line = reply.line(
        "Jane Doe", [attempt(at(5, 3), response="  The figures are ours.  ")]
    )
    assert line == (
        "We contacted Jane Doe on 3 May 2026 by email; they replied: "
        "“The figures are ours”."
    )


def test_a_dated_response_says_when():
    line = reply.line(
        "Jane Doe",
        [attempt(at(5, 3), response="We stand by it", responded_at=at(5, 5))],
    )
    assert line == (
        "We contacted Jane Doe on 3 May 2026 by email; they replied on 5 May: "
        "“We stand by it”."
    )


def test_several_attempts_name_every_day_and_channel_once():
    line = reply.line(
        "Jane Doe",
        [
            attempt(at(5, 5), Channel.PHONE),
            attempt(at(5, 3), Channel.EMAIL),
            attempt(at(5, 3, hour=16), Channel.EMAIL),
        ],
    )
    assert line == (
        "We contacted Jane Doe on 3 and 5 May 2026 by email and by phone; "
        "they did not respond."
    )


def test_the_latest_response_is_the_one_quoted():
    line = reply.line(
        "Jane Doe",
        [
            attempt(at(5, 3), response="No comment yet"),
            attempt(at(5, 5), Channel.PHONE, "It was a slip", at(5, 6)),
        ],
    )
    assert line.endswith("; they replied on 6 May: “It was a slip”.")


@pytest.mark.parametrize(
    ("days", "words"),
    [
        ([at(4, 28), at(5, 5)], "28 April and 5 May 2026"),
        ([at(12, 30, 2025), at(1, 2)], "30 December 2025 and 2 January 2026"),
        ([at(5, 3), at(5, 4), at(5, 5)], "3, 4 and 5 May 2026"),
    ],
)
def test_dates_say_the_month_and_year_once_when_shared(days, words):
    assert reply.dates([day.date() for day in days]) == words


def test_a_channel_with_no_phrase_is_left_out():
    assert (
        reply.line("The Campaign", [attempt(at(5, 3), Channel.OTHER)])
        == "We contacted The Campaign on 3 May 2026; they did not respond."
    )


def test_a_reply_in_another_year_says_the_year():
    line = reply.line(
        "Jane Doe",
        [attempt(at(12, 30, 2025), response="Yes", responded_at=at(1, 2))],
    )
    assert "they replied on 2 January 2026: “Yes”." in line
