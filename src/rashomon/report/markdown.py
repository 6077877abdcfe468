"""The Markdown report, for a person: per story, sources, conflicts first, then corroborated
claims, quotes in several translations, what only one source says, name variants, debris."""

from __future__ import annotations

import re

from rashomon.report.wording import (
    article_title,
    attribution_text,
    capitalized,
    cause,
    counted,
    first_report_text,
    origin_line,
    published_text,
    statement,
    story_span_text,
    value_text,
    version_text,
    word_ops,
)
from rashomon.records import (
    Article,
    Evidence,
    Finding,
    QuoteGroup,
    Report,
    Story,
)

COVERAGE_LIST = 8  # claims listed per blind spot; the JSON report has them all


def _quote(text: str, limit: int = 400) -> str:
    """``text`` in quotation marks, unless it opens with its own (a quoted sentence with its
    speech tag: “They shouldn’t have reported it,” said one person.)."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text if text[:1] in "“\"" else f"“{text}”"


def _md_word(word: str) -> str:
    return re.sub(r"([*~_`\\])", r"\\\1", word)


def word_diff(old: str, new: str) -> str:
    """The words of ``new`` against ``old``: ~~removed~~ and **added** runs, the rest as is."""
    out: list[str] = []
    for op, removed, added in word_ops(old, new):
        if op == "equal":
            out.append(" ".join(_md_word(w) for w in removed))
            continue
        if removed:
            out.append("~~" + " ".join(_md_word(w) for w in removed) + "~~")
        if added:
            out.append("**" + " ".join(_md_word(w) for w in added) + "**")
    return " ".join(out)


_attribution = attribution_text


def _evidence_line(evidence: Evidence, finding: Finding) -> str:
    value = f" [{value_text(finding, evidence.value)}]" if evidence.value else ""
    return (
        f"  - **{evidence.outlet}**{value}: {_quote(evidence.sentence)} "
        f"— attributed to {_attribution(evidence.attribution)}"
    )


def _finding_lines(finding: Finding) -> list[str]:
    lines = []
    if finding.kind in {"conflict", "update"}:
        head = statement(finding)
        if finding.cause:
            head += f". Likely cause: {cause(finding)}"
        lines.append(f"- {head}.")
    elif finding.kind == "corroborated":
        # "2 outlets, 1 independent origin (North Korean state media: KCNA, Rodong Sinmun)"
        lines.append(f"- {origin_line(finding)}: {_quote(finding.evidence[0].sentence, 240)}")
    elif len({e.article for e in finding.evidence}) > 1:
        # Reported only by copies of one article: listed with the copies, not corroborated.
        lines.append(f"- {statement(finding).split(': ', 1)[0]}:")
    else:
        lines.append(f"- {_quote(finding.evidence[0].sentence)} — attributed to "
                     f"{_attribution(finding.evidence[0].attribution)}")
        return [lines[0].replace("- ", f"- **{finding.evidence[0].outlet}**: ", 1)]
    first = first_report_text(finding) if finding.kind != "unique" else None
    if first:
        lines.append(f"  - {capitalized(first)}.")
    lines += [_evidence_line(e, finding) for e in finding.evidence]
    return lines


def _coverage_lines(story: Story, findings: dict[str, Finding]) -> list[str]:
    """Blind spots: claims that rest only on state media, only on anonymous sources, or on a
    single outlet."""
    cov = story.coverage
    if not cov.claims or len(story.articles) < 2:
        return []
    lines = ["### What the claims rest on", ""]
    types = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in cov.by_origin_type.items())
    lines.append(
        f"- {cov.claims} claims; {len(cov.single_outlet)} from one outlet only, "
        f"{len(cov.single_origin)} from one independent origin only"
        + (f"; resting on one kind of source only: {types}" if types else "")
        + "."
    )
    for label, ids in (("Only state media", cov.only_state_media), ("Only anonymous sources", cov.only_anonymous)):
        if ids:
            lines.append(f"- {label} ({len(ids)}):")
            for finding_id in ids[:COVERAGE_LIST]:
                finding = findings[finding_id]
                e = finding.evidence[0]
                lines.append(f"  - **{e.outlet}**: {_quote(e.sentence, 200)}")
            if len(ids) > COVERAGE_LIST:
                lines.append(f"  - … and {len(ids) - COVERAGE_LIST} more (all are in the JSON report)")
    lines.append("")
    return lines


def _quote_group_lines(group: QuoteGroup, articles: dict[str, Article]) -> list[str]:
    """One statement's variants, reported speech marked, then the word diff of each quoted
    rendering against the first quoted one (reported speech is the outlet's wording, not a
    rendering of the speaker's words: a diff against it would show nothing about them)."""
    kinds = {(q.article, q.start, q.end): q.kind for v in group.variants for q in articles[v.article].quotes}
    reported = {
        i for i, v in enumerate(group.variants) if kinds.get((v.article, v.start, v.end)) == "indirect"
    }
    lines = [f"- **{group.speaker or 'unknown speaker'}**:"]
    for i, v in enumerate(group.variants):
        mark = " (reported speech)" if i in reported else ""
        lines.append(f"  - **{articles[v.article].source_name}**{mark}: {_quote(v.text)}")
    quoted = [v for i, v in enumerate(group.variants) if i not in reported]
    for v in quoted[1:]:
        lines.append(
            f"  - wording, {articles[quoted[0].article].source_name} → "
            f"{articles[v.article].source_name}: {word_diff(quoted[0].text, v.text)}"
        )
    if reported:
        lines.append("  - no word diff for reported speech: it is the outlet's paraphrase, not the speaker's words")
    return lines


def _story_lines(story: Story, articles: dict[str, Article]) -> list[str]:
    members = [articles[i] for i in story.articles]
    lines = [f"## {story.id}: {story.title}", ""]
    if span := story_span_text(story):
        lines += [f"{capitalized(span)}.", ""]
    lines += ["**Sources**", ""]
    for a in members:
        title = article_title(a)
        where = f"<{a.url}>" if a.url and a.url.startswith(("http://", "https://")) else f"`{a.path}`"
        lines.append(f"- **{a.source_name}**, {published_text(a)}{f': {title}' if title else ''} — {where}")
        if (changed := version_text(a)) is not None and a.changed_from is not None:
            lines.append(f"  - {changed}")
            lines += [f"    - ~~{sentence}~~" for sentence in a.changed_from.removed]
            lines += [f"    - **{sentence}**" for sentence in a.changed_from.added]
    lines.append("")
    if len(members) < 2:
        lines += ["Only one source reports this story; there is nothing to compare.", ""]
    by_kind = {
        k: [f for f in story.findings if f.kind == k] for k in ("conflict", "update", "corroborated", "unique")
    }
    sections = [
        ("conflict", "Conflicts"),
        ("update", "Updates (a figure that changed between reports)"),
        ("corroborated", "Corroborated"),
    ]
    for kind, heading in sections:
        if by_kind[kind]:
            lines += [f"### {heading} ({len(by_kind[kind])})", ""]
            for finding in by_kind[kind]:
                lines += _finding_lines(finding)
            lines.append("")
    translated = [q for q in story.quotes if len({v.article for v in q.variants}) > 1]
    if translated:
        lines += [f"### Same quote, different wording ({len(translated)})", ""]
        for group in translated:
            lines += _quote_group_lines(group, articles)
        lines.append("")
    lines += _coverage_lines(story, {f.id: f for f in story.findings})
    if by_kind["unique"]:
        lines += [f"### Only one source says ({len(by_kind['unique'])})", ""]
        for finding in by_kind["unique"]:
            lines += _finding_lines(finding)
        lines.append("")
    # Names written more than one way (beyond letter case), or linked with a note.
    variants = [e for e in story.entities if len({v.casefold() for v in e.variants}) > 1 or e.note]
    if variants:
        lines += ["### Names", ""]
        for entity in variants:
            note = f" — {entity.note}" if entity.note else ""
            lines.append(f"- **{entity.name}** ({entity.type}): {', '.join(entity.variants)}{note}")
        lines.append("")
    removed = [(a, r) for a in members for r in a.removed]
    if removed:
        lines += ["### Removed as debris", ""]
        for a, r in removed:
            lines.append(f"- **{a.source_name}** [{r.kind}]: {_quote(r.text, 160)}")
        lines.append("")
    return lines


def render_markdown(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    multi = sum(1 for s in report.stories if len(s.articles) > 1)
    lines = [
        "# Rashomon report",
        "",
        (
            f"{counted(len(report.articles), 'article')}, {counted(len(report.stories), 'story', 'stories')} "
            f"({multi} with more than one source), {counted(len(report.skipped), 'input')} skipped."
        ),
        "",
    ]
    for story in report.stories:
        lines += _story_lines(story, articles)
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- `{s.path}`: {s.reason}" for s in report.skipped]
        lines.append("")
    if report.warnings:
        lines += ["## Warnings", ""] + [
            f"- {w.stage}{f' ({w.subject})' if w.subject else ''}: {w.message}" for w in report.warnings
        ] + [""]
    return "\n".join(lines).rstrip() + "\n"
