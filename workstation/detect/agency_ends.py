"""Names whose last words say what kind of body they are, whatever NER or a place's words inside
them say. An agency: a college's public safety or security department ("Middlebury College Public
Safety"), a search-and-rescue team or a town's rescue squad ("Sierra Madre Search & Rescue", "North
Myrtle Beach Rescue"), a public beach patrol, the Army's Corps of Engineers. A business: a private
ambulance company ("Bay Cities Ambulance"; a town's, a county's or a district's own stays an
agency), a car dealership ("Rydell Chevrolet"; makers_in_names.py), a trade's agency ("Splashlight Photo
Agency")."""

from __future__ import annotations

import re

from workstation.detect.makers_in_names import names_a_dealer_or_town

_WORD = re.compile(r"[\w'’]+")
# where a "Security" department is an agency of its own, not a business's guards
_SECURITY_OF = frozenset("college university campus hospital school schools district transit port".split())
_PUBLIC_BEACH_SERVICES = frozenset({("beach", "patrol"), ("beach", "safety"), ("ocean", "rescue"),
                                    ("marine", "safety"), ("lifeguard", "service"), ("beach", "rescue")})
_AGENCY_TRADES = frozenset("photo talent modeling model travel advertising ad insurance staffing employment "
                           "news casting booking marketing".split())
_PUBLIC_HEADS = frozenset("board commission department bureau division office authority".split())
_PUBLIC_OWNERS = frozenset("county city district parish township village town municipal fire".split())


def service_by_its_end(fragment: str, label: str) -> str:
    """The label the last words of a written name call for, else `label`."""
    from workstation.detect.gazetteer import known_place, places, state_codes, state_names_lower
    from workstation.detect.recognizers.kinds import AGENCY_ACRONYMS

    words = _WORD.findall(fragment.lower())
    if len(words) < 2:
        return label
    town = " ".join(words[:-1])  # the words before the service's ("Choteau" of "Choteau Ambulance")
    if label == "AGENCY":
        if words[-1] == "agency" and words[-2] in _AGENCY_TRADES:
            return "LOCATION"  # "Splashlight Photo Agency": a business that is called an agency
        if words[-1] == "ambulance" and not any(w in _PUBLIC_OWNERS for w in words) and not known_place(town):
            return "LOCATION"
        return label
    if label == "PERSON" and names_a_dealer_or_town(fragment):
        return "LOCATION"
    if label not in ("LOCATION", "PERSON") or fragment.islower():
        return label  # ("port security", "ocean rescue": what someone does, no name)
    if words[-2:] == ["public", "safety"] and len(words) >= 3:
        return "AGENCY"
    if words[-1] == "rescue" and ("search" in words or places().get(town) is not None):
        return "AGENCY"
    if words[-1] == "security" and any(w in _SECURITY_OF for w in words[:-1]):
        return "AGENCY"
    if words[-3:] == ["corps", "of", "engineers"]:
        return "AGENCY"
    if len(words) >= 4 and words[1] in _PUBLIC_HEADS and words[2] == "of" and (
            fragment.split()[0] in state_codes() or words[0] in state_names_lower()):
        return "AGENCY"  # "ND Board of Animal Health", "Ohio Division of Wildlife": a state's body
    state = " ".join(words[:-1]) in state_names_lower() or fragment.split()[0] in state_codes()
    if state and (fragment.split()[-1] in AGENCY_ACRONYMS or words[-2:] == ["attorney", "general"]):
        return "AGENCY"  # "West Virginia DNR", "UTAH DOGM", "NM Attorney General": the state's office
    if len(words) >= 3 and tuple(words[-2:]) in _PUBLIC_BEACH_SERVICES:
        return "AGENCY"  # "Volusia County Beach Safety", "Miami Beach Ocean Rescue": a public patrol
    return label
