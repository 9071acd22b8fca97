"""An agency named only by its letters where it issues or checks a licence (issue 19): "OPWDD
operating certificate GH-0717-2204", "the CHRB license 118472", "a pawnshop licence issued by
OCCC". Letters no list knows are an agency here because of what they stand before or after;
words ("STATE license", "DEALER license") and the letters of a licence's own kind ("CDL", "CCW",
"FFL") are not."""

from __future__ import annotations

from workstation.detect import census
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

# the letters of a licence's or a record's kind, never its issuer
_KINDS = frozenset("""CDL CCW CHL CPL LTC FFL DL ID DOB VIN SSN EMT RN LPN CNA CPR NCIC DUI DWI OWI MVA
    LLC INC DBA ATV UTV PWC HAZMAT TWIC SOR POR SID FBI UCR NIBRS METRC HVAC GED CIT HOA CWP HCP
    CCDW""".split()) | frozenset(
    # a clinician's or a professional's degree before the licence: "Siobhan Mulcahy, PT, DPT  Lic."
    """DPT PT OT MD DO DDS DMD DVM PHD PSYD LCSW LMSW LMFT LPC LMHC NP PA CRNA ARNP APRN MSW BSN MSN
    PHARMD RPH CPA ESQ JD LAC LADC CADC""".split())
_LICENCE = r"(?i:licen[cs]e|lic\.|certificate|cert\.|permit|registration|reg\.)"
# the licence's kind between the letters and the word: "OPWDD operating certificate", "CHRB trainer license"
_KIND_WORD = (r"(?:(?i:operating|facility|provider|business|dealer|pawnshop|pawnbroker|liquor|trainer|"
              r"jockey|owner|exhibitor|state|agency|program|center|home|retail|retailer|cultivation|"
              r"grower|auctioneer|salvage|secondhand|gaming|vendor|contractor|practice|professional)[ \t]+)?")


def _issuer_refine(lexicon: Lexicon):
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        low = word.lower()
        if word in _KINDS or lexicon.is_common(word) or lexicon.is_stop(word) or (
                low in census.surnames() or low in census.any_given_names()):
            return None  # ("GARCIA license", "RAMOS permit": a surname in capitals)
        return start, end

    return refine


def issuer_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    refine = _issuer_refine(lexicon)
    return [RegexRecognizer(
        "IssuerAcronymRecognizer", "AGENCY",
        [
            Rx("letters_before_licence", rf"(?<![\w'’./-])[A-Z]{{3,6}}(?=[ \t]{{1,2}}{_KIND_WORD}{_LICENCE}"
                                         r"(?![\w-]))", 0.6, CS, refine=refine,
               needs=r"licen|lic\.|certificate|cert\.|permit|registration|reg\."),
            Rx("issued_by_letters", r"(?<=\b(?i:issued|licensed|certified|regulated|permitted|inspected)"
                                    r"[ \t]+(?i:by)[ \t]+(?:(?i:the)[ \t]+)?)[A-Z]{3,6}(?![\w'’-])", 0.6, CS,
               refine=refine, needs="issued|licensed|certified|regulated|permitted|inspected"),
        ],
    )]
