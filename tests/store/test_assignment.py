"""Story assignment in a store (rashomon.store.stories): batches in any order give the stories
of one whole-corpus clustering, a batch reads its neighbourhood and not the corpus, story ids
that merge away redirect, and a store of schema version 1 is brought up to date."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from store_corpus import made_up_reports
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.cluster import cluster_stories
from rashomon.eval.store_batches import stories_in_batches
from rashomon.settings import Settings
from rashomon.store import current_story_id, ingest, open_store, story_report
from rashomon.store.schema import VECTORS_PENDING


@pytest.mark.parametrize("dated", [True, False])
def test_batches_in_any_order_give_the_stories_of_one_clustering(dated: bool) -> None:
    articles = made_up_reports(seed=3, events=16, dated=dated)
    settings = Settings()
    whole = sorted(cluster_stories(articles, settings=settings.cluster))
    assert len(whole) >= 14  # (events of one kind share words: the check is not trivial)
    for batch_size in (1, 4, 10, len(articles)):
        for seed in (1, 2):
            run = stories_in_batches(articles, settings=settings, batch_size=batch_size, seed=seed)
            assert sorted(run.stories) == whole, (batch_size, seed)


def test_a_batch_reads_its_neighbourhood_not_the_corpus() -> None:
    """Events 100 days apart (beyond the reach of the date damping): a last report, added
    alone, reads no more than the other reports of its event, with 10 or 60 events stored."""
    settings = Settings()
    for events in (10, 60):
        articles = made_up_reports(seed=5, events=events, days_between=100)
        event = str(events - 1)
        last = max(a.id for a in articles if a.path.split("/")[1] == event)
        rest = [a for a in articles if a.id != last]
        run = stories_in_batches(rest + [a for a in articles if a.id == last], settings=settings,
                                 batch_size=len(rest))
        assert len(run.assignments) == 2  # the corpus in one batch, then the last report alone
        one = run.assignments[-1]
        own_event = sum(1 for a in rest if a.path.split("/")[1] == event)
        assert 0 < one.candidates <= own_event and one.read <= own_event + 1 < len(articles) / 5
        assert run.stories == sorted(cluster_stories(articles, settings=settings.cluster))


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _event_texts() -> list[str]:
    """Three reports of one made-up event, dated the same week."""
    reports = [a for a in made_up_reports(seed=11, events=1) if True]
    return [a.text for a in reports][:3]


def _members(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT story, article FROM story_members ORDER BY story, article").fetchall()
    finally:
        con.close()
    out: dict[str, list[str]] = {}
    for story, article in rows:
        out.setdefault(story, []).append(article)
    return out


def test_a_story_whose_id_changes_redirects_to_its_new_id(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    texts = _event_texts()
    files = [_write(tmp_path / "in", f"r{n}.txt", t) for n, t in enumerate(texts)]
    scratch = tmp_path / "scratch.duckdb"
    ingest(files, db=scratch)
    con = duckdb.connect(str(scratch), read_only=True)
    ids = dict(con.execute("SELECT path, id FROM articles").fetchall())
    con.close()
    by_id = sorted(files, key=lambda f: ids[str(f)])
    db = tmp_path / "s.duckdb"
    ingest(by_id[1:], db=db)  # the two later ids first: the story takes the smaller of them
    (old,) = _members(db)
    ingest(by_id[:1], db=db)  # the earliest id joins: the story's id changes
    (new,) = _members(db)
    assert old != new and new == "s" + ids[str(by_id[0])].removeprefix("a")
    assert current_story_id(old, db=db) == new
    assert story_report(old, db=db).stories[0].id == new
    result = CliRunner().invoke(app, ["report", old, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"story {old} has merged into story {new}; reporting {new}" in result.stderr
    assert f'"id": "{new}"' in result.stdout


def test_a_version_1_store_is_migrated_and_its_vectors_filled_by_the_next_ingest(
    tmp_path: Path, stand_ins: list[list[str]]
) -> None:
    texts = _event_texts()
    db = tmp_path / "s.duckdb"
    ingest([_write(tmp_path / "a", "r0.txt", texts[0]), _write(tmp_path / "a", "r1.txt", texts[1])], db=db)
    con = duckdb.connect(str(db))  # as schema version 1 left it: no assignment tables
    for table in ("article_vectors", "salient_features", "similar_articles", "story_redirects", "article_versions"):
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with open_store(db) as store:
        assert store.meta("schema_version") == "3" and store.meta(VECTORS_PENDING) == "1"
        assert store.con.execute("SELECT count(*) FROM article_vectors").fetchall() == [(0,)]
    ingest([_write(tmp_path / "b", "r2.txt", texts[2])], db=db)
    with open_store(db, read_only=True) as store:
        assert store.meta(VECTORS_PENDING) is None
        assert store.con.execute("SELECT count(*) FROM article_vectors").fetchall() == [(3,)]
        assert store.con.execute("SELECT count(DISTINCT article) FROM similar_articles").fetchall() == [(3,)]
    assert [len(m) for m in _members(db).values()] == [3]


def test_a_failed_batch_leaves_every_table_as_before_and_ingesting_again_changes_nothing(
    tmp_path: Path, stand_ins: list[list[str]], store_snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    import rashomon.run.story as run_story

    texts = _event_texts()
    db = tmp_path / "s.duckdb"
    first = [_write(tmp_path / "a", "r0.txt", texts[0])]
    ingest(first, db=db)
    before = store_snapshot(db)
    assert all(before[t] for t in ("article_vectors", "salient_features", "story_members"))

    def fails(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("simulated failure while building a story")

    with monkeypatch.context() as patch:
        patch.setattr(run_story, "build_story", fails)
        with pytest.raises(RuntimeError):
            ingest([_write(tmp_path / "b", "r1.txt", texts[1])], db=db)
    assert store_snapshot(db) == before
    ingest(first, db=db)
    assert store_snapshot(db) == before
