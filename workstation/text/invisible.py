"""Refusing invisible characters in what a reviewer types.

Format characters (Unicode Cf: zero-width space and joiners, soft hyphen, word joiner,
BOM...), other default-ignorable characters, the bidirectional controls (U+202A-202E,
U+2066-2069, which can make the text shown differ from the text stored: "Trojan Source",
CVE-2021-42574) and control characters other than tab and line breaks have no place in a
title, a lesson, a replacement or a file name: they hide words from a reader and from the
leak guard. Such text is refused with one message naming the character, never cleaned
silently (the reviewer would not see what was changed).
"""

from __future__ import annotations

import unicodedata

import regex

from workstation.errors import InputError

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_REFUSED = regex.compile(r"[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}--[\t\n\r]]", regex.V1)


def character_name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a refused character is named to the user."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED CHARACTER')}"


def invisible_characters(text: str) -> list[str]:
    """The refused characters in `text`, each once, in order of appearance."""
    return list(dict.fromkeys(_REFUSED.findall(text)))


def refuse_invisible(text: str, what: str) -> None:
    """Raise InputError when `text` (the reviewer's `what`, e.g. "The title") holds an
    invisible formatting or text-direction character."""
    found = invisible_characters(text)
    if found:
        kind = ("a text-direction control" if any(ch in BIDI_CONTROLS for ch in found)
                else "an invisible character")
        names = ", ".join(character_name(ch) for ch in found[:3])
        raise InputError(f"{what} contains {kind} ({names}), which would hide or reorder "
                         "what a reader sees. Remove it (retype the text) and try again.")
