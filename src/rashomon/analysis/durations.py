"""How long a duration lasts: "four and a half months", "more than four years", "2-1/2 years".

Durations are kept as unresolved time values (``granularity="duration"``): they are no point in
time. Two reports of one act can still disagree on one ("served four months" / "served 136
days"), so a duration's length is read from its words as bounds in days, with its qualifier:
"more than" and "over" open the upper bound, "nearly" and "almost" lower the lower one, "about"
widens both.
"""

from __future__ import annotations

import math
import re

_DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0,
    "week": 7.0, "fortnight": 14.0, "month": 365.25 / 12, "year": 365.25, "decade": 3652.5,
    "century": 36525.0,
}
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "half a": 0.5, "half an": 0.5,
}
_OPEN_ABOVE = ("more than", "over", "at least", "just over", "upwards of")
_OPEN_BELOW = ("less than", "under", "up to", "just under", "fewer than")
_NEARLY = ("nearly", "almost", "close to")
_ABOUT = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated")
_QUALIFIER = "|".join(
    re.escape(q) for q in sorted(_OPEN_ABOVE + _OPEN_BELOW + _NEARLY + _ABOUT, key=len, reverse=True)
)
_NUMBER = r"\d+(?:\.\d+)?(?:[ -]\d/\d)?|\d/\d|" + "|".join(
    re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)
)
_DURATION = re.compile(
    rf"(?:(?:for|in|after|of|during|over the|the|a|an|past|the past|last|the last)\s+)?"
    rf"(?P<qualifier>{_QUALIFIER})?\s*(?:a\s+)?(?P<number>{_NUMBER})"
    rf"(?P<half>[ -]and[ -]a[ -]half)?[ -]+(?P<unit>{'|'.join(_DAYS)}|centurie)s?"
    rf"(?:[ -](?:long|in prison|of deliberations?|or so))?",
    re.IGNORECASE,
)
# Relative spread of "about 30 days" and of "nearly 30 days" (below only).
APPROXIMATE = 0.15


def _number(text: str) -> float | None:
    text = text.lower().replace("-", " ")
    if text in _WORDS:
        return float(_WORDS[text])
    whole, _, fraction = text.partition(" ")
    if "/" in whole:
        whole, fraction = "0", whole
    try:
        value = float(whole)
        if fraction:
            top, bottom = fraction.split("/")
            value += int(top) / int(bottom)
    except ValueError:
        return None
    return value


def duration_days(text: str) -> tuple[float, float] | None:
    """The least and the most days a duration's words allow, or None when they are no plain
    duration ("several weeks", "the 1990s", "three weeks ago")."""
    match = _DURATION.fullmatch(" ".join(text.split()).strip(" ,."))
    if match is None:
        return None
    number = _number(match["number"])
    if number is None:
        return None
    if match["half"]:
        number += 0.5
    unit = match["unit"].lower()
    days = number * _DAYS["century" if unit.startswith("centur") else unit]
    qualifier = (match["qualifier"] or "").lower()
    if qualifier in _OPEN_ABOVE:
        return days, math.inf
    if qualifier in _OPEN_BELOW:
        return 0.0, days
    if qualifier in _NEARLY:
        return days * (1 - APPROXIMATE), days
    if qualifier in _ABOUT:
        return days * (1 - APPROXIMATE), days * (1 + APPROXIMATE)
    return days, days


def durations_overlap(a: str, b: str) -> bool | None:
    """Whether two durations' words can name one length (2 % slack for rounding a month to
    days); None when either is no plain duration."""
    da, db = duration_days(a), duration_days(b)
    if da is None or db is None:
        return None
    slack = 0.02
    return da[0] <= db[1] * (1 + slack) and db[0] <= da[1] * (1 + slack)
