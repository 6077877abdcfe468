"""Sidecar manifests: per-file metadata (outlet, published, url, language, title) in CSV or JSON.

CSV: a header row with a ``path`` column and any of the metadata columns. JSON: a list of
objects with a ``path`` key, or an object mapping each path to its fields. A path is relative
to the manifest's folder, absolute, or a bare file name (then it also matches a file of that
name anywhere among the inputs, if only one row names it); ``file.jsonl#3`` addresses one
record of a JSON Lines file. Manifest values override metadata found in the files themselves.
A ``published`` value must be a calendar date: ISO (2024-02-20, 2024-02-20T08:00:00+09:00) or
written out ("20 February 2024"); a day that does not exist ("2024-02-30") or numbers that read
as two dates ("02/03/2024") raise ``ManifestError`` naming the file, the row and the value.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from rashomon.errors import ManifestError
from rashomon.ingest.metadata import FIELDS, log, published_date

_HINT = ("a manifest is a CSV file with a header row (path,outlet,published,url,language,title) "
         "or a JSON list of objects with a 'path' key")


class Manifest:
    """Metadata rows of one manifest file, looked up by input file (and record number)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._by_path: dict[tuple[Path, int | None], dict[str, Any]] = {}
        self._by_name: dict[tuple[str, int | None], list[dict[str, Any]]] = {}
        self._used: set[int] = set()
        rows = self._read()
        unknown = sorted({k for _, row in rows for k in row} - {"path", *FIELDS})
        if unknown:
            log.warning("manifest %s: ignoring unknown column(s) %s; known: path, %s",
                        path, ", ".join(unknown), ", ".join(FIELDS))
        base = self.path.resolve().parent
        for where, row in rows:
            name = row.get("path")
            if not isinstance(name, str) or not name.strip():
                log.warning("manifest %s, %s: no path given; row ignored", path, where)
                continue
            fields = {k: v for k, v in row.items() if k in FIELDS} | {"_where": where}
            published = fields.get("published")
            if published is not None and not (isinstance(published, str) and not published.strip()):
                fields["published"] = self._published(published, f"{where} ({name.strip()})")
            name, _, fragment = name.strip().partition("#")
            record = int(fragment) if fragment.isdigit() else None
            self._by_path[((base / name).resolve(), record)] = fields
            if os.sep not in name and "/" not in name:
                self._by_name.setdefault((name, record), []).append(fields)

    def _published(self, value: Any, where: str) -> str:
        """The ISO form of a row's publication date; a date that is not one, or that reads two
        ways, is an error: the manifest is what the user vouches for, so nothing is guessed."""
        try:
            return published_date(value)
        except ValueError as exc:
            raise ManifestError(
                f"manifest {self.path}, {where}: published {value!r} {exc}; write dates as "
                "YYYY-MM-DD or as an ISO date-time such as 2024-02-20T08:00:00+09:00"
            ) from None

    def _read(self) -> list[tuple[str, dict[str, Any]]]:
        try:
            raw = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ManifestError(f"manifest {self.path} does not exist; check the path") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ManifestError(f"cannot read manifest {self.path} ({exc}); save it as UTF-8 "
                                "text") from None
        if self.path.suffix.lower() == ".json" or raw.lstrip()[:1] in ("[", "{"):
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ManifestError(f"manifest {self.path} is not valid JSON ({exc}); {_HINT}")\
                    from None
            if isinstance(data, dict):
                data = [{"path": k, **v} if isinstance(v, dict) else v for k, v in data.items()]
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise ManifestError(f"manifest {self.path} has the wrong shape; {_HINT}")
            return [(f"entry {n}", row) for n, row in enumerate(data, 1)]
        reader = csv.DictReader(io.StringIO(raw))
        if not reader.fieldnames or "path" not in [f.strip() for f in reader.fieldnames]:
            raise ManifestError(f"manifest {self.path} has no 'path' column; {_HINT}")
        rows = []
        for row in reader:
            clean = {(k or "").strip(): (v.strip() if isinstance(v, str) else v)
                     for k, v in row.items() if k is not None}
            rows.append((f"row {reader.line_num}", clean))
        return rows

    def fields(self, file: Path, *, record: int | None = None) -> dict[str, Any]:
        """The manifest fields for ``file`` (resolved path), then for its ``record``."""
        merged: dict[str, Any] = {}
        for rec in (None, record) if record is not None else (None,):
            row = self._by_path.get((file, rec))
            if row is None:
                named = self._by_name.get((file.name, rec), [])
                row = named[0] if len(named) == 1 else None
            if row is not None:
                self._used.add(id(row))
                merged |= {k: v for k, v in row.items() if v not in (None, "")}
        return merged

    def report_unused(self) -> None:
        """Log the manifest rows that matched no input file."""
        rows = {id(r): r for r in self._by_path.values()}
        unused = [r["_where"] for key, r in rows.items() if key not in self._used]
        if unused:
            log.warning("manifest %s: %d row(s) matched no input file (%s)", self.path,
                        len(unused), ", ".join(sorted(unused)[:5]))
