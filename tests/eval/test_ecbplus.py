from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon.errors import DatasetError
from rashomon.eval.ecbplus import evaluate_ecbplus, read_corpus
from rashomon.settings import Settings

from data_paths import ECBPLUS

needs_data = pytest.mark.skipif(
    not (ECBPLUS / "ECB+").is_dir(), reason=f"ECB+ not found at {ECBPLUS} (../shared absent)"
)


def test_missing_folder_is_a_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        evaluate_ecbplus(tmp_path / "nowhere", settings=Settings())


@needs_data
def test_reader_drops_the_url_line_of_ecbplus_documents() -> None:
    documents = read_corpus(ECBPLUS, topics=["1"])
    plus = [d for d in documents if d.id.endswith("ecbplus")]
    assert plus and all(d.story == "1/ecbplus" for d in plus)
    assert not any("http" in d.sentences[0] or "www" in d.sentences[0] for d in plus)
    assert any(d.id.endswith("ecb") for d in documents)
    # Tokens are re-joined into readable text.
    assert not any(re.search(r"\w [,.;:]( |$)", s) for d in documents for s in d.sentences)


@pytest.mark.models
@needs_data
def test_smoke_three_topics() -> None:
    scores = evaluate_ecbplus(ECBPLUS, settings=Settings(), topics=["1", "3", "4"])  # none of the reserved topics (7, 12, 20, 23, 24, 37, 41, 44)
    assert scores.gold_stories == 6
    assert scores.documents > 50
    assert scores.b3_f1 >= 0.8
    assert 0.0 <= scores.pairwise_f1 <= 1.0
