"""``read_inputs``: files and folders in, ``Article`` (raw text or HTML) or ``Skipped`` out."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rashomon.ingest.decode import Unreadable, decode, read_bytes
from rashomon.ingest.discover import Paths, Source, discover
from rashomon.ingest.manifest import Manifest
from rashomon.ingest.metadata import apply_fields
from rashomon.records import Article, Skipped
from rashomon.settings import IngestSettings


def read_inputs(
    paths: Paths,
    *,
    manifest: str | Path | None = None,
    settings: IngestSettings,
    exclude: Sequence[str | Path] = (),
) -> Iterator[Article | Skipped]:
    """Every article in ``paths`` (one file or folder or several, read recursively) in path order.

    Text (.txt, .md), HTML (.html, .htm), each optionally gzipped, and JSON (.json: one record
    or a list; .jsonl: one per line) records ``{url, outlet, title, published, language,
    text | html}``. Nothing here raises for bad input: a file or record that cannot be used
    comes out as ``Skipped`` with the reason. Only an unreadable ``manifest`` raises
    ``ManifestError``. The manifest and the files in ``exclude`` (e.g. a source registry)
    are metadata, not articles, even when they lie among the inputs.
    """
    sidecar = Manifest(manifest) if manifest is not None else None
    metadata = {Path(p).resolve() for p in exclude}
    if sidecar is not None:
        metadata.add(sidecar.path.resolve())
    seen: dict[str, str] = {}  # content hash -> the displayed path that had it first
    for item in discover(paths):
        if metadata and Path(item.display if isinstance(item, Source) else item.path).resolve() in metadata:
            continue  # the manifest or a registry, lying among the inputs
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            data = read_bytes(item.path, gz=item.gz, max_bytes=settings.max_bytes)
        except Unreadable as exc:
            yield Skipped(item.display, str(exc))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            yield Skipped(item.display, f"identical to {seen[digest]}")
            continue
        seen[digest] = item.display
        try:
            text = decode(data)
        except Unreadable as exc:
            yield Skipped(item.display, str(exc))
            continue
        file_id = "a" + digest[:10]  # content-derived: same id whatever the order or folder
        if item.kind in ("json", "jsonl"):
            yield from _records(item, text, file_id, sidecar)
        else:
            article = Article(id=file_id, path=item.display, raw=text, raw_kind=item.kind)
            if sidecar is not None:
                fields = sidecar.fields(item.path)
                apply_fields(article, fields, origin=f"manifest {fields.get('_where', '')}")
            yield article
    if sidecar is not None:
        sidecar.report_unused()


def _records(
    item: Source, text: str, file_id: str, sidecar: Manifest | None
) -> Iterator[Article | Skipped]:
    """The articles of a JSON or JSON Lines file; a bad line or record is skipped alone."""
    entries: list[tuple[int | None, Any]] = []
    if item.kind == "jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                entries.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield Skipped(f"{item.display}#{number}",
                              f"line {number} is not valid JSON ({exc.msg}); record skipped")
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Skipped(item.display, f"not valid JSON ({exc.msg} at line {exc.lineno} "
                                        f"column {exc.colno})")
            return
        if isinstance(data, list):
            entries = list(enumerate(data, 1))
        else:
            entries = [(None, data)]
    for number, record in entries:
        suffix = "" if number is None else f"#{number}"
        where = item.display + suffix
        if not isinstance(record, dict):
            yield Skipped(where, "record is not a JSON object with text or html")
            continue
        body = record.get("text")
        kind = "text"
        if not isinstance(body, str) or not body.strip():
            body, kind = record.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            yield Skipped(where, "record has no non-empty 'text' or 'html' field")
            continue
        article = Article(id=file_id + suffix, path=where, raw=body, raw_kind=kind)
        apply_fields(article, record, origin=where)
        if sidecar is not None:
            fields = sidecar.fields(item.path, record=number)
            apply_fields(article, fields, origin=f"manifest {fields.get('_where', '')}")
        yield article
