"""A long alternation of phrases, compiled so that each position of the text tries only
the phrases that can start with its character.

``\\b(?:(?=a)(?:phrases that can start with a)|(?=b)(?:...)|...)`` finds exactly what
``\\b(?:phrase1|phrase2|...)`` finds: at a position whose character is c only the group of
c can pass its look-ahead, and inside it the phrases keep their order, so the same phrase
wins. A phrase whose first character cannot be worked out goes into every group, in its
place, and into a last group for the other characters. The allow-list scan (about a
hundred phrases) runs several times faster; tests/detect/test_first_char_dispatch.py
compares it with the plain alternation."""

from __future__ import annotations

import re
import re._constants as C  # the parsed pattern's opcodes (private, the same in 3.11 to 3.13)
import re._parser as P
from collections.abc import Sequence

_SMALL_RANGE = 64  # a class wider than this ("[\u0100-\uffff]") counts as unknown
_SPACES = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())  # \s (the last is U+3000)


def _first_of_sequence(items) -> tuple[set[str] | None, bool]:
    """The characters a sequence's match can start with (None: cannot tell), and whether
    it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True
    if op is C.IN:
        return _class_chars(av), False
    if op is C.CATEGORY:
        return _class_chars([(op, av)]), False
    if op is C.SUBPATTERN:
        return _first_of_sequence(av[-1])
    if op is C.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _first_of_sequence(branch)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _, body = av
        chars, empty = _first_of_sequence(body)
        return chars, empty or low == 0
    if op is C.ATOMIC_GROUP:
        return _first_of_sequence(av)
    return None, False


def _class_chars(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= _SMALL_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.update("0123456789")
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out.update(_SPACES)
        else:
            return None  # a negated class, \w, \s, a wide range
    return out


def first_chars(phrase: str, flags: int = 0) -> set[str] | None:
    """Lower-cased characters a match of the phrase can start with, None if unknown."""
    chars, nullable = _first_of_sequence(P.parse(phrase, flags))
    if chars is None or nullable:
        return None
    return {c.lower() for c in chars}


def compile_dispatched(phrases: Sequence[str], prefix: str, flags: int) -> re.Pattern:
    """``prefix(?:phrase1|phrase2|...)`` with the phrases grouped by first character (the
    groups' look-aheads use the same flags, so with IGNORECASE "(?=a)" takes "A" too)."""
    starts = [first_chars(p, flags) for p in phrases]
    known = sorted(set().union(*(s for s in starts if s is not None)))
    unknown = [p for p, s in zip(phrases, starts, strict=True) if s is None]
    groups = []
    for ch in known:
        members = [p for p, s in zip(phrases, starts, strict=True) if s is None or ch in s]
        groups.append(f"(?={re.escape(ch)})(?:{'|'.join(f'(?:{p})' for p in members)})")
    if unknown:
        groups.append(f"(?:{'|'.join(f'(?:{p})' for p in unknown)})")
    return re.compile(prefix + "(?:" + "|".join(groups) + ")", flags)
