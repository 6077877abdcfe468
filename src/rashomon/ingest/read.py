"""``read_inputs``: files and folders in, ``Article`` (raw text or HTML) or ``Skipped`` out."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rashomon.errors import InputError
from rashomon.ingest.decode import Unreadable, decode, read_bytes
from rashomon.ingest.discover import (
    EMPTY_DIRECTORY,
    SUPPORTED,
    Paths,
    Source,
    discover,
    is_url,
    path_list,
)
from rashomon.ingest.manifest import Manifest
from rashomon.ingest.metadata import apply_fields
from rashomon.records import Article, Skipped
from rashomon.settings import FetchSettings, IngestSettings

if TYPE_CHECKING:
    from rashomon.ingest.web import WebReader


def read_inputs(
    paths: Paths,
    *,
    manifest: str | Path | None = None,
    settings: IngestSettings,
    fetch: FetchSettings | None = None,
    exclude: Sequence[str | Path] = (),
) -> Iterator[Article | Skipped]:
    """Every article in ``paths`` (files, folders read recursively, http(s) URLs) in path order.

    Text (.txt, .md), HTML (.html, .htm), each optionally gzipped, and JSON (.json: one record
    or a list; .jsonl: one per line) records ``{url, outlet, title, published, language,
    text | html}``; from the web (``rashomon.ingest.web``, ``rashomon.ingest.warc``): web
    archives (.warc, .warc.gz), RSS and Atom feeds (.rss, .atom, an .xml file that is a feed),
    URL lists (.urls) and URLs, fetched under the ``fetch`` settings. Bad input never raises:
    every file, every record of a JSON file or entry of a feed or line of a URL list, and
    every page record of a WARC file comes out as an ``Article`` or as ``Skipped`` with the
    reason (path ``file.jsonl#3`` for record 3; a WARC file's records that hold no page are
    counted in one ``Skipped`` entry for the file). Three things raise at the call, before
    anything is read: ``InputError`` for a named path that does not exist (or a URL that is
    not http or https) and for ``paths`` that hold no file of a supported type at all (an
    empty folder, a folder of PDFs), ``ManifestError`` for a ``manifest`` that cannot be
    read or has a bad row. The manifest and the files in ``exclude`` (e.g. a source registry)
    are metadata, not articles, even when they lie among the inputs.

    Duplicates are not decided here: each article carries ``raw_digest`` (its file's bytes or
    its record) and ``drop_duplicates``, after cleaning, skips those identical to one kept.
    """
    paths = path_list(paths)
    schemes = [os.fspath(p) for p in paths if "://" in os.fspath(p) and not is_url(os.fspath(p))
               and not os.path.exists(p)]
    if schemes:
        raise InputError(f"cannot read {', '.join(schemes)}: only http:// and https:// URLs "
                         "are fetched (nothing was read)")
    missing = [os.fspath(p) for p in paths if not is_url(os.fspath(p)) and not os.path.exists(p)]
    if missing:
        raise InputError(f"no such file or directory: {', '.join(missing)}; check the "
                         f"path{'s' if len(missing) > 1 else ''} (nothing was read)")
    sidecar = Manifest(manifest) if manifest is not None else None
    metadata = {Path(p).resolve() for p in exclude}
    if sidecar is not None:
        metadata.add(sidecar.path.resolve())
    found = discover(paths)  # less the manifest or a registry lying among the inputs:
    items = [item for item in found if not metadata or (isinstance(item, Source) and item.path is None)
             or Path(item.display if isinstance(item, Source) else item.path).resolve() not in metadata]
    if not any(isinstance(item, Source) for item in items):
        raise InputError(_nothing_to_read(paths, items, metadata_only=len(found) > len(items)))
    return _read(items, sidecar, settings, fetch or FetchSettings())


def _nothing_to_read(paths: Sequence[str | os.PathLike[str]], skipped: list, *, metadata_only: bool) -> str:
    """What to tell a user whose ``paths`` hold no article file."""
    if not paths:
        return "no input paths given; name article files or folders that hold them"
    skipped = [s for s in skipped if not s.reason.startswith(EMPTY_DIRECTORY)]  # said below
    if skipped:
        first = skipped[0]
        reason = first.reason.split("; supported:")[0]  # the list is said once, below
        what = f"{len(skipped)} file(s), none of them usable ({first.path}: {reason})"
    else:
        what = "only the manifest or sources file" if metadata_only else "no files at all"
    return (f"no article files in {', '.join(os.fspath(p) for p in paths)}: found {what}; "
            f"name files or folders that hold {SUPPORTED} files, or http(s) URLs")


def _read(
    items: list[Source | Skipped], sidecar: Manifest | None, settings: IngestSettings,
    fetch: FetchSettings,
) -> Iterator[Article | Skipped]:
    """The articles of the discovered ``items``, skipped ones passed through."""
    from rashomon.ingest.web import WebReader

    web = WebReader(fetch)
    try:
        for item in items:
            if isinstance(item, Skipped):
                yield item
            elif item.kind == "url":
                yield from web.url(item.display, path=item.display)
            elif item.kind == "warc":
                from rashomon.ingest.warc import read_warc

                yield from read_warc(item, max_bytes=settings.max_bytes,
                                     annotate=_annotator(sidecar, item))
            else:
                yield from _read_file(item, sidecar, settings, web)
    finally:
        web.close()
    if sidecar is not None:
        sidecar.report_unused()


def _read_file(
    item: Source, sidecar: Manifest | None, settings: IngestSettings, web: WebReader
) -> Iterator[Article | Skipped]:
    """The articles of one file of text, HTML, JSON, a feed or a URL list."""
    assert item.path is not None
    try:
        data = read_bytes(item.path, gz=item.gz, max_bytes=settings.max_bytes)
        if item.kind in ("feed", "xml"):  # feedparser reads the encoding the XML declares
            if not data.strip():
                raise Unreadable("empty file")
            yield from web.feed(data, path=item.display, source=item.display,
                                annotate=_annotator(sidecar, item), xml_file=item.kind == "xml")
            return
        text = decode(data)
    except Unreadable as exc:
        yield Skipped(item.display, str(exc))
        return
    if item.kind == "urls":
        yield from web.url_list(text, path=item.display, annotate=_annotator(sidecar, item))
        return
    digest = hashlib.sha256(data).hexdigest()
    file_id = "a" + digest[:10]  # content-derived: same id whatever the order or folder
    if item.kind in ("json", "jsonl"):
        yield from _records(item, text, file_id, sidecar)
    else:
        article = Article(id=file_id, path=item.display, raw=text, raw_kind=item.kind,
                          raw_digest="file:" + digest)
        if sidecar is not None:
            fields = sidecar.fields(item.path)
            apply_fields(article, fields, origin=f"manifest {fields.get('_where', '')}")
        yield article


def _annotator(sidecar: Manifest | None, item: Source) -> Callable[[Article, int], None] | None:
    """Applies the manifest row of ``item``'s record N (``file#N``) to an article read from it."""
    if sidecar is None or item.path is None:
        return None
    path = item.path

    def annotate(article: Article, number: int) -> None:
        fields = sidecar.fields(path, record=number)
        if fields:
            apply_fields(article, fields, origin=f"manifest {fields.get('_where', '')}")

    return annotate


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
            except (ValueError, RecursionError) as exc:
                yield Skipped(f"{item.display}#{number}",
                              f"line {number} is not valid JSON ({_json_problem(exc)}); "
                              "record skipped")
    else:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            yield Skipped(item.display, f"not valid JSON ({_json_problem(exc, at=True)})")
            return
        if isinstance(data, list):
            if not data:
                yield Skipped(item.display, "empty JSON array ([]): no records to read")
            entries = list(enumerate(data, 1))
        else:
            entries = [(None, data)]
    for number, record in entries:
        suffix = "" if number is None else f"#{number}"
        where = item.display + suffix
        if not isinstance(record, dict):
            yield Skipped(where, f"record is {_json_type(record)}, not a JSON object with "
                                 "'text' or 'html'")
            continue
        body = record.get("text")
        kind = "text"
        if not isinstance(body, str) or not body.strip():
            body, kind = record.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            yield Skipped(where, "record has no non-empty 'text' or 'html' field")
            continue
        article = Article(id=file_id + suffix, path=where, raw=body, raw_kind=kind,
                          raw_digest=_record_digest(record))
        apply_fields(article, record, origin=where)
        if sidecar is not None:
            fields = sidecar.fields(item.path, record=number)
            apply_fields(article, fields, origin=f"manifest {fields.get('_where', '')}")
        yield article


def _json_problem(exc: ValueError | RecursionError, *, at: bool = False) -> str:
    """What is wrong with a JSON text, in a few words (with its place when ``at``)."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg + (f" at line {exc.lineno} column {exc.colno}" if at else "")
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    return str(exc).split(";")[0]  # e.g. a number with more digits than Python converts


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else "an array"


def _record_digest(record: dict[str, Any]) -> str:
    """A digest of a JSON record's content, its keys in any order."""
    canonical = json.dumps(record, sort_keys=True)  # any depth json.loads read, it writes
    return "record:" + hashlib.sha256(canonical.encode()).hexdigest()
