"""Scoring the romanisation classes on a table of Korean surnames and given names.

Records are those of ``korean_names_comprehensive.json`` (read in place from the shared data):
surnames with ``hangul``, ``rr``, ``mr``, ``other_romanizations`` (comma-separated), ``source``
``korean_surnames``; given names with ``hangul`` and ``romanized`` (hyphenated, "Ga-young").

The headline is the data set's own definition: the share of listed spellings of a surname
that resolve to that surname's Hangul, and the share of pairs of different surnames that
share a key. Misses are split into spellings read as no surname and spellings read as another
surname; among the latter, those that are the table's own RR or MR spelling of a different
surname ("Kang" listed for 감, "Kwan" for 권) cannot resolve to both without merging them.
More broadly, a spelling the table lists under two or more surnames ("Chae" for 채 and 최,
"Sung" for 성, 송 and 승) can resolve to only one of them through a key unless the surnames are
merged; the summary counts the misses that are such shared spellings, and the recall that
resolving every one of them would give, a ceiling for a resolver that adds no other rule.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.errors import DatasetError
from rashomon.resolve.names import given_name_key, surname_key

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
    wrong: list[tuple[str, str]] = field(default_factory=list)  # misses read as another surname
    claimed: int = 0  # misses that are the RR or MR spelling of another surname
    shared: int = 0  # misses that the table also lists under another surname
    given: dict[str, float] = field(default_factory=dict)  # given-name recall by writing
    given_names: int = 0

    @property
    def recall_unclaimed(self) -> float:
        """Recall over the spellings that are no other surname's RR or MR spelling."""
        total = self.variants - self.claimed
        return (self.variants - len(self.misses)) / total if total else 0.0

    @property
    def recall_shared_resolved(self) -> float:
        """Recall if every miss that is a shared spelling resolved too (the others stay)."""
        if not self.variants:
            return 0.0
        return (self.variants - len(self.misses) + self.shared) / self.variants

    def summary(self) -> str:
        fields = ", ".join(f"{k} {v:.3f}" for k, v in sorted(self.by_field.items()))
        text = (
            f"Korean surnames: variant recall {self.recall:.4f} over {self.variants} spellings "
            f"({fields}); false-merge rate {self.false_merge_rate:.4f} over {self.pairs} pairs "
            f"of different surnames ({len(self.merged)} merged)\n"
            f"misses: {len(self.misses) - len(self.wrong)} read as no surname, "
            f"{len(self.wrong)} as another surname ({self.claimed} of them that surname's RR or "
            f"MR spelling); recall without those {self.claimed}: {self.recall_unclaimed:.4f}\n"
            f"shared spellings: {self.shared} misses are spellings the table lists under two or "
            f"more surnames, which one key resolves to one surname only; resolving all of them "
            f"would give recall {self.recall_shared_resolved:.4f}"
        )
        if self.given_names:
            forms = ", ".join(f"{k} {v:.3f}" for k, v in self.given.items())
            text += f"\nKorean given names: recall {forms} over {self.given_names} names"
        return text


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


def _plain(spelling: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", spelling.lower()) if c.isascii() and c.isalpha()
    )


def score_romanisation(records: Iterable[Mapping[str, Any]]) -> RomanisationScore:
    """Variant recall and false-merge rate over the surname records of ``records``; recall of
    the given-name records written hyphenated (as listed), joined and apart."""
    records = list(records)
    surnames = [r for r in records if r.get("source") == "korean_surnames" and r.get("hangul")]
    keys = {r["hangul"]: surname_key(r["hangul"]) for r in surnames}
    standard: dict[str, set[str]] = {}  # plain RR/MR spelling -> Southern Hangul forms
    listed: dict[str, set[str]] = {}  # plain spelling of any field -> Southern Hangul forms
    for r in surnames:
        for spelling in (r.get("rr") or "", r.get("mr") or ""):
            if spelling.strip():
                standard.setdefault(_plain(spelling), set()).add(initial_sound_law(r["hangul"]))
        for spelling in _spellings(r):
            listed.setdefault(_plain(spelling[1]), set()).add(initial_sound_law(r["hangul"]))
    hits = total = 0
    misses, wrong, claimed, shared = [], [], 0, 0
    counts: dict[str, list[int]] = {"rr": [0, 0], "mr": [0, 0], "other": [0, 0]}
    for r in surnames:
        for kind, spelling in _spellings(r):
            total += 1
            counts[kind][1] += 1
            # A spelling read as no surname at all is a miss, even when the Hangul is unknown.
            if keys[r["hangul"]] is not None and surname_key(spelling) == keys[r["hangul"]]:
                hits += 1
                counts[kind][0] += 1
            else:
                misses.append((r["hangul"], spelling))
                if surname_key(spelling) is not None:
                    wrong.append((r["hangul"], spelling))
                if standard.get(_plain(spelling), set()) - {initial_sound_law(r["hangul"])}:
                    claimed += 1
                if listed[_plain(spelling)] - {initial_sound_law(r["hangul"])}:
                    shared += 1
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
        wrong=wrong,
        claimed=claimed,
        shared=shared,
        **_score_given(records),
    )


def _spellings(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, spelling) of a surname record: RR, MR and the "other" list, each once."""
    spellings = [("rr", record.get("rr") or ""), ("mr", record.get("mr") or "")]
    spellings += [("other", s) for s in (record.get("other_romanizations") or "").split(",")]
    out, seen = [], set()
    for kind, spelling in spellings:
        spelling = spelling.strip()
        if spelling and spelling not in seen:
            seen.add(spelling)
            out.append((kind, spelling))
    return out


def _score_given(records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Given-name recall: the romanised name, hyphenated as listed, joined and written apart,
    against the key of its Hangul (records whose "hangul" is Hanja are left out)."""
    names = [
        (r["romanized"], r["hangul"])
        for r in records
        if r.get("source") != "korean_surnames"
        and r.get("romanized")
        and r.get("hangul")
        and all(_HANGUL_FIRST <= ord(c) < _HANGUL_FIRST + 11172 for c in r["hangul"])
    ]
    forms = {
        "hyphenated": lambda s: s,
        "joined": lambda s: re.sub(r"[-\s]", "", s),
        "apart": lambda s: re.sub(r"\s*-\s*", " ", s),
    }
    keys = [given_name_key(hangul) for _, hangul in names]
    given = {
        form: sum(
            key is not None and given_name_key(write(rom)) == key
            for (rom, _), key in zip(names, keys)
        ) / len(names)
        for form, write in forms.items()
    } if names else {}
    return {"given": given, "given_names": len(names)}


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
