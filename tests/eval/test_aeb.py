"""The AEB article-extraction evaluation: metric, data checks and a smoke run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.errors import DatasetError
from rashomon.eval.aeb import evaluate_aeb, score_page, shingles
from rashomon.settings import Settings

from data_paths import AEB


def test_shingles_are_lowercased_word_4grams() -> None:
    assert shingles("The cat, the HAT; the bat") == {
        ("the", "cat", "the", "hat"), ("cat", "the", "hat", "the"), ("the", "hat", "the", "bat")}
    assert shingles("Two words") == {("two", "words")}
    assert shingles(" ... ") == set()


def test_score_page() -> None:
    truth = "one two three four five six"
    assert score_page(truth, truth) == (1.0, 1.0, 1.0)
    p, r, f = score_page("one two three four five", truth)
    assert (p, r) == (1.0, 2 / 3) and f == pytest.approx(0.8)
    assert score_page("", truth) == (0.0, 0.0, 0.0)
    assert score_page("", "") == (1.0, 1.0, 1.0)


def test_missing_or_malformed_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="expected ground-truth.json and html/"):
        evaluate_aeb(tmp_path, settings=Settings())
    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": "x"}}))
    with pytest.raises(DatasetError, match="no html/<id>.html.gz"):
        evaluate_aeb(tmp_path, settings=Settings())
    (tmp_path / "ground-truth.json").write_text("[1, 2]")
    with pytest.raises(DatasetError, match="must map each page id"):
        evaluate_aeb(tmp_path, settings=Settings())


@pytest.mark.skipif(not AEB.is_dir(), reason=f"Zyte AEB data set not found at {AEB}")
def test_smoke_first_pages() -> None:
    scores = evaluate_aeb(AEB, settings=Settings(), limit=10)
    assert scores.pages == 10 and len(scores.per_page) == 10
    assert [p.id for p in scores.per_page] == sorted(p.id for p in scores.per_page)
    assert 0.8 < scores.f1 <= 1.0 and 0.0 < scores.precision <= 1.0
    assert scores.seconds_per_page > 0
