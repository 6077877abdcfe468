"""Scoring claim attribution against a gold set of hand-written passages.

The packaged gold set (``rashomon/data/gold/attribution.jsonl``) holds invented passages in the
style of news about North Korea, Russia and the region, written for this project. Each line is
one passage, as the text of one article::

    {"id": "hyesan-rice", "outlet": "Daily NK", "note": "what the passage tests",
     "text": "Rice prices … told Daily NK on Tuesday. “A kilogram …,” the source said. …",
     "sentences": [{"text": "Rice prices … on Tuesday.", "type": "anonymous_source",
                    "name": null}, …]}

``outlet`` is the article's own outlet; ``text`` the article text (paragraphs separated by a
blank line); ``sentences`` every sentence of ``text`` in reading order, each quoted exactly as
it stands in ``text``, with the attribution a careful analyst gives its content:

- ``type``: ``state_media``, ``official`` (a named government or party official, or a body:
  "the Unification Ministry", "police", "officials in Seoul" speaking for their government),
  ``named_person`` (anyone else named, a former official included), ``anonymous_source`` (an
  unnamed individual, "a source", "a US official", "two people familiar with the matter"),
  ``news_outlet`` (another outlet or wire service), ``document`` (a resolution, a report, a
  court filing, a schedule on a website, imagery) or ``self`` (the outlet's own reporting,
  including its citing itself, "Daily NK has learned", and statements that someone declined to
  comment). A quotation relayed by an outlet ("KCNA quoted Minister X as saying") is the
  speaker's; a quotation standing after a speaker's words is that speaker's too.
- ``name``: the canonical name of the source: the registry's canonical name for an outlet or a
  registered body ("KCNA", "Korean Central TV", "Joint Chiefs of Staff"), the generic entry's
  name for generic state media ("North Korean state media"), the person's full name for a
  person, even where the sentence gives only a surname or a pronoun ("Park said" → "Park
  Ji-hyun"), and the body's usual name otherwise ("Home Ministry"). ``name`` is null for the
  types that name nothing, ``anonymous_source``, ``document`` and ``self``: for them the names
  are not compared. ``also`` optionally lists other spellings of the same source an analyst
  would accept ("Japanese coast guard" for "Japan Coast Guard").

A passage runs through the real analysis (the pinned spaCy pipeline, then ``fill_from_doc``
with the packaged source registry); each gold sentence takes the attribution of the claim that
overlaps it most, and a sentence without a claim has no prediction (a miss for recall). A name
is correct only when the type is correct too; names compare case-insensitively after leading
articles are dropped and registry aliases are mapped to their canonical name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from rashomon.errors import DatasetError
from rashomon.eval.scores import PRF, f1
from rashomon.records import Article, Attribution, AttributionType
from rashomon.settings import Settings

if TYPE_CHECKING:
    from rashomon.sources import SourceRegistry

ATTRIBUTION_TYPES = get_args(AttributionType)
# Types whose gold name is null: their names are not compared.
NAMELESS_TYPES = frozenset({"anonymous_source", "document", "self"})
GOLD_RESOURCE = "data/gold/attribution.jsonl"
_FORMAT_HINT = (
    'each line must be a JSON object {"id", "outlet", "text", "sentences": [{"text", "type", '
    '"name"}]} (see rashomon.eval.attribution)'
)


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence: where it stands in its passage and whom its content is attributed to."""

    text: str
    start: int
    end: int
    type: str
    name: str | None
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldPassage:
    """One gold passage: an article text, its outlet and its sentences."""

    id: str
    outlet: str | None
    text: str
    sentences: tuple[GoldSentence, ...]


@dataclass(frozen=True)
class Mistake:
    """A gold sentence whose predicted attribution differs in type or name."""

    passage: str
    sentence: str
    gold: tuple[str, str | None]
    predicted: tuple[str, str | None] | None  # None: no claim covers the sentence


@dataclass
class AttributionScore:
    """Per-type precision, recall and F1 of attribution types, and name scores."""

    passages: int
    sentences: int
    by_type: dict[str, PRF]
    counts: dict[str, tuple[int, int]]  # type -> (gold, predicted)
    type_precision: float  # micro-averaged over sentences with a prediction
    type_recall: float
    type_f1: float  # micro F1
    type_macro_f1: float  # mean of the per-type F1 over the types in the gold set
    name_precision: float
    name_recall: float
    name_f1: float
    unmatched: int = 0  # gold sentences no claim covers
    mistakes: list[Mistake] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            (
                f"Attribution on {self.sentences} gold sentences of {self.passages} passages "
                f"({self.unmatched} without a claim):"
            ),
            f"  {'type':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}",
        ]
        for kind, prf in self.by_type.items():
            gold, predicted = self.counts[kind]
            lines.append(
                f"  {kind:<18}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}"
                f"{gold:>6}{predicted:>6}"
            )
        lines.append(
            f"  type: P {self.type_precision:.3f} R {self.type_recall:.3f} "
            f"F1 {self.type_f1:.3f} (macro F1 {self.type_macro_f1:.3f})"
        )
        lines.append(
            f"  name: P {self.name_precision:.3f} R {self.name_recall:.3f} F1 {self.name_f1:.3f}"
        )
        return "\n".join(lines)

    def mistakes_text(self) -> str:
        """One line per mistake: passage, gold and predicted (type, name), the sentence."""
        if not self.mistakes:
            return "no mistakes"
        rows = []
        for m in self.mistakes:
            predicted = "no claim" if m.predicted is None else f"{m.predicted[0]} {m.predicted[1]!r}"
            rows.append(
                f"{m.passage}: gold {m.gold[0]} {m.gold[1]!r}, predicted {predicted}\n    {m.sentence}"
            )
        return "\n".join(rows)


def load_attribution_gold(path: str | Path | None = None) -> list[GoldPassage]:
    """The gold passages of the JSONL file at ``path`` (the packaged set when None)."""
    if path is None:
        origin = f"packaged {GOLD_RESOURCE}"
        try:
            text = resources.files("rashomon").joinpath(GOLD_RESOURCE).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DatasetError(
                f"cannot read the {origin}: {exc}; reinstall rashomon, or pass a gold file"
            ) from None
    else:
        origin = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DatasetError(
                f"{path} does not exist; pass a JSONL file of gold passages, or leave the path "
                "out to use the packaged gold set"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise DatasetError(f"cannot read {path}: {exc}; it must be UTF-8 JSONL") from None
    passages = [
        _passage(line, f"{origin} line {number}")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    if not passages:
        raise DatasetError(f"{origin} holds no passages; {_FORMAT_HINT}")
    seen: set[str] = set()
    for p in passages:
        if p.id in seen:
            raise DatasetError(f"{origin}: passage id {p.id!r} appears twice; make ids unique")
        seen.add(p.id)
    return passages


def _passage(line: str, where: str) -> GoldPassage:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{where}: not JSON ({exc}); {_FORMAT_HINT}") from None
    if not isinstance(record, dict):
        raise DatasetError(f"{where}: not a JSON object; {_FORMAT_HINT}")
    pid, text, rows = record.get("id"), record.get("text"), record.get("sentences")
    outlet = record.get("outlet")
    if not isinstance(pid, str) or not isinstance(text, str) or not isinstance(rows, list) or not rows:
        raise DatasetError(f"{where}: needs a string id and text and a non-empty sentences list; {_FORMAT_HINT}")
    if outlet is not None and not isinstance(outlet, str):
        raise DatasetError(f"{where}: outlet must be a string or null")
    sentences = []
    cursor = 0
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"]:
            raise DatasetError(f"{where}: every sentence needs its text; {_FORMAT_HINT}")
        kind, name, also = row.get("type"), row.get("name"), row.get("also", [])
        if kind not in ATTRIBUTION_TYPES:
            raise DatasetError(
                f"{where}: sentence {row['text'][:40]!r} has type {kind!r}; "
                f"use one of {', '.join(ATTRIBUTION_TYPES)}"
            )
        if name is not None and not isinstance(name, str):
            raise DatasetError(f"{where}: sentence {row['text'][:40]!r}: name must be a string or null")
        if kind in NAMELESS_TYPES and name is not None:
            raise DatasetError(
                f"{where}: sentence {row['text'][:40]!r} is {kind}, whose name is null by "
                "convention; set name to null"
            )
        if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
            raise DatasetError(f"{where}: sentence {row['text'][:40]!r}: also must be a list of names")
        start = text.find(row["text"], cursor)
        if start < 0:
            raise DatasetError(
                f"{where}: sentence {row['text'][:40]!r} is not in the passage text after the "
                "previous sentence; quote sentences exactly and in reading order"
            )
        cursor = start + len(row["text"])
        sentences.append(GoldSentence(row["text"], start, cursor, kind, name, tuple(also)))
    return GoldPassage(pid, outlet, text, tuple(sentences))


def evaluate_attribution(path: str | Path | None = None, *, settings: Settings) -> AttributionScore:
    """Run the analysis on every gold passage at ``path`` (the packaged set when None) and
    score the attribution of the claims covering each gold sentence."""
    from rashomon.sources import load_sources
    from rashomon.analysis.parse import fill_from_doc, pipeline

    passages = load_attribution_gold(path)
    registry = load_sources()
    nlp = pipeline(settings.analysis)
    pairs: list[tuple[GoldPassage, GoldSentence, Attribution | None]] = []
    docs = nlp.pipe((p.text for p in passages), batch_size=settings.analysis.batch_size)
    for passage, doc in zip(passages, docs, strict=True):
        article = Article(id=passage.id, path=f"gold/{passage.id}", text=passage.text, outlet=passage.outlet)
        fill_from_doc(article, doc, registry=registry)
        for sentence in passage.sentences:
            pairs.append((passage, sentence, _covering(article, sentence)))
    return score_attribution(pairs, canonical=lambda name: _canonical(name, registry))


def _covering(article: Article, sentence: GoldSentence) -> Attribution | None:
    """The attribution of the claim overlapping ``sentence`` most (the first on a tie)."""
    best, best_overlap = None, 0
    for claim in article.claims:
        overlap = min(claim.end, sentence.end) - max(claim.start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best.attribution if best is not None else None


def _canonical(name: str | None, registry: SourceRegistry) -> str | None:
    """A name for comparison: leading article dropped, registry alias → canonical, casefolded."""
    if name is None:
        return None
    name = " ".join(name.replace("’", "'").split())
    for article in ("the ", "a ", "an "):
        if name.casefold().startswith(article):
            name = name[len(article) :]
            break
    source = registry.lookup(name) or registry.lookup(f"the {name}")
    if source is not None and source.name:
        name = source.name
    return name.casefold()


def score_attribution(
    pairs: Iterable[tuple[GoldPassage, GoldSentence, Attribution | None]],
    *,
    canonical: Callable[[str | None], str | None] = lambda name: name.casefold() if name else None,
) -> AttributionScore:
    """Score (passage, gold sentence, predicted attribution or None) triples; ``canonical``
    maps a name to the form names are compared in."""
    gold_n: dict[str, int] = dict.fromkeys(ATTRIBUTION_TYPES, 0)
    pred_n: dict[str, int] = dict.fromkeys(ATTRIBUTION_TYPES, 0)
    hit_n: dict[str, int] = dict.fromkeys(ATTRIBUTION_TYPES, 0)
    predicted_total = type_hits = name_hits = unmatched = 0
    mistakes: list[Mistake] = []
    passages: set[str] = set()
    sentences = 0
    for passage, gold, predicted in pairs:
        passages.add(passage.id)
        sentences += 1
        gold_n[gold.type] += 1
        if predicted is None:
            unmatched += 1
            mistakes.append(Mistake(passage.id, gold.text, (gold.type, gold.name), None))
            continue
        predicted_total += 1
        pred_n.setdefault(predicted.type, 0)
        pred_n[predicted.type] += 1
        name_ok = False
        if predicted.type == gold.type:
            type_hits += 1
            hit_n[gold.type] += 1
            accepted = {canonical(n) for n in (gold.name, *gold.also)}
            name_ok = gold.type in NAMELESS_TYPES or canonical(predicted.name) in accepted
            name_hits += name_ok
        if not name_ok:
            mistakes.append(
                Mistake(passage.id, gold.text, (gold.type, gold.name), (predicted.type, predicted.name))
            )
    by_type: dict[str, PRF] = {}
    counts: dict[str, tuple[int, int]] = {}
    for kind in ATTRIBUTION_TYPES:
        if not gold_n.get(kind) and not pred_n.get(kind):
            continue
        precision = hit_n[kind] / pred_n[kind] if pred_n[kind] else 0.0
        recall = hit_n[kind] / gold_n[kind] if gold_n[kind] else 0.0
        by_type[kind] = PRF(precision, recall, f1(precision, recall))
        counts[kind] = (gold_n[kind], pred_n[kind])
    in_gold = [by_type[k].f1 for k in ATTRIBUTION_TYPES if gold_n[k]]
    type_p = type_hits / predicted_total if predicted_total else 0.0
    type_r = type_hits / sentences if sentences else 0.0
    name_p = name_hits / predicted_total if predicted_total else 0.0
    name_r = name_hits / sentences if sentences else 0.0
    return AttributionScore(
        passages=len(passages),
        sentences=sentences,
        by_type=by_type,
        counts=counts,
        type_precision=type_p,
        type_recall=type_r,
        type_f1=f1(type_p, type_r),
        type_macro_f1=sum(in_gold) / len(in_gold) if in_gold else 0.0,
        name_precision=name_p,
        name_recall=name_r,
        name_f1=f1(name_p, name_r),
        unmatched=unmatched,
        mistakes=mistakes,
    )
