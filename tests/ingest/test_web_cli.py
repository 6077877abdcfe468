"""Web inputs from the command line: URLs, URL lists and feeds for clean, analyze and ingest,
with and without --allow-private; the bundled examples served from 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner
from web_builders import Answer, page, serve

from rashomon.cli import EXIT_OK, EXIT_SKIPPED, app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TYPES = {".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}


def example_routes() -> dict[str, Answer]:
    return {f"/{p.name}": Answer(200, p.read_bytes(), TYPES[p.suffix])
            for p in sorted(EXAMPLES.iterdir()) if p.suffix in TYPES}


def test_clean_refuses_this_machine_unless_allowed(tmp_path: Path) -> None:
    with serve({"/a": Answer(200, page())}) as site:
        refused = runner.invoke(app, ["clean", site.url("/a")])
        allowed = runner.invoke(app, ["clean", site.url("/a"), "--allow-private"])
        settings = tmp_path / "s.toml"
        settings.write_text("[fetch]\nallow_private = true\nmin_interval = 0.0\n")
        by_settings = runner.invoke(app, ["clean", site.url("/a"), "--settings", str(settings)])
    assert refused.exit_code == EXIT_SKIPPED
    assert (f"rashomon: skipped {site.url('/a')}: 127.0.0.1 is a loopback address: refused; pass "
            "--allow-private") in refused.output
    assert allowed.exit_code == EXIT_OK == by_settings.exit_code
    record = json.loads(allowed.stdout.splitlines()[0])
    assert record["path"] == record["url"] == site.url("/a")
    assert record["title"] == "Trade talks resume"
    assert set(record["provenance"]) >= {"requested_url", "final_url", "fetched"}


@pytest.mark.models
def test_analyze_and_ingest_read_urls_as_they_read_the_files(tmp_path: Path) -> None:
    routes = example_routes()
    with serve(routes) as site:
        listing = tmp_path / "examples.urls"
        listing.write_text("# the bundled examples, served\n"
                           + "".join(site.url(path) + "\n" for path in routes))
        served = runner.invoke(app, ["analyze", str(listing), "--allow-private", "--workers", "1"])
        db = tmp_path / "corpus.duckdb"
        stored = runner.invoke(app, ["ingest", str(listing), "--db", str(db), "--allow-private",
                                     "--no-progress"])
        again = runner.invoke(app, ["ingest", site.url("/02_tns_wire.txt"), "--db", str(db),
                                    "--allow-private", "--no-progress"])
    files = runner.invoke(app, ["analyze", *(str(EXAMPLES / p.lstrip("/")) for p in routes),
                                "--workers", "1"])
    assert served.exit_code == files.exit_code == EXIT_OK, served.output
    from_urls, from_files = json.loads(served.stdout), json.loads(files.stdout)
    assert [a["id"] for a in from_urls["articles"]] == [a["id"] for a in from_files["articles"]]
    assert [a["text"] for a in from_urls["articles"]] == [a["text"] for a in from_files["articles"]]
    assert all(a["provenance"]["requested_url"].startswith(site.base) for a in from_urls["articles"])
    assert all(a["provenance"] == {} for a in from_files["articles"])
    assert [s["articles"] for s in from_urls["stories"]] == [s["articles"] for s in from_files["stories"]]
    assert stored.exit_code == EXIT_OK, stored.output
    assert stored.stdout.startswith(f"{len(routes)} new, 0 already stored, 0 skipped")
    assert again.stdout.startswith("0 new, 1 already stored, 0 skipped")
