"""The garbage collector paused while a big table is built.

Building a table of tens of thousands of small dicts, lists and tuples (the GeoNames places,
the romanisation lexicon) makes the collector run its full collection over and over, walking
every object the process holds (a loaded spaCy model among them), though such tables hold no
reference cycles for it to find: the GeoNames places took 0.93 CPU s to build with it on and
0.48 s with it paused, the name tables 0.75 s and 0.35 s (bench/README.md, bench_cli.py).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block (as it was again after it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
