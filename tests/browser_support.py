"""What the browser tests share: Debian's Chromium driven by Playwright, skipped with the
reason when either is missing (failed instead under ``RASHOMON_REQUIRE_BROWSER=1``, which CI
sets), and screenshots kept as test artifacts in ``build/test-artifacts/<kind>/`` (or under
``$RASHOMON_TEST_ARTIFACTS``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
REPO = Path(__file__).resolve().parents[1]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install '.[dev]'"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does)"
    return None


def need_browser() -> None:
    """Skip the test (or fail it, under RASHOMON_REQUIRE_BROWSER=1) without a browser."""
    reason = _missing()
    if reason:
        if os.environ.get("RASHOMON_REQUIRE_BROWSER") == "1":
            pytest.fail(f"RASHOMON_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium launched through Playwright (after need_browser)."""
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def shot(page, kind: str, name: str, **kwargs) -> Path:  # noqa: ANN001, ANN003
    """A screenshot of ``page`` saved as ``<artifacts>/<kind>/<name>``."""
    folder = Path(os.environ.get("RASHOMON_TEST_ARTIFACTS", REPO / "build" / "test-artifacts")) / kind
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / name
    page.screenshot(path=str(out), **kwargs)
    return out
