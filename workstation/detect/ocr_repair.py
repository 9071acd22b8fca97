"""Scanned reports read back by OCR (issue 19): "Po1ice Departrnent", "0ff1cer Ke0ni
Pa1akiko", "0n 3/2l/25 at 2l40 hrs". The recognizers read a repaired copy of the same length
(so every span still points at the original characters): in a word of lower-case letters,
0 is an o and 1 an l or an i (whichever makes a word or a name); in a date or a time, l and
I are 1 and O is 0, and so in any number ("2O25", "6O2-555-Ol9O"); a word in capitals of four
letters or more gets its O, I and L back ("0KLAH0MA HIGHWAY PATR0L"). Codes are left alone
("X26P", "2B15", "H0048817": digits for a third of it or more)."""

from __future__ import annotations

import regex as re

from workstation.detect.lexicon import Lexicon

# a word with a 0 or 1 next to a letter (at least two lower-case letters: checked after)
_BROKEN_WORD = re.compile(r"(?<![\w'’])[\p{L}01]*(?:\p{L}[01]|[01]\p{L})[\p{L}01]*(?![\w'’])")
# a date or a clock time with letters for digits: "3/2l/25", "ll/O2/2O25", "2l40"
_BROKEN_DATE = re.compile(r"(?<![\w/])[\dlIO]{1,4}(?:/[\dlIO]{1,4}){1,2}(?![\w/])")
_BROKEN_TIME = re.compile(
    r"(?<![\w:/])(?=[\dlIO]*\d[\dlIO]*\d)(?=\d*[lIO])[\dlIO]{4}(?=[ \t]*(?i:hrs?|hours)\b)"
)
# a word in capitals with a 0 or 1 for an O, I or L: "PATR0L", "TR00P", "SILVERH0RN"
_BROKEN_CAPS = re.compile(r"(?<![\w'’])(?=[A-Z01]*[A-Z][01]|[A-Z01]*[01][A-Z])[A-Z01]+(?![\w'’])")
# a number with an l, I or O for a 1 or a 0: "2O25", "85O29", "CR2O22-l4O887", "MM:l98"
_BROKEN_NUMBER = re.compile(
    r"(?<![a-z\d])(?=[lIO]*\d)(?=[\dlIO-]*[lIO])[\dlIO]+(?:-[\dlIO]+)*(?![A-Za-z\d])")  # (not "I-40")
_PREFILTER = re.compile(r"\p{L}[01]|[01]\p{Ll}|\d[lIO]|[lIO]\d|[lIO]/|/[lIO]")
# a piece of an IPv6 address, a URL, an e-mail, a file name or a key: joined to the next
# letters or digits by one of these, it is no word to repair
_TECHNICAL = re.compile(r"\w[:/@._=#?&+%\\]\w")
_IN_ADDRESS = re.compile(r"\w[/@._=#?&+%\\]\w")  # (a form's "TPR:" before a name is no address)
_ORDINAL_OR_PLURAL = re.compile(r"[01]+(?i:st|nd|rd|th|s|er|re|ère|ro|ra)")  # (French "1er", Spanish "1ro")
_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})


def repair_ocr(lexicon: Lexicon, text: str) -> str:
    """The text with OCR's digit-for-letter mistakes repaired; the same object if it has none."""
    if not _PREFILTER.search(text):
        return text
    chars = list(text)
    changed = False
    for m in _BROKEN_WORD.finditer(text):
        word = m.group()
        if len(word) < 3 or sum(c.islower() for c in word) < 2 or _ORDINAL_OR_PLURAL.fullmatch(word):
            continue  # "11th", "10s": numbers; "X1", "B0": codes
        if _TECHNICAL.search(_token_around(text, m.start(), m.end())):
            continue  # part of an address, a handle or a hash: "ac1f" in "fe80:ac1f:...", "j0hn@..."
        fixed = _word(lexicon, word)
        if fixed != word:
            chars[m.start():m.end()] = fixed
            changed = True
    for m in _BROKEN_CAPS.finditer(text):
        word = m.group()
        letters = sum(c.isalpha() for c in word)
        wrong = len(word) - letters
        if letters < 3 or wrong > max(2, letters // 3) or _IN_ADDRESS.search(
                _token_around(text, m.start(), m.end())):
            continue  # "H0048817", "X26P", "2B15": codes
        fixed = _word(lexicon, word)
        known = lexicon.is_common(fixed.lower()) or lexicon.is_name(fixed.lower())
        if known or (letters >= 6 and wrong * 3 <= letters):
            chars[m.start():m.end()] = fixed  # "0KLAH0MA HIGHWAY PATR0L", "SILVERH0RN"
            changed = True
    for m in _BROKEN_NUMBER.finditer(text):
        value = m.group()
        digits = sum(c.isdigit() for c in value)
        # (an O before one digit only in a code: "O2 sat" is oxygen; "l5 ft", "4O", "TA-6l2" are numbers)
        in_code = text[m.start() - 1:m.start()] in ("-", "#")
        letters = len(value) - digits - value.count("-")
        if (digits >= 2 or in_code or not value.startswith("O")) and digits >= letters:
            chars[m.start():m.end()] = value.translate(_DIGITS)  # "2O25", "6O2-555-Ol9O", "l98"
            changed = True
    for rx in (_BROKEN_DATE, _BROKEN_TIME):
        for m in rx.finditer(text):
            value = m.group()
            if sum(c.isdigit() for c in value) < 2 or value.isdigit():
                continue
            fixed = value.translate(_DIGITS)
            if fixed != value:
                chars[m.start():m.end()] = fixed
                changed = True
    return "".join(chars) if changed else text


def _token_around(text: str, start: int, end: int) -> str:
    """The run of non-space characters the word is part of."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _word(lexicon: Lexicon, word: str) -> str:
    upper = sum(c.isupper() for c in word) > len(word) / 2
    word = word.replace("0", "O" if upper else "o")
    if "1" not in word:
        return word
    for letter in ("l", "i"):
        candidate = word.replace("1", letter)
        if lexicon.is_common(candidate) or lexicon.is_name(candidate):
            return candidate.upper() if upper else candidate
    # no word either way: an l after a vowel ("Pa1akiko"), an i after a consonant
    out = "".join(("l" if i and word[i - 1].lower() in "aeiou" else "i") if c == "1" else c
                  for i, c in enumerate(word))
    return out.upper() if upper else out
