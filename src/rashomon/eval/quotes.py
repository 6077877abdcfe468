"""Scoring quotation extraction on a gold set written for this project.

The packaged set (``rashomon/data/gold/quotes.jsonl``) holds invented news passages, one JSON
record a line::

    {"id": "…", "outlet": "…", "published": "2024-06-20", "text": "…",
     "quotes": [{"text": "…", "kind": "direct" | "partial" | "indirect",
                 "speaker": "Sergei Lavrov" | "anonymous source" | null,
                 "occurrence": 2}],          # optional: which occurrence of "text" (1-based)
     "not_quotes": ["…"],                    # optional: text in marks that quotes no one
     "part": "held-out"}                     # optional: passages kept out of rule tuning

Labelling conventions. ``text`` is what was said as it stands in the passage: inside the
marks (a closing comma left out, a closing full stop kept when it is inside the marks), or the
reported clause of indirect speech without "that". A quotation over several paragraphs is one
quote (the reopening mark included); an interrupted quotation (“…,” she said, “…”) is one
quote per stretch between marks; a quotation nested in another is part of it. An indirect
clause that contains a partial quotation is labelled once, as the partial quotation.
``speaker`` is the canonical full name of the person or body, "anonymous source" for unnamed
people, null when no speaker can be identified (a slogan, a quotation without attribution).

Scores. A predicted quote matches a gold quote of the same passage when their character
spans overlap by at least half of their union (Jaccard ≥ 0.5: a span cut in two, or a
partial quotation predicted as the whole indirect clause around it, does not match); pairs
are matched one to one, best overlap first. Detection precision and recall count matched
quotes; on matched quotes, the span is *exact* when both spans are equal once surrounding
spaces, marks and punctuation are stripped, and the speaker is *right* when the predicted
speaker resolves to the gold one: for "anonymous source" when the attribution is anonymous,
for null when no speaker is given, and for a name when the speaker string, its attribution,
the source registry entry it names, or the story entity it resolves to (as the pipeline
resolves speakers for quote matching) has the gold name's key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rashomon.errors import DatasetError
from rashomon.records import Article, Quote
from rashomon.settings import Settings

if TYPE_CHECKING:
    from rashomon.sources import SourceRegistry

KINDS = ("direct", "partial", "indirect")
ANONYMOUS = "anonymous source"
# Two spans are one quote when they overlap by at least half their union (see the module
# docstring): chosen so that trailing punctuation or a speech-verb boundary off by a word
# still matches, and half of a split quotation does not.
MATCH_JACCARD = 0.5
_STRIP = " \t\n\"“”‘’'.,;:!?—–-"


@dataclass(frozen=True)
class GoldQuote:
    text: str
    kind: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class GoldPassage:
    id: str
    text: str
    outlet: str | None
    published: str | None
    quotes: tuple[GoldQuote, ...]
    not_quotes: tuple[str, ...] = ()
    part: str = "tuning"


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0  # gold quotes of this kind that were found
    matched_predicted: int = 0  # predicted quotes of this kind that match a gold one
    exact: int = 0
    speaker: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class QuoteScore:
    passages: int
    gold: int
    predicted: int
    matched: int
    exact: int  # matched quotes with the exact span
    speaker: int  # matched quotes with the right speaker
    kind: int  # matched quotes with the gold kind
    by_kind: dict[str, KindScore] = field(default_factory=dict)  # by gold kind (predicted kind for precision)
    scare_taken: int = 0  # not_quotes predicted as quotes
    scare_total: int = 0
    errors: list[str] = field(default_factory=list)  # one line per miss, extra or wrong speaker
    held_out: QuoteScore | None = None  # the same on the held-out passages alone

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_accuracy(self) -> float:
        return self.exact / self.matched if self.matched else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker / self.matched if self.matched else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind / self.matched if self.matched else 0.0

    def summary(self) -> str:
        lines = [
            (
                f"Quotes: {self.gold} gold quotes in {self.passages} passages, "
                f"{self.predicted} predicted; detection P {self.precision:.3f} "
                f"R {self.recall:.3f} F1 {self.f1:.3f} (spans overlapping by half their union)"
            ),
            (
                f"  on {self.matched} matched: exact span {self.span_accuracy:.3f}, speaker "
                f"{self.speaker_accuracy:.3f}, kind {self.kind_accuracy:.3f}"
            ),
        ]
        for kind in KINDS:
            k = self.by_kind.get(kind)
            if k is None or not (k.gold or k.predicted):
                continue
            found = k.matched_gold
            lines.append(
                f"  {kind:<8} {k.gold} gold, {k.predicted} predicted: P {k.precision:.3f} "
                f"R {k.recall:.3f} F1 {k.f1:.3f}; exact span "
                f"{k.exact / found if found else 0.0:.3f}, speaker "
                f"{k.speaker / found if found else 0.0:.3f}"
            )
        lines.append(f"  scare quotes taken for quotes: {self.scare_taken} of {self.scare_total}")
        if self.held_out is not None:
            h = self.held_out
            lines.append(
                f"  held-out ({h.passages} passages, {h.gold} quotes, labelled before the system "
                f"saw them): P {h.precision:.3f} R {h.recall:.3f} F1 {h.f1:.3f}; exact span "
                f"{h.span_accuracy:.3f}, speaker {h.speaker_accuracy:.3f}"
            )
        return "\n".join(lines)

    def mistakes_text(self) -> str:
        """One line per missed, extra or misattributed quote (or a line saying there are none)."""
        return "\n".join(self.errors) if self.errors else "no mistakes"


def default_path() -> Path:
    """The packaged gold set."""
    return Path(str(resources.files("rashomon").joinpath("data/gold/quotes.jsonl")))


def load_gold(path: str | Path | None = None) -> list[GoldPassage]:
    """The gold passages of ``path`` (the packaged set when None), spans derived and checked."""
    path = Path(path) if path is not None else default_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DatasetError(
            f"{path} does not exist; pass a quotes gold file (JSON lines) or leave PATH out "
            "for the packaged set"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from None
    passages: list[GoldPassage] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: not valid JSON ({exc.msg}); write one record a line") from None
        passage = _passage(record, where)
        if passage.id in seen:
            raise DatasetError(f"{where}: passage id {passage.id!r} is used twice; make ids unique")
        seen.add(passage.id)
        passages.append(passage)
    if not passages:
        raise DatasetError(f"{path} holds no passages; write one JSON record a line")
    return passages


def _passage(record: Any, where: str) -> GoldPassage:
    if not isinstance(record, dict):
        raise DatasetError(f"{where}: a record must be a JSON object with id, text and quotes")
    text, ident, quotes = record.get("text"), record.get("id"), record.get("quotes")
    if not isinstance(ident, str) or not ident:
        raise DatasetError(f"{where}: give the passage an \"id\" (a non-empty string)")
    if not isinstance(text, str) or not text.strip():
        raise DatasetError(f"{where}: passage {ident!r} needs a non-empty \"text\"")
    if not isinstance(quotes, list):
        raise DatasetError(f"{where}: passage {ident!r} needs a \"quotes\" list (it may be empty)")
    gold = []
    for q in quotes:
        if not isinstance(q, dict) or not isinstance(q.get("text"), str) or not q["text"]:
            raise DatasetError(f"{where}: every quote of {ident!r} needs a non-empty \"text\"")
        if q.get("kind") not in KINDS:
            raise DatasetError(
                f"{where}: quote {q['text'][:40]!r} has kind {q.get('kind')!r}; use one of "
                + ", ".join(KINDS)
            )
        speaker = q.get("speaker")
        if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
            raise DatasetError(
                f"{where}: quote {q['text'][:40]!r} needs a speaker name, "
                f"{ANONYMOUS!r} or null"
            )
        start = _find(text, q["text"], q.get("occurrence"), where)
        gold.append(GoldQuote(q["text"], q["kind"], speaker, start, start + len(q["text"])))
    part = record.get("part", "tuning")
    if part not in {"tuning", "held-out"}:
        raise DatasetError(f"{where}: \"part\" is {part!r}; use \"tuning\" or \"held-out\"")
    not_quotes = record.get("not_quotes", [])
    if not isinstance(not_quotes, list) or not all(isinstance(t, str) and t in text for t in not_quotes):
        raise DatasetError(f"{where}: \"not_quotes\" must list strings found in the passage text")
    return GoldPassage(
        id=ident,
        text=text,
        outlet=record.get("outlet"),
        published=record.get("published"),
        quotes=tuple(sorted(gold, key=lambda g: (g.start, g.end))),
        not_quotes=tuple(not_quotes),
        part=part,
    )


def _find(text: str, quote: str, occurrence: Any, where: str) -> int:
    starts = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        raise DatasetError(
            f"{where}: quote {quote[:40]!r} is not in the passage text; copy it exactly "
            "(marks, apostrophes and line breaks included)"
        )
    if occurrence is None:
        if len(starts) > 1:
            raise DatasetError(
                f"{where}: quote {quote[:40]!r} occurs {len(starts)} times; say which with "
                '"occurrence": 1, 2, …'
            )
        return starts[0]
    if not isinstance(occurrence, int) or not 1 <= occurrence <= len(starts):
        raise DatasetError(
            f"{where}: quote {quote[:40]!r} has occurrence {occurrence!r}; it occurs "
            f"{len(starts)} times"
        )
    return starts[occurrence - 1]


# --------------------------------------------------------------------------------------------
# Scoring


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two character spans over their union."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match_quotes(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one to one, best overlap first (ties: reading order)."""
    pairs = sorted(
        ((jaccard(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in pairs:
        if score < MATCH_JACCARD:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def score_passages(
    passages: Iterable[GoldPassage],
    predictions: Mapping[str, Sequence[Quote]],
    speaker_names: Mapping[str, Mapping[int, set[str]]] | None = None,
) -> QuoteScore:
    """Score predicted quotes (by passage id) against the gold passages.

    ``speaker_names`` gives, per passage and predicted quote index, the names its speaker
    resolves to (the speaker string itself when absent)."""
    from rashomon.resolve.names import name_key

    passages = list(passages)
    score = QuoteScore(passages=len(passages), gold=0, predicted=0, matched=0, exact=0, speaker=0, kind=0)
    score.by_kind = {k: KindScore() for k in KINDS}
    for passage in passages:
        predicted = list(predictions.get(passage.id, ()))
        names = (speaker_names or {}).get(passage.id, {})
        score.gold += len(passage.quotes)
        score.predicted += len(predicted)
        for g in passage.quotes:
            score.by_kind[g.kind].gold += 1
        for p in predicted:
            score.by_kind.setdefault(p.kind, KindScore()).predicted += 1
        pairs = match_quotes([(g.start, g.end) for g in passage.quotes], [(p.start, p.end) for p in predicted])
        found_g = {gi for gi, _ in pairs}
        found_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = passage.quotes[gi], predicted[pi]
            kind = score.by_kind[g.kind]
            score.matched += 1
            kind.matched_gold += 1
            score.by_kind.setdefault(p.kind, KindScore()).matched_predicted += 1
            if _trimmed(passage.text, g.start, g.end) == _trimmed(passage.text, p.start, p.end):
                score.exact += 1
                kind.exact += 1
            else:
                score.errors.append(f"{passage.id}: span {p.text!r} for gold {g.text!r}")
            score.kind += p.kind == g.kind
            if _speaker_right(g.speaker, p, names.get(pi), name_key):
                score.speaker += 1
                kind.speaker += 1
            else:
                score.errors.append(
                    f"{passage.id}: speaker {p.speaker!r} for gold {g.speaker!r} on {g.text[:50]!r}"
                )
        for gi, g in enumerate(passage.quotes):
            if gi not in found_g:
                score.errors.append(f"{passage.id}: missed {g.kind} {g.text[:60]!r}")
        for pi, p in enumerate(predicted):
            if pi in found_p:
                continue
            stripped = p.text.strip(_STRIP)
            if stripped in passage.not_quotes:
                score.scare_taken += 1
            score.errors.append(f"{passage.id}: extra {p.kind} {p.text[:60]!r}")
        score.scare_total += len(passage.not_quotes)
    return score


def _speaker_right(gold: str | None, quote: Quote, names: set[str] | None, name_key) -> bool:
    if gold is None:
        return quote.speaker is None
    if gold == ANONYMOUS:
        return quote.attribution is not None and quote.attribution.type == "anonymous_source"
    if quote.speaker is None:
        return False
    candidates = names if names is not None else {quote.speaker}
    target = name_key(gold)
    return bool(target) and any(name_key(c) == target for c in candidates if c)


def _resolved_names(
    article: Article, registry: SourceRegistry, settings: Settings
) -> dict[int, set[str]]:
    """For each quote of ``article``, the names its speaker resolves to: the speaker string,
    the attribution's name, the registry entry either names, and the story entity the
    pipeline resolves the speaker to (``run.pipeline._speaker_keys``, all entity types)."""
    from rashomon.resolve.entities import resolve_entities
    from rashomon.run.story import speaker_keys as _speaker_keys

    entities = resolve_entities([article], settings=settings.resolve)
    by_id = {e.id: e for e in entities}
    keys = _speaker_keys([article], entities)
    out: dict[int, set[str]] = {}
    for index, quote in enumerate(article.quotes):
        names = {n for n in (quote.speaker, quote.attribution.name if quote.attribution else None) if n}
        for name in list(names):
            source = registry.lookup(name) or registry.best(name)
            if source is not None and source.name:
                names.add(source.name)
                names.update(source.aliases)
        entity = by_id.get(keys.get(quote.speaker or "", ""))
        if entity is None and quote.speaker_start is not None:
            # An organisation or place at the speaker span ("the ministry" has none).
            for m in article.mentions:
                if m.key and m.start < (quote.speaker_end or 0) and quote.speaker_start < m.end:
                    entity = by_id.get(m.key)
                    break
        if entity is not None:
            names.add(entity.name)
            names.update(entity.variants)
        out[index] = names
    return out


def predict(passages: Sequence[GoldPassage], *, settings: Settings) -> tuple[dict[str, list[Quote]], dict[str, dict[int, set[str]]]]:
    """Run the analysis stage (the pipeline's spaCy model, ``fill_from_doc``) on each passage:
    its quotes, and the names each quote's speaker resolves to."""
    from rashomon.sources import load_sources
    from rashomon.analysis.parse import fill_from_doc, pipeline

    registry = load_sources()
    nlp = pipeline(settings.analysis)
    quotes: dict[str, list[Quote]] = {}
    names: dict[str, dict[int, set[str]]] = {}
    docs = nlp.pipe([p.text for p in passages], batch_size=settings.analysis.batch_size)
    for passage, doc in zip(passages, docs, strict=True):
        article = Article(
            id=passage.id, path=f"{passage.id}.txt", text=passage.text, outlet=passage.outlet,
            published=passage.published, language="en",
        )
        fill_from_doc(article, doc, registry=registry)
        quotes[passage.id] = list(article.quotes)
        names[passage.id] = _resolved_names(article, registry, settings)
    return quotes, names


def evaluate_quotes(path: str | Path | None = None, *, settings: Settings) -> QuoteScore:
    """Quote detection, span and speaker accuracy on the gold set at ``path`` (the packaged
    ``data/gold/quotes.jsonl`` when None)."""
    passages = load_gold(path)
    quotes, names = predict(passages, settings=settings)
    score = score_passages(passages, quotes, names)
    held = [p for p in passages if p.part == "held-out"]
    if held and len(held) < len(passages):
        score.held_out = score_passages(held, quotes, names)
    return score
