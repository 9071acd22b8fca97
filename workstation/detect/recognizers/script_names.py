"""A name written in its own script beside an English report: Arabic, Ethiopic, Hebrew,
Cyrillic, Greek, Devanagari, Thai or Chinese and Japanese characters (Hangul names have
hangul_names.py). Such scripts have no capitals to tell a name, so only two places are read:
the name in brackets after its romanized form ("Kidist Abebe (ቅድስት አበበ)", "Ali Al-Saedi (علي
الساعدي)"), and a chat's display name before its colon ("9/22/24, 22:51 - أم زياد: ...")."""

from __future__ import annotations

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

_LETTERS = (r"[\p{Arabic}\p{Ethiopic}\p{Hebrew}\p{Cyrillic}\p{Greek}\p{Devanagari}\p{Thai}\p{Han}"
            r"\p{Hiragana}\p{Katakana}]")
_WORD = rf"{_LETTERS}+(?:[-'’]{_LETTERS}+)?"
_NEEDS = _LETTERS


def script_name_recognizers() -> list[RegexRecognizer]:
    return [RegexRecognizer(
        "ScriptNameRecognizer", "PERSON",
        [
            # (the romanized name before the bracket: two words with capitals, "Kidist Abebe", not a
            # language's or a town's one, "in Russian (не знаю)", "Moscow (Москва)"; forty characters
            # at most, as Chinese and Japanese part no words)
            Rx("in_brackets", rf"(?<=\p{{Lu}}[\p{{Ll}}'’-]+[ \t]\p{{Lu}}[\p{{L}}'’-]+[ \t]\(|"
               rf"\p{{Lu}}{{2,}},[ \t]\p{{Lu}}{{2,}}[ \t]\()"
               rf"(?=[^()\n]{{1,40}}\)){_WORD}(?:[ \t]{_WORD}){{0,4}}(?=\))", 0.6, CS, needs=_NEEDS),
            # a Chinese family name before its courtesy title: "陈先生", "张女士" (the title stays out)
            # (not 老 nor 小, "old" and "young": 老先生 is an old gentleman; not before 医生 or 老师, where
            # the word before is as often a verb)
            Rx("family_name_titled", r"(?<!\p{Han})(?![老小])\p{Han}(?=先生|女士|太太|小姐|阿姨)", 0.6, CS,
               needs="先生|女士|太太|小姐|阿姨"),
            # a name in Chinese characters before its romanized form in brackets, two names of two
            # syllables at most each: "黄美玲 (Huang Meiling)" (not "(Golden Dragon BBQ)")
            # ("(刘小梅, LIU XIAOMEI)" in capitals too)
            Rx("before_romanized", r"(?<!\p{Han})\p{Han}{2,4}(?=(?:[ \t]?[(（]|[,，][ \t]?)"
               r"(?:\p{Lu}\p{Ll}{1,5}[ \t]\p{Lu}\p{Ll}{1,8}(?:-\p{Ll}{1,6})?|\p{Lu}{2,6},?[ \t]\p{Lu}{2,9})"
               r"[)）])", 0.6, CS,
               needs=r"\p{Han}"),
            # (a chat export's line: its time, a dash, the display name of one to three words, a colon;
            # not a transcript's "Вопрос:")
            Rx("speaker", rf"(?<=\d[ \t]-[ \t]){_WORD}(?:[ \t]{_WORD}){{0,2}}(?=:[ \t])", 0.6, CS,
               needs=_NEEDS),
        ],
    )]
