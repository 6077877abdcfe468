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


def normalise_published(value: Any) -> str | None:
    """An ISO 8601 date ("2024-02-20") or date-time for a date given in any common form;
    None when it is not a full calendar date. Relative forms ("yesterday") are refused."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"PARSERS": ["custom-formats", "absolute-time"],
                  "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        return None
    return parsed.isoformat() if _TIME.search(text) else parsed.date().isoformat()


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
            normal = normalise_published(value)
            if normal is None:
                log.warning("%s: published %r is not a date; left unknown", origin, value)
                continue
            value = normal
        elif name == "language":
            value = language_code(value)
        elif not isinstance(value, str):
            log.warning("%s: %s %r is not text; left unknown", origin, name, value)
            continue
        else:
            value = " ".join(value.split())
        setattr(article, name, value)
