"""Article metadata given by the user (JSON records, manifests): field names and values."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from rashomon.records import Article

log = logging.getLogger("rashomon.ingest")

FIELDS = ("outlet", "title", "published", "url", "language")
_TIME = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}T")
# A date written in numbers only, before any time of day: 2024-02-30, 02/03/2024, 2.3.24 08:00.
_NUMERIC = re.compile(r"(?<![\d./-])(\d{4}|\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{1,2})(?=$|[\sT,])")


def published_date(value: Any) -> str:
    """The ISO 8601 date ("2024-02-20") or date-time of a publication date given in any common
    form. Raises ``ValueError`` saying why ``value`` is not one, as a phrase that follows the
    value: not a full calendar date (relative forms such as "yesterday" are refused), a day
    that does not exist ("2024-02-30"), or numbers that read as two dates ("02/03/2024":
    2 March or 3 February), which are never guessed."""
    if not isinstance(value, str):
        raise ValueError("is not text")
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    order = _numeric_order(text)
    import dateparser

    options = {"PARSERS": ["custom-formats", "absolute-time"],
               "REQUIRE_PARTS": ["day", "month", "year"]}
    if order is not None:
        options["DATE_ORDER"] = order
    parsed = dateparser.parse(text, languages=["en"], settings=options)
    if parsed is None:
        raise ValueError("is not a full calendar date (day, month and year)")
    return parsed.isoformat() if _TIME.search(text) else parsed.date().isoformat()


def _numeric_order(text: str) -> str | None:
    """The order of day, month and year ("YMD", "DMY" or "MDY") of a date written in numbers
    only, None for a date written otherwise; ``ValueError`` for a day that does not exist or
    numbers that read as two different days."""
    match = _NUMERIC.search(text)
    if match is None:
        return None
    first, _, middle, last = match.groups()
    if len(first) == 4:
        readings = {"YMD": (first, middle, last)}
    elif len(last) == 4:
        readings = {"DMY": (last, middle, first), "MDY": (last, first, middle)}
    else:
        raise ValueError("has a two-digit year, which reads as several dates")
    days: dict[str, dt.date] = {}
    for order, (year, month, day) in readings.items():
        try:
            days[order] = dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    if not days:
        raise ValueError("names a day that does not exist")
    if len(set(days.values())) > 1:
        raise ValueError("is ambiguous (" + " or ".join(
            f"{d.day} {d:%B} {d.year}" for d in days.values()) + ")")
    return next(iter(days))


def normalise_published(value: Any) -> str | None:
    """``published_date`` of ``value``, or None when it is no date (see there)."""
    try:
        return published_date(value)
    except ValueError:
        return None


def language_code(value: Any) -> str | None:
    """A lower-case language code ("en" from "EN", "en-GB" or "English"), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return "en" if code == "english" else code


def apply_fields(article: Article, fields: dict[str, Any], *, origin: str) -> None:
    """Set the known metadata ``fields`` on ``article``; a bad value is logged and left out."""
    for name in FIELDS:
        value = fields.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "published":
            try:
                value = published_date(value)
            except ValueError as exc:
                log.warning("%s: published %r %s; left unknown", origin, value, exc)
                continue
        elif name == "language":
            value = language_code(value)
        elif not isinstance(value, str):
            log.warning("%s: %s %r is not text; left unknown", origin, name, value)
            continue
        else:
            value = " ".join(value.split())
        setattr(article, name, value)
