from __future__ import annotations

import pytest

from rashomon.titles import headline, is_dateline, shorten, strip_dateline


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
