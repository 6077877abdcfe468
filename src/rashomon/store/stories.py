"""Stories in a store: which stored articles form them (``assign_stories``), and each story's
record, members, findings and entities.

A batch of new articles finds its stories without a scan of the corpus, through what each
stored article keeps beside its analysis (schema version 2):

- its feature vector (``rashomon.cluster.FeatureVector``: fixed background weights, so the
  vector does not depend on the other articles) and publication day, in ``article_vectors``;
- its ``ClusterSettings.salient_features`` heaviest features, in ``salient_features``: the
  index through which a new article finds the stored articles it may be similar to;
- every pair of stored articles at least ``ClusterSettings.neighbour_floor`` directly
  similar, in ``similar_articles``. The second-order similarity that clustering uses is made
  of these pairs alone (``rashomon.cluster.second_order``).

``assign_stories`` then works in four steps, each bounded by the neighbourhood of the batch
rather than by the size of the corpus:

1. Neighbours of the new articles: the stored articles sharing one of their salient features
   with any feature of a new article, published within ``rashomon.cluster.reach_days`` of it
   (beyond that the date damping alone keeps them below the floor; an undated article has no
   damping, so it is looked up at any date), are the candidates; their vectors are read and
   the exact direct similarity kept where it reaches the floor. The new pairs are stored.
2. The local neighbourhood: the stored stories of those neighbours and the new articles are
   the core; the neighbours of the core (ring 1) and their neighbours (ring 2) are read from
   ``similar_articles``, so that the second-order similarity of every pair of core and ring-1
   articles is the one a whole-corpus run computes. ``rashomon.cluster.groups`` clusters core
   and ring 1 together; where a group joins core articles with a ring-1 article, that
   article's story is taken into the core and the step repeats (at most
   ``_MAX_ROUNDS`` times). Groups of ring articles alone are left as stored.
3. Copy links among the new articles, their neighbours and the copy groups and chains of
   versions (``article_versions``) those belong to, by ``rashomon.copies.find_copies`` over
   these alone (a copy is near its original in the same features, so it is among the
   neighbours); a superseded version of an article counts as a copy of its newest version
   (``with_versions``).
4. Writing: a story whose members and their copy links are as stored keeps its record; any
   other is built with ``build_story`` and written; a core story whose id no longer forms is
   deleted, and its id redirects (``story_redirects``) to the story that now holds the
   article the id was made from.

What is read for a batch depends on how many stored articles are near the new ones (in
features and, for dated articles, in time), not on how many are stored. The second-order
similarities of core and ring-1 articles are exactly those of a whole-corpus run, so the
stories are those of ``rashomon.cluster.cluster_stories`` over the whole corpus wherever the
group of linked articles a story comes from lies within the core and ring 1, and wherever the
salient-feature index finds every neighbour (99.97 % of pairs on ECB+, see
``ClusterSettings.salient_features``). ``bench/bench_store.py --agreement`` measures the
agreement on all of ECB+ in batches of 25 and 100 in shuffled orders: B-cubed F1 1.000.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb
import numpy as np
from scipy import sparse

from rashomon.cluster import (
    FeatureVector,
    article_days,
    direct_from_vectors,
    feature_vectors,
    groups,
    reach_days,
    second_order,
    vector_matrix,
)
from rashomon.copies import copy_links, find_copies
from rashomon.records import Article, RunWarning, Story, from_dict, to_dict
from rashomon.run.parallel import build_stories_in_workers
from rashomon.run.story import StoryResult, story_id_of
from rashomon.settings import ClusterSettings, Settings
from rashomon.sources import SourceRegistry
from rashomon.store.articles import load_articles, versions_of
from rashomon.store.schema import VECTORS_PENDING, json_text

STORY_TABLES = ("stories", "story_members", "findings", "entities")
# Rounds of step 2 (taking into the core the stories of ring articles that join a core
# group). On ECB+ in batches of 25 and 100 in shuffled orders, no batch needed a fourth.
_MAX_ROUNDS = 4


@dataclass
class Assignment:
    """What ``assign_stories`` did for one batch: ``stories``: the members of every story of
    the local neighbourhood as it now is (id -> sorted member ids); ``built``: the ids of the
    stories built, in build order; ``removed``: stored story ids that no longer form, each
    redirecting to the id in ``redirects``; and what was read for it: ``candidates`` (stored
    articles whose vectors were read to find the new articles' neighbours), ``local`` (the
    articles of the neighbourhood clustered: core and ring 1) and ``read`` (core and both
    rings), and ``rounds`` of step 2."""

    stories: dict[str, list[str]] = field(default_factory=dict)
    built: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    candidates: int = 0
    local: int = 0
    read: int = 0
    rounds: int = 0


def assign_stories(
    con: duckdb.DuckDBPyConnection,
    new: Sequence[Article],
    *,
    settings: Settings,
    registry: SourceRegistry | None,
    fingerprint: str,
    run: int,
    build: bool = True,
) -> Assignment:
    """Give the ``new`` articles (stored already, without vectors) their stories, through the
    local neighbourhood described in the module docstring, and build again the stories whose
    members or copy links changed. Without ``build`` the memberships, copy links and
    redirects are written and the records of the stories changed are left as they were
    (``Assignment.built`` lists what would have been built): for measuring the assignment."""
    out = Assignment()
    if not new:
        return out
    cluster = settings.cluster
    vectors = dict(zip((a.id for a in new), feature_vectors(new, settings=cluster), strict=True))
    days = dict(zip((a.id for a in new), article_days(new).tolist(), strict=True))
    pairs, out.candidates = _new_pairs(con, vectors, days, settings=cluster)
    write_vectors(con, vectors, days, settings=cluster)
    _write_pairs(con, pairs)
    neighbours = {b for a, b, _ in pairs if b not in vectors}
    core_stories = set(_stories_of(con, neighbours).values())
    found, core, out.rounds, out.local, out.read = _local_groups(con, set(vectors), core_stories, settings=cluster)
    links = _update_copy_links(con, set(vectors) | neighbours, settings=settings, registry=registry)
    by_member = {}
    for group in found:
        story_id = story_id_of([Article(id=min(group), path="")])
        out.stories[story_id] = group
        by_member.update(dict.fromkeys(group, story_id))
    # Stories outside the core whose members' copy links changed are built again too.
    for story_id, members in _members_of(con, set(_stories_of(con, links).values()) - core).items():
        out.stories[story_id] = members
    stored_members = _members_of(con, core)
    for old in sorted(core - set(out.stories)):
        out.removed.append(old)
        out.redirects[old] = by_member[min(stored_members[old])]
    changed = _changed_stories(con, out.stories, fingerprint=fingerprint)
    out.built = [story_id for story_id, _ in changed]
    delete_stories(con, out.removed + out.built)
    _write_redirects(con, out.redirects, formed=out.stories, run=run)
    if build:
        members = _load_members(con, [out.stories[s] for s, _ in changed], fingerprint=fingerprint)
        # Built as analyze builds them (build_story, in worker processes for several stories
        # of several articles); the results come back in order and are written one by one.
        results = build_stories_in_workers(
            [(story_id, group) for (story_id, _), group in zip(changed, members, strict=True)],
            settings=settings, registry=registry,
        )
    else:
        results = [StoryResult(Story(id=story_id, title="", articles=out.stories[story_id])) for story_id, _ in changed]
    for (_, inputs), result in zip(changed, results, strict=True):
        write_story(con, result, inputs=inputs, fingerprint=fingerprint, run=run, replace=False)
    return out


def write_vectors(
    con: duckdb.DuckDBPyConnection, vectors: dict[str, FeatureVector], days: dict[str, float], *, settings: ClusterSettings
) -> None:
    """Store the articles' vectors and their salient features (the index of step 1)."""
    if not vectors:
        return
    ids = list(vectors)
    counts = [len(vectors[i].keys) for i in ids]
    day_of = [None if np.isnan(days[i]) else int(days[i]) for i in ids]
    flat = {
        "article": np.repeat(np.array(ids, dtype=object), counts),
        "day": np.repeat(np.array([np.nan if d is None else d for d in day_of]), counts),
        "key": np.concatenate([vectors[i].keys for i in ids]),
        "weight": np.concatenate([vectors[i].weights for i in ids]),
        "rank": np.concatenate([np.argsort(vectors[i].salient) for i in ids]),
    }
    con.register("_vectors", flat)
    try:
        con.execute(
            "INSERT INTO article_vectors SELECT article, any_value(day)::INTEGER, list(key ORDER BY key), "
            "list(weight::FLOAT ORDER BY key) FROM _vectors GROUP BY article ORDER BY article"
        )
        con.execute(
            "INSERT INTO salient_features SELECT key, day::INTEGER, article, weight::FLOAT FROM _vectors "
            "WHERE rank < ? ORDER BY day, key",
            [settings.salient_features],
        )
    finally:
        con.unregister("_vectors")


def backfill_vectors(con: duckdb.DuckDBPyConnection, *, settings: Settings, fingerprint: str) -> int:
    """For a store migrated from schema version 1 (``VECTORS_PENDING`` set): the vectors,
    salient features and similar pairs of every stored article, worked out once over the
    whole corpus; the number of articles. Its stories are left as stored."""
    if con.execute("SELECT count(*) FROM meta WHERE key = ?", [VECTORS_PENDING]).fetchall()[0][0] == 0:
        return 0
    articles, _ = load_articles(con, fingerprint=fingerprint)
    cluster = settings.cluster
    vectors = dict(zip((a.id for a in articles), feature_vectors(articles, settings=cluster), strict=True))
    days = dict(zip((a.id for a in articles), article_days(articles).tolist(), strict=True))
    write_vectors(con, vectors, days, settings=cluster)
    ids = list(vectors)
    sim = direct_from_vectors(vector_matrix(list(vectors.values())), np.array([days[i] for i in ids]),
                              settings=cluster).tocoo()
    keep = (sim.row != sim.col) & (sim.data >= cluster.neighbour_floor)
    _write_pairs(con, [(ids[i], ids[j], float(v)) for i, j, v in zip(sim.row[keep], sim.col[keep], sim.data[keep], strict=True)],
                 both=False)
    con.execute("DELETE FROM meta WHERE key = ?", [VECTORS_PENDING])
    return len(articles)


def _new_pairs(
    con: duckdb.DuckDBPyConnection, vectors: dict[str, FeatureVector], days: dict[str, float], *, settings: ClusterSettings
) -> tuple[list[tuple[str, str, float]], int]:
    """Step 1: the pairs of a new article and another (new or stored) at least
    ``neighbour_floor`` directly similar, each once, new article first; and the number of
    stored candidates whose vectors were read."""
    ids = list(vectors)
    new_days = np.array([days[i] for i in ids])
    x = vector_matrix([vectors[i] for i in ids])
    pairs: list[tuple[str, str, float]] = []
    within = direct_from_vectors(x, new_days, settings=settings).tocoo()
    for i, j, v in zip(within.row, within.col, within.data, strict=True):
        if i < j and v >= settings.neighbour_floor:
            pairs.append((ids[i], ids[j], float(v)))
    candidates = _candidates(con, vectors, days, settings=settings)
    if candidates:
        stored = _read_vectors(con, candidates)
        others = sorted(stored)
        both = vector_matrix([vectors[i] for i in ids] + [stored[o][0] for o in others])
        sim = direct_from_vectors(
            both[: len(ids)], new_days, settings=settings, others=both[len(ids) :],
            other_days=np.array([stored[o][1] for o in others]),
        ).tocoo()
        for i, j, v in zip(sim.row, sim.col, sim.data, strict=True):
            if v >= settings.neighbour_floor:
                pairs.append((ids[i], others[j], float(v)))
    return pairs, len(candidates)


def _candidates(
    con: duckdb.DuckDBPyConnection, vectors: dict[str, FeatureVector], days: dict[str, float], *, settings: ClusterSettings
) -> dict[str, float]:
    """Stored articles with a salient feature among the features of a new article, published
    within reach of it (or either undated), and their days (NaN when undated)."""
    reach = int(np.ceil(reach_days(settings)))
    ids = list(vectors)
    query = {
        "article": np.repeat(np.array(ids, dtype=object), [len(vectors[i].keys) for i in ids]),
        "key": np.concatenate([vectors[i].keys for i in ids]),
        "day": np.repeat(np.array([days[i] for i in ids]), [len(vectors[i].keys) for i in ids]),
    }
    dated = [days[i] for i in ids if not np.isnan(days[i])]
    # Dated stored articles within reach of a new one (a constant range too, which DuckDB
    # checks against each row group's range of days before reading it: a store filled in
    # about the order of publication reads the row groups of those days only), or at any
    # date for an undated new article; and undated stored articles.
    dated_rows = "s.day IS NOT NULL" if len(dated) < len(ids) else (
        f"s.day BETWEEN {int(min(dated)) - reach} AND {int(max(dated)) + reach}"
    )
    con.register("_query", query)
    try:
        rows = con.execute(
            "SELECT DISTINCT s.article, s.day FROM salient_features s JOIN _query q ON s.feature = q.key "
            f"WHERE {dated_rows} AND (q.day IS NULL OR abs(s.day - q.day) <= {reach}) "
            "UNION SELECT DISTINCT s.article, s.day FROM salient_features s JOIN _query q ON s.feature = q.key "
            "WHERE s.day IS NULL"
        ).fetchall()
    finally:
        con.unregister("_query")
    return {article: np.nan if day is None else float(day) for article, day in sorted(rows)}


def _read_vectors(con: duckdb.DuckDBPyConnection, days: dict[str, float]) -> dict[str, tuple[FeatureVector, float]]:
    """The stored vectors of the articles of ``days`` (their days, NaN when undated: the
    range of days lets DuckDB skip the row groups of other days)."""
    dated = sorted(a for a, d in days.items() if not np.isnan(d))
    undated = sorted(a for a, d in days.items() if np.isnan(d))
    out: dict[str, tuple[FeatureVector, float]] = {}
    for where, params, wanted in (
        ("day BETWEEN ? AND ?", [int(min(days[a] for a in dated)), int(max(days[a] for a in dated))] if dated else [], dated),
        ("day IS NULL", [], undated),
    ):
        if not wanted:
            continue
        found = con.execute(
            f"SELECT article, day, keys, weights FROM article_vectors WHERE {where} "
            "AND list_contains(?::VARCHAR[], article)",
            [*params, wanted],
        ).fetchnumpy()
        found_days = np.ma.filled(np.ma.asarray(found["day"]).astype(np.float64), np.nan)
        for article, day, keys, weights in zip(found["article"], found_days, found["keys"], found["weights"], strict=True):
            out[str(article)] = (FeatureVector(np.asarray(keys, dtype=np.int64), np.asarray(weights, dtype=np.float32)),
                                 float(day))
    return out


def _write_pairs(con: duckdb.DuckDBPyConnection, pairs: Sequence[tuple[str, str, float]], *, both: bool = True) -> None:
    if not pairs:
        return
    a, b, v = zip(*pairs, strict=True)
    rows = {"article": np.array(a + b if both else a, dtype=object),
            "other": np.array(b + a if both else b, dtype=object),
            "similarity": np.array(v + v if both else v, dtype=np.float64)}
    con.register("_pairs", rows)
    try:
        con.execute("INSERT INTO similar_articles SELECT article, other, similarity FROM _pairs")
    finally:
        con.unregister("_pairs")


def _in(column: str) -> str:
    return f"{column} IN (SELECT unnest(?::VARCHAR[]))"


def _stories_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, str]:
    """Article id -> its stored story, for the stored ones of ``ids``."""
    ids = sorted(ids)
    if not ids:
        return {}
    return dict(con.execute(f"SELECT article, story FROM story_members WHERE {_in('article')}", [ids]).fetchall())


def _members_of(con: duckdb.DuckDBPyConnection, stories: Iterable[str]) -> dict[str, list[str]]:
    stories = sorted(stories)
    out: dict[str, list[str]] = {s: [] for s in stories}
    if stories:
        for story, article in con.execute(
            f"SELECT story, article FROM story_members WHERE {_in('story')} ORDER BY story, article", [stories]
        ).fetchall():
            out[story].append(article)
    return out


def _pairs_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> list[tuple[str, str, float]]:
    ids = sorted(ids)
    if not ids:
        return []
    return con.execute(
        f"SELECT article, other, similarity FROM similar_articles WHERE {_in('article')}", [ids]
    ).fetchall()


def _local_groups(
    con: duckdb.DuckDBPyConnection, new: set[str], core_stories: set[str], *, settings: ClusterSettings
) -> tuple[list[list[str]], set[str], int, int, int]:
    """Step 2: the groups of the core articles (sorted member ids), the core stories, the
    rounds taken, and the sizes of the neighbourhood clustered (core and ring 1) and read
    (and ring 2) in the last round."""
    rounds = 0
    while True:
        rounds += 1
        core = set(new)
        for members in _members_of(con, core_stories).values():
            core.update(members)
        inner = _pairs_of(con, core)
        ring1 = {b for _, b, _ in inner} - core
        outer = _pairs_of(con, ring1)
        local = sorted(core | ring1)
        everything = local + sorted({b for _, b, _ in outer} - set(local))
        index = {a: n for n, a in enumerate(everything)}
        rows, cols, vals = [], [], []
        for a, b, v in inner + outer:
            rows.append(index[a])
            cols.append(index[b])
            vals.append(v)
        n = len(everything)
        direct = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n)) + sparse.identity(n, format="csr")
        sim = second_order(sparse.csr_matrix(direct), settings=settings)[: len(local)][:, : len(local)]
        found = [sorted(local[i] for i in g) for g in groups(sparse.csr_matrix(sim), settings.threshold)]
        joined = {a for g in found if not core.isdisjoint(g) for a in g if a not in core}
        if not joined or rounds == _MAX_ROUNDS:
            # (Past the last round, ring articles joined to core groups stay where they are.)
            kept = [[a for a in g if a in core] for g in found if not core.isdisjoint(g)]
            return [g for g in kept if g], core_stories, rounds, len(local), n
        core_stories |= set(_stories_of(con, joined).values())


def _update_copy_links(
    con: duckdb.DuckDBPyConnection, near: set[str], *, settings: Settings, registry: SourceRegistry | None
) -> set[str]:
    """Step 3: copy links worked out again over ``near`` (the new articles and their
    neighbours) and the copy groups its articles belong to; the ids whose link changed."""
    ids = sorted(near)
    linked = con.execute(
        f"SELECT article, original FROM copy_links WHERE {_in('article')} OR {_in('original')}", [ids, ids]
    ).fetchall()
    group = set(ids) | {a for a, _ in linked} | {o for _, o in linked}
    originals = sorted(group)
    linked = con.execute(
        f"SELECT article, original FROM copy_links WHERE {_in('article')} OR {_in('original')}",
        [originals, originals],
    ).fetchall()
    group |= {a for a, _ in linked} | {o for _, o in linked}
    newest = versions_of(con, sorted(group))
    group |= set(newest) | set(newest.values())
    members = sorted(group)
    rows = con.execute(
        f"SELECT id, path, outlet, published, text FROM articles WHERE {_in('id')}", [members]
    ).fetchall()
    articles = [Article(id=i, path=p, outlet=o, published=d, text=t) for i, p, o, d, t in rows]
    before = dict(con.execute(f"SELECT article, original FROM copy_links WHERE {_in('article')}", [members]).fetchall())
    after = with_versions(copy_links(find_copies(articles, settings=settings.copies, registry=registry)), newest)
    con.execute(f"DELETE FROM copy_links WHERE {_in('article')}", [members])
    if after:
        con.executemany("INSERT INTO copy_links VALUES (?, ?)", sorted(after.items()))
    return {a for a in members if before.get(a) != after.get(a)}


def with_versions(links: dict[str, str], newest: dict[str, str]) -> dict[str, str]:
    """Copy links (article -> original) with versions of one article kept out of double
    counting: a superseded version (``newest``: old version -> newest of its chain) counts as
    a copy of its newest version, or of that one's original when it is a copy itself; links
    between versions of one chain are dropped, and a copy of an old version points at what
    the old version now points at."""
    if not newest:
        return links
    chain = {a: newest.get(a, a) for a in {*links, *links.values(), *newest}}
    out = {a: o for a, o in links.items() if chain[a] != chain[o]}
    for old, head in newest.items():
        out[old] = out.get(head, head)
    for article, original in list(out.items()):
        if original in newest and article not in newest:
            out[article] = out[original]
    return out


def _changed_stories(
    con: duckdb.DuckDBPyConnection, stories: dict[str, list[str]], *, fingerprint: str
) -> list[tuple[str, str]]:
    """(id, inputs) of the ``stories`` whose stored record was built from other inputs, in id
    order; their members written to ``story_members``."""
    ids = sorted(stories)
    if not ids:
        return []
    stored = dict(con.execute(f"SELECT id, inputs FROM stories WHERE {_in('id')}", [ids]).fetchall())
    members = sorted(a for s in ids for a in stories[s])
    links = dict(con.execute(f"SELECT article, original FROM copy_links WHERE {_in('article')}", [members]).fetchall())
    changed = []
    for story_id in ids:
        inputs = _inputs_digest([(a, links.get(a)) for a in stories[story_id]], fingerprint=fingerprint)
        if stored.get(story_id) != inputs:
            changed.append((story_id, inputs))
    return changed


def _load_members(con: duckdb.DuckDBPyConnection, stories: Sequence[Sequence[str]], *, fingerprint: str) -> list[list[Article]]:
    wanted = sorted({a for ids in stories for a in ids})
    articles, _ = load_articles(con, fingerprint=fingerprint, ids=wanted) if wanted else ([], [])
    by_id = {a.id: a for a in articles}
    return [[by_id[a] for a in ids] for ids in stories]


def _write_redirects(
    con: duckdb.DuckDBPyConnection, redirects: dict[str, str], *, formed: Iterable[str], run: int
) -> None:
    """Record each old id -> new id, point the redirects to an old id at its new one (one hop
    always leads to a stored story), and drop redirects from ids that form again."""
    for old, new in sorted(redirects.items()):
        con.execute("UPDATE story_redirects SET new = ? WHERE new = ?", [new, old])
        con.execute("INSERT OR REPLACE INTO story_redirects VALUES (?, ?, ?)", [old, new, run])
    formed = sorted(formed)
    if formed:
        con.execute(f"DELETE FROM story_redirects WHERE {_in('old')}", [formed])


def story_inputs(members: Sequence[Article], *, fingerprint: str) -> str:
    """A digest of what a story's record is built from: its members, the copy link of each,
    and the settings fingerprint (stored articles and the source registry do not change)."""
    return _inputs_digest([(a.id, a.copy_of) for a in members], fingerprint=fingerprint)


def _inputs_digest(members: Iterable[tuple[str, str | None]], *, fingerprint: str) -> str:
    parts = sorted((a, c or "") for a, c in members)
    return hashlib.sha256(json_text([fingerprint, parts]).encode()).hexdigest()[:16]


def redirect_of(con: duckdb.DuckDBPyConnection, story_id: str) -> str | None:
    """The id the story ``story_id`` now goes by, when it merged into another; else None."""
    row = con.execute("SELECT new FROM story_redirects WHERE old = ?", [story_id]).fetchall()
    return row[0][0] if row else None


def delete_story(con: duckdb.DuckDBPyConnection, story_id: str) -> None:
    delete_stories(con, [story_id])


def delete_stories(con: duckdb.DuckDBPyConnection, story_ids: Sequence[str]) -> None:
    """Remove the stories' rows from every story table (one statement per table)."""
    if not story_ids:
        return
    for table in STORY_TABLES:
        con.execute(f"DELETE FROM {table} WHERE {_in('id' if table == 'stories' else 'story')}", [sorted(story_ids)])


def write_story(
    con: duckdb.DuckDBPyConnection, result: StoryResult, *, inputs: str, fingerprint: str, run: int,
    replace: bool = True,
) -> None:
    """Store a built story (over the stored one of that id, if any; with ``replace`` off, the
    caller has removed it)."""
    story = result.story
    if replace:
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
