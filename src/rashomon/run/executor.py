"""A per-item stage (articles, stories) mapped over worker processes on this machine, results
in input order.

``map_chunks(stage, items, workers=..., chunk_size=..., failed=...)`` cuts ``items`` into
consecutive chunks and calls ``stage(chunk)``, which returns one result per item of its chunk;
the results come back in the order of ``items`` whatever the number of processes. A chunk whose
stage raises is run again item by item, and an item that fails alone becomes ``failed(item,
exception)``: one bad article never stops the batch. ``workers=1`` runs everything in this
process, without a pool.

Workers are forked where the platform allows it (Linux), so that what this process has already
loaded (the spaCy model, through its cached loader) is theirs without loading it again; an
``initializer`` loads it in each worker otherwise. What a stage logs in a worker goes to the
same standard error; what it returns (warnings included) comes back with its results.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from rashomon.errors import RashomonError
from rashomon.heap import collector_paused

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform says it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def worker_count(setting: int, items: int, *, chunk_size: int, min_items: int) -> int:
    """How many processes a stage over ``items`` items runs in: ``setting`` (0: one per
    available core), never more than there are chunks, and 1 (no pool) below ``min_items``."""
    if setting < 0:
        raise RashomonError(f"the number of workers must be 0 (one per core) or more, not {setting}")
    wanted = setting or available_cores()
    if items < max(min_items, 2):
        return 1
    chunks = -(-items // max(chunk_size, 1))
    return max(1, min(wanted, chunks))


def map_chunks(
    stage: Callable[[list[T]], list[R]],
    items: Sequence[T],
    *,
    workers: int,
    chunk_size: int,
    failed: Callable[[T, BaseException], R],
    cost: Callable[[list[T]], float] | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    done: Callable[[int], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """``stage`` over ``items`` in chunks of ``chunk_size``, in ``workers`` processes (1: this
    one), results in input order. ``stage`` and ``failed`` must be picklable (module-level
    functions, or ``functools.partial`` of one) when ``workers`` > 1. Workers take the
    costliest chunks first (``cost``, e.g. characters of text), so that none is left with a
    long one at the end. ``done(n)`` is called in this process as each chunk of ``n`` items
    is finished (for progress). ``meanwhile()`` is called in this process once the workers
    are forked, while they work (without workers: after the last chunk)."""
    chunks = [list(items[i : i + chunk_size]) for i in range(0, len(items), max(chunk_size, 1))]
    if workers <= 1 or len(chunks) <= 1:
        out: list[R] = []
        for chunk in chunks:
            out.extend(guarded_chunk(stage, failed, chunk))
            if done is not None:
                done(len(chunk))
        if meanwhile is not None:
            meanwhile()
        return out
    order = sorted(range(len(chunks)), key=lambda i: -cost(chunks[i])) if cost else range(len(chunks))
    results: list[list[R] | None] = [None] * len(chunks)
    with ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)),
        mp_context=_context(),
        initializer=initializer,
        initargs=initargs,
    ) as pool:
        futures: dict[Future[list[R]], int] = {}
        for i in order:
            if not futures:
                # Forked workers start at the first submit. What this process holds then
                # (models, tables, the articles so far) is frozen for them: their garbage
                # collector never walks it (over a second per worker on 300 articles), and its
                # pages stay shared.
                gc.freeze()
                try:
                    futures[pool.submit(guarded_chunk, stage, failed, chunks[i])] = i
                finally:
                    gc.unfreeze()
            else:
                futures[pool.submit(guarded_chunk, stage, failed, chunks[i])] = i
        try:
            if meanwhile is not None:
                meanwhile()
            # Every worker is forked by now. The results come back as new records, acyclic:
            # the collector, paused meanwhile, would walk this process's whole heap (the
            # model, the articles) again and again for nothing (0.35 CPU s for the analyses of
            # 300 ECB+ documents).
            with collector_paused():
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    if done is not None:
                        done(len(chunks[futures[future]]))
        except BrokenProcessPool as exc:
            raise RashomonError(
                f"a worker process ended abruptly ({exc}); run again with --workers 1 "
                "(or [run] workers = 1) to work in one process and see which input fails"
            ) from None
        finally:
            for future in futures:
                future.cancel()
    return [result for chunk_results in results if chunk_results is not None for result in chunk_results]


def guarded_chunk(
    stage: Callable[[list[T]], list[R]], failed: Callable[[T, BaseException], R], chunk: list[T]
) -> list[R]:
    """``stage(chunk)``; when it raises (or returns a result per item too many or too few),
    each item alone, and ``failed(item, exception)`` for an item that fails alone."""
    try:
        results = stage(chunk)
    except Exception as exc:  # noqa: BLE001 - find the item that fails, keep the others
        problem: BaseException = exc
    else:
        if len(results) == len(chunk):
            return results
        problem = RuntimeError(f"the stage gave {len(results)} results for {len(chunk)} items")
    if len(chunk) == 1:
        return [failed(chunk[0], problem)]
    return [result for item in chunk for result in guarded_chunk(stage, failed, [item])]


def forks_workers() -> bool:
    """Whether workers are forked here, and so share what this process has loaded."""
    return _context().get_start_method() == "fork"


def _context() -> multiprocessing.context.BaseContext:
    # fork shares what this process has loaded; it is only safe on Linux (macOS: spawn).
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
