"""Where a claim ultimately comes from, and how many independent origins back a finding.

An analyst counts origins, not outlets: two outlets that both relay KCNA are one origin; a
paper reprinting a wire story shares the wire's origin. The chain followed here is
outlet → cited source → the body behind it:

- a claim with no attribution comes from its outlet, or, when the article copies another
  (``Article.copy_of``), from the outlet of the original;
- a claim attributed to a source comes from that source; a source in the registry is taken
  under its canonical name, and all state media of one country (KCNA, Rodong Sinmun, Korean
  Central TV, or "North Korean media") are one origin: they relay one official line;
- an unnamed "state media" is the state media of the one country whose state media the story
  cites, when there is exactly one;
- anonymous sources are one origin per outlet: two outlets' unnamed sources cannot be told
  apart, and one outlet's source network is not several confirmations;
- a person's or document's words carried by a source the registry knows ("KCNA cited Kim Yo
  Jong as saying", "Peskov told Interfax") come through that source too: the chain is
  outlet → carrier → speaker, and two chains that share a node are one origin (Kim Yo Jong
  quoted by KCNA and KCNA's own report are not two confirmations).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rashomon.disjoint_sets import DisjointSets
from rashomon.records import Article, Attribution, Entity, Evidence, Origin

if TYPE_CHECKING:
    from rashomon.sources import Source, SourceRegistry

# How a country's state media is named when its outlets are counted as one origin.
_STATE_MEDIA = {"KP": "North Korean state media", "RU": "Russian state media", "CN": "Chinese state media"}


class Origins:
    """Origins of the claims of one story's articles."""

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        registry: SourceRegistry | None,
        entities: Sequence[Entity] = (),
    ) -> None:
        from rashomon.resolve.names import name_key

        self.by_id = {a.id: a for a in articles}
        self.registry = registry
        self._name_key = name_key
        # A person quoted under two spellings or titles ("Ri Chol Man", "Vice Minister Lee
        # Cheol-man", "Lee") is one origin, and so is a body under its name and its acronym
        # ("U.S. Geological Survey", "USGS"): names resolve through the story's entities,
        # people's first.
        self.entity_of: dict[str, str] = {}
        for entity in sorted(entities, key=lambda e: e.type != "PERSON"):
            if entity.type in {"PERSON", "ORG"}:
                for variant in (entity.name, *entity.variants):
                    self.entity_of.setdefault(name_key(variant), entity.id)
        countries = set()
        for article in articles:
            source = registry.lookup(article.outlet) if registry is not None and article.outlet else None
            if source is not None and source.kind == "state_media" and source.country:
                countries.add(source.country)
            for claim in article.claims:
                source = self._source(claim.attribution)
                if source is not None and source.kind == "state_media" and source.country:
                    countries.add(source.country)
        # The country an unnamed "state media" refers to, when the story cites only one.
        self.state_country = next(iter(countries)) if len(countries) == 1 else None

    def _source(self, attribution: Attribution | None) -> Source | None:
        if self.registry is None or attribution is None:
            return None
        for text in (attribution.name, attribution.phrase):
            if text:
                source = self.registry.lookup(text) or self.registry.best(text)
                if source is not None:
                    return source
        return None

    def original(self, article: Article) -> Article:
        """The article this one copies (copy detection already points at the first original),
        or itself."""
        return self.by_id.get(article.copy_of or "", article)

    def origin(self, article: Article, attribution: Attribution | None) -> tuple[Origin, str]:
        """The origin of a claim of ``article`` and its independence key (equal keys: one
        independent origin). A person or document carried by a known source has it as ``via``."""
        return self._chain(article, attribution)[0]

    def _chain(self, article: Article, attribution: Attribution | None) -> list[tuple[Origin, str]]:
        """(origin, key) of a claim, then (carrier, key) when a known source carried it."""
        origin, key = self._origin(article, attribution)
        carrier = self._carrier(article, attribution)
        if carrier is None:
            return [(origin, key)]
        return [(Origin(name=origin.name, type=origin.type, via=carrier[0]), key), carrier]

    def _origin(self, article: Article, attribution: Attribution | None) -> tuple[Origin, str]:
        if attribution is None or attribution.type == "self":
            name = self.original(article).source_name
            key = self._outlet_key(name)
            # A state outlet's own voice is state media.
            return Origin(name=name, type="state_media" if key.startswith("state_media:") else "outlet"), key
        source = self._source(attribution)
        kind = attribution.type
        if kind == "state_media":
            return self._state_media(source, attribution.name)
        if kind == "news_outlet":
            name = (source.name if source is not None and source.name else None) or attribution.name or "news outlet"
            return Origin(name=name, type=kind), self._outlet_key(name)
        if kind == "anonymous_source":
            name = attribution.name or "anonymous source"
            return Origin(name=name, type=kind), f"anonymous:{article.source_name.casefold()}"
        name = attribution.name or kind.replace("_", " ")
        if kind in {"official", "named_person"} and attribution.name:
            key = self._name_key(name)
            return Origin(name=name, type=kind), "person:" + self.entity_of.get(key, key)
        return Origin(name=name, type=kind), f"{kind}:{' '.join(name.casefold().split())}"

    def _state_media(self, source: Source | None, name: str | None) -> tuple[Origin, str]:
        country = (source.country if source is not None else None) or self.state_country
        name = (source.name if source is not None and source.name else None) or name
        label = name or (_STATE_MEDIA.get(country or "") or "state media")
        return Origin(name=label, type="state_media"), f"state_media:{country or label.casefold()}"

    def _carrier(self, article: Article, attribution: Attribution | None) -> tuple[Origin, str] | None:
        """The known source that carried a person's, document's or anonymous source's words,
        when the attribution phrase names one besides the speaker ("The KCNA cited Kim Yo Jong
        as saying"); the article's own outlet carries nothing worth saying."""
        if (
            self.registry is None
            or attribution is None
            or attribution.type in {"self", "state_media", "news_outlet"}
            or not attribution.phrase
        ):
            return None
        phrase = attribution.phrase
        if attribution.name and attribution.name in phrase:
            phrase = phrase.replace(attribution.name, " ")
        source = self.registry.best(phrase)
        if source is None or not source.name or source.kind not in {"state_media", "news_outlet", "wire"}:
            return None
        if self._outlet_key(source.name) == self._outlet_key(article.source_name):
            return None
        if source.kind == "state_media":
            return self._state_media(source, None)
        return Origin(name=source.name, type="news_outlet"), self._outlet_key(source.name)

    def _outlet_key(self, name: str) -> str:
        """One key per outlet under its registry name; one per country for state media."""
        if self.registry is not None:
            source = self.registry.lookup(name)
            if source is not None and source.name:
                if source.kind == "state_media" and source.country:
                    return f"state_media:{source.country}"
                name = source.name
        return "outlet:" + " ".join(name.casefold().split())

    def summarise(self, evidence: Iterable[Evidence]) -> tuple[list[Origin], int, list[str]]:
        """The distinct origins of a finding's evidence, how many are independent, and a
        label per independent origin ("North Korean state media: KCNA, Rodong Sinmun",
        "KCNA quoting Kim Yo Jong")."""
        origins: dict[tuple[str, str, str], Origin] = {}
        names: dict[str, list[str]] = {}  # independence key -> names under it
        carriers: set[str] = set()  # keys that carried another origin's words
        chains: DisjointSets[str] = DisjointSets()
        evidence = list(evidence)
        skipped = restated([e.article for e in evidence], [e.attribution for e in evidence])
        for n, e in enumerate(evidence):
            if n in skipped:
                continue
            article = self.by_id[e.article]
            chain = self._chain(article, e.attribution)
            origin = chain[0][0]
            if len(chain) > 1:
                carriers.add(chain[1][1])
            via = origin.via.name if origin.via is not None else ""
            origins.setdefault((origin.type, origin.name, via), origin)
            for link, link_key in chain:
                # "the source" means nothing out of its article: say whose source it is.
                label = (
                    f"{article.source_name}'s anonymous source" if link_key.startswith("anonymous:") else link.name
                )
                if label not in names.setdefault(link_key, []):
                    names[link_key].append(label)
                chains.find(link_key)
            if len(chain) > 1:
                chains.union(chain[1][1], chain[0][1])
        components: dict[str, list[str]] = {}
        for key in sorted(names):
            components.setdefault(chains.find(key), []).append(key)
        labels = sorted(self._label(keys, names, carriers) for keys in components.values())
        ordered = sorted(
            origins.values(), key=lambda o: (o.type, o.name, o.via.name if o.via is not None else "")
        )
        return ordered, len(components), labels

    @staticmethod
    def _label(keys: list[str], names: dict[str, list[str]], carriers: set[str]) -> str:
        """One independent origin: its carriers first, then whom they quote."""

        def group(key: str) -> str:
            members = sorted(names[key])
            if key.startswith("state_media:"):
                title = _STATE_MEDIA.get(key.split(":", 1)[1].upper(), "state media")
                # An unnamed "North Korean media" next to named outlets is one of them.
                named = [m for m in members if m != title]
                if len(members) > 1:
                    unnamed = " and unnamed" if title in members else ""
                    return f"{title}: {', '.join(named)}{unnamed}"
            return ", ".join(members)

        carried = [group(k) for k in keys if k in carriers]
        speakers = [group(k) for k in keys if k not in carriers]
        if carried and speakers:
            return f"{' and '.join(carried)}, quoting {', '.join(speakers)}"
        return " and ".join(carried or speakers)


def own_voice(attribution: Attribution | None) -> bool:
    """Whether a claim is stated in the outlet's own voice (no cited source)."""
    return attribution is None or attribution.type == "self"


def restated(articles: Sequence[str], attributions: Sequence[Attribution | None]) -> set[int]:
    """Indices of the own-voice claims whose article cites a source for the same fact in
    another of them: an outlet that writes "KCNA reported that …" and then states it in its own
    voice has told us where it got it, so its own voice is neither an origin nor the
    statement of the fact."""
    citing = {a for a, attribution in zip(articles, attributions) if not own_voice(attribution)}
    return {
        n for n, (a, attribution) in enumerate(zip(articles, attributions))
        if a in citing and own_voice(attribution)
    }
