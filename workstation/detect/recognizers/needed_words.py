"""A pattern's `needs` read as plain words, so that the gate costs a substring test.

Most gates are a list of words ("christmas|new year|thanksgiving|..."). Searching each one
with a case-insensitive regex cost about a twentieth of the analysis; on ASCII text the same
question is whether the lower-cased text contains one of the words, which `in` answers far
faster. A gate with word boundaries ("\\b(?:co|county)\\b") is answered by the words first
and by its pattern only when one of them is there. Other gates keep their pattern alone."""

from __future__ import annotations

import re

_ALTERNATIVE = re.compile(r"(?:[^\\.^$*+?{}\[\]()|]|\\\.)+")
_BOUNDARY = "\\b"
# a gate of letters of other scripts ("\p{Han}", "[\p{Arabic}\p{Hebrew}...]"): no ASCII text has one
_OTHER_SCRIPTS = re.compile(r"\\p\{(?!L[ul]?\}|Latin\})\w+\}|\[(?:\\p\{(?!L[ul]?\}|Latin\})\w+\})+\]")


def _folds_to_ascii(char: str) -> bool:
    """True if a case-insensitive match could pair this non-ASCII letter with an ASCII one
    (the Kelvin sign with "k", the long s with "s")."""
    return any(form.isascii() for form in (char.lower(), char.upper(), char.casefold()))


def needed_words(needs: str) -> tuple[tuple[str, ...], bool] | None:
    """The lower-cased words one of which every text that `needs` finds contains, and whether
    finding one is all the gate asks (False when its pattern has to be searched after: it
    has word boundaries). None when the gate is not a list of words. A gate of other scripts'
    letters is the empty list: no ASCII text passes it."""
    if _OTHER_SCRIPTS.fullmatch(needs):
        return (), True
    body, exact = needs, True
    if body.startswith(_BOUNDARY):
        body, exact = body[len(_BOUNDARY):], False
    if body.endswith(_BOUNDARY):
        body, exact = body[: -len(_BOUNDARY)], False
    for opening in ("(?i:", "(?:"):
        if body.startswith(opening) and body.endswith(")"):
            body = body[len(opening):-1]
            break
    words = body.split("|")
    if not all(_ALTERNATIVE.fullmatch(word) for word in words):
        return None
    words = [word.replace("\\.", ".").lower() for word in words]
    if any(not char.isascii() and _folds_to_ascii(char) for word in words for char in word):
        return None
    return tuple(words), exact
