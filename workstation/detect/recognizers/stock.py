"""Presidio's own predefined recognizers, kept beside ours so the workstation never finds
less than stock Presidio (issue 19). Everything the stock registry loads for English is
kept except the NLP-engine recognizer (our SpacyRecognizer runs NER already). Each is
renamed "Presidio<Name>" so a suggestion says where it came from and the superset test
can pick them out; their entity types map onto the six labels in labels.py."""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IpRecognizer,
    NhsRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
)

PREFIX = "Presidio"


# What every match of a recognizer's patterns contains, with the same flags as Presidio's
# (regex, IGNORECASE | MULTILINE | DOTALL): a text without it cannot match, so the
# recognizer is skipped and finds exactly what it would have found. A URL has a letter or
# digit, a dot and a letter ("x.com"); an e-mail an "@"; an IPv4 address a digit, a dot
# and a digit, an IPv6 address "::" or a colon between hexadecimal digits.
_NEEDS = {
    UrlRecognizer: re.compile(r"[a-z0-9.\-][.][a-z]", re.IGNORECASE | re.MULTILINE | re.DOTALL),
    EmailRecognizer: re.compile(r"@"),
    IpRecognizer: re.compile(r"\d\.\d|::|[0-9A-Fa-f]:[0-9A-Fa-f]"),
}


def _prefiltered(recognizer: EntityRecognizer, needs: re.Pattern) -> EntityRecognizer:
    analyze = recognizer.analyze

    def analyze_if_possible(text, entities, nlp_artifacts=None, *args, **kwargs):
        if needs.search(text) is None:
            return []
        return analyze(text, entities, nlp_artifacts, *args, **kwargs)

    recognizer.analyze = analyze_if_possible  # type: ignore[method-assign]
    return recognizer


_NHS_NAMED = re.compile(r"\bNHS\b|(?i:national[ \t]+health[ \t]+service|nhs[ \t]+(?:no|number))")


def _weighing_less(recognizer: EntityRecognizer, score: float) -> EntityRecognizer:
    """Its findings kept with at most `score`, so that another reading of the same digits that
    overlaps them (a phone, a date) names them; unless the text names the service."""
    analyze = recognizer.analyze

    def analyze_weighed(text, entities, nlp_artifacts=None, *args, **kwargs):
        results = analyze(text, entities, nlp_artifacts, *args, **kwargs)
        if _NHS_NAMED.search(text) is not None:
            return results
        for result in results:
            result.score = min(result.score, score)
        return results

    recognizer.analyze = analyze_weighed  # type: ignore[method-assign]
    return recognizer


def stock_pattern_recognizers() -> list[EntityRecognizer]:
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    kept: list[EntityRecognizer] = []
    for recognizer in registry.recognizers:
        if isinstance(recognizer, SpacyRecognizer) or recognizer.supported_language != "en":
            continue
        if isinstance(recognizer, PhoneRecognizer):
            # Its eight regions cost a fifth of the analysis of a number-heavy narrative;
            # US numbers stay here, every other region's with AnyRegionPhoneRecognizer
            # (phones.py). tests/detect/test_superset.py compares with the stock eight.
            recognizer.supported_regions = ("US",)
        if not recognizer.name.startswith(PREFIX):
            recognizer.name = PREFIX + recognizer.name
        for kind, needs in _NEEDS.items():
            if type(recognizer) is kind:
                recognizer = _prefiltered(recognizer, needs)
        if isinstance(recognizer, NhsRecognizer):
            # A British health-service number is rare in an American report; ten digits that pass its
            # check are far more often a phone ("555 014 2217") or a teletype's date and time
            # ("061525 1412 CST"): still found, but those readings name them
            recognizer = _weighing_less(recognizer, 0.5)
        kept.append(recognizer)
    return kept


def is_stock(recognizer_name: str) -> bool:
    return recognizer_name.startswith(PREFIX)
