"""Scoring the romanisation classes on a table of Korean surnames.

Records are those of ``korean_names_comprehensive.json`` (read in place from the shared data):
``hangul``, ``rr``, ``mr``, ``other_romanizations`` (comma-separated), ``source``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.errors import DatasetError
from rashomon.resolve.names import surname_key

_HANGUL_FIRST = 0xAC00
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
_I_Y_VOWELS = {2, 3, 6, 7, 12, 17, 20}  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


@dataclass
class RomanisationScore:
    recall: float  # listed romanisations whose key equals their Hangul's
    false_merge_rate: float  # pairs of different surnames that share a key
    variants: int = 0
    pairs: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (hangul, spelling)
    merged: list[tuple[str, str]] = field(default_factory=list)  # false merges (hangul, hangul)
    same_name: list[tuple[str, str]] = field(default_factory=list)  # 이/리: one name, two records
    by_field: dict[str, float] = field(default_factory=dict)  # recall of rr, mr, other

    def summary(self) -> str:
        fields = ", ".join(f"{k} {v:.3f}" for k, v in sorted(self.by_field.items()))
        return (
            f"Korean surnames: variant recall {self.recall:.4f} over {self.variants} spellings "
            f"({fields}); false-merge rate {self.false_merge_rate:.4f} over {self.pairs} pairs "
            f"of different surnames ({len(self.merged)} merged)"
        )


def initial_sound_law(hangul: str) -> str:
    """Southern spelling of a name: initial ㄹ → ㅇ before i/y and ㄴ otherwise; ㄴ → ㅇ
    before i/y (리 → 이, 로 → 노, 녀 → 여). Two records equal after this are one name."""
    out = []
    for i, ch in enumerate(hangul):
        index = ord(ch) - _HANGUL_FIRST
        if i == 0 and 0 <= index < 11172:
            lead, vowel, tail = index // 588, (index % 588) // 28, index % 28
            if lead in (_RIEUL, _NIEUN):
                lead = _IEUNG if vowel in _I_Y_VOWELS else _NIEUN
            ch = chr(_HANGUL_FIRST + lead * 588 + vowel * 28 + tail)
        out.append(ch)
    return "".join(out)


def score_romanisation(records: Iterable[Mapping[str, Any]]) -> RomanisationScore:
    """Variant recall and false-merge rate over the surname records of ``records``."""
    surnames = [r for r in records if r.get("source") == "korean_surnames" and r.get("hangul")]
    keys = {r["hangul"]: surname_key(r["hangul"]) for r in surnames}
    hits = total = 0
    misses = []
    counts: dict[str, list[int]] = {"rr": [0, 0], "mr": [0, 0], "other": [0, 0]}
    for r in surnames:
        spellings = [("rr", r.get("rr") or ""), ("mr", r.get("mr") or "")]
        spellings += [("other", s) for s in (r.get("other_romanizations") or "").split(",")]
        seen: set[str] = set()
        for kind, spelling in spellings:
            spelling = spelling.strip()
            if not spelling or spelling in seen:
                continue
            seen.add(spelling)
            total += 1
            counts[kind][1] += 1
            if surname_key(spelling) == keys[r["hangul"]]:
                hits += 1
                counts[kind][0] += 1
            else:
                misses.append((r["hangul"], spelling))
    merged, same_name, pairs = [], [], 0
    for a, b in itertools.combinations(sorted(keys), 2):
        if initial_sound_law(a) == initial_sound_law(b):
            if keys[a] == keys[b]:
                same_name.append((a, b))
            continue
        pairs += 1
        if keys[a] is not None and keys[a] == keys[b]:
            merged.append((a, b))
    return RomanisationScore(
        recall=hits / total if total else 0.0,
        false_merge_rate=len(merged) / pairs if pairs else 0.0,
        variants=total,
        pairs=pairs,
        misses=misses,
        merged=merged,
        same_name=same_name,
        by_field={k: h / n for k, (h, n) in counts.items() if n},
    )


def evaluate_romanisation(records: Iterable[Mapping[str, Any]]) -> tuple[float, float]:
    """(variant recall, false-merge rate) of the surname keys on ``records``."""
    score = score_romanisation(records)
    return score.recall, score.false_merge_rate


def evaluate_names(root: str | Path) -> RomanisationScore:
    """Score the surname keys on ``korean_names_comprehensive.json`` under ``root``."""
    path = Path(root) / "korean_names_comprehensive.json"
    if Path(root).is_file():
        path = Path(root)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(
            f"{path} does not exist; pass the korean-names folder "
            "(e.g. ../shared/datasets/korean-names)"
        ) from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from None
    if not isinstance(records, list):
        raise DatasetError(f"{path} should hold a list of name records")
    return score_romanisation(records)
