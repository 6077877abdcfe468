"""Entities of one story: the mentions of one person (or organisation, place) across articles.

Persons: within an article a short form ("Kim", "Mr. Putin", "Lo Presti") goes to a full name of
that article with the same surname or last names (the most-mentioned one when several share it,
the one named last before it on a tie), else of the story; a first name alone ("Laci") to the
one full name of the article (else the story) that starts with it; across articles full names
group by ``name_key``; remaining near-variants (one sound of a Korean syllable, a middle name on
one side only) are compared with ``match_names`` using the role nouns, organisations and
co-mentioned people around their mentions. A likely variant is merged with a note saying why; a
possible one stays a separate entity with a note on both.
Other labels group by normalised text, with acronyms joined to their spelled-out form.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rashomon.disjoint_sets import DisjointSets
from rashomon.records import Article, Entity, Mention
from rashomon.resolve.names import (
    NameContext,
    acronym_letters,
    acronyms_of,
    display_key,
    initials_only,
    is_korean_name,
    lead_initials,
    match_names,
    name_key,
    plain_tokens,
    strip_name,
    surname_key,
)
from rashomon.settings import ResolveSettings

LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
# Role nouns looked for just before a name ("Workers' Party Secretary X") or in an apposition
# after it ("X, a party secretary,"); longest first.
ROLES = tuple(
    sorted(
        [
            "party secretary", "general secretary", "secretary", "deputy prime minister",
            "prime minister", "vice minister", "foreign minister", "defence minister",
            "defense minister", "minister", "premier", "vice president", "president", "chairman",
            "chairwoman", "leader", "marshal", "ambassador", "envoy", "spokesperson", "spokesman",
            "spokeswoman", "general", "director", "governor", "sister", "brother", "wife",
            "daughter", "aide", "commander", "senator", "mayor",
        ],
        key=lambda r: (-len(r), r),
    )
)
_ROLE_AT_END = re.compile(r"\b(" + "|".join(map(re.escape, ROLES)) + r")\s*$")
_ROLE_IN = re.compile(r"\b(" + "|".join(map(re.escape, ROLES)) + r")\b")
_APPOSITION = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+)?([^,.;:()\"“”\n]{1,60})")


@dataclass
class _Unit:
    """Mentions believed to be one entity before context matching (one key)."""

    key: str
    label_counts: Counter[str] = field(default_factory=Counter)
    full: Counter[str] = field(default_factory=Counter)  # full-name surfaces
    surfaces: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[Article, Mention]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    co_mentions: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {a.id for a, _ in self.mentions}

    @property
    def name(self) -> str:
        pool = self.full or self.surfaces
        return min(pool, key=lambda s: (-pool[s], -len(s), s))


def resolve_entities(articles: Sequence[Article], *, settings: ResolveSettings) -> list[Entity]:
    """The entities of the articles of one story; sets ``Mention.key`` to the entity id."""
    units: dict[str, _Unit] = {}
    person_units: dict[tuple[str, int], str] = {}  # (article id, mention index) -> unit key
    story_full = [
        name
        for article in articles
        for m in article.mentions
        if m.label == "PERSON" and _is_full(name := strip_name(m.text))
    ]
    for article in articles:
        _person_units(article, story_full, units, person_units)
        for m in article.mentions:
            if m.label in LABELS and m.label != "PERSON":
                surface = _org_surface(m.text)
                if surface:
                    key = "org:" + _org_key(surface)
                    unit = units.setdefault(key, _Unit(key))
                    _add(unit, article, m, surface, full=True)
    _collect_context(articles, units, person_units)

    sets: DisjointSets[str] = DisjointSets()
    find = sets.find
    for a, b in _acronym_pairs(units):
        sets.union(a, b)
    story = "+".join(sorted(a.id for a in articles))
    links = _person_links(units, story, settings)
    merged_notes: dict[str, list[str]] = defaultdict(list)
    possible: list[tuple[str, str, float, list[str]]] = []
    for score, ka, kb, reasons in links:
        ra, rb = find(ka), find(kb)
        group_a = {a for k in units if find(k) == ra for a in units[k].articles}
        group_b = {a for k in units if find(k) == rb for a in units[k].articles}
        apart = bool(group_a & group_b) and not _middle_only(units[ka].name, units[kb].name)
        if ra != rb and score >= settings.merge_score and not apart:
            sets.union(ra, rb)
            merged_notes[ka].append(
                f"likely the same person: {units[ka].name} = {units[kb].name} "
                f"({'; '.join(reasons)})"
            )
        elif ra != rb:
            possible.append((ka, kb, score, reasons))

    groups: dict[str, list[_Unit]] = defaultdict(list)
    for k in sorted(units):
        groups[find(k)].append(units[k])
    entities = sorted((_entity(members) for members in groups.values()), key=_order)
    id_of: dict[str, str] = {}
    for number, (entity, members) in enumerate(entities, start=1):
        entity.id = f"e{number}"
        for unit in members:
            id_of[unit.key] = entity.id
            for _, mention in unit.mentions:
                mention.key = entity.id
    notes: dict[str, list[str]] = defaultdict(list)
    for entity, members in entities:
        for unit in members:
            notes[entity.id] += merged_notes.get(unit.key, []) + unit.notes
    for ka, kb, score, reasons in possible:
        ea, eb = id_of[ka], id_of[kb]
        if ea != eb:
            why = "; ".join(reasons)
            for one, other, key in ((ea, eb, kb), (eb, ea, ka)):
                notes[one].append(
                    f"possibly the same as {other} ({units[key].name}, score {score:.2f}): {why}"
                )
    out = []
    for entity, _ in entities:
        entity.note = ". ".join(dict.fromkeys(notes[entity.id])) or None
        out.append(entity)
    return out


_GENERATION = re.compile(r"\b(?:jr|sr|ii|iii|iv)\b\.?", re.IGNORECASE)


def _middle_only(a: str, b: str) -> bool:
    """Whether two full names differ only by middle names or initials on the longer side
    ("Frederick C. LaRue" / "Frederick LaRue"): one article may use both for one person, as it
    never would two people's names (Korean given names and generations excepted)."""
    if is_korean_name(a) or is_korean_name(b) or _GENERATION.search(a) or _GENERATION.search(b):
        return False
    short, long = sorted((name_key(a).split(), name_key(b).split()), key=len)
    if len(short) != 2 or len(long) <= 2 or short[-1] != long[-1]:
        return False
    # "W. Mark Felt" / "Mark Felt": the first name may follow initials.
    return short[0] in (long[0], long[lead_initials(long)])


def _person_units(
    article: Article,
    story_full: list[str],
    units: dict[str, _Unit],
    person_units: dict[tuple[str, int], str],
) -> None:
    """Full names by key; short forms linked to a full name of the article (else the story)."""
    people = [
        (i, m, strip_name(m.text) or " ".join(m.text.split()))
        for i, m in enumerate(article.mentions)
        if m.label == "PERSON"
    ]
    full = [(i, m, name) for i, m, name in people if _is_full(name)]
    # A two-word family name shortens a longer name of the article ("Lo Presti").
    longer = [name for _, _, name in full]
    full = [(i, m, name) for i, m, name in full if not any(_shortens(name, n) for n in longer)]
    for i, m, name in full:
        key = name_key(name)
        _add(units.setdefault(key, _Unit(key)), article, m, name, full=True)
        person_units[(article.id, i)] = key
    full_ids = {i for i, _, _ in full}
    for i, m, name in people:
        if i in full_ids:
            continue
        local = Counter(name_key(n) for _, _, n in full if _shortens(name, n))
        if not local:
            local = Counter(name_key(n) for n in story_full if _shortens(name, n))
        if not local:  # a first name alone, for one person of the article or story ("Laci")
            local = Counter(name_key(n) for _, _, n in full if _shortens(name, n, first=True))
            if not local:
                local = Counter(name_key(n) for n in story_full if _shortens(name, n, first=True))
            if len(local) > 1:
                local = Counter()
        if local:
            # Ties go to the full name met last before the short form ("Laci Peterson's
            # body … Scott Peterson … Peterson": Scott), else to the first one met after it.
            before = {name_key(n): j for j, _, n in full if j < i}
            after = {name_key(n): j for j, _, n in reversed(full) if j > i}
            def rank(k: str) -> tuple[int, int, int, str]:
                return (-local[k], -before.get(k, -(1 << 30)), after.get(k, 1 << 30), k)

            key = min(local, key=rank)
            if len(local) > 1:
                others = ", ".join(
                    units[k].name if k in units else k for k in sorted(local) if k != key
                )
                units.setdefault(key, _Unit(key)).notes.append(
                    f"short form '{name}' read as the most-mentioned {name} (also named: {others})"
                )
        else:
            key = name_key(name)
        _add(units.setdefault(key, _Unit(key)), article, m, name, full=False)
        person_units[(article.id, i)] = key


def _is_full(name: str) -> bool:
    return is_korean_name(name) or len(name.split()) >= 2


# Asked for every short name of an article against every full name of the article and the
# story: the answer depends on the two strings only, so it is remembered (0.3 of the 1.3 CPU s
# names took on 300 ECB+ documents; bench/README.md).
@functools.lru_cache(maxsize=1 << 16)
def _shortens(short: str, full: str, *, first: bool = False) -> bool:
    """Whether ``short`` ("Kim", "Putin", "Lo Presti") is the surname or last name(s) of
    ``full``; with ``first``, whether it is the first name ("Laci" of "Laci Peterson")."""
    parts = name_key(full).split()
    if not parts:  # a "name" made only of titles or punctuation
        return False
    if is_korean_name(full):
        if first:
            return False
        if surname_key(short) is not None and surname_key(short) == parts[0]:
            return True
        # Read as Korean but written the Western way ("Joe Biden"): the last word is the
        # family name.
        given = strip_name(full).split()[1:]
        if len(given) != 1 or "-" in given[0]:
            return False
    tokens, words = plain_tokens(full), plain_tokens(short)
    if not words or len(words) >= len(tokens):
        return False
    if first:
        return len(words) == 1 and words[0] == tokens[0]
    return tokens[-len(words) :] == words


def _add(unit: _Unit, article: Article, m: Mention, surface: str, *, full: bool) -> None:
    unit.label_counts[m.label] += 1
    unit.surfaces[surface] += 1
    if full:
        unit.full[surface] += 1
    unit.mentions.append((article, m))


def _collect_context(
    articles: Sequence[Article], units: dict[str, _Unit], person_units: dict[tuple[str, int], str]
) -> None:
    """Roles around each person mention; organisations and people of the same sentence."""
    for article in articles:
        by_sentence: dict[int, list[tuple[int, Mention]]] = defaultdict(list)
        for i, m in enumerate(article.mentions):
            by_sentence[m.sentence].append((i, m))
        for i, m in enumerate(article.mentions):
            key = person_units.get((article.id, i))
            if key is None:
                continue
            unit = units[key]
            unit.roles |= _roles(article, m)
            for j, other in by_sentence[m.sentence]:
                other_key = person_units.get((article.id, j))
                if other_key and other_key != key and not other_key.startswith("org:"):
                    if _is_full(units[other_key].name):
                        unit.co_mentions.add(other_key)
                elif other.label == "ORG":
                    unit.organisations.add(_org_key(_org_surface(other.text)))


def _roles(article: Article, m: Mention) -> set[str]:
    sentence = article.sentence_of(m.start)
    start = max(sentence.start if sentence else 0, m.start - 80)
    before = _plain_text(article.text[start : m.start])
    # Titles inside the mention itself ("Comrade President Putin") count as before it.
    inside = _plain_text(m.text)
    name = strip_name(m.text).lower()
    if name and name in inside:
        before = before + " " + inside[: inside.index(name)]
    found = set()
    if hit := _ROLE_AT_END.search(before.rstrip(" [")):
        found.add(hit.group(1))
    after = _APPOSITION.match(article.text[m.end : m.end + 80])
    if after and (hit := _ROLE_IN.search(_plain_text(after.group(1)))):
        found.add(hit.group(1))
    return found


def _plain_text(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _org_surface(text: str) -> str:
    text = " ".join(text.split()).strip(" \"'“”‘’()[],.;:-–—")
    text = re.sub(r"(?:['’]s|(?<=s)['’])$", "", text)
    return re.sub(r"^(?:the|The)\s+", "", text)


def _org_key(surface: str) -> str:
    return " ".join(re.sub(r"[.'’]", "", surface.lower()).split())


def _acronym_pairs(units: dict[str, _Unit]) -> list[tuple[str, str]]:
    """(spelled-out unit, acronym unit): "Korean Central News Agency" / "KCNA"."""
    initials: dict[str, list[str]] = defaultdict(list)
    for key, unit in units.items():
        if key.startswith("org:"):
            for short in acronyms_of(unit.name):
                initials[short].append(key)
    pairs = []
    for key, unit in sorted(units.items()):
        short = acronym_letters(unit.name)
        if key.startswith("org:") and short is not None:
            pairs += [(long, key) for long in sorted(initials.get(short, [])) if long != key]
    return pairs


def _person_links(
    units: dict[str, _Unit], story: str, settings: ResolveSettings
) -> list[tuple[float, str, str, list[str]]]:
    """Pairs of person units whose names are possible variants, best first."""
    people = sorted(
        k for k, u in units.items() if not k.startswith("org:") and u.full and _is_full(u.name)
    )
    contexts = {
        k: NameContext(
            roles=frozenset(units[k].roles),
            organisations=frozenset(units[k].organisations),
            story=story,
            co_mentions=frozenset(units[k].co_mentions),
        )
        for k in people
    }
    links = []
    for n, ka in enumerate(people):
        for kb in people[n + 1 :]:
            match = match_names(
                units[ka].name,
                units[kb].name,
                context_a=contexts[ka],
                context_b=contexts[kb],
                settings=settings,
            )
            if match.verdict == "possible":
                reasons = match.reasons
                for k in contexts[ka].co_mentions & contexts[kb].co_mentions:
                    reasons = [r.replace(display_key(k), units[k].name) for r in reasons]
                links.append((match.score, ka, kb, reasons))
    # A name in initials only ("J. Smith") that could stand for two of the story's people
    # ("John Smith", "Jane Smith") is linked to neither.
    partners: dict[str, set[str]] = defaultdict(set)
    for _, ka, kb, _ in links:
        for short, other in ((ka, kb), (kb, ka)):
            if initials_only(plain_tokens(units[short].name)):
                partners[short].add(other)
    ambiguous = {short for short, others in partners.items() if len(others) > 1}
    links = [link for link in links if link[1] not in ambiguous and link[2] not in ambiguous]
    links.sort(key=lambda link: (-link[0], link[1], link[2]))
    return links


def _entity(members: list[_Unit]) -> tuple[Entity, list[_Unit]]:
    labels: Counter[str] = Counter()
    full: Counter[str] = Counter()
    surfaces: set[str] = set()
    articles: set[str] = set()
    for unit in members:
        labels += unit.label_counts
        full += unit.full
        surfaces |= set(unit.surfaces)
        articles |= unit.articles
    label = min(labels, key=lambda lab: (-labels[lab], lab != "PERSON", lab))
    pool = full or Counter(surfaces)
    name = min(pool, key=lambda s: (-pool[s], -len(s), s))
    entity = Entity(
        id="",
        name=name,
        type=label,
        variants=sorted(surfaces),
        articles=sorted(articles),
    )
    return entity, members


def _order(item: tuple[Entity, list[_Unit]]) -> tuple[int, int, str]:
    entity, members = item
    return (entity.type != "PERSON", -sum(len(u.mentions) for u in members), entity.name)
