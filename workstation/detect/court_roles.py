"""A court that acts in a case is a body, not a building (issue 19): "a warrant out of Superior
Court of Guam", "a case pending in Letcher District Court", "issued by the Boston Municipal
Court", "a Crow Tribal Court warrant" name the court as an institution, an AGENCY, as the
corpora mark it; "a court officer at Kings County Supreme Court", "arraigned Toledo Municipal
Court" or a form's "Court: Kenosha County Circuit Court, Branch 3" name the place where one
stands, and stay a LOCATION. The court a case's caption heads in capitals ("IN THE CIRCUIT COURT
OF COOK COUNTY") is the body too, as the newer corpora mark it (29 of the 40 courts of law in
the tuning parts are agencies; the older parts made captions places)."""

from __future__ import annotations

import regex as re

from workstation.detect.spans import WORD, RawSpan

# the words that make "X Court" a court of law, not a street ("Oak Knoll Court")
_COURT_KINDS = frozenset("""district superior circuit municipal magistrate magistrates supreme tribal
juvenile family probate justice justices chancery appeals appellate trial county city federal
bankruptcy claims drug judicial pleas""".split())
# the process the court acts in, then the preposition that names it: "warrant out of", "case
# 24-1187 in", "charges filed in", "outstanding from", "issued by the"
_PROCESS_BEFORE = re.compile(
    r"(?i:\b(?:warrants?|case|cases|charges?|charged|filed|pending|orders?|docket|summons|"
    r"subpoena|sentenced|convicted|outstanding|issued)\b[^.\n;:]{0,30}?"
    r"[ \t]+(?:in|out[ \t]+of|from|by)(?:[ \t]+the)?)[ \t]+$")
# "felony warrant (26-CR-00418, Harlan Circuit Court)": the court after its case's number
_CASE_NUMBER_BEFORE = re.compile(r"(?i:\bwarrant[ \t]+\([ \t]*[\w-]*\d[\w-]*,)[ \t]+$")
# "a Crow Tribal Court warrant", "Pierce County Superior Court bench warrant"
_PROCESS_AFTER = re.compile(r"[ \t]+(?i:(?:bench[ \t]+|arrest[ \t]+)?warrants?|cases?|docket|orders?)\b")


def a_court_of_law(fragment: str) -> bool:
    """"Bethel District Court", "Superior Court of Guam", "CIRCUIT COURT OF THE STATE OF OREGON"."""
    words = [w.lower() for w in WORD.findall(fragment)]
    return "court" in words and any(w in _COURT_KINDS for w in words)


def court_that_acts(text: str, start: int, end: int) -> bool:
    """A court of law named as the one that issues, hears or holds a case."""
    if not a_court_of_law(text[start:end]):
        return False
    before = text[max(0, start - 64):start]
    return (_PROCESS_BEFORE.search(before) is not None or _CASE_NUMBER_BEFORE.search(before) is not None
            or _PROCESS_AFTER.match(text, end) is not None)


# a case's caption heads its court in capitals: "IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS",
# "FRANKLIN COUNTY COURT OF COMMON PLEAS" (the court up to a comma or "FOR": its place after a
# comma is marked apart as often as with it)
_CAPTION = re.compile(r"(?m)^[ \t]*(?:IN[ \t]+THE[ \t]+)?"
                      r"(?P<court>(?:[A-Z0-9][A-Z0-9'’.&]*[ \t]+){0,5}COURT"
                      r"(?:[ \t]+OF(?:[ \t]+(?!FOR\b)[A-Z0-9][A-Z0-9'’.&]*){1,6})?)"
                      r"[ \t]*(?=,|[ \t]+FOR[ \t]|$)")


def court_captions(text: str, spans: list[RawSpan]) -> list[RawSpan]:
    """The court a caption names in capitals is one AGENCY, whatever was found inside it."""
    courts = [m.span("court") for m in _CAPTION.finditer(text)
              if a_court_of_law(m.group("court"))]
    if not courts:
        return spans
    kept = [s for s in spans if not any(s.start < b and a < s.end for a, b in courts)]
    return sorted([*kept, *(RawSpan(a, b, "AGENCY", 0.8, "CourtCaption") for a, b in courts)],
                  key=lambda s: (s.start, s.end))
