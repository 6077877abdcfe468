"""The store's schema: created on first use, its version checked, older versions migrated,
and a file that is no store (or is in use) refused with what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from rashomon.errors import RashomonError, StoreError, StoreVersionError
from rashomon.records import RECORDS_SCHEMA
from rashomon.store import open_store
from rashomon.store import schema


def test_a_new_store_has_every_table_and_its_version(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with open_store(db, create=True) as store:
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert tables == set(schema.TABLES)
        assert store.meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert store.meta("records_schema") == str(RECORDS_SCHEMA)
    with open_store(db, read_only=True) as store:  # opens again as it is
        assert store.meta("schema_version") == str(schema.SCHEMA_VERSION)


def _set_version(db: Path, version: int) -> None:
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()


def test_a_newer_store_is_refused_with_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "newer.duckdb"
    open_store(db, create=True).close()
    _set_version(db, schema.SCHEMA_VERSION + 1)
    for read_only in (False, True):
        with pytest.raises(StoreVersionError, match="newer than this rashomon reads") as error:
            open_store(db, read_only=read_only)
        assert "upgrade rashomon" in str(error.value)
    assert issubclass(StoreVersionError, RashomonError)


def test_an_older_store_without_a_migration_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "older.duckdb"
    open_store(db, create=True).close()
    _set_version(db, 0)
    with pytest.raises(StoreVersionError, match="no migration from schema 0") as error:
        open_store(db)
    assert "new store (--db NEW_FILE)" in str(error.value)


def test_an_older_store_is_migrated_when_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "older.duckdb"
    open_store(db, create=True).close()
    steps: list[int] = []
    current = schema.SCHEMA_VERSION

    def add_column(con: duckdb.DuckDBPyConnection) -> None:
        steps.append(1)
        con.execute("ALTER TABLE stories ADD COLUMN summary VARCHAR")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {current: add_column})
    with open_store(db, read_only=True) as store:  # a reader migrates it too
        assert store.meta("schema_version") == str(current + 1)
        columns = {r[0] for r in store.con.execute("DESCRIBE stories").fetchall()}
    assert "summary" in columns and steps == [1]
    open_store(db).close()
    assert steps == [1]  # once


def test_a_failed_migration_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "older.duckdb"
    open_store(db, create=True).close()
    current = schema.SCHEMA_VERSION

    def half_done(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("ALTER TABLE stories ADD COLUMN summary VARCHAR")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(schema, "MIGRATIONS", {current: half_done})
    with pytest.raises(RuntimeError):
        open_store(db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(current),)
    assert "summary" not in {r[0] for r in con.execute("DESCRIBE stories").fetchall()}
    con.close()


def test_records_of_another_shape_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "records.duckdb"
    open_store(db, create=True).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'records_schema'")
    con.close()
    with pytest.raises(StoreVersionError, match=f"records of shape 1, this rashomon reads shape {RECORDS_SCHEMA}"):
        open_store(db)


def test_what_is_no_store_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="there is no store .*create one with rashomon ingest"):
        open_store(tmp_path / "missing.duckdb")
    assert not (tmp_path / "missing.duckdb").exists()
    with pytest.raises(StoreError, match="there is no folder"):
        open_store(tmp_path / "no" / "such.duckdb", create=True)
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not a DuckDB database file"):
        open_store(text, create=True)
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="a DuckDB database but not a rashomon store"):
        open_store(other, create=True)
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_a_store_in_use_by_another_process_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    open_store(db, create=True).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); "
         "print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match=r"in use by another process \(PID \d+\): wait for it"):
            open_store(db)
    finally:
        holder.kill()
        holder.wait()
    open_store(db).close()  # free again once it is gone


def test_records_of_an_older_shape_that_only_lacks_fields_are_read(tmp_path: Path) -> None:
    # Shape 3 lacks the timeline fields of shape 4 (issue 11), which have defaults.
    db = tmp_path / "records.duckdb"
    open_store(db, create=True).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '3' WHERE key = 'records_schema'")
    con.close()
    with open_store(db, read_only=True) as store:
        assert store.meta("records_schema") == "3"
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '2' WHERE key = 'records_schema'")
    con.close()
    with pytest.raises(StoreVersionError, match=f"records of shape 2, this rashomon reads shape {RECORDS_SCHEMA}"):
        open_store(db)
