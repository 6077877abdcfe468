"""Changed versions of an article (same url, new text), with stand-ins for the models: stored
as a new version linked to the one before, counted once in its story, shown by the listing."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.store import ingest, list_stories, open_store, story_report
from rashomon.store.stories import with_versions

from .test_ingest_logic import BRIDGE, FOOTBALL, members, write

URL = "https://news.example/bridge"
UPDATE = BRIDGE.replace("four lanes", "six lanes").replace("three years", "four years")


def _manifest(folder: Path, rows: dict[str, str]) -> Path:
    lines = ["path,outlet,url"] + [f"{name},Daily,{url}" for name, url in rows.items()]
    return write(folder / "manifest.csv", "\n".join(lines) + "\n")


def _rows(db: Path, query: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_a_changed_text_at_the_same_url_is_a_new_version_counted_once(
    tmp_path: Path, stand_ins: list[list[str]]
) -> None:
    db = tmp_path / "s.duckdb"
    first = ingest([write(tmp_path / "a" / "bridge.txt", BRIDGE), write(tmp_path / "a" / "football.txt", FOOTBALL)],
                   db=db, manifest=_manifest(tmp_path / "a", {"bridge.txt": URL, "football.txt": URL + "-football"}))
    again = ingest([tmp_path / "a" / "bridge.txt"], db=db, manifest=tmp_path / "a" / "manifest.csv")
    assert again.new == [] and len(again.already_stored) == 1  # the same text: nothing new
    second = ingest([write(tmp_path / "b" / "bridge.txt", UPDATE)], db=db,
                    manifest=_manifest(tmp_path / "b", {"bridge.txt": URL}))
    old = next(i for i in first.new if i not in _football(db))
    (new,) = second.new
    assert _rows(db, "SELECT article, previous FROM article_versions") == [(new, old)]
    # both versions stay stored; the old one counts as a copy of the new one
    assert _rows(db, "SELECT count(*) FROM articles") == [(3,)]
    assert _rows(db, f"SELECT original FROM copy_links WHERE article = '{old}'") == [(new,)]
    assert [ids for ids in members(db).values() if new in ids] == [sorted([old, new])]
    listing = {s.articles: s for s in list_stories(db=db)}
    assert listing[2].superseded == 1 and listing[1].superseded == 0
    shown = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert shown.exit_code == 0 and "2 (1 old version)" in shown.output
    # the report of the story has both, the old one as a copy of the new one
    report = story_report(listing[2].id, db=db)
    assert {a.id: a.copy_of for a in report.articles} == {old: new, new: None}
    # a third version supersedes the second; the first then counts as a copy of the third
    third = ingest([write(tmp_path / "c" / "bridge.txt", UPDATE.replace("Monday", "Tuesday"))], db=db,
                   manifest=_manifest(tmp_path / "c", {"bridge.txt": URL}))
    (newest,) = third.new
    assert sorted(_rows(db, "SELECT article, previous FROM article_versions")) == sorted([(new, old), (newest, new)])
    assert dict(_rows(db, "SELECT article, original FROM copy_links")) == {old: newest, new: newest}


def _football(db: Path) -> set[str]:
    return {r[0] for r in _rows(db, f"SELECT id FROM articles WHERE url = '{URL}-football'")}


def test_versions_override_copy_links_within_a_chain() -> None:
    # find_copies made the new version a copy of the older (earlier published) one; another
    # outlet's copy of the old version follows it to the newest
    links = {"v2": "v1", "other": "v1"}
    assert with_versions(links, {"v1": "v2"}) == {"v1": "v2", "other": "v2"}
    # the newest version itself a copy of a wire story: the old one points at the wire story
    assert with_versions({"v2": "wire"}, {"v1": "v2"}) == {"v2": "wire", "v1": "wire"}
    assert with_versions({"x": "y"}, {}) == {"x": "y"}


def test_a_version_2_store_gets_its_versions_from_shared_urls(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    db = tmp_path / "s.duckdb"
    ingest([write(tmp_path / "a" / "bridge.txt", BRIDGE)], db=db, manifest=_manifest(tmp_path / "a", {"bridge.txt": URL}))
    ingest([write(tmp_path / "b" / "bridge.txt", UPDATE)], db=db, manifest=_manifest(tmp_path / "b", {"bridge.txt": URL}))
    links = _rows(db, "SELECT article, previous FROM article_versions")
    con = duckdb.connect(str(db))  # as schema version 2 left it
    con.execute("DROP TABLE article_versions")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with open_store(db) as store:
        assert store.meta("schema_version") == "3"
        assert store.con.execute("SELECT article, previous FROM article_versions").fetchall() == links


def test_the_report_of_a_newer_version_says_what_changed(tmp_path: Path, stand_ins: list[list[str]]) -> None:
    from rashomon.report.html import render_html
    from rashomon.report.json import report_dict
    from rashomon.report.markdown import render_markdown

    db = tmp_path / "s.duckdb"
    (old,) = ingest([write(tmp_path / "a" / "bridge.txt", BRIDGE)], db=db,
                    manifest=_manifest(tmp_path / "a", {"bridge.txt": URL})).new
    (new,) = ingest([write(tmp_path / "b" / "bridge.txt", UPDATE)], db=db,
                    manifest=_manifest(tmp_path / "b", {"bridge.txt": URL})).new
    (story,) = [s.id for s in list_stories(db=db)]
    report = story_report(story, db=db)
    articles = {a.id: a for a in report.articles}
    change = articles[new].changed_from
    assert articles[old].changed_from is None and change is not None and change.previous == old
    # One sentence changed (four lanes, three years -> six lanes, four years); the others stay.
    assert [len(change.removed), len(change.added)] == [1, 1]
    assert "four lanes" in change.removed[0] and "six lanes" in change.added[0]
    shown = render_markdown(report)
    assert f"Updated version of {old}: 1 sentence removed, 1 added." in shown
    assert "~~" + change.removed[0] + "~~" in shown and "**" + change.added[0] + "**" in shown
    assert f"Updated version of {old}" in render_html(report)
    data = report_dict(report)
    assert next(a for a in data["articles"] if a["id"] == new)["changed_from"]["previous"] == old


def test_version_change_compares_sentence_by_sentence() -> None:
    from rashomon.records import Article
    from rashomon.store.articles import version_change

    before = Article(id="v1", path="a", text="One fleet sailed. It had 12 trawlers.\nThe port was busy.")
    after = Article(id="v2", path="a", text="One fleet sailed.  It had 21 trawlers. The port was busy.\nCrews cheered.")
    change = version_change(before, after)
    assert (change.previous, change.removed, change.added) == (
        "v1", ["It had 12 trawlers."], ["It had 21 trawlers.", "Crews cheered."]
    )
    assert version_change(before, before).removed == [] == version_change(before, before).added
