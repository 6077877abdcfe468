"""Opening a corpus store: one DuckDB file, its schema created, checked or migrated.

DuckDB lets one process write a file at a time (other processes, readers included, are
refused while it does); several processes may read it at once. An open that is refused says
so and what to do, as do a missing file, a file that is no store and a store of another
version.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from rashomon.errors import StoreError, StoreVersionError
from rashomon.records import RECORDS_READABLE, RECORDS_SCHEMA
from rashomon.store import schema

DEFAULT_DB = Path("rashomon.duckdb")


class Store:
    """An open store: its path and one DuckDB connection (``con``). Use it as a context
    manager, or call ``close``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.con = con
        self.path = path

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Everything written in the block is committed together, or not at all (an
        exception rolls it back and is raised on)."""
        self.con.begin()
        try:
            yield self.con
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str | Path, *, create: bool = False, read_only: bool = False) -> Store:
    """The store in the file ``db``: created empty when it does not exist and ``create``,
    migrated when it is of an older schema version. ``read_only`` opens it for reading only
    (other readers may open it too). Raises ``StoreError`` when it does not exist (and is not
    to be created), is in use by another process or is no rashomon store, and
    ``StoreVersionError`` when its version cannot be used here."""
    path = Path(db)
    shown = os.fspath(db)
    if not path.exists():
        if not create:
            raise StoreError(
                f"there is no store {shown}: create one with rashomon ingest PATH... --db {shown}"
            )
        if not path.parent.is_dir():
            raise StoreError(f"cannot create the store {shown}: there is no folder {path.parent}")
        read_only = False
    elif path.is_dir():
        raise StoreError(f"{shown} is a folder, not a store file: give a file with --db")
    con = _connect(path, shown, read_only=read_only)
    try:
        version = schema.stored_version(con)
        if version is None:
            empty = not con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]
            if not (create and empty):
                raise StoreError(
                    f"{shown} is a DuckDB database but not a rashomon store: give another --db"
                )
            with Store(con, path).transaction():
                schema.create_schema(con, records_schema=RECORDS_SCHEMA)
            version = schema.SCHEMA_VERSION
        schema.check_version(version, path=shown)
        if version < schema.SCHEMA_VERSION:
            if read_only:  # migrate through a writing connection, then read as asked
                con.close()
                open_store(path, read_only=False).close()
                return open_store(path, read_only=True)
            with Store(con, path).transaction():
                schema.migrate(con, version)
        store = Store(con, path)
        records = store.meta("records_schema")
        if records not in {str(shape) for shape in RECORDS_READABLE}:
            raise StoreVersionError(
                f"{shown} holds records of shape {records}, this rashomon reads shape "
                f"{RECORDS_SCHEMA}: ingest the inputs again into a new store (--db NEW_FILE)"
            )
    except BaseException:
        con.close()
        raise
    return store


def _connect(path: Path, shown: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(os.fspath(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = re.search(r"PID (\d+)", message)
            raise StoreError(
                f"{shown} is in use by another process{f' (PID {pid[1]})' if pid else ''}: "
                "wait for it to finish and try again"
            ) from None
        if "not a valid DuckDB database" in message:
            raise StoreError(f"{shown} is not a rashomon store (not a DuckDB database file): "
                             "give another --db") from None
        raise StoreError(f"cannot open the store {shown}: {message}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store {shown}: {exc}") from None
