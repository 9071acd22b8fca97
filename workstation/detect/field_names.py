"""Where a machine export or a table names its fields (issue 19): JSON keys ('"rp_name":'),
key=value keys ("user="), NCIC field codes ("NAM/", "OLS/") and a table's header row,
comma-, tab- or pipe-separated. A field's name is never an identifier (the allow-list keeps
it out of every span); its value is read by recognizers/fields.py."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import regex as re

if TYPE_CHECKING:
    from workstation.detect.spans import RawSpan

# a JSON key and a key= before their values (recognizers/fields.py reads the values after them)
JSON_KEY_PATTERN = r'"([A-Za-z_][\w ]{0,30})"[ \t]*:'
KEY_PATTERN = r'(?<![\w.])([a-z_]{1,20})='
_JSON_KEY = re.compile(JSON_KEY_PATTERN)
_KEY_BEFORE_VALUE = re.compile(KEY_PATTERN + r'(?=["\w])')
# the codes of an NCIC query or return, before the value they name
# (a protection order's: PNO/ its number, PPN/ and PPB/ the protected person's name and birth date,
# ISD/ and EXP/ its dates; DLC/ the date of last contact; OPR/ the operator's initials)
NCIC_CODES = ("NAM|DOB|SEX|RAC|POB|OLS|OLN|OLY|LIS|LIC|LIY|LIT|VIN|VYR|VMA|VMO|VST|VCO|HGT|WGT|EYE|HAI|"
              "SKN|SMT|SOC|FBI|OCA|NIC|MKE|ORI|DTE|DOW|MIS|OFF|RES|ADR|CTY|ZIP|"
              "PNO|PPN|PPB|ISD|EXP|DLC|OPR|AKA|REG|SER|HIN")
NCIC_CODE = re.compile(rf"(?<![\w/])((?i:{NCIC_CODES}))/(?=[\w*])")
# codes whose values name no one ("SEX/M", "RAC/W", "HGT/511", "VMA/CHEV"): code and value are
# never identifiers, though stock Presidio's URL pattern reads "JOE.SEX/M.RAC/W" as an address
# (a protection order's and a gun check's codes that NCIC_CODES leaves out: BRD/ Brady, PSX/ and PPR/
# the protected person's sex and race, PUR/ a query's purpose)
_OTHER_PLAIN_CODES = "BRD|PSX|PPR|PUR"
_PLAIN_VALUE = re.compile(rf"(?<![\w/])(?i:SEX|RAC|HGT|WGT|EYE|HAI|SKN|LIY|LIT|VYR|VMA|VMO|VST|VCO|MKE|"
                          rf"{_OTHER_PLAIN_CODES})/[\w*]{{1,8}}(?=[ .\t]|$)", re.MULTILINE)
_DELIMITERS = ("\t", "|", ",")
# (a row's number heads its column as "#" or "No."; "lat_long", "addr_2": a machine's names)
_HEADER_CELL = re.compile(r"[A-Za-z][A-Za-z0-9 _/#.()-]{0,24}\??|#|No\.?")
_CSV_HEADER_CELL = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,24}|#|No\.?")  # (prose has spaces between its commas)
_LINE = re.compile(r"[^\n]+")
# a fixed-width export's columns: runs of text parted by two spaces or more
_WIDE = "  "
_WIDE_GAP = re.compile(r"[ \t]{2,}")
_WIDE_CELL = re.compile(r"\S+(?:[ \t]\S+)*")

# a field's words -> what its value is; the first kind listed wins ("officer_id" is a number,
# "rp_phone" a phone, "rp_addr" an address, "rp_name" a person)
_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("CONTACT", frozenset("phone ph callback cb cell mobile email mail".split())),
    # ("p#": a personnel number)
    ("ID", frozenset("""id ids unit units car badge star serial emp empno employee no num number nbr
        plate tag lic vin oln dl sid case inc incident cad cfs report claim ori term terminal mdt
        ack deconfliction booking warrant citation oca nic fbi soc ticket tkt run invoice policy
        callsign shield p personnel pno reg ser hin pin permit mrn""".split())),
    ("DATE", frozenset("dob date opened generated created dte dow doi isd exp ppb dlc".split())),
    ("LOCATION", frozenset("""addr address loc location street city community zip zipcode postal
        lat lon lng latitude longitude gps bldg building place road county state ols lis pob xst
        cross intersection site town vessel ship""".split())),  # (a ship is where it happened)
    ("AGENCY", frozenset("agency dept department".split())),
    ("PERSON", frozenset("""name nam officer officers ofc deputy trooper recruit trainee fto driver
        owner caller rp suspect susp victim vict witness wit person agent adjuster opr ppn aka
        user login username""".split())),  # (an audit log's user is the agency's user by name)
    # a vehicle's or a store's column holds its number, unless another word says what ("Vehicle Owner",
    # "Store Address")
    ("ID", frozenset("vehicle veh fleet cruiser store stores".split())),
)
_KEY_WORD = re.compile(r"[a-z]+")
_USER_WORDS = frozenset("user login account member".split())
_NUMBER_WORDS = frozenset("pin no num number nbr".split())


def field_kind(name: str) -> str | None:
    """What a field's value is by the field's name ("rp_name" PERSON, "emp_no" ID), or None; a
    field of two ("AGENCY / UNIT", "VEH / PLATE") says what its value is only if both say the same."""
    if "/" in name:
        kinds = {_one_field_kind(part) for part in name.split("/")}
        return kinds.pop() if len(kinds) == 1 else None
    return _one_field_kind(name)


def _one_field_kind(name: str) -> str | None:
    words = set(_KEY_WORD.findall(name.lower().replace("_", " ")))
    words |= {w[:-1] for w in words if w.endswith("s")}
    if words & _USER_WORDS and words & _NUMBER_WORDS:
        return "ID"  # "User PIN", "Member No.": a number, no handle ("user_id" may be either)
    for kind, vocabulary in _KINDS:
        if words & vocabulary:
            return kind
    return None


Cells = list[tuple[int, int]]


class Table(NamedTuple):
    header: Cells  # the header's cells, in the text
    rows: list[tuple[int, Cells]]  # (row offset, its cells)
    names: list[str]  # the fields' names, one per column
    fixed_width: bool  # columns aligned with runs of spaces, not parted by a separator


def cells(line: str, delimiter: str) -> Cells:
    """(start, end) of each cell of one line; a comma inside double quotes splits nothing."""
    if delimiter == _WIDE:
        return [m.span() for m in _WIDE_CELL.finditer(line)]
    if delimiter != ",":
        out, at = [], 0
        for part in line.split(delimiter):
            out.append((at, at + len(part)))
            at += len(part) + 1
        if delimiter == "|" and line.strip().startswith("|"):
            out = out[1:]
        if delimiter == "|" and line.strip().endswith("|"):
            out = out[:-1]
        return out
    return [(m.start(1) if m.group(1) is not None else m.start(2),
             m.end(1) if m.group(1) is not None else m.end(2))
            for m in re.finditer(r'(?:^|(?<=,))(?:"([^"]*)"|([^,"]*))(?=,|$)', line)]


@lru_cache(maxsize=8)
def tables(text: str) -> tuple[Table, ...]:
    """Each table under a header row that names at least one kind of identifier. Its columns
    are parted by a tab, a pipe or a comma, or aligned with runs of spaces (a fixed-width export:
    every row as many cells as the header). Cached: the allow-list, the field reader and the
    cell splitter each ask for the same text's tables."""
    out = []
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        delimiter = next((d for d in _DELIMITERS if line.count(d) >= 2), None)
        if delimiter is None and len(_WIDE_GAP.findall(line.strip())) >= 2:
            delimiter = _WIDE
        header = cells(line, delimiter) if delimiter else []
        names = [line[a:b].strip() for a, b in header]
        # (a CSV header's names in quotes may hold spaces: '"near miss"')
        shape = _CSV_HEADER_CELL if delimiter == "," and not line.lstrip().startswith('"') else _HEADER_CELL
        if delimiter is None or len(names) < 3 or not all(shape.fullmatch(n) for n in names) or not any(
                field_kind(n) for n in names):
            i += 1
            continue
        rows = []
        j = i + 1
        while j < len(lines):
            row_offset, row = lines[j]
            if delimiter == "|" and re.fullmatch(r"[\s|:-]+", row):
                j += 1
                continue  # a markdown table's rule under its header
            if delimiter == _WIDE:
                row_cells = cells(row, delimiter)
                if len(row_cells) != len(names):
                    break
            else:
                row_cells = cells(row, delimiter) if row.count(delimiter) >= 2 else []
                if not row_cells or abs(len(row_cells) - len(names)) > (0 if delimiter == "," else 1):
                    break
            rows.append((row_offset, row_cells))
            j += 1
        if rows:
            out.append(Table([(offset + a, offset + b) for a, b in header], rows, names, delimiter == _WIDE))
        i = max(j, i + 1)
    return tuple(out)


def may_hold_a_table(text: str) -> bool:
    """Whether a text has a separator a table's columns are parted by (cheap, before tables())."""
    return "\t" in text or "|" in text or "," in text or "  " in text


def field_name_regions(text: str) -> list[tuple[int, int]]:
    """The names of fields: never identifiers."""
    regions: list[tuple[int, int]] = []
    if '":' in text or '" :' in text:
        regions += [m.span(1) for m in _JSON_KEY.finditer(text)]
    if "=" in text:
        regions += [m.span(1) for m in _KEY_BEFORE_VALUE.finditer(text)]
    if "/" in text:
        regions += [m.span(1) for m in NCIC_CODE.finditer(text)]
        regions += [m.span() for m in _PLAIN_VALUE.finditer(text)]
    if may_hold_a_table(text):
        for table in tables(text):
            regions += table.header
    return regions


# the next field's code inside a value read on over it ("NAM/HARLAN, BOBBY JOE.SEX/M", "PPN/KAY,
# ANN LEE PSX/F"; not an address's "1200 MAIN ST/ELM AVE")
_NEXT_CODE = re.compile(rf"[ .]+(?i:{NCIC_CODES}|{_OTHER_PLAIN_CODES}|MNP)/(?=[\w*])")


def values_end_at_codes(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """In an NCIC message (two of its codes at least) a name, a place or an address ends before
    the next field's code: what follows is another field's value, read by recognizers/fields.py."""
    from workstation.detect.spans import RawSpan  # (spans reads the allow-list, which reads this)

    if "/" not in text or len(NCIC_CODE.findall(text)) < 2:
        return list(spans)
    out: list[RawSpan] = []
    for s in spans:
        code = _NEXT_CODE.search(text, s.start, s.end) if s.label != "ID" else None
        out.append(s if code is None or code.start() == s.start else
                   RawSpan(s.start, code.start(), s.label, s.score, s.recognizer))
    return out


def cells_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """No span runs over the separator of a table's cells ("LP-17,LA 1 at Leeville Bridge" is a
    unit's number and a place, two cells): a span that does is cut into its cells' pieces, each
    what its column's name says where it says ("officer": a person, "location": a place)."""
    from workstation.detect.recognizers.base import strip_edges
    from workstation.detect.spans import RawSpan  # (spans reads the allow-list, which reads this)

    if not may_hold_a_table(text):
        return list(spans)
    cells_found = [(offset + a, offset + b, field_kind(name)) for table in tables(text)
                   for offset, row in table.rows for (a, b), name in zip(row, table.names, strict=False)]
    if not cells_found:
        return list(spans)
    out: list[RawSpan] = []
    for s in spans:
        inside = [c for c in cells_found if c[0] < s.end and s.start < c[1]]
        if len(inside) < 2:
            out.append(s)
            continue
        for a, b, kind in inside:
            a, b = strip_edges(text, max(a, s.start), min(b, s.end))
            if b > a:
                out.append(RawSpan(a, b, kind or s.label, s.score, s.recognizer))
    return out


# a form's next label at a name's end: "HARRIS COUNTY CONSTABLE Date: 10/17/2024", "Sgt. Ruiz Location:"
_LABEL_AT_END = re.compile(r"(?<![\w'’-])(?i:date|time|dob|location|loc|address|addr|phone|cell|target|"
                           r"subject|narrative|case|report|vehicle|veh|reason|charges?|status|type|"
                           # (a repossession's or a tow's form: "AGENT BRANDON TULL LIENHOLDER: ...")
                           r"lienholder|owner|agent|make|model|colou?r|plate|tag|vin|badge|remarks|notes|"
                           r"disposition|supervisor|witness|victim|complainant|employer|occupation|"
                           r"policy|sex|race|age|height|weight|email|offense|injuries|weapon|"
                           r"evidence|summary|incident|involved|signature|rank)$")
_COLON_NEXT = re.compile(r"[ \t]*:")


def labels_cut_off(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """A person, agency or place never ends in the next field's label; a label alone is none."""
    from workstation.detect.spans import RawSpan  # (spans reads the allow-list, which reads this)

    out: list[RawSpan] = []
    for s in spans:
        named = s.label in ("PERSON", "AGENCY", "LOCATION")
        label = _LABEL_AT_END.search(text, s.start, s.end) if named else None
        if label is None or not _COLON_NEXT.match(text, s.end):
            out.append(s)
        elif text[s.start:label.start()].strip():
            out.append(RawSpan(s.start, s.start + len(text[s.start:label.start()].rstrip()), s.label, s.score,
                               s.recognizer))
    return out
