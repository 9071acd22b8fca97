"""Specific dates, full or partial ("March 3rd", "3/14/2025", "the 4th of July 2024"),
and holidays with a year ("Christmas Eve 2023"). Times of day, weekdays on their own
and relative phrases ("last week") are not identifiers and are not matched."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx
from workstation.detect.recognizers.dictated import NUMBER_TEENS, NUMBER_TENS, NUMBER_UNITS, SPOKEN_YEAR

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MON3 = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    rf"{_ORDINAL_WORDS})"
)
_YEAR = r"(?:19|20)\d{2}"
# a date of birth read aloud, month first as numbers: "nine, fourteen, two thousand one",
# "nine twelve sixty-eight"
_MONTH_SAID = rf"(?:{NUMBER_UNITS}|ten|eleven|twelve)"
_DAY_SAID = rf"(?:(?:twenty|thirty)(?:[ \t-]+(?:{NUMBER_UNITS}))?|{NUMBER_TEENS}|{NUMBER_UNITS})"
_YEAR_SAID = (rf"(?:{SPOKEN_YEAR}|(?i:(?:{NUMBER_TENS})(?:[ \t-]+(?:{NUMBER_UNITS}))?|"
              rf"oh[ \t]+(?:{NUMBER_UNITS})))")
_BIRTH_DATE_SAID = (rf"(?<=\b(?:date[ \t]+of[ \t]+birth|dob|d[ \t]o[ \t]b|born(?:[ \t]+on)?)[,:]?[ \t]+)"
                    rf"{_MONTH_SAID}[ \t]*[,/-]?[ \t]+{_DAY_SAID}[ \t]*[,/-]?[ \t]+{_YEAR_SAID}(?![\w-])")
_MESES = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
          "diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro")  # (Portuguese too)
_MOIS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
         "décembre|decembre")
_YEAR_TAIL = rf"(?:,?\s+(?:of\s+)?(?:{_YEAR}|'\d{{2}})\b)"
# Holidays of the faiths and countries officers' communities keep; Ramadan, a month, is no
# day. "Tet" and "Holi" are written capitalised (the patterns using this one ignore case).
WORLD_HOLIDAYS = (
    # "Ciid" is the Somali spelling
    r"(?:Eid|Ciid)(?:[ \t-]+(?:al|ul|el)[ \t-]+(?:Fitr|Adha))?(?![ \t]+(?i:mubarak))|"
    r"Nowruz|Norooz|Diwali|Deepavali|Holi|"
    r"(?:Lunar|Chinese)[ \t]+New[ \t]+Year(?:'?s)?(?:[ \t]+(?:Eve|Day))?|T[eế]t|Vesak|Kwanzaa|"
    r"Hanukkah|Chanukah|Rosh[ \t]+Hashanah|Yom[ \t]+Kippur|Passover|Purim|"
    r"P[ąa]czki[ \t]+Day|Orthodox[ \t]+(?:Christmas|Easter)"
)
_HOLIDAY = (
    r"(?:Christmas(?:\s+(?:Eve|Day|morning|night))?|X-?mas(?:\s+Eve)?|"
    r"New\s+Year'?s?(?:\s+(?:Eve|Day))?|Thanksgiving(?:\s+(?:Day|Eve|night|weekend))?|"
    r"Easter(?:\s+(?:Sunday|weekend))?|Halloween(?:\s+night)?|Independence\s+Day|"
    r"(?:the\s+)?Fourth\s+of\s+July|(?:the\s+)?4th\s+of\s+July|Memorial\s+Day(?:\s+weekend)?|"
    r"Labor\s+Day(?:\s+weekend)?|Veterans'?\s+Day|Mother'?s'?\s+Day|Father'?s'?\s+Day|"
    r"Valentine'?s\s+Day|St\.?\s+Patrick'?s\s+Day|Saint\s+Patrick'?s\s+Day|Cinco\s+de\s+Mayo|"
    r"(?:MLK|Martin\s+Luther\s+King(?:\s+Jr\.?)?)\s+Day|Presidents'?\s+Day|Columbus\s+Day|"
    r"Juneteenth|Black\s+Friday|Super\s+Bowl\s+Sunday|Mardi\s+Gras|Good\s+Friday|"
    rf"Election\s+Day|Ramadan|{WORLD_HOLIDAYS})"
)


HOLIDAY = re.compile(rf"(?i:{_HOLIDAY})")
# "April 2019": a month with its year is published, so no date to flag; nor is its month a
# name ("April") or a place
MONTH_OF_A_YEAR = re.compile(rf"(?i:{_MONTH})(?=\s+(?:of\s+)?(?:{_YEAR}|'\d{{2}})\b)")
# Capitalised words that may follow a day of the month ("On the 14th Officer Mahe ...")
_AFTER_DAY = (r"(?-i:Officer|Ofc|Deputy|Dep|Sgt|Sergeant|Lt|Trooper|Tpr|Det|Detective|Agent|Cpl|Corporal|"
              r"Capt|Recruit|Cadet|We|My|Our|At|Around|About|Approximately|Approx|I)")


def _valid_numeric(text: str, start: int, end: int) -> tuple[int, int] | None:
    parts = re.split(r"[/.-]", text[start:end])
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if len(parts[0]) == 4:  # ISO yyyy-mm-dd
        month, day = nums[1], nums[2] if len(nums) > 2 else 1
    else:
        month, day = nums[0], nums[1]
        if month > 12 and day <= 12:
            month, day = day, month  # day first, as Europe and Latin America write it: "24/12/2025"
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return start, end


_FRACTIONS = frozenset("1/2 1/3 1/4 2/3 3/4 1/8 3/8 5/8 7/8 1/16 10/4 4/10 9/11 24/7 12/12".split())


def _not_a_fraction(text: str, start: int, end: int) -> tuple[int, int] | None:
    fragment = text[start:end]
    if fragment in _FRACTIONS or fragment.lstrip("0") in _FRACTIONS:
        return None
    return start, end


def date_recognizers() -> list[RegexRecognizer]:
    return [
        RegexRecognizer(
            "DateRecognizer", "DATE",
            [
                # ... and a range of days: "Dec 29-30"
                Rx("month_day", rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}\b(?:[-–]{_DAY}\b)?{_YEAR_TAIL}?", 0.85, CI),
                # ... and as deeds and proclamations write it: "this 7th day of July, 2025"
                Rx("day_month", rf"\b(?:the\s+)?{_DAY}\s+(?:(?i:day)\s+of\s+|of\s+)?{_MONTH}(?![a-z])"
                   rf"{_YEAR_TAIL}?",
                   0.8, CI),
                # in Spanish: "6 de enero", "el 24 de diciembre de 2025"
                Rx("dia_de_mes", rf"\b(?:[12]\d|3[01]|0?[1-9])\s+de\s+(?i:{_MESES})\b"
                   rf"(?:\s+(?:de|del)\s+{_YEAR}\b)?", 0.8, CI, needs=r"\d\s+de\s"),
                # in French: "12 décembre 2024", "le 1er mars"
                Rx("jour_mois", rf"\b(?:1er|[12]\d|3[01]|0?[1-9])[ \t]+(?i:{_MOIS})(?![\w'’-])"
                   rf"(?:[ \t]+{_YEAR}\b)?", 0.8, CI, needs=_MOIS),
                Rx("numeric_date", r"(?<![\w/.-])(?:\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})|"
                   r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?![\w/-]|\.\d)",
                   0.85, CI, refine=_valid_numeric),
                # as Korean writes it: "2024. 11. 2." (a year, a month, a day, each with its point)
                Rx("korean_date", r"(?<![\w.])\d{4}\.[ \t]?(?:1[0-2]|0?[1-9])\.[ \t]?"
                   r"(?:3[01]|[12]\d|0?[1-9])\.(?![\w.])", 0.85, CI, needs=r"\d\.[ \t]\d"),
                # as Chinese, Japanese and Korean write it: "2024年8月3日", "10月12日", "2024년 3월 5일" (a
                # year and a month alone are published)
                Rx("cjk_date", r"(?<![\d.])(?:\d{4}[ \t]?[年년][ \t]?)?(?:1[0-2]|0?[1-9])[ \t]?[月월][ \t]?"
                   r"(?:3[01]|[12]\d|0?[1-9])[ \t]?[日일号](?!\d)", 0.85, CS, needs="[月월]"),
                # as Vietnamese writes it: "(ngày) 7 tháng 11 năm 2024", "ngày 7 tháng 11" (its word for the
                # day before it or the year after it: "3 tháng" alone is three months)
                Rx("ngay_thang", r"(?:(?<=\b(?i:ngày)[ \t]+)|(?<![\w.]))(?:3[01]|[12]\d|0?[1-9])[ \t]+"
                   r"(?i:tháng)[ \t]+(?:1[0-2]|0?[1-9])(?:(?<=(?i:ngày)[ \t]+\d{1,2}[ \t]+\w+[ \t]+\d{1,2})|"
                   r"(?=[ \t]*,?[ \t]*(?i:năm)[ \t]+\d{4}))(?:[ \t]*,?[ \t]*(?i:năm)[ \t]+\d{4})?(?!\w|\.\d)",
                   0.85, CS, needs="(?i:tháng)"),
                # a military date-time group: day, hour, minute, time zone letter, month, year
                # ("041430ZDEC26", "280215Z FEB 26")
                Rx("date_time_group", rf"(?<![\w-])(?:[12]\d|3[01]|0[1-9])(?:[01]\d|2[0-3])[0-5]\d[A-Z][ \t]?"
                   rf"(?i:{_MON3})[ \t]?(?:\d{{4}}|\d{{2}})?(?![\w-])", 0.85, CS),
                # military and teletype dates: "14MAR25", "03 NOV 2024" is day_month
                Rx("day_mon_year", rf"(?<![\w-])(?:[12]\d|3[01]|0?[1-9]){_MON3}(?:\d{{4}}|\d{{2}})(?![\w-])",
                   0.8, CI),
                # "on the 14th", "the night of the 3rd": a day of the month on its own
                Rx("day_alone", r"(?<=\b(?:on|of|since|until|till|by|before|after|from|monday|tuesday|"
                   r"wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
                   r",?\s+)the\s+"
                   r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:floor|street|st|avenue|ave|precinct|"
                   r"district|grade|time|round|shot|century|amendment|battalion|squad|platoon|ward|"
                   r"shift|of\s+(?:them|us|you|those)|"
                   # (a course's and a game's numbered parts: "on the 7th green", "by the 3rd lap")
                   r"(?:hole|tee|green|fairway|inning|lap|mile|row|level|deck|story|day|hour|minute|quarter|"
                   r"period|lane|stall|gate|pick|heat|leg|stage|annual|anniversary)s?\b)"
                   rf"|\s+(?-i:(?!I\b)(?!{_AFTER_DAY}\b)[A-Z]))", 0.6, CI),
                # ... in words, as dictation and speech give it: "friday the eighteenth", "on the
                # eleventh around twenty two hundred", but not "on the fourth run", "by the tenth"
                Rx("day_words_alone", rf"(?:(?<=\b(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                   rf"sunday),?[ \t]+the[ \t]+){_DAY_WORDS}\b|(?<=\b(?:on|of|since|until|till)[ \t]+the"
                   rf"[ \t]+){_DAY_WORDS}\b(?=[ \t]*(?:[.;!?]|,(?![ \t]*(?:{_DAY_WORDS}|\d)))|"
                   rf"[ \t]+(?:at|around|about|approx|approximately|when|while|we|i|he|she|they|my|our|"
                   rf"someone|somebody|period|comma)\b))",
                   0.6, CI, needs=_ORDINAL_WORDS),
                Rx("birth_date_said", _BIRTH_DATE_SAID, 0.7, CI, needs=r"birth|dob|d o b|born"),
                # a form's date field: "Date: the 5th (see correction)", "DATE: 12th"
                Rx("day_alone_field", r"(?<=\b(?i:date|dated|doi)[ \t]*:[ \t]*)(?:the\s+)?"
                   r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b", 0.7, CI),
                # "the crossfire was the 11th.", "sorry, the 19th, at 0200": a day of the month
                # that ends its clause or is followed by a time
                Rx("day_alone_clause", rf"\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
                   rf"(?=[ \t]*(?:[.;!?]|,(?![ \t]*\d))|[ \t]+(?:at|around|about|approx|when|between|"
                   # "the 26th a jet ski came at us", "the 3rd we went back"
                   rf"a|an|we|he|she|they|my|our|someone|somebody|"
                   rf"in[ \t]+the[ \t]+(?:morning|afternoon|evening)|{_AFTER_DAY})\b)", 0.6, CI),
                # "march fourteenth", "the third of May": the day in words
                # (the year read aloud too: "march third nineteen eighty five")
                Rx("month_day_words", rf"\b{_MONTH}\s+(?:the\s+)?{_DAY_WORDS}\b"
                   rf"(?:{_YEAR_TAIL}|,?[ \t]+{SPOKEN_YEAR}(?![\w-]))?", 0.75, CI),
                Rx("day_words_month", rf"\b(?:the\s+)?{_DAY_WORDS}\s+(?:(?i:day)\s+)?of\s+{_MONTH}(?![a-z])"
                   rf"(?:{_YEAR_TAIL}|,?[ \t]+{SPOKEN_YEAR}(?![\w-]))?", 0.75, CI),
                # "DATE/TIME: 031425 0215": six digits after a date label are the date (mmddyy)
                Rx("mmddyy", r"(?<=\b(?:date|dt|d/t|date/time|dob|occ(?:urred)?|on)[:.]?\s{1,3})"
                   r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2}(?![\w/-])", 0.7, CI),
                # ... or before a clock time and its zone, as a teletype message stamps itself: "031125
                # 0418 CST", "122924 0044", "20250303 1424 EST" (the time is no identifier: allow_list.py)
                Rx("mmddyy_stamp", r"(?<![\w/.:-])(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2}|"
                   r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?=[ \t]+"
                   r"(?:[01]\d|2[0-3])[0-5]\d(?:[ \t]+(?i:[ECMP][SD]T|AK[SD]T|HST|UTC|GMT|Z)\b|[ \t]*$|"
                   r"[ \t]{2}))",
                   1.0, CI),
                Rx("numeric_partial", r"(?<=\b(?:on|of|since|from|until|by|dated?|dob|DOB|was|it\s+was|"
                   r"happened|night\s+of|morning\s+of|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
                   r"(?:day|nesday|sday|urday)?\.?,?)[ \t]{1,3})\d{1,2}[/-]\d{1,2}(?![\w/]|-\d)"
                   # "it was 3-4 officers", "by 2-3 feet": a count, not a day
                   r"(?![ \t]+(?:[a-z]+s|feet|ft|people|men|women|minutes?|hours?|miles?|blocks?|times?)\b)",
                   0.6, CI, refine=_valid_numeric),
                # "put the date as 7/4", "Lake Region High School. 10/9.": month/day on its own,
                # not a fraction ("3/4 mile"), a radio code ("10/4") or a shift ("4/10s")
                Rx("month_slash_day", r"(?<![\w/.,:-])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])"
                   r"(?![\w/%]|-\d|\.\d|[ \t]*(?i:mile|mi\b|inch|in\b|of\b|cup|lb|oz|ton|way|split|"
                   r"share|odds|chance|shift|schedule|rotation))", 0.5, CI, refine=_not_a_fraction,
                   needs="/"),
                Rx("holiday_year",
                   rf"\b{_HOLIDAY}(?:\s+(?:weekend|night|morning|eve))?{_YEAR_TAIL}", 0.8, CI),
                Rx("year_holiday", rf"\b{_YEAR}\s+{_HOLIDAY}\b", 0.8, CI),
            ],
            context=["date", "on", "dob", "born"],
        )
    ]
