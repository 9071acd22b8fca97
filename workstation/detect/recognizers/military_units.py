"""Military units by their designation (issue 19), agencies as the program counts them: "3rd Bn,
75th Ranger Regt", "B CO, 1-8 IN, 3 ABCT, 4ID", "2-2 sbct", "1st sfg", "92 SFS", "984th MP
Company", "HHC, 4TH SUSTAINMENT BDE", "VAQ-132". A unit chained to its parents by commas is one
span, as a signature block writes it. A number before an everyday word is no unit ("1st group
of protesters", "3 company cars"): the unit's word needs its capital, or is an abbreviation
that only a unit has."""

from __future__ import annotations

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

# the unit's kind, written with a capital or in capitals ("Battalion", "BATTALION")
_KIND_WORDS = ("Battalion", "Regiment", "Brigade", "Company", "Squadron", "Wing", "Group", "Division",
               "Detachment", "Fleet", "Platoon", "Infantry", "Marines", "Cavalry", "Artillery", "Armor")
_KINDS = "|".join(w for k in _KIND_WORDS for w in (k, k.upper()))
# abbreviations no everyday word shares, in any case ("bn", "Bde", "SBCT", "sfg")
_ABBREVIATIONS = r"(?i:bn|btn|regt|rgt|bde|bct|abct|ibct|sbct|sqdn|pir|sfg|sfs|cab|meu|mef|inf|cav)"
# branch letters after a battalion's number, in capitals only ("1-8 IN", "2-17 FA"), and the
# company's "CO"; a support battalion's ("3 BSB") names a unit even alone
_BRANCH_CODES = ("IN", "INF", "AR", "FA", "CAV", "ADA", "EN", "MI", "AV", "SF", "MP", "BSB", "BEB", "CO",
                 "Co")
_BARE_BRANCH_CODES = frozenset(_BRANCH_CODES) - {"BSB", "BEB"}
_BRANCHES = f"(?:{'|'.join(_BRANCH_CODES)})"
# a headquarters company by its letters
_HEADQUARTERS = ("HHC", "HHD", "HHT", "HHB", "HSC")
_NUMBER = r"(?:\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|\d{1,2}-\d{1,3})"
# one element: its number or letter, up to three capitalised words, then its kind
_ELEMENT = (
    rf"(?:(?:{_NUMBER}|\d{{1,3}}|[A-H]|{'|'.join(_HEADQUARTERS)})[ \t]+"
    rf"(?:(?:\p{{Lu}}[\p{{L}}]*[ \t]+){{0,3}}?"
    # (a branch's letters right after the number: "8-12 WE ARE RIGHT IN" is a sentence)
    rf"(?:{_KINDS}|{_ABBREVIATIONS})|{_BRANCHES})"
    # a division or a group by its number run together: "4ID", "82ND ABN DIV", "5SFG"
    rf"|\d{{1,3}}(?:ID|AD|SFG|SFS|MEU)"
    # a headquarters company by its letters, in a chain: "HHC, 4TH SUSTAINMENT BDE"
    rf"|{'|'.join(_HEADQUARTERS)}(?![ \t-]\d)"  # (the last, "HSC", also a naval squadron's letters)
    # a naval squadron by its letters and number: "VAQ-132", "HSC-25"
    r"|(?:VAQ|VFA|VAW|VP|VR|HSC|HSM|HMLA|VMFA|VMM)-\d{1,3})"
    r"(?:[ \t]+\((?i:airborne|abn|air[ \t]+assault)\))?(?![\w'’-])"
)
# a lone letter or number before a branch is a unit only in a chain ("B CO, 1-8 IN"); alone, "3 IN"
# is a measure and "A Co" a company's name
_CHAIN = rf"(?<![\w'’-]){_ELEMENT}(?:[ \t]*,[ \t]*{_ELEMENT}){{0,4}}"


def _no_bare_element(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A single element of a bare number and a branch's letters is no unit on its own."""
    fragment = text[start:end]
    if "," in fragment:
        return start, end
    words = fragment.split()
    if words[0].isdigit() and words[-1] in _BARE_BRANCH_CODES:
        return None
    if (len(words[0]) == 1 and words[0].isalpha()) or fragment in _HEADQUARTERS:
        return None  # "A Company" alone may be anyone's; "HHC" alone is the company's kind
    return start, end


# the recognizer's name, by which later steps know its spans
RECOGNIZER = "MilitaryUnitRecognizer"


def military_unit_recognizers() -> list[RegexRecognizer]:
    return [
        RegexRecognizer(RECOGNIZER, "AGENCY", [
            Rx("military_unit", _CHAIN, 0.8, CS, refine=_no_bare_element),
        ]),
    ]
