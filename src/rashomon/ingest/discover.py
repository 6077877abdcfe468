"""Find the input files behind the paths a user names, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rashomon.records import Skipped

TEXT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
JSON_SUFFIXES = {".json": "json", ".jsonl": "jsonl"}
# Inputs from the web: web archives, feeds (an .xml file is read if it is a feed) and URL lists.
WEB_SUFFIXES = {".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "xml", ".urls": "urls"}
SUPPORTED = ", ".join([*TEXT_SUFFIXES, *JSON_SUFFIXES, *WEB_SUFFIXES]) + " (each optionally .gz)"


def is_url(name: object) -> bool:
    """Whether an input named on the command line is a URL to fetch (http or https)."""
    return isinstance(name, str) and name[:8].lower().startswith(("http://", "https://"))

# What a caller may name as input: one file or folder, or any number of them.
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


@dataclass(frozen=True)
class Source:
    """One input: ``display`` is the path as the user gave it (or joined under a named
    directory), ``kind`` is text, html, json, jsonl, warc, feed, xml or urls (a file) or url
    (a URL to fetch: ``display`` is the URL, ``path`` None), ``gz`` says it is
    gzip-compressed."""

    display: str
    path: Path | None
    kind: str
    gz: bool


def file_kind(name: str) -> tuple[str | None, bool, str]:
    """(kind or None, gzipped, the suffix shown in messages) for a file name."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    suffix = os.path.splitext(lower)[1]
    kind = TEXT_SUFFIXES.get(suffix) or JSON_SUFFIXES.get(suffix) or WEB_SUFFIXES.get(suffix)
    return kind, gz, (suffix + (".gz" if gz else "")) if suffix else "(no extension)"


def _walk(display: str, root: Path, skipped: dict[str, Skipped]) -> list[tuple[str, Path]]:
    """The files under ``root`` (displayed under ``display``); a folder that cannot be listed
    goes into ``skipped``."""

    def unlisted(exc: OSError) -> None:
        rel = os.path.relpath(exc.filename, root) if exc.filename else "."
        shown = display if rel == "." else os.path.join(display, rel)
        skipped[shown] = Skipped(shown, f"cannot list directory: {exc.strerror or exc}")

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = os.path.relpath(dirpath, root)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            shown = os.path.join(display, name) if rel == "." else os.path.join(display, rel, name)
            found.append((shown, Path(dirpath) / name))
    return found


EMPTY_DIRECTORY = "directory holds no files (names starting with a dot are ignored)"


def path_list(paths: Paths) -> list[str | os.PathLike[str]]:
    """``paths`` as a list: one path (a str or path-like) is a list of one, never its characters."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    return list(paths)


def discover(paths: Paths) -> list[Source | Skipped]:
    """Every input file under ``paths`` (one path or several; directories recursively,
    dot-names ignored) and every http(s) URL among them, each once, sorted by displayed path;
    unusable paths come back as ``Skipped`` in the same order."""
    candidates: dict[Path, str] = {}  # resolved path -> smallest displayed form
    skipped: dict[str, Skipped] = {}
    urls: dict[str, Source] = {}
    for given in path_list(paths):
        display = os.fspath(given)
        if is_url(display):
            urls.setdefault(display, Source(display, None, "url", False))
            continue
        path = Path(display)
        if path.is_dir():
            unlisted = len(skipped)
            files = _walk(display.rstrip("/\\") or display, path, skipped)
            if not files and len(skipped) == unlisted:
                skipped[display] = Skipped(display, EMPTY_DIRECTORY)
        elif path.is_file():
            files = [(display, path)]
        elif path.exists():
            skipped[display] = Skipped(display, "not a regular file or directory")
            continue
        else:
            skipped[display] = Skipped(display, "no such file or directory; check the path")
            continue
        for shown, file in files:
            key = file.resolve()
            if key not in candidates or shown < candidates[key]:
                candidates[key] = shown
    items: list[Source | Skipped] = [*skipped.values(), *urls.values()]
    for key, shown in candidates.items():
        kind, gz, suffix = file_kind(Path(shown).name)
        if kind is None:
            items.append(Skipped(shown, f"unsupported file type {suffix}; supported: {SUPPORTED}"))
        else:
            items.append(Source(shown, key, kind, gz))
    items.sort(key=lambda item: item.display if isinstance(item, Source) else item.path)
    return items
