"""Disjoint sets: groups are the connected parts of the unions, whatever their order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.disjoint_sets import DisjointSets


def test_union_keeps_the_first_root() -> None:
    sets: DisjointSets[str] = DisjointSets()
    sets.union("a", "b")
    sets.union("c", "b")
    assert sets.find("b") == sets.find("a") == sets.find("c") == "c"
    assert sets.find("z") == "z"


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_groups_do_not_depend_on_union_order(pairs: list[tuple[int, int]]) -> None:
    def groups(order: list[tuple[int, int]]) -> set[frozenset[int]]:
        sets: DisjointSets[int] = DisjointSets()
        for a, b in order:
            sets.union(a, b)
        out: dict[int, set[int]] = {}
        for key in range(10):
            out.setdefault(sets.find(key), set()).add(key)
        return {frozenset(g) for g in out.values()}

    assert groups(pairs) == groups(list(reversed(pairs)))
