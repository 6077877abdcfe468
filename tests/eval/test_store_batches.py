"""A store fed ECB+ documents in batches, in shuffled orders, holds the stories that
clustering them all at once gives (B-cubed F1 >= 0.95; the whole corpus is in
bench/bench_store.py --agreement)."""

from __future__ import annotations

import pytest

from rashomon.cluster import cluster_stories
from rashomon.eval.ecbplus import analyze_documents, read_corpus
from rashomon.eval.store_batches import batch_agreement
from rashomon.settings import Settings

from data_paths import ECBPLUS


@pytest.mark.models
@pytest.mark.skipif(not (ECBPLUS / "ECB+").is_dir(), reason=f"ECB+ not found at {ECBPLUS} (../shared absent)")
def test_batches_of_three_ecbplus_topics_give_the_stories_clustered_at_once() -> None:
    settings = Settings()
    articles = analyze_documents(read_corpus(ECBPLUS, topics=["1", "3", "4"]), settings=settings)
    whole = cluster_stories(articles, settings=settings.cluster)
    for batch_size in (5, 20):
        for seed in (1, 2):
            f1, run = batch_agreement(articles, settings=settings, batch_size=batch_size, seed=seed, at_once=whole)
            assert f1 >= 0.95, (batch_size, seed, f1)
            assert max(a.rounds for a in run.assignments) <= 4
