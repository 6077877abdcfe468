"""Stories from a corpus store fed in batches against stories clustered at once.

``stories_in_batches`` writes analyzed articles into an in-memory store batch by batch, in a
shuffled order, and assigns each batch its stories as ``ingest`` does
(``rashomon.store.stories.assign_stories``, records not built); ``batch_agreement`` scores
those stories against ``rashomon.cluster.cluster_stories`` over all the articles at once (B³,
either taken as the truth: the F1 is the same).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from rashomon.cluster import cluster_stories
from rashomon.eval.scores import b_cubed
from rashomon.records import RECORDS_SCHEMA, Article
from rashomon.settings import Settings
from rashomon.store.articles import write_articles
from rashomon.store.schema import create_schema
from rashomon.store.stories import Assignment, assign_stories


@dataclass
class BatchRun:
    """Stories of one batched run, and what each batch's assignment read."""

    stories: list[list[str]]
    assignments: list[Assignment]


def stories_in_batches(
    articles: Sequence[Article], *, settings: Settings, batch_size: int, seed: int | None = None
) -> BatchRun:
    """The stories an in-memory store holds after taking ``articles`` ``batch_size`` at a
    time (shuffled by ``seed``; in the given order when None)."""
    order = list(articles)
    if seed is not None:
        random.Random(seed).shuffle(order)
    con = duckdb.connect()
    try:
        create_schema(con, records_schema=RECORDS_SCHEMA)
        assignments = []
        for start in range(0, len(order), batch_size):
            batch = [_bare(a) for a in order[start : start + batch_size]]
            con.begin()
            write_articles(con, batch, [], run=1, fingerprint="batches", manifest=None)
            assignments.append(assign_stories(con, batch, settings=settings, registry=None,
                                              fingerprint="batches", run=1, build=False))
            con.commit()
        rows = con.execute("SELECT story, article FROM story_members ORDER BY story, article").fetchall()
    finally:
        con.close()
    stories: dict[str, list[str]] = {}
    for story, article in rows:
        stories.setdefault(story, []).append(article)
    return BatchRun(sorted(stories.values()), assignments)


def batch_agreement(
    articles: Sequence[Article], *, settings: Settings, batch_size: int, seed: int | None = None,
    at_once: Sequence[Sequence[str]] | None = None,
) -> tuple[float, BatchRun]:
    """B³ F1 between the stories of ``stories_in_batches`` and those of ``cluster_stories``
    over all ``articles`` (``at_once``, when computed already)."""
    whole = at_once if at_once is not None else cluster_stories(articles, settings=settings.cluster)
    run = stories_in_batches(articles, settings=settings, batch_size=batch_size, seed=seed)
    return b_cubed(run.stories, whole).f1, run


def _bare(article: Article) -> Article:
    """The article as an ingest stores it: no copy link yet (the store works it out)."""
    copy = Article(**{**article.__dict__, "copy_of": None})
    return copy
