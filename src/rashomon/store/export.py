"""A store's tables as files, one per table, for other tools (pandas, Spark, DuckDB itself):
Parquet or JSON Lines, written by DuckDB's own ``COPY``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from rashomon.errors import StoreError
from rashomon.store.connection import DEFAULT_DB, open_store
from rashomon.store.schema import TABLES

ExportFormat = Literal["parquet", "jsonl"]
_COPY_FORMAT = {"parquet": "(FORMAT parquet)", "jsonl": "(FORMAT json)"}


def export_tables(
    *, db: str | Path = DEFAULT_DB, out: str | Path, format: ExportFormat = "parquet"
) -> list[Path]:
    """Write every table of the store ``db`` into the folder ``out`` (created if missing) as
    ``<table>.parquet`` or ``<table>.jsonl``, rows in the table's key order; the files
    written, in the schema's table order. An existing file of the same name is replaced.
    Raises ``StoreError`` for a missing store, an unknown format, or a folder that cannot be
    written."""
    if format not in _COPY_FORMAT:
        raise StoreError(f"unknown export format {format!r}; use parquet or jsonl")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder {os.fspath(out)}: {exc.strerror or exc}") from None
    written = []
    with open_store(db, read_only=True) as store:
        for table in TABLES:
            target = folder / f"{table}.{format}"
            columns = [row[0] for row in store.con.execute(f"DESCRIBE {table}").fetchall()]
            order = ", ".join(f'"{c}"' for c in columns)
            path = str(target).replace("'", "''")
            try:
                store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{path}' {_COPY_FORMAT[format]}")
            except Exception as exc:  # duckdb.IOException and kin: the folder is not writable
                raise StoreError(f"cannot write {target}: {exc}") from None
            written.append(target)
    return written
