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


@pytest.mark.models
def test_story_clustering_floor() -> None:
    from rashomon.eval.ecbplus import evaluate_ecbplus

    scores = evaluate_ecbplus(dataset("ecbplus"), settings=Settings())
    floor = BASELINE["ecbplus"]
    assert scores.documents == 982 and scores.gold_stories == 86
    assert scores.b3_f1 >= floor["b3_f1"], scores.summary()
    assert scores.pairwise_f1 >= floor["pairwise_f1"], scores.summary()
    # A gold story's documents grouped alike alone and with the whole corpus.
    assert scores.stable_stories >= floor["stable_stories"], scores.summary()


@pytest.mark.models
def test_quotes_floor() -> None:
    from rashomon.eval.quotes import evaluate_quotes

    score = evaluate_quotes(settings=Settings())  # the packaged gold set: never skipped
    floor = BASELINE["quotes"]
    assert score.gold >= 45
    assert score.f1 >= floor["f1"], score.summary()
    assert score.precision >= floor["precision"], score.summary()
    assert score.recall >= floor["recall"], score.summary()
    assert score.span_accuracy >= floor["span_accuracy"], score.summary()
    assert score.speaker_accuracy >= floor["speaker_accuracy"], score.summary()
    assert score.held_out is not None
    assert score.held_out.f1 >= floor["held_out_f1"], score.summary()
    assert score.held_out.speaker_accuracy >= floor["held_out_speaker_accuracy"], score.summary()


def test_romanisation_floor() -> None:
    from rashomon.eval.names import evaluate_names

    score = evaluate_names(dataset("korean-names"))
    floor = BASELINE["names"]
    assert score.recall >= floor["recall"], score.summary()
    assert score.false_merge_rate <= floor["false_merge_rate_max"], score.summary()
    assert score.given["hyphenated"] >= floor["given_hyphenated"], score.summary()
    assert score.given["joined"] >= floor["given_joined"], score.summary()


def test_person_resolution_floor() -> None:
    from rashomon.eval.ecbplus_entities import evaluate_ecbplus_entities

    scores = evaluate_ecbplus_entities(dataset("ecbplus"))
    floor = BASELINE["ecbplus_entities"]
    assert scores.documents == 982 and scores.subtopics == 86
    assert scores.system.conll_f1 >= floor["conll_f1"], scores.summary()
    assert scores.names_system.conll_f1 >= floor["names_conll_f1"], scores.summary()
    # The resolver beats the same-head-word baseline on names and on all mentions.
    assert scores.names_system.conll_f1 > scores.names_baseline.conll_f1, scores.summary()
    assert scores.system.conll_f1 > scores.baseline.conll_f1, scores.summary()


@pytest.mark.models
def test_attribution_floor() -> None:
    from rashomon.eval.attribution import evaluate_attribution

    score = evaluate_attribution(settings=Settings())  # the packaged gold set: never skipped
    floor = BASELINE["attribution"]
    assert score.sentences >= 60
    assert score.type_f1 >= floor["type_f1"], score.summary()
    assert score.type_macro_f1 >= floor["type_macro_f1"], score.summary()
    assert score.name_f1 >= floor["name_f1"], score.summary()
    for kind, f1 in floor["f1_by_type"].items():
        assert score.by_type[kind].f1 >= f1, score.summary()


@pytest.mark.models
def test_findings_on_real_news_floor() -> None:
    from rashomon.eval.findings import evaluate_findings

    scores = evaluate_findings(dataset("ecbplus"), gold=ROOT / "gold" / "findings", settings=Settings())
    floor = BASELINE["findings"]
    assert scores.subtopics == 70, scores.summary()
    for name in ("all", "dev", "held_out"):
        part, limits = getattr(scores, name), floor[name]
        assert part.conflict_recall >= limits["conflict_recall"], scores.summary()
        assert part.conflict_precision >= limits["conflict_precision"], scores.summary()
        assert part.false_alarm_rate <= limits["false_alarm_rate_max"], scores.summary()
        assert part.corroboration_precision >= limits["corroboration_precision"], scores.summary()
        assert part.corroboration_recall >= limits["corroboration_recall"], scores.summary()
        assert part.attribution_accuracy >= limits["attribution_type"], scores.summary()
        if "judged_same_share" in limits:
            assert part.judged_same_share >= limits["judged_same_share"], scores.summary()
