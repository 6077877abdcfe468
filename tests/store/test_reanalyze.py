"""``reanalyze``, with stand-ins for the models (``stand_ins``): a store built under settings A
analyzed again under settings B ends as an ingest under B would have built it, and a failure
at any point leaves it under A with the work done kept, so that a second call resumes."""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.errors import StoreError
from rashomon.settings import Settings
from rashomon.store import ingest, reanalyze

# (the package's name ``reanalyze`` is the function, which hides the module of that name)
reanalyze_module = importlib.import_module("rashomon.store.reanalyze")

from .test_ingest_logic import BRIDGE, BRIDGE_AGAIN, FOOTBALL, HARVEST, members, write

# A cluster threshold that splits the two bridge reports: B's stories differ from A's.
B = Settings().replace({"cluster": {"threshold": 0.9}})


class Boom(RuntimeError):
    pass


def _store_under_a(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    ingest([write(tmp_path / "in" / "bridge.txt", BRIDGE), write(tmp_path / "in" / "football.txt", FOOTBALL)], db=db)
    ingest([write(tmp_path / "in2" / "bridge_again.txt", BRIDGE_AGAIN)], db=db)
    return db


def _rows(db: Path, query: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(query).fetchall(), key=repr)
    finally:
        con.close()


def _derived(db: Path) -> dict[str, list[tuple]]:
    """What the stories are made of and built into, without the run numbers."""
    return {q: _rows(db, q) for q in (
        "SELECT story, article FROM story_members",
        "SELECT * FROM copy_links",
        "SELECT article, day, keys, weights FROM article_vectors",
        "SELECT * FROM salient_features",
        "SELECT * FROM similar_articles",
        "SELECT id, title, conflicts, fingerprint, inputs, record, mention_keys FROM stories",
        "SELECT value FROM meta WHERE key = 'settings_fingerprint'",
        "SELECT article, fingerprint, analysis FROM analyses",
    )}


def test_a_store_reanalysed_under_other_settings_is_the_store_an_ingest_under_them_builds(
    tmp_path: Path, stand_ins: list[list[str]]
) -> None:
    db = _store_under_a(tmp_path)
    assert len(members(db)) == 2
    with pytest.raises(StoreError, match="run rashomon reanalyze --db"):
        ingest([write(tmp_path / "in3" / "harvest.txt", HARVEST)], db=db, settings=B)
    result = reanalyze(db=db, settings=B)
    assert (result.analyzed, result.resumed, result.switched, result.interrupted) == (3, 0, True, False)
    assert result.before == Settings().fingerprint() and result.fingerprint == B.fingerprint()
    assert _rows(db, "SELECT DISTINCT fingerprint FROM analyses") == [(B.fingerprint(),)]
    assert _rows(db, "SELECT DISTINCT fingerprint FROM stories") == [(B.fingerprint(),)]
    assert len(members(db)) == 3 == result.stories  # the bridge reports apart under B
    # the same as a store ingested under B from the start, in the same calls
    fresh = tmp_path / "fresh.duckdb"
    ingest([tmp_path / "in" / "bridge.txt", tmp_path / "in" / "football.txt"], db=fresh, settings=B)
    ingest([tmp_path / "in2" / "bridge_again.txt"], db=fresh, settings=B)
    assert _derived(db) == _derived(fresh)
    # every old story id still leads to a stored story
    stories = {s for s, in _rows(db, "SELECT id FROM stories")}
    assert all(new in stories for _, new in _rows(db, "SELECT old, new FROM story_redirects"))
    # ingest under B works now, and under A is refused
    assert len(ingest([tmp_path / "in3" / "harvest.txt"], db=db, settings=B).new) == 1
    with pytest.raises(StoreError, match="reanalyze"):
        ingest([tmp_path / "in3"], db=db)
    again = reanalyze(db=db, settings=B)
    assert (again.run, again.analyzed, again.stories) == (None, 0, 4)
    assert [r[0] for r in _rows(db, "SELECT status FROM ingest_runs")] == ["done"] * 4  # (refused ingests log no run)


def test_a_failure_during_the_analysis_leaves_the_store_under_its_settings_and_a_rerun_resumes(
    tmp_path: Path, stand_ins: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _store_under_a(tmp_path)
    before = _derived(db)
    real = reanalyze_module.write_analyses
    calls = []

    def fails_second_time(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        calls.append(1)
        if len(calls) == 2:
            raise Boom("simulated failure in the second batch")
        real(*args, **kwargs)

    monkeypatch.setattr(reanalyze_module, "write_analyses", fails_second_time)
    with pytest.raises(Boom):
        reanalyze(db=db, settings=B, batch_size=1)
    monkeypatch.setattr(reanalyze_module, "write_analyses", real)
    after = _derived(db)
    # still under A: its analyses, stories and pin as they were; one batch of B's analyses kept
    new_analyses = "SELECT article, fingerprint, analysis FROM analyses"
    assert {k: v for k, v in after.items() if k != new_analyses} == {k: v for k, v in before.items() if k != new_analyses}
    assert [r for r in after[new_analyses] if r[1] == B.fingerprint()] != []
    assert len([r for r in after[new_analyses] if r[1] == B.fingerprint()]) == 1
    assert _rows(db, "SELECT status FROM ingest_runs ORDER BY id")[-1] == ("failed",)
    # the store is usable under A meanwhile: an ingest under A adds an article...
    assert len(ingest([write(tmp_path / "in3" / "harvest.txt", HARVEST)], db=db).new) == 1
    # ...which the next reanalysis takes in with the two left
    result = reanalyze(db=db, settings=B, batch_size=1)
    assert (result.analyzed, result.resumed, result.switched) == (3, 1, True)
    assert len(_rows(db, "SELECT * FROM analyses")) == 4
    assert _rows(db, "SELECT DISTINCT fingerprint FROM analyses") == [(B.fingerprint(),)]


def test_a_failure_while_the_stories_are_built_again_rolls_the_switch_back(
    tmp_path: Path, stand_ins: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import rashomon.run.story as run_story

    db = _store_under_a(tmp_path)
    before = _derived(db)
    real = run_story.build_story

    def fails(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise Boom("simulated failure while building a story")

    monkeypatch.setattr(run_story, "build_story", fails)
    with pytest.raises(Boom):
        reanalyze(db=db, settings=B)
    after = _derived(db)
    new_analyses = "SELECT article, fingerprint, analysis FROM analyses"
    assert {k: v for k, v in after.items() if k != new_analyses} == {k: v for k, v in before.items() if k != new_analyses}
    assert len(after[new_analyses]) == 6  # A's three and B's three
    monkeypatch.setattr(run_story, "build_story", real)
    result = reanalyze(db=db, settings=B)
    assert (result.analyzed, result.resumed, result.switched, result.stories) == (0, 3, True, 3)


def test_the_reanalyze_command_says_what_it_did(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    db = _store_under_a(tmp_path)
    settings = write(tmp_path / "b.toml", "[cluster]\nthreshold = 0.9\n")
    runner = CliRunner()
    refused = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--settings", str(settings)])
    assert refused.exit_code == 2 and "rashomon reanalyze" in refused.output
    done = runner.invoke(app, ["reanalyze", "--db", str(db), "--settings", str(settings), "--quiet"])
    assert done.exit_code == 0, done.output
    assert "3 articles analyzed again; 3 stories rebuilt under " + B.fingerprint() in done.output
    again = runner.invoke(app, ["reanalyze", "--db", str(db), "--settings", str(settings)])
    assert again.exit_code == 0 and "nothing to do" in again.output
    missing = runner.invoke(app, ["reanalyze", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "there is no store" in missing.output


def test_ctrl_c_stops_the_reanalysis_after_a_batch_and_a_rerun_resumes(
    tmp_path: Path, stand_ins: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal

    import rashomon.analysis.parse as parse

    db = _store_under_a(tmp_path)
    calls: list[int] = []

    def interrupted_in_the_first_batch(articles, **kwargs):  # noqa: ANN001, ANN003, ANN202
        calls.append(1)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # as a user's Ctrl-C, while the batch is analyzed
        yield from articles

    monkeypatch.setattr(parse, "analyze_articles", interrupted_in_the_first_batch)
    stopped = reanalyze(db=db, settings=B, batch_size=1)
    assert (stopped.analyzed, stopped.switched, stopped.interrupted) == (1, False, True)
    assert _rows(db, "SELECT value FROM meta WHERE key = 'settings_fingerprint'") == [(Settings().fingerprint(),)]
    assert _rows(db, "SELECT status FROM ingest_runs ORDER BY id")[-1] == ("interrupted",)
    resumed = reanalyze(db=db, settings=B, batch_size=1)
    assert (resumed.analyzed, resumed.resumed, resumed.switched) == (2, 1, True)
