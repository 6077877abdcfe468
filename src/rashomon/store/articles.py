"""Articles and their analyses in a store: written once (an article's id is a hash of its
content, so a stored article never changes), read back as ``rashomon.records.Article``."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence

import duckdb

from rashomon.records import Article, RunWarning, VersionChange, from_dict, to_dict
from rashomon.store.schema import json_text

# Article fields kept as columns of ``articles``; ``removed`` is a table of its own,
# ``copy_of`` lives in ``copy_links`` (it changes as the corpus grows), ``changed_from`` is
# worked out from ``article_versions`` when a story is reported, and the fields below
# are the analysis, kept as JSON in ``analyses``; so is ``provenance`` (web inputs: WARC
# record, fetch, feed entry) until ``articles`` gets a column for it with a schema migration.
METADATA_FIELDS = ("id", "path", "url", "outlet", "published", "title", "byline", "language", "text")
ANALYSIS_FIELDS = ("sentences", "mentions", "times", "quantities", "quotes", "claims", "provenance")


def stored_path(con: duckdb.DuckDBPyConnection, article: Article) -> str | None:
    """The path of the stored article with ``article``'s id or read from the same content
    (``raw_digest``), or None when the store has no such article."""
    row = con.execute(
        "SELECT path FROM articles WHERE id = ? OR (raw_digest IS NOT NULL AND raw_digest = ?) "
        "ORDER BY id = ? DESC LIMIT 1",
        [article.id, article.raw_digest, article.id],
    ).fetchone()
    return row[0] if row else None


def write_articles(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    warnings: Sequence[RunWarning],
    *,
    run: int,
    fingerprint: str,
    manifest: str | None,
) -> None:
    """Store analyzed ``articles`` (none of them stored yet) with their analysis under the
    settings ``fingerprint``; ``warnings`` are the analysis warnings of the batch, each kept
    with its article. Mention keys are left out: they belong to the article's story."""
    con.executemany(
        f"INSERT INTO articles ({', '.join(METADATA_FIELDS)}, raw_digest, ingest_run, manifest) "
        f"VALUES ({', '.join('?' * (len(METADATA_FIELDS) + 3))})",
        [[getattr(a, f) for f in METADATA_FIELDS] + [a.raw_digest, run, manifest] for a in articles],
    )
    spans = [[a.id, n, r.kind, r.text] for a in articles for n, r in enumerate(a.removed)]
    if spans:
        con.executemany("INSERT INTO removed_spans VALUES (?, ?, ?, ?)", spans)
    write_analyses(con, articles, warnings, run=run, fingerprint=fingerprint)


def write_analyses(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article], warnings: Sequence[RunWarning], *, run: int,
    fingerprint: str,
) -> None:
    """Store the analysis of each of the stored ``articles`` under ``fingerprint`` (none
    stored yet under it), each with its warnings among ``warnings``."""
    by_article: dict[str | None, list[dict]] = {}
    for warning in warnings:
        by_article.setdefault(warning.subject, []).append(to_dict(warning))
    rows = []
    for a in articles:
        analysis = {f: to_dict(getattr(a, f)) for f in ANALYSIS_FIELDS}
        for mention in analysis["mentions"]:
            mention["key"] = None
        rows.append([a.id, fingerprint, json_text(analysis), json_text(by_article.get(a.id, [])), run])
    con.executemany("INSERT INTO analyses VALUES (?, ?, ?, ?, ?)", rows)


def load_articles(
    con: duckdb.DuckDBPyConnection, *, fingerprint: str, ids: Sequence[str] | None = None
) -> tuple[list[Article], list[RunWarning]]:
    """The stored articles (those of ``ids``, else all) with their analysis under
    ``fingerprint`` and their copy links, in (path, id) order, and the warnings of their
    analyses. Mention keys are None (``rashomon.store.stories`` keeps them per story)."""
    where, params = ("", []) if ids is None else ("AND a.id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])
    columns = ", ".join(f"a.{f}" for f in METADATA_FIELDS)
    rows = con.execute(
        f"SELECT {columns}, n.analysis, n.warnings, c.original FROM articles a "
        "JOIN analyses n ON n.article = a.id AND n.fingerprint = ? "
        f"LEFT JOIN copy_links c ON c.article = a.id WHERE true {where} ORDER BY a.path, a.id",
        [fingerprint, *params],
    ).fetchall()
    removed: dict[str, list[dict]] = {}
    span_rows = con.execute(
        "SELECT article, kind, text FROM removed_spans r "
        f"WHERE true {where.replace('a.id', 'r.article')} ORDER BY article, position",
        params,
    ).fetchall()
    for article, kind, text in span_rows:
        removed.setdefault(article, []).append({"kind": kind, "text": text})
    articles: list[Article] = []
    warnings: list[RunWarning] = []
    width = len(METADATA_FIELDS)
    for row in rows:
        data = dict(zip(METADATA_FIELDS, row[:width], strict=True))
        analysis, stored_warnings, original = row[width:]
        data.update(json.loads(analysis), removed=removed.get(data["id"], []), copy_of=original)
        articles.append(from_dict(Article, data))
        warnings += [from_dict(RunWarning, w) for w in json.loads(stored_warnings)]
    return articles, warnings


def link_versions(con: duckdb.DuckDBPyConnection, articles: Sequence[Article], *, run: int) -> dict[str, str]:
    """Record each of the ``articles`` (just stored, in this order) that has the url of a
    stored article as its newest version (``article_versions``: same url, other text);
    the links made, new id -> previous id."""
    made: dict[str, str] = {}
    pending = {a.id for a in articles}
    for article in articles:
        pending.discard(article.id)
        if not article.url:
            continue
        rows = con.execute(
            "SELECT id FROM articles WHERE url = ? AND id <> ? "
            "AND id NOT IN (SELECT previous FROM article_versions) ORDER BY ingest_run DESC, path DESC, id DESC",
            [article.url, article.id],
        ).fetchall()
        heads = [r[0] for r in rows if r[0] not in pending]
        if heads:
            con.execute("INSERT INTO article_versions VALUES (?, ?, ?)", [article.id, heads[0], run])
            made[article.id] = heads[0]
    return made


def versions_of(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """Of the chains of versions that hold any of ``ids``: every version that has a newer one
    -> the newest of its chain."""
    newer: dict[str, str] = {}
    known = set(ids)
    frontier = sorted(known)
    while frontier:
        rows = con.execute(
            "SELECT previous, article FROM article_versions WHERE previous IN (SELECT unnest(?::VARCHAR[])) "
            "OR article IN (SELECT unnest(?::VARCHAR[]))", [frontier, frontier]
        ).fetchall()
        newer.update(rows)
        frontier = sorted({i for row in rows for i in row} - known)
        known.update(frontier)
    newest = {}
    for old in newer:
        head = old
        while head in newer:
            head = newer[head]
        newest[old] = head
    return newest


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")


def _sentences(article: Article) -> list[str]:
    """The article's sentences (its analysis's, else split at sentence ends and line breaks),
    with whitespace made single."""
    parts = [s.text for s in article.sentences] or _SENTENCE_END.split(article.text)
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def version_change(previous: Article, current: Article) -> VersionChange:
    """What ``current`` changed from ``previous``, sentence by sentence: the sentences only
    the previous text has and those only the current one has, in text order."""
    old, new = _sentences(previous), _sentences(current)
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in {"replace", "delete"}:
            removed += old[i1:i2]
        if tag in {"replace", "insert"}:
            added += new[j1:j2]
    return VersionChange(previous=previous.id, removed=removed, added=added)


def previous_versions(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """For each of ``ids`` that is a newer version of a stored article: that article's id."""
    if not ids:
        return {}
    rows = con.execute(
        "SELECT article, previous FROM article_versions WHERE article IN (SELECT unnest(?::VARCHAR[]))",
        [list(ids)],
    ).fetchall()
    return dict(rows)
