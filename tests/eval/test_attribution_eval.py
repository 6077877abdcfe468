"""The attribution gold set: loading, errors, and scoring a tiny hand-built gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.errors import DatasetError
from rashomon.eval.attribution import (
    ATTRIBUTION_TYPES,
    GoldPassage,
    GoldSentence,
    evaluate_attribution,
    load_attribution_gold,
    score_attribution,
)
from rashomon.records import Attribution
from rashomon.settings import Settings


def write(path: Path, *records: object) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


TINY = {
    "id": "tiny",
    "outlet": "Daily NK",
    "text": (
        "The Korean Central News Agency said the leader inspected a farm on Monday. "
        "The agency added that the harvest would be rich.\n\n"
        "Rice prices have doubled in Hyesan this month, a source in Ryanggang Province told "
        "Daily NK. The border has been closed since 2020."
    ),
    "sentences": [
        {"text": "The Korean Central News Agency said the leader inspected a farm on Monday.",
         "type": "state_media", "name": "Korean Central News Agency"},
        {"text": "The agency added that the harvest would be rich.", "type": "state_media", "name": "KCNA"},
        {"text": "Rice prices have doubled in Hyesan this month, a source in Ryanggang Province "
         "told Daily NK.", "type": "anonymous_source", "name": None},
        {"text": "The border has been closed since 2020.", "type": "self", "name": None},
    ],
}


def test_packaged_gold_set_covers_every_type() -> None:
    passages = load_attribution_gold()
    sentences = [s for p in passages for s in p.sentences]
    assert len(sentences) >= 60
    for kind in ATTRIBUTION_TYPES:
        assert sum(s.type == kind for s in sentences) >= 6, kind
    for p in passages:
        for s in p.sentences:
            assert p.text[s.start : s.end] == s.text


@pytest.mark.models
def test_tiny_gold_file_is_scored_through_the_pipeline(tmp_path: Path) -> None:
    score = evaluate_attribution(write(tmp_path / "tiny.jsonl", TINY), settings=Settings())
    assert (score.passages, score.sentences, score.unmatched) == (1, 4, 0)
    # Aliases are compared after canonicalisation: "Korean Central News Agency" is KCNA.
    assert score.type_f1 == 1.0 and score.name_f1 == 1.0, score.mistakes_text()
    assert score.by_type["state_media"].recall == 1.0
    assert "type: P 1.000 R 1.000 F1 1.000" in score.summary()
    assert score.mistakes_text() == "no mistakes"


def test_scores_count_wrong_types_names_and_missing_claims() -> None:
    passage = GoldPassage("p", None, "x", ())
    gold = [
        GoldSentence("a", 0, 1, "official", "Han Sung-woo"),
        GoldSentence("b", 0, 1, "official", "Han Sung-woo"),
        GoldSentence("c", 0, 1, "self", None),
        GoldSentence("d", 0, 1, "document", None),
    ]
    predicted = [
        Attribution("official", "Han Sung-woo"),
        Attribution("official", "Han"),  # right type, wrong name
        Attribution("official", "Han"),  # wrong type
        None,  # no claim covers it
    ]
    score = score_attribution(zip([passage] * 4, gold, predicted, strict=True))
    assert score.counts["official"] == (2, 3)
    assert score.by_type["official"].precision == pytest.approx(2 / 3)
    assert score.by_type["official"].recall == 1.0
    assert score.by_type["self"].recall == 0.0
    assert score.type_precision == pytest.approx(2 / 3) and score.type_recall == pytest.approx(2 / 4)
    assert score.name_precision == pytest.approx(1 / 3) and score.name_recall == pytest.approx(1 / 4)
    assert score.unmatched == 1 and len(score.mistakes) == 3
    assert "no claim" in score.mistakes_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "holds no passages"),
        ("{not json", "not JSON"),
        ('["a list"]', "not a JSON object"),
        ('{"id": "x", "text": "A b c."}', "non-empty sentences list"),
        ('{"id": "x", "text": "A b c.", "sentences": [{"text": "A b c.", "type": "rumour"}]}', "use one of"),
        ('{"id": "x", "text": "A b c.", "sentences": [{"text": "Z.", "type": "self"}]}', "not in the passage text"),
        ('{"id": "x", "text": "A b c.", "sentences": [{"text": "A b c.", "type": "self", "name": "Me"}]}',
         "set name to null"),
    ],
)
def test_bad_gold_files_say_what_to_do(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DatasetError, match=message):
        load_attribution_gold(path)


def test_missing_gold_file_and_duplicate_ids(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="leave the path out"):
        load_attribution_gold(tmp_path / "absent.jsonl")
    with pytest.raises(DatasetError, match="appears twice"):
        load_attribution_gold(write(tmp_path / "dup.jsonl", TINY, TINY))
