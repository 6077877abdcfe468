"""Reading a store: the list of its stories, and one story as a ``Report`` for the JSON and
Markdown renderers of ``analyze``."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import NoSuchStoryError, StoreError
from rashomon.records import Report, parse_iso_date
from rashomon.resolve.offices import with_offices
from rashomon.sources import SourceRegistry, load_sources
from rashomon.store.articles import load_articles, previous_versions, version_change
from rashomon.store.connection import DEFAULT_DB, open_store
from rashomon.store.pins import stored_pins
from rashomon.store.stories import read_story, redirect_of


@dataclass
class StorySummary:
    """One line of ``rashomon stories``: the story's id and title, how many articles it has,
    its outlets (the file name where an article names none), the dates of its first and last
    report (publication dates, None when no member has one) and its number of conflicts."""

    id: str
    title: str
    articles: int
    outlets: list[str]
    first_report: str | None
    last_report: str | None
    conflicts: int
    # Members superseded by a changed version of the same article (same url, new text) stored
    # since: each counts as a copy of its newest version, not as a report of its own.
    superseded: int = 0


def list_stories(
    *,
    db: str | Path = DEFAULT_DB,
    outlet: str | None = None,
    has_conflicts: bool = False,
    search: str | None = None,
    since: dt.date | None = None,
    source_type: str | None = None,
) -> list[StorySummary]:
    """The stories of the store ``db``, as ``analyze`` orders them (most articles first, then
    by their first member's path): those with an article from ``outlet`` (any letter case),
    with ``has_conflicts`` only those with a conflict, and with ``search`` only those whose
    title or a member's title or text holds it (any letter case); with ``since``, only those
    reported on or after that day (their last report); with ``source_type``, only those with
    an article from an outlet of that kind in the store's source registry ("state_media",
    "wire", "national_paper", "broadcaster", "specialist", "government")."""
    with open_store(db, read_only=True) as store:
        pins = stored_pins(store)
        rows = store.con.execute(
            "SELECT s.id, s.title, s.conflicts, a.id, a.path, a.outlet, a.published, "
            "v.article IS NOT NULL FROM stories s JOIN story_members m ON m.story = s.id "
            "JOIN articles a ON a.id = m.article LEFT JOIN article_versions v ON v.previous = a.id "
            "ORDER BY s.id, a.path, a.id"
        ).fetchall()
        found = None if not search else {
            row[0] for row in store.con.execute(
                "SELECT s.id FROM stories s WHERE contains(lower(s.title), lower($1)) UNION "
                "SELECT m.story FROM story_members m JOIN articles a ON a.id = m.article "
                "WHERE contains(lower(coalesce(a.title, '')), lower($1)) "
                "OR contains(lower(a.text), lower($1))",
                [search],
            ).fetchall()
        }
    registry = pins.registry() if pins is not None and source_type else None
    if registry is not None and source_type not in {x.kind for x in registry.sources}:
        kinds = ", ".join(sorted({x.kind for x in registry.sources}))
        raise StoreError(f"unknown source type {source_type!r}; the store's registry knows: {kinds}")
    members: dict[str, list[tuple]] = {}
    for row in rows:
        members.setdefault(row[0], []).append(row)
    wanted = outlet.casefold() if outlet else None
    out: list[tuple[tuple, StorySummary]] = []
    for story_id, group in members.items():
        title, conflicts = group[0][1], group[0][2]
        if has_conflicts and not conflicts:
            continue
        if wanted is not None and not any((r[5] or "").casefold() == wanted for r in group):
            continue
        if found is not None and story_id not in found:
            continue
        dates = sorted(d.isoformat() for r in group if (d := parse_iso_date(r[6])) is not None)
        if since is not None and (not dates or dates[-1] < since.isoformat()):
            continue
        if registry is not None and not any(
            (found_source := registry.lookup(r[5] or "")) is not None and found_source.kind == source_type
            for r in group
        ):
            continue
        outlets = sorted({r[5] or r[4].rsplit("/", 1)[-1] for r in group})
        summary = StorySummary(story_id, title, len(group), outlets, dates[0] if dates else None,
                               dates[-1] if dates else None, conflicts, sum(1 for r in group if r[7]))
        out.append(((-len(group), min((r[4], r[3]) for r in group)), summary))
    return [summary for _, summary in sorted(out, key=lambda pair: pair[0])]


def current_story_id(story: str, *, db: str | Path = DEFAULT_DB) -> str:
    """The id ``story`` goes by now: itself, or, for a story that merged into another as the
    store grew, the id of the story that holds its articles (``story_redirects``)."""
    with open_store(db, read_only=True) as store:
        return redirect_of(store.con, story) or story


def story_report(story: str, *, db: str | Path = DEFAULT_DB) -> Report:
    """The report of one stored story, as ``analyze`` reports it: the story, its articles
    (with the entity key of each mention and their copy links) and the warnings of their
    analyses and of the story's steps; no skipped inputs. An id that merged into another
    story gives that story (``current_story_id`` says which). Raises ``StoreError`` for a
    story id the store does not hold."""
    with open_store(db, read_only=True) as store:
        stored = read_story(store.con, story)
        if stored is None and (now := redirect_of(store.con, story)) is not None:
            stored = read_story(store.con, now)
        if stored is None:
            shown = os.fspath(db)
            raise NoSuchStoryError(
                f"there is no story {story!r} in {shown}: list its stories with rashomon stories "
                f"--db {shown}"
            )
        articles, warnings = load_articles(store.con, fingerprint=stored.fingerprint, ids=stored.story.articles)
        # A newer version of a stored article says what changed from the one before.
        previous = previous_versions(store.con, [a.id for a in articles])
        if previous:
            earlier, _ = load_articles(store.con, fingerprint=stored.fingerprint, ids=sorted(set(previous.values())))
            by_id = {a.id: a for a in earlier}
            for article in articles:
                if article.id in previous and previous[article.id] in by_id:
                    article.changed_from = version_change(by_id[previous[article.id]], article)
    for article in articles:
        for mention, key in zip(article.mentions, stored.mention_keys[article.id], strict=True):
            mention.key = key
    with_offices(articles, stored.story.entities)
    return Report(articles=articles, stories=[stored.story], warnings=warnings + stored.warnings)


def stored_registry(*, db: str | Path = DEFAULT_DB) -> SourceRegistry:
    """The source registry the store ``db`` was built with (the packaged one with the pinned
    file's entries on top), for a report to name each outlet's kind."""
    with open_store(db, read_only=True) as store:
        pins = stored_pins(store)
    return pins.registry() if pins is not None else load_sources()


def story_of_article(article: str, *, db: str | Path = DEFAULT_DB) -> str | None:
    """The id of the stored story that holds the stored article ``article``, if any."""
    with open_store(db, read_only=True) as store:
        row = store.con.execute("SELECT story FROM story_members WHERE article = ?", [article]).fetchone()
    return row[0] if row else None
