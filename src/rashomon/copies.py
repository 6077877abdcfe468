"""Near-duplicates and wire copies: articles that print one another's text, in whole or in part.

Five papers printing one wire story are one origin, not five confirmations. Each article's
word shingles are hashed once; MinHash signatures of overlapping windows of shingles go into
an LSH index (banding), so a copied passage is found even when the copy adds paragraphs, cuts
some, or edits words here and there. Candidate pairs from the index are checked on their exact
shingle sets: a pair is a copy when enough of the shorter article's text is in the longer.
Copies form groups; every member names the group's original in ``Article.copy_of``.

Cost: hashing and indexing are linear in an article's length and independent of the corpus;
only the check of candidate pairs grows with the number of real copies, so the time per
article stays flat as the corpus grows (``bench/bench_copies.py`` prints it).
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from rashomon.records import Article
from rashomon.settings import CopySettings

if TYPE_CHECKING:
    from rashomon.sources import SourceRegistry

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class CopyRelation:
    """One article found to copy another: ``share`` of the copy's shingles are in the original."""

    article: str
    original: str
    share: float


def _word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash per word: two CRC-32s with different seeds (fast, and the same on every
    machine and run, unlike Python's salted ``hash``)."""
    words = [w.encode("utf-8") for w in _WORD.findall(text.casefold())]
    low = np.fromiter((zlib.crc32(w) for w in words), dtype=np.uint64, count=len(words))
    high = np.fromiter((zlib.crc32(w, 0x9E3779B9) for w in words), dtype=np.uint64, count=len(words))
    return (high << np.uint64(32)) | low


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """64-bit hashes of the text's overlapping word ``size``-grams, in text order."""
    words = _word_hashes(text)
    if len(words) < size:
        return np.zeros(0, dtype=np.uint64)
    out = np.zeros(len(words) - size + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(size):
            # A polynomial over the words, modulo 2**64 (numpy wraps around): order matters.
            out = out * np.uint64(0x100000001B3) + words[k : len(words) - size + 1 + k]
    return out


class _Permutations:
    """``count`` fixed hash functions h(x) = (a·x + b) mod 2**64, keeping the top 32 bits."""

    def __init__(self, count: int, seed: int = 20240220) -> None:
        rng = np.random.default_rng(seed)
        self.a = (rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1))[:, None]
        self.b = rng.integers(0, 2**63, size=count, dtype=np.uint64)[:, None]

    def apply(self, hashes: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((hashes[None, :] * self.a + self.b) >> np.uint64(32)).astype(np.uint32)


def window_signatures(hashes: np.ndarray, perms: _Permutations, window: int) -> np.ndarray:
    """MinHash signatures (rows) of windows of ``window`` shingles overlapping by half; a
    text shorter than one window is one window."""
    if len(hashes) == 0:
        return np.zeros((0, perms.a.shape[0]), dtype=np.uint32)
    permuted = perms.apply(hashes)  # (perms, shingles)
    half = max(1, window // 2)
    starts = np.arange(0, len(hashes), half)
    blocks = np.minimum.reduceat(permuted, starts, axis=1)  # min over each half-window
    if blocks.shape[1] == 1:
        return blocks.T.copy()
    return np.minimum(blocks[:, :-1], blocks[:, 1:]).T.copy()


def find_copies(
    articles: Sequence[Article], *, settings: CopySettings, registry: SourceRegistry | None = None
) -> list[CopyRelation]:
    """Copy relations among ``articles`` (one per copy, pointing at its group's original); the
    articles are left as they are (``copy_links`` gives what a run sets as ``copy_of``).
    ``registry`` tells which outlets are wire services (their text is the original when
    publication dates do not tell). The result does not depend on the order of ``articles``."""
    ordered = sorted(articles, key=lambda a: (a.path, a.id))
    perms = _Permutations(settings.permutations)
    rows = settings.permutations // settings.bands
    # One 64-bit key per (window, band): the band's rows mixed with fixed odd multipliers, plus
    # a constant per band so that equal rows in different bands do not collide.
    rng = np.random.default_rng(7)
    mix = rng.integers(1, 2**63, size=rows, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    band_salt = rng.integers(0, 2**63, size=settings.bands, dtype=np.uint64)
    shingles: list[np.ndarray] = []
    keys: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for index, article in enumerate(ordered):
        hashes = shingle_hashes(article.text, settings.shingle_words)
        shingles.append(np.unique(hashes))
        if len(hashes) < settings.min_shared:
            continue
        signatures = window_signatures(hashes, perms, settings.window)
        bands = signatures.reshape(len(signatures), settings.bands, rows).astype(np.uint64)
        with np.errstate(over="ignore"):
            band_keys = (bands * mix).sum(axis=2, dtype=np.uint64) + band_salt
        distinct = np.unique(band_keys)
        keys.append(distinct)
        owners.append(np.full(len(distinct), index, dtype=np.int64))

    candidates: set[tuple[int, int]] = set()
    if keys:
        all_keys, all_owners = np.concatenate(keys), np.concatenate(owners)
        order = np.lexsort((all_owners, all_keys))
        all_keys, all_owners = all_keys[order], all_owners[order]
        starts = np.flatnonzero(np.r_[True, all_keys[1:] != all_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(all_keys)])
        for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            if size > settings.max_bucket:
                # A passage printed by very many articles is boilerplate the cleaner missed
                # (a standard disclaimer), not evidence that they copy one another.
                continue
            members = all_owners[start : start + size].tolist()
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    candidates.add((members[x], members[y]))

    pairs: list[tuple[int, int, float]] = []
    for i, j in sorted(candidates):
        a, b = shingles[i], shingles[j]
        shared = len(np.intersect1d(a, b, assume_unique=True))
        smaller = min(len(a), len(b))
        if shared >= settings.min_shared and smaller and shared / smaller >= settings.min_share:
            pairs.append((i, j, shared / smaller))
    return _groups(ordered, pairs, registry, shingles, settings.min_share)


def copy_links(relations: Sequence[CopyRelation]) -> dict[str, str]:
    """Article id → id of the original it copies (what a run sets as ``Article.copy_of``)."""
    return {r.article: r.original for r in relations}


def _is_wire(article: Article, registry: SourceRegistry | None) -> bool:
    if registry is None or not article.outlet:
        return False
    source = registry.lookup(article.outlet)
    return source is not None and source.kind == "wire"


def _groups(
    ordered: list[Article],
    pairs: list[tuple[int, int, float]],
    registry: SourceRegistry | None,
    shingles: list[np.ndarray],
    min_share: float,
) -> list[CopyRelation]:
    """Each copy points at one original: of the two articles of a pair, the original is the
    earlier published, then a wire service's text, then the longer (the more complete version),
    then the first path. An article that copies several (a compilation) points at the one it
    shares most with. A copy of a copy points at the first original only when its text is in
    that one too: two different texts that one article both reprints stay two originals."""

    def rank(i: int) -> tuple:
        a = ordered[i]
        return (a.published or "9999", not _is_wire(a, registry), -len(a.text), a.path, a.id)

    def share(i: int, j: int) -> float:
        smaller = min(len(shingles[i]), len(shingles[j]))
        shared = len(np.intersect1d(shingles[i], shingles[j], assume_unique=True))
        return shared / smaller if smaller else 0.0

    best: dict[int, tuple[float, int]] = {}
    for i, j, pair_share in pairs:
        original, copy = (i, j) if rank(i) < rank(j) else (j, i)
        current = best.get(copy)
        if current is None or (pair_share, rank(current[1])) > (current[0], rank(original)):
            best[copy] = (pair_share, original)
    relations: list[CopyRelation] = []
    for index, article in enumerate(ordered):
        if index not in best:
            continue
        root = best[index][1]
        seen = {index, root}
        while root in best and best[root][1] not in seen and share(index, best[root][1]) >= min_share:
            root = best[root][1]
            seen.add(root)
        relations.append(CopyRelation(article.id, ordered[root].id, round(best[index][0], 3)))
    log.debug("copy detection: %d copies in %d articles", len(relations), len(ordered))
    return sorted(relations, key=lambda r: (r.original, r.article))
