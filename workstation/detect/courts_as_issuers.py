"""A court that issues an order, hears a case or holds a warrant is an agency ("a PPO from
Third Circuit Court", "Clayton County Superior Court civil action 2025CV00418", "charged in
Tuba City District Court"); a court as the room where something happened stays a place
("Mercer County Circuit Court, Courtroom 3", "Kenosha County Circuit Court, Branch 3")."""

from __future__ import annotations

import regex as re

# the span is a court: "... Court", "... Court of Common Pleas", "Superior Court of Guam"
# (a court of law by its kind, an ordinal's too, "180th District Court": not "4410 Juniper Court", a street)
_COURT = re.compile(r"(?i:(?!\d+[ \t]).*\b(?:circuit|superior|district|municipal|family|juvenile|magistrate|"
                    r"justice|county|probate|supreme|judicial|federal|tribal|city|traffic|drug|"
                    r"common[ \t]+pleas|chancery)[ \t]+court(?:[ \t]+of[ \t]+[\p{L} .'’-]+)?|"
                    r".*\bcourt[ \t]+of[ \t]+[\p{L} .'’-]+)")
# the court's room, branch or building after it: a place
_ROOM_AFTER = re.compile(r"[ \t]*[,(—–-]?[ \t]*(?i:courtroom|branch|part|dept|department|room|courthouse|"
                         r"justice[ \t]+center|\d+[ \t]+\p{L})")
# its paperwork right after it: "Court civil action", "Court (24CEFL07741)", "Court hearing" (not
# "Court, Case No.": early corpora's captions write a case under the court they sat in)
_PAPERS_AFTER = re.compile(r"[ \t]*[,(]?[ \t]*(?i:docket|cause|petition|civil[ \t]+action|order|"
                           r"warrant|hearing|"
                           # ... or its people, or what it did: "the Municipal Court clerk called",
                           # "the 180th District Court issued the warrant"
                           r"(?:clerk|judge|bailiff|administrator|staff|records)s?|issued|signed|granted|"
                           r"ordered|sentenced|dismissed|denied|set[ \t]+(?:the|a|bond|bail))\b|"
                           r"[ \t]*\((?=[\w-]*\d)")
# ... or its case's number right after it: "SUPERIOR COURT 2025 CF3 001447", "Court CR-2003-411"
# (a letter or a hyphen in it: "Court 1300 hrs", "Court 1200 Elm St" are a time and an address)
_CASE_AFTER = re.compile(r"[ \t]+(?:(?:19|20)\d\d[ \t-]*[A-Z]{1,4}\d?[ \t-]*\d{3,}|"
                         r"[A-Z]{1,4}(?:-[A-Z]{1,4})*-?\d[\w-]*\d{3}|"  # "ZTC-CR-24-338" too
                         r"\d{2,4}-[\w-]*\d{3})(?![\w-])")
# or before it: an order, a warrant or a docket that came from it; or "charged in", "out of"
_PAPERS_BEFORE = re.compile(r"(?i:\b(?:order|warrant|docket|petition|cause|tpo|ppo|epo|dvpo)s?\b)")
# (or a record's field: "COURT: JEFFERSON CO CIRCUIT COURT")
_ISSUER_BEFORE = re.compile(r"(?i:\b(?:from|out[ \t]+of|issued[ \t]+by|in|by|of)(?:[ \t]+the)?|"
                            r"\bcourt[ \t]*:)[ \t]*$")


def court_as_issuer(text: str, start: int, end: int, label: str) -> str:
    """AGENCY for a court named as the body that acts (see the module's docstring), else label."""
    if label != "LOCATION" or not _COURT.fullmatch(text, start, end):
        return label
    if _CASE_AFTER.match(text, end):
        return "AGENCY"
    if _ROOM_AFTER.match(text, end):
        return label
    before = text[max(0, start - 45):start]
    acts = _PAPERS_AFTER.match(text, end) or _PAPERS_BEFORE.search(before) or _ISSUER_BEFORE.search(before)
    return "AGENCY" if acts else label
