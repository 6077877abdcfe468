"""The web UI in a real browser: ``rashomon.web``'s app served by uvicorn on 127.0.0.1 in a
thread, opened in headless Chromium (Debian's ``chromium``) driven by Playwright. The search
form filters the list, a story page shows its conflict, the page requests nothing but this
server, and the hostile article's script runs nowhere (the CSP reports no violation, the
title stays). Skips without Chromium or Playwright, unless ``RASHOMON_REQUIRE_BROWSER=1``."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from web_ui_store import HOSTILE_TITLE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install '.[dev]'"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does)"
    return None


@pytest.fixture(scope="module")
def server(web_db: Path):
    """The app over the test store, served on a free port of 127.0.0.1; yields its address."""
    reason = _missing()
    if reason:
        if os.environ.get("RASHOMON_REQUIRE_BROWSER") == "1":
            pytest.fail(f"RASHOMON_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    import uvicorn

    from rashomon.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def test_search_open_a_story_and_nothing_hostile_runs(server: str, browser) -> None:
    page = browser.new_page()
    logged: list[str] = []
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: logged.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: logged.append(f"error: {e}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    assert page.title() == "Stories · Rashomon"
    assert page.locator("tbody tr").count() == 3
    assert page.get_by_role("link", name=HOSTILE_TITLE).count() == 1  # the title, as text
    page.fill("input[name=search]", "pollock")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator("tbody tr").count() == 1
    page.get_by_role("link", name="Fleet sails from Rajin").click()
    page.wait_for_load_state("load")
    assert page.title() == "Rashomon report"
    sides = page.locator(".conflict .side")
    assert sides.count() == 2 and "March 12" in sides.nth(0).inner_text() and "March 21" in sides.nth(1).inner_text()
    page.get_by_role("link", name="← All stories").click()
    page.wait_for_load_state("load")
    page.get_by_role("link", name=HOSTILE_TITLE).click()
    page.wait_for_load_state("load")
    assert page.title() == "Rashomon report"  # document.title='x' never ran
    assert page.locator("script").count() == 1 and page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert dialogs == []
    assert not any(m.startswith("error") or "Content Security Policy" in m for m in logged), logged
    assert all(url.startswith(server + "/") for url in requests), requests
    page.close()
