"""Corpus mode: a DuckDB file that keeps articles, their analyses and their stories, and grows
with each ``ingest`` (first step of issue 11; see README "Using it").

- ``ingest(paths, db=...)``: add articles; ``IngestResult`` says what it did.
- ``list_stories(db=...)``: the stored stories (``StorySummary``).
- ``story_report(story, db=...)``: one story as a ``Report`` for ``rashomon.report.json`` and
  ``rashomon.report.markdown`` (an id that merged into another story gives that one;
  ``current_story_id`` says which).
- ``reanalyze(db=..., settings=...)``: analyze every stored article again under other settings
  and build the stories again (``ReanalyzeResult``).
- ``export_tables(db=..., out=..., format=...)``: every table as a Parquet or JSON Lines file.
- ``open_store(db)``: the store itself (``Store``), its schema created, checked or migrated
  (``rashomon.store.schema``).
"""

from rashomon.store.connection import DEFAULT_DB, Store, open_store
from rashomon.store.export import export_tables
from rashomon.store.ingest import IngestResult, ingest
from rashomon.store.queries import StorySummary, current_story_id, list_stories, story_report
from rashomon.store.reanalyze import ReanalyzeResult, reanalyze

__all__ = [
    "DEFAULT_DB",
    "IngestResult",
    "ReanalyzeResult",
    "Store",
    "StorySummary",
    "current_story_id",
    "export_tables",
    "ingest",
    "list_stories",
    "open_store",
    "reanalyze",
    "story_report",
]
