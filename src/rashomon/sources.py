"""The source registry: outlets, state media and government bodies known by name, with their
aliases, country and kind. Attribution, copies, origins and the evaluations use it. The packaged
registry (``rashomon/data/sources.json``) can be extended with a user file of the same layout."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rashomon.errors import InputError


@dataclass(frozen=True)
class Source:
    """One outlet, agency or body that articles cite."""

    name: str | None
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    form: str | None = None  # agency | newspaper | magazine | broadcaster | website | government | media
    generic: bool = False  # a phrase such as "state media" that names no single outlet

    @property
    def attribution_type(self) -> str:
        if self.kind == "state_media":
            return "state_media"
        if self.kind == "government":
            return "official"
        return "news_outlet"


@dataclass
class SourceRegistry:
    """Known sources, with one compiled pattern finding their aliases in text."""

    sources: list[Source] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_alias: dict[str, Source] = {}
        # What ``find`` found in short texts (names, attribution phrases), by text: a story's
        # claims ask about the same phrases again and again (9,532 calls for 1,870 texts on
        # 300 ECB+ documents), and one search of the whole alternation costs ~0.1 ms.
        self._found: dict[str, tuple[tuple[int, int, Source], ...]] = {}
        exact: list[str] = []
        folded: list[str] = []
        for source in self.sources:
            for alias in (source.name, *source.aliases):
                if not alias:
                    continue
                # Short or all-capital aliases (AP, RT, KCNA) only match as written.
                if len(alias) <= 5 or alias.isupper():
                    self._by_alias[alias] = source
                    exact.append(alias)
                else:
                    self._by_alias[alias.casefold()] = source
                    folded.append(alias)

        def alternation(names: list[str], *, fold: bool) -> str:
            # Longest first, so that at one position the longest alias wins. Grouped by first
            # character, each group behind a look-ahead for it: Python's engine tries every
            # alternative at every position of a text, and with the groups it tries one group
            # (whole articles are searched 2.5 times faster; the same matches). An alias that
            # starts with a character other than ASCII goes in a group of its own, unguarded.
            names = sorted(set(names), key=lambda a: (-len(a), a))
            groups: dict[str, list[str]] = {}
            for a in names:
                first = a[0].lower() if fold else a[0]
                groups.setdefault(first if a[0].isascii() else "", []).append(a)
            return "|".join(
                (f"(?={re.escape(first)})" if first else "")
                + "(?:" + "|".join(_alias_pattern(a, fold=fold) for a in group) + ")"
                for first, group in groups.items()
            )

        parts = []
        if exact:
            parts.append(rf"(?-i:\b(?:{alternation(exact, fold=False)})\b)")
        if folded:
            parts.append(rf"\b(?:{alternation(folded, fold=True)})\b")
        self._pattern = re.compile("|".join(parts) or r"(?!x)x", re.I)

    def lookup(self, alias: str) -> Source | None:
        alias = alias.replace("’", "'")
        for key in (alias, alias.casefold()):
            if key in self._by_alias:
                return self._by_alias[key]
            key2 = key.replace("'", "’")
            if key2 in self._by_alias:
                return self._by_alias[key2]
        return None

    def find(self, text: str) -> list[tuple[int, int, Source]]:
        """Every alias occurrence in ``text`` as (start, end, source), leftmost-longest."""
        found = self._found.get(text)
        if found is None:
            found = tuple(
                (m.start(), m.end(), source)
                for m in self._pattern.finditer(text)
                if (source := self.lookup(m.group(0))) is not None
            )
            if len(text) <= _REMEMBERED_LENGTH:
                if len(self._found) >= _REMEMBERED_TEXTS:
                    self._found.clear()
                self._found[text] = found
        return list(found)

    def best(self, text: str) -> Source | None:
        """The source named by the longest alias in ``text``; specific beats generic."""
        hits = self.find(text)
        if not hits:
            return None
        hits.sort(key=lambda h: (h[2].generic, -(h[1] - h[0]), h[0]))
        return hits[0][2]


# Words an alias may write with a capital that a sentence writes in lower case ("the
# Associated Press").
_LOWER_OK = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "de", "la", "le", "el", "der", "die", "das"})


def _alias_pattern(alias: str, *, fold: bool) -> str:
    """An alias's regular expression. Matched regardless of case (``fold``), a word the alias
    capitalises keeps its capital ("Reuters", "REUTERS"; not "a variety of" for Variety, "on
    the verge of" for The Verge), but for function words ("the Associated Press")."""
    def word(w: str) -> str:
        escaped = re.sub("['’]", "['’]", re.escape(w))
        if fold and w[:1].isupper() and w.lower() not in _LOWER_OK:
            return f"(?-i:{re.escape(w[0])})" + re.sub("['’]", "['’]", re.escape(w[1:]))
        return escaped

    return r"\ ".join(word(w) for w in alias.split(" "))


_REMEMBERED_LENGTH = 200  # characters: longer texts (whole articles) are searched once
_REMEMBERED_TEXTS = 8192  # then forgotten all at once, to bound the memory of long runs


_LAYOUT = 'it must be JSON like {"sources": [{"name": …, "kind": …, "aliases": […]}]}'


def load_sources(path: str | Path | None = None, *, text: str | None = None) -> SourceRegistry:
    """The packaged registry (``rashomon/data/sources.json``), with the entries of the JSON file
    at ``path`` (same layout) merged on top: an entry with a known name replaces it. ``text``,
    instead of ``path``, gives that file's content (a store keeps the file it was given)."""
    packaged = resources.files("rashomon").joinpath("data/sources.json").read_text("utf-8")
    entries = {_key(e): e for e in _entries(json.loads(packaged), "packaged sources.json")}
    if path is not None and text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"source registry {path} does not exist; check the path") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read source registry {path}: {exc}; {_LAYOUT}") from None
    if text is not None:
        origin = str(path) if path is not None else "stored source registry"
        try:
            user = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"cannot read source registry {origin}: {exc}; {_LAYOUT}") from None
        for entry in _entries(user, origin):
            entries[_key(entry)] = entry
    return SourceRegistry([_source(e) for e in entries.values()])


def _entries(data: object, origin: str) -> list[dict]:
    rows = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "kind" in r for r in rows):
        raise InputError(
            f"{origin}: expected {{\"sources\": [{{\"name\": …, \"kind\": …, \"aliases\": […]}}]}}"
        )
    return rows


def _key(entry: dict) -> str:
    return str(entry.get("name") or "|".join(entry.get("aliases", [])))


def _source(entry: dict) -> Source:
    return Source(
        name=entry.get("name"),
        kind=entry["kind"],
        country=entry.get("country"),
        aliases=tuple(entry.get("aliases", ())),
        affiliation=entry.get("affiliation"),
        form=entry.get("form"),
        generic=bool(entry.get("generic", False)),
    )
