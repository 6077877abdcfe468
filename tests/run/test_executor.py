"""The local executor: a per-item stage over items in worker processes, in input order, where
one failing item becomes that item's result and never stops the others."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.errors import RashomonError
from rashomon.run.executor import available_cores, guarded_chunk, map_chunks, worker_count


def squares_with_pid(chunk: list[int]) -> list[tuple[int, int]]:
    """A stage: each item squared, with the process that computed it; 13 makes a chunk fail."""
    if 13 in chunk:
        raise ValueError("unlucky chunk")
    return [(n * n, os.getpid()) for n in chunk]


def unlucky(item: int, exc: BaseException) -> tuple[int, int]:
    return (-item, 0) if isinstance(exc, ValueError) else (0, 0)


def test_results_come_back_in_input_order_from_worker_processes() -> None:
    items = list(range(40, 0, -1))
    finished: list[int] = []
    # The cheapest chunks (small numbers, at the end) are given out first.
    results = map_chunks(squares_with_pid, items, workers=2, chunk_size=3, failed=unlucky,
                         cost=lambda chunk: -sum(chunk), done=finished.append)
    assert [value for value, _ in results] == [-n if n == 13 else n * n for n in items]
    assert sorted(finished) == [1] + [3] * 13
    pids = {pid for _, pid in results if pid}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_one_worker_runs_in_this_process_without_a_pool() -> None:
    results = map_chunks(squares_with_pid, [1, 2, 3, 4, 5], workers=1, chunk_size=2, failed=unlucky)
    assert results == [(n * n, os.getpid()) for n in [1, 2, 3, 4, 5]]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_item_becomes_its_own_result_and_its_chunk_mates_are_kept(workers: int) -> None:
    # 13 fails its chunk; the chunk is run again item by item, and only 13 fails alone.
    results = map_chunks(squares_with_pid, [11, 12, 13, 14, 15, 16], workers=workers, chunk_size=4, failed=unlucky)
    assert [value for value, _ in results] == [121, 144, -13, 196, 225, 256]


@pytest.mark.parametrize("workers", [1, 2])
def test_meanwhile_runs_once_in_this_process(workers: int) -> None:
    # With workers: while they work (they were forked before it ran, so they never see what
    # it sets); in one process: after the last chunk.
    ran: list[int] = []
    results = map_chunks(squares_with_pid, list(range(20)), workers=workers, chunk_size=3, failed=unlucky,
                         meanwhile=lambda: ran.append(os.getpid()))
    assert ran == [os.getpid()]
    assert [value for value, _ in results] == [-n if n == 13 else n * n for n in range(20)]


def test_a_stage_giving_too_few_results_is_retried_item_by_item() -> None:
    def first_only(chunk: list[int]) -> list[int]:
        return chunk[:1]

    assert guarded_chunk(first_only, lambda item, exc: -1, [5, 6, 7]) == [5, 6, 7]
    assert guarded_chunk(lambda chunk: [], lambda item, exc: -item, [5, 6]) == [-5, -6]


@settings(max_examples=50, deadline=None)
@given(items=st.lists(st.integers(min_value=-50, max_value=50), max_size=30), chunk_size=st.integers(1, 8))
def test_in_process_map_keeps_every_item_in_order(items: list[int], chunk_size: int) -> None:
    results = map_chunks(squares_with_pid, items, workers=1, chunk_size=chunk_size, failed=unlucky)
    assert [value for value, _ in results] == [-n if n == 13 else n * n for n in items]


def test_worker_count() -> None:
    cores = available_cores()
    assert cores >= 1
    # 0: one per core, never more processes than chunks, one below the pool threshold.
    assert worker_count(0, 1000, chunk_size=32, min_items=64) == min(cores, 32)
    assert worker_count(8, 100, chunk_size=32, min_items=64) == 4
    assert worker_count(4, 63, chunk_size=1, min_items=64) == 1
    assert worker_count(4, 1, chunk_size=1, min_items=0) == 1
    assert worker_count(1, 1000, chunk_size=32, min_items=0) == 1
    with pytest.raises(RashomonError, match="number of workers"):
        worker_count(-1, 10, chunk_size=1, min_items=0)
