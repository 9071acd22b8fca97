"""Looking for many phrases in a text at once, whatever separates or disguises their words.

A phrase is compared on its compact matching form (`normalise.compact`): its words in
matching form with nothing between them. A text matches where a run of its words, joined
the same way, equals a phrase: "Dana Whitlocke", "DANA\nWHIT-\nLOCKE", "Dana Whit\u00adlocke"
and "Dаna Whitlocke" (Cyrillic а) all match "Dana Whitlocke", and so does "CA 019 4200"
the ORI "CA0194200". A match always starts and ends at word boundaries, so "Dana" is not
found in "Canadian".

A phrase can also be held only as a keyed hash of its compact form (`add_hashed`: the
leak guard's phrases of reports whose original text was destroyed, workstation/retention):
the text's runs of words are then joined the same way and hashed with the same key
(`needle_digest`), so such a phrase is found exactly where its words would be, and the words
themselves are never stored. Only runs as long as a hashed phrase are hashed.

`name_parts` gives the words of a person's name that identify on their own: every word of
three or more letters that is neither a rank or title nor a common English word (the
5,000 most frequent English words of the `wordfreq` list: "Smith" and "White" are such
words and are not looked for alone; "Whitlocke", "Delgado" and "Dana" are).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import regex

from workstation.text.normalise import compact, display_form, match_tokens

MIN_NEEDLE_CHARS = 3
MAX_MATCHES_PER_PHRASE = 5
COMMON_WORDS = 5000  # the most frequent English words of wordfreq count as common words
_PREFIX = MIN_NEEDLE_CHARS
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_WORDS = regex.compile(r"\w+")
_NUMERIC = regex.compile(r"[\d\s\-.,/]+")  # digits and the separators of numbers only
_MARKS = regex.compile(r"\p{M}+")


@dataclass(frozen=True)
class Needle:
    key: str  # compact matching form
    description: str  # plain words, never the phrase itself
    numeric: bool = False  # only digits: not looked for in figures (counts, page numbers)
    panel_only: bool = False  # looked for only in panel-written text and file names
    words: tuple[str, ...] = ()  # the phrase's words as written (casefolded), for tools


@dataclass(frozen=True)
class Match:
    needle: Needle
    start: int  # first word (index into match_tokens(text))
    end: int  # one past the last word

    @property
    def split(self) -> bool:
        """Whether the phrase was found across several words of the text."""
        return self.end - self.start > 1


HASHED = "hmac:"  # the key of a hashed needle: this, then the digest


DIGEST_BYTES = 16  # HMAC-SHA256 truncated to 128 bits (RFC 2104 allows half): enough to tell phrases apart


def needle_digest(key: bytes, compact_form: str) -> str:
    """The keyed hash a phrase is held as: HMAC-SHA256 of its compact form (UTF-8), hex."""
    return hmac.digest(key, compact_form.encode("utf-8"), hashlib.sha256)[:DIGEST_BYTES].hex()


class NeedleSet:
    """Phrases to look for, indexed by their compact form (or its keyed hash)."""

    def __init__(self, hash_key: bytes | None = None) -> None:
        # key -> description -> needle (one key can stand for many reports' strings)
        self._by_key: dict[str, dict[str, Needle]] = defaultdict(dict)
        self._prefixes: set[str] = set()
        self._lengths: set[int] = set()
        self._longest = 0
        self._hash_key = hash_key
        self._hashed_lengths: set[int] = set()
        self._hashed_longest = 0

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def __contains__(self, text: str) -> bool:
        key = compact(text)
        if key in self._by_key:
            return True
        return self._hash_key is not None and HASHED + needle_digest(self._hash_key, key) in self._by_key

    def keys(self) -> set[str]:
        return set(self._by_key)

    def entries(self) -> list[Needle]:
        """Every needle (a phrase found in many places is one needle per description)."""
        return [needle for entries in self._by_key.values() for needle in entries.values()]

    def add_hashed(self, digest: str, length: int, description: str, *, numeric: bool = False,
                   panel_only: bool = False) -> Needle:
        """A phrase held only as `needle_digest(hash_key, compact form)`, `length` characters long."""
        if self._hash_key is None:
            raise ValueError("hashed needles need the set's hash key")
        needle = Needle(HASHED + digest, description, numeric, panel_only)
        entries = self._by_key[needle.key]
        existing = entries.get(description)
        if existing is None or (existing.panel_only and not panel_only):
            entries[description] = needle
        self._hashed_lengths.add(length)
        self._hashed_longest = max(self._hashed_longest, length)
        return entries[description]

    def add(self, text: str, description: str, *, panel_only: bool = False,
            ignored: frozenset[str] | set[str] = frozenset()) -> Needle | None:
        """Add `text` (None when it is too short to look for, or in `ignored`)."""
        key = compact(text)
        if len(key) < MIN_NEEDLE_CHARS or key in ignored:
            return None
        plain = display_form(text)
        numeric = bool(_NUMERIC.fullmatch(plain)) and any(ch.isdigit() for ch in plain)
        words = tuple(w.casefold() for w in _WORDS.findall(plain))
        needle = Needle(key, description, numeric, panel_only, words)
        entries = self._by_key[key]
        existing = entries.get(description)
        if existing is not None:
            if existing.panel_only and not panel_only:
                entries[description] = needle  # looked for everywhere now
            return entries[description]
        entries[description] = needle
        self._prefixes.add(key[:_PREFIX])
        self._lengths.add(len(key))
        self._longest = max(self._longest, len(key))
        return needle

    def find(self, text: str, *, panel: bool = True, figures: bool = False) -> list[Match]:
        """Every needle found in `text`, in the order of the text. `panel`: the text was
        written by the panel (or is a file name), so panel-only needles count; `figures`:
        numbers, so numeric needles do not count."""
        if not self._by_key:
            return []
        words = match_tokens(text)
        joined = "".join(words)
        bounds = [0]
        for word in words:
            bounds.append(bounds[-1] + len(word))
        hash_key = self._hash_key if self._hashed_lengths else None
        longest = max(self._longest, self._hashed_longest if hash_key is not None else 0)
        found: list[Match] = []
        for i in range(len(words)):
            a = bounds[i]
            plain = joined[a:a + _PREFIX] in self._prefixes
            if not plain and hash_key is None:
                continue
            for j in range(i + 1, len(bounds)):
                length = bounds[j] - a
                if length > longest:
                    break
                keys = []
                if plain and length in self._lengths:
                    keys.append(joined[a:bounds[j]])
                if hash_key is not None and length in self._hashed_lengths:
                    keys.append(HASHED + needle_digest(hash_key, joined[a:bounds[j]]))
                for key in keys:
                    shown = 0
                    for needle in self._by_key.get(key, {}).values():
                        if (needle.panel_only and not panel) or (needle.numeric and figures):
                            continue
                        found.append(Match(needle, i, j))
                        shown += 1
                        if shown == MAX_MATCHES_PER_PHRASE:
                            break  # a word redacted in many reports: a few of them say enough
        return found


@cache
def _common_words() -> frozenset[str]:
    from wordfreq import top_n_list  # about 0.1 s the first time: only when names are added

    return frozenset(_plain(w) for w in top_n_list("en", COMMON_WORDS))


@cache
def _titles() -> frozenset[str]:
    from workstation.detect.vocab import RANK_TITLES  # a plain word list, no model

    return frozenset(_plain(w) for t in RANK_TITLES for w in regex.findall(r"\w+", t))


def _plain(word: str) -> str:
    """Casefolded, accents dropped: how a word is compared with the word lists."""
    if word.isascii():
        return word.casefold()
    return _MARKS.sub("", unicodedata.normalize("NFD", word)).casefold()


def is_common_word(word: str) -> bool:
    return _plain(word) in _common_words()


def name_parts(name: str) -> list[str]:
    """The words of a person's name (as redacted) that identify on their own."""
    parts = []
    for word in _LETTERS.findall(display_form(name)):
        plain = _plain(word)
        if len(plain) < 3 or plain in _titles() or plain in _common_words():
            continue
        if word not in parts:
            parts.append(word)
    return parts


def titles_in(name: str) -> list[str]:
    """The rank or title words in a redacted name ("Sgt." in "Sgt. John Smith")."""
    return [w for w in _LETTERS.findall(display_form(name)) if _plain(w) in _titles()]

