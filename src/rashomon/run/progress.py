"""Which stage a run is in and how far it has got, on a stream (standard error for the CLI).

The run (``rashomon.run.pipeline``) and the CLI name the stages; the stages themselves know
nothing of it. ``Progress(None)`` is silent."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

T = TypeVar("T")


class Progress:
    """One bar per stage (tqdm), on ``stream``; nothing at all when ``stream`` is None."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    @property
    def enabled(self) -> bool:
        return self.stream is not None

    @contextmanager
    def stage(
        self, name: str, *, total: int | None = None, unit: str | None = "article", scale: bool = False
    ) -> Iterator[Callable[[int], None]]:
        """A stage under way for the duration of the block; the block calls the function it
        is given with the number of items just finished. With ``total``, a bar with the time
        left; without, a count of ``unit``; with neither, the stage's name and its time.
        ``scale``: counts shown with SI prefixes (bytes as "1.2MB")."""
        if self.stream is None:
            yield _ignore
            return
        from tqdm import tqdm

        if total is not None:
            bar_format = None
        elif unit is not None:
            bar_format = "{desc}: {n_fmt} {unit}s [{elapsed}, {rate_fmt}]"
        else:
            bar_format = "{desc} [{elapsed}]"
        with tqdm(
            total=total,
            desc=name,
            unit=unit or "it",
            file=self.stream,
            leave=False,
            dynamic_ncols=True,
            bar_format=bar_format,
            unit_scale=scale,
        ) as bar:
            yield bar.update

    def over(self, name: str, items: Iterable[T], *, total: int | None = None, unit: str = "article") -> Iterator[T]:
        """``items`` as they come, counted under stage ``name``."""
        with self.stage(name, total=total, unit=unit) as advance:
            for item in items:
                yield item
                advance(1)


def _ignore(_: int) -> None:
    return None


def progress_for(progress: bool | Progress | None, stream: TextIO | None = None) -> Progress:
    """A ``Progress`` from what a caller gave: one as is, True for ``stream`` (standard error
    by default), False or None for silence."""
    if isinstance(progress, Progress):
        return progress
    if progress:
        import sys

        return Progress(stream or sys.stderr)
    return Progress(None)
