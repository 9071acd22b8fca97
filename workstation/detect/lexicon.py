"""Which words are ordinary English words: decides how ALL-CAPS / lower-case text is
recased and when a capitalised word is likely a name rather than a sentence start."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from workstation.detect.names import ALL_NAMES, GIVEN_NAMES
from workstation.detect.vocab import LANGUAGES_AND_NATIONALITIES

# the punctuation dictation writes out ("driver melanie cho comma and i"): never a name's word
DICTATED_PUNCTUATION = frozenset({"comma", "period"})

_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("er", ""),
    ("ers", ""),
    ("est", ""),
    ("'s", ""),
    ("’s", ""),
)

# Police and report vocabulary the general word list lacks or that must never be
# taken for a name.
_EXTRA_COMMON = """
airboat jetski rescreen rescreened
everybody somebody anybody nobody everyone someone anyone everything something anything nothing
everywhere somewhere anywhere nowhere whoever whatever whenever wherever
ok okay yeah gonna wanna didnt dont couldnt wouldnt wasnt cant im ive hes shes theyre
cop cops perp perps suspect suspects dispatch dispatcher backup taser tased glock rifle
shotgun handgun pistol sgt lt ofc cpl det dep tpr fto sro swat dui dwi cad mdt rms ori
vin dob ssn dl bolo atl apb aka poss poi leo leos ems fd pd so cfs pursuit traffic
stop stopped vehicle sedan suv pickup truck partner partners deputy deputies trooper
troopers officer officers sergeant lieutenant captain corporal detective chief sheriff
marshal agent agents unit units radio code shift roll call lesson lessons learned
narrative incident report reports k9 canine handcuffs cuffed cuffs vest bodycam dashcam
subject subjects driver passenger occupant occupants male female juvenile adult
eow neg negative uof avl tac tacs nibrs ucr ncic cjis nlets hosp ot llq luq rlq ruq gsw cpr
emt bwv ois ppe lz goa utl cfs sop dwls dwlr cew lvnr oc veh resp approx hrs
misc nfa nfi poss wpn mva tc hit-and-run ftr fta ftc pursuit wants warrants ifo
icw attn re eta etd loc aoa aoc ems cad nic sgts lts cmdr ao aor op ops sitrep brief debrief
debriefed uncuff uncuffed narcan naloxone fentanyl meth tbi loc ptsd cisd eap peer
lol lmao lmfao rofl ngl bruh ppl yo tonite tmrw idk imo imho tbh smh omg wtf af fr rn ikr btw
dm dms lmk nvm thx pls plz ur gotta ya yall kinda sorta dude bro fam cuz tho thru abt bc b/c
w/ w/o convo vid vids pic pics insta snap snapchat tiktok facebook fb app apps doc docs
"""

EXTRA_COMMON: frozenset[str] = frozenset(_EXTRA_COMMON.split()) | LANGUAGES_AND_NATIONALITIES


# prefixes of everyday words the word list does not hold in full ("unwatched", "rescreened")
_PREFIXES = ("un", "re", "pre", "non", "mis")


class Lexicon:
    """Common-word lookups built from the spaCy model's lemmatizer tables, if it has them."""

    def __init__(self, words: Iterable[str], verb_forms: Iterable[str] = ()) -> None:
        self._words = frozenset(w.lower() for w in words) | EXTRA_COMMON | STOP_WORDS
        # the irregular forms of verbs ("wrote", "ran", "took"), which no suffix tells
        self._verb_forms = frozenset(verb_forms)

    @classmethod
    def from_nlp(cls, nlp: object) -> Lexicon:
        words: set[str] = set()
        verb_forms: set[str] = set()
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
            if lookups.has_table("lemma_exc") and "verb" in lookups.get_table("lemma_exc"):
                verb_forms.update(k for k in lookups.get_table("lemma_exc")["verb"] if "_" not in k)
            for table_name in ("lemma_index", "lemma_exc"):
                if not lookups.has_table(table_name):
                    continue
                table = lookups.get_table(table_name)
                for key in table:
                    value = table[key]
                    if isinstance(value, dict):
                        words.update(value.keys())
                    elif isinstance(value, list):
                        words.update(v for v in value if isinstance(v, str))
        except (KeyError, AttributeError, ValueError):
            pass  # a model without lookup tables: stop words and our list only
        # WordNet's noun list holds many proper names (cities, surnames): they are not
        # ordinary words here, unless they are also everyday words ("mobile", "will").
        from workstation.detect.gazetteer import COMMON_WORD_PLACES, single_word_places
        from workstation.detect.names import COMMON_WORD_NAMES

        proper = (ALL_NAMES | single_word_places()) - COMMON_WORD_NAMES - COMMON_WORD_PLACES
        return cls((w for w in words if "_" not in w and w not in proper), verb_forms)

    def is_irregular_verb(self, word: str) -> bool:
        """"wrote", "ran", "took": a verb's form its lemmatizer lists apart."""
        return word.lower() in self._verb_forms

    def is_verb_form(self, word: str) -> bool:
        """'fled'/'stopped'/'running'/'notified' yes, 'spring'/'reed' no: the stem must be a word."""
        if word.endswith("ied") and len(word) > 5 and self.is_common(word[:-3] + "y"):
            return True  # "NOTIFIED", "CARRIED"
        for suffix in ("ing", "ed"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                if any(self.is_common(x) for x in (stem, stem + "e", stem[:-1])):
                    return True
        return False

    def is_stop(self, word: str) -> bool:
        low = word.lower()
        return low in STOP_WORDS or low in DICTATED_PUNCTUATION

    def is_common(self, word: str) -> bool:
        """True for an ordinary English word (inflections included, and the prefixed forms
        a log writes: "UNWATCHED", "RESCREENED", "PREBOOKED")."""
        w = word.lower()
        if self._inflected(w):
            return True
        for prefix in _PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= 5 and self._inflected(w[len(prefix):]):
                return True
        return False

    def _inflected(self, w: str) -> bool:
        if w in self._words:
            return True
        for suffix, repl in _SUFFIXES:
            if len(w) > len(suffix) + 2 and w.endswith(suffix):
                base = w[: -len(suffix)]
                if base + repl in self._words:
                    return True
                # stopped -> stop, running -> run
                if len(base) > 2 and base[-1] == base[-2] and base[:-1] in self._words:
                    return True
        return False

    @staticmethod
    def is_name(word: str) -> bool:
        return word.lower().strip("'’") in ALL_NAMES

    @staticmethod
    def is_given_name(word: str) -> bool:
        return word.lower() in GIVEN_NAMES

    def is_census_or_plain_given_name(self, low: str) -> bool:
        """A 1990 census given name, or a Social Security one that is no everyday word nor a
        stop word ("Kwabena", not "Journey" nor "So"): safe to complete a name with."""
        from workstation.detect import census

        return low in census.given_names() or (
            low in census.any_given_names() and not (self.is_common(low) or self.is_stop(low)))
