"""A Korean name written in Hangul (issue 19): a chat's display name before its colon
("오후 11:41 정민호: 너 지금 ..."), or the name in brackets after its romanized form ("Lee Da-eun
(이다은)"). A family name's syllable first, then one to three syllables; other Hangul words,
which also start with those syllables ("주차장", "지금"), stand neither before a speaker's colon
nor alone in brackets."""

from __future__ import annotations

from workstation.detect.recognizers.base import CS, RegexRecognizer, Rx

# the common Korean family names, one syllable each
_FAMILY_SYLLABLES = ("김이박최정강조윤장임한오서신권황안송류전홍고"
                     "문양손배백허유남심노하곽성차주우구민진지엄채원"
                     "천방공현함변염여추도소석선설마길연위표명기반라"
                     "왕금옥육인맹제모탁국어은편용")
_NAME = rf"[{_FAMILY_SYLLABLES}]\p{{Hangul}}{{1,3}}"


def hangul_name_recognizers() -> list[RegexRecognizer]:
    return [RegexRecognizer(
        "HangulNameRecognizer", "PERSON",
        [Rx("speaker", rf"(?m)(?<![\p{{Hangul}}])(?<=^|[ \t]){_NAME}(?=[ \t]*:[ \t])", 0.6, CS,
            needs=r"\p{Hangul}"),
         Rx("in_brackets", rf"(?<=\p{{L}}[ \t]\(){_NAME}(?=\))", 0.6, CS, needs=r"\p{Hangul}")],
    )]
