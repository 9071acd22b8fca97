"""The names a letter or an e-mail greets and signs with (issue 19): "Des -- good write-up",
"Artie -", "Hussein, see my answers inline" open a paragraph with the reader's name or
nickname; "Stosh" or "KB" alone on a line before a signature block, or after "Thanks,", is the
writer's. NER rarely reads a one-word name with nothing around it; an everyday word, a rank or a
closing ("Thanks", "Sir", "All") is none."""

from __future__ import annotations

from workstation.detect.census import is_given_name
from workstation.detect.lexicon import Lexicon
from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx
from workstation.detect.vocab import RANK_TITLES

# words that open or close a letter without naming anyone (ranks: RANK_TITLES)
_NO_NAMES = frozenset("""all team folks everyone everybody guys sir maam ma'am gentlemen ladies thanks
thank thx cheers regards sincerely respectfully best hi hey hello dear morning afternoon evening
sarge boss doc partner fyi update note notes
summary findings lessons subject re fw fwd sent from to cc date attachments junior senior
monday tuesday wednesday thursday friday saturday sunday spring summer fall autumn winter
january february march april may june july august september october november december""".split())
# a paragraph's first word, then a comma or a dash: "Des -- good", "Artie -", "Hussein, see"
_GREETED = (r"(?m)(?:(?<=\n[ \t]*\n)|(?<=\A))[ \t]*(?:(?i:hi|hey|hello|dear|morning|good[ \t]+morning)"
            r"[ \t]+)?(?P<x>\p{Lu}\p{Ll}[\p{Ll}'’]{0,13})"
            # (a hyphen with a space before it: "Knock-and-talk" is one word)
            r"(?=[ \t]*(?:,|--|—|–)[ \t]*(?:\n|\S)|[ \t]+-[ \t]*(?:\n|\S))")
# a name alone on its line after a closing or a blank line, before a title, a signature or the end
_SIGNED = (r"(?m)(?:(?<=\n[ \t]*\n)|(?<=(?i:thanks|thank[ \t]+you|thx|regards|respectfully|best|cheers)"
           r"[,.!]?[ \t]*\n))[ \t]*(?:[-—–][ \t]*)?(?P<x>\p{Lu}[\p{Ll}'’-]{1,14}|\p{Lu}{2,3})[ \t]*(?=\n|\Z)")


def letter_recognizers(lexicon: Lexicon) -> list[RegexRecognizer]:
    def a_name(text: str, start: int, end: int) -> tuple[int, int] | None:
        word = text[start:end]
        low = word.lower()
        if low in _NO_NAMES or low in RANK_TITLES or lexicon.is_stop(low):
            return None
        if word.isupper():  # "KB": initials sign, not "LOG"
            return (start, end) if 2 <= len(word) <= 3 and not lexicon.is_common(low) else None
        if lexicon.is_common(low) and not is_given_name(low, wide=True):
            return None  # "Update -", "Yes, ..." (not "Hussein", which a word list holds)
        return start, end

    return [
        RegexRecognizer("LetterNameRecognizer", "PERSON", [
            Rx("greeted", _GREETED, 0.6, CS, "x", refine=a_name, needs=r"\n[ \t]*\n"),
            Rx("signed", _SIGNED, 0.6, CS, "x", refine=a_name, needs=r"\n[ \t]*\n|thank|regards"),
        ]),
    ]
