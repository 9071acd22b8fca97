"""Values that a machine export names by their field (issue 19): CAD and RMS records pasted as
JSON ('"rp_name":"Benavides, Adrián Rey"', '"lat":29.3561'), key=value logs ("user=pcordova
term=MDT-4417"), NCIC returns ("NAM/LOERA MACIAS, ARMANDO DOB/19770304 OLS/KY"), and tables
with a header row, comma-, tab- or pipe-separated ("time,unit,officer,emp_no,addr" then
'19:02:11,W21,"Harbison, Cedric",5412,...'; "| Recruit | FTO | Car |" then its rows).

The field's name says what its value is; the value must still look the part (a person's name
has letters and no digits, a number a digit, a date a date's shape, a state a state's code).
Fields that name no identifier (status, role, note, type, beat, zone, time) are left alone,
as are header rows and field names themselves."""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from workstation.detect.allow_list import is_generic
from workstation.detect.field_names import (
    JSON_KEY_PATTERN,
    KEY_PATTERN,
    NCIC_CODE,
    NCIC_CODES,
    field_kind,
    may_hold_a_table,
    tables,
)
from workstation.detect.gazetteer import state_codes, state_names
from workstation.detect.recognizers.base import explained_result, strip_edges

_ENTITY = {"CONTACT": "CONTACT", "ID": "ID", "DATE": "DATE", "LOCATION": "LOCATION", "AGENCY": "AGENCY",
           "PERSON": "PERSON"}
# values that fill a field without naming anything
_EMPTY = frozenset("null none unknown unk n/a na nil true false yes no primary cover".split())

_JSON = re.compile(JSON_KEY_PATTERN + r'[ \t]*(?:"([^"\n]{1,80})"|(-?\d[\d.]*))')
_KEY_VALUE = re.compile(KEY_PATTERN + r'(?:"([^"\n]{1,80})"|([^\s,;&"]{1,60}))')
# (the analysis may read a return in capitals recased: "Nam/Fenwick, Darius Lee Sex/M Pob/oh")
_NCIC = re.compile(rf"(?<![\w/])(?i:({NCIC_CODES}))/([^/\n]+?)"
                   r"(?=[ .]+(?i:[a-z]{2,3})/|[ \t]{2,}|[ \t]*$|[ \t]*\*)", re.MULTILINE)
# a YAML block's "key: value" lines, its keys in small letters ("  nearest_town: Browning", "- name:
# Tessa Many Guns"), and an XML element's text ("<State>WA</State>")
_YAML = re.compile(r'^[ \t]*(?:-[ \t]+)?([a-z][a-z_]{1,24})[ \t]*:[ \t]+(?:"([^"\n]{1,80})"|'
                   r'([^\s"#|>][^\n#]{0,58}?))[ \t]*$', re.MULTILINE)
_XML = re.compile(r"<([A-Za-z]\w{1,24})(?:[ \t][^<>\n]*)?>([^<>\n]{1,80})</\1>")
_NUMBER_AFTER_NAME = re.compile(r"[ \t]+#?[ \t]?(\d{2,7})$")
# a cell's value with a second thing in brackets after it ("Hodan Yusuf (WA-CI-20188)", "Det. R. Tanaka
# (SPD)"), and a column's name that names both ("Interpreter (cert. no.)")
_BRACKETED = re.compile(r"(?P<outer>[^()]*?)[ \t]*\((?P<inner>[^()]+)\)[ \t]*")


def _bracketed_apart(text: str, start: int, end: int, name: str) -> list[tuple[int, int, str, str]]:
    """A cell, or its two things: the one before the brackets is what the column's name says, the
    one in them what the name's brackets say (or, with none, what other recognizers make of it)."""
    value = _BRACKETED.fullmatch(text, start, end)
    if value is None or value.start("outer") == value.end("outer"):
        return [(start, end, name, "table")]
    header = _BRACKETED.fullmatch(name)
    if header is not None and field_kind(header.group("inner")) is None:
        return [(start, end, name, "table")]  # "AGENCY (EXAMPLE)": the brackets name nothing
    if header is None and field_kind(name) != "PERSON":
        return [(start, end, name, "table")]  # "1200 Main St (Apt 4B)": an address's unit stays in it
    outer = header.group("outer") if header else name
    cells = [(value.start("outer"), value.end("outer"), outer, "table")]
    if header is not None:  # (its last part after a comma: "(registered, WA-RI-4418)")
        comma = value.group("inner").rfind(", ")
        inner_start = value.start("inner") if comma < 0 else value.start("inner") + comma + 2
        cells.append((inner_start, value.end("inner"), header.group("inner"), "table"))
    return cells


# the codes whose values are identifiers (not SEX/, RAC/, HGT/ ...)
_NCIC_VALUES = frozenset("""nam dob dte dow pob ols lis oln lic soc vin oca nic fbi pno ppn ppb isd exp dlc
                         opr aka reg ser hin""".split())
# an NCIC message's key and what it goes to or comes from: "QW.MO0470000.NAM/", "DR.TX", "RR.KS
# REGISTRATION RESPONSE", "DQ.TX.OLN/41877302" (an ORI is a number, a state a place)
# (the analysis may read it recased, "RR.ks", "Dr.Tx", and its ORI's letter O as a zero)
_MESSAGE_KEY = re.compile(r"(?<![\w.])(?:Q[A-Z]|[BDFIKRY][QR]|Dr)\."
                          r"(?:(?P<ori>[A-Z](?=[A-Z0-9]*\d)[A-Z0-9]{8})"
                          r"|(?P<state>[A-Z]{2}|[a-z]{2}|[A-Z][a-z]))(?!\w)")
_YEAR_ALONE = re.compile(r"\D*\b(?:19|20)\d\d\b\D*")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(?:19|20)\d{2}[01]\d[0-3]\d")


_VEHICLE_KEY = re.compile(r"(?i:vehicle|veh|fleet|cruiser)")
_USER_KEY = re.compile(r"(?i:\b(?:user|login))")


def _looks_like(kind: str, value: str, key: str) -> bool:
    low = value.strip().lower()
    if not low or low in _EMPTY:
        return False
    if kind == "PERSON" and _USER_KEY.search(key):
        return " " not in value.strip() and any(c.isalpha() for c in value)  # "ia.admin2", "MTHORNBURG"
    if kind in ("PERSON", "AGENCY"):
        return sum(c.isalpha() for c in value) >= 2 and not any(c.isdigit() for c in value) and (
            len(value.split()) <= 5) and "@" not in value and not is_generic(value)  # ("unknown male")
    if kind == "ID":
        if _VEHICLE_KEY.search(key) and (" " in value.strip() or sum(c.isdigit() for c in value) < 2):
            return False  # a vehicle's column holds its number, or its year, make and model, or a
            # crash report's "V1"
        worded = " " in value.strip()  # ("expired 02/28/2025", "suspended since 2023": a date in words)
        dated = _DATE_SHAPE.fullmatch(value) or (worded and (
            _DATE_SHAPE.search(value) or _YEAR_ALONE.fullmatch(value)))
        return any(c.isdigit() for c in value) and len(value) <= 40 and not dated
    if kind == "DATE":
        return _DATE_SHAPE.match(value) is not None
    if kind == "CONTACT":
        return " " not in value.strip() and any(c.isalnum() for c in value)
    if key.lower() in ("state", "ols", "lis", "pob"):
        return value.strip().upper() in state_codes() or value.strip().title() in state_names()
    return any(c.isalnum() for c in value)


# a column that numbers a table's rows ("No.", "#"): its values are no one's number
_ROW_NUMBERS = frozenset({"no", "#", "nbr", "item", "line"})
FIELD_VALUES = "FieldValueRecognizer"  # its name: the detector trusts the field over its word lists


class FieldValueRecognizer(LocalRecognizer):
    """Values of named fields in exports and tables (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=sorted(set(_ENTITY.values())), name=FIELD_VALUES,
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # type: ignore[override]
        found: list[tuple[int, int, str, str]] = []  # start, end, kind, how
        # a fixed-width column of places holds "Garage rafters" as often as a street: only its
        # values with a number are places by their column ("1400 BLK 3RD AVE")
        places_need_a_number: set[tuple[int, int]] = set()
        if '":' in text:
            for m in _JSON.finditer(text):
                group = 2 if m.group(2) is not None else 3
                found.append((m.start(group), m.end(group), m.group(1), "json"))
        if "=" in text:
            for m in _KEY_VALUE.finditer(text):
                group = 2 if m.group(2) is not None else 3
                found.append((m.start(group), m.end(group), m.group(1), "key_value"))
        if ":" in text:
            lines = list(_YAML.finditer(text))
            for m in lines if len(lines) >= 3 else []:
                group = 2 if m.group(2) is not None else 3
                found.append((m.start(group), m.end(group), m.group(1), "yaml"))
        if "</" in text:
            found += [(m.start(2), m.end(2), m.group(1), "xml") for m in _XML.finditer(text)]
        if "/" in text:
            for m in _NCIC.finditer(text):
                # (its code in capitals, or recased with one: "(opr/driver) fled" is prose)
                if m.group(1).lower() in _NCIC_VALUES and not m.group(1).islower():
                    found.append((m.start(2), m.end(2), m.group(1).lower(), "ncic"))
        # (a message's codes around it; two of them for a recased "Dr.Tx": "Dr.Ma" is a doctor)
        codes = len(NCIC_CODE.findall(text)) if "." in text and "/" in text else 0
        for m in _MESSAGE_KEY.finditer(text) if codes else []:
            if m.group().startswith("Dr") and codes < 2:
                continue
            if m.group("ori"):
                found.append((m.start("ori"), m.end("ori"), "ori", "ncic"))
            elif m.group("state").upper() in state_codes():
                found.append((m.start("state"), m.end("state"), "state", "ncic"))
        if may_hold_a_table(text):
            for table in tables(text):
                cells = [cell for offset, row in table.rows
                         for (a, b), name in zip(row, table.names, strict=False)
                         if name.lower().rstrip(".") not in _ROW_NUMBERS
                         for cell in _bracketed_apart(text, offset + a, offset + b, name)]
                found += cells
                if table.fixed_width:
                    places_need_a_number.update(
                        (a, b) for a, b, name, _ in cells if field_kind(name) == "LOCATION")
        results: list[RecognizerResult] = []
        for start, end, key, how in found:
            kind = field_kind(key)
            number_needed = (start, end) in places_need_a_number
            start, end = strip_edges(text, start, end)
            number = _NUMBER_AFTER_NAME.search(text, start, end) if kind == "PERSON" else None
            if number is not None:  # "K. Albrecht-Moore #2388": the person, then the badge
                results.append(explained_result(self, "ID", number.start(1), number.end(1), 0.6, how))
                end = number.start()
            if kind is None or end <= start or not _looks_like(kind, text[start:end], key):
                continue
            if number_needed and not any(c.isdigit() for c in text[start:end]):
                continue
            if how in ("yaml", "xml") and kind in ("PERSON", "AGENCY", "LOCATION") and not (
                    text[start].isupper() or text[start].isdigit()):
                continue  # "landmark: bridge over the river": a description, its name inside it
            score = 0.6 if how == "table" else 0.75
            results.append(explained_result(self, _ENTITY[kind], start, end, score, how))
        return results
