"""Stories in a store: which stored articles form them (``assign_stories``), and each story's
record, members, findings and entities."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from rashomon.cluster import cluster_stories
from rashomon.copies import copy_links, find_copies
from rashomon.records import Article, RunWarning, Story, from_dict, to_dict
from rashomon.run.parallel import build_stories_in_workers
from rashomon.run.story import StoryResult, story_id_of
from rashomon.settings import Settings
from rashomon.sources import SourceRegistry
from rashomon.store.articles import load_articles
from rashomon.store.schema import json_text

STORY_TABLES = ("stories", "story_members", "findings", "entities")


def assign_stories(
    con: duckdb.DuckDBPyConnection,
    *,
    settings: Settings,
    registry: SourceRegistry,
    fingerprint: str,
    run: int,
) -> list[str]:
    """Work out the copy links and stories of every stored article, write them, and build
    again the stories whose inputs changed; the ids of the stories built, in build order.

    This first version still scans the corpus: it reads every stored analyzed article and
    runs ``find_copies`` and ``cluster_stories`` over all of them, exactly as ``analyze`` does
    over one run, so that a store and ``analyze`` given the same articles hold the same
    stories. A story whose members and their copy links are as stored keeps its stored record;
    any other is built with ``build_story`` and written over; a stored story id that no longer
    forms is deleted. Assigning new articles through story centroids, without the scan, is
    to replace this function."""
    articles, _ = load_articles(con, fingerprint=fingerprint)
    links = copy_links(find_copies(articles, settings=settings.copies, registry=registry))
    con.execute("DELETE FROM copy_links")
    if links:
        con.executemany("INSERT INTO copy_links VALUES (?, ?)", sorted(links.items()))
    for article in articles:
        article.copy_of = links.get(article.id)
    by_id = {a.id: a for a in articles}
    stored = dict(con.execute("SELECT id, inputs FROM stories").fetchall())
    formed: set[str] = set()
    changed: list[tuple[str, list[Article], str]] = []
    for group in cluster_stories(articles, settings=settings.cluster):
        members = [by_id[i] for i in group]
        story_id = story_id_of(members)
        formed.add(story_id)
        inputs = story_inputs(members, fingerprint=fingerprint)
        if stored.get(story_id) != inputs:
            changed.append((story_id, members, inputs))
    # Built as analyze builds them (build_story, in worker processes for several stories of
    # several articles); the results come back in order and are written one by one.
    results = build_stories_in_workers(
        [(story_id, members) for story_id, members, _ in changed], settings=settings, registry=registry
    )
    built: list[str] = []
    for (story_id, _, inputs), result in zip(changed, results, strict=True):
        write_story(con, result, inputs=inputs, fingerprint=fingerprint, run=run)
        built.append(story_id)
    for story_id in sorted(set(stored) - formed):
        delete_story(con, story_id)
    return built


def story_inputs(members: Sequence[Article], *, fingerprint: str) -> str:
    """A digest of what a story's record is built from: its members, the copy link of each,
    and the settings fingerprint (stored articles and the source registry do not change)."""
    parts = sorted((a.id, a.copy_of or "") for a in members)
    return hashlib.sha256(json_text([fingerprint, parts]).encode()).hexdigest()[:16]


def delete_story(con: duckdb.DuckDBPyConnection, story_id: str) -> None:
    for table in STORY_TABLES:
        con.execute(f"DELETE FROM {table} WHERE {'id' if table == 'stories' else 'story'} = ?", [story_id])


def write_story(
    con: duckdb.DuckDBPyConnection, result: StoryResult, *, inputs: str, fingerprint: str, run: int
) -> None:
    """Store a built story (over the stored one of that id, if any)."""
    story = result.story
    delete_story(con, story.id)
    conflicts = sum(1 for f in story.findings if f.kind == "conflict")
    con.execute(
        "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [story.id, story.title, conflicts, fingerprint, inputs, run, json_text(to_dict(story)),
         json_text(result.mention_keys), json_text(to_dict(result.warnings))],
    )
    con.executemany("INSERT INTO story_members VALUES (?, ?)", [[story.id, a] for a in story.articles])
    if story.findings:
        con.executemany(
            "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?)",
            [[f.id, story.id, f.kind, f.slot, f.outlets, f.independent_origins] for f in story.findings],
        )
    if story.entities:
        con.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
            [[e.id, story.id, e.name, e.type, json_text(e.variants), json_text(e.articles)]
             for e in story.entities],
        )


@dataclass
class StoredStory:
    """A story as stored: its record, the entity key of each of its members' mentions
    (``mention_keys[article id][n]``), what failed when it was built, and the settings
    fingerprint it was built under."""

    story: Story
    mention_keys: dict[str, list[str | None]]
    warnings: list[RunWarning]
    fingerprint: str


def read_story(con: duckdb.DuckDBPyConnection, story_id: str) -> StoredStory | None:
    row = con.execute(
        "SELECT record, mention_keys, warnings, fingerprint FROM stories WHERE id = ?", [story_id]
    ).fetchone()
    if row is None:
        return None
    record, keys, warnings, fingerprint = row
    return StoredStory(
        story=from_dict(Story, json.loads(record)),
        mention_keys=json.loads(keys),
        warnings=[from_dict(RunWarning, w) for w in json.loads(warnings)],
        fingerprint=fingerprint,
    )
