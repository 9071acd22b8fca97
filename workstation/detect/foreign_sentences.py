"""Spanish and Portuguese sentences in a bilingual note (issue 19): the English NER model takes
their capitalised words for names and places ("Gracias a Dios", "Fecha 24/12/2025",
"Llamada de violencia doméstica", "Tres hombres"). In a sentence written in one of those
languages, what NER alone found stays only when a word of it is a known name or place
("Wilfredo Maldonado", "río Yakima") or it is two capitalised words ("Esteban Lucatero")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex as re

from workstation.detect.census import is_census_name, is_given_name
from workstation.detect.foreign_words import foreign_everyday_word
from workstation.detect.spans import RawSpan

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"\p{L}+")
_MARKER = re.compile(r"\b(?i:de|el|la|los|las|que|por|con|una|del|para|não|com|uma|em|os)\b")
_GUESSERS = ("SpacyNer", "ProperNoun")


@lru_cache(maxsize=1)
def spanish_or_portuguese_function_words() -> frozenset[str]:
    """Spanish and Portuguese function words that are no English ones ("de", "los", "que")."""
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.es.stop_words import STOP_WORDS as SPANISH
    from spacy.lang.pt.stop_words import STOP_WORDS as PORTUGUESE

    return frozenset((SPANISH | PORTUGUESE) - ENGLISH)


def foreign_guesses_apart(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    if _MARKER.search(text) is None:
        return list(spans)  # no Spanish or Portuguese function word at all: the usual case
    guessed = [s for s in spans if (s.recognizer.startswith(_GUESSERS) and s.label in ("PERSON", "AGENCY"))
               # a place in one is kept ("en Hialeah"), but not "arresté", "la fuente"; nor a word a
               # guess taught the report's memory ("desde", from "escribiendo Desde El Cel")
               or (s.recognizer.startswith((*_GUESSERS, "ReportMemory"))
                   and _everyday_words_only(text, s.start, s.end))]
    if not guessed:
        return list(spans)
    foreign = [m.span() for m in _SENTENCE.finditer(text) if written_in_spanish_or_portuguese(m.group())]
    if not foreign:
        return list(spans)
    return [s for s in spans if s not in guessed or not any(a <= s.start and s.end <= b for a, b in foreign)
            or (_known(text[s.start:s.end]) and not _everyday_words_only(text, s.start, s.end))]


def function_or_everyday_foreign_word(word: str) -> bool:
    """A Spanish or Portuguese function word ("de", "los"), or an everyday Spanish, Portuguese or
    French one ("fecha", "fuente"; foreign_words.py)."""
    low = word.lower()
    return low in spanish_or_portuguese_function_words() or foreign_everyday_word(low)


def _everyday_words_only(text: str, start: int, end: int) -> bool:
    """Nothing but Spanish or Portuguese function and everyday words in lower case, a sentence's
    first word aside: "cochecito de bebé", "desde", "Una noche" (not "Avenida Los Filtros", "Ulises":
    capitals mark a name even of everyday words)."""
    words = list(_WORD.finditer(text, start, end))
    opens_sentence = _SENTENCE_OPENING.search(text, max(0, start - 8), start) is not None or start == 0
    return bool(words) and all(
        (m.group().islower() or (i == 0 and opens_sentence))
        and function_or_everyday_foreign_word(m.group())
        for i, m in enumerate(words))


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:\n])[ \t]*$")


def in_foreign_sentence(text: str, at: int) -> bool:
    """The sentence around `at` is Spanish, Portuguese or Vietnamese."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".!?\n") if i >= 0]
    sentence = text[start:min(ends) if ends else len(text)]
    if _VIETNAMESE.search(sentence) is not None:
        return True
    # (a sentence written_in_spanish_or_portuguese calls Spanish or Portuguese has two function words or more)
    function_words = sum(w.lower() in spanish_or_portuguese_function_words() for w in _WORD.findall(sentence))
    return function_words >= 2 or (function_words >= 1 and _IBERIAN.search(sentence) is not None)


_IBERIAN = re.compile(r"[áéíóúñãõçÁÉÍÓÚÑ]")


# letters only Vietnamese writes ("Lê Văn Sáu", "anh ấy")
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]")


def written_in_spanish_or_portuguese(sentence: str) -> bool:
    words = [w.lower() for w in _WORD.findall(sentence)]
    if len(words) < 4:
        return False
    return sum(w in spanish_or_portuguese_function_words() for w in words) >= max(2, 0.3 * len(words))


def _known(fragment: str) -> bool:
    """A known name or place in it, or two capitalised words ("Esteban Lucatero")."""
    from workstation.detect.gazetteer import places

    words = [w for w in _WORD.findall(fragment) if len(w) > 2]
    if sum(w[0].isupper() for w in words) >= 2:
        return True
    return any(is_census_name(w) or (w[0].isupper() and is_given_name(w, wide=True)) or w.lower() in places()
               for w in words)
