"""People found by the words around them (issue 19): names after a CAD cue ("RP KAHALE"),
a given name doing what people do ("Bill grabbed"), signatures, the writer's companion
("Rook and I", "me and Hollis"), a name before who it is ("Hunter (my partner)"),
nicknames ("calls me Spud") and lower-case names after a role ("charge rn patrice")."""

from __future__ import annotations

import regex as re

from workstation.detect.captions import PARTY_WORDS, middle_initial_v
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, Refine, RegexRecognizer, Rx, alternation
from workstation.detect.recognizers.kinds import _names_after
from workstation.detect.vocab import NUMBER_WORDS, RANKS_BEFORE_A_NAME

_CAD_CUES = (
    "rp", "r/p", "subj", "subject", "susp", "suspect", "vict", "victim", "pt", "patient",
    "caller", "inmate", "driver", "passenger", "witness", "comp", "complainant", "owner",
    "arrestee", "juv", "juvenile", "decedent", "deceased", "prisoner", "detainee",
    "tenant", "landlord", "resident", "uc", "sup", "supervisor", "clerk", "cashier", "parolee",
    "probationer",
)
_CAD_SHORT = tuple(c for c in _CAD_CUES if len(c) <= 4)  # "SUBJ.", "RP.", "Vict."
_CAD_WORDS = tuple(c for c in _CAD_CUES if len(c) > 4)
_STRONG_CUES = (
    "my partner", "partner", "named", "name was", "name is", "names are", "known as",
    "goes by", "aka", "a/k/a",
    # lower-case posts name people after their role: "detention officer nguyen", "a guy tanner"
    "officer", "deputy", "trooper", "sgt", "cpl", "ofc", "dep", "det", "detention officer",
    "a guy", "this guy", "dude", "my sgt", "my fto", "my lt",
    # ... and after the other roles of a scene: "charge rn patrice", "owner marcus leblanc-ortiz"
    "owner", "charge rn", "charge nurse", "rn", "trainee", "coworker", "tpr", "sro", "fto", "lt", "capt",
    # ... and after a title of address: "the owner mr. dominguez", "mrs okonkwo-bell"
    "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
)
# someone a nickname is given to: "a guy we all call Moose", "the kid called Biscuit"
_SOMEONE = "guy|man|dude|kid|woman|lady|girl|fella|fellow|someone|somebody|inmate|informant|subject|suspect"
# (not "known as" nor "street name": 'pills known as "blues"' names a drug)
# (and in Spanish: 'le dicen "Flaco"', 'apodado "El Güero"'; a capital after them there, since
# "le dicen" also means "they tell him": 'cuando le dicen "alto"')
_SPANISH_ALIAS_CUES = r"le[ \t]+(?:dicen|dec[ií]an|llaman)|apodad[oa]|apodo"
_ALIAS_CUES = rf"alias|aka|a\.k\.a\.?|a/k/a|goes[ \t]+by|nicknamed|{_SPANISH_ALIAS_CUES}"
_ALIAS_NEEDS = r"(?i:alias|aka|a\.k\.a|a/k/a|goes by|nicknamed|dicen|dec[ií]an|llaman|apod)"
# a name in quotes, then a dash and the person's full name, as an outreach list or a roster gives
# it: '- "Chef" — Reginald Marsh, DOB 1/9/1966'
_QUOTED_THEN_NAME = (r"(?<=(?:^|\n)[ \t]*(?:[-•*][ \t]*)?[\"“])"
                     r"\p{Lu}[\p{L}'’-]*(?:[ \t]\p{Lu}[\p{L}'’-]*){0,2}"
                     rf"(?=[\"”][ \t]*[—–-]{{1,2}}[ \t]*(?!(?i:{'|'.join(RANKS_BEFORE_A_NAME)}|chief)\b)"
                     r"\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{L}+)")
_SPANISH_CUE_BEFORE = re.compile(rf"(?i:{_SPANISH_ALIAS_CUES})[ \t:]*[\"“'‘](?:(?:el|la)[ \t]+)?$")


def _capital_after_spanish_cue(text: str, start: int, end: int) -> tuple[int, int] | None:
    if _SPANISH_CUE_BEFORE.search(text, max(0, start - 24), start) and not text[start].isupper():
        return None
    return start, end


_ROLES_BEFORE_INITIAL = ("caller", "custodian", "witness", "clerk", "driver", "from", "to", "cc", "by")
_SUBJECT_LINE = re.compile(r"(?:^|\n)[ \t]*(?i:subject|subj)[ \t]*:[ \t]*$")


def _not_subject_line(refine):
    """"Subject: Training day", "SUBJ: USE OF FORCE REVIEW": the subject line of an e-mail
    or a memo heads a topic, not a person."""

    def inner(text: str, start: int, end: int) -> tuple[int, int] | None:
        if _SUBJECT_LINE.search(text, max(0, start - 16), start):
            return None
        return refine(text, start, end)

    return inner


_SIGN_OFFS = (
    r"thanks|thank[ \t]+you|regards|sincerely|respectfully|cheers|best|stay[ \t]+safe|be[ \t]+safe|v/r|vr"
)
_NOT_A_SIGNER = frozenset(
    "team unit staff office department division squad crew shift admin management command training "
    "everyone all you anonymous me".split()
)


def _signature(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Who signed: capitalised words, whatever they mean elsewhere ("- Benny"), unless they
    are a team or a function word ("- The Training Unit", "Thanks, Everyone")."""
    from workstation.detect.allow_list import is_generic

    fragment = text[start:end]
    words = [w.lower().strip(".") for w in fragment.split()]
    if is_generic(fragment) or words[0] in ("the", "a", "an", "our", "your") or any(
            w in _NOT_A_SIGNER for w in words):
        return None
    return start, end


_PERSON_VERBS = (
    "said|says|told|yelled|screamed|shouted|asked|replied|admitted|refused|laughed|cried|"
    "whispered|pointed|swung|kicked|spit|spat|fled|lunged|charged|grabbed|punched|pulled|reached|"
    "tackled|complied|surrendered|confessed|denied|apologized|apologised|nodded|shrugged|mumbled|"
    "muttered|cursed|threatened|begged"
)
_NOT_GIVEN = frozenset("may june april august will can said the this that then".split())


def _census_given_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    from workstation.detect.census import given_names

    word = text[start:end].lower()
    return (start, end) if word in given_names() and word not in _NOT_GIVEN else None


_NEEDS_COMPANION = r"(?:\band|&)[ \t]+(?:i|me)\b"
_NEEDS_COMPANION_AFTER = r"\b(?:me|i)[ \t]+(?:and\b|&)"
_NOT_A_COMPANION = frozenset(
    "backup security boss command everyone nobody somebody someone mom dad grandma grandpa ma pa "
    "sarge dispatch fire medic ems he she you they we him her them it this that then today tonight "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


_NOT_AFTER_CO = frozenset(
    """plate plates tag tags registration license licence springs river county state highway hwy
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)


def _corrections_officer(lexicon: Lexicon):
    """"CO Chase", "co Mbeki" (recased capitals): a name after the title, not Colorado's code
    before a word ("Denver, CO Tuesday", "a CO plate")."""
    from workstation.detect.census import is_census_name

    names = _names_after(lexicon, caps_only=True)

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        first = text[start:end].split()[0].strip("'’-")
        if first.lower() in _NOT_AFTER_CO or not (is_census_name(first) or not lexicon.is_common(first)):
            return None
        return names(text, start, end)

    return refine


def _companion(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"Rook and I", "me and Hollis": the one who went with the writer is a person or a
    dog, unless the word is a role, a pronoun or kin ("Dispatch and I", "Mom and me")."""
    from workstation.detect.allow_list import GENERIC_WORDS, is_generic
    from workstation.detect.spans import RANK_WORDS
    from workstation.detect.vocab import KIN_AND_ROLES, REPORT_SHORTHAND

    low = text[start:end].lower()
    if is_generic(text[start:end]) or low in _NOT_A_COMPANION or low in GENERIC_WORDS or (
            low in KIN_AND_ROLES or low in RANK_WORDS or low in REPORT_SHORTHAND or low in _NOT_A_SIGNER):
        return None
    return start, end


_ROLE_AFTER = "partner|fto|sgt|sergeant|lt|trainee|backup|k9|dog|coworker|buddy|cover"


def _name_then_role(lexicon: Lexicon):
    """"Hunter (my partner, ...)": a given name or no English word ("Later, my partner said"
    is an adverb)."""

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        from workstation.detect.census import is_given_name

        word = text[start:end]
        bracket = text[end:end + 3].lstrip().startswith("(")  # "Gator (my partner)": no adverb
        if _companion(text, start, end) is None or (
                lexicon.is_common(word) and not is_given_name(word) and not bracket):
            return None
        return start, end

    return refine


_THING_BEFORE = re.compile(r"\b(?i:a|an|the|this|that|my|his|her|their|our|your|its|too|so|very|of)[ \t]+$")


def _lower_companion(lexicon: Lexicon):
    """In lower case the companion must be a name: no English word, or a given name, and no
    article before it ("tavita and i", not "then and i" or "a house and I")."""

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        from workstation.detect.census import is_given_name

        word = text[start:end]
        if _companion(text, start, end) is None or lexicon.is_stop(word) or _THING_BEFORE.search(
                text, max(0, start - 12), start):
            return None  # "the corner of a house and I", "too close and I"
        return (start, end) if not lexicon.is_common(word) or is_given_name(word) else None

    return refine


# what the writer and a partner do together ("me and tank roll up")
_TEAM_VERBS = (
    "roll|rolled|rolling|go|went|were|are|got|get|pulled|showed|ran|run|had|have|headed|cleared|took|"
    "take|walked|drove|responded|arrived|found|caught|cuffed|chased|worked|split|made|hit|jumped|"
    "tried|stood|sat|waited|approached|knocked|entered|searched|stopped|started|both|each"
)


def _lower_companion_acting(lexicon: Lexicon):
    """"me and tank roll up": any word but a stop word, a role or a plural ("me and medics")."""

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        if _companion(text, start, end) is None or lexicon.is_stop(word) or (
                word.endswith("s") and lexicon.is_common(word[:-1])):
            return None
        return start, end

    return refine


_NICKNAME_RANKS = r"deputy|dep|officer|ofc|sergeant|sgt|trooper|tpr|detective|det|corporal|cpl|agent|" \
                  r"lieutenant|lt|my[ \t]+partner|our[ \t]+dispatcher|dispatcher"


def _nickname_explained(lexicon: Lexicon) -> Refine:
    """Not a pronoun or a role ("He is Deputy Lane", "Dispatch is Kayla Moore"), nor a word
    that starts sentences ("This is Officer Reyes")."""
    from workstation.detect.recognizers.speakers import NOT_SPEAKERS
    from workstation.detect.spans import RANK_WORDS
    from workstation.detect.vocab import KIN_AND_ROLES

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        words = [w.lower() for w in text[start:end].split()]
        if any(lexicon.is_stop(w) or w in NOT_SPEAKERS or w in RANK_WORDS or w in KIN_AND_ROLES
               or w in _CAD_CUES for w in words):
            return None  # "owner is gary weisz": a role, then who holds it
        said = _EXPLAINED_IN_LOWER_CASE.match(text, end)
        parts = [p for w in words for p in w.split("-")]
        said_words = said.groups() if said is not None else ()
        if any(lexicon.is_stop(w) or lexicon.is_common(w) for w in said_words) and any(
                p in NUMBER_WORDS or lexicon.is_common(p) for p in parts):
            return None  # "Adam-twelve is en route.", "Tango is on scene": no name in lower case, and
            # a word or a number before it ("Shovda is very reliable" still names someone)
        return start, end

    return refine


_EXPLAINED_IN_LOWER_CASE = re.compile(r"[ \t]+(?:is|=)[ \t]+(\p{Ll}{2,})[ \t]+(\p{Ll}{2,})")


def _surname_uncommon(lexicon: Lexicon) -> Refine:
    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        surname = re.split(r"[ \t.]+", text[start:end])[-1]
        parts = surname.split("-")
        if all(lexicon.is_common(p) and not lexicon.is_name(p) for p in parts) or lexicon.is_stop(parts[0]):
            return None  # "to b. careful", "by t. the"
        return start, end

    return refine


_WORD_BEFORE_VERSUS = re.compile(r"([\p{L}'’-]+)[ \t]+(?:vs|VS|Vs)\.?[ \t]+$")  # (a caption's "v." stays)
_PARTY = re.compile(PARTY_WORDS)


def _caption_parties(lexicon: Lexicon) -> Refine:
    """A caption's parties are people, a state or the people ("State v. Holloway", "KOWALSKI VS.
    DIAZ"); everyday words on both sides are a crash's or a fight's kinds ("Car vs. Pedestrian",
    "TRUCK VS DEER", "Officer vs Suspect"). "Catalina V. Irigoyen" has a middle initial."""
    from workstation.detect.census import is_census_name

    def everyday(word: str) -> bool:
        return lexicon.is_common(word) and not _PARTY.fullmatch(word)

    def refine(text: str, start: int, end: int) -> tuple[int, int] | None:
        if middle_initial_v(text, 0, start):
            return None
        before = _WORD_BEFORE_VERSUS.search(text, max(0, start - 40), start)
        first = text[start:end].split()[0].strip(",.")
        left = before.group(1) if before is not None else ""
        if left and everyday(left) and not lexicon.is_stop(left) and not is_census_name(left) and everyday(
                first) and (left.islower() or not is_census_name(first)):
            return None  # (a surname on either side is a party: "Hunter vs. Young", "me vs Hunter"; a
            # thing in lower case before is none, "truck vs Deer" as capitals are recased)
        return start, end

    return refine


def cue_name_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    return [
        RegexRecognizer(
            "CueNameRecognizer", "PERSON",
            [
                # a court case's caption names the accused after "v.": "STATE v. HOLLOWAY", "STATE OF
                # WASHINGTON v. TRAN, DUC MINH", 'State v. Tremaine "Boo" Batiste' (not a state,
                # the people or a city, the other party)
                Rx("case_caption", r"(?<=\b(?:v|vs|V|VS)\.?[ \t]+)"
                   rf"(?!{PARTY_WORDS}|(?i:ex[ \t]+rel)\b)"
                   r"(?:\p{Lu}[\p{L}'’-]+,[ \t]+"
                   rf"(?!(?i:no|nos|case|cause|docket|dkt)\b|{PARTY_WORDS}))?\p{{Lu}}[\p{{L}}'’.-]*"
                   # (the next caption's "v." ends it: "TRAN, DUC MINH. KOWALSKI VS. DIAZ")
                   r"(?:[ \t]+(?:\"[^\"\n]{1,20}\"[ \t]+)?(?!(?i:vs?)\.?[ \t])\p{Lu}[\p{L}'’.-]*){0,3}",
                   0.8, CS,
                   needs=r"\bv(?:s)?\.?[ \t]+\p{Lu}", refine=_caption_parties(lexicon)),
                # CAD notes in capitals: "RP KAHALE", "SUBJ TY REDCORN"
                # (a whole word's period ends its sentence: "with a subject. FWC Officer Raul")
                Rx("cad_cue", rf"(?<=\b(?:(?i:{alternation(_CAD_SHORT)})\.?|(?i:{alternation(_CAD_WORDS)}))"
                   r":?[ \t]+)"
                   r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}", 0.55, CS,
                   refine=_not_subject_line(_names_after(lexicon, caps_only=True))),
                # a corrections officer by the title prisons use: "CO Chase", "C.O. MBEKI"
                Rx("corrections_officer", r"(?<=(?<!,[ \t]{0,2})\b(?:CO|C\.O\.|Co|co)[ \t]{1,3})"
                   r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}", 0.55, CS,
                   refine=_corrections_officer(lexicon), needs=r"\bc\.?o\b"),
                # "Bill grabbed the knife", "Hope yelled": a given name that is also an everyday
                # word, first in its sentence, doing what people do
                Rx("name_then_verb", rf"(?:^|(?<=[.!?][\"”’)]?[ \t]+|\n[ \t]*))\p{{Lu}}\p{{Ll}}+"
                   rf"(?=[ \t]+(?:{_PERSON_VERBS})\b)", 0.55, CS, refine=_census_given_name),
                # the writer's companion: "Rook and I tracked", "me and Hollis went in"
                Rx("companion", r"(?<![\w'’.-])\p{Lu}\p{Ll}+(?:['’]\p{Lu}?\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?"
                   r"(?=[ \t]+(?:and|&)[ \t]+(?:I|me)\b)", 0.8, CS, refine=_companion,
                   needs=_NEEDS_COMPANION),
                # a name, then who that is: "Hunter (my partner, that's his actual name)", "Deuce, my FTO,"
                Rx("name_then_role", rf"(?<![\w'’.-])\p{{Lu}}\p{{Ll}}+(?=[ \t]*[(,][ \t]*(?i:my|our)[ \t]+"
                   rf"(?:{_ROLE_AFTER})\b)", 0.7, CS, refine=_name_then_role(lexicon),
                   needs=rf"\b(?:my|our)[ \t]+(?:{_ROLE_AFTER})\b"),
                # a nickname, whatever word it is: "everyone calls me Spud", "they call him biscuit"
                # ... "a guy we all call moose", "the kid everyone calls Biscuit" (a person before
                # it: "we called dispatch" calls someone)
                Rx("nickname", rf"(?<=\b(?i:calls[ \t]+me|nicknamed|i['’]ll[ \t]+call[ \t]+(?:him|her)|"
                   r"(?:they|we|everyone|everybody|people)"
                   rf"[ \t]+(?:all[ \t]+)?(?:call|calls|called)[ \t]+(?:him|her|me)|(?:{_SOMEONE})"
                   r"[ \t]+(?:(?:(?:that|who|whom)[ \t]+)?(?:they|we|everyone|everybody|people)[ \t]+"
                   r"(?:all[ \t]+)?(?:call|calls|called)|nicknamed|named|known[ \t]+as|"
                   r"who[ \t]+goes[ \t]+by))[ \t]+)(?:[\p{L}][\p{L}'’-]+|\p{Lu}\.(?:\p{Lu}\.)?)"
                   # ... and after a bare "called" only a capital: "a guy called Tank" ("a woman
                   # called saying", "a guy called 911" name no one)
                   rf"|(?<=\b(?i:{_SOMEONE})[ \t]+called[ \t]+)\p{{Lu}}[\p{{L}}'’-]+",
                   0.8, CS,
                   refine=_companion, needs="call|nicknamed"),
                # lower-case posts: "tavita and i were moving a prisoner"
                Rx("companion_lower", r"(?<![\w'’.-])[a-z][a-z'’]+(?:-[a-z]+)?"
                   r"(?=[ \t]+(?:and|&)[ \t]+[iI]\b)", 0.5, CS, refine=_lower_companion(lexicon),
                   needs=_NEEDS_COMPANION),
                # lower-case posts: "me and tank roll up", "me and cooter went in": after "me and",
                # a word without an article that then acts is someone's name, whatever it means
                Rx("companion_after_lower", r"(?<=\b(?:[Mm]e|[iI])[ \t]+(?:and|&)[ \t]+)[a-z][a-z'’]+"
                   rf"(?=[ \t]+(?:{_PERSON_VERBS}|{_TEAM_VERBS})\b)", 0.8, CS,
                   refine=_lower_companion_acting(lexicon), needs=_NEEDS_COMPANION_AFTER),
                Rx("companion_after", r"(?<=\b(?:[Mm]e|I)[ \t]+(?:and|&)[ \t]+)\p{Lu}\p{Ll}+"
                   r"(?:-\p{Lu}\p{Ll}+)?(?![\w'’-])", 0.6, CS, refine=_companion,
                   needs=_NEEDS_COMPANION_AFTER),
                # a signature: "- Benny" at the end, a name on the line after "Thanks," or "Respectfully,"
                Rx("signature", rf"(?:(?<=(?:^|\n|[.!?][ \t]+)[ \t]*[-–—~][ \t]*)|(?<=\b(?i:{_SIGN_OFFS})"
                   r"[,!.]?[ \t]*\n[ \t]*))\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){0,2}"
                   r"(?=[ \t]*(?:\n|$))", 0.6, CS, refine=_signature),
                # a signature with the signer's agency after a comma: "-- Okafor, Georgia State
                # University Police" (two dashes, an em dash or a tilde: "- Traffic, heavy" is a bullet)
                Rx("signature_with_agency", r"(?<=(?:^|\n)[ \t]*(?:--|—|~)[ \t]*)\p{Lu}[\p{L}'’.-]+"
                   r"(?:[ \t]+\p{Lu}[\p{L}'’.-]+){0,2}(?=,[ \t]+\p{Lu}[^\n]*\b(?:Police|Sheriff|PD|SO|"
                   r"Department|Patrol|Office|Security)\b)", 0.7, CS, refine=_signature),
                # a nickname explained: "Biscuit is Deputy Tavon Biscoe.", "Pee Wee is Deputy Jerome
                # Peebles", "deuce is Darnell Williams", "dre = andre king": at a sentence's start
                Rx("nickname_is_name", r"(?:^|(?<=[.!?:][\"”’)]?[ \t]+|\n[ \t]*))"
                   r"[\p{L}][\p{L}'’-]+(?:[ \t]\p{Lu}[\p{L}'’-]+)?"
                   rf"(?=[ \t]+(?:is|=)[ \t]+(?:(?i:{_NICKNAME_RANKS})\.?[ \t]+)?"
                   r"(?:\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{L}'’-]+|\p{Ll}{2,}[ \t]+\p{Ll}{2,}[ \t]*(?:[,.;\n]|$)))",
                   0.8, CS, refine=_nickname_explained(lexicon), needs=r" is | = |="),
                # lower-case notes: an initial and a surname after a role ("caller r. mahmoud",
                # "evidence custodian t. runningwater", "sgt o. adeyemi-brooks")
                Rx("initial_after_cue", rf"(?<=\b(?i:{alternation((*_STRONG_CUES, *_ROLES_BEFORE_INITIAL))})"
                   r"[ \t]+)(?![nsew]\.)[a-z]\.[ \t]?[a-zA-Z][a-z'’]{2,}(?:-[a-zA-Z][a-z]+)?(?![\w'’.-])",
                   0.6, CS,
                   refine=_surname_uncommon(lexicon), needs=r"\b[a-z]\.[ \t]?[a-zA-Z][a-z]{2}"),
                # lower-case posts: "my partner anjali", "his name was mateo"
                Rx("strong_cue", rf"(?<=\b(?i:{alternation(_STRONG_CUES)})[ \t]+)"
                   r"[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2}", 0.5, CS,
                   refine=_names_after(lexicon, caps_only=False)),
                # "a man named rui last name tavares": a name's field said aloud names a person,
                # whatever town bears the name
                Rx("name_part_cue", r"(?<=\b(?i:last[ \t]+name|first[ \t]+name|surname)(?:[ \t]+(?i:is|was))?"
                   r"[ \t]+)(?i:[a-z][a-z'’-]+)", 0.85, CS, refine=_names_after(lexicon, caps_only=False),
                   needs=r"name"),
                # an alias, whatever words it is made of: 'alias "Memo"', 'AKA "El Güero"', "aka Smoke",
                # "he goes by 'Chino'" (quotes outside)
                Rx("alias_quoted", rf"(?<=\b(?i:{_ALIAS_CUES})[ \t:]*[\"“'‘](?:(?:el|la)[ \t]+)?)"
                   # (a lower-case article stays out, "el Beto"; "El Güero" is the whole alias)
                   r"(?!(?i:the|a|an|my|our|his|her)\b)(?!(?:el|la|los|las)\b)\p{L}[\p{L}'’.-]*"
                   r"(?:[ \t]\p{L}[\p{L}'’.-]*){0,3}(?=[,.]?[\"”'’])", 0.85, CS, needs=_ALIAS_NEEDS,
                   refine=_capital_after_spanish_cue),
                Rx("quoted_then_name", _QUOTED_THEN_NAME, 0.75, CS, needs=r"[\"“]"),
                Rx("alias", r"(?<=\b(?i:alias|aka|a\.k\.a\.?|a/k/a)[ \t:]+)\p{Lu}[\p{L}'’-]+"
                   r"(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}", 0.8, CS, needs=_ALIAS_NEEDS,
                   refine=_companion),
                # an animal's name in quotes after the animal: 'Dog: "Brutus," M Rottweiler', 'The
                # dog, "Ranger," survived' (an animal's name is marked as a person's, whatever word)
                Rx("animal_name_quoted", r"(?<=\b(?i:dog|dogs|k-?9|canine|cat|horse|mare|gelding|stallion|"
                   r"pony|mule|bull|steer|animal|pet|puppy|pup)[ \t]*[:,]?[ \t]*[\"“])\p{Lu}[\p{L}'’-]+"
                   r"(?=[,.]?[\"”])", 0.7, CS, needs=r"[\"“]"),
            ],
        ),
    ]
