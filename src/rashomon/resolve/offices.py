"""Offices across a story's reports: a speaker one report names with an office ("Michelle Lyons,
a spokeswoman for the Texas Department of Criminal Justice, said") speaks as an official in the
reports that name her bare ("Lyons said") too.

Attribution types are read article by article (``rashomon.analysis.attribution``), and an
article that names a speaker without a title can only call her a named person. Once the story's
names are resolved (``rashomon.resolve.entities``: "Lyons" and "Michelle Lyons" are one
entity), a person whom any member's own words type as an official (a government title, a
spokesperson of a state body) is an office holder for the whole story: ``officeholders`` finds
them, ``Entity.holds_office`` records it, and ``with_offices`` retypes the bare-named claims and
quotes. Only named people are retyped: an unnamed source stays unnamed, an outlet an outlet.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from rashomon.analysis.attribution import CABINET_TITLES, OFFICIAL_WORDS
from rashomon.records import Article, Attribution, Claim, Entity, Quote
from rashomon.resolve.names import name_key


class _People:
    """The story's people, to find whom an attribution names: the resolved PERSON mention inside
    its phrase whose last word is the last word of the attribution's name, else the one person
    of the story whose name or a variant of it ends in that word (the entity tagger may miss a
    bare "Lyons said")."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        by_last: dict[str, set[str]] = {}
        for entity in entities:
            if entity.type == "PERSON":
                for variant in (entity.name, *entity.variants):
                    words = name_key(variant).split()
                    if words:
                        by_last.setdefault(words[-1], set()).add(entity.id)
        self.by_last = by_last

    def key(self, article: Article, attribution: Attribution) -> str | None:
        if attribution.start is None or attribution.end is None or not attribution.name:
            return None
        words = name_key(attribution.name).split()
        if not words:
            return None
        for mention in article.mentions:
            if (
                mention.key is not None
                and mention.label == "PERSON"
                and attribution.start <= mention.start
                and mention.end <= attribution.end
                and name_key(mention.text).split()[-1:] == words[-1:]
            ):
                return mention.key
        found = self.by_last.get(words[-1], set())
        return next(iter(found)) if len(found) == 1 else None


def _attributed(article: Article) -> Iterator[Claim | Quote]:
    yield from article.claims
    yield from article.quotes


# The words of a source phrase that name an office ("Department of Corrections spokeswoman
# Michelle Lyons said", "Prosecutor Terry White told"): a type read from such a phrase rests on
# the report's own words, not on an earlier sentence's reading of the name.
_OFFICE_WORDS = OFFICIAL_WORDS | CABINET_TITLES | {"attorney", "sheriff", "coroner", "constable"}
# An office the person no longer holds: "former FBI official Mark Felt", "Felt, the former
# FBI official": what the person says later is said as a private person.
_PAST_BEFORE = re.compile(
    r"(?:\b(?:former|retired|onetime|one-time)\s+|\b(?:ex|then)-)(?:[\w.'’-]+\s+){0,4}$", re.I
)
_PAST_AFTER = re.compile(r"^,\s+(?:the|a|an)\s+(?:former|retired|onetime|one-time|ex-)", re.I)


def _titled(article: Article, attribution: Attribution) -> bool:
    """Whether an attribution's phrase names an office besides the speaker's name."""
    name = set(name_key(attribution.name or "").split())
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w.]*", attribution.phrase or "")}
    return bool((words - name) & _OFFICE_WORDS)


def _past_office(article: Article, key: str) -> bool:
    text = article.text
    return any(
        _PAST_BEFORE.search(text[max(0, m.start - 60) : m.start]) or _PAST_AFTER.match(text[m.end : m.end + 30])
        for m in article.mentions
        if m.key == key
    )


def officeholders(members: Sequence[Article], entities: Sequence[Entity]) -> set[str]:
    """The entity keys of the people whom some member types as officials from a phrase that
    names their office ("spokeswoman Michelle Lyons said"), unless a member calls them former
    holders of an office: a type read only from an earlier sentence's reading of the name
    ("Hansbrough said" after a misread title) is not carried to other reports, nor is a past
    office ("Felt, an associate director at the FBI, said" of 1973, and "the former FBI
    official" who spoke as a retired man in 2005)."""
    people = _People(entities)
    found: set[str] = set()
    for article in members:
        for item in _attributed(article):
            attribution = item.attribution
            if attribution is not None and attribution.type == "official" and _titled(article, attribution):
                key = people.key(article, attribution)
                if key is not None:
                    found.add(key)
    return {key for key in found if not any(_past_office(article, key) for article in members)}


def with_offices(members: Sequence[Article], entities: Sequence[Entity]) -> list[tuple[Claim | Quote, Attribution]]:
    """Retype as official each claim and quote of ``members`` attributed to a named person whose
    entity holds an office (``Entity.holds_office``, set from ``officeholders``). Needs the
    story's entity keys on the members' mentions. Each changed item gets a new ``Attribution``
    (the old one is never modified); returns (item, its old attribution) for each change, so
    that a caller may put them back."""
    holders = {e.id for e in entities if e.holds_office}
    changed: list[tuple[Claim | Quote, Attribution]] = []
    if not holders:
        return changed
    people = _People(entities)
    for article in members:
        for item in _attributed(article):
            attribution = item.attribution
            if attribution is None or attribution.type != "named_person":
                continue
            if people.key(article, attribution) in holders:
                item.attribution = dataclasses.replace(attribution, type="official")
                changed.append((item, attribution))
    return changed
