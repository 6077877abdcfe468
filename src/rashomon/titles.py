"""Titles a reader sees: never a dateline, never cut mid-word; and the date a dateline prints.

A page's first line is sometimes only its date ("May 2, 2013, 1:12 PM", "8/2/13 at 1:30 PM"),
and a wire story's first sentence opens with one ("SEOUL, March 13 (TNS) - North Korea has
sent …"). ``is_dateline`` tells the first kind, ``strip_dateline`` takes the second off, and
``shorten`` cuts a long text at a word boundary with an ellipsis. ``dateline_date`` reads the
date a dateline prints: a page whose metadata gives no publication date often prints one.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?"
# The pieces a date-and-time line is made of; a line made of nothing else is a dateline.
_DATE_PIECE = re.compile(
    rf"""
    \b{_MONTH}(?=[\s.,\d]|$)          # month name
    | \b{_WEEKDAY}(?=\s|$)            # weekday
    | \b\d{{1,4}}(?:st|nd|rd|th)?\b    # day, year
    | \b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b    # 05/02/2013, 8/2/13
    | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?\s?m\.?)?   # 1:12 PM, 8:06AM
    | \b[ap]\.?\s?m\.?(?=\W|$)
    | \b(?:[ECMP][SD]T|GMT|UTC|ET|PT|CT|MT|KST|BST|CET|CEST)\b
    | \b(?:at|on|published|updated|originally|posted|last|modified|date)\b:?
    | [\s,.|@:;/()–—-]+
    """,
    re.IGNORECASE | re.VERBOSE,
)
_HAS_DATE = re.compile(rf"\b{_MONTH}(?=[\s.,\d]|$)|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d:\d\d", re.I)

# "SEOUL, March 13 (TNS) - ", "WASHINGTON (AP) — ", "LONDON — ", "NEW YORK, Dec 7 (Reuters) -":
# a place in capitals, optionally a date and an agency in brackets, then a dash.
_LEADING_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^()]{1,30}\))?\s*[-–—]{1,2}\s+(?=\S)"
)


def is_dateline(text: str) -> bool:
    """Whether ``text`` is only a date and/or time, with the words that go with one
    ("Published", "Updated", "at", a weekday, a time zone): "May 2, 2013, 1:12 PM"."""
    text = " ".join(text.split())
    if not text or not _HAS_DATE.search(text):
        return False
    return _DATE_PIECE.sub("", text).strip() == ""


# A full calendar date as a page prints one: "May 2, 2013", "Tuesday, December 20, 2005",
# "16 December 2008", "December 22nd, 2008", "09/10/2010" (read only when unambiguous).
_FULL_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}\b"
    r"|(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b",
    re.IGNORECASE,
)


def dateline_date(text: str) -> str | None:
    """The ISO date a dateline prints ("May 2, 2013, 1:12 PM" → 2013-05-02; "on July 13, 2009
    at 10:50 AM, updated July 29, 2009": the first), None when ``text`` is no dateline or
    prints no full date (no year: "Dec. 24 4:33 AM"; numbers that read as two days:
    "05/02/2013")."""
    from rashomon.ingest.metadata import normalise_published

    if not is_dateline(text):
        return None
    for match in _FULL_DATE.finditer(" ".join(text.split())):
        date = normalise_published(match.group(0))
        if date is not None:
            return date[:10]
    return None


def strip_dateline(text: str) -> str:
    """``text`` without a wire-style dateline at its start ("SEOUL, March 13 (TNS) - ")."""
    stripped = _LEADING_DATELINE.sub("", text, count=1)
    return stripped if stripped != text and len(stripped) >= 20 else text


def shorten(text: str, limit: int) -> str:
    """``text`` (whitespace collapsed) of at most ``limit`` characters, cut after a whole word
    with "…" when it is longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def headline(title: str | None, first_sentence: str | None, *, limit: int = 120) -> str | None:
    """What to call an article or story: its title unless that is a dateline, else its first
    sentence without a dateline, cut at a word boundary."""
    if title and not is_dateline(title):
        return shorten(title, limit)
    if first_sentence:
        return shorten(strip_dateline(first_sentence), limit)
    return None
