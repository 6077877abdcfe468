"""How long a duration lasts, read from its words."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.analysis.durations import duration_days, durations_overlap


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("136 days", (136.0, 136.0)),
        ("four and a half months", (365.25 / 12 * 4.5, 365.25 / 12 * 4.5)),
        ("2-1/2 year", (365.25 * 2.5, 365.25 * 2.5)),
        ("2 1/2 years", (365.25 * 2.5, 365.25 * 2.5)),
        ("more than four years", (365.25 * 4, math.inf)),
        ("for 40 hours", (40 / 24, 40 / 24)),
        ("half an hour", (1 / 48, 1 / 48)),
    ],
)
def test_plain_durations(text: str, bounds: tuple[float, float]) -> None:
    assert duration_days(text) == pytest.approx(bounds)


def test_qualifiers_widen_the_bounds() -> None:
    low, high = duration_days("nearly three weeks")
    assert low < 21 and high == 21
    low, high = duration_days("about 30 days")
    assert low < 30 < high


@pytest.mark.parametrize("text", ["three weeks ago", "several weeks", "the 1990s", "Friday", "2008"])
def test_no_plain_duration(text: str) -> None:
    assert duration_days(text) is None


def test_overlap_of_two_durations() -> None:
    assert durations_overlap("four months", "136 days") is False  # 4.5 months against 4
    assert durations_overlap("four and a half months", "136 days") is True
    assert durations_overlap("2 years", "2-1/2 year") is False
    assert durations_overlap("more than four years", "five years") is True
    assert durations_overlap("four months", "several months") is None


@given(st.integers(min_value=1, max_value=500), st.sampled_from(["day", "week", "month", "year"]))
def test_a_duration_overlaps_itself(n: int, unit: str) -> None:
    text = f"{n} {unit}s"
    assert durations_overlap(text, text) is True
