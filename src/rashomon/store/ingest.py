"""``ingest``: add articles to a corpus store, batch by batch, each batch in one transaction.

An ``ingest_runs`` row records each call: when it started and finished, its paths, counts and
skipped inputs, and how it ended (done; failed, with the error; interrupted, for a run stopped
by Ctrl-C, or killed: a later ingest marks a run it finds still "running" so).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.records import Article, RunWarning, Skipped, to_dict
from rashomon.run.progress import progress_for
from rashomon.settings import Settings
from rashomon.store.articles import link_versions, stored_path, write_articles
from rashomon.store.connection import DEFAULT_DB, Store, open_store
from rashomon.sources import SourceRegistry
from rashomon.store.pins import Pins, pinned_sources_file, pins_for, write_pins
from rashomon.store.schema import json_text
from rashomon.store.stories import assign_stories, backfill_vectors

DEFAULT_BATCH_SIZE = 200  # articles analyzed and committed together


@dataclass
class IngestResult:
    """What one ingest did. ``new``: ids of the articles stored; ``already_stored``: paths of
    the inputs whose article the store held already (the same id, or the same file bytes or
    JSON record); ``skipped``: inputs that are no article, with the reason (as ``analyze``
    gives them); ``stories_rebuilt``: ids of the stories built or built again; ``stories``:
    stories in the store afterwards; ``warnings``: analyses and story steps that failed."""

    run: int
    new: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories_rebuilt: list[str] = field(default_factory=list)
    stories: int = 0
    warnings: list[RunWarning] = field(default_factory=list)
    seconds: float = 0.0
    # Stopped by Ctrl-C (SIGINT) after the batch under way was stored; the rest was not read.
    interrupted: bool = False


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path = DEFAULT_DB,
    manifest: str | Path | None = None,
    sources: str | Path | None = None,
    settings: Settings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
) -> IngestResult:
    """Add the articles under ``paths`` to the store ``db`` (created if missing).

    Inputs are read and cleaned as ``analyze`` reads them (``manifest``: per-file metadata).
    An article the store holds already is not cleaned or analyzed again (``already_stored``):
    ingesting the same files again changes nothing but the log of runs. New articles are analyzed and
    stored ``batch_size`` at a time; each batch finds its stories and copy links among the
    stored articles near it, without a scan of the corpus
    (``rashomon.store.stories.assign_stories``), and the stories whose members or copy links
    changed are built again. Each batch is one
    transaction: a failure or a kill mid-batch leaves the store as it was before that batch,
    batches before it stay stored, and the error is raised on.

    ``sources`` (a registry file, as for ``analyze``) and the settings fingerprint are pinned
    by the first batch; later ingests use the stored registry and must use the same settings
    (``StoreError`` says what to do otherwise). Raises ``InputError``/``ManifestError`` for
    bad paths or manifest before anything is stored, ``StoreError`` for a store that cannot
    be used.
    """
    from rashomon.ingest import read_inputs

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    settings = settings or Settings()
    # The registry file, given or stored, is metadata even where it lies among the inputs.
    registry_file = sources or pinned_sources_file(db)
    items = read_inputs(paths, manifest=manifest, settings=settings.ingest, fetch=settings.fetch,
                        exclude=[registry_file] if registry_file else ())
    with open_store(db, create=True) as store:
        pins, unpinned = pins_for(store, fingerprint=settings.fingerprint(), sources=sources)
        registry = pins.registry()
        run = _start_run(store, paths, manifest=manifest, pins=pins)
        result = IngestResult(run=run)
        manifest_path = str(Path(manifest).resolve()) if manifest is not None else None
        shown = progress_for(progress)
        sizes = _file_sizes(paths) if shown.enabled else {}
        try:
            with (
                _stop_after_batch() as stop,
                # How much of the input files is read gives the time left; how many articles
                # they hold is not known while they stream (a JSON Lines file or a web archive
                # holds many).
                shown.stage("read", total=sum(sizes.values()) or None, unit="B", scale=True) as read,
                shown.stage("stored", unit="article") as stored,
            ):
                for batch in _batches(_counting_bytes(items, read, sizes), store, result, settings=settings,
                                      size=batch_size):
                    articles, warnings = _analyze(batch, settings=settings, registry=registry, progress=progress)
                    with store.transaction() as con:
                        if unpinned:
                            write_pins(con, pins, run=run)
                        # (A store migrated from schema 1 gets its vectors first, once.)
                        backfill_vectors(con, settings=settings, fingerprint=pins.fingerprint)
                        write_articles(con, articles, warnings, run=run, fingerprint=pins.fingerprint,
                                       manifest=manifest_path)
                        link_versions(con, articles, run=run)
                        assign_stories(con, articles, settings=settings, registry=registry,
                                       fingerprint=pins.fingerprint, run=run)
                        con.execute("UPDATE ingest_runs SET new = new + ? WHERE id = ?", [len(articles), run])
                    unpinned = False
                    result.new += [a.id for a in articles]
                    result.warnings += warnings
                    stored(len(articles))  # (a count and a rate: how many are to come is not known)
                    if stop.is_set():
                        result.interrupted = True
                        break
        except BaseException as exc:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            _finish_run(store, run, result, status=status, error=f"{type(exc).__name__}: {exc}")
            raise
        _finish_run(store, run, result, status="interrupted" if result.interrupted else "done",
                    error="stopped by Ctrl-C after a batch" if result.interrupted else None)
        result.warnings += _story_warnings(store, result.stories_rebuilt)
        result.stories = store.con.execute("SELECT count(*) FROM stories").fetchone()[0]
    result.seconds = time.perf_counter() - started
    return result


@contextlib.contextmanager
def _stop_after_batch() -> Iterator[threading.Event]:
    """While ingesting: a first Ctrl-C (SIGINT) asks to stop once the batch under way is
    stored (the event is set, and a line on stderr says so); a second one stops at once, the
    batch under way rolled back. Only in the main thread, where Python delivers signals."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def ask(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print("rashomon: stopping after the batch under way is stored (Ctrl-C again to stop now)",
              file=sys.stderr, flush=True)

    previous = signal.signal(signal.SIGINT, ask)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _file_sizes(paths: Sequence[str | Path]) -> dict[str, int]:
    """The size of each input file under ``paths``, by the path inputs are shown under."""
    from rashomon.ingest.discover import Source, discover

    sizes = {}
    for source in discover(paths):
        if isinstance(source, Source) and source.path is not None:
            with contextlib.suppress(OSError):
                sizes[source.display] = source.path.stat().st_size
    return sizes


def _counting_bytes(
    items: Iterable[Article | Skipped], advance: Callable[[int], None], sizes: dict[str, int]
) -> Iterator[Article | Skipped]:
    """``items`` as they come; a file's ``sizes`` bytes are counted as read once an input from
    a later file comes (``file.jsonl#3`` is from ``file.jsonl``), and the last file's at the
    end."""
    current: str | None = None
    for item in items:
        file = item.path.split("#", 1)[0]
        if file != current:
            if current is not None:
                advance(sizes.get(current, 0))
            current = file
        yield item
    if current is not None:
        advance(sizes.get(current, 0))


def _batches(
    items: Iterable[Article | Skipped], store: Store, result: IngestResult, *, settings: Settings, size: int
) -> Iterator[list[Article]]:
    """The cleaned new articles of ``items`` in lists of ``size``; articles the store holds
    go to ``result.already_stored`` (before cleaning: they are not cleaned again), skipped
    inputs to ``result.skipped``."""
    from rashomon.clean import clean_articles
    from rashomon.ingest import drop_duplicates

    def unseen() -> Iterator[Article | Skipped]:
        # An input read from the same content as one met earlier in this run is passed on
        # whatever the batches, for drop_duplicates to skip as "identical to" that one.
        met: set[str | None] = set()
        for item in items:
            if isinstance(item, Article):
                if not {item.id, item.raw_digest} & met and stored_path(store.con, item) is not None:
                    result.already_stored.append(item.path)
                    continue
                met |= {item.id, item.raw_digest} - {None}
            yield item

    batch: list[Article] = []
    for item in drop_duplicates(clean_articles(unseen(), settings=settings.clean)):
        if isinstance(item, Skipped):
            result.skipped.append(item)
            continue
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analyze(
    batch: list[Article], *, settings: Settings, registry: SourceRegistry, progress: bool
) -> tuple[list[Article], list[RunWarning]]:
    """The batch analyzed (the analyze stage of ``analyze``), in (path, id) order, and the
    warnings of the analyses that failed."""
    from rashomon.run.parallel import analyze_in_workers

    batch = sorted(batch, key=lambda a: (a.path, a.id))
    warnings: list[RunWarning] = []
    with progress_for(progress).stage("analyzing", total=len(batch)) as advance:
        articles = analyze_in_workers(batch, settings=settings, registry=registry, warnings=warnings, done=advance)
    return articles, warnings


def _start_run(store: Store, paths: Sequence[str | Path], *, manifest: str | Path | None, pins: Pins) -> int:
    """Log a new run (committed at once) and mark runs left "running" by a process that was
    killed as "interrupted" (the store is this process's alone while it writes)."""
    with store.transaction() as con:
        con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        run = con.execute("SELECT coalesce(max(id), 0) + 1 FROM ingest_runs").fetchone()[0]
        con.execute(
            "INSERT INTO ingest_runs (id, started, status, cwd, paths, manifest, sources, "
            "settings_fingerprint) VALUES (?, ?, 'running', ?, ?, ?, ?, ?)",
            [run, _now(), os.getcwd(), json_text([os.fspath(p) for p in paths]),
             os.fspath(manifest) if manifest is not None else None, pins.sources_path, pins.fingerprint],
        )
    return run


def _finish_run(store: Store, run: int, result: IngestResult, *, status: str, error: str | None = None) -> None:
    """Close the run's row; ``result.stories_rebuilt``: the stored stories the run built
    (a story one batch built may have merged into another with the next)."""
    result.stories_rebuilt = [
        row[0] for row in store.con.execute("SELECT id FROM stories WHERE rebuilt_run = ? ORDER BY id", [run]).fetchall()
    ]
    with store.transaction() as con:
        con.execute(
            "UPDATE ingest_runs SET finished = ?, status = ?, error = ?, already_stored = ?, "
            "skipped = ?, stories_rebuilt = ?, skipped_inputs = ? WHERE id = ?",
            [_now(), status, error, len(result.already_stored), len(result.skipped),
             len(result.stories_rebuilt), json_text(to_dict(result.skipped)), run],
        )


def _story_warnings(store: Store, story_ids: Sequence[str]) -> list[RunWarning]:
    from rashomon.store.stories import read_story

    warnings: list[RunWarning] = []
    for story_id in story_ids:
        stored = read_story(store.con, story_id)
        if stored is not None:  # (a story rebuilt by one batch may be gone after the next)
            warnings += stored.warnings
    return warnings


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
