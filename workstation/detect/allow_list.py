"""What is never an identifier: radio codes, weapons and gear, vehicle models, ranks and
roles on their own. A suggestion that lies inside such a phrase, or consists only of
such words, is dropped."""

from __future__ import annotations

import re as stdlib_re
from functools import lru_cache

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from workstation.detect.first_char_dispatch import compile_dispatched
from workstation.detect.vocab import (
    CONTRACTIONS,
    LANGUAGES_AND_NATIONALITIES,
    NUMBER_WORDS,
    RANK_TITLES,
    REPORT_SHORTHAND,
)

_PHRASES = [
    # radio codes and dispositions
    # ... not the month and day of an ISO date ("2024-11-02", "2025-10-15")
    # ... nor a number after "#" ("Ofc. Liang #11-207": his badge)
    r"\b(?<!\d[-/.])(?<!#)(?<!# )10-\d{1,3}\b(?!-\d)",
    r"\b(?<!\d[-/.])(?<!#)(?<!# )(?<!car )(?<!unit )11-\d{1,3}\b(?!-\d)",  # ("car 11-24": a car's number)
    r"\bcode\s+\d{1,2}\b", r"\bsignal\s+\d{1,3}\b",
    r"\b5150\b",
    # report role designators: suspect 1, victim 2, witness 1. Presidio's weak driver-licence
    # pattern takes "S1", "K9", "P320" and "X2" for licence numbers: these (and the gear
    # below) are the only stock findings removed on purpose (tests/detect/test_superset.py)
    # ("W24-00981": a warrant; "12-S4": a unit's call sign; a document's version, "CS3-v2", is none)
    # (a "P" or an "O" with two digits is a unit: "unit P41", "22:03 P23 reports shots")
    r"\b(?<!\d-)(?<!unit )(?<!car )(?:(?:S|V|W|C|RP)\d{1,2}|P\d|O\d)\b(?![-/]\w)",
    r"\b(?<=[A-Za-z0-9]-)v\d{1,2}\b(?![-/.]\w)",
    # a word after an ellipsis in a transcript ("(unintelligible) ...it went by me"), which stock
    # Presidio's URL pattern reads as a domain ".it"; a domain after one is none of these
    r"\b(?<=\.\.\.)[a-z]{1,12}\b(?![.@/:][a-z0-9])",
    # a dive log's air, start and end pressures in round hundreds ("| 3000/1500 |"), which
    # stock Presidio's phone pattern reads as a number
    r"\b(?<![-/.\d])[1-5]\d00/\d{1,2}00\b(?![-/.]\d)",
    # a span of years, as a career or a life is given ("NYPD 1969-1994", "(1944-1978)"), and
    # of hours ("1915-1925"): no record's number
    r"\b(?<![-/.#])(?<!\d )(?:19|20)\d\d[-–](?:19|20)\d\d\b(?![-/.]\d)",
    # a log's or a form's field by its name before its colon ("22:11 - Status: cleared")
    r"\b(?:status|disposition|dispo|notes?|remarks|comments?|outcome|update)(?=[ \t]*:)",
    # the news by its kind ("watched the Local news", "the Evening News"): no outlet named
    r"\b(?:local|evening|nightly|morning|late|national|world)[ \t]+news\b",
    # weekdays as a habit ("on Tuesdays"): no day, no one's name
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b",
    # social platforms and payment apps by name ("posted on Facebook Live", "his Instagram"):
    # the account is the identifier ("@jsr.pours", "facebook.com/ray.delfino.5"), not the site
    r"\b(?:facebook(?:[ \t]+(?:live|marketplace|messenger))?|instagram|tiktok|snapchat|whatsapp|"
    r"kakaotalk|telegram|twitter|youtube|nextdoor|reddit|linkedin|discord|venmo|cash[ \t]+app|zelle|"
    r"paypal|xbox(?:[ \t]+live)?|playstation|roblox|fortnite|twitch|minecraft|kik|grindr|tinder|"
    r"icloud)\b(?![.@/]\w)",
    # a clinician's credentials after the name's comma ("Nadine Ouellette, LCSW", "Marcus J.
    # Thibodeaux, LPC, CEAP"; no state's code such as MD or PA)
    r"\b(?<=,[ \t])(?:LCSW|LICSW|LMSW|LPC|LPCC|LMHC|LMFT|LCPC|CEAP|PhD|Ph\.D\.|PsyD|Psy\.D\.|LADC|"
    r"CADC|LCADC|MSW|BCBA|RN|LPN|APRN|PMHNP|CNS|EdD)(?!\w)",
    # a protective order by its kind ("the PPO violation", "OFP is 27-DA-FA-25-311"; its number is
    # the identifier, and "PFA-2025-0419" or "TRO 24-118" is one)
    r"\b(?:PPO|OFP|EPO|TPO|TRO|DVPO|CPO|FAPA|DVRO|ERPO|HRO|SAPO|MOEP|PFA)s?\b"
    r"(?![ \t]*[-#:]?[ \t]*\d|[-/]\w)",
    # an agency's kind with no place before it or after it ("I yelled "Sheriff's Office!"", "ALL
    # LAKE PATROL"): it names no one ("Jackson County Sheriff's Office", "Sheriff's Office of
    # Hidalgo County" stay; a state's police or patrol alone is the one of the report's state)
    r"\b(?<![A-Za-z'’)] )(?<![A-Za-z'’)]\t)(?<!(?-i:[A-Z])\. )(?<!(?-i:[CSMF][OoTt])\. )"
    r"(?:sheriff['’]s[ \t]+office|sheriff['’]s[ \t]+department|police[ \t]+department|"
    r"marine[ \t]+patrol|lake[ \t]+patrol)\b(?![ \t]+(?:of|for|in)\b)",
    # a firm's form alone after a comma ("ASSOCIATES, PLLC"): the firm's name is before it
    r"\b(?<=,[ \t])(?:PLLC|LLC|LLP)\b(?![ \t]*\w)",
    # screening scales and their scores' range ("PHQ-9: 8", "GAD-7: 11", "SLEEP (0-10): 4")
    r"\b(?:PHQ-?[29]|GAD-?7|PCL-?5|C-SSRS|AUDIT-C|DAST-10)\b", r"\b(?<=\()0-10(?=\))",
    # a numbered item of a list, an agenda, a complaint or a report ("Item 2.", "ALLEGATION 1:",
    # "Near miss #2:", "PWC 1 AND PWC 2" in a boating report): a place in the document
    r"\b(?:item|allegation|exhibit|attachment|appendix|finding|recommendation|count|step|phase|"
    r"lesson|question|issue|objective|factor|mistake|near[ \t]+miss|pwc)[ \t]+#?\d{1,2}\b(?![-/.]\d)",
    # a transcript's role as its speaker ("CALL-TAKER (Crystal):"), no one's name
    r"\bcall[- ]?takers?\b",
    # a form's question numbers: "Q1. What happened?", "Q3) Lessons learned"
    r"\b[Qq]\d{1,2}(?=[.):][ \t])",
    # a year's quarter and a fiscal year ("| Q1 | Akron PD |", "FY2024"), and the incident command
    # system's forms and courses ("ICS 214", "ICS-200", "IS-100.c")
    r"\bQ[1-4]\b(?![-/]\w)", r"\b[FS]?FY[ -]?(?:19|20)?\d\d\b(?![-/]\w)",  # ("FFY2025": a federal one)
    # a grant's goals, objectives and measures, a school's semester ("Goal 2", "Objective 1.3")
    r"\b(?:goal|objective|semester|milestone|strategy|outcome|priority)[ \t]+\d{1,2}(?:\.\d{1,2})?\b"
    r"(?![-/]\w)",
    # sums of money ("$9,800", "$ 2,104.00"), and a shift by its ordinal ("3RD WATCH", "1st platoon")
    r"\b(?:(?<=\$)|(?<=\$ ))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d\d)?\b",
    r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth)[ \t]+"
    r"(?:watch|platoon|shift|tour|relief)\b",
    r"\bICS[ -]?\d{3}\b(?![-/]\w)", r"\bIS-\d{3}(?:\.[a-c])?\b(?![-/]\w)",  # (not "ADDRESS IS 400 MAIN")
    r"\b[0-9]{3,4}\s?[A-Z]{0,2}\s?PC\b", r"\bcode\s+(?:red|blue|zero|pink)\b",
    # clock times ("approx 1640 hrs"): not identifiers (the time of day is published); stock
    # Presidio's phone pattern for some regions takes the four digits for a short number
    r"(?i:\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs|hours|hr)\b)",
    # ... and a log line's time at its start, before what happened ("1640 Subject Frederick
    # Lamb, 52, to ...", "0630 Sweep Terminal E"), not a house number ("1000 Sycamore St")
    r"\b(?<![^\n])(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+(?:subject|subj|suspect|susp|victim|vict|"
    r"arrived|arr|cleared|clr|dispatched|disp|enroute|en[ \t]+route|on[ \t]+scene|transport\w*|"
    r"units?|medic|ems|k9|rp|called|contact\w*|advised|adv|notified|requested|req|returned|left|"
    r"roll[ \t]+call|sweep\w*|unattended|student|checked|spoke|located|found|released|booked|"
    r"briefing|end|start|report\w*|call|calls|backup|shots|arrest\w*|pursuit|stopped)\b)",
    # ... or before the call sign that speaks ("1641 Adam-14: Taser!"), which stock Presidio's
    # phone pattern reads, with the letters on a keypad, as one vanity number
    r"\b(?<![^\n])(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+[A-Za-z]+-\d{1,3}[A-Z]?:)",
    # a unit's status code ending its log line ("21:39 PR-16 97": on scene), not its number
    r"\b(?:(?<=[A-Z]-\d\d[ \t])|(?<=[A-Z]-\d[ \t]))9[5-9]\b(?=[ \t]*(?:\n|$))",
    # ... a time written after its date and a slash ("Date/time of tow: 02-15-24 / 0130")
    r"\b(?:(?<=[-/.]\d\d / )|(?<=[-/.]\d\d/ )|(?<=[-/.]\d\d /)|(?<=[-/.]\d{4} / )|(?<=[-/.]\d{4}/ )|"
    r"(?<=[-/.]\d{4} /))(?:[01]\d|2[0-3]):?[0-5]\d\b",
    # ... a time naming a scheduled thing ("during the 1640 cycle", "the 0800 briefing", "the 1900
    # show"): stock Presidio's phone pattern reads the four digits as a short number
    r"\b(?:(?<=\bthe )|(?<=\ba )|(?<=\bthat )|(?<=\bthis )|(?<=\beach )|(?<=\bevery ))"
    r"(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+(?:cycle|show|shift|briefing|roll[ \t]+call|run|ride|bell|count|"
    r"service|mass|prayer|meeting|train|bus|flight|departure|arrival|check|rounds?|release|walk|"
    r"performance|set|game|kickoff|heat|"
    r"race|session|class|feeding|procession|parade|sweep|detail)\b)",
    # ... a record's time field ("TIME: 1640", "TIME OF CALL: 0215", "TM=2310")
    r"(?i:\b(?:time|tm|time[ \t]+of[ \t]+(?:call|incident|arrest|occurrence)|occ[ \t]+time|disp[ \t]+time)"
    r"[ \t]*[:=#-][ \t]*(?:[01]\d|2[0-3]):?[0-5]\d\b(?![-/.]\d))",  # (not "Time: 2024-07-19")
    # ... a log line's clock time ("1640 NWS severe t-storm warning", not "1640 Elm St"), a time
    # after "at" ending its clause ("reached the top at 1641."), a time before its date ("TIP
    # 0617 11/02"): stock Presidio's phone pattern reads them as numbers
    r"\b(?:[01]\d|2[0-3])[0-5]\d(?:(?<=\n\d{4})|(?<=^\d{4}))(?![ \t]+\d{4}\b)"  # (no unit table's row)
    r"(?=[ \t]+(?:(?:[NSEW]\.?|North|South|East|West)[ \t]+)?"
    r"(?![\w'’.-]+[ \t]+(?:st|street|ave|avenue|rd|road|dr|drive|blvd|ln|lane|way|ct|pl|hwy|cir|pkwy)\b)\S)",
    r"\b(?:(?<=\bat )|(?<=\bby )|(?<=\buntil )|(?<=\btill )|(?<=\baround )|(?<=\babout ))"
    r"(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]*(?:[.,;)]|(?:hrs?|hours)\b|$))",
    # ... a time before where it happened ("near miss 1640 on KY 699", "2210 near Boone Dam"), not a
    # unit's, a room's, a road's or a record's number ("FM 2222 near City Park Rd")
    r"\b(?<!#)(?<!(?-i:[A-Z]) )(?<!no )(?<!no\. )(?<!unit )(?<!units )(?<!car )(?<!badge )(?<!engine )"
    r"(?<!medic )(?<!truck )(?<!squad )(?<!beat )(?<!room )(?<!apt )(?<!suite )(?<!lot )(?<!bus )"
    r"(?<!route )(?<!road )(?<!highway )(?<!exit )(?<!mile )(?<!marker )(?<!post )(?<!at )"
    r"(?<!\d, )(?<!\d,)"  # (nor a date's year: "October 12, 2013 on US 395")
    r"(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+(?:on|near)[ \t]+(?:the[ \t]+)?(?-i:[A-Z]))",
    # ... and "At 1647 the coach operator radioed", "at about 1640 I stopped": a time opening its
    # clause, no house number
    r"\b(?:(?<=\b[Aa]t )|(?<=\bat about )|(?<=\bat around )|(?<=\bapproximately )|(?<=\bapprox\. )|"
    r"(?<=\bapprox ))(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+(?:the|a|an|i|we|he|she|they|my|our|his|her|both|"
    r"dispatch|units?|officers?|deputies|troopers?)\b)",
    r"\b(?<![#-])(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])\b)",
    # ... and a span of hours where a period or a shift says so ("Operational period: 0400-1600",
    # "shift 0700/1900", "(0600-1800)"; a case number "2024-1533" stays)
    r"\b(?:(?<=period: )|(?<=period )|(?<=shift: )|(?<=shift )|(?<=hours: )|(?<=hours )|(?<=ops )|"
    r"(?<=op: )|(?<=\())(?:[01]\d|2[0-3])[0-5]\d[ \t]*[-–/][ \t]*(?:[01]\d|2[0-4])[0-5]\d\b(?![-/]\d)",
    # ... a clock time with seconds or with a UTC offset, as e-mail headers and logs write
    # them ("22:15:04 -0700"), whose offset stock Presidio's phone pattern reads
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:[ \t]*(?i:am|pm))?[ \t]*"
    r"[+-](?:0\d|1[0-4]):?[0-5]\d\b(?![-/])",
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d\b",
    # ... a clock time before a number ("02:16 412 ADAM"), which the same pattern reads with the
    # number as one phone number
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?=[ \t]+\d)",
    # ... and a clock time right after a date ("07/07 0310", "2025-07-07 2215"), which the
    # same pattern reads with the date as one phone number; the date itself stays
    r"\b(?:(?<=\d/\d\d[ \t])|(?<=\d/\d[ \t])|(?<=/\d{4}[ \t])|(?<=\d-\d\d[ \t])|(?<=\d-\d{4}[ \t]))"
    r"(?:(?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)\b",
    # weapons, ammunition, less-lethal and gear
    r"\bglock\s*\d{1,2}\b", r"\bglock\b", r"\bsig(?:\s*sauer)?\s*p?\d{3,4}\b", r"\bp\d{3}\b",
    r"\bberetta\s*\d{2}\w*\b", r"\bsmith\s*(?:&|and)\s*wesson(?:\s*m&p\s*\d*)?\b",
    r"\bm&p\s*\d*\b", r"\bremington\s*\d{3}\b", r"\bmossberg\s*\d{3}\b",
    r"\bcolt(?:\s+(?:python|anaconda|king\s+cobra|cobra|commander|delta\s+elite))?\b",
    r"\bruger(?:\s*(?:10/22|mini-?14|mini-?30|lcp(?:\s*ii)?|lc9|lcr|sr9|sr22|gp100|sp101|p\d{2,3}|"
    r"security-?9|american|max-?9))?\b",
    r"\bar-?15\b", r"\bak-?47\b", r"\bm-?4\b", r"\bm-?16\b", r"\bsks\b",
    r"\b\.?\d{2,3}\s*(?:cal(?:iber)?|acp|mag(?:num)?)\b", r"\b9\s*mm\b", r"\b\d{1,2}\s*gauge\b",
    r"\b(?:taser|axon)(?:\s*(?:x26p?|x2|t7|7|10|x26))?\b", r"\bx26p?\b", r"\bx2\b", r"\bt7\b",
    r"\bpepper\s*spray\b", r"\bo\.?c\.?\s*spray\b", r"\basp(?:\s*baton)?\b",
    r"\bk-?9\b(?![- ]?(?:unit\s*)?#?\d)",  # "K9-4" is a call sign
    r"\bkel-?tec\b", r"\bhi-?point\b", r"\bcanik\b", r"\bheckler\s*(?:&|and)\s*koch\b", r"\bh&k\b",
    r"\bspringfield\s+(?:armory|xd\w*|hellcat|1911)\b", r"\bwalther\s+p\w+\b", r"\bsavage\s+arms\b",
    r"\bwinchester\s+\d{2,4}\b", r"\bbrowning\s+(?:hi-?power|a5|bar)\b",
    # dog breeds NER reads as places ("a 100 lb Cane Corso"); the pillars of a car ("the B-pillar")
    r"\bcane\s+corso\b", r"\bpit\s*bulls?\b", r"\brottweilers?\b", r"\bgerman\s+shepherds?\b",
    r"\b(?:belgian\s+)?malinois\b", r"\bdoberman(?:\s+pinscher)?s?\b", r"\b[a-d]-pillars?\b",
    r"\bbearcat\b", r"\bkevlar\b", r"\bmotorola(?:\s*apx\s*\d*)?\b", r"\bapx\s*\d*\b",
    # "Target exits", "target vehicle": the person watched in a surveillance log, not the store
    r"\btarget(?=[ \t]+(?:vehicle|veh|car|exit(?:s|ed)?|left|leaves|arrived|arrives|departed|departs|"
    r"entered|enters|is|was|got|gets|walked|walks|drove|drives|moved|moves|returned|returns|observed|"
    r"seen|house|residence|location|address|package|phone|and|with|stopped|stops|parked|parks)\b)",
    # vehicle makes and models (Ford's F-series by its hundreds: "F-150", "F-550", not a car's "F318")
    r"\bford\s*(?:f-?\d{3}|explorer|expedition|taurus|crown\s*vic(?:toria)?|fusion|focus|"
    r"mustang|ranger|escape|interceptor|econoline|transit|bronco|police\s*interceptor)?\b",
    r"\bf-?[1-7][05]0\b", r"\bcrown\s*vic(?:toria)?\b", r"\bchevy\b", r"\bchevrolet\b",
    r"\b(?:chevy|chevrolet)?\s*(?:tahoe|silverado|impala|malibu(?:\s+classic)?|suburban|camaro|caprice)\b",
    r"\b(?:dodge)?\s*(?:charger|durango|ram(?:\s*\d{4})?|caravan|challenger)\b", r"\bdodge\b",
    r"\b(?:toyota)?\s*(?:camry|corolla|tacoma|tundra|prius|4runner|rav4|highlander|sienna)\b",
    r"\btoyota\b", r"\bhonda(?:\s*(?:civic|accord|odyssey|cr-?v|pilot))?\b", r"\bcivic\b",
    r"\baccord\b", r"\bnissan(?:\s*(?:altima|sentra|maxima|rogue|pathfinder|titan))?\b",
    r"\baltima\b", r"\bjeep(?:\s*(?:cherokee|grand\s*cherokee|wrangler|liberty))?\b",
    r"\bgmc(?:\s*(?:sierra|yukon))?\b", r"\bhyundai(?:\s*(?:elantra|sonata))?\b",
    r"\bkia(?:\s*(?:optima|soul|sorento))?\b", r"\bharley(?:[-\s]davidson)?\b", r"\bbmw\b",
    r"\bmercedes(?:[-\s]benz)?\b", r"\bsubaru\b", r"\bvolkswagen\b", r"\bvw\b", r"\btesla\b",
    r"\bbuick\b", r"\bcadillac(?:\s*escalade)?\b", r"\bescalade\b", r"\blexus\b", r"\bacura\b",
    r"\bpontiac\b", r"\bchrysler(?:\s*\d{3})?\b", r"\bmazda\s*\d?\b", r"\bkenworth\b",
    r"\bpeterbilt\b", r"\bfreightliner\b", r"\buhaul\b", r"\bu-haul\b",
    # (not Infiniti, nor a model: "Infiniti Q50, GA CRE 8410" would lose the "Q50" stock Presidio flags)
    r"\baudi\b", r"\bvolvo\b", r"\bmitsubishi\b", r"\bporsche\b",
    r"\b(?:land|range)\s+rover\b",
    # the makers of tools, heavy equipment, golf clubs and watches a theft report lists ("2 Hilti
    # drills", "a Cat 320 excavator", "a Rolex Submariner")
    r"\bhilti\b", r"\bmakita\b", r"\bdewalt\b", r"\bryobi\b", r"\bstihl\b", r"\bhusqvarna\b",
    r"\bbobcat\b", r"\bjohn\s+deere\b", r"\b(?:deere|cat)\s+\d{2,3}[a-z]?\d?\b",
    r"\btitleist\b", r"\btaylormade\b", r"\brolex(?:\s+submariner)?\b",
    # program vocabulary and generic roles that NER likes to call names
    r"\blessons?(?:\s+learned)?\b", r"\bnear[-\s]miss\b", r"\broll\s*call\b",
    r"\bnarcan\b", r"\bnaloxone\b", r"\bnarrative\b", r"\bnarrator\b", r"\bdispatch(?:er)?\b",
    r"\bcad\b", r"\bmdt\b", r"\bmdc\b", r"\bncic\b", r"\bswat\b", r"\bems\b", r"\bdui\b",
    r"\bdwi\b", r"\bfst\b", r"\bsfst\b", r"\bbolo\b", r"\bleo\b", r"\bcpr\b", r"\baed\b",
    r"\b(?:ER|ICU|ORI|NCIC|CAD|RMS|UUW|CCW|BWC|EMT|OIS|LUCC|NIBIN)\b",
    r"\b(?-i:PIT|pit)\b",  # the manoeuvre, the pit of a fire or a dog ("Peter Mitchell Pit" is a mine's)
    # a teletype's clock time after its six- or eight-digit date ("031125 0418 CST"), which stock Presidio's
    # NHS pattern reads with the date as a number
    r"\b(?:(?<=\b\d{6}[ \t])|(?<=\b\d{8}[ \t]))(?:[01]\d|2[0-3])[0-5]\d\b"
    r"(?=[ \t]+(?i:[ECMP][SD]T|AK[SD]T|HST|UTC|GMT|Z)\b|[ \t]*(?:\r?\n|$)|[ \t]{2})",
    # an NCIC message's key before the state or the ORI it goes to ("QW.MO0470000.NAM/", "DR.TX"),
    # which stock Presidio's URL pattern reads as a domain; the ORI stays (recognizers/fields.py)
    r"\b(?<![\w.])(?-i:Q[A-Z]|[BDFIKRY][QR])(?=\.(?-i:[A-Z]{2}|[A-Z][A-Z0-9]{8}|[a-z]{2})(?!\w))",
    r"\b(?-i:en\s+route|EN\s+ROUTE)\b", r"\bcaller\s+id\b", r"\bx-?rays?\b", r"\bid['’]d\b", r"\bo['’]s\b",
    r"\bbody\s*cam(?:era)?\b", r"\bdash\s*cam(?:era)?\b", r"\bsally\s*port\b",
    # a transcript's exhibits, by their party and number ("City Exhibit 7", "People's 22",
    # "Defense Exhibit B"): the record's own numbering, no one's identifier
    r"(?i:\b(?:(?:people|state|defense|defendant|plaintiff|government|city|union|joint|county|respondent|"
    r"petitioner)['’]?s?[ \t]+)?exhibits?[ \t]+(?:no\.?[ \t]*)?[a-z0-9]{1,3}(?:-[a-z0-9]{1,3})?\b)",
    r"(?i:\b(?:people|state|defense|government)['’]s[ \t]+\d{1,3}[a-z]?\b)",
    # a Spanish rank with its article is no place named "El ...": "El Sargento Ramiro Quiñones"
    r"\b(?:el|la)\s+(?:sargento|teniente|capit[aá]n|comandante|agente|oficial|cabo)\b",
]

_GENERIC_WORDS = frozenset(
    """
    officer officers deputy deputies trooper troopers sergeant sgt lieutenant lt captain
    capt corporal cpl detective det agent chief sheriff marshal partner partners suspect
    suspects subject subjects driver passenger male female victim witness dispatcher
    supervisor sarge fto rookie recruit trainee medic medics paramedic paramedics nurse
    doctor the a an my our his her their i we he she they me him them us lesson lessons
    learned god jesus lord mass mom dad ma'am sir bro dude man guy lady kid kids officer's tq
    dept office county city town agency
    ori ncic cad rms mdt mdc swat ems er icu ed da ada pd so hospital jail school street
    road highway interstate unit units car radio code badge case report call shift
    northbound southbound eastbound westbound k9 k-9 dui dwi uuw ccw bwc fst leo narcan
    doc docs middle elementary station store parking lot bar motel hotel gas home apartment
    apartments complex building mall restaurant courthouse library garage driveway sidewalk
    intersection gym cafeteria hallway stairwell lobby bedroom bathroom basement backyard truck
    stop rest area academy colony
    abilify aripiprazole invega paliperidone sustenna risperdal risperidone haldol haloperidol zyprexa
    olanzapine seroquel quetiapine clozapine clozaril geodon latuda depakote lamictal lithium prozac
    zoloft lexapro wellbutrin trazodone xanax ativan klonopin adderall suboxone vivitrol methadone
    mon tue tues wed thu thur thurs fri sat
    subj subjs susp susps opr oper juv juvs yoa rp r/p r/o onsc advs adv'd rptd piw veh vehs
    note notes lka resp agg asslt aslt battery robbery assault burglary larceny trespass menacing
    blk gry blu wht slv grn brn vic vics unknown unk unidentified
    plaintiff plaintiffs defendant defendants grievant petitioner respondent appellant appellee
    arbitrator juror jurors bailiff counsel objection sustained overruled transcript deposition
    proceedings exhibit exhibits vol pp instr instructor yes yeah yep
    asunto enviado fecha firmado
    whatsapp groupme kakaotalk microsoft teams chat chats telegram imessage messenger
    chyron sot outcue
    # thanks and greetings in the languages of the reports ("Miigwech to Joe.", "Osiyo.", "Quyana.")
    miigwech boozhoo aaniin osiyo wado mvto halito yakoke quyana quyanaa mahalo manuia talofa
    fa'afetai faafetai yá'át'ééh ahéhee' pilamaya pilamayaye wopila gunalchéesh mahsi salamat
    gracias obrigado obrigada merci kiitos danke grazie spasibo kamsahamnida arigato
    """.split()
)
_ROAD_WORDS = frozenset("i interstate highway hwy route us exit road".split())
_NUMBERED_VEHICLES = frozenset("unit car rmp scout patrol squad number no".split())
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_STREET_WORDS = frozenset("street st avenue ave av road rd place pl terrace ter court ct way".split())
# The services an agency's name ends in; alone they name no one ("Fire Thunder" is a name).
_SERVICE_WORDS = frozenset("police fire dispatch patrol corrections".split())
# what stands for a town's or county's name before a service without naming one
_NO_NAME_BEFORE_SERVICE = frozenset(
    "local city town township village municipal area nearby neighboring neighbouring other same"
    .split())
_CAPITALISED_DESCRIPTOR = re.compile(r"\b(?:" + "|".join(w.title() for w in _NO_NAME_BEFORE_SERVICE) + r")\b")
_SERVICE_HEADS = frozenset("police department dept office sheriff sheriff's sheriffs pd so sd".split())
_NAMED_HEADS = frozenset(
    "street st road rd highway hwy avenue ave lane ln drive dr way county city town".split()
)
# Generic place nouns: "the high school", "the church parking lot" are no names.
_GENERIC_PLACE_NOUNS = frozenset("school parking lot station store gym".split())
# Generic places that are surnames too ("Officer Park", "Sgt. Church"): generic only with
# another generic word ("the high school", "the church parking lot"), never alone.
_GENERIC_SURNAME_WORDS = frozenset(
    """high junior senior park church house bank field alley bridge river creek lake woods trail
    yard porch corner kitchen range
    """.split()
)

GENERIC_WORDS = _GENERIC_WORDS | {
    "caller", "complainant", "rp", "husband", "wife", "boyfriend", "girlfriend", "bf", "gf",
    "son", "daughter", "brother", "sister", "mother", "father", "neighbor", "roommate", "inmate",
    "prisoner", "juvenile", "owner", "manager", "clerk", "employee", "homeowner", "resident",
    # a board's chair and members speaking in its minutes; the oil patch's pumper, its truck and its
    # perforating guns; an evidence system's "Unassigned"
    "chair", "chairman", "chairwoman", "chairperson", "pumper", "trk", "perf", "unassigned",
}
_RANKS = frozenset(RANK_TITLES)
# stdlib re: this long alternation of plain phrases runs twice as fast as with `regex`
# Every phrase starts with \b: testing it once per position instead of once per phrase
# makes the scan a third faster, and trying at each position only the phrases that can
# start with its character (first_char_dispatch.py) nearly three times faster again.
assert all(p.startswith((r"\b", r"(?i:\b")) for p in _PHRASES)
_ALLOW = compile_dispatched(_PHRASES, r"\b", stdlib_re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def allowed_regions(text: str) -> list[tuple[int, int]]:
    """Spans of the text that are allow-listed phrases."""
    return list(_allowed(text))


@lru_cache(maxsize=64)
def _allowed(text: str) -> tuple[tuple[int, int], ...]:
    # the same field is cleaned several times (recased pass, NER pass, report memory)
    from workstation.detect.field_names import field_name_regions

    words = tuple(m.span() for m in _ALLOW.finditer(text)
                  if m.end() > m.start() and not _place_word(text, m) and not _given_name_word(text, m)
                  and not _maker_in_a_name(text, m))
    if _CRASH_UNIT_DESCRIBED.search(text):
        words += tuple(m.span() for m in _CRASH_UNIT.finditer(text))
    return tuple(sorted(words + tuple(field_name_regions(text))))


# a crash report's vehicles by their number, once one is described by its year or its driver
# ("UNIT 1 (2016 CHEVROLET SILVERADO", "Unit 2: 2020 Jeep", "VEH 2 DRIVER"): each "UNIT 1" of that
# report is the vehicle, no call sign
_CRASH_UNIT_DESCRIBED = stdlib_re.compile(
    r"\b(?:UNIT|Unit|VEH|Veh|VEHICLE|Vehicle)[ \t]?#?[1-4]\b[ \t]*[:(-]?[ \t]*(?:(?:19|20)\d\d\b|DRIVER\b|"
    r"[Dd]river\b)")
_CRASH_UNIT = stdlib_re.compile(
    r"\b(?:UNIT|Unit|unit|VEH|Veh|veh|VEHICLE|Vehicle|vehicle)[ \t]?#?[1-4]\b(?![-.]\d)")


_PLACE_CUE = stdlib_re.compile(
    r"\b(?:in|from|near|of|lake|mount|fort|camp|outside|to|into|toward|towards|via|past)\s+$",
    stdlib_re.IGNORECASE
)


# A vehicle model before a town's police or a place's head names the town: "Tacoma PD",
# "Tacoma Narrows Bridge", "Tahoe City"
_PLACE_HEADS_NEXT = (
    "Police|Sheriff|County|City|Fire|Narrows|Bridge|Dome|Mall|Avenue|Ave|Street|St|Road|Rd|Way|Blvd|"
    "Park|Airport|Harbor|Lake|River|Valley|Heights|Community|General|Memorial|High|Middle|Elementary|"
    "Regional|Municipal|Tribal|Reservation|"
    # ... and a maker's name on a venue: "Nissan Stadium", "Ford Field", "the Kia Forum"
    "Stadium|Field|Center|Centre|Arena|Forum|Amphitheater|Amphitheatre|Coliseum|Ballpark|Pavilion|"
    "Speedway|Raceway|Theater|Theatre")
# ... in capitals too ("TACOMA POLICE DEPARTMENT")
_POLICE_OR_PLACE_NEXT = stdlib_re.compile(
    rf"[ \t]+(?:PD|SO|SD|FD|DPS|{_PLACE_HEADS_NEXT}|{_PLACE_HEADS_NEXT.upper()})\b"
)


_NEXT_CAPITALISED = stdlib_re.compile(r"[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _given_name_word(text: str, m: stdlib_re.Match) -> bool:
    """A gun maker or a model that is someone's given name, before a surname: "Colt Barnhill",
    "Ruger Pratt" ("a Colt Python", "the Colt .45" stay allowed)."""
    from workstation.detect.census import is_given_name, surnames
    from workstation.detect.gazetteer import small_places

    word = m.group().strip()
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    after = _NEXT_CAPITALISED.match(text, m.end())
    if after is not None and after.group(1).lower() in surnames():
        return True
    # ... or a maker that is a surname, after a given name: "lifeguard Tanisha Ford", "Dale Lincoln"
    before = _GIVEN_NAME_JUST_BEFORE.search(text, max(0, m.start() - 20), m.start())
    return before is not None and word.lower() in surnames() and is_given_name(before.group(1)) and (
        f"{before.group(1)} {word}".lower() not in small_places())  # ("Rocky Ford" is a town)


_GIVEN_NAME_JUST_BEFORE = stdlib_re.compile(r"\b([A-Z][a-z]+)[ \t]+$")


def _word_span(m: stdlib_re.Match) -> tuple[int, int]:
    """The match without the blanks a maker's pattern may take around it ("Ford ")."""
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    return start, start + len(m.group().strip())


def _maker_in_a_name(text: str, m: stdlib_re.Match) -> bool:
    from workstation.detect.makers_in_names import maker_in_a_name

    return maker_in_a_name(text, *_word_span(m))


def _place_word(text: str, m: stdlib_re.Match) -> bool:
    """A vehicle model or maker that names a place: "in Tacoma", "Lake Tahoe", "Camp Dodge"
    (capitalised, one word, right after a place word); "a silver Tahoe" stays allowed."""
    start, end = _word_span(m)
    word = text[start:end]
    cue = _PLACE_CUE.search(text, max(0, start - 12), start)
    named = _POLICE_OR_PLACE_NEXT.match(text, end)  # "Tacoma PD", "Tahoe Fire"
    corner = _ORDINAL_CORNER_NEXT.match(text, end) or _ORDINAL_CORNER_BEFORE.search(
        text, max(0, start - 12), start)  # "at Dodge and 52nd": a street of the corner
    pair = _SERVICE_PAIR_BEFORE.search(text, max(0, start - 12), start)  # "Sumter County Fire & EMS"
    return word[:1].isupper() and word.isalpha() and (cue or named or corner or pair) is not None


_SERVICE_PAIR_BEFORE = stdlib_re.compile(r"\b(?:Fire|FIRE)[ \t]+(?:and|AND|&)[ \t]+$")


_ORDINAL_CORNER_NEXT = stdlib_re.compile(r"[ \t]+(?:and|AND|&)[ \t]+\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)\b")
_ORDINAL_CORNER_BEFORE = stdlib_re.compile(r"\b\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)[ \t]+(?:and|AND|&)[ \t]+$")


_STOP_WORDS_NAMING_STREETS = frozenset({"front", "back", "top", "bottom"})
_MILITARY_BRANCH = re.compile(
    r"(?i:(?:the[ \t]+)?(?:u\.?s\.?[ \t]+)?(?:army|navy|marine[ \t]+corps|marines|air[ \t]+force|"
    r"space[ \t]+force|(?:army[ \t]+|air[ \t]+)?national[ \t]+guard)|USMC|USAF|USN)")


def is_generic(fragment: str) -> bool:
    """True when the fragment is made only of ranks, roles and function words."""
    words = [w.lower().rstrip(".").replace("’", "'") for w in _WORDS.findall(fragment)]
    if not words:
        return True
    if fragment in ("CA", "DOC"):
        return False  # California's code, which spaCy's stop list holds ("ca n't"); the prisons' department
    if _MILITARY_BRANCH.fullmatch(fragment):
        return True  # "four years in the Marine Corps": a service, named by no one (the Coast Guard polices)
    if len(words) == 1 and words[0] in _SERVICE_WORDS:
        return True  # "our Police Chief": a service named alone is no agency
    if len(words) > 1 and words[0] in _ROAD_WORDS and words[-1] in NUMBER_WORDS:
        return False  # "i forty", "highway sixty one": a dictated road (number words are stop words)
    if len(words) >= 3 and all(w in NUMBER_WORDS or w in ("oh", "niner", "dash", "hyphen") for w in words):
        return False  # "three three eight one two": a number read digit by digit; "car twelve
        # twenty two" (two number words stay a count or a time: "twenty five", "twelve twenty")
    numbered = [w for w in words if w in NUMBER_WORDS or w in ("oh", "zero")]
    if numbered and words[0] in _NUMBERED_VEHICLES and all(
            w in _NUMBERED_VEHICLES for w in words[:-len(numbered)]):
        return False  # "car twelve twenty two", "Unit nine": a car by its number, said
    if len(words) > 1 and "-" in fragment and all(w in NUMBER_WORDS or w in ("oh", "zero") for w in words):
        return False  # "four-seventeen", "forty-two": a number said as one, a unit's on the air
    if len(words) > 1 and words[0] in _ORDINAL_WORDS and words[-1] in _STREET_WORDS:
        return False  # "Third Street", "first ave": a street (ordinals are stop words)
    if len(words) == 2 and words[0] in _STOP_WORDS_NAMING_STREETS and words[-1] in _STREET_WORDS and (
            fragment[:1].isupper() and not fragment.split()[-1].islower()):
        return False  # "Front Street", "BACK ST": a street ("front" and "back" are stop words)
    if any(w in _SERVICE_HEADS for w in words) and (
            any(w in _NO_NAME_BEFORE_SERVICE for w in words) or fragment.islower()) and all(
            w in _NO_NAME_BEFORE_SERVICE or w in _SERVICE_HEADS or w in STOP_WORDS for w in words) and not (
            _CAPITALISED_DESCRIPTOR.search(fragment)):
        return True  # "the local police department", "the sheriff's office": no town names it ("the
        # City Police", "the Sheriff's Office" in capitals may be the one force the report names; a
        # county's is the county's force in some writers' use)
    surname_words = [w for w in words if w in _GENERIC_SURNAME_WORDS]
    if surname_words and (len(surname_words) > 1 or not any(w in _GENERIC_PLACE_NOUNS for w in words)
                          or any(w in _NAMED_HEADS for w in words)):
        return False  # "Officer Park", "Lake County", "Woods Park", "High Street": names
    return all(w in _GENERIC_WORDS or w in _RANKS or w in STOP_WORDS or w in LANGUAGES_AND_NATIONALITIES
               or w in _GENERIC_SURNAME_WORDS or w in REPORT_SHORTHAND or w in CONTRACTIONS for w in words)


def inside(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)
