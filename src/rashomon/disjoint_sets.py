"""Disjoint sets (union-find) over hashable keys, used wherever linked items become groups:
origins that share a carrier, quotes of one statement, entities, clusters in the scorers."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class DisjointSets(Generic[K]):
    """Groups of keys; a key not seen before is a group of its own."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def find(self, key: K) -> K:
        """The root of ``key``'s group (paths halved on the way)."""
        parent = self.parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, keep: K, other: K) -> None:
        """Join the groups of ``keep`` and ``other``; ``keep``'s root stays the root."""
        root, merged = self.find(keep), self.find(other)
        if root != merged:
            self.parent[merged] = root
