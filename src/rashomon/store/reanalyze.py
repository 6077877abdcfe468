"""``reanalyze``: analyze every stored article again under other settings (another
``--settings`` file, or a rashomon upgrade that changes ``Settings.fingerprint``), then
build every story again, so that a store never mixes analyses of two fingerprints.

It works in two steps, and a failure or a kill at any point leaves the store consistent and
fully under its old settings, with the work done so far kept, so that ``reanalyze`` again
resumes where it stopped:

1. Analysis: the stored articles without an analysis under the new fingerprint are analyzed
   again from their stored clean text (cleaning is not done again: the raw inputs are not
   stored; removed spans and metadata are kept as they are), ``batch_size`` at a time, each
   batch one transaction that adds their new analyses beside the old ones. Until step 2 the
   store stays pinned to the old fingerprint: ``ingest`` under the old settings still works
   (and its articles are reanalysed by the next call), ``stories`` and ``report`` read the old
   analyses, and a Ctrl-C stops after the batch under way.
2. Switch (one transaction): the vectors, salient features, similar pairs, copy links and
   stories, which all derive from analyses and settings, are worked out again from nothing:
   every article is assigned to its story by ``rashomon.store.stories.assign_stories`` in
   ``batch_size`` batches in the order the articles were stored (what ``ingest`` would have
   done under the new settings), and every story is then built once. Story ids that no longer
   form redirect to the story that now holds the article they were named after. The old
   analyses are deleted and the new fingerprint pinned.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from rashomon.records import Article, RunWarning
from rashomon.run.progress import progress_for
from rashomon.settings import Settings
from rashomon.sources import SourceRegistry
from rashomon.store.articles import load_articles, write_analyses
from rashomon.store.connection import DEFAULT_DB, Store, open_store
from rashomon.store.pins import Pins, stored_pins
from rashomon.store.schema import VECTORS_PENDING
from rashomon.store.stories import (
    STORY_TABLES,
    assign_stories,
    story_inputs,
    write_story,
)

DEFAULT_BATCH_SIZE = 200  # articles analyzed and committed together

# Tables worked out from the analyses under the pinned settings (step 2 rebuilds them).
DERIVED_TABLES = (*STORY_TABLES, "article_vectors", "salient_features", "similar_articles", "copy_links")


@dataclass
class ReanalyzeResult:
    """What one ``reanalyze`` did. ``before``/``fingerprint``: the pinned settings
    fingerprint before and the one of these settings; ``analyzed``: articles analyzed again by
    this call; ``resumed``: articles an earlier, stopped call had analyzed already;
    ``stories``: stories in the store afterwards (all built again when ``switched``);
    ``switched``: the store now holds the new analyses only and is pinned to ``fingerprint``
    (False when it was so already, or when the call was ``interrupted``)."""

    run: int | None
    before: str | None
    fingerprint: str
    analyzed: int = 0
    resumed: int = 0
    stories: int = 0
    switched: bool = False
    interrupted: bool = False
    warnings: list[RunWarning] = field(default_factory=list)
    seconds: float = 0.0


def reanalyze(
    *,
    db: str | Path = DEFAULT_DB,
    settings: Settings | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
) -> ReanalyzeResult:
    """Analyze the articles of the store ``db`` again under ``settings`` and build its stories
    again (see the module docstring); nothing is done for a store already under these
    settings. The store's source registry is kept. Raises ``StoreError`` for a missing store
    or one in use."""
    from rashomon.store.ingest import _start_run, _stop_after_batch, _story_warnings

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    settings = settings or Settings()
    fingerprint = settings.fingerprint()
    with open_store(db) as store:
        pinned = stored_pins(store)
        result = ReanalyzeResult(run=None, before=pinned.fingerprint if pinned else None, fingerprint=fingerprint)
        if pinned is None or pinned.fingerprint == fingerprint:
            result.stories = store.con.execute("SELECT count(*) FROM stories").fetchone()[0]
            result.seconds = time.perf_counter() - started
            return result
        registry = pinned.registry()
        result.run = run = _start_run(store, [], manifest=None, pins=Pins(fingerprint, pinned.sources_path))
        try:
            with _stop_after_batch() as stop:
                _analyse_again(store, result, old=pinned.fingerprint, settings=settings, registry=registry,
                               size=batch_size, progress=progress, stop=stop.is_set)
                if not result.interrupted:
                    with store.transaction() as con:
                        switch(con, settings=settings, registry=registry, fingerprint=fingerprint, run=run,
                               size=batch_size, progress=progress)
                    result.switched = True
        except BaseException as exc:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            _finish_reanalysis(store, result, status=status, error=f"{type(exc).__name__}: {exc}")
            raise
        _finish_reanalysis(store, result, status="interrupted" if result.interrupted else "done",
                           error="stopped by Ctrl-C after a batch; reanalyze again to resume" if result.interrupted else None)
        if result.switched:
            ids = [r[0] for r in store.con.execute("SELECT id FROM stories ORDER BY id").fetchall()]
            result.warnings += _story_warnings(store, ids)
        result.stories = store.con.execute("SELECT count(*) FROM stories").fetchone()[0]
    result.seconds = time.perf_counter() - started
    return result


def _finish_reanalysis(store: Store, result: ReanalyzeResult, *, status: str, error: str | None) -> None:
    from rashomon.store.ingest import IngestResult, _finish_run

    _finish_run(store, result.run, IngestResult(run=result.run), status=status, error=error)


def _analyse_again(
    store: Store, result: ReanalyzeResult, *, old: str, settings: Settings, registry: SourceRegistry, size: int,
    progress: bool, stop,  # noqa: ANN001 - a callable saying whether to stop
) -> None:
    """Step 1: the articles without an analysis under the new fingerprint analyzed again,
    ``size`` per transaction."""
    from rashomon.store.ingest import _analyze

    con = store.con
    todo = _ordered_ids(con, where="NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article = a.id AND n.fingerprint = ?)",
                        params=[result.fingerprint])
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    result.resumed = total - len(todo)
    with progress_for(progress).stage("reanalysed", total=len(todo), unit="article") as done:
        for start in range(0, len(todo), size):
            stored, _ = load_articles(con, fingerprint=old, ids=todo[start : start + size])
            articles, warnings = _analyze([_unanalysed(a) for a in stored], settings=settings, registry=registry,
                                          progress=False)
            with store.transaction() as tx:
                write_analyses(tx, articles, warnings, run=result.run, fingerprint=result.fingerprint)
                tx.execute("UPDATE ingest_runs SET new = new + ? WHERE id = ?", [len(articles), result.run])
            result.analyzed += len(articles)
            result.warnings += warnings
            done(len(articles))
            if stop() and start + size < len(todo):
                result.interrupted = True
                return


def switch(
    con: duckdb.DuckDBPyConnection, *, settings: Settings, registry: SourceRegistry | None, fingerprint: str,
    run: int, size: int = DEFAULT_BATCH_SIZE, progress: bool = False,
) -> None:
    """Step 2, inside the caller's transaction (every article has an analysis under
    ``fingerprint``): the derived tables worked out again, every story built, the old
    analyses dropped and ``fingerprint`` pinned."""
    from rashomon.run.parallel import build_stories_in_workers

    old_members: dict[str, list[str]] = {}
    for story, article in con.execute("SELECT story, article FROM story_members ORDER BY story, article").fetchall():
        old_members.setdefault(story, []).append(article)
    old_redirects = dict(con.execute("SELECT old, new FROM story_redirects").fetchall())
    for table in DERIVED_TABLES:
        con.execute(f"DELETE FROM {table}")
    con.execute("DELETE FROM analyses WHERE fingerprint <> ?", [fingerprint])
    con.execute("DELETE FROM meta WHERE key = ?", [VECTORS_PENDING])
    con.execute("UPDATE meta SET value = ? WHERE key = 'settings_fingerprint'", [fingerprint])
    ids = _ordered_ids(con)
    for start in range(0, len(ids), size):
        articles, _ = load_articles(con, fingerprint=fingerprint, ids=ids[start : start + size])
        assign_stories(con, articles, settings=settings, registry=registry, fingerprint=fingerprint, run=run,
                       build=False)
    _redirect_old_ids(con, old_members, old_redirects, run=run)
    # Every story built once, now that memberships and copy links are final, a batch of
    # about ``size`` articles at a time.
    stories: dict[str, list[str]] = {}
    for story, article in con.execute("SELECT story, article FROM story_members ORDER BY story, article").fetchall():
        stories.setdefault(story, []).append(article)
    chunks: list[list[str]] = [[]]
    for story_id, members in stories.items():
        if chunks[-1] and sum(len(stories[s]) for s in chunks[-1]) + len(members) > size:
            chunks.append([])
        chunks[-1].append(story_id)
    with progress_for(progress).stage("stories built", total=len(stories), unit="story") as done:
        for chunk in chunks:
            wanted = sorted(a for s in chunk for a in stories[s])
            articles, _ = load_articles(con, fingerprint=fingerprint, ids=wanted) if wanted else ([], [])
            by_id = {a.id: a for a in articles}
            groups = [(s, [by_id[a] for a in stories[s]]) for s in chunk]
            results = build_stories_in_workers(groups, settings=settings, registry=registry)
            for (story_id, members), built in zip(groups, results, strict=True):
                write_story(con, built, inputs=story_inputs(members, fingerprint=fingerprint),
                            fingerprint=fingerprint, run=run)
            done(len(chunk))


def _redirect_old_ids(
    con: duckdb.DuckDBPyConnection, old_members: dict[str, list[str]], old_redirects: dict[str, str], *, run: int
) -> None:
    """Redirects as the store had them, for ids that no longer form: each story id that does
    not form again leads to the story now holding the article it was named after (the first
    of its members), and each old redirect to where its target now leads."""
    now = dict(con.execute("SELECT article, story FROM story_members").fetchall())
    formed = {s for s, in con.execute("SELECT id FROM stories").fetchall()}
    con.execute("DELETE FROM story_redirects")  # (those of the passes just made)
    target = {s: now[min(m)] for s, m in old_members.items() if s not in formed and min(m) in now}
    rows = dict(target)
    for old, new in old_redirects.items():
        if old not in formed:
            rows[old] = new if new in formed else target.get(new, new)
    rows = {o: n for o, n in rows.items() if n in formed}
    if rows:
        con.executemany("INSERT INTO story_redirects VALUES (?, ?, ?)", [[o, n, run] for o, n in sorted(rows.items())])


def _ordered_ids(con: duckdb.DuckDBPyConnection, *, where: str = "true", params: Sequence[object] = ()) -> list[str]:
    """Ids of stored articles, in the order they were stored (run, then path and id, as a
    batch of ``ingest`` orders them)."""
    return [r[0] for r in con.execute(
        f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.ingest_run, a.path, a.id", list(params)
    ).fetchall()]


def _unanalysed(article: Article) -> Article:
    """The stored article as cleaned, before its analysis (provenance is metadata, kept)."""
    return replace(article, sentences=[], mentions=[], times=[], quantities=[], quotes=[], claims=[], copy_of=None)

