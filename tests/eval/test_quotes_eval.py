"""The quotes gold set: loading, matching and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.errors import DatasetError
from rashomon.eval.quotes import (
    ANONYMOUS,
    jaccard,
    load_gold,
    match_quotes,
    score_passages,
)
from rashomon.records import Attribution, Quote

TEXT = (
    "Kim Yo Jong said the drills were “a rehearsal for invasion.”\n"
    "“We will answer,” she said.\n"
    "A source in Hyesan said that rice prices had doubled.\n"
    "The so-called “experts” left."
)


def write(tmp_path: Path, *records: object, raw: str | None = None) -> Path:
    path = tmp_path / "gold.jsonl"
    text = raw if raw is not None else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")
    return path


def record(**changes: object) -> dict:
    base = {
        "id": "p1",
        "outlet": "Test Wire",
        "text": TEXT,
        "quotes": [
            {"text": "a rehearsal for invasion.", "kind": "partial", "speaker": "Kim Yo Jong"},
            {"text": "We will answer", "kind": "direct", "speaker": "Kim Yo Jong"},
            {"text": "rice prices had doubled", "kind": "indirect", "speaker": ANONYMOUS},
        ],
        "not_quotes": ["experts"],
    }
    base.update(changes)
    return base


def quote(text: str, kind: str, speaker: str | None, attribution: str | None = None) -> Quote:
    start = TEXT.index(text)
    return Quote(
        id="", article="p1", text=text, start=start, end=start + len(text), sentence=0,
        kind=kind, speaker=speaker,
        attribution=Attribution(attribution, speaker) if attribution else None,
    )


def test_packaged_gold_set_loads_with_every_shape() -> None:
    passages = load_gold()
    quotes = [q for p in passages for q in p.quotes]
    assert len(quotes) >= 45
    assert {q.kind for q in quotes} == {"direct", "partial", "indirect"}
    assert any("\n" in q.text for q in quotes)  # a quotation over two paragraphs
    assert any(q.speaker is None for q in quotes) and any(q.speaker == ANONYMOUS for q in quotes)
    assert any(p.not_quotes for p in passages)
    assert any(p.part == "held-out" for p in passages)
    for p in passages:
        for q in p.quotes:
            assert p.text[q.start : q.end] == q.text


def test_loader_derives_spans_and_occurrences(tmp_path: Path) -> None:
    text = "He said “yes.” Later he said “yes.” again."
    path = write(tmp_path, {"id": "a", "text": text, "quotes": [
        {"text": "yes.", "kind": "direct", "speaker": "Kim", "occurrence": 2}]})
    (passage,) = load_gold(path)
    assert passage.quotes[0].start == text.rindex("yes.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("{not json\n", "not valid JSON"),
        ("", "holds no passages"),
        (json.dumps(record(id="")) + "\n", 'give the passage an "id"'),
        (json.dumps(record(quotes="x")) + "\n", 'needs a "quotes" list'),
        (json.dumps(record(quotes=[{"text": "missing words", "kind": "direct", "speaker": None}])) + "\n",
         "is not in the passage text"),
        (json.dumps(record(quotes=[{"text": "We will answer", "kind": "quote", "speaker": None}])) + "\n",
         "use one of direct, partial, indirect"),
        (json.dumps(record(quotes=[{"text": "said", "kind": "direct", "speaker": None}])) + "\n",
         '"occurrence"'),
        (json.dumps(record(part="dev")) + "\n", '"part"'),
        (json.dumps(record(not_quotes=["nowhere"])) + "\n", "not_quotes"),
        (json.dumps(record()) + "\n" + json.dumps(record()) + "\n", "used twice"),
    ],
)
def test_bad_gold_files_say_what_to_do(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "missing.jsonl" if content is None else write(tmp_path, raw=content)
    with pytest.raises(DatasetError, match=message):
        load_gold(path)


def test_matching_is_one_to_one_by_overlap() -> None:
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 10), (10, 20)) == 0.0
    # The second prediction overlaps gold 0 better; a half-span does not match.
    assert match_quotes([(0, 10), (20, 30)], [(0, 9), (0, 10), (20, 24)]) == [(0, 1)]


def test_a_hand_built_gold_is_scored_right(tmp_path: Path) -> None:
    passages = load_gold(write(tmp_path, record()))
    predicted = {
        "p1": [
            quote("a rehearsal for invasion", "partial", "Kim"),  # span exact up to punctuation
            quote("We will answer", "direct", "Kim Jong Un"),  # wrong person
            quote("rice prices had", "indirect", "A source in Hyesan", "anonymous_source"),  # 15/23 of the span
            quote("experts", "partial", None),  # scare quotes taken for a quote
        ]
    }
    names = {"p1": {0: {"Kim", "Kim Yo Jong"}, 1: {"Kim Jong Un"}}}
    score = score_passages(passages, predicted, names)
    assert (score.gold, score.predicted, score.matched) == (3, 4, 3)
    assert score.precision == pytest.approx(0.75) and score.recall == 1.0
    assert score.exact == 2 and score.speaker == 2 and score.kind == 3
    assert score.by_kind["indirect"].matched_gold == 1 and score.by_kind["indirect"].exact == 0
    assert score.by_kind["direct"].speaker == 0
    assert (score.scare_taken, score.scare_total) == (1, 1)
    assert any("extra partial 'experts'" in e for e in score.errors)
    summary = score.summary()
    assert "P 0.750 R 1.000" in summary and "scare quotes taken for quotes: 1 of 1" in summary
    assert "partial" in summary and "indirect" in summary


def test_speaker_none_and_anonymous() -> None:
    from rashomon.eval.quotes import GoldPassage, GoldQuote

    text = "Posters read “Forward!” and a trader said “Prices rose.”"
    slogan = GoldQuote("Forward!", "direct", None, text.index("Forward!"), text.index("Forward!") + 8)
    start = text.index("Prices rose.")
    trader = GoldQuote("Prices rose.", "direct", ANONYMOUS, start, start + 12)
    passage = GoldPassage("p", text, None, None, (slogan, trader))
    right = [
        Quote("", "p", "Forward!", slogan.start, slogan.end, 0),
        Quote("", "p", "Prices rose.", start, start + 12, 0, speaker="a trader",
              attribution=Attribution("anonymous_source", "a trader")),
    ]
    assert score_passages([passage], {"p": right}).speaker == 2
    wrong = [
        Quote("", "p", "Forward!", slogan.start, slogan.end, 0, speaker="Kim"),
        Quote("", "p", "Prices rose.", start, start + 12, 0, speaker="a trader",
              attribution=Attribution("named_person", "a trader")),
    ]
    assert score_passages([passage], {"p": wrong}).speaker == 0


@pytest.mark.models
def test_evaluate_quotes_runs_the_pipeline(tmp_path: Path) -> None:
    from rashomon.eval.quotes import evaluate_quotes
    from rashomon.settings import Settings

    text = (
        "Foreign Minister Sergei Lavrov arrived in Pyongyang on Thursday.\n"
        "“We came as friends,” Lavrov said. The minister added that talks would last two days."
    )
    path = write(tmp_path, {"id": "t", "text": text, "quotes": [
        {"text": "We came as friends", "kind": "direct", "speaker": "Sergei Lavrov"},
        {"text": "talks would last two days", "kind": "indirect", "speaker": "Sergei Lavrov"},
    ]})
    score = evaluate_quotes(path, settings=Settings())
    assert score.matched == 2 and score.speaker == 2, score.mistakes_text()
    assert score.held_out is None
