"""The web UI (issue 12, first step): ``rashomon serve`` shows a corpus store in a browser.

- ``create_app(db)``: the FastAPI application over the store ``db`` (read-only): the story
  list with search and filters, each story's page (the HTML report of ``rashomon report``),
  and the same as JSON under ``/api`` (documented in ``/openapi.json``).
- ``serve(db=..., host=..., port=...)``: run it with uvicorn, on 127.0.0.1 unless told.

FastAPI and uvicorn come with the ``web`` extra (``pip install 'rashomon[web]'``); they are
imported here only when the web UI is used.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from rashomon.errors import RashomonError

if TYPE_CHECKING:
    from fastapi import FastAPI

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Host names the app answers to when it listens on a loopback address: a page of another site
# that rebinds its name to 127.0.0.1 is refused (its Host header names that site).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def require(module: str) -> ModuleType:
    """``module`` imported, or a ``RashomonError`` naming the extra that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise RashomonError(
            f"the web UI needs {module}, which is not installed: pip install 'rashomon[web]'"
        ) from None


def create_app(db: str | Path, *, allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS) -> FastAPI:
    """The web application over the store ``db`` (see ``rashomon.web.app.create_app``)."""
    require("fastapi")
    from rashomon.web.app import create_app as create

    return create(Path(db), allowed_hosts=allowed_hosts)


def allowed_hosts_for(host: str) -> tuple[str, ...]:
    """The Host header values to answer when listening on ``host``: the loopback names, plus
    ``host`` itself; any when listening on every address (0.0.0.0 or ::)."""
    if host in {"0.0.0.0", "::", ""}:
        return ("*",)
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return tuple(dict.fromkeys((*LOOPBACK_HOSTS, host, shown)))


def serve(*, db: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          log_level: str = "info", **uvicorn_options: Any) -> None:
    """Serve the store ``db`` on ``host``:``port`` until interrupted. Raises ``StoreError``
    when ``db`` is no store, ``RashomonError`` when the ``web`` extra is missing."""
    uvicorn = require("uvicorn")
    app = create_app(db, allowed_hosts=allowed_hosts_for(host))
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                **uvicorn_options)
