"""The store's own logic, with stand-ins for the models (``stand_ins``): what is new, already
stored or skipped, what is pinned, which stories are built again, and what a kill leaves."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from rashomon.errors import InputError, StoreError
from rashomon.settings import Settings
from rashomon.store import ingest, list_stories, open_store

BRIDGE = (
    "Transport Minister Ri Chol opened the new Taedong river bridge in Pyongyang on Monday, "
    "the ministry said. The bridge carries four lanes of traffic and a tram line across the "
    "river, and took three years to build. Ri Chol said the Taedong bridge would halve the "
    "time workers need to reach the eastern factories.\n"
)
BRIDGE_AGAIN = (
    "A four-lane bridge over the Taedong river opened in Pyongyang on Monday, with Transport "
    "Minister Ri Chol cutting the ribbon. The Taedong bridge, three years in the building, "
    "also carries a tram line, and Ri Chol said it would halve the commute of workers at the "
    "eastern factories.\n"
)
FOOTBALL = (
    "The national football team beat the visitors three goals to one in Saturday's qualifier "
    "at the Kim Il Sung Stadium. The striker scored twice in the second half, and the coach "
    "praised the defence for holding firm after an early penalty. The team plays its next "
    "qualifier away in two weeks.\n"
)
HARVEST = (
    "Farmers in South Hwanghae province began the rice harvest early this year after a dry "
    "and warm September, provincial officials said. Machinery stations sent extra tractors to "
    "the cooperative farms, and officials expect the yield to match last year's record crop, "
    "the provincial committee said.\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def members(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT story, article FROM story_members ORDER BY story, article").fetchall()
    con.close()
    out: dict[str, list[str]] = {}
    for story, article in rows:
        out.setdefault(story, []).append(article)
    return out


def test_new_articles_join_their_story_and_only_changed_stories_are_built(
    tmp_path: Path, stand_ins: list[list[str]], store_snapshot
) -> None:  # noqa: ANN001
    db = tmp_path / "s.duckdb"
    first = ingest([write(tmp_path / "in" / "bridge.txt", BRIDGE), write(tmp_path / "in" / "football.txt", FOOTBALL)], db=db)
    assert len(first.new) == 2 and first.stories == 2 and len(first.stories_rebuilt) == 2
    stand_ins.clear()
    second = ingest([write(tmp_path / "in2" / "bridge_again.txt", BRIDGE_AGAIN)], db=db)
    stories = members(db)
    bridge_story = next(ids for ids in stories.values() if len(ids) == 2)
    assert set(second.new) < set(bridge_story)
    assert stand_ins == [bridge_story]  # the football story kept its record
    assert second.stories == 2 and second.stories_rebuilt == [s for s, ids in stories.items() if ids == bridge_story]
    # every stored article is in exactly one story; a story whose id changed left no rows
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT article) FROM story_members").fetchone() == (3, 3)
    assert con.execute("SELECT count(*) FROM stories").fetchone() == (2,)
    con.close()
    before = store_snapshot(db)
    stand_ins.clear()
    again = ingest([tmp_path / "in", tmp_path / "in2"], db=db)
    assert (again.new, again.skipped, again.stories_rebuilt, stand_ins) == ([], [], [], [])
    assert again.already_stored == [
        str(tmp_path / "in" / "bridge.txt"), str(tmp_path / "in" / "football.txt"),
        str(tmp_path / "in2" / "bridge_again.txt"),
    ]
    assert store_snapshot(db) == before


def test_batches_of_one_give_the_stories_of_one_batch(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    folder = tmp_path / "in"
    for name, text in (("a.txt", BRIDGE), ("b.txt", FOOTBALL), ("c.txt", BRIDGE_AGAIN), ("d.txt", HARVEST)):
        write(folder / name, text)
    ingest([folder], db=tmp_path / "one.duckdb")
    ingest([folder], db=tmp_path / "many.duckdb", batch_size=1)
    assert members(tmp_path / "one.duckdb") == members(tmp_path / "many.duckdb")


def test_the_same_content_under_another_name_is_already_stored_or_identical(
    tmp_path: Path, stand_ins: list[list[str]]
) -> None:
    db = tmp_path / "s.duckdb"
    record = {"outlet": "Wire", "text": BRIDGE}
    write(tmp_path / "a.jsonl", json.dumps(record) + "\n")
    ingest([tmp_path / "a.jsonl"], db=db)
    # the same record in another file, and one file twice in a run of batches of one
    write(tmp_path / "later" / "b.jsonl", json.dumps({"text": BRIDGE, "outlet": "Wire"}) + "\n")
    write(tmp_path / "later" / "c.txt", FOOTBALL)
    write(tmp_path / "later" / "d.txt", FOOTBALL)
    result = ingest([tmp_path / "later"], db=db, batch_size=1)
    assert result.already_stored == [f"{tmp_path / 'later' / 'b.jsonl'}#1"]
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str(tmp_path / "later" / "d.txt"), f"identical to {tmp_path / 'later' / 'c.txt'}")
    ]
    assert len(result.new) == 1


def test_skipped_inputs_are_reported_and_logged_with_the_run(
    tmp_path: Path, stand_ins: list[list[str]], store_runs
) -> None:  # noqa: ANN001
    db = tmp_path / "s.duckdb"
    write(tmp_path / "in" / "short.txt", "Too short.\n")
    write(tmp_path / "in" / "bridge.txt", BRIDGE)
    result = ingest([tmp_path / "in"], db=db)
    assert [s.path for s in result.skipped] == [str(tmp_path / "in" / "short.txt")]
    assert "too short after cleaning" in result.skipped[0].reason
    assert store_runs(db) == [(1, "done", 1, 0, 1, 1, None)]
    con = duckdb.connect(str(db), read_only=True)
    logged = json.loads(con.execute("SELECT skipped_inputs FROM ingest_runs").fetchone()[0])
    con.close()
    assert logged == [{"path": result.skipped[0].path, "reason": result.skipped[0].reason}]


def test_bad_paths_are_refused_before_a_store_is_made(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        ingest([tmp_path / "missing"], db=tmp_path / "s.duckdb")
    assert not (tmp_path / "s.duckdb").exists()


def test_the_registry_and_settings_are_pinned_by_the_first_batch(
    tmp_path: Path, stand_ins: list[list[str]]
) -> None:
    db = tmp_path / "s.duckdb"
    registry = write(tmp_path / "meta" / "sources.json", json.dumps(
        {"sources": [{"name": "Wire", "kind": "wire", "aliases": ["Wire"]}]}))
    write(tmp_path / "in" / "a.txt", BRIDGE)
    write(tmp_path / "in" / "sources.json", registry.read_text(encoding="utf-8"))
    ingest([tmp_path / "in" / "a.txt"], db=db, sources=registry)
    with open_store(db, read_only=True) as store:
        assert store.con.execute("SELECT path, content FROM source_registry").fetchall() == [
            (str(registry.resolve()), registry.read_text(encoding="utf-8"))
        ]
    other = write(tmp_path / "meta" / "other.json", json.dumps({"sources": []}))
    with pytest.raises(StoreError, match="was built with the source registry .*other.json differs"):
        ingest([tmp_path / "in" / "a.txt"], db=db, sources=other)
    with pytest.raises(StoreError, match="analyzed under other settings .*--db NEW_FILE"):
        ingest([tmp_path / "in" / "a.txt"], db=db, settings=Settings().replace({"cluster": {"threshold": 0.9}}))
    # without --sources the stored registry is used (and the same file given is fine)
    write(tmp_path / "in2" / "b.txt", FOOTBALL)
    assert len(ingest([tmp_path / "in2"], db=db, sources=registry).new) == 1
    write(tmp_path / "in3" / "c.txt", HARVEST)
    assert len(ingest([tmp_path / "in3"], db=db).new) == 1


def test_the_stored_registry_file_among_the_inputs_is_not_an_article(
    tmp_path: Path, stand_ins: list[list[str]]
) -> None:
    db = tmp_path / "s.duckdb"
    write(tmp_path / "in" / "a.txt", BRIDGE)
    registry = write(tmp_path / "in" / "sources.json", json.dumps({"sources": []}))
    first = ingest([tmp_path / "in"], db=db, sources=registry)
    second = ingest([tmp_path / "in"], db=db)  # the stored registry lies among the inputs
    assert (first.skipped, second.skipped, len(second.already_stored)) == ([], [], 1)


def test_a_listing_filters_by_outlet_conflicts_and_text(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    db = tmp_path / "s.duckdb"
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in (
        {"outlet": "Daily", "published": "2024-05-02", "text": BRIDGE},
        {"outlet": "Wire", "published": "2024-05-01", "text": BRIDGE_AGAIN},
        {"outlet": "Sport", "text": FOOTBALL},
    )) + "\n")
    ingest([tmp_path / "a.jsonl"], db=db)
    stories = list_stories(db=db)
    assert [(s.articles, s.outlets, s.first_report, s.last_report, s.conflicts) for s in stories] == [
        (2, ["Daily", "Wire"], "2024-05-01", "2024-05-02", 0),
        (1, ["Sport"], None, None, 0),
    ]
    assert [s.id for s in list_stories(db=db, outlet="daily")] == [stories[0].id]
    assert [s.id for s in list_stories(db=db, search="QUALIFIER")] == [stories[1].id]
    assert list_stories(db=db, has_conflicts=True) == []
    assert list_stories(db=db, outlet="nobody") == []
    # By day of the last report (a story with no date is never "since" a day), and by the
    # kind of outlet in the store's registry ("Wire" is not a known outlet there).
    assert [s.id for s in list_stories(db=db, since=dt.date(2024, 5, 2))] == [stories[0].id]
    assert list_stories(db=db, since=dt.date(2024, 5, 3)) == []
    assert list_stories(db=db, source_type="wire") == []
    with pytest.raises(StoreError, match="unknown source type 'tabloid'; the store's registry knows: "):
        list_stories(db=db, source_type="tabloid")


def test_a_listing_filters_by_the_kind_of_outlet(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    db = tmp_path / "s.duckdb"
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in (
        {"outlet": "KCNA", "text": BRIDGE},
        {"outlet": "Daily", "text": BRIDGE_AGAIN},
        {"outlet": "Sport", "text": FOOTBALL},
    )) + "\n")
    ingest([tmp_path / "a.jsonl"], db=db)
    bridge = next(s for s in list_stories(db=db) if s.articles == 2)
    assert [s.id for s in list_stories(db=db, source_type="state_media")] == [bridge.id]


KILLED_INGEST = """
import os, signal, sys
import rashomon.analysis.parse as parse
import rashomon.run.story as run_story
from rashomon.store import ingest

def analyze(articles, **_):
    yield from articles

def build_story(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # in the middle of the batch's transaction

parse.analyze_articles = analyze
run_story.build_story = build_story
ingest([sys.argv[1]], db=sys.argv[2])
"""


def test_a_kill_in_the_middle_of_a_batch_leaves_the_store_as_before(
    tmp_path: Path, stand_ins: list[list[str]], store_snapshot, store_runs
) -> None:  # noqa: ANN001
    db = tmp_path / "s.duckdb"
    ingest([write(tmp_path / "in" / "a.txt", BRIDGE)], db=db)
    before = store_snapshot(db)
    write(tmp_path / "more" / "b.txt", FOOTBALL)
    write(tmp_path / "more" / "c.txt", HARVEST)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLED_INGEST), str(tmp_path / "more"), str(db)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert store_snapshot(db) == before
    assert [r[1] for r in store_runs(db)] == ["done", "running"]
    result = ingest([tmp_path / "in", tmp_path / "more"], db=db)
    assert (len(result.new), len(result.already_stored)) == (2, 1)
    assert [r[1] for r in store_runs(db)] == ["done", "interrupted", "done"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (3, 3)
    assert con.execute("SELECT count(*), count(DISTINCT article) FROM story_members").fetchone() == (3, 3)
    con.close()


def test_ctrl_c_stops_after_the_batch_under_way_is_stored(
    tmp_path: Path, stand_ins: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import rashomon.analysis.parse as parse

    folder = tmp_path / "in"
    for name, text in (("a.txt", BRIDGE), ("b.txt", FOOTBALL), ("c.txt", BRIDGE_AGAIN), ("d.txt", HARVEST)):
        write(folder / name, text)
    calls: list[int] = []

    def interrupted_in_the_second_batch(articles, **kwargs):  # noqa: ANN001, ANN003, ANN202
        calls.append(1)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGINT)  # as a user's Ctrl-C, while the batch is analyzed
        yield from articles

    monkeypatch.setattr(parse, "analyze_articles", interrupted_in_the_second_batch)
    db = tmp_path / "s.duckdb"
    result = ingest([folder], db=db, batch_size=1)
    assert result.interrupted and len(result.new) == 2 and len(calls) == 2
    with open_store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert store.con.execute("SELECT status FROM ingest_runs").fetchall() == [("interrupted",)]
    # Again: the stored two are skipped, the other two added.
    again = ingest([folder], db=db, batch_size=1)
    assert (len(again.already_stored), len(again.new), again.interrupted) == (2, 2, False)


def test_progress_shows_the_analysis_and_the_count_stored(
    tmp_path: Path, stand_ins: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    for name, text in (("a.txt", BRIDGE), ("b.txt", FOOTBALL), ("c.txt", HARVEST)):
        write(folder / name, text)
    ingest([folder], db=tmp_path / "s.duckdb", batch_size=2, progress=True)
    err = capsys.readouterr().err
    assert "analyzing" in err and "stored: " in err and "article/s" in err  # (tqdm shows at most every 0.1 s)
    # The input files' bytes read, against their total, give the time left ("[00:01<00:02").
    total = sum(len((folder / name).read_bytes()) for name in ("a.txt", "b.txt", "c.txt"))
    assert total < 1000  # shown unscaled
    assert "read: " in err and f"/{total} [" in err and "B/s]" in err, err  # (the first refresh at least)
    ingest([folder], db=tmp_path / "t.duckdb")
    assert capsys.readouterr().err == ""
