"""Presidio's own predefined recognizers, kept beside ours so the workstation never finds
less than stock Presidio (issue 19). Everything the stock registry loads for English is
kept except the NLP-engine recognizer (our SpacyRecognizer runs NER already). Each is
renamed "Presidio<Name>" so a suggestion says where it came from and the superset test
can pick them out; their entity types map onto the six labels in labels.py."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer

PREFIX = "Presidio"


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
        kept.append(recognizer)
    return kept


def is_stock(recognizer_name: str) -> bool:
    return recognizer_name.startswith(PREFIX)
