"""A town followed by its state's code ("Hazard, KY", "in Dalton, GA"): a place when the pair is a
real US town of that state (GeoNames), or when the words before the comma are a proper name and
not a person's ("Gurpreet Sandhu, ID 21447", "XIONG, PA NHIA" are people; "Tell Dave, OK" is none)."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from workstation.detect import census
from workstation.detect.lexicon import Lexicon
from workstation.detect.state_codes_alone import id_label_not_idaho


@lru_cache(maxsize=1)
def town_state_pairs() -> frozenset[tuple[str, str]]:
    """(lower-cased town, state code) for US towns of 500 people or more (GeoNames)."""
    from workstation.resources import resource_path

    try:
        text = resource_path("us_places.tsv").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    pairs = set()
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#"):
            pairs.add((parts[0].lower(), parts[1].strip()))
    return frozenset(pairs)


# degrees and licences written after a name that are also states' codes
_CREDENTIALS = frozenset({"MD", "PA", "ME"})


_NAME_AND_COMMA_BEFORE = re.compile(
    r"(?<![\w'’-])(\p{Lu}\p{Ll}+)[ \t]+(?:\p{Lu}\.?[ \t]+)?(\p{Lu}[\p{L}'’-]+),[ \t]*$")


def credential_after_name(text: str, start: int, code: str) -> bool:
    """A degree or licence after a person's name ("Lorenzo Giacalone, MD", "Ana M. Ruiz, PA"):
    a given name, a surname that is no town of that state, a comma, and the code at `start`."""
    if code not in _CREDENTIALS:
        return False
    m = _NAME_AND_COMMA_BEFORE.search(text, max(0, start - 60), start)
    return m is not None and census.is_given_name(m.group(1).lower(), wide=True) and not any(
        (town.lower(), code) in town_state_pairs() for town in (m.group(2), f"{m.group(1)} {m.group(2)}"))


def city_state_refine(lexicon: Lexicon, known_places: dict[str, str]):
    ambiguous = {"OK", "IN", "OR", "ME", "HI", "PA", "MA", "LA", "DE", "OH", "AL", "ID", "CO", "MD"}

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        from workstation.detect.vehicles import vehicle_words

        name, code = text[start:end].rsplit(",", 1)
        code = code.strip()
        if id_label_not_idaho(text, end):
            return None  # "Gurpreet Sandhu, ID 21447"
        words = name.split()
        if vehicle_words(text, start, start + len(name)):
            return None  # "BLK CHEV SILVERADO, CO TAG ...": the truck, then its tag's state
        for n in (len(words), 1):  # "Hazard, KY", "Sells, AZ": a town of that state, any word
            if (" ".join(words[-n:]).lower(), code) in town_state_pairs():
                return start + len(name) - len(" ".join(words[-n:])), end
        if not words[-1][:1].isupper():
            return None
        # keep the last word only when the first is ordinary ("in Dalton, GA")
        if len(words) > 1 and (lexicon.is_stop(words[0]) or (lexicon.is_common(words[0])
                                                             and not words[0][:1].isupper())):
            start += len(name) - len(words[-1])
            words = words[-1:]
        place = " ".join(words).lower()
        if place in known_places:
            return start, end
        if any(lexicon.is_common(w) and not lexicon.is_name(w) for w in words):
            return None
        if all(census.is_census_name(w) or census.is_given_name(w, wide=True) for w in words):
            return None  # "Gurpreet Sandhu, ID 21447", "XIONG, PA NHIA": a person (towns matched above)
        if credential_after_name(text, end - len(code), code):
            return None  # "Lorenzo Giacalone, MD": a doctor's degree, no Maryland
        if code in ambiguous and (lexicon.is_name(words[-1]) or lexicon.is_stop(words[-1])):
            return None  # "Pawnee, OK", not "Tell Dave, OK"
        return start, end

    return refine
