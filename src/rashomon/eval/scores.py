"""Clustering scores against a gold clustering: B-cubed and pairwise precision, recall, F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

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
