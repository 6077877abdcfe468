"""Align claims across the articles of one story and compare them slot by slot.

Claims that report the same thing are aligned even when paraphrased: candidate pairs are scored
by sentence-embedding cosine plus shared named entities, and a claim links to its best match in
each other article when the score clears a threshold. Aligned claims from different articles are
*corroborated*; a slot whose values cannot both be true (``rashomon.value_conflicts``: dates
whose intervals cannot overlap, counts of the same thing that cannot match, places neither of
which contains the other) is a *conflict*; a claim with no counterpart is *unique*. A finding
shows only the claims that state its lead's fact (_Stating); a claim that joined a group through
another member only leads a finding of its own (_regrouped).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Sequence

import numpy as np

from rashomon.embed import Embedder
from rashomon.claim_refs import ClaimRef, claim_quantities, claim_times, entity_keys, evidence_of, fill_origins
from rashomon.lexical import cosines, stems
from rashomon.origins import Origins, restated
from rashomon.analysis.quantities import quantities_compatible
from rashomon.value_conflicts import (
    Readings,
    conflict_place,
    conflict_quantity,
    conflict_time,
    episodes_apart,
    merged_conflict,
    predicate_class,
    role_nouns,
    sole_agents,
    value_acts,
    value_conflicts,
)
from rashomon.records import (
    Article,
    Claim,
    Finding,
)
from rashomon.settings import AlignSettings

# How far above the link threshold two claims with different main verbs must score to be one
# statement in two wordings ("the fleet left" / "the ceremony took place"). Measured on the
# development split of gold/findings (23 ECB+ topics, 252 corroborating and 185 look-alike
# pairs; before verbs of transfer were made one class): margin 0 gave corroboration P 0.888
# R 0.567, 0.1 P 0.904 R 0.560, 0.25 P 0.933 R 0.556, none (never across verbs) P 0.955
# R 0.500. 0.25 loses the bundled examples' ceremony corroboration (tests/test_acceptance.py);
# 0.15 keeps it and gives P 0.915 R 0.556 on the development split.
_SAME_STATEMENT = 0.15
# Bonus added to the cosine for each named person/organisation/place the two claims share,
# up to two. Chosen on the bundled examples and the seeds: paraphrases naming the same people
# ("gave Kim a luxury car" / "presented Kim Jong Un with a passenger car") sit at cosine
# 0.55-0.75; unrelated claims of one story that share one name sit below 0.45 + 0.05.
ENTITY_BONUS = 0.05


def _value_words(ref: ClaimRef) -> set[str]:
    """A claim's numbers and dates as words of their own, which content words leave out:
    "364 yards" and "364-yard" are one word, "Feb. 22" and "February 22" one when resolved."""
    out = {f"value:{q.value:g}:{q.unit or ''}" for q in claim_quantities(ref) if q.value is not None}
    return out | {f"time:{t.value or ' '.join(t.text.lower().split())}" for t in claim_times(ref)}


def _lexical(refs: list[ClaimRef], keys: list[set[str]]) -> np.ndarray:
    """TF-IDF cosine of the claims' content words and entity keys, idf over the story; with
    their numbers and dates as words too where that scores higher. A value two claims share
    is evidence that they report one thing ("Manning completed 29 of 34 passes for 364 yards"
    / "Peyton Manning, who completed 29 of 34 for 364 yards"); values that differ count
    neither way, for they may be a conflict of one claim ("12 people were injured" / "18
    people had been injured"). On the development split of gold/findings (252 corroborating,
    185 look-alike pairs): corroboration P 0.902 R 0.694 without values, P 0.928 R 0.714 with
    values counting both ways (but two of 13 conflicts lost: their claims no longer aligned),
    P 0.906 R 0.726 this way, conflicts unchanged."""
    words = [stems(r.claim.text) | {f"entity:{k}" for k in ks} for r, ks in zip(refs, keys, strict=True)]
    plain = cosines([sorted(w) for w in words])
    values = [_value_words(r) for r in refs]
    if not any(values):
        return plain
    return np.maximum(plain, cosines([sorted(w | v) for w, v in zip(words, values, strict=True)]))


def _bonus(keys: list[set[str]], i: int, j: int) -> float:
    shared = len(keys[i] & keys[j])
    return ENTITY_BONUS * min(shared, 2)


def _rescue_candidates(
    refs: list[ClaimRef],
    lexical: np.ndarray,
    candidates: np.ndarray,
    lexical_threshold: float,
    budget: int,
) -> list[int]:
    """The claims to embed: both claims of each pair below the lexical threshold where
    neither claim already has a lexical match in the other's article (a paraphrase the words
    missed), strongest pair first, until ``budget`` claims are chosen."""
    articles = [r.article.id for r in refs]
    decided: set[tuple[int, str]] = set()
    for i, j in zip(*np.nonzero(np.triu(candidates & (lexical >= lexical_threshold), 1)), strict=True):
        decided.add((int(i), articles[j]))
        decided.add((int(j), articles[i]))
    rows, cols = np.nonzero(np.triu(candidates & (lexical < lexical_threshold), 1))
    pairs = sorted(
        (
            (-float(lexical[i, j]), int(i), int(j))
            for i, j in zip(rows, cols, strict=True)
            if (int(i), articles[j]) not in decided and (int(j), articles[i]) not in decided
        ),
    )
    chosen: set[int] = set()
    for _, i, j in pairs:
        if len(chosen | {i, j}) > budget:
            continue
        chosen |= {i, j}
        if len(chosen) >= budget - 1:
            break
    return sorted(chosen)


def _similarities(
    refs: list[ClaimRef], embedder: Embedder | None, *, settings: AlignSettings
) -> tuple[np.ndarray, list[set[str]], set[int]]:
    """Scores of claim pairs of different articles, on one scale where ``settings.threshold``
    means "same claim".

    Lexical first: every pair is scored by the TF-IDF cosine of its content words and entity
    keys, rescaled so that ``settings.lexical_threshold`` lands on the link threshold. Then a
    bounded share of the story's claims (``settings.embedding_share``) is embedded to rescue
    paraphrases: the pairs just below the lexical threshold, strongest first, are scored by
    sentence-embedding cosine plus a bonus per shared named entity, and keep the higher of
    the two scores. Pairs below ``settings.lexical_floor`` score 0. Embedding is most of the
    cost of the analysis, so its share bounds the cost of alignment whatever the story sizes.
    Returns the scores, each claim's entity keys and the claims that were embedded.
    """
    keys = [entity_keys(r.article, r.claim) for r in refs]
    lexical = _lexical(refs, keys)
    articles = np.array([r.article.id for r in refs])
    other = articles[:, None] != articles[None, :]
    candidates = (lexical >= settings.lexical_floor) & other
    scale = settings.threshold / settings.lexical_threshold
    sims = np.where(candidates, np.minimum(np.round(lexical * scale, 4), 1.0), 0.0)
    budget = max(math.ceil(settings.embedding_share * len(refs)), settings.embedding_min)
    used: list[int] = []
    if embedder is not None and budget >= 2:
        used = _rescue_candidates(refs, lexical, candidates, settings.lexical_threshold, budget)
        if len(used) >= 2:
            texts = [refs[i].claim.text for i in used]
            block = embedder.similarity(texts, texts).astype(np.float64)
            for a, i in enumerate(used):
                for b in range(a + 1, len(used)):
                    j = used[b]
                    if candidates[i, j]:
                        score = float(block[a, b]) + _bonus(keys, i, j)
                        if score > sims[i, j]:
                            sims[i, j] = sims[j, i] = score
    np.fill_diagonal(sims, 1.0)
    return sims, keys, set(used)


class _Confirm:
    """The score of a pair with its embedding cosine taken into account: a pair scored on
    words alone is embedded when a conflict hangs on it (conflicts are few, and each needs
    two claims that clearly report the same thing)."""

    def __init__(
        self,
        refs: list[ClaimRef],
        sims: np.ndarray,
        keys: list[set[str]],
        embedded: set[int],
        embedder: Embedder | None,
    ) -> None:
        self.refs, self.sims, self.keys, self.embedded, self.embedder = refs, sims, keys, embedded, embedder

    def __call__(self, i: int, j: int) -> float:
        score = float(self.sims[i, j])
        if self.embedder is None or (i in self.embedded and j in self.embedded):
            return score
        cos = float(self.embedder.similarity([self.refs[i].claim.text], [self.refs[j].claim.text])[0, 0])
        return max(score, cos + _bonus(self.keys, i, j))


def _action(claim: Claim) -> str | None:
    actions = claim.slot("action")
    return actions[0].value if actions else None


def _counts_disagree(left: ClaimRef, right: ClaimRef) -> bool:
    """Two claims that count the same unit and agree on none of those counts, which no
    conflict finding would show: "The company said it would cut 1,200 jobs" / "plans to
    eliminate 2,100 jobs"."""
    lq, rq = claim_quantities(left), claim_quantities(right)
    # (Not ages: "23-year-old Laci" / "Peterson, a 32-year-old salesman" are two people's; nor
    # converted amounts: "€110 billion ($143 billion)" / "($158 billion)" is one sum at two
    # rates.)
    pairs = [
        (x, y) for x in lq for y in rq
        if x.unit is not None and x.unit == y.unit and x.unit != "age"
        and not any(m is not None and m.conversion for m in (x.measure, y.measure))
    ]
    if not pairs or any(quantities_compatible(x, y) is not False for x, y in pairs):
        return False
    return conflict_quantity(left, right) is None


def _drop_disagreeing(refs: list[ClaimRef], sims: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Claims that do not assert the same proposition never corroborate each other, however
    alike their words: two that count one unit and agree on none of those counts, unless a
    conflict finding shows them (_counts_disagree: "cut 1,200 jobs" / "eliminate 2,100
    jobs"; on the development split of gold/findings corroboration went P 0.937 R 0.710 ->
    P 0.942 R 0.706 and the share of reported pairs judged blind to state one fact 0.583 ->
    0.592); one negated and the other not ("have not been problematic" / "locked
    in tense negotiations"), or two different acts ("pleaded not guilty" / "was found
    guilty"; "launched an investigation" / "was subpoenaed") unless they are close enough to
    be the same statement (``_SAME_STATEMENT`` above the link threshold); nor do accounts of
    two episodes that give differing lengths or counts (episodes_apart: "sentenced to seven
    years" after a 1959 conviction / "to 12 years" after a 1997 one). Closeness in words
    says little there: claims of one story that name the same people share most of their
    words ("Police identified the victims as Tanya Wilson, 47; LaTonya Brown, 36" / "she
    returned with a gun, killing Latonya Brown and Tanya Wilson"). So the pairs of two acts
    worded alike are returned, to be weighed by their meaning (_weigh_meaning)."""
    rows, cols = np.nonzero(np.triu(sims >= threshold, 1))
    known: dict[int, set[str]] = {}

    def value_acts_of(n: int) -> set[str]:
        if n not in known:
            known[n] = _value_acts(refs[n])
        return known[n]

    alike: set[tuple[int, int]] = set()  # two acts, worded alike
    for i, j in zip(rows.tolist(), cols.tolist()):
        a, b = refs[i].claim, refs[j].claim
        if _counts_disagree(refs[i], refs[j]):
            sims[i, j] = sims[j, i] = 0.0  # claims that agree on no count of one unit
            continue
        if episodes_apart(refs[i], refs[j]):
            sims[i, j] = sims[j, i] = 0.0  # two episodes' lengths or counts (value_conflicts)
            continue
        va, vb = _action(a), _action(b)
        if a.negated != b.negated:
            (negated, in_negated), plain = ((va, i), vb) if a.negated else ((vb, j), va)
            told = predicate_class(plain)
            if not (told is not None and told != predicate_class(negated) and told in value_acts_of(in_negated)):
                sims[i, j] = sims[j, i] = 0.0
            # else: the negation is of another verb than the one the negated claim's numbers
            # hang on, which the other claim asserts ("But he wasn't a match for Peyton
            # Manning, who completed 29 of 34 for 364 yards" / "Manning completed 29 of 34
            # passes for 364 yards").
            continue
        acts = {predicate_class(va), predicate_class(vb)}
        if not (va and vb and None not in acts and len(acts) == 2):
            continue
        if value_acts_of(i) & value_acts_of(j) & acts:
            # The main verbs differ, but one claim's main act is the other's too, told by
            # its numbers or dates ("proposed the rules in May and since has received
            # nearly 300,000 comments" / "received nearly 235,000 comments").
            continue
        if sims[i, j] < threshold + _SAME_STATEMENT:
            sims[i, j] = sims[j, i] = 0.0
        else:
            alike.add((i, j))
    return alike


def _weigh_meaning(
    refs: list[ClaimRef],
    sims: np.ndarray,
    keys: list[set[str]],
    alike: set[tuple[int, int]],
    embedder: Embedder,
    threshold: float,
) -> list[tuple[int, int]]:
    """The links (_links) of the claims' scores once every pair of two acts worded alike
    (``alike``, from _drop_disagreeing) that would link is weighed by what the two claims
    mean: their sentence-embedding cosine plus the shared-entity bonus must clear the
    same-statement score, or the pair scores 0. Only pairs that would link are embedded
    (a pair set to 0 may let another pair link, which is weighed in turn): most pairs of one
    story are never any claim's best match. Off by default (``AlignSettings.weigh_meaning``):
    it trades recall and speed for precision, as measured below.

    On the development split of gold/findings (ECB+; 252 corroborating and 185 look-alike
    pairs) corroboration went from P 0.907 R 0.738 to P 0.932 R 0.710 (look-alikes linked 19
    -> 13, corroborations 186 -> 179); conflicts were unchanged. Judged blind, by an
    annotator who did not know which pairs were which, on 100 (lead, member) sentence pairs
    of the corroborations reported on the development sub-topics: of the pairs this removed,
    16 of 40 state the same fact; of the pairs it keeps, 21 of 30; of those it adds (groups
    formed anew), 15 of 30. Held-out split: P 0.910 R 0.669 -> P 0.935 R 0.640. It embeds
    about 800 more claims on the 300 ECB+ documents of bench/bench_cli.py: 15.8 s against
    12.1 s, a ratio to spaCy of 0.70 against the goal of 0.85."""
    checked: set[tuple[int, int]] = set()
    while True:
        links = _links(refs, sims, threshold)
        pending = [pair for pair in links if pair in alike and pair not in checked]
        if not pending:
            return links
        checked.update(pending)
        texts = sorted({refs[k].claim.text for pair in pending for k in pair})
        at = {text: n for n, text in enumerate(texts)}
        block = embedder.similarity(texts, texts)
        for i, j in pending:
            score = float(block[at[refs[i].claim.text], at[refs[j].claim.text]]) + _bonus(keys, i, j)
            if score < threshold + _SAME_STATEMENT:
                sims[i, j] = sims[j, i] = 0.0


def _value_acts(ref: ClaimRef) -> set[str]:
    """The kinds of act a claim's numbers and dates hang on (not "have" or "be")."""
    return {act for _, act, _ in value_acts(ref) if act != "age"}


def _links(refs: list[ClaimRef], sims: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of claims in different articles where j is i's best match in j's
    article (or the reverse) and the score clears the threshold."""
    by_article: dict[str, list[int]] = {}
    for i, r in enumerate(refs):
        by_article.setdefault(r.article.id, []).append(i)
    articles = np.array([r.article.id for r in refs])
    rows = np.arange(len(refs))
    links: set[tuple[int, int]] = set()
    for article_id, members in by_article.items():
        cols = np.array(members)
        block = sims[:, cols]
        best_at = block.argmax(axis=1)  # the first, i.e. lowest, index among equal scores
        best_score = block[rows, best_at]
        for i in np.flatnonzero((best_score >= threshold) & (articles != article_id)):
            j = int(cols[best_at[i]])
            links.add((min(int(i), j), max(int(i), j)))
    return sorted(links)


def _groups(refs: list[ClaimRef], sims: np.ndarray, links: list[tuple[int, int]]) -> list[list[int]]:
    """Greedy best-first grouping: the strongest link first; a group holds at most one claim
    per article, and a claim joins a group only if it is linked to every member (no chaining
    of A~B~C into one group when A and C say different things)."""
    linked = set(links)
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for i, j in sorted(links, key=lambda p: (-sims[p], p)):
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None and gj is None:
            group_of[i] = group_of[j] = len(groups)
            groups.append([i, j])
            continue
        if gi is not None and gj is not None:
            continue
        g, new = (gi, j) if gi is not None else (gj, i)
        members = groups[g]
        if refs[new].article.id in {refs[m].article.id for m in members}:
            continue
        if all((min(new, m), max(new, m)) in linked for m in members):
            group_of[new] = g
            members.append(new)
    for i in range(len(refs)):
        if i not in group_of:
            group_of[i] = len(groups)
            groups.append([i])
    return [sorted(g) for g in groups]


def _group_conflicts(
    refs: list[ClaimRef],
    group: list[int],
    confirm: _Confirm,
    settings: AlignSettings,
    origins: Origins,
    *,
    loose: Collection[int] = (),
    readings: Readings | None = None,
) -> list[Finding]:
    """Slot conflicts (and updates) between the closely aligned claims of one group, one
    finding per slot with every side's value ("March 12 (A, B, C) vs March 21 (D)"), followed
    by the group's other claims: the finding shows the corroborated claim and the detail on
    which its reports differ, and the group is not listed a second time as corroborated.
    Claims of ``loose`` (backing the group from another group) conflict only on values that
    plainly measure one thing (strong_measure)."""
    by_slot: dict[tuple[str, str], list[tuple[Finding, float]]] = {}
    for i in group:
        for j in group:
            if i >= j or refs[i].article.id == refs[j].article.id:
                continue
            score: float | None = None
            # Backing from another group (_cross_backing) is held to strong_measure.
            strong = (readings or Readings()) if i in loose or j in loose else None
            checks: tuple[Callable[[ClaimRef, ClaimRef], Finding | None], ...] = (
                (functools.partial(conflict_time, strong=strong), functools.partial(conflict_quantity, strong=strong))
                if strong is not None else (conflict_time, conflict_quantity, conflict_place)
            )
            for check in checks:
                conflict = check(refs[i], refs[j])
                if conflict is None:
                    continue
                if score is None:
                    score = confirm(i, j)
                least = settings.conflict_threshold if check is conflict_place else settings.value_conflict_threshold
                if score < least and check is not conflict_place:
                    # Two claims too loosely alike to vouch for each other's values may still
                    # give values that plainly measure one thing (strong_measure, as for
                    # claims alignment did not pair at all).
                    if strong is None:
                        conflict = check(refs[i], refs[j], strong=readings or Readings())
                    if conflict is not None:
                        by_slot.setdefault((conflict.kind, conflict.slot or ""), []).append((conflict, least))
                    continue
                if score >= least:
                    by_slot.setdefault((conflict.kind, conflict.slot or ""), []).append((conflict, score))
    out = []
    for kind, slot in sorted(by_slot):
        pairs = by_slot[(kind, slot)]
        conflict = merged_conflict([conflict for conflict, _ in pairs])
        for i in group:
            ref = refs[i]
            if not any(ref.article.id == x.article and ref.claim.start == x.start for x in conflict.evidence):
                conflict.evidence.append(evidence_of(ref))
        conflict.score = round(min(1.0, min(score for _, score in pairs)), 3)
        fill_origins(conflict, origins)
        out.append(conflict)
    return out


def _finding(
    kind: str, refs: list[ClaimRef], members: list[int], origins: Origins, text: str, score: float | None
) -> Finding:
    evidence = [evidence_of(refs[i]) for i in members]
    finding = Finding(kind=kind, slot=None, statement="", evidence=evidence, score=score)
    fill_origins(finding, origins)
    return finding


def compare_story(
    articles: Sequence[Article],
    *,
    settings: AlignSettings,
    embedder: Embedder | None,
    origins: Origins | None = None,
) -> list[Finding]:
    """Corroborated, conflicting and unique findings for the articles of one story.

    ``origins`` traces claims to their origins (cited sources, copied articles); without it
    each outlet and each cited name is its own origin. A claim reported only by copies of one
    article is not corroborated: it is unique, with the copies as evidence.
    """
    if len({a.id for a in articles}) < 2:
        return []
    refs = [ClaimRef(a, c) for a in articles for c in a.claims]
    if not refs:
        return []
    origins = origins or Origins(articles, registry=None)
    sims, keys, embedded = _similarities(refs, embedder, settings=settings)
    alike = _drop_disagreeing(refs, sims, settings.threshold)
    if settings.weigh_meaning and embedder is not None and alike:
        links = _weigh_meaning(refs, sims, keys, alike, embedder, settings.threshold)
    else:
        links = _links(refs, sims, settings.threshold)
    confirm = _Confirm(refs, sims, keys, embedded, embedder)
    groups = _groups(refs, sims, links)
    # A claim left alone only because its article already has a claim in the group it links
    # to (one long sentence against two short ones) is not unique: it backs that group.
    group_index = {i: n for n, g in enumerate(groups) for i in g}
    extra: dict[int, list[int]] = {}
    for i, j in links:
        for lone, other in ((i, j), (j, i)):
            if len(groups[group_index[lone]]) == 1 and len(groups[group_index[other]]) > 1:
                extra.setdefault(group_index[other], [])
                if lone not in extra[group_index[other]]:
                    extra[group_index[other]].append(lone)
    attached = {i for members in extra.values() for i in members}
    stating = _Stating(refs, sims, links, settings.threshold)
    cross = _cross_backing(refs, groups, links, extra)
    readings = Readings(agents=sole_agents(refs), roles=role_nouns(refs))

    findings: list[Finding] = []
    set_apart: list[tuple[list[int], list[int]]] = []  # (claims apart from a group's lead, the group)
    for n, group in enumerate(groups):
        if len(group) == 1:
            if group[0] not in attached:
                findings.append(_finding("unique", refs, group, origins, refs[group[0]].claim.text, None))
            continue
        backing = sorted(group + extra.get(n, []))
        pair_sims = [sims[i, j] for i in group for j in group if i < j]
        score = round(float(min(min(pair_sims), 1.0)), 3)
        # A group holds one claim per article; copies of one article are still one text.
        copies_only = len({origins.original(refs[i].article).id for i in group}) < 2
        kind = "unique" if copies_only else "corroborated"
        if not copies_only:
            asides = _asides(refs, backing)
            lead = _representative(backing, asides)
            backing = [lead] + [i for i in backing if i != lead]
            # A claim backing the group from another group is vetted like a member: its
            # numbers must not contradict the group's.
            # Linked to one member only, it is held to strong_measure; one whose numbers
            # differ on a weaker reading backs nothing.
            loose = [i for i in cross.get(n, []) if i not in backing]
            loose = [
                i for i in loose
                if not any(
                    check(refs[m], refs[i]) is not None and check(refs[m], refs[i], strong=readings) is None
                    for m in group for check in (conflict_time, conflict_quantity)
                )
            ]
            # Every claim of the group is compared, but only those that state the lead's fact
            # are shown as backing it (_Stating): one linked to another member only may share
            # a name or a detail with it and tell something else. An outlet's aside on the
            # lead's fact stays (the cited claim was preferred to it: _representative).
            compared = backing + loose
            shown_with = [
                i for i in compared if not settings.members_state_lead or i in asides or stating(lead, i)
            ]
            apart = [i for i in backing if i not in shown_with]
            differing = _group_conflicts(refs, compared, confirm, settings, origins, loose=set(loose), readings=readings)
            if differing:
                findings.extend(differing)
                continue
            if apart:
                set_apart.append((apart, compared))
            backing = shown_with
            # Evidence never contradicts its finding's numbers: a member whose values cannot
            # be true with the lead's or another member's before it (linked too loosely for
            # the comparison to speak) leaves, to be shown on its own.
            kept: list[int] = []
            for i in backing:
                if not any(_contradicts(refs, k, i) for k in kept):
                    kept.append(i)
            contradicting = [i for i in backing if i not in kept]
            if contradicting:
                backing = kept
                set_apart.append((contradicting, compared))
                if len({origins.original(refs[i].article).id for i in backing}) < 2:
                    kind = "unique"
        findings.append(_finding(kind, refs, backing, origins, refs[backing[0]].claim.text, score))
    shown = {(e.article, e.start) for f in findings for e in f.evidence}
    for apart, pool in set_apart:
        apart = [i for i in apart if (refs[i].article.id, refs[i].claim.start) not in shown]
        regrouped = _regrouped(refs, stating, apart, pool, origins)
        shown |= {(e.article, e.start) for f in regrouped for e in f.evidence}
        findings.extend(regrouped)
    findings.extend(value_conflicts(refs, groups, origins, settings, findings, readings))
    order = {"conflict": 0, "update": 1, "corroborated": 2, "unique": 3}
    findings.sort(key=lambda f: (order[f.kind], f.evidence[0].article, f.evidence[0].start, f.slot or ""))
    return _dedupe(findings)


def _cross_backing(
    refs: list[ClaimRef], groups: list[list[int]], links: list[tuple[int, int]], extra: dict[int, list[int]]
) -> dict[int, list[int]]:
    """For each group, the claims of other groups that also back it: a claim linked to one of
    its members (its best match in that article, or the reverse), when the claim has more
    content words than that member (its article may have another claim in the group, as for
    a lone claim attached to a group). A long sentence
    tells several facts ("Nichols will likely die in prison after Judge Bodiford handed down
    the maximum sentence") and is grouped with one of them only; it still backs the others.
    The short claim it links to tells one fact, so it backs no group of the long one."""
    group_of = {i: n for n, g in enumerate(groups) for i in g}
    out: dict[int, list[int]] = {}
    for i, j in links:
        for claim, member in ((i, j), (j, i)):
            n = group_of[member]
            if group_of[claim] == n or len(groups[n]) < 2 or len(groups[group_of[claim]]) < 2:
                continue
            if len(stems(refs[claim].claim.text)) <= len(stems(refs[member].claim.text)):
                continue
            if claim not in out.setdefault(n, []) and claim not in extra.get(n, []):
                out[n].append(claim)
    return out


class _Stating:
    """Whether claim ``i`` can be shown as stating the fact of claim ``lead``
    (``stating(lead, i)``): the two are linked (one is the other's best match in its article)
    or score at the link threshold, or they tell one kind of act, the main verb's or one their
    numbers and dates hang on ("has checked into Promises" / "checked herself into Promises",
    worded too differently to score). A claim joined to a group through another member only
    often tells something else about the same people.

    Judged blind on (lead, member) sentence pairs drawn from the corroborations reported on
    the 46 development sub-topics of gold/findings (an annotator labelled each pair "same
    fact", "shares a fact that is not the lead's point" or "different", not knowing where it
    came from; two rounds, gold/findings/judged.jsonl): of the members this removes, 20 of 60
    state the lead's fact and 18 share none of it; of those it keeps, 41 of 60 and 9."""

    def __init__(self, refs: list[ClaimRef], sims: np.ndarray, links: list[tuple[int, int]], threshold: float) -> None:
        self.refs, self.sims, self.links, self.threshold = refs, sims, set(links), threshold
        self.known: dict[int, set[str]] = {}

    def anchors(self, i: int) -> set[str]:
        if i not in self.known:
            ref = self.refs[i]
            self.known[i] = ({predicate_class(_action(ref.claim))} | _value_acts(ref)) - {None}
        return self.known[i]

    def __call__(self, lead: int, i: int) -> bool:
        if (min(lead, i), max(lead, i)) in self.links or self.sims[lead, i] >= self.threshold:
            return True
        return bool(self.anchors(lead) & self.anchors(i))


def _contradicts(refs: list[ClaimRef], i: int, j: int) -> bool:
    """Whether two claims give values that cannot both be true (a conflict, not an update)."""
    return any(
        (found := check(refs[i], refs[j])) is not None and found.kind == "conflict"
        for check in (conflict_time, conflict_quantity)
    )


def _regrouped(
    refs: list[ClaimRef], stating: _Stating, apart: list[int], pool: list[int], origins: Origins
) -> list[Finding]:
    """Findings for the claims of a group that do not state its lead's fact (``apart``): each
    leads a finding of its own, backed by the claims of the group (``pool``) that state its
    fact (the best of each other article), or is unique when no other independent report
    states it."""
    out: list[Finding] = []
    rest = list(apart)
    while rest:
        claim = rest[0]
        best: dict[str, int] = {}
        for m in dict.fromkeys(pool + rest):
            article = refs[m].article.id
            if article == refs[claim].article.id or not stating(claim, m) or _contradicts(refs, claim, m):
                continue
            if article not in best or stating.sims[claim, m] > stating.sims[claim, best[article]]:
                best[article] = m
        members = [claim] + sorted(best.values())
        if len({origins.original(refs[m].article).id for m in members}) < 2:
            members = [claim]
        rest = [x for x in rest if x not in members]
        kind = "corroborated" if len(members) > 1 else "unique"
        out.append(_finding(kind, refs, members, origins, refs[claim].claim.text, None))
    return out


def _asides(refs: list[ClaimRef], members: list[int]) -> set[int]:
    """The members that are an outlet's own-voice aside on a fact it cites a source for in
    another member (_representative passes over them)."""
    skipped = restated([refs[i].article.id for i in members], [refs[i].claim.attribution for i in members])
    return {members[n] for n in skipped}


def _representative(members: list[int], asides: set[int]) -> int:
    """The claim that states a group's fact: the first, unless it is an outlet's own-voice
    claim and the same outlet cites a source for the fact in another member (the origins
    skip that claim too). "News that Putin gave Kim a car has sparked resentment, Daily NK has
    learned" is about the resentment; "The Rodong Sinmun reported that Putin gave Kim a
    vehicle" is about the gift. ``asides``: those members (_asides)."""
    return next((i for i in members if i not in asides), members[0])


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Findings less repeats; a conflict or update repeats another when it shows the same
    values in the same sentences (two claims cut from one sentence carry one value)."""
    seen: set[tuple] = set()
    out = []
    for f in findings:
        if f.kind in {"conflict", "update"}:
            key: tuple = (f.kind, f.slot, frozenset((e.article, e.sentence, e.value) for e in f.evidence if e.value))
        else:
            key = (f.kind, f.slot, tuple((e.article, e.start, e.value) for e in f.evidence))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
