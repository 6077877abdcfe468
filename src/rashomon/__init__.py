"""Rashomon: claim-level corroboration and conflict across news reports of the same events.

``analyze`` reads articles and returns a ``Report``; ``render_json`` and ``render_markdown``
turn it into the JSON and Markdown reports of the command line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rashomon.errors import RashomonError
from rashomon.records import Report
from rashomon.report.json import render_json
from rashomon.report.markdown import render_markdown
from rashomon.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "RashomonError",
    "Report",
    "Settings",
    "__version__",
    "analyze",
    "render_json",
    "render_markdown",
]


def analyze(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    manifest: str | Path | None = None,
    settings: Settings | None = None,
    sources: str | Path | None = None,
    progress: bool = False,
    stage_times: dict[str, float] | None = None,
) -> Report:
    """Read the articles under ``paths`` and report, story by story, what their sources
    corroborate, where they conflict and what only one of them says.

    ``paths`` is one file or folder (a str or path-like, never taken character by character)
    or an iterable of them; folders are read recursively. ``manifest`` is an optional CSV or
    JSON sidecar with each file's outlet, publication date, url and language; ``settings``
    defaults to ``Settings()``; ``sources`` is an optional JSON file of extra outlets for the
    source registry; ``progress`` shows progress bars on stderr; ``stage_times``, when given,
    is filled with the seconds each stage took.

    Inputs that cannot be analyzed never stop the run: they are listed in ``Report.skipped``
    with a reason. An unreadable manifest, sources file or model raises a ``RashomonError``
    that says what to do.
    """
    # The pipeline is imported here, not at the top: importing it takes about 0.5 s (numpy,
    # scipy), and ``import rashomon`` stays about 0.1 s.
    from rashomon.run.pipeline import analyze as run_analyze

    return run_analyze(
        paths,
        manifest=manifest,
        settings=settings,
        sources=sources,
        progress=progress,
        stage_times=stage_times,
    )
