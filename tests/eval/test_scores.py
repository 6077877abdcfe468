from __future__ import annotations

import pytest

from rashomon.errors import InputError
from rashomon.eval.scores import b_cubed, f1, pairwise

GOLD = [["a", "b", "c"], ["d", "e"]]


def test_perfect_clustering_scores_one() -> None:
    assert b_cubed(GOLD, GOLD).f1 == pytest.approx(1.0)
    assert pairwise(GOLD, GOLD).f1 == pytest.approx(1.0)


def test_everything_merged() -> None:
    scores = b_cubed([["a", "b", "c", "d", "e"]], GOLD)
    # Precision: 3 items at 3/5, 2 items at 2/5 -> (9/5 + 4/5) / 5 = 13/25.
    assert scores.precision == pytest.approx(13 / 25)
    assert scores.recall == pytest.approx(1.0)
    assert scores.f1 == pytest.approx(f1(13 / 25, 1.0))
    pw = pairwise([["a", "b", "c", "d", "e"]], GOLD)
    assert pw.precision == pytest.approx(4 / 10)  # 3 + 1 true pairs of 10
    assert pw.recall == pytest.approx(1.0)


def test_all_singletons() -> None:
    scores = b_cubed([[x] for x in "abcde"], GOLD)
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx((3 * (1 / 3) + 2 * (1 / 2)) / 5)
    pw = pairwise([[x] for x in "abcde"], GOLD)
    assert (pw.precision, pw.recall, pw.f1) == (1.0, 0.0, 0.0)


def test_one_item_misplaced() -> None:
    predicted = [["a", "b"], ["c", "d", "e"]]
    scores = b_cubed(predicted, GOLD)
    # a,b: P 1, R 2/3; c: P 1/3, R 1/3; d,e: P 2/3, R 1.
    assert scores.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert scores.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    pw = pairwise(predicted, GOLD)
    assert pw.precision == pytest.approx(2 / 4)
    assert pw.recall == pytest.approx(2 / 4)


def test_mismatched_items_are_an_error() -> None:
    with pytest.raises(InputError, match="same items"):
        b_cubed([["a"], ["z"]], [["a"], ["b"]])
    with pytest.raises(InputError, match="two clusters"):
        pairwise([["a"], ["a"]], [["a"]])
