"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package, which
``.ci/run`` installs) driven by Playwright. The report is opened from a file, as an analyst
would: a conflict shows both outlets' sentences, collapsed lists open and close, links lead to
the marked sentence in the article's text, and a hostile article's script runs nowhere.

Screenshots go to ``build/test-artifacts/html/`` (or ``$RASHOMON_TEST_ARTIFACTS``). Without
Chromium or Playwright these tests skip with the reason, unless ``RASHOMON_REQUIRE_BROWSER=1``
(CI sets it), where they fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import chromium, shot
from html_samples import sample_report

from rashomon.report.html import render_html

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def opened(browser, tmp_path):
    """A page with the sample report opened from a file, and what it logged."""
    path = tmp_path / "report.html"
    path.write_text(render_html(sample_report()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    logged: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: logged.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: logged.append(f"error: {e}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, logged, dialogs, requests, path
    page.close()


def _shot(page, name: str, **kwargs) -> Path:  # noqa: ANN001, ANN003
    return shot(page, "html", name, **kwargs)


def test_a_hostile_article_runs_nothing_and_the_page_requests_nothing(opened) -> None:
    page, logged, dialogs, requests, path = opened
    assert page.title() == "Rashomon report"
    assert dialogs == []
    assert requests == [path.as_uri()]  # the file itself, nothing else
    assert not any(m.startswith("error") for m in logged), logged
    assert page.locator("script").count() == 1 and page.locator("img").count() == 0
    # The hostile markup is on the page as text.
    page.locator("#art1").locator("summary").click()
    assert "<script>document.title='pwned-script'</script>" in page.locator("#art1 .body").inner_text()
    assert page.get_by_text("<img src=x onerror=", exact=False).count() >= 1
    # The javascript: address is no link: clicking it changes nothing.
    assert page.locator("a[href^='javascript']").count() == 0
    page.get_by_text("javascript:document.title", exact=False).first.click()
    assert page.title() == "Rashomon report"
    _shot(page, "hostile-sample.png", full_page=True)


def test_a_conflict_shows_both_outlets_sentences_with_the_values_marked(opened) -> None:
    page = opened[0]
    sides = page.locator(".conflict#s1\\.f1 .side")
    assert sides.count() == 2
    left, right = sides.nth(0), sides.nth(1)
    assert left.is_visible() and right.is_visible()
    assert "Wire" in left.inner_text() and "March 12" in left.locator("mark").inner_text()
    assert 'Daily <b onmouseover="x">' in right.inner_text()
    assert right.locator("mark").inner_text() == "March 21"
    # Side by side: the second column is to the right of the first, on the same row.
    a, b = left.bounding_box(), right.bounding_box()
    assert b["x"] > a["x"] + a["width"] - 1 and abs(b["y"] - a["y"]) < 2
    _shot(page, "conflict.png", clip={"x": 0, "y": a["y"] - 60, "width": 1280, "height": a["height"] + 120})


def test_collapsed_lists_open_and_close_and_expand_all_opens_them(opened) -> None:
    page = opened[0]
    alone = page.locator("details.alone").first
    item = alone.locator("li").first
    assert not item.is_visible()
    alone.locator("summary").click()
    assert item.is_visible()
    alone.locator("summary").click()
    assert not item.is_visible()
    page.locator("section.story").first.get_by_role("button", name="Expand all").click()
    assert item.is_visible()
    assert page.locator("section.story").first.locator("details:not([open]):not(.text)").count() == 0
    page.locator("section.story").first.get_by_role("button", name="Collapse all").click()
    assert not item.is_visible()


def test_a_link_opens_the_article_text_at_its_sentence_marked(opened) -> None:
    page = opened[0]
    target = page.locator("#t1-0")
    assert not target.is_visible()
    page.locator(".conflict#s1\\.f1 .side").nth(1).get_by_role("link", name="in context").click()
    assert target.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "t1-0"
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    _shot(page, "linked-sentence.png")


def test_the_print_layout_opens_lists_and_hides_article_texts(opened) -> None:
    page = opened[0]
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.alone li").first.is_visible()
    assert not page.locator("details.text").first.is_visible()
    _shot(page, "print.png", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000


@pytest.mark.models
def test_the_bundled_examples_report_in_the_browser(browser, tmp_path) -> None:
    from rashomon.run.pipeline import analyze
    from rashomon.sources import load_sources

    examples = REPO / "examples"
    report = analyze([examples], manifest=examples / "manifest.csv", sources=examples / "sources.json")
    path = tmp_path / "examples.html"
    path.write_text(render_html(report, sources=load_sources(examples / "sources.json")), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(path.as_uri())
    story = page.locator("section.story").first
    assert story.locator(".conflict").count() >= 2
    assert story.locator(".summary").get_by_text("rest only on state media", exact=False).count() == 1
    assert story.locator(".card .kind").first.inner_text() == "state media"
    assert story.locator("svg.timeline circle").count() == 4
    _shot(page, "examples.png", full_page=True)
    page.close()
