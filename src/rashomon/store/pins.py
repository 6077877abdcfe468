"""What a store's analyses depend on, pinned by the first batch stored: the settings
fingerprint (``Settings.fingerprint``: settings, pinned models, record shape, package version)
and the ``--sources`` registry file (its content is kept, so later ingests and reports count
origins with it). Analyses made under other settings or another registry are never mixed into
a store: such an ingest is refused and says what to do (``rashomon reanalyze``,
``rashomon.store.reanalyze``, analyses the store again under other settings)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from rashomon.errors import StoreError
from rashomon.sources import SourceRegistry, load_sources
from rashomon.store.connection import Store, open_store


@dataclass(frozen=True)
class Pins:
    """The settings fingerprint and source registry of a store (or of its first batch)."""

    fingerprint: str
    sources_path: str | None = None
    sources_text: str | None = None

    @property
    def sources_digest(self) -> str:
        """A digest of the registry file's content; empty without one."""
        if self.sources_text is None:
            return ""
        return hashlib.sha256(self.sources_text.encode("utf-8")).hexdigest()[:16]

    def registry(self) -> SourceRegistry:
        """The packaged source registry with the pinned file's entries on top."""
        return load_sources(self.sources_path, text=self.sources_text)


def stored_pins(store: Store) -> Pins | None:
    """The store's pins, or None when no batch has been stored yet."""
    fingerprint = store.meta("settings_fingerprint")
    if fingerprint is None:
        return None
    row = store.con.execute(
        "SELECT path, content FROM source_registry WHERE digest = ?", [store.meta("sources_digest") or ""]
    ).fetchone()
    return Pins(fingerprint, *(row or (None, None)))


def pinned_sources_file(db: str | Path) -> str | None:
    """The registry file the store ``db`` was built with (None for no store, or no file)."""
    if not Path(db).is_file():
        return None
    with open_store(db, read_only=True) as store:
        pins = stored_pins(store)
    return pins.sources_path if pins is not None else None


def pins_for(store: Store, *, fingerprint: str, sources: str | Path | None) -> tuple[Pins, bool]:
    """The pins an ingest runs under, and whether they are still to be written (the store has
    none yet): the store's when it has them, with ``fingerprint`` and ``sources`` (a file, or
    None for the one stored) checked against them; else those given. Raises ``StoreError``
    when they differ, ``InputError`` when ``sources`` cannot be read."""
    given = Pins(fingerprint, None, None)
    if sources is not None:
        load_sources(sources)  # says what is wrong with an unreadable or malformed file
        given = Pins(fingerprint, str(Path(sources).resolve()), Path(sources).read_text(encoding="utf-8"))
    pinned = stored_pins(store)
    if pinned is None:
        return given, True
    db = os.fspath(store.path)
    if pinned.fingerprint != fingerprint:
        raise StoreError(
            f"{db} was analyzed under other settings (fingerprint {pinned.fingerprint}; these "
            f"settings give {fingerprint}, e.g. after a rashomon upgrade or with another "
            f"--settings file): run rashomon reanalyze --db {db} (with the same --settings) to "
            "analyze the store again under these settings, or ingest with the settings the "
            "store was built with, or into a new store (--db NEW_FILE)"
        )
    if sources is not None and given.sources_digest != pinned.sources_digest:
        built_with = f"the source registry {pinned.sources_path}" if pinned.sources_path else "no --sources file"
        raise StoreError(
            f"{db} was built with {built_with}, and {sources} differs: ingest without --sources "
            "(the store's registry is used), or into a new store (--db NEW_FILE)"
        )
    return pinned, False


def write_pins(con: duckdb.DuckDBPyConnection, pins: Pins, *, run: int) -> None:
    """Pin ``pins`` in the store (inside the first batch's transaction)."""
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [["settings_fingerprint", pins.fingerprint], ["sources_digest", pins.sources_digest]],
    )
    if pins.sources_text is not None:
        con.execute(
            "INSERT INTO source_registry VALUES (?, ?, ?, ?)",
            [pins.sources_digest, pins.sources_path, pins.sources_text, run],
        )
