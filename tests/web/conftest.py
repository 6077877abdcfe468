"""The web UI's store (``web_ui_store``), built once, and a TestClient on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_ui_store import RECORDS, build_store


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web"), RECORDS)


@pytest.fixture(scope="session")
def client(web_db: Path):  # noqa: ANN201 - a TestClient
    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    with TestClient(create_app(web_db), base_url="http://127.0.0.1") as test_client:
        yield test_client
