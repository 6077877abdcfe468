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
    """The report as JSON text; identical input gives byte-identical output."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
