"""``rashomon serve``: forwards to ``rashomon.web.serve``; a missing store or extra is an
error message, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app

runner = CliRunner()


def test_serve_forwards_its_options(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    import uvicorn

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    result = runner.invoke(app, ["serve", "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    result = runner.invoke(app, ["serve", "--db", str(web_db), "--host", "0.0.0.0", "--port", "9999"])
    assert result.exit_code == 0 and (seen["host"], seen["port"]) == ("0.0.0.0", 9999)


def test_serve_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "rashomon ingest" in result.output and "Traceback" not in result.output


def test_serve_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = runner.invoke(app, ["serve", "--db", str(web_db)])
    assert result.exit_code == 2 and "pip install 'rashomon[web]'" in result.output
