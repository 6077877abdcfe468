"""The tables of a corpus store, their version, and the migration hook.

A store records the version of its schema in ``meta`` (key ``schema_version``). A store of
this version opens as it is; an older one is brought up to date by the functions in
``MIGRATIONS`` (one per version step, all in one transaction) or, when no path leads from its
version, refused with what to do; a newer one (written by a later rashomon) is refused.

What is normalised and what is JSON text: article metadata, removed spans, copy links, story
members, findings (kind, slot, counts) and entities (name, type) are columns. The analysis of
an article (sentences, mentions, times, quantities, quotes, claims) and a story's whole record
(``rashomon.records.Story``: findings with their evidence and origins, entities, quote groups,
coverage) are kept as the JSON of ``rashomon.records.to_dict`` in text columns, read back with
``rashomon.records.from_dict``; ``meta.records_schema`` names the shape of those records
(``rashomon.records.RECORDS_SCHEMA``).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import duckdb

from rashomon.errors import StoreVersionError

# The version of the tables below; raised whenever a table or column changes, with a
# migration from the version before added to MIGRATIONS.
SCHEMA_VERSION = 3

TABLES = {
    "meta": """
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL""",
    # One row per `ingest` or `reanalyze` call (a reanalysis: paths [], `new` the articles
    # it analyzed again); status: running, done, failed, interrupted (a run killed
    # before it finished; batches it committed are kept).
    "ingest_runs": """
        id INTEGER PRIMARY KEY,
        started TIMESTAMP NOT NULL,
        finished TIMESTAMP,
        status VARCHAR NOT NULL,
        cwd VARCHAR NOT NULL,
        paths VARCHAR NOT NULL,            -- JSON list of the paths as given
        manifest VARCHAR,
        sources VARCHAR,
        settings_fingerprint VARCHAR NOT NULL,
        new INTEGER NOT NULL DEFAULT 0,
        already_stored INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        stories_rebuilt INTEGER NOT NULL DEFAULT 0,
        skipped_inputs VARCHAR NOT NULL DEFAULT '[]',  -- JSON list of {path, reason}
        error VARCHAR""",
    # path: the input the article was read from, as named at ingest (relative to the run's
    # cwd; "file.jsonl#3" for a record); raw_digest: the digest of that input's bytes or
    # record (rashomon.ingest.drop_duplicates).
    "articles": """
        id VARCHAR PRIMARY KEY,
        path VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        published VARCHAR,
        title VARCHAR,
        byline VARCHAR,
        language VARCHAR,
        text VARCHAR NOT NULL,
        raw_digest VARCHAR,
        ingest_run INTEGER NOT NULL,
        manifest VARCHAR""",
    "removed_spans": """
        article VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (article, position)""",
    # analysis: JSON {sentences, mentions, times, quantities, quotes, claims}; warnings: JSON
    # list of the RunWarnings its analysis gave.
    "analyses": """
        article VARCHAR NOT NULL,
        fingerprint VARCHAR NOT NULL,
        analysis VARCHAR NOT NULL,
        warnings VARCHAR NOT NULL,
        ingest_run INTEGER NOT NULL,
        PRIMARY KEY (article, fingerprint)""",
    "copy_links": """
        article VARCHAR PRIMARY KEY,
        original VARCHAR NOT NULL""",
    # record: JSON of the Story; mention_keys: JSON {article id: [entity key or null per
    # mention]}; inputs: a digest of what the story was built from (members, their copy links).
    "stories": """
        id VARCHAR PRIMARY KEY,
        title VARCHAR NOT NULL,
        conflicts INTEGER NOT NULL,
        fingerprint VARCHAR NOT NULL,
        inputs VARCHAR NOT NULL,
        rebuilt_run INTEGER NOT NULL,
        record VARCHAR NOT NULL,
        mention_keys VARCHAR NOT NULL,
        warnings VARCHAR NOT NULL""",
    "story_members": """
        story VARCHAR NOT NULL,
        article VARCHAR NOT NULL,
        PRIMARY KEY (story, article)""",
    "findings": """
        id VARCHAR PRIMARY KEY,
        story VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        slot VARCHAR,
        outlets INTEGER NOT NULL,
        independent_origins INTEGER NOT NULL""",
    "entities": """
        id VARCHAR PRIMARY KEY,
        story VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        variants VARCHAR NOT NULL,         -- JSON list
        articles VARCHAR NOT NULL""",
    # Story assignment (rashomon.store.stories). vector: each article's feature vector
    # (rashomon.cluster.FeatureVector; keys and float32 weights) and its publication day
    # (date ordinal, NULL when unknown), written with the article.
    "article_vectors": """
        article VARCHAR NOT NULL,
        day INTEGER,
        keys BIGINT[] NOT NULL,
        weights FLOAT[] NOT NULL""",
    # The index that finds an article's neighbours without a scan of the corpus: the
    # ClusterSettings.salient_features heaviest features of each article, with its day.
    "salient_features": """
        feature BIGINT NOT NULL,
        day INTEGER,
        article VARCHAR NOT NULL,
        weight FLOAT NOT NULL""",
    # The direct similarity graph: every pair of stored articles at least
    # ClusterSettings.neighbour_floor directly similar (both directions; the second-order
    # similarity of rashomon.cluster is made of these alone).
    "similar_articles": """
        article VARCHAR NOT NULL,
        other VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL""",
    # A story id that no longer forms (its first article joined a story of another id) and
    # the id of the story that holds it now.
    "story_redirects": """
        old VARCHAR PRIMARY KEY,
        new VARCHAR NOT NULL,
        run INTEGER NOT NULL""",
    # A changed version of an article: ``article`` has the url of the stored ``previous`` and
    # other text (so another id). Each previous article has at most one newer version; the
    # newest of a chain stands for it in its story (rashomon.store.stories: a superseded
    # version counts as a copy of the newest, never as a second report).
    "article_versions": """
        article VARCHAR PRIMARY KEY,
        previous VARCHAR NOT NULL UNIQUE,
        ingest_run INTEGER NOT NULL""",
    # The --sources file the store's analyses were made with (its content), if any.
    "source_registry": """
        digest VARCHAR PRIMARY KEY,
        path VARCHAR NOT NULL,
        content VARCHAR NOT NULL,
        ingest_run INTEGER NOT NULL""",
}


# Tables added by schema version 2 (story assignment without a scan of the corpus).
_VERSION_2_TABLES = ("article_vectors", "salient_features", "similar_articles", "story_redirects")
# meta key set while stored articles lack their vectors and similarities (a store migrated
# from version 1): the next ingest works them out, under its settings, before its first batch.
VECTORS_PENDING = "vectors_pending"


def _to_version_2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1 to 2: the story-assignment tables, empty. Vectors need the cluster settings
    the store was built under, which only ``ingest`` knows (it checks them against the pinned
    fingerprint), so a store that holds articles is marked ``VECTORS_PENDING`` and its next
    ingest fills the tables (``rashomon.store.stories.backfill_vectors``)."""
    for name in _VERSION_2_TABLES:
        con.execute(f"CREATE TABLE {name} ({TABLES[name]})")
    if con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        con.execute("INSERT INTO meta VALUES (?, '1')", [VECTORS_PENDING])


def _to_version_3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2 to 3: ``article_versions``, filled from the stored articles that share a url
    (each one a version of the one stored before it: by ingest run, then path and id). Their
    copy links and stories are brought up to date as the stories they touch are next built."""
    con.execute(f"CREATE TABLE article_versions ({TABLES['article_versions']})")
    con.execute(
        "INSERT INTO article_versions SELECT id, previous, ingest_run FROM (SELECT id, ingest_run, "
        "lag(id) OVER (PARTITION BY url ORDER BY ingest_run, path, id) AS previous FROM articles "
        "WHERE url IS NOT NULL) WHERE previous IS NOT NULL"
    )


# MIGRATIONS[v] brings a store of version v to version v + 1 (inside the opening transaction).
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {1: _to_version_2, 2: _to_version_3}


def json_text(value: object) -> str:
    """The text a JSON column holds for ``value`` (compact, UTF-8 as is)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def create_schema(con: duckdb.DuckDBPyConnection, *, records_schema: int) -> None:
    """Create every table of this version in an empty database and record the version."""
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE {name} ({columns})")
    con.execute("CREATE INDEX articles_digest ON articles (raw_digest)")
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [["schema_version", str(SCHEMA_VERSION)], ["records_schema", str(records_schema)]],
    )


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version a database records, or None when it is no rashomon store."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "meta" not in tables:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row and row[0].isdigit() else None


def check_version(version: int, *, path: str) -> None:
    """Nothing when a store of schema ``version`` can be used here (as it is, or migrated);
    else ``StoreVersionError`` saying what to do."""
    if version > SCHEMA_VERSION:
        raise StoreVersionError(
            f"{path} has store schema {version}, newer than this rashomon reads "
            f"({SCHEMA_VERSION}): upgrade rashomon (pip install -U rashomon) to use it, or "
            "give another --db"
        )
    missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing:
        raise StoreVersionError(
            f"{path} has store schema {version}, older than this rashomon's "
            f"({SCHEMA_VERSION}), and there is no migration from schema {missing[0]}: ingest "
            "the inputs again into a new store (--db NEW_FILE)"
        )


def migrate(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Bring a store of schema ``version`` (``check_version`` passed) to ``SCHEMA_VERSION``;
    the caller holds the transaction."""
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](con)
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step + 1)])
