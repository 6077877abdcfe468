"""The JSON report (schema ``rashomon.report/3``, documented in README.md)."""

from __future__ import annotations

import json
from typing import Any

from rashomon.records import Article, Report, Story, to_dict
from rashomon.report.wording import cause, statement

# Article fields that go into the report; the per-token analysis (sentences, mentions, times,
# quantities) stays in the library records.
ARTICLE_FIELDS = (
    "id", "path", "outlet", "title", "published", "url", "language", "byline",
    "copy_of", "provenance", "changed_from", "text", "removed", "quotes", "claims",
)


def article_dict(article: Article) -> dict[str, Any]:
    return {name: to_dict(getattr(article, name)) for name in ARTICLE_FIELDS}


def story_dict(story: Story) -> dict[str, Any]:
    """A story's record, each finding with its sentence and its cause in words."""
    out = to_dict(story)
    for finding, data in zip(story.findings, out["findings"], strict=True):
        data["statement"] = statement(finding)
        data["cause_text"] = cause(finding)
    return out


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": report.schema,
        "articles": [article_dict(a) for a in report.articles],
        "skipped": to_dict(report.skipped),
        "warnings": to_dict(report.warnings),
        "stories": [story_dict(s) for s in report.stories],
    }


def render_json(report: Report) -> str:
    """The report as JSON text; identical input gives byte-identical output.

    Written by orjson (0.01 s instead of 0.4 s for the 12.8 MB report of 300 ECB+ documents,
    bench/README.md), byte for byte what ``json.dumps(..., ensure_ascii=False, indent=2)``
    writes: both write strings, ints, booleans and null alike, and floats from 1e-4 up to 1e16.
    orjson writes other floats in another notation (1e-07 as 1e-7) and NaN as null, and cannot
    write some data (a key that is no string, an int beyond 64 bits, a lone surrogate): then
    the json module writes the report, as it always did."""
    import orjson

    data = report_dict(report)
    if all(_plain_float(score) for score in _scores(report)):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _scores(report: Report) -> list[float | None]:
    """Every float of the report: the scores of its findings and quote groups, the only float
    fields of the records it writes (tests/report/test_render.py checks that)."""
    return [f.score for s in report.stories for f in s.findings] + [
        q.score for s in report.stories for q in s.quotes
    ]


def _plain_float(value: float | None) -> bool:
    """None, or a float that orjson and json write alike (NaN and infinities are not)."""
    return value is None or value == 0 or 1e-4 <= abs(value) < 1e16
