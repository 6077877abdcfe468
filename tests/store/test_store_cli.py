"""The corpus commands: ingest, stories and report, on a store in a temporary folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, app
from rashomon.records import Report
from rashomon.report.json import render_json
from rashomon.report.markdown import render_markdown
from rashomon.store import story_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


@pytest.fixture
def db(examples_db, tmp_path: Path) -> Path:  # noqa: ANN001
    """A copy of the examples' store, for a test to use as it likes."""
    copy = tmp_path / "store.duckdb"
    shutil.copy(examples_db[0], copy)
    return copy


def test_ingest_prints_its_counts_and_sets_the_exit_status(tmp_path: Path, analyzed: Report) -> None:
    db = tmp_path / "new.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLES / "05_steppe_herald_dzud.txt", folder)
    (folder / "short.txt").write_text("Too short.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "1 new, 0 already stored, 1 skipped; 1 stories rebuilt (1 stories in" in result.stdout
    assert f"skipped {folder / 'short.txt'}: too short after cleaning" in result.stderr
    (folder / "short.txt").unlink()
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == EXIT_OK, result.output
    assert "0 new, 1 already stored, 0 skipped; 0 stories rebuilt (1 stories in" in result.stdout


def test_ingest_into_the_examples_store_again_stores_nothing(db: Path) -> None:
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--manifest",
                                 str(EXAMPLES / "manifest.csv")])
    assert result.exit_code == EXIT_OK, result.output
    assert "0 new, 5 already stored, 0 skipped; 0 stories rebuilt (2 stories in" in result.stdout


def test_stories_lists_a_table_or_json_and_filters(db: Path, analyzed: Report) -> None:
    ids = [s.id for s in analyzed.stories]
    result = runner.invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["STORY", "FIRST", "LAST", "ARTICLES", "OUTLETS", "CONFLICTS", "TITLE"]
    assert [line.split()[0] for line in lines[1:]] == ids
    assert lines[1].split()[1:6] == ["2025-03-13", "2025-03-24", "4", "4", "2"]
    result = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    listed = json.loads(result.stdout)
    assert [s["id"] for s in listed] == ids
    assert set(listed[0]) == {"id", "title", "articles", "outlets", "first_report", "last_report", "conflicts",
                              "superseded"}
    assert listed[1]["outlets"] == ["Steppe Herald"]

    def listed_ids(*options: str) -> list[str]:
        out = runner.invoke(app, ["stories", "--db", str(db), "--json", *options])
        assert out.exit_code == EXIT_OK, out.output
        return [s["id"] for s in json.loads(out.stdout)]

    assert listed_ids("--has-conflicts") == ids[:1]
    assert listed_ids("--outlet", "steppe herald") == ids[1:]
    assert listed_ids("--search", "LIVESTOCK") == ids[1:]
    assert listed_ids("--search", "no such words anywhere") == []
    result = runner.invoke(app, ["stories", "--db", str(db), "--outlet", "Nobody"])
    assert result.stdout == "no stories match\n"
    assert listed_ids("--source-type", "state_media") == ids[:1]  # Pyongyang Central Dispatch
    assert ids[0] in listed_ids("--since", "2025-03-20") and listed_ids("--since", "2025-04-01") == []
    result = runner.invoke(app, ["stories", "--db", str(db), "--source-type", "tabloid"])
    assert result.exit_code == 2 and "unknown source type 'tabloid'" in result.output


def test_report_writes_the_json_or_markdown_of_one_story(db: Path, analyzed: Report, tmp_path: Path) -> None:
    story = analyzed.stories[0].id
    expected = story_report(story, db=db)
    result = runner.invoke(app, ["report", story, "--db", str(db)])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == render_json(expected)
    assert json.loads(result.stdout)["schema"] == "rashomon.report/3"
    out = tmp_path / "story.md"
    result = runner.invoke(app, ["report", story, "--db", str(db), "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    assert out.read_text(encoding="utf-8") == render_markdown(expected)
    result = runner.invoke(app, ["report", story, "--db", str(db), "--format", "md"])
    assert result.stdout.startswith("# Rashomon report\n")


def test_a_missing_store_or_story_exits_2_saying_what_to_do(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    for command in (["stories", "--db", str(missing)], ["report", "s1", "--db", str(missing)]):
        result = runner.invoke(app, command)
        assert result.exit_code == EXIT_ERROR
        assert f"there is no store {missing}: create one with rashomon ingest PATH... --db {missing}" in result.stderr
    assert not missing.exists()
    result = runner.invoke(app, ["report", "s0000000000", "--db", str(db)])
    assert result.exit_code == EXIT_ERROR
    assert f"there is no story 's0000000000' in {db}: list its stories with rashomon stories --db {db}" in result.stderr
    result = runner.invoke(app, ["ingest", str(tmp_path / "nothing"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == EXIT_ERROR and "no such file or directory" in result.stderr


def test_export_writes_one_file_per_table(db: Path, analyzed: Report, tmp_path: Path) -> None:
    import duckdb

    from rashomon.store.schema import TABLES

    for fmt in ("parquet", "jsonl"):
        out = tmp_path / fmt
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert result.exit_code == EXIT_OK, result.output
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
        assert result.stdout.startswith(f"{len(TABLES)} tables written to {out}: meta.{fmt}, ")
    articles = duckdb.sql(f"SELECT id FROM '{tmp_path / 'parquet' / 'articles.parquet'}' ORDER BY id").fetchall()
    assert [row[0] for row in articles] == sorted(a.id for a in analyzed.articles)
    lines = (tmp_path / "jsonl" / "story_members.jsonl").read_text().splitlines()
    assert {json.loads(line)["story"] for line in lines} == {s.id for s in analyzed.stories}
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "there is no store" in result.output
