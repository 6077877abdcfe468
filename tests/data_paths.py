"""Where the tests find the repository's examples and the evaluation data beside it
(``../shared``, absent on some machines: tests that need it skip with a message)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATASETS = SHARED / "datasets"
ECBPLUS = DATASETS / "ecbplus"
AEB = DATASETS / "zyte-aeb"
