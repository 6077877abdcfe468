"""Findings in words: what a report says of each finding, made from its structured fields.

Domain records hold facts (a finding's kind, slot, unit, cause code, evidence with its values,
outlets and origins); the English sentences a reader sees are made here, once, for every
report format.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Iterator

from rashomon.records import Article, Attribution, Finding, Story
from rashomon.titles import headline

# Likely causes of a conflict, by code (``Finding.cause``).
CAUSES = {
    "month_slip": "month slip (same day, adjacent month)",
    "day_digits_swapped": "day digits swapped ({a} / {b})",
    "adjacent_days": "adjacent days (a time-zone difference or a late report?)",
    "year_differs_same_day": "different year, same day",
    "digits_swapped": "digits swapped ({a} / {b})",
    "places_apart": "different places, neither inside the other",
}


def origin_line(finding: Finding) -> str:
    """ "2 outlets, 1 independent origin (North Korean state media: KCNA, Rodong Sinmun)" """
    line = f"{counted(finding.outlets, 'outlet')}, {counted(finding.independent_origins, 'independent origin')}"
    return f"{line} ({'; '.join(finding.origin_labels)})" if finding.origin_labels else line


def counted(n: int, word: str, plural: str | None = None) -> str:
    """"1 story", "2 stories": a count with its noun."""
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def differing_values(finding: Finding) -> list[tuple[str, list[str]]]:
    """Each value a conflict or update shows, with the outlets giving it, in value order."""
    values: dict[str, list[str]] = {}
    for e in finding.evidence:
        if e.value is not None and e.outlet not in values.setdefault(e.value, []):
            values[e.value].append(e.outlet)
    return sorted(values.items())


def label(finding: Finding) -> str:
    """What differs: "Date differs", "Number differs (trawler)", "Number changed (dead)"."""
    if finding.slot == "time":
        return "Length of time differs" if finding.unit == "duration" else "Date differs"
    if finding.slot == "place":
        return "Place differs"
    verb = "changed" if finding.kind == "update" else "differs"
    return f"Number {verb} ({finding.unit or 'count'})"


_YEARLESS = re.compile(r"--(\d\d)-(\d\d)")
_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_ISO_MONTH = re.compile(r"(\d{4})-(\d\d)")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d\d)")


def date_text(value: str, *, iso: bool = False) -> str:
    """A date value as a reader reads it. A date without a year ("--01-18") is shown as what
    it is: "18 January (year not given)"; ranges ("a/b") become "a – b". With ``iso`` an ISO
    date stays ISO ("2024-02-18"), otherwise it is written out ("18 February 2024")."""
    if "/" in value:
        return " – ".join(date_text(part, iso=iso) for part in value.split("/", 1))
    if m := _YEARLESS.fullmatch(value):
        month, day = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return f"{day} {calendar.month_name[month]} (year not given)"
    if iso:
        return value
    if m := _ISO_DAY.fullmatch(value[:10]):
        month = int(m[2])
        if 1 <= month <= 12:
            return f"{int(m[3])} {calendar.month_name[month]} {m[1]}"
    if (m := _ISO_MONTH.fullmatch(value)) and 1 <= int(m[2]) <= 12:
        return f"{calendar.month_name[int(m[2])]} {m[1]}"
    if m := _ISO_WEEK.fullmatch(value):
        return f"week {int(m[2])} of {m[1]}"
    return value


def value_text(finding: Finding, value: str) -> str:
    """A conflict's or update's value as the reports show it: dates without a year written
    out, every other value as it is."""
    return date_text(value, iso=True) if finding.slot == "time" else value


def _differing_pairs(finding: Finding) -> set[tuple[str, str]]:
    """The pairs of values (each sorted) that a conflict's ``differing`` says were found to
    differ."""
    return {
        tuple(sorted((finding.evidence[i].value or "", finding.evidence[j].value or "")))
        for i, j in finding.differing if max(i, j) < len(finding.evidence)
    }


def statement(finding: Finding) -> str:
    """The finding in one sentence, as the reports show it: "Date differs: 2024-02-18 (A) vs
    2024-01-18 (B)"; when two of its values were not found to differ ("four months" against
    "136 days" and against "four and a half months", which agree), each pair that was
    ("… four months (A) vs 136 days (B); four months (A) vs four and a half months (C)")."""
    if finding.kind in {"conflict", "update"}:
        shown = {
            value: f"{value_text(finding, value)} ({', '.join(outlets)})"
            for value, outlets in differing_values(finding)
        }
        pairs = _differing_pairs(finding)
        values = sorted(shown)
        if pairs and any((a, b) not in pairs for n, a in enumerate(values) for b in values[n + 1 :]):
            return label(finding) + ": " + "; ".join(
                f"{shown[a]} vs {shown[b]}" for a, b in sorted(pairs) if a in shown and b in shown and a != b
            )
        return label(finding) + ": " + " vs ".join(shown.values())
    evidence = finding.evidence
    text = evidence[0].sentence if evidence else ""
    if finding.kind == "corroborated":
        return f"Reported by {origin_line(finding)}: {text}"
    if len({e.article for e in evidence}) > 1:
        copies = sorted({e.outlet for e in evidence[1:]} - {evidence[0].outlet})
        return (
            f"Only {evidence[0].outlet} reports (copied by {', '.join(copies) or 'the same outlet'}, "
            f"not an independent confirmation): {text}"
        )
    return f"Only {evidence[0].outlet} reports: {text}" if evidence else ""


def cause(finding: Finding) -> str | None:
    """The likely cause of a conflict in words, or None."""
    if finding.cause is None:
        return None
    values = [value for value, _ in differing_values(finding)]
    a, b = (values + ["?", "?"])[:2]
    if finding.cause == "day_digits_swapped":
        a, b = a[8:], b[8:]
    return CAUSES.get(finding.cause, finding.cause).format(a=a, b=b)


def capitalized(text: str) -> str:
    """``text`` with its first letter upper case, to open a sentence (the rest as it is)."""
    return text[:1].upper() + text[1:]


def _names(names: list[str]) -> str:
    """ "Wire", "Wire and Daily", "Wire, Daily and Post" """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def first_report_text(finding: Finding) -> str | None:
    """Who reported the finding first: "first reported by Wire on 18 February 2024" (several
    outlets on a tie: "by Daily and Wire"); None when none of its articles is dated."""
    if finding.first_reported is None or not finding.first_outlets:
        return None
    return f"first reported by {_names(finding.first_outlets)} on {date_text(finding.first_reported)}"


def story_span_text(story: Story) -> str | None:
    """When a story was reported: "reported from 17 February 2024 to 21 February 2024", or
    "reported on 19 February 2024" when every dated member is of one day; None when no member
    is dated."""
    if story.first_report is None:
        return None
    last = story.last_report or story.first_report
    if last == story.first_report:
        return f"reported on {date_text(story.first_report)}"
    return f"reported from {date_text(story.first_report)} to {date_text(last)}"


def attribution_text(attribution: Attribution | None) -> str:
    """Who a sentence is attributed to: "state media: KCNA", "the outlet's own reporting"."""
    if attribution is None or attribution.type == "self":
        return "the outlet's own reporting"
    kind = attribution.type.replace("_", " ")
    return f"{kind}: {attribution.name}" if attribution.name else kind


def word_ops(old: str, new: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """The words of ``new`` against ``old``, as (op, old words, new words) runs with op one of
    equal, delete, insert, replace (difflib on whitespace-separated words; deterministic)."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        yield op, a[i1:i2], b[j1:j2]


def article_title(article: Article, *, limit: int = 120) -> str | None:
    """The article's title as a reader should see it: never a dateline, never cut mid-word;
    without a usable title, its first sentence (dateline taken off)."""
    first = article.sentences[0].text if article.sentences else article.text.split("\n", 1)[0]
    return headline(article.title, first or None, limit=limit)


def published_text(article: Article) -> str:
    """When the article was published, written out ("13 March 2025"), or "date unknown"."""
    return date_text(article.published) if article.published else "date unknown"


def version_text(article: Article) -> str | None:
    """ "Updated version of a1b2c3: 1 sentence removed, 2 added." for a newer version of a
    stored article; None for any other."""
    change = article.changed_from
    if change is None:
        return None
    if not change.removed and not change.added:
        return f"Updated version of {change.previous}: the same sentences, other spacing or debris."
    return (
        f"Updated version of {change.previous}: {counted(len(change.removed), 'sentence')} removed, "
        f"{len(change.added)} added."
    )
