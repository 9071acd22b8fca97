"""Labelled fields of forms and CAD records (issue 19): the value after "LOCATION:",
"LOC:", "ADDRESS:", "FACILITY:" is a place, the value after "NAME:", "OFFICER:", "RP:",
"VICTIM:" ... a person, whatever its words ("LOC: 3300 BLK S INDEPENDENCE BLVD",
"RP: HUNTER MAJOR"). The value ends at the end of the line, a comma, a semicolon, a
sentence end or a run of spaces. "Subject:" is left out: it heads e-mail subject lines."""

from __future__ import annotations

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

# (and a business's field: "Retailer: Ulta Beauty", "BUSINESS: GOLDEN TOUCH FOOT SPA"; not "Employer:", a
# deposition's question as often as a form's)
_PLACE_FIELDS = (r"(?i:location|loc|address|addr|facility|place|scene|incident\s+location|home\s+address|"
                 r"business|business\s+name|retailer)")
_PERSON_FIELDS = (
    r"(?i:name|full\s+name|officer|deputy|reporting\s+party|rp|caller|suspect|susp|victim|vict|witness|"
    r"driver|patient|inmate|parolee|complainant|arrestee|involved|requested\s+by|reported\s+by)"
)
# (recased text: a value typed in capitals may have lost its capital, "LOCATION: paradise")
_VALUE = r"(?!(?i:the|a|an|in|on|at|of|n/?a|none|unknown|unk)\b)[A-Za-z0-9][^\n,;:]{1,60}?" + (
    r"(?=[ \t]*(?:$|\n|[,;]|\.(?:[ \t]|$)|[ \t]{2,}|\())")
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]*)"  # a period only after an initial
_PERSON_VALUE = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}" + (
    r"(?=[ \t]*(?:$|\n|[,;(]|[ \t]{2,}|\.[ \t]|[ \t]+[a-z(]))")
_LINE_START = r"(?m)(?:^|(?<=[ \t]{2,}|\|[ \t]*))[ \t]*"


def _name_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A person field holds capitalised words without digits."""
    if any(c.isdigit() for c in text[start:end]):
        return None
    return start, end


def form_recognizers() -> list[RegexRecognizer]:
    return [
        RegexRecognizer(
            "FormFieldRecognizer", "LOCATION",
            [Rx("place_field", rf"{_LINE_START}{_PLACE_FIELDS}[ \t]*:[ \t]*(?P<v>{_VALUE})", 0.7, CS, "v")],
        ),
        RegexRecognizer(
            "FormPersonRecognizer", "PERSON",
            [Rx("person_field", rf"{_LINE_START}{_PERSON_FIELDS}[ \t]*:[ \t]*(?P<v>{_PERSON_VALUE})", 0.7, CS,
                "v", refine=_name_words)],
        ),
    ]
