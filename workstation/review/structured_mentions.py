"""The panel's own words against the officer's structured fields: a title that says "a K9
sergeant from a 12-officer department" publishes the role and agency size the structured
fields withhold or generalise. Finds such mentions (offsets and a label, never text kept)
for the residual scan."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from workstation.intake.submission_schema import taxonomy_labels
from workstation.review.structured import Disclosure

# Words of the taxonomy's labels that say nothing on their own.
_VAGUE = frozenset("""officer officers other police agency member team unit first line staff senior
service years year than more less from with and the""".split())
_NUMBERED = {
    "years_of_service": re.compile(r"\b\d{1,2}\s*(?:\+\s*)?(?:-\s*)?(?:years?|yrs?)\b", re.IGNORECASE),
    "agency_size": re.compile(r"\b\d{1,4}\s*[- ]?(?:officers?|deput(?:y|ies)|sworn|troopers?|man|person|"
                              r"member)\b", re.IGNORECASE),
}
LABELS = {"role_rank": "PERSON", "years_of_service": "PERSON", "agency_type": "AGENCY",
          "agency_size": "AGENCY"}


@cache
def _word_pattern(field: str, code: str) -> re.Pattern[str] | None:
    label = taxonomy_labels(field).get(code, "")
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", label) if w.casefold() not in _VAGUE]
    if code == "k9_handler":
        words += ["K9", "K-9", "canine"]
    if not words:
        return None
    alternatives = "|".join(re.escape(w) + "s?" for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def structured_mentions(text: str, submission: Mapping[str, Any],
                        choices: Mapping[str, str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of each place `text` states a field that is not published as given."""
    for field, label in LABELS.items():
        if field not in submission or choices.get(field, Disclosure.PUBLISH) == Disclosure.PUBLISH:
            continue
        patterns = [_NUMBERED.get(field), _word_pattern(field, str(submission[field]))]
        if field in _NUMBERED:
            patterns = patterns[:1]  # a band's label words ("1 to 10") are not what people write
        for pattern in patterns:
            if pattern is not None:
                for found in pattern.finditer(text):
                    yield found.start(), found.end(), label
