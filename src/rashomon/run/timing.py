"""Wall-clock time per stage, summed into a dict the caller passes (``stage_times``)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def timed(stage_times: dict[str, float] | None, name: str) -> Iterator[None]:
    """Add the time spent in the block to ``stage_times[name]`` (nothing when it is None)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        if stage_times is not None:
            stage_times[name] = stage_times.get(name, 0.0) + time.perf_counter() - started
