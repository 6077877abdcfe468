"""The HTML report: one self-contained file for a person to look at, offline.

Per story: what matters at the top (outlets, independent origins, conflicts, updates, claims
resting only on state media or anonymous sources), then the sources, conflicts side by side
with the differing values marked, a corroboration matrix, quote variants with a word diff, what
each source alone says, names, a timeline (inline SVG), removed debris, and every article's
text, in which each item's sentence is marked and linked to.

Rendering uses Jinja2 with autoescaping on: article text and metadata are untrusted, and every
value is escaped unless this module builds it as ``Markup`` from escaped parts. The page loads
nothing (no external asset), and a Content-Security-Policy meta tag allows only its own inline
style and script, by their hashes.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from rashomon.records import Article, Evidence, Finding, QuoteGroup, Report, Story, parse_iso_date
from rashomon.report.wording import (
    article_title,
    attribution_text,
    capitalized,
    cause,
    date_text,
    differing_values,
    first_report_text,
    label,
    origin_line,
    published_text,
    statement,
    story_span_text,
    value_text,
    version_text,
    word_ops,
)
from rashomon.sources import SourceRegistry
from rashomon.titles import shorten

# What a registry kind is called on a source card.
KIND_NAMES = {
    "state_media": "state media",
    "wire": "wire service",
    "national_paper": "national paper",
    "broadcaster": "broadcaster",
    "government": "government",
    "specialist": "specialist outlet",
}
# What an origin type is called in a story's summary.
ORIGIN_NAMES = {
    "outlet": "outlets' own reporting",
    "state_media": "state media",
    "official": "officials",
    "named_person": "named people",
    "anonymous_source": "anonymous sources",
    "news_outlet": "other outlets",
    "document": "documents",
}
# Source cards shown before the rest is collapsed (two rows of cards on a laptop screen).
SOURCE_CARDS_OPEN = 8
# Matrix rows shown before the rest is collapsed; a matrix of more rows is hard to scan.
MATRIX_OPEN_ROWS = 25
# Timeline: mentioned dates further than this from the first/last report are listed, not drawn
# (one mention of 1979 would squeeze a week of reporting into a few pixels).
TIMELINE_MARGIN_DAYS = 120


@dataclass
class _Targets:
    """The spans of one article that report items link to, merged where they overlap; each
    merged span is one anchor in the article's text."""

    number: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int]] = field(default_factory=list)

    def merge(self) -> None:
        for start, end in sorted(set(self.spans)):
            if self.merged and start < self.merged[-1][1]:
                self.merged[-1] = (self.merged[-1][0], max(end, self.merged[-1][1]))
            else:
                self.merged.append((start, end))

    def anchor(self, start: int, end: int) -> str | None:
        for a, b in self.merged:
            if a <= start < b or (start == end == a):
                return f"t{self.number}-{a}"
        return None


class _Page:
    """What the template needs of a report, built once."""

    def __init__(self, report: Report, sources: SourceRegistry | None) -> None:
        self.report = report
        self.sources = sources
        self.articles = {a.id: a for a in report.articles}
        self.number = {a.id: n for n, a in enumerate(report.articles)}
        self.targets: dict[str, _Targets] = {}

    # -- links into article text -------------------------------------------------------
    def want(self, article: str, start: int, end: int) -> None:
        if article not in self.articles:
            return
        t = self.targets.setdefault(article, _Targets(self.number[article]))
        t.spans.append((start, end))

    def link(self, article: str, start: int, end: int) -> str | None:
        t = self.targets.get(article)
        anchor = t.anchor(start, end) if t else None
        return f"#{anchor}" if anchor else None

    def outlet(self, article_id: str) -> str:
        a = self.articles.get(article_id)
        return a.source_name if a else article_id

    def source_kind(self, outlet: str | None) -> str:
        if not outlet or self.sources is None:
            return "source type unknown"
        found = self.sources.lookup(outlet)
        if found is None:
            return "not in the source registry"
        return KIND_NAMES.get(found.kind, found.kind.replace("_", " "))


def _safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None (a ``javascript:`` link is shown as
    text, never made a link)."""
    if not url:
        return None
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme.lower() in {"http", "https"} and parsed.netloc:
        return url.strip()
    return None


def _value_spans(article: Article | None, evidence: Evidence, slot: str | None) -> list[tuple[int, int]]:
    """Where in the evidence sentence its differing value is written: the claim slot of the
    finding's kind (time, quantity, place) with the evidence's value, as sentence offsets."""
    if article is None or evidence.value is None or slot is None:
        return []
    sentence = evidence.sentence
    aligned = article.text[evidence.start:evidence.end] == sentence
    spans = []
    for claim in article.claims:
        if claim.start < evidence.start or claim.end > evidence.end:
            continue
        for s in claim.slots:
            if s.name != slot or s.value != evidence.value:
                continue
            if aligned:
                spans.append((s.start - evidence.start, s.end - evidence.start))
            elif (at := sentence.find(s.text)) >= 0:
                spans.append((at, at + len(s.text)))
    spans = sorted({(a, b) for a, b in spans if 0 <= a < b <= len(sentence)})
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        if not kept or a >= kept[-1][1]:
            kept.append((a, b))
    return kept


def _marked(text: str, spans: list[tuple[int, int]], css: str = "value") -> Markup:
    out = []
    pos = 0
    for a, b in spans:
        out.append(escape(text[pos:a]))
        out.append(Markup('<mark class="%s">%s</mark>') % (css, text[a:b]))
        pos = b
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _word_diff(old: str, new: str) -> Markup:
    parts = []
    for op, removed, added in word_ops(old, new):
        if op == "equal":
            parts.append(escape(" ".join(removed)))
            continue
        if removed:
            parts.append(Markup("<del>%s</del>") % " ".join(removed))
        if added:
            parts.append(Markup("<ins>%s</ins>") % " ".join(added))
    return Markup(" ").join(parts)


def _evidence_view(page: _Page, finding: Finding, e: Evidence) -> dict[str, Any]:
    article = page.articles.get(e.article)
    return {
        "outlet": e.outlet,
        "value": value_text(finding, e.value) if e.value else None,
        "sentence": _marked(e.sentence, _value_spans(article, e, finding.slot)),
        "attribution": attribution_text(e.attribution),
        "link": page.link(e.article, e.start, e.end),
        "published": published_text(article) if article else "",
    }


def _finding_view(page: _Page, finding: Finding) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": finding.id,
        "kind": finding.kind,
        "statement": statement(finding),
        "cause": cause(finding),
        "origins": origin_line(finding),
        "outlets": finding.outlets,
        "independent": finding.independent_origins,
        "evidence": [_evidence_view(page, finding, e) for e in finding.evidence],
        "first": finding.evidence[0].sentence if finding.evidence else "",
        "first_report": capitalized(text) if (text := first_report_text(finding)) else None,
    }
    if finding.kind in {"conflict", "update"}:
        view["label"] = label(finding)
        columns = []
        for value, outlets in differing_values(finding):
            columns.append({
                "value": value_text(finding, value),
                "outlets": ", ".join(outlets),
                "evidence": [ev for ev, e in zip(view["evidence"], finding.evidence) if e.value == value],
            })
        view["columns"] = columns
        view["others"] = [ev for ev, e in zip(view["evidence"], finding.evidence) if e.value is None]
    return view


def _quote_view(page: _Page, group: QuoteGroup) -> dict[str, Any]:
    kinds = {
        (q.article, q.start, q.end): q.kind
        for v in group.variants if v.article in page.articles
        for q in page.articles[v.article].quotes
    }
    variants = []
    quoted = []
    for v in group.variants:
        reported = kinds.get((v.article, v.start, v.end)) == "indirect"
        item = {
            "outlet": page.outlet(v.article),
            "text": v.text,
            "reported": reported,
            "link": page.link(v.article, v.start, v.end),
            "diff": None,
        }
        variants.append(item)
        if not reported:
            quoted.append((item, v.text))
    for item, text in quoted[1:]:
        item["diff"] = _word_diff(quoted[0][1], text)
        item["against"] = quoted[0][0]["outlet"]
    return {"speaker": group.speaker or "unknown speaker", "variants": variants,
            "any_reported": any(v["reported"] for v in variants)}


def _timeline(page: _Page, story: Story, members: list[Article]) -> dict[str, Any] | None:
    """An inline SVG: when each outlet published, how many claims were first reported on each
    day, and which dates the claims mention."""
    published = [(a, parse_iso_date(a.published)) for a in members]
    published = [(a, d) for a, d in published if d is not None]
    if not published:
        return None
    by_article = dict((a.id, d) for a, d in published)
    first_reported: Counter[_dt.date] = Counter()
    for f in story.findings:
        days = [by_article[e.article] for e in f.evidence if e.article in by_article]
        if days:
            first_reported[min(days)] += 1
    mentioned: dict[_dt.date, set[str]] = defaultdict(set)
    yearless: dict[str, set[str]] = defaultdict(set)
    far: dict[str, set[str]] = defaultdict(set)
    lo = min(d for _, d in published)
    hi = max(d for _, d in published)
    margin = _dt.timedelta(days=TIMELINE_MARGIN_DAYS)
    for a in members:
        for claim in a.claims:
            for s in claim.slots:
                if s.name != "time" or not s.value:
                    continue
                if s.value.startswith("--"):
                    yearless[date_text(s.value)].add(s.text)
                    continue
                day = parse_iso_date(s.value) if len(s.value) == 10 else None
                if day is None:
                    continue
                if lo - margin <= day <= hi + margin:
                    mentioned[day].add(s.text)
                else:
                    far[date_text(s.value)].add(s.text)
    days = [d for _, d in published] + list(mentioned)
    start, end = min(days), max(days)
    span = max((end - start).days, 1)
    outlets = []
    for a, d in sorted(published, key=lambda p: (p[0].source_name, p[1])):
        if a.source_name not in outlets:
            outlets.append(a.source_name)
    left, width, row = 190, 660, 22
    rows = len(outlets) + 2

    def x(day: _dt.date) -> float:
        return round(left + width * (day - start).days / span, 1)

    top_count = max(first_reported.values(), default=1)
    bars = [
        {"x": x(d) - 4, "h": round(18 * n / top_count, 1), "y": round(row - 2 - 18 * n / top_count, 1),
         "tip": f"{date_text(d.isoformat())}: {n} claim{'s' if n != 1 else ''} first reported"}
        for d, n in sorted(first_reported.items())
    ]
    dots = [
        {"x": x(d), "y": row * (outlets.index(a.source_name) + 1) + row / 2,
         "tip": f"{a.source_name}, {date_text(d.isoformat())}: {article_title(a, limit=80) or a.path}",
         "link": f"#art{page.number[a.id]}"}
        for a, d in published
    ]
    mention_y = row * (len(outlets) + 1)
    top_mentions = max((len(v) for v in mentioned.values()), default=1)
    marks = [
        {"x": x(d) - 3, "y": mention_y + 2, "h": round(4 + 14 * len(texts) / top_mentions, 1),
         "tip": f"{date_text(d.isoformat())} mentioned as: " + ", ".join(sorted(texts)[:6])}
        for d, texts in sorted(mentioned.items())
    ]
    ticks: list[dict[str, Any]] = []
    steps = min(span, 6)
    for i in range(steps + 1):
        day = start + _dt.timedelta(days=round(span * i / steps))
        # Labels closer than 90 units would overlap; the last one (the end) always stays.
        while ticks and x(day) - ticks[-1]["x"] < 90:
            ticks.pop()
        ticks.append({"x": x(day), "label": f"{day.day} {day:%b %Y}"})
    return {
        "width": left + width + 60, "height": row * rows + 30, "left": left, "right": left + width,
        "row": row, "axis_y": row * rows + 4, "labels": [
            {"y": row * (i + 1) + row / 2 + 4, "text": shorten(name, 28)} for i, name in enumerate(outlets)
        ],
        "mention_y": mention_y, "bars": bars, "dots": dots, "marks": marks, "ticks": ticks,
        "yearless": {k: sorted(v) for k, v in sorted(yearless.items())},
        "far": {k: sorted(v) for k, v in sorted(far.items())},
    }


def _text_view(page: _Page, article: Article) -> Markup:
    """The article's text with each linked span as an anchor, paragraphs kept."""
    t = page.targets.get(article.id)
    text = article.text
    out = []
    pos = 0
    for a, b in (t.merged if t else []):
        out.append(escape(text[pos:a]))
        out.append(Markup('<span class="ref" id="t%d-%d">%s</span>') % (t.number, a, text[a:b]))
        pos = b
    out.append(escape(text[pos:]))
    body = Markup("").join(out)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    return Markup("").join(Markup("<p>%s</p>") % Markup(p) for p in paragraphs)


def _story_view(page: _Page, story: Story) -> dict[str, Any]:
    members = [page.articles[i] for i in story.articles if i in page.articles]
    findings = {f.id: f for f in story.findings}
    by_kind: dict[str, list[Finding]] = {k: [] for k in ("conflict", "update", "corroborated", "unique")}
    for f in story.findings:
        by_kind.setdefault(f.kind, []).append(f)
    members_sorted = sorted(members, key=lambda a: (a.published or "9999", a.source_name))
    outlets = []
    for a in members_sorted:
        if a.source_name not in outlets:
            outlets.append(a.source_name)
    origins = {(o.name, o.type) for f in story.findings for o in f.origins}
    origin_types = Counter(ORIGIN_NAMES.get(t, t.replace("_", " ")) for _, t in origins)
    views = {f.id: _finding_view(page, f) for f in story.findings}
    matrix_rows = []
    for f in by_kind["conflict"] + by_kind["update"] + by_kind["corroborated"]:
        said: dict[str, list[str]] = defaultdict(list)
        for e in f.evidence:
            said[e.outlet].append(value_text(f, e.value) if e.value else "✓")
        matrix_rows.append({
            "id": f.id, "kind": f.kind,
            "text": shorten(label(f) if f.kind != "corroborated" else f.evidence[0].sentence, 110),
            "cells": [", ".join(dict.fromkeys(said[o])) if o in said else "" for o in outlets],
            "outlets": f.outlets, "independent": f.independent_origins,
        })
    alone: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in by_kind["unique"]:
        alone[f.evidence[0].outlet if f.evidence else "?"].append(views[f.id])
    cov = story.coverage

    def listed(ids: list[str]) -> list[dict[str, Any]]:
        return [views[i] for i in ids if i in views]

    names = [
        {"name": e.name, "type": e.type, "variants": e.variants, "note": e.note}
        for e in story.entities if len({v.casefold() for v in e.variants}) > 1 or e.note
    ]
    translated = [q for q in story.quotes if len({v.article for v in q.variants}) > 1]
    sources = []
    for a in members_sorted:
        sources.append({
            "number": page.number[a.id], "outlet": a.source_name, "kind": page.source_kind(a.outlet),
            "published": published_text(a), "url": a.url, "href": _safe_url(a.url),
            "title": article_title(a), "path": a.path, "byline": a.byline,
            "copy_of": page.outlet(a.copy_of) if a.copy_of else None,
            "changed": version_text(a),
            "removed": a.changed_from.removed if a.changed_from else [],
            "added": a.changed_from.added if a.changed_from else [],
        })
    return {
        "id": story.id,
        "anchor": f"story-{page.number[members[0].id]}" if members else "story",
        "title": shorten(story.title, 160),
        "articles": len(members),
        "outlets": outlets,
        "origins": len(origins),
        # Most first, ties by name: the counter is filled from a set, whose order varies.
        "origin_types": ", ".join(
            f"{name} {n}" for name, n in sorted(origin_types.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        "span": story_span_text(story),
        "sources": sources,
        "conflicts": [views[f.id] for f in by_kind["conflict"]],
        "updates": [views[f.id] for f in by_kind["update"]],
        "corroborated": [views[f.id] for f in by_kind["corroborated"]],
        "unique_count": len(by_kind["unique"]),
        "alone": sorted(alone.items(), key=lambda kv: (-len(kv[1]), kv[0])),
        "matrix": matrix_rows,
        "matrix_open": MATRIX_OPEN_ROWS,
        "cards_open": SOURCE_CARDS_OPEN,
        "claims": cov.claims,
        "state_media": listed(cov.only_state_media),
        "anonymous": listed(cov.only_anonymous),
        "single_outlet": len(cov.single_outlet),
        "single_origin": len(cov.single_origin),
        "findings": findings,
        "quotes": [_quote_view(page, q) for q in translated],
        "names": names,
        "timeline": _timeline(page, story, members),
        "debris": [
            {"outlet": a.source_name, "number": page.number[a.id],
             "spans": [{"kind": r.kind, "text": shorten(r.text, 400)} for r in a.removed]}
            for a in members_sorted if a.removed
        ],
        "texts": [
            {"number": page.number[a.id], "outlet": a.source_name, "title": article_title(a),
             "published": published_text(a), "body": _text_view(page, a)}
            for a in members_sorted
        ],
    }


def _collect_targets(page: _Page) -> None:
    for story in page.report.stories:
        for f in story.findings:
            for e in f.evidence:
                page.want(e.article, e.start, e.end)
        for q in story.quotes:
            for v in q.variants:
                page.want(v.article, v.start, v.end)
    for t in page.targets.values():
        t.merge()


@cache
def _asset(name: str) -> str:
    return resources.files("rashomon.report").joinpath("assets", name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.from_string(_asset("report.html.j2"))


def report_csp() -> str:
    """The page's Content-Security-Policy: nothing loads, only its own inline style and
    script run (by their hashes); ``rashomon.web`` sends it as a header too."""
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(_asset('report.css'))}; script-src {_csp_hash(_asset('report.js'))}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_html(report: Report, *, sources: SourceRegistry | None = None) -> str:
    """The report as one self-contained HTML page (no external requests; a strict
    Content-Security-Policy); identical input gives byte-identical output. ``sources`` names
    each outlet's kind on its card (state media, wire service, …); without it, the packaged
    registry does."""
    if sources is None:
        from rashomon.sources import load_sources

        sources = load_sources()
    page = _Page(report, sources)
    _collect_targets(page)
    stories = [_story_view(page, s) for s in report.stories]
    css, js = _asset("report.css"), _asset("report.js")
    csp = report_csp()
    multi = [s for s in stories if s["articles"] > 1]
    single = [s for s in stories if s["articles"] <= 1]
    return _template().render(
        css=Markup(css), js=Markup(js), csp=csp, report=report,
        articles=len(report.articles), multi=multi, single=single,
        skipped=report.skipped, warnings=report.warnings,
    )
