"""Clustering scores against a gold clustering: B-cubed and pairwise precision, recall, F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rashomon.disjoint_sets import DisjointSets
from rashomon.errors import InputError


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _labels(clusters: Sequence[Sequence[Hashable]], what: str) -> dict[Hashable, int]:
    labels: dict[Hashable, int] = {}
    for number, cluster in enumerate(clusters):
        for item in cluster:
            if item in labels:
                raise InputError(f"{what} clustering puts {item!r} in two clusters")
            labels[item] = number
    return labels


def _contingency(
    predicted: Sequence[Sequence[Hashable]], gold: Sequence[Sequence[Hashable]]
) -> tuple[Counter[tuple[int, int]], Counter[int], Counter[int]]:
    pred = _labels(predicted, "predicted")
    true = _labels(gold, "gold")
    if pred.keys() != true.keys():
        missing = sorted(map(str, pred.keys() ^ true.keys()))[:5]
        raise InputError(
            "predicted and gold clusterings must cover the same items; "
            f"items in only one of them: {', '.join(missing)}"
        )
    joint = Counter((pred[item], true[item]) for item in pred)
    return joint, Counter(pred.values()), Counter(true.values())


def b_cubed(
    predicted: Sequence[Sequence[Hashable]], gold: Sequence[Sequence[Hashable]]
) -> PRF:
    """B-cubed precision, recall and F1 (Bagga and Baldwin), averaged over items."""
    joint, pred_sizes, gold_sizes = _contingency(predicted, gold)
    n = sum(pred_sizes.values())
    if n == 0:
        return PRF(0.0, 0.0, 0.0)
    # Each of the `count` items in cell (p, g) has precision count/|p| and recall count/|g|.
    precision = sum(c * c / pred_sizes[p] for (p, _), c in joint.items()) / n
    recall = sum(c * c / gold_sizes[g] for (_, g), c in joint.items()) / n
    return PRF(precision, recall, f1(precision, recall))


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise(
    predicted: Sequence[Sequence[Hashable]], gold: Sequence[Sequence[Hashable]]
) -> PRF:
    """Precision, recall and F1 over item pairs put in one cluster.

    With no pairs on a side the corresponding score is 1 (nothing claimed, nothing missed).
    """
    joint, pred_sizes, gold_sizes = _contingency(predicted, gold)
    both = sum(_pairs(c) for c in joint.values())
    pred_pairs = sum(_pairs(c) for c in pred_sizes.values())
    gold_pairs = sum(_pairs(c) for c in gold_sizes.values())
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return PRF(precision, recall, f1(precision, recall))


# ---------------------------------------------------------------- coreference (CoNLL) scores


def muc(predicted: Sequence[Sequence[Hashable]], gold: Sequence[Sequence[Hashable]]) -> PRF:
    """MUC link-based precision, recall and F1 (Vilain et al. 1995).

    Recall: for each gold cluster K, (|K| - number of predicted clusters K is split into) over
    sum(|K| - 1); precision the same with the roles swapped. Singletons carry no link.
    """
    joint, pred_sizes, gold_sizes = _contingency(predicted, gold)
    parts_of_gold = Counter(g for _, g in joint)  # predicted clusters each gold cluster meets
    parts_of_pred = Counter(p for p, _ in joint)
    recall_num = sum(size - parts_of_gold[g] for g, size in gold_sizes.items())
    recall_den = sum(size - 1 for size in gold_sizes.values())
    precision_num = sum(size - parts_of_pred[p] for p, size in pred_sizes.items())
    precision_den = sum(size - 1 for size in pred_sizes.values())
    recall = recall_num / recall_den if recall_den else 0.0
    precision = precision_num / precision_den if precision_den else 0.0
    return PRF(precision, recall, f1(precision, recall))


def ceaf_e(predicted: Sequence[Sequence[Hashable]], gold: Sequence[Sequence[Hashable]]) -> PRF:
    """Entity-based CEAF (Luo 2005): clusters aligned one to one so that the summed similarity
    2|K∩R| / (|K| + |R|) is largest; recall divides it by the number of gold clusters,
    precision by the number of predicted ones."""
    from scipy.optimize import linear_sum_assignment

    joint, pred_sizes, gold_sizes = _contingency(predicted, gold)
    # The alignment splits into connected parts of the overlap graph: solve each apart.
    sets: DisjointSets[tuple[str, int]] = DisjointSets()
    find = sets.find
    for p, g in joint:
        sets.union(("g", g), ("p", p))
    parts: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for p, g in joint:
        parts.setdefault(find(("g", g)), []).append((p, g))
    total = 0.0
    for cells in parts.values():
        preds = sorted({p for p, _ in cells})
        golds = sorted({g for _, g in cells})
        if len(preds) == 1 or len(golds) == 1:  # one side alone: the best single pair
            total += max(2 * joint[c] / (pred_sizes[c[0]] + gold_sizes[c[1]]) for c in cells)
            continue
        row = {p: i for i, p in enumerate(preds)}
        col = {g: j for j, g in enumerate(golds)}
        matrix = [[0.0] * len(golds) for _ in preds]
        for p, g in cells:
            matrix[row[p]][col[g]] = 2 * joint[(p, g)] / (pred_sizes[p] + gold_sizes[g])
        rows, cols = linear_sum_assignment(matrix, maximize=True)
        total += sum(matrix[r][c] for r, c in zip(rows, cols))
    recall = total / len(gold_sizes) if gold_sizes else 0.0
    precision = total / len(pred_sizes) if pred_sizes else 0.0
    return PRF(precision, recall, f1(precision, recall))


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b3: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        """The CoNLL-2012 score: the mean of the MUC, B³ and CEAF-e F1."""
        return (self.muc.f1 + self.b3.f1 + self.ceaf_e.f1) / 3

    def line(self) -> str:
        return (
            f"MUC F1 {self.muc.f1:.4f} (P {self.muc.precision:.3f} R {self.muc.recall:.3f}), "
            f"B3 F1 {self.b3.f1:.4f} (P {self.b3.precision:.3f} R {self.b3.recall:.3f}), "
            f"CEAF-e F1 {self.ceaf_e.f1:.4f} (P {self.ceaf_e.precision:.3f} "
            f"R {self.ceaf_e.recall:.3f}); CoNLL F1 {self.conll_f1:.4f}"
        )


def coref_scores(
    predicted: Sequence[Sequence[Hashable]], gold: Sequence[Sequence[Hashable]]
) -> CorefScores:
    """MUC, B³ and CEAF-e of a predicted coreference clustering of the gold mentions."""
    return CorefScores(muc(predicted, gold), b_cubed(predicted, gold), ceaf_e(predicted, gold))
