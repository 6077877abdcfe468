"""Reading and cleaning the inputs in a forked process while this one loads spaCy.

Before the analysis starts, this process loads spaCy and the inputs are read and cleaned,
and the places (for the analysis) and the name romanisation tables (for the per-story stage)
are built: on 300 ECB+ documents 1.8, 0.7, 0.45 and 0.4 s (py3langid's model, when an
article needs it, among the cleaning), one after the other on one core while the other
idles. Where workers are forked (Linux) and more than one may run, a child process reads and
cleans the inputs while this one loads spaCy and, for a run that forks workers (at least
``run.min_pool_articles`` articles), builds the tables, and hands them back pickled: first
the cleaned stream and the places, which the analysis needs, then the name tables, which
only the per-story stage needs and which this process takes while the analysis workers work
(unpickling costs a fifth of building them). A run in one process builds the tables it needs
where it needs them, as before. The child shows its progress on
the run's progress stream, which it can where that stream is a file (standard error). Otherwise
everything runs here, as it is asked for. Either way the same items come back, in the same
order.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Iterable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from types import TracebackType

from rashomon.clean import clean_articles
from rashomon.heap import collector_paused
from rashomon.ingest import drop_duplicates
from rashomon.records import Article, Skipped
from rashomon.run.executor import forks_workers, worker_count
from rashomon.run.parallel import analysis_workers
from rashomon.run.progress import Progress
from rashomon.settings import Settings

log = logging.getLogger(__name__)

Cleaned = list[Article | Skipped]


class ReadAhead:
    """The cleaned stream of ``items`` (duplicates turned into ``Skipped``), read in a forked
    child from the moment the block starts, where one may (``reads_ahead``)::

        with ReadAhead(items, settings=settings, progress=shown) as reader:
            ...                        # load spaCy meanwhile
            stream = reader.cleaned()  # the stream, in order; the places adopted
            ...                        # fork the analysis workers
            reader.finish()            # the name tables adopted (while the workers work)

    Without a child, ``cleaned`` reads and cleans here and ``finish`` does nothing (the tables
    are built where they are first needed). Leaving the block ends a child that is still at
    work (an error, Ctrl-C); what fails in the child is raised by ``cleaned`` or ``finish``.
    Reading and cleaning are timed as ``read+clean`` in ``stage_times``."""

    def __init__(
        self,
        items: Iterable[Article | Skipped],
        *,
        settings: Settings,
        progress: Progress,
        stage_times: dict[str, float] | None = None,
    ) -> None:
        self.items, self.settings, self.progress, self.stage_times = items, settings, progress, stage_times
        self._child: multiprocessing.process.BaseProcess | None = None
        self._receive: Connection | None = None

    def __enter__(self) -> ReadAhead:
        if reads_ahead(self.settings, self.progress):
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            # Forked: the child reads ``items`` (a stream, often a generator) as this process
            # would have.
            self._child = context.Process(
                target=_child, args=(self.items, self.settings, self.progress, send), name="rashomon-read", daemon=True
            )
            self._child.start()
            send.close()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._child is not None:
            if self._child.is_alive() and self._receive is not None:
                self._child.terminate()  # this process stops before its reader is done
            self._close()

    def cleaned(self) -> Cleaned:
        """The cleaned stream, in the order of ``items``; with a child, the places it built
        are this process's from now on."""
        if self._child is None:
            started = time.perf_counter()
            stream = _clean(self.items, settings=self.settings, progress=self.progress)
            self._add(time.perf_counter() - started)
            return stream
        stream, places, seconds = self._next()
        if places is not None:
            from rashomon.gazetteer import adopt

            adopt(places)
        self._add(seconds)
        return stream

    def finish(self) -> None:
        """The name tables the child built, this process's from now on (nothing to do
        without a child)."""
        if self._child is None or self._receive is None:
            return
        (names,) = self._next()
        if names is not None:
            from rashomon.resolve.names import adopt_tables

            adopt_tables(names)
        self._close()

    def _next(self) -> tuple:
        assert self._receive is not None and self._child is not None
        try:
            # What comes back is new and acyclic: nothing for the collector to find.
            with collector_paused():
                message = self._receive.recv()
        except EOFError:
            self._child.join()
            raise RuntimeError(
                f"the process reading the inputs ended abruptly (exit code {self._child.exitcode})"
            ) from None
        if message[0] == "failed":
            raise message[1]
        return message[1:]

    def _close(self) -> None:
        if self._receive is not None:
            self._receive.close()
            self._receive = None
        if self._child is not None:
            self._child.join()

    def _add(self, seconds: float) -> None:
        if self.stage_times is not None:
            self.stage_times["read+clean"] = self.stage_times.get("read+clean", 0.0) + seconds


def reads_ahead(settings: Settings, progress: Progress | None = None) -> bool:
    """Whether inputs are read and cleaned in a forked child: where workers are forked and the
    run may use more than one process (``run.workers`` 1 keeps everything in this one), and
    where the child can show its progress (a stream that is a file, such as standard error;
    an in-memory one it could not write to)."""
    return (
        worker_count(settings.run.workers, 2, chunk_size=1, min_items=2) > 1
        and forks_workers()
        and (progress is None or progress.stream is None or _is_file(progress.stream))
    )


def _is_file(stream: object) -> bool:
    try:
        stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _clean(items: Iterable[Article | Skipped], *, settings: Settings, progress: Progress) -> Cleaned:
    stream = progress.over("reading and cleaning", clean_articles(items, settings=settings.clean), unit="input")
    return list(drop_duplicates(stream))


def _child(items: Iterable[Article | Skipped], settings: Settings, progress: Progress, send: Connection) -> None:
    from rashomon.gazetteer import built
    from rashomon.resolve.names import built_tables

    # Ctrl-C is the parent's to handle: it ends this process when it stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's heap (its imports) is no garbage to look for here.
    gc.freeze()
    sender: threading.Thread | None = None
    try:
        started = time.perf_counter()
        stream = _clean(items, settings=settings, progress=progress)
        seconds = time.perf_counter() - started
        # The parent takes the stream once it has loaded spaCy; until then a send blocks on
        # the full pipe. A thread waits for that while the name tables are built.
        # The tables, for a run that forks workers (where the parent would build them
        # before forking); a run in one process builds those it needs where it needs them
        # (the seeds look up no GeoNames place).
        articles = sum(1 for item in stream if isinstance(item, Article))
        pooled = analysis_workers(settings, articles) > 1
        sender = threading.Thread(target=_send, args=(send, ("done", stream, built() if pooled else None, seconds)))
        sender.start()
        # Pickled now, so that the parent, when it asks for them, waits for nothing more.
        names = ForkingPickler.dumps(("done", built_tables() if pooled else None))
        sender.join()
        send.send_bytes(names)
    except Exception as exc:  # noqa: BLE001 - raised again in the parent
        if sender is not None:
            sender.join()
        _send(send, ("failed", exc))
    finally:
        send.close()


def _send(send: Connection, message: tuple) -> None:
    try:
        send.send(message)
    except (BrokenPipeError, OSError):
        raise  # the parent stopped listening: nothing more to say
    except Exception as exc:  # noqa: BLE001 - e.g. an exception that cannot be pickled
        send.send(("failed", RuntimeError(f"reading and cleaning the inputs failed: {type(exc).__name__}: {exc}")))
