"""Findings scored on real news: conflicts, corroborations and attribution on ECB+ sub-topics.

The gold set (``gold/findings/`` in the repository, see its README) refers to ECB+ sentences by
document and sentence number (the XML ``sentence`` attribute) and never copies their text:

- ``values.jsonl``: two values of two reports of one event, labelled ``conflict`` (they cannot
  both be true), ``update`` (a figure that changed between reports) or ``compatible`` (they
  differ, or look alike, but do not contradict each other)::

      {"id", "subtopic": "29/ecb", "label", "slot": "quantity"|"time"|"place",
       "a": {"doc": "29_1ecb", "sentence": 2, "value": "364 yards"}, "b": {…}, "note"}

- ``pairs.jsonl``: two sentences of two reports, labelled ``corroborate`` (they assert the same
  proposition) or ``lookalike`` (they share words or numbers but do not)::

      {"id", "subtopic", "label", "a": {"doc", "sentence"}, "b": {"doc", "sentence"}, "note"}

- ``attribution.jsonl``: who a sentence's main claim is attributed to::

      {"id", "subtopic", "doc", "sentence", "type", "name", "note"}

- ``judged.jsonl`` (optional): (lead, member) sentence pairs drawn from corroborations the tool
  reported, judged blind: ``same`` (the member states the lead's fact), ``partly`` (it shares a
  fact that is not the lead's point) or ``different``; same fields as ``pairs.jsonl``. Scored as
  the share of those linked now that state one fact: what an analyst reading the reported
  corroborations meets, which annotator-chosen pairs do not show.
- ``split.json``: ``{"held_out_topics": [...]}``, the topics frozen as the held-out split before
  any rule was changed; scores are printed for the whole gold, the development topics and the
  held-out topics.

Each gold sub-topic is analyzed as one run of the real pipeline (its documents only, as an
analyst would pass the reports of one event), with the text rebuilt as the outlets printed it
(``rashomon.eval.ecbplus.printed_text``) and the outlet of an ``ecbplus`` document taken from
its source URL. A reported finding is mapped back to ECB+ sentences through its evidence spans.

- Conflicts: a gold item is *flagged* when a conflict finding of its slot holds evidence in both
  of its sentences. Precision = flagged ``conflict`` items / flagged items that are labelled
  (``conflict``, ``update`` or ``compatible``); reported conflicts that touch no gold item are
  counted as unjudged. The false-alarm rate is the share of ``compatible`` and ``update`` items
  flagged.
- Corroboration: a pair is *linked* when one corroborated finding (or one conflict or update
  finding, which shows a corroborated claim with a differing detail) holds evidence in both
  sentences. Precision = linked ``corroborate`` / linked labelled pairs; recall = linked
  ``corroborate`` / ``corroborate``.
- Attribution: the type of the claim overlapping the sentence most (no attribution = ``self``);
  a sentence that is all quotation holds no claim, and takes the type of its quote's speaker.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse


from rashomon.errors import DatasetError
from rashomon.eval.ecbplus import EcbDocument, document_paths, parse_file, printed_text, read_document
from rashomon.eval.scores import f1
from rashomon.records import Article, Claim, Quote, Report
from rashomon.run.pipeline import run_pipeline
from rashomon.settings import Settings

VALUE_LABELS = ("conflict", "update", "compatible")
PAIR_LABELS = ("corroborate", "lookalike")
JUDGED_LABELS = ("same", "partly", "different")
SLOTS = ("quantity", "time", "place")
ATTRIBUTION_TYPES = (
    "state_media", "official", "named_person", "anonymous_source", "news_outlet", "document", "self",
)
DEFAULT_GOLD = Path("gold/findings")
_FORMATS = {
    "values.jsonl": '{"id", "subtopic", "label", "slot", "a": {"doc", "sentence", "value"}, "b": {…}}',
    "pairs.jsonl": '{"id", "subtopic", "label", "a": {"doc", "sentence"}, "b": {"doc", "sentence"}}',
    "attribution.jsonl": '{"id", "subtopic", "doc", "sentence", "type", "name"}',
    "judged.jsonl": '{"id", "subtopic", "label", "a": {"doc", "sentence"}, "b": {"doc", "sentence"}}',
}


@dataclass(frozen=True)
class Ref:
    """One ECB+ sentence (document stem and XML sentence number), with a value's words."""

    doc: str
    sentence: int
    value: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc, self.sentence)


@dataclass(frozen=True)
class GoldValue:
    id: str
    subtopic: str
    label: str
    slot: str
    a: Ref
    b: Ref
    note: str = ""


@dataclass(frozen=True)
class GoldPair:
    id: str
    subtopic: str
    label: str
    a: Ref
    b: Ref
    note: str = ""


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    subtopic: str
    ref: Ref
    type: str
    name: str | None
    note: str = ""


@dataclass(frozen=True)
class FindingsGold:
    values: tuple[GoldValue, ...]
    pairs: tuple[GoldPair, ...]
    attributions: tuple[GoldAttribution, ...]
    held_out_topics: frozenset[str]
    judged: tuple[GoldPair, ...] = ()  # reported pairs judged blind (labels: JUDGED_LABELS)

    @property
    def subtopics(self) -> list[str]:
        found = {g.subtopic for g in (*self.values, *self.pairs, *self.attributions, *self.judged)}
        return sorted(found, key=_subtopic_order)

    def held_out(self, subtopic: str) -> bool:
        return subtopic.split("/", 1)[0] in self.held_out_topics


def _subtopic_order(subtopic: str) -> tuple[int, str]:
    topic, _, kind = subtopic.partition("/")
    return (int(topic) if topic.isdigit() else 10**6, kind)


def _records(path: Path) -> list[tuple[str, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DatasetError(
            f"{path} does not exist; the gold folder needs values.jsonl, pairs.jsonl, "
            "attribution.jsonl and split.json (see rashomon.eval.findings)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}; it must be UTF-8 JSON Lines") from None
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: not JSON ({exc}); each line is {_FORMATS[path.name]}") from None
        if not isinstance(record, dict):
            raise DatasetError(f"{where}: not a JSON object; each line is {_FORMATS[path.name]}")
        out.append((where, record))
    return out


def _field(record: dict, name: str, where: str, kind: type | tuple[type, ...], choices: Sequence[str] = ()):
    value = record.get(name)
    if not isinstance(value, kind) or (choices and value not in choices):
        wanted = f"one of {', '.join(choices)}" if choices else getattr(kind, "__name__", "a value")
        raise DatasetError(f"{where}: field {name!r} must be {wanted}, not {value!r}")
    return value


def _ref(record: dict, name: str, where: str, *, value: bool) -> Ref:
    ref = _field(record, name, where, dict)
    doc = _field(ref, "doc", f"{where} ({name})", str)
    sentence = _field(ref, "sentence", f"{where} ({name})", int)
    words = _field(ref, "value", f"{where} ({name})", str) if value else None
    return Ref(doc, sentence, words)


def load_findings_gold(folder: str | Path = DEFAULT_GOLD) -> FindingsGold:
    """The gold set in ``folder`` (see the module docstring for its files)."""
    base = Path(folder)
    if not base.is_dir():
        raise DatasetError(
            f"gold folder {base} does not exist; pass --gold DIR (the repository's "
            "gold/findings, or your own set in the same format)"
        )
    seen: set[str] = set()

    def unique(record: dict, where: str) -> str:
        gid = _field(record, "id", where, str)
        if gid in seen:
            raise DatasetError(f"{where}: id {gid!r} appears twice; make ids unique")
        seen.add(gid)
        return gid

    values = tuple(
        GoldValue(
            unique(r, w), _field(r, "subtopic", w, str), _field(r, "label", w, str, VALUE_LABELS),
            _field(r, "slot", w, str, SLOTS), _ref(r, "a", w, value=True), _ref(r, "b", w, value=True),
            r.get("note") or "",
        )
        for w, r in _records(base / "values.jsonl")
    )
    def pairs_of(records: list[tuple[str, dict]], labels: Sequence[str]) -> tuple[GoldPair, ...]:
        return tuple(
            GoldPair(
                unique(r, w), _field(r, "subtopic", w, str), _field(r, "label", w, str, labels),
                _ref(r, "a", w, value=False), _ref(r, "b", w, value=False), r.get("note") or "",
            )
            for w, r in records
        )

    pairs = pairs_of(_records(base / "pairs.jsonl"), PAIR_LABELS)
    attributions = tuple(
        GoldAttribution(
            unique(r, w), _field(r, "subtopic", w, str),
            Ref(_field(r, "doc", w, str), _field(r, "sentence", w, int)),
            _field(r, "type", w, str, ATTRIBUTION_TYPES), r.get("name"), r.get("note") or "",
        )
        for w, r in _records(base / "attribution.jsonl")
    )
    judged = pairs_of(_records(base / "judged.jsonl") if (base / "judged.jsonl").exists() else [], JUDGED_LABELS)
    try:
        split = json.loads((base / "split.json").read_text(encoding="utf-8"))
        held_out = frozenset(str(t) for t in split["held_out_topics"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatasetError(
            f"cannot read {base / 'split.json'} ({exc}); it must be "
            '{"held_out_topics": ["5", "11", …]}'
        ) from None
    return FindingsGold(values, pairs, attributions, held_out, judged)


# --- running the pipeline on a sub-topic ------------------------------------------------------


def _source_url(path: Path) -> str | None:
    """The source URL an ``ecbplus`` document opens with (its sentence 0), if it is one."""
    match, root = parse_file(path)
    if match["kind"] != "ecbplus":
        return None
    tokens = [t.text or "" for t in root.iter("token") if t.get("sentence") == "0"]
    url = printed_text(tokens).replace(" ", "")
    return url if url.startswith("http") else None


def _outlet(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


@dataclass
class SubtopicRun:
    """One sub-topic analyzed: the report, and where each ECB+ sentence lies in the clean text."""

    subtopic: str
    report: Report
    spans: dict[str, list[tuple[int, int, int]]]  # doc -> [(start, end, sentence number)]
    documents: dict[str, EcbDocument]

    def sentence_at(self, doc: str, start: int, end: int) -> int | None:
        """The sentence number overlapping [start, end) most (a claim lies in one sentence)."""
        best, overlap = None, 0
        for s, e, number in self.spans.get(doc, ()):
            shared = min(e, end) - max(s, start)
            if shared > overlap:
                best, overlap = number, shared
        return best

    def text(self, ref: Ref) -> str:
        document = self.documents.get(ref.doc)
        if document is None:
            return "?"
        for number, sentence in zip(document.numbers, document.sentences, strict=True):
            if number == ref.sentence:
                return sentence
        return "?"


def _locate(article: Article, document: EcbDocument) -> list[tuple[int, int, int]]:
    """Each rebuilt sentence's span in the clean text (sentences cleaning removed are absent)."""
    spans = []
    cursor = 0
    for number, sentence in zip(document.numbers, document.sentences, strict=True):
        at = article.text.find(sentence, cursor)
        if at < 0:
            at = article.text.find(sentence)
            if at < 0:
                continue
        spans.append((at, at + len(sentence), number))
        cursor = at + len(sentence)
    return spans


def analyze_subtopic(
    subtopic: str, paths: Sequence[Path], *, settings: Settings
) -> SubtopicRun:
    documents = {p.stem: read_document(p) for p in paths}
    items = []
    for path in paths:
        document = documents[path.stem]
        url = _source_url(path)
        items.append(
            Article(
                id=document.id, path=document.id, outlet=_outlet(url), url=url, language="en",
                raw="\n".join(document.sentences), raw_kind="text",
            )
        )
    report = run_pipeline(items, settings=settings)
    spans = {a.id: _locate(a, documents[a.id]) for a in report.articles}
    return SubtopicRun(subtopic, report, spans, documents)


def subtopic_paths(root: str | Path, subtopics: Iterable[str]) -> dict[str, list[Path]]:
    base = Path(root)
    if (base / "ECB+").is_dir():
        base = base / "ECB+"
    wanted = set(subtopics)
    topics = {s.split("/", 1)[0] for s in wanted}
    out: dict[str, list[Path]] = {}
    for path in document_paths(base, topics=topics):
        match = re.match(r"^(\d+)_\d+(ecb|ecbplus)\.xml$", path.name)
        if match and f"{match[1]}/{match[2]}" in wanted:
            out.setdefault(f"{match[1]}/{match[2]}", []).append(path)
    missing = sorted(wanted - set(out))
    if missing:
        raise DatasetError(f"no ECB+ documents for sub-topics {', '.join(missing)} under {base}")
    return out


# --- what the pipeline reported, in ECB+ sentences --------------------------------------------

SentenceKey = tuple[str, int]


@dataclass
class Predictions:
    # (slot, sentence a, sentence b) for each pair of evidence a conflict finding holds.
    conflicts: set[tuple[str, SentenceKey, SentenceKey]] = field(default_factory=set)
    updates: set[tuple[str, SentenceKey, SentenceKey]] = field(default_factory=set)
    # Sentence pairs one corroborated (or conflict, or update) finding holds.
    linked: set[frozenset[SentenceKey]] = field(default_factory=set)
    # (doc, sentence) -> attribution type of the claim covering it most (of the quote, for a
    # sentence that is all quotation and holds no claim).
    attribution: dict[SentenceKey, tuple[str, str | None]] = field(default_factory=dict)
    # Conflicts reported, as unordered sentence pairs with the gold slots they answer to.
    reported_conflicts: set[tuple[tuple[str, ...], frozenset[SentenceKey]]] = field(default_factory=set)


def _most_overlapping(items: Sequence[Claim] | Sequence[Quote], span: tuple[int, int, int]) -> Claim | Quote | None:
    """The claim (or quote) sharing the most characters with a sentence's span, or None."""
    best, overlap = None, 0
    for item in items:
        shared = min(item.end, span[1]) - max(item.start, span[0])
        if shared > overlap:
            best, overlap = item, shared
    return best


def predictions(run: SubtopicRun, wanted_attribution: Iterable[SentenceKey] = ()) -> Predictions:
    out = Predictions()
    for story in run.report.stories:
        for finding in story.findings:
            valued = []
            sentence_of: dict[int, tuple[str, int]] = {}  # evidence position -> its sentence
            for n, e in enumerate(finding.evidence):
                number = run.sentence_at(e.article, e.start, e.end)
                if number is not None:
                    sentence_of[n] = (e.article, number)
                    if e.value is not None:
                        valued.append((e.article, number, e.value))
            keys = list(sentence_of.values())
            if finding.kind in {"corroborated", "conflict", "update"}:
                out.linked.update(
                    frozenset((a, b)) for n, a in enumerate(keys) for b in keys[n + 1 :] if a[0] != b[0]
                )
            # The sides of a conflict or an update: the pairs of evidence found to differ (a
            # finding without them: every two evidence with differing values).
            sides = [
                (sentence_of[i], sentence_of[j]) for i, j in finding.differing
                if i in sentence_of and j in sentence_of and sentence_of[i][0] != sentence_of[j][0]
            ] if finding.differing else [
                (a[:2], b[:2]) for n, a in enumerate(valued) for b in valued[n + 1 :]
                if a[0] != b[0] and a[2] != b[2]
            ]
            # A length of time is a time finding here and either a time or a quantity in the
            # gold (its guide files plain lengths such as "a 2-year sentence" under quantity):
            # it answers to both.
            if finding.kind in {"conflict", "update"}:
                slots = tuple(sorted({finding.slot or ""} | ({"quantity"} if finding.unit == "duration" else set())))
                found = out.conflicts if finding.kind == "conflict" else out.updates
                for a, b in sides:
                    found.update((slot, a, b) for slot in slots)
                    if finding.kind == "conflict":
                        out.reported_conflicts.add((slots, frozenset((a, b))))
    articles = {a.id: a for a in run.report.articles}
    for doc, number in wanted_attribution:
        article = articles.get(doc)
        span = next((s for s in run.spans.get(doc, ()) if s[2] == number), None)
        if article is None or span is None:
            continue
        # A sentence that is all quotation holds no claim: the report shows it as a quote,
        # attributed to its speaker.
        best = _most_overlapping(article.claims, span) or _most_overlapping(article.quotes, span)
        if best is None:
            continue
        attribution = best.attribution
        out.attribution[(doc, number)] = (
            (attribution.type, attribution.name) if attribution is not None else ("self", None)
        )
    return out


def _flagged(pred: set[tuple[str, SentenceKey, SentenceKey]], slot: str, a: Ref, b: Ref) -> bool:
    return (slot, a.key, b.key) in pred or (slot, b.key, a.key) in pred


# --- scores -----------------------------------------------------------------------------------


@dataclass
class SplitScore:
    """Scores on one part of the gold (all, development or held-out)."""

    conflicts: int = 0  # gold conflict items
    conflicts_found: int = 0
    compatible: int = 0  # gold compatible + update items
    false_alarms: int = 0  # of those, flagged as conflicts
    updates: int = 0
    updates_found: int = 0
    corroborate: int = 0
    corroborate_linked: int = 0
    lookalike: int = 0
    lookalike_linked: int = 0
    attributions: int = 0
    attribution_right: int = 0
    attribution_by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, right]
    # label -> [judged pairs, of those linked now] (judged.jsonl)
    judged: dict[str, list[int]] = field(default_factory=dict)
    reported_conflicts: int = 0  # conflicts reported in these sub-topics
    unjudged_conflicts: int = 0  # of those, touching no gold value item

    @property
    def conflict_precision(self) -> float:
        judged = self.conflicts_found + self.false_alarms
        return self.conflicts_found / judged if judged else 1.0

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts if self.conflicts else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.compatible if self.compatible else 0.0

    @property
    def corroboration_precision(self) -> float:
        linked = self.corroborate_linked + self.lookalike_linked
        return self.corroborate_linked / linked if linked else 1.0

    @property
    def corroboration_recall(self) -> float:
        return self.corroborate_linked / self.corroborate if self.corroborate else 0.0

    @property
    def judged_same_share(self) -> float:
        """Of the judged reported pairs linked now, the share that state one fact."""
        linked = sum(n for _, n in self.judged.values())
        return self.judged.get("same", [0, 0])[1] / linked if linked else 1.0

    @property
    def attribution_accuracy(self) -> float:
        return self.attribution_right / self.attributions if self.attributions else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<10} conflicts P {self.conflict_precision:.3f} R {self.conflict_recall:.3f} "
            f"F1 {f1(self.conflict_precision, self.conflict_recall):.3f} "
            f"({self.conflicts_found}/{self.conflicts} found); "
            f"false alarms {self.false_alarms}/{self.compatible} "
            f"({self.false_alarm_rate:.3f}) on compatible/update; "
            f"updates shown {self.updates_found}/{self.updates}\n"
            f"{'':<10} corroboration P {self.corroboration_precision:.3f} "
            f"R {self.corroboration_recall:.3f} ({self.corroborate_linked}/{self.corroborate} "
            f"linked, {self.lookalike_linked}/{self.lookalike} look-alikes linked); "
            f"attribution type {self.attribution_accuracy:.3f} "
            f"({self.attribution_right}/{self.attributions})\n"
            f"{'':<10} conflicts reported {self.reported_conflicts}, "
            f"{self.unjudged_conflicts} touching no gold item"
            + (
                f"\n{'':<10} reported pairs judged blind, linked now: "
                + ", ".join(f"{label} {n[1]}/{n[0]}" for label in JUDGED_LABELS if (n := self.judged.get(label)))
                + f"; same-fact share {self.judged_same_share:.3f}"
                if self.judged else ""
            )
        )


@dataclass(frozen=True)
class FindingsMistake:
    split: str  # "dev" | "held-out"
    kind: str  # "missed conflict", "false alarm", "missed corroboration", …
    gold_id: str
    detail: str


@dataclass
class FindingsScore:
    all: SplitScore
    dev: SplitScore
    held_out: SplitScore
    subtopics: int
    documents: int
    mistakes: list[FindingsMistake] = field(default_factory=list)

    def summary(self, *, dev_only: bool = False) -> str:
        """The scores of the whole gold, its development and its held-out split; with
        ``dev_only``, of the development split alone (the whole gold holds the held-out one)."""
        lines = [
            f"Findings on {self.subtopics} ECB+ sub-topics ({self.documents} documents), "
            "each analyzed as one run:",
        ]
        if dev_only:
            return "\n".join([*lines, self.dev.line("dev"), "(the held-out split is not shown: --dev-only)"])
        return "\n".join([*lines, self.all.line("all"), self.dev.line("dev"), self.held_out.line("held-out")])

    def mistakes_text(self, *, held_out: bool = False, unread: Sequence[str] = ()) -> str:
        """The mistakes of the development split (and of the held-out one with ``held_out``),
        less those of gold items whose ids start with a prefix in ``unread``: a round labelled
        blind to be scored as a whole stays unread (only its count is given)."""
        listed = [m for m in self.mistakes if held_out or m.split == "dev"]
        shown = [m for m in listed if not m.gold_id.startswith(tuple(unread))] if unread else listed
        lines = [f"[{m.split}] {m.kind} {m.gold_id}: {m.detail}" for m in shown]
        if len(shown) < len(listed):
            lines.append(f"mistakes of unread items ({', '.join(unread)}) not listed: {len(listed) - len(shown)}")
        return "\n".join(lines) if lines else "no mistakes"


def score_findings(gold: FindingsGold, runs: dict[str, SubtopicRun]) -> FindingsScore:
    parts = {"all": SplitScore(), "dev": SplitScore(), "held-out": SplitScore()}
    mistakes: list[FindingsMistake] = []
    preds: dict[str, Predictions] = {}
    for subtopic, run in runs.items():
        wanted = [g.ref.key for g in gold.attributions if g.subtopic == subtopic]
        preds[subtopic] = predictions(run, wanted)

    def scores(subtopic: str) -> tuple[str, list[SplitScore]]:
        split = "held-out" if gold.held_out(subtopic) else "dev"
        return split, [parts["all"], parts[split]]

    def show(run: SubtopicRun, ref: Ref) -> str:
        value = f" [{ref.value}]" if ref.value else ""
        return f"{ref.doc}#{ref.sentence}{value} {run.text(ref)!r}"

    judged: dict[str, set[tuple[str, frozenset[SentenceKey]]]] = {}
    for g in gold.values:
        run, pred = runs[g.subtopic], preds[g.subtopic]
        split, targets = scores(g.subtopic)
        flagged = _flagged(pred.conflicts, g.slot, g.a, g.b)
        judged.setdefault(g.subtopic, set()).add((g.slot, frozenset((g.a.key, g.b.key))))
        for s in targets:
            if g.label == "conflict":
                s.conflicts += 1
                s.conflicts_found += flagged
            else:
                s.compatible += 1
                s.false_alarms += flagged
            if g.label == "update":
                s.updates += 1
                s.updates_found += _flagged(pred.updates, g.slot, g.a, g.b)
        if g.label == "conflict" and not flagged:
            mistakes.append(FindingsMistake(split, "missed conflict", g.id, f"{show(run, g.a)} vs {show(run, g.b)}"))
        if g.label != "conflict" and flagged:
            mistakes.append(FindingsMistake(split, f"false alarm ({g.label})", g.id, f"{show(run, g.a)} vs {show(run, g.b)}"))
    for subtopic, pred in preds.items():
        _, targets = scores(subtopic)
        for s in targets:
            s.reported_conflicts += len(pred.reported_conflicts)
            seen = judged.get(subtopic, set())
            s.unjudged_conflicts += sum(
                1 for slots, pair in pred.reported_conflicts if not any((slot, pair) in seen for slot in slots)
            )
    for g in gold.pairs:
        run, pred = runs[g.subtopic], preds[g.subtopic]
        split, targets = scores(g.subtopic)
        linked = frozenset((g.a.key, g.b.key)) in pred.linked
        for s in targets:
            if g.label == "corroborate":
                s.corroborate += 1
                s.corroborate_linked += linked
            else:
                s.lookalike += 1
                s.lookalike_linked += linked
        if g.label == "corroborate" and not linked:
            mistakes.append(FindingsMistake(split, "missed corroboration", g.id, f"{show(run, g.a)} / {show(run, g.b)}"))
        if g.label == "lookalike" and linked:
            mistakes.append(FindingsMistake(split, "look-alike corroborated", g.id, f"{show(run, g.a)} / {show(run, g.b)}"))
    for g in gold.judged:
        run, pred = runs[g.subtopic], preds[g.subtopic]
        split, targets = scores(g.subtopic)
        linked = frozenset((g.a.key, g.b.key)) in pred.linked
        for s in targets:
            counts = s.judged.setdefault(g.label, [0, 0])
            counts[0] += 1
            counts[1] += linked
        if g.label == "different" and linked:
            mistakes.append(FindingsMistake(split, "judged different, linked", g.id, f"{show(run, g.a)} / {show(run, g.b)}"))
    for g in gold.attributions:
        run, pred = runs[g.subtopic], preds[g.subtopic]
        split, targets = scores(g.subtopic)
        got = pred.attribution.get(g.ref.key)
        right = got is not None and got[0] == g.type
        for s in targets:
            s.attributions += 1
            s.attribution_right += right
            counts = s.attribution_by_type.setdefault(g.type, [0, 0])
            counts[0] += 1
            counts[1] += right
        if not right:
            said = "no claim" if got is None else f"{got[0]} {got[1]!r}"
            mistakes.append(
                FindingsMistake(split, "attribution", g.id, f"gold {g.type} {g.name!r}, predicted {said}: {show(run, g.ref)}")
            )
    documents = sum(len(r.documents) for r in runs.values())
    return FindingsScore(parts["all"], parts["dev"], parts["held-out"], len(runs), documents, mistakes)


def evaluate_findings(
    root: str | Path,
    *,
    gold: str | Path = DEFAULT_GOLD,
    settings: Settings,
    progress: bool = False,
) -> FindingsScore:
    """Analyze every gold sub-topic of ECB+ under ``root`` and score the findings."""
    loaded = load_findings_gold(gold)
    paths = subtopic_paths(root, loaded.subtopics)
    runs: dict[str, SubtopicRun] = {}
    for n, subtopic in enumerate(loaded.subtopics, start=1):
        if progress:
            print(f"findings: {subtopic} ({n}/{len(loaded.subtopics)})", file=sys.stderr)
        runs[subtopic] = analyze_subtopic(subtopic, paths[subtopic], settings=settings)
    _check_refs(loaded, runs)
    return score_findings(loaded, runs)


def _check_refs(gold: FindingsGold, runs: dict[str, SubtopicRun]) -> None:
    """Every gold reference names a document of its sub-topic and one of its sentences."""
    refs = [(g.id, g.subtopic, r) for g in (*gold.values, *gold.pairs, *gold.judged) for r in (g.a, g.b)]
    refs += [(g.id, g.subtopic, g.ref) for g in gold.attributions]
    for gid, subtopic, ref in refs:
        document = runs[subtopic].documents.get(ref.doc)
        if document is None or ref.sentence not in document.numbers:
            raise DatasetError(
                f"gold item {gid}: {ref.doc} sentence {ref.sentence} is not a sentence of "
                f"sub-topic {subtopic}; fix the gold file"
            )
