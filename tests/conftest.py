"""Fixtures shared by the test modules. Paths live in ``data_paths`` (importable because
pyproject's pytest settings put ``tests/`` on the path); tests that load the spaCy or MiniLM
models carry the ``models`` marker, so ``pytest -m "not models"`` runs the fast ones alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_paths import SEEDS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    """The two real seed articles, or a skip saying where they were looked for."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"the seed articles are not at {SEEDS} (../shared is absent)")
    return files
