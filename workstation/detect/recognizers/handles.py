"""Social-media handles without "@" (issue 19): "blue_line_mike77", a forum poster's
"grizzly_deputy_MT:"; not a record's key ('"cdl_state": "WA"', "<unit_id>", "nearest_town:
Browning" in a YAML block)."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

_YAML_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?[a-z][a-z_]{1,24}[ \t]*:[ \t]+\S", re.MULTILINE)


# a device's file or an export's name ("AXON_X81B4471_20240621_1412", "BWC_0412_20240916"): two
# runs of four digits or more (a date, a time, a serial) make it a record's name, no one's handle
FILE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_\d{4,}(?:_[A-Za-z0-9]+)*_\d{4,}"
                       r"(?:_[A-Za-z0-9]+)*")


def _not_a_yaml_key(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A key of a YAML block (three lines of "key: value" or more) is no one's handle, nor
    is a file's name."""
    if FILE_NAME.fullmatch(text, start, end):
        return None
    if text.startswith(":", end) and _YAML_KEY.match(text, text.rfind("\n", 0, start) + 1) and len(
            _YAML_KEY.findall(text)) >= 3:
        return None
    return start, end


def handle_recognizers() -> list[RegexRecognizer]:
    return [RegexRecognizer(
        "HandleShapeRecognizer", "SOCIAL_HANDLE",
        [# a payment app's cashtag: "$TreBandz352" (a small letter, and a capital or a digit: no "$USD")
         Rx("cashtag", r"(?<![\w$])\$(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[A-Z0-9])"
            r"[A-Za-z][A-Za-z0-9_-]{2,19}(?![\w$-])", 0.7, CS, needs=r"\$[A-Za-z]"),
         Rx("snake_handle", r"(?<![\w@./<-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@-])"
            r"(?![\"'][ \t]*:|[ \t]*[=>])", 0.7, CS, refine=_not_a_yaml_key)],
    )]
