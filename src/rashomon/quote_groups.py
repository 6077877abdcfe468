"""Quotes of one story grouped across its articles: one statement quoted in two translations or
two cuts, or reported in other words, becomes one group with a variant per article."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from rashomon.disjoint_sets import DisjointSets
from rashomon.embed import Embedder
from rashomon.lexical import cosines, stems
from rashomon.records import Article, Quote, QuoteGroup, QuoteVariant
from rashomon.settings import AlignSettings


def group_quotes(
    articles: Sequence[Article],
    *,
    speaker_key: dict[str, str],
    settings: AlignSettings,
    embedder: Embedder | None,
) -> list[QuoteGroup]:
    """Quotes of one story, grouped: the same statement quoted in two articles (in two
    translations or two cuts) or reported in them ("Ri said the fleet was …") becomes one group
    with a variant per article.

    ``speaker_key`` maps a speaker string to its canonical entity id; quotes match only when
    their speakers resolve to the same entity and their texts are close in meaning: two quoted
    renderings (direct or partial) at ``settings.quote_threshold``, a pair with reported speech
    (kind indirect) on either side at ``settings.indirect_quote_threshold``. A group holds at
    most one variant per article: links are taken quoted pairs first, then strongest first,
    and a link that would put two variants of one article in a group is dropped. Every quoted
    rendering has a group (one variant when nothing matches it); reported speech only when it
    joins a group with another article.
    """
    quotes: list[tuple[Article, Quote]] = [(a, q) for a in articles for q in a.quotes]
    if not quotes:
        return []

    def key(q: Quote) -> str | None:
        return speaker_key.get(q.speaker or "")

    # Only quotes whose speaker is quoted in another article too can match: only those are
    # embedded.
    articles_of: dict[str, set[str]] = {}
    for a, q in quotes:
        if key(q) is not None:
            articles_of.setdefault(key(q), set()).add(a.id)
    matchable = [i for i, (_, q) in enumerate(quotes) if len(articles_of.get(key(q), ())) > 1]
    sims = np.zeros((len(quotes), len(quotes)))
    partnered: list[int] = []
    if embedder is not None and matchable:
        # Two renderings of one statement share some content words ("gift", "friendship"):
        # a quote with no such partner from the same speaker in another article is not
        # embedded (the lexical floor of claims; all quote pairs of the seeds and examples
        # that a reader matches are far above it). Reported speech needs a quoted partner
        # (direct or partial) past its own floor: two reported renderings alone are two claims
        # attributed to one source, which claim alignment compares already.
        lexical = cosines([sorted(stems(quotes[i][1].text)) for i in matchable])
        speakers = np.array([key(quotes[i][1]) for i in matchable])
        sources = np.array([quotes[i][0].id for i in matchable])
        quoted = np.array([quotes[i][1].kind != "indirect" for i in matchable])
        floor = np.where(
            quoted[:, None] & quoted[None, :], settings.lexical_floor, settings.indirect_quote_lexical_floor
        )
        close = (
            (lexical >= floor)
            & (speakers[:, None] == speakers[None, :])
            & (sources[:, None] != sources[None, :])
            & (quoted[:, None] | quoted[None, :])
        )
        partnered = [i for a, i in enumerate(matchable) if close[a].any()]
        if partnered:
            texts = [quotes[i][1].text for i in partnered]
            sims[np.ix_(partnered, partnered)] = embedder.similarity(texts, texts)
    links = _quote_links(quotes, partnered, key, sims, settings)
    groups: DisjointSets[int] = DisjointSets()
    held = [{a.id} for a, _ in quotes]  # the articles of each group, at its root
    for i, j in links:
        a, b = groups.find(i), groups.find(j)
        if a == b or held[a] & held[b]:
            continue
        groups.union(a, b)
        held[groups.find(a)] = held[a] | held[b]
    members: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        members.setdefault(groups.find(i), []).append(i)
    out = []
    for root in sorted(members):
        group = members[root]
        first = quotes[group[0]][1]
        if len(group) == 1 and first.kind == "indirect":
            continue  # reported speech matched in no other article: the article's quotes list it
        pair_sims = [sims[i, j] for i in group for j in group if i < j]
        out.append(
            QuoteGroup(
                speaker=first.speaker,
                variants=[
                    QuoteVariant(article=a.id, text=q.text, start=q.start, end=q.end)
                    for a, q in (quotes[i] for i in group)
                ],
                score=round(float(min(pair_sims)), 3) if pair_sims else None,
            )
        )
    out.sort(key=lambda g: (-len({v.article for v in g.variants}), g.variants[0].article, g.variants[0].start))
    return out


def _quote_links(
    quotes: list[tuple[Article, Quote]],
    embedded: list[int],
    key: Callable[[Quote], str | None],
    sims: np.ndarray,
    settings: AlignSettings,
) -> list[tuple[int, int]]:
    """Pairs of the embedded quotes, of one speaker in different articles, that clear their
    threshold, in the order they are to be joined: pairs of two quoted renderings first (a
    reported variant never takes the place of a quoted one of the same article), then by
    score, then by position (independent of the order of the inputs)."""
    ranked = []
    for n, i in enumerate(embedded):
        ai, qi = quotes[i]
        for j in embedded[n + 1 :]:
            aj, qj = quotes[j]
            if aj.id == ai.id or key(qj) != key(qi):
                continue
            reported = "indirect" in {qi.kind, qj.kind}
            threshold = settings.indirect_quote_threshold if reported else settings.quote_threshold
            if sims[i, j] >= threshold:
                ends = sorted([(ai.id, qi.start, qi.end), (aj.id, qj.start, qj.end)])
                ranked.append((reported, -float(sims[i, j]), ends, i, j))
    ranked.sort()
    return [(i, j) for *_, i, j in ranked]
