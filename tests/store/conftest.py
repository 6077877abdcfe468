"""Shared inputs of the store tests: the bundled examples analyzed once and ingested into
stores once per session (the spaCy and MiniLM models load once), and stand-ins for the
analyze and per-story stages for tests of the store's own logic."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from rashomon.records import Article, Report, Story
from rashomon.run.pipeline import analyze
from rashomon.run.story import StoryResult
from rashomon.store import IngestResult, ingest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MANIFEST = EXAMPLES / "manifest.csv"
SOURCES = EXAMPLES / "sources.json"
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})

# Tables whose content is the corpus (ingest_runs is the log of calls).
CONTENT_TABLES = ("meta", "articles", "removed_spans", "analyses", "copy_links", "stories",
                  "story_members", "findings", "entities", "source_registry", "article_vectors",
                  "salient_features", "similar_articles", "story_redirects")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every content table, sorted: two equal snapshots are equal stores."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in CONTENT_TABLES}
    finally:
        con.close()


def runs(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT id, status, new, already_stored, skipped, stories_rebuilt, error "
            "FROM ingest_runs ORDER BY id"
        ).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="session")
def analyzed() -> Report:
    """``analyze`` on the bundled examples."""
    return analyze([EXAMPLES], manifest=MANIFEST, sources=SOURCES)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestResult]:
    """The bundled examples ingested in one call and one batch (tests copy it to change it)."""
    db = tmp_path_factory.mktemp("one") / "store.duckdb"
    return db, ingest([EXAMPLES], db=db, manifest=MANIFEST, sources=SOURCES)


@dataclass
class Batched:
    """The examples ingested in two calls (the first in batches of one), with a call between
    them that fails midway through its batch."""

    db: Path
    first: IngestResult
    before_failure: dict[str, list[tuple]]
    after_failure: dict[str, list[tuple]]
    failure: BaseException
    runs_after_failure: list[tuple]
    rest: IngestResult


class Boom(RuntimeError):
    pass


@pytest.fixture(scope="session")
def batched(tmp_path_factory: pytest.TempPathFactory) -> Batched:
    import rashomon.run.story as run_story

    db = tmp_path_factory.mktemp("batched") / "store.duckdb"
    half, rest = FILES[:2], FILES[2:]
    first = ingest(half, db=db, manifest=MANIFEST, sources=SOURCES, batch_size=1)
    before = snapshot(db)
    real = run_story.build_story
    calls: list[str] = []

    def fails_second_time(story_id: str, *args, **kwargs) -> StoryResult:  # noqa: ANN002, ANN003
        calls.append(story_id)
        if len(calls) == 2:  # after the batch's articles were written and a first story built
            raise Boom("simulated failure in the middle of a batch")
        return real(story_id, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(run_story, "build_story", fails_second_time)
        with pytest.raises(Boom) as failure:
            ingest(rest, db=db, manifest=MANIFEST)
    assert len(calls) == 2, "the failure was not reached"
    after = snapshot(db)
    runs_after = runs(db)
    return Batched(db, first, before, after, failure.value, runs_after,
                   ingest(rest, db=db, manifest=MANIFEST))


def _identity_analysis(articles, *, settings, registry, warnings=None) -> Iterator[Article]:  # noqa: ANN001
    yield from articles


def _bare_story(story_id: str, members, *, settings, registry, **_) -> StoryResult:  # noqa: ANN001, ANN003
    ids = sorted(a.id for a in members)
    return StoryResult(Story(id=story_id, title=f"story of {len(ids)}", articles=ids),
                       mention_keys={i: [] for i in ids})


@pytest.fixture
def stand_ins(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """No models: analysis leaves articles as cleaned, a story is its members only. Returns
    the member ids of each story built, in order."""
    import rashomon.analysis.parse as parse
    import rashomon.run.story as run_story

    built: list[list[str]] = []

    def story(story_id: str, members, **kwargs) -> StoryResult:  # noqa: ANN001, ANN003
        built.append(sorted(a.id for a in members))
        return _bare_story(story_id, members, **kwargs)

    monkeypatch.setattr(parse, "analyze_articles", _identity_analysis)
    monkeypatch.setattr(run_story, "build_story", story)
    return built


@pytest.fixture(scope="session")
def store_snapshot():  # noqa: ANN201 - the function
    """``snapshot(db)``: the content tables of a store, for comparing two stores."""
    return snapshot


@pytest.fixture(scope="session")
def store_runs():  # noqa: ANN201 - the function
    """``runs(db)``: (id, status, new, already_stored, skipped, stories_rebuilt, error) per run."""
    return runs
