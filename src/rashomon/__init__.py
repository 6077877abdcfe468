"""Rashomon: claim-level corroboration and conflict across news reports of the same events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rashomon.errors import RashomonError
from rashomon.settings import Settings

if TYPE_CHECKING:
    from rashomon.records import Report

__version__ = "0.1.0"

__all__ = ["RashomonError", "Settings", "__version__", "analyze"]


def analyze(paths: Any, **options: Any) -> Report:
    """Analyse the articles under ``paths``; see ``rashomon.run.pipeline.analyze``."""
    from rashomon.run.pipeline import analyze as _analyze

    return _analyze(paths, **options)
