"""The gold-corpus quality gate: every pinned score in tests/baseline.json holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT.parent / "shared" / "datasets"
BASELINE = json.loads((ROOT / "tests" / "baseline.json").read_text(encoding="utf-8"))


def dataset(name: str) -> Path:
    path = DATASETS / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the evaluation data lives in ../shared/datasets)")
    return path


def test_article_extraction_floor() -> None:
    from rashomon.eval.aeb import evaluate_aeb

    scores = evaluate_aeb(dataset("zyte-aeb"), settings=Settings())
    floor = BASELINE["aeb"]
    assert scores.pages == 181
    assert scores.f1 >= floor["f1"], scores.summary()
    assert scores.precision >= floor["precision"], scores.summary()
    assert scores.recall >= floor["recall"], scores.summary()


def test_story_clustering_floor() -> None:
    from rashomon.eval.ecbplus import evaluate_ecbplus

    scores = evaluate_ecbplus(dataset("ecbplus"), settings=Settings())
    floor = BASELINE["ecbplus"]
    assert scores.documents == 982 and scores.gold_stories == 86
    assert scores.b3_f1 >= floor["b3_f1"], scores.summary()
    assert scores.pairwise_f1 >= floor["pairwise_f1"], scores.summary()


def test_romanisation_floor() -> None:
    from rashomon.eval.names import evaluate_names

    score = evaluate_names(dataset("korean-names"))
    floor = BASELINE["names"]
    assert score.recall >= floor["recall"], score.summary()
    assert score.false_merge_rate <= floor["false_merge_rate_max"], score.summary()
