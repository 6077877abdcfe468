from __future__ import annotations

import pytest

from rashomon.titles import dateline_date, headline, is_dateline, shorten, strip_dateline


@pytest.mark.parametrize("text", [
    "May 2, 2013, 1:12 PM", "8/2/13 at 1:30 PM", "12 January 2010 @ 09:29 pm",
    "Fri., May. 3, 2013 11:45 AM PDT", "THURSDAY, DECEMBER 3, 2009, 9:36 AM",
    "Published August 02, 2013", "12:52 p. m. EDT May 2, 2013",
])
def test_a_line_of_only_a_date_and_time_is_a_dateline(text: str) -> None:
    assert is_dateline(text)


@pytest.mark.parametrize("text", [
    "Lindsay Lohan checks into Betty Ford Center", "May Day rally draws thousands",
    "Ellen DeGeneres To Host 86th Oscars", "March on Washington", "2013",
])
def test_a_headline_is_no_dateline(text: str) -> None:
    assert not is_dateline(text)


def test_a_wire_dateline_is_taken_off_and_long_text_is_cut_after_a_word() -> None:
    assert strip_dateline("SEOUL, March 13 (TNS) - North Korea has sent a fleet of 12 trawlers") == (
        "North Korea has sent a fleet of 12 trawlers")
    assert strip_dateline("WASHINGTON (AP) — The Senate voted to pass the bill.") == (
        "The Senate voted to pass the bill.")
    assert strip_dateline("Short text - yes") == "Short text - yes"
    cut = shorten("the man who killed four people in a brazen attack", 40)
    assert cut == "the man who killed four people in a…" and len(cut) <= 40
    assert headline("May 2, 2013, 1:12 PM", "LONDON (Reuters) - Lindsay Lohan has checked into rehab.") == (
        "Lindsay Lohan has checked into rehab.")
    assert headline("Fleet sails", "anything") == "Fleet sails"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("May 2, 2013 1:35 pm.", "2013-05-02"),
        ("December 22nd, 2008 8:55 am", "2008-12-22"),
        ("on Tuesday, 16 December 2008 13:45.", "2008-12-16"),
        ("12:52 p.m. EDT May 2, 2013", "2013-05-02"),
        ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT", "2010-09-10"),
        ("on July 13, 2009 at 10:50 AM, updated July 29, 2009 at 12:16 PM", "2009-07-13"),
        ("On Tue, 16/08/2011-13:42", "2011-08-16"),  # only one reading: 16 is no month
        ("Published: Dec. 19, 2005 at 9:44 PM", "2005-12-19"),
    ],
)
def test_a_dateline_gives_the_date_it_prints(line: str, date: str) -> None:
    assert dateline_date(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "Dec. 24 4:33 AM EST",  # no year
        "05/02/2013",  # 2 May or 5 February
        "12/16/08 1:30 AM EST",  # a two-digit year
        "Reid checked into rehab on May 2, 2013.",  # a sentence, not a dateline
    ],
)
def test_no_date_is_guessed_from_a_line_that_does_not_print_one_plainly(line: str) -> None:
    assert dateline_date(line) is None
