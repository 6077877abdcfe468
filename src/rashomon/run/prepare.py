"""Reading and cleaning the inputs in a forked process while this one loads spaCy.

Before the analysis starts, this process loads spaCy and builds the tables its workers share
(places, name romanisation), and the inputs are read and cleaned: on 300 ECB+ documents 1.8,
0.9 and 0.7 s (py3langid's model, when an article needs it, among the last), one after the
other on one core while the other idles. Where workers are forked (Linux) and more than one
may run, a child process reads and cleans the inputs and builds the tables while this one
runs ``meanwhile`` (loading spaCy), then hands back the cleaned stream and the tables,
pickled (unpickling the tables costs a fifth of building them). Otherwise everything runs
here, one step after the other. Either way the same items come back, in the same order.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection

from rashomon.clean import clean_articles
from rashomon.heap import collector_paused
from rashomon.ingest import drop_duplicates
from rashomon.records import Article, Skipped
from rashomon.run.executor import forks_workers, worker_count
from rashomon.run.parallel import adopt_tables, built_tables
from rashomon.run.progress import Progress
from rashomon.settings import Settings

log = logging.getLogger(__name__)

Cleaned = list[Article | Skipped]


def read_and_clean(
    items: Iterable[Article | Skipped],
    *,
    settings: Settings,
    progress: Progress,
    meanwhile: Callable[[], object],
    stage_times: dict[str, float] | None = None,
) -> Cleaned:
    """The cleaned stream of ``items`` (duplicates turned into ``Skipped``), in order, with
    ``meanwhile()`` run in this process: while a forked child reads and cleans, where one
    may (see the module's doc), else after reading and cleaning here. Reading and cleaning
    are timed as ``read+clean`` in ``stage_times``."""
    if not reads_ahead(settings):
        started = time.perf_counter()
        cleaned = _clean(items, settings=settings, progress=progress)
        _add(stage_times, "read+clean", time.perf_counter() - started)
        meanwhile()
        return cleaned
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    # Forked: the child reads ``items`` (a stream, often a generator) as this process would.
    child = context.Process(target=_child, args=(items, settings, progress, send), name="rashomon-read", daemon=True)
    child.start()
    send.close()
    message = None
    try:
        meanwhile()
        # The stream and the tables come back as new objects, acyclic: nothing for the
        # collector to find.
        with collector_paused():
            message = receive.recv()
    except EOFError:
        raise RuntimeError(f"the process reading the inputs ended abruptly (exit code {child.exitcode})") from None
    finally:
        receive.close()
        if message is None:
            child.terminate()  # this process stops (an error, Ctrl-C): so does its reader
        child.join()
    if message[0] == "failed":
        raise message[1]
    _, cleaned, tables, seconds = message
    adopt_tables(tables)
    _add(stage_times, "read+clean", seconds)
    return cleaned


def reads_ahead(settings: Settings) -> bool:
    """Whether inputs are read and cleaned in a forked child: where workers are forked and the
    run may use more than one process (``run.workers`` 1 keeps everything in this one)."""
    return worker_count(settings.run.workers, 2, chunk_size=1, min_items=2) > 1 and forks_workers()


def _clean(items: Iterable[Article | Skipped], *, settings: Settings, progress: Progress) -> Cleaned:
    stream = progress.over("reading and cleaning", clean_articles(items, settings=settings.clean), unit="input")
    return list(drop_duplicates(stream))


def _child(items: Iterable[Article | Skipped], settings: Settings, progress: Progress, send: Connection) -> None:
    # Ctrl-C is the parent's to handle: it ends this process when it stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's heap (its imports) is no garbage to look for here.
    gc.freeze()
    message: tuple
    try:
        started = time.perf_counter()
        cleaned = _clean(items, settings=settings, progress=progress)
        seconds = time.perf_counter() - started
        message = ("done", cleaned, built_tables(), seconds)
    except Exception as exc:  # noqa: BLE001 - raised again in the parent
        message = ("failed", exc)
    try:
        send.send(message)
    except Exception as exc:  # noqa: BLE001 - e.g. an exception that cannot be pickled
        send.send(("failed", RuntimeError(f"reading and cleaning the inputs failed: {type(exc).__name__}: {exc}")))
    finally:
        send.close()


def _add(stage_times: dict[str, float] | None, name: str, seconds: float) -> None:
    if stage_times is not None:
        stage_times[name] = stage_times.get(name, 0.0) + seconds
