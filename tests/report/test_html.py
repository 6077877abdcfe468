"""The HTML report without a browser: escaping, the CSP, no external assets, determinism, and
the parts a reader looks for. tests/report/test_html_browser.py opens it in Chromium."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from html_samples import HOSTILE_TITLE, sample_report
from typer.testing import CliRunner

from rashomon.report.html import render_html


def test_untrusted_text_and_metadata_are_escaped() -> None:
    html = render_html(sample_report())
    assert "<script>document.title" not in html
    assert "&lt;script&gt;document.title=&#39;pwned-script&#39;&lt;/script&gt;" in html
    assert "<img" not in html and HOSTILE_TITLE not in html
    assert "&lt;img src=x onerror=" in html
    assert '<b onmouseover' not in html and "Daily &lt;b onmouseover=" in html
    # A javascript: address is shown as text, never made a link.
    assert 'href="javascript:' not in html and "(not a web address)" in html
    assert '<a href="https://wire.example/fleet" rel="noopener noreferrer">' in html


def test_the_page_loads_nothing_and_allows_only_its_own_style_and_script() -> None:
    html = render_html(sample_report())
    assert re.search(r"<[a-z][^<>]*\ssrc=", html) is None and "<link" not in html and "@import" not in html
    assert "url(" not in html
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1]
    assert "default-src &#39;none&#39;" in csp
    style = re.search(r"<style>(.*?)</style>", html, re.S)[1]
    script = re.search(r"<script>(.*?)</script>", html, re.S)[1]
    for text in (style, script):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"sha256-{digest}" in csp
    assert html.count("<script>") == 1 and html.count("<style>") == 1


def test_rendering_is_deterministic() -> None:
    assert render_html(sample_report()) == render_html(sample_report())


def test_conflicts_come_first_with_both_sides_and_the_values_marked() -> None:
    html = render_html(sample_report())
    conflicts = html.index("<h3>Conflicts (1)</h3>")
    assert conflicts < html.index("<h3>Corroboration") < html.index("What each source alone says")
    block = html[conflicts:html.index("</div>\n</div>", conflicts)]
    assert '<mark class="value">March 12</mark>' in block and '<mark class="value">March 21</mark>' in block
    assert "day digits swapped (12 / 21)" in block
    # Each side links to its sentence in the article's text, where an anchor marks it.
    assert 'href="#t0-0"' in block and 'id="t0-0"' in html and 'id="t1-0"' in html


def test_dates_without_a_year_are_written_out() -> None:
    html = render_html(sample_report())
    assert "18 January (year not given)" in html and "--01-18" not in html


def test_quote_variants_show_a_word_diff_and_single_source_stories_are_collapsed() -> None:
    html = render_html(sample_report())
    assert "<del>proud</del> <ins>glorious</ins>" in html
    singles = html.index('<section class="singles">')
    assert "1 story with one source only" in html[singles:]
    assert "A lone report about something else." in html[singles:]
    assert "Lee Cheol-man · Ri Chol Man" in html
    assert "<code>x.bin</code>: binary file" in html


def test_analyze_writes_html_for_an_html_or_htm_suffix(tmp_path: Path, monkeypatch) -> None:
    from rashomon import cli

    monkeypatch.setattr("rashomon.run.pipeline.analyze", lambda *a, **k: sample_report())
    for name in ("report.html", "report.HTM"):
        out = tmp_path / name
        result = CliRunner().invoke(cli.app, ["analyze", str(tmp_path), "-o", str(out), "--quiet"])
        assert result.exit_code == 1, result.output  # the sample report lists a skipped input
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out = tmp_path / "report.txt"
    result = CliRunner().invoke(cli.app, ["analyze", str(tmp_path), "-o", str(out), "--format", "html"])
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
