"""Findings in words: what a report says of each finding, made from its structured fields.

Domain records hold facts (a finding's kind, slot, unit, cause code, evidence with its values,
outlets and origins); the English sentences a reader sees are made here, once, for every
report format.
"""

from __future__ import annotations

from rashomon.records import Finding

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
    return (
        f"{_count(finding.outlets, 'outlet')}, "
        f"{_count(finding.independent_origins, 'independent origin')} "
        f"({'; '.join(finding.origin_labels)})"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


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
        return "Date differs"
    if finding.slot == "place":
        return "Place differs"
    verb = "changed" if finding.kind == "update" else "differs"
    return f"Number {verb} ({finding.unit or 'count'})"


def statement(finding: Finding) -> str:
    """The finding in one sentence, as the reports show it."""
    if finding.kind in {"conflict", "update"}:
        return label(finding) + ": " + " vs ".join(
            f"{value} ({', '.join(outlets)})" for value, outlets in differing_values(finding)
        )
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
