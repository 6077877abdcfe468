"""The web UI in a real browser: ``rashomon.web``'s app served by uvicorn on 127.0.0.1 in a
thread, opened in headless Chromium (Debian's ``chromium``) driven by Playwright. The search
form filters the list, a story page shows its conflict, the page requests nothing but this
server, and the hostile article's script runs nowhere (the CSP reports no violation, the
title stays). Skips without Chromium or Playwright, unless ``RASHOMON_REQUIRE_BROWSER=1``."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from browser_support import chromium, need_browser, shot
from web_ui_store import HOSTILE_TITLE

def _shot(page, name: str) -> Path:  # noqa: ANN001
    """A screenshot of the whole page, kept as a test artifact to look at."""
    return shot(page, "web", name, full_page=True)


@pytest.fixture(scope="module")
def server(web_db: Path):
    """The app over the test store, served on a free port of 127.0.0.1; yields its address."""
    need_browser()
    yield from _serve(web_db)


def _serve(db: Path):  # noqa: ANN202 - a generator of the address
    import uvicorn

    from rashomon.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
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
    with chromium() as launched:
        yield launched


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
    _shot(page, "list.png")
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
    _shot(page, "hostile-story.png")
    assert page.locator("script").count() == 1 and page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert dialogs == []
    assert not any(m.startswith("error") or "Content Security Policy" in m for m in logged), logged
    assert all(url.startswith(server + "/") for url in requests), requests
    page.close()


@pytest.mark.models
def test_the_example_corpus_in_the_browser(tmp_path_factory: pytest.TempPathFactory, browser) -> None:
    """The bundled examples ingested for real (spaCy, MiniLM) and served: the list filters to
    the stories with conflicts, the fleet story shows each conflict with both outlets'
    sentences, and an article page marks the sentences its findings rest on."""
    from data_paths import EXAMPLES

    from rashomon.store import ingest

    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    ingest(sorted([*EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.html")]), db=db,
           manifest=EXAMPLES / "manifest.csv", sources=EXAMPLES / "sources.json")
    served = _serve(db)
    address = next(served)
    try:
        page = browser.new_page()
        page.goto(address + "/")
        assert page.locator("tbody tr").count() == 2
        page.check("input[name=has_conflicts]")
        page.click("button[type=submit]")
        page.wait_for_load_state("load")
        assert page.locator("tbody tr").count() == 1
        _shot(page, "examples-list-with-conflicts.png")
        page.locator("tbody tr a").first.click()
        page.wait_for_load_state("load")
        conflicts = page.locator("section .conflict")
        assert conflicts.count() >= 2
        # The trawler count: the wire's 12 beside the daily's 21, each in its own sentence.
        trawlers = next(conflicts.nth(i) for i in range(conflicts.count())
                        if "trawler" in conflicts.nth(i).inner_text())
        sides = trawlers.locator(".side")
        assert sides.count() == 2
        texts = [sides.nth(0).inner_text(), sides.nth(1).inner_text()]
        assert any("Transpacific" in t and "12" in t for t in texts), texts
        assert any("Korea Morning Ledger" in t and "21" in t for t in texts), texts
        _shot(page, "examples-story.png")
        page.get_by_role("link", name="The Korea Morning Ledger").first.click()
        page.wait_for_load_state("load")
        assert page.locator("mark.conflict").count() >= 1
        _shot(page, "examples-article.png")
        page.close()
    finally:
        next(served, None)
