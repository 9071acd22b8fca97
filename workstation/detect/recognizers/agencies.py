"""Agency names and abbreviations: "Riverside Police Department", "Harlan County
Sheriff's Office", "the Highway Patrol", "RPD", "LASD", "the S.O."."""

from __future__ import annotations

import regex as re

from workstation.detect.recognizers.base import CI, CS, RegexRecognizer, Rx, alternation
from workstation.detect.recognizers.dictated import ORDINAL_IN_WORDS
from workstation.detect.vocab import AGENCY_ENDS_BEFORE_A_PART, AGENCY_PART_WORDS, REGION_WORDS

# Words that end an agency name; the capitalised words before them are its name.
AGENCY_HEADS: tuple[str, ...] = (
    "Police Department", "Police Dept", "Police Dept.", "Police Service", "Police Services",
    "Police Bureau", "Police Agency", "Police Force", "Police Division", "Police", "PD", "P.D.",
    "Sheriff's Office", "Sheriffs Office", "Sheriff Office", "Sheriff's Department",
    "Sheriff's Dept", "Sheriff's Dept.", "Sheriff Department", "Sheriffs Department",
    "Sheriff's Department", "Sheriff", "SO", "S.O.", "Constable's Office", "Constables Office",
    "Marshal's Office", "Marshals Office", "Marshal's Service", "Marshals Service",
    "Highway Patrol", "State Patrol", "State Police", "State Troopers", "Public Safety",
    "Department of Public Safety", "DPS", "Tribal Police", "Campus Police", "University Police",
    "Transit Police", "Park Police", "Parks Police", "Housing Police", "Port Police",
    "Airport Police", "School Police", "Capitol Police", "Fire Department", "Fire Dept",
    "Fire Rescue", "Fire District", "Fire Protection District", "Rescue Squad", "EMS",
    "Department of Corrections", "Corrections Department", "Detention Center",
    "Drug Task Force", "Task Force", "Narcotics Task Force", "Regional Task Force",
    "Dispatch Center", "Communications Center", "Emergency Communications", "911 Center",
    "Game Commission", "Fish and Wildlife", "Wildlife Department", "Conservation Police",
    "Probation Department", "Parole Department",
    # named offices of the kind the program counts as agencies
    "Fire Authority", "Transit Authority", "Port Authority", "Housing Authority", "Field Division",
    "Field Office", "Resident Agency", "CSCD", "Probation Office", "Animal Control", "Animal Services",
    "Animal Shelter", "Animal Care", "Animal Care Services", "Animal Welfare", "Animal Protection",
    "School District", "Judicial District",
    # death investigators: "Ada County Coroner's Office", "King County Medical Examiner"
    "Coroner's Office", "Coroners Office", "Coroner Office", "County Coroner",
    "Medical Examiner's Office", "Medical Examiners Office", "Medical Examiner Office",
    "County Medical Examiner",
    # a command named by its place: "Tafuna Substation", "Santa Teresa Station" is a building
    "Substation", "Resident Office",
    # transit agencies named by their region ("Sound Transit", "Metro Transit", "Valley Transit")
    "Transit",
)
# an agency's last word before its part, as written: "Office", "OFFICE", "Dept.", "SO"
_PART_AFTER = "|".join(
    w.upper() if len(w) == 2 else r"Dept\.?|DEPT\.?" if w == "dept" else f"{w.title()}|{w.upper()}"
    for w in AGENCY_ENDS_BEFORE_A_PART)
_PART_WORDS = "|".join(AGENCY_PART_WORDS)
_HEADS_CS = alternation([h for h in AGENCY_HEADS if h not in ("SO", "PD", "EMS", "DPS", "Sheriff")])

FEDERAL: tuple[str, ...] = (
    "FBI", "DEA", "ATF", "ICE", "HSI", "CBP", "USMS", "DHS", "TSA", "IRS-CI", "NCIS", "OSI", "AFOSI",
    "DCIS", "CGIS", "CBI",
    "CID", "U.S. Marshals", "US Marshals", "U.S. Marshals Service", "US Marshals Service",
    "U.S. Marshal Service", "Secret Service", "U.S. Secret Service", "Border Patrol",
    "U.S. Border Patrol", "Customs and Border Protection", "Homeland Security",
    "Federal Bureau of Investigation", "Drug Enforcement Administration", "Park Service",
    "National Park Service", "Forest Service", "BIA", "Bureau of Indian Affairs", "BLM",
    "Bureau of Land Management", "Coast Guard", "Military Police", "Capitol Police",
    "Amtrak Police", "Postal Inspection Service", "Postal Inspectors",
    "FAA", "USSS", "NTSB", "FEMA", "CAL FIRE", "Cal Fire", "CALFIRE",
    # the bodies a fraud or a scam names, and the federal police of Washington
    "IRS", "SSA", "SSA OIG", "FTC", "FinCEN", "IC3", "USPS", "USPIS", "U.S. Postal Service",
    "US Postal Service", "Postal Service", "Social Security Administration", "Internal Revenue Service",
    "Federal Trade Commission", "U.S. Army", "US Army", "U.S. Navy", "U.S. Air Force", "U.S. Marine Corps",
    "Park Police", "U.S. Park Police", "US Park Police", "USPP", "Federal Protective Service",
    "Diplomatic Security Service", "PFPA", "Pentagon Force Protection Agency",
    "Secret Service Uniformed Division", "U.S. Secret Service Uniformed Division",
    # the services every state has under one name
    "Child Protective Services", "Adult Protective Services",
)

# the federal agencies named in words, which no other body is called ("military police",
# "homeland security", "the postal service" name a kind or a topic in lower case)
_NOT_NAMES_IN_LOWER_CASE = ("military police", "homeland security", "park police",
                            "federal protective service",
                            "postal service")
_FEDERAL_WORDS = tuple(n for n in FEDERAL if " " in n and n.lower() not in _NOT_NAMES_IN_LOWER_CASE)
# a tribal nation's own agency: "Navajo Nation Police", "Cherokee Nation Marshal Service"
_NATION_AGENCY = (
    r"[a-z][a-z'’-]+[ \t]+(?:[a-z][a-z'’-]+[ \t]+)?(?:nation|tribe)[ \t]+(?:police(?:[ \t]+department)?|"
    r"marshal[ \t]+service|lighthorse(?:[ \t]+police)?|(?:department|division)[ \t]+of[ \t]+"
    r"(?:public[ \t]+safety|corrections|law[ \t]+enforcement|fish[ \t]+and[ \t]+wildlife))"
)
_DEPARTMENT_ENDS = "DOT|DOC|DEA|DPS|DNR|DCI|DOJ|DCS|DFW"
_NOT_A_NATION = "the|a|an|our|their|his|her|and|of|with|by|for|to|from"
_NAME_WORD = r"(?:[A-Z][\w'’.&-]*|of|the|and|de|la|del|du|St\.?)"
# ("and the" joins two agencies, never two words of one name: "Explosives and the U.S. Fish ...")
_NAME = rf"[A-Z][\w'’.&-]*\s+(?:(?!and\s+the\b){_NAME_WORD}\s+){{0,3}}"


_SHORTHAND = frozenset(
    "susp resp vict approx info misc asap advd veh comp poss req also crisp grasp clasp wasp torso "
    "lasso espresso peso paso miso verso".split()
)


def _not_a_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'ALSO', 'RESP' in capitals are words or shorthand, not agency abbreviations."""
    from spacy.lang.en.stop_words import STOP_WORDS

    low = text[start:end].lower()
    if low in _SHORTHAND or low in STOP_WORDS:
        return None
    return start, end


def _lower_abbreviation(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'lvmpd', 'hcso': four letters at least for an office ('cso' and 'pso' are titles),
    and no English word ('also', 'torso')."""
    low = text[start:end]
    if (low.endswith(("so", "sd")) and len(low) < 4) or _not_a_word(text, start, end) is None:
        return None
    return start, end


_HEAD_AND = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}(?:PD|SO|Police|Sheriff|Department|Office|Patrol)\s+(?:and|&)\s+"
)
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?][\"”’)]*\s+(?=[A-Z])")


def after_sentence_end(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A name never runs over the end of a sentence ("hit Officer Greta Lindgren. Cook
    County Sheriff's Office policy"): keep what follows the last sentence end."""
    last = None
    for last in _SENTENCE_END.finditer(text, start, end):  # noqa: B007
        pass
    if last is not None:
        start = last.end()
    # nor over a line break: "Lt. Adeyemi-Brooks\nGrady Health System Police Department"
    newline = text.rfind("\n", start, end)
    if newline >= 0:
        start = newline + 1
    words = text[start:end].split()
    if len(words) == 2 and words[0].lower() in _ARTICLES:
        return None  # "The Transit center", "Our Police": a head with nothing naming it
    # "Palmer PD and Flathead County Sheriff's Office": two agencies, the first found apart
    m = _HEAD_AND.match(text, start, end)
    if m:
        start = m.end()
    # "Priya Ramaswamy of the Edison Police Department": a person before "of", not a
    # "Department of ..." or "City of ..." that belongs to the name
    m = _OF.search(text, start, end)
    if m and not _OF_OWNER.search(text, start, m.start()):
        start = m.end()
    start = _after_rank_and_name(text, start, end)
    # "Called the New Bedford PD" (a sentence recased): the name starts after "the"
    m = _WORD_THEN_THE.match(text, start, end)
    if m:
        start = m.end()
    # "UNITS REQ PD": report shorthand before the head is no name
    m = _SHORTHAND_LEAD.match(text, start, end)
    if m:
        start = m.end()
        if not _NAMED_REST.match(text, start, end):
            return None
    return start, end


def _after_rank_and_name(text: str, start: int, end: int) -> int:
    """"trooper kyle vondracek nebraska state patrol", "Officer Marisol Cardenas New Bedford
    Police Department" (recased dictation): a rank and a name, or a given name and a surname,
    before the agency; it starts at the state or town that names it."""
    from workstation.detect.census import is_census_name, is_given_name
    from workstation.detect.gazetteer import places, state_names_lower
    from workstation.detect.spans import RANK_WORDS

    words = list(re.finditer(r"[\w'’&-]+", text[start:end]))
    ranks = [i for i, w in enumerate(words[:-2]) if w.group().lower() in RANK_WORDS]
    before = re.search(r"([\w'’&-]+)\.?[ \t]+$", text[max(0, start - 24):start])
    if ranks:
        first = ranks[0] + 2
    elif (before is not None and before.group(1).lower() in RANK_WORDS) or (
            len(words) > 3 and is_given_name(words[0].group()) and is_census_name(words[1].group())):
        first = 1  # the rank is before the span: its first word at least is the name
    else:
        return start
    for i, w in enumerate(words[first:-1], first):
        pair = f"{w.group()} {words[i + 1].group()}".lower()
        if w.group().lower() in state_names_lower() or w.group().lower() in places() or pair in places():
            return start + w.start()
    return start


_ARTICLES = frozenset("the a an our my your his her their this that".split())
_SHORTHAND_LEAD = re.compile(r"(?:(?i:units?|req|request|requests|requested|adv|advised|notify|notified|"
                             r"via|ref|susp|rp|cb|and|w/)[ \t]+)+")
_WORD_THEN_THE = re.compile(r"[A-Z][a-z]+[ \t]+the[ \t]+(?=[A-Z])")
_NAMED_REST = re.compile(r"[\w'’.&-]+[ \t]+\S")


_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_OF_OWNER = re.compile(
    r"\b(?i:city|county|town|village|township|borough|state|commonwealth|division|department|dept|"
    r"bureau|office|port|university|board|police|sheriff'?s?|district|nation|tribe|band|parish|"
    r"college|school|campus|area|region|republic|province|government|ministry|marshals?)\b"
)


_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
    "NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR"
)

_STATE_CODES_MIXED = "|".join(code.capitalize() for code in _STATE_CODES.split("|"))


def _named_for_a_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A task force named for its place or region ("Great Lakes Regional ..."), not an
    agency's own unit ("the Violent Crimes Task Force")."""
    from workstation.detect.gazetteer import places

    words = [w.lower() for w in text[start:end].split()[:-2]]
    pairs = [" ".join(words[i:i + 2]) for i in range(len(words) - 1)]
    known = places()
    if any(w in REGION_WORDS or w in known for w in words) or any(p in known for p in pairs):
        return start, end
    return None


def agency_recognizers() -> list[RegexRecognizer]:
    return [
        RegexRecognizer(
            "AgencyRecognizer", "AGENCY",
            [
                # "Riverside Police Department", "Harlan County Sheriff's Office"
                Rx("named_agency", rf"\b(?<![\w'’]){_NAME}(?:{_HEADS_CS})(?![\w'’])\.?", 0.85, CS,
                   refine=after_sentence_end),
                Rx("named_agency_abbr", rf"\b(?<![\w'’]){_NAME}(?:PD|SO|DPS|Sheriff)\b", 0.7, CS,
                   refine=after_sentence_end),
                # a Border Patrol command by its region: "Laredo Sector", "EL PASO SECTOR" (a Coast
                # Guard's "Sector San Diego" goes on after it, and an acronym is the agency's own)
                Rx("sector", r"(?<![\w'’-])(?!(?:[A-Z]{2,5}|the|The|THE)[ \t])"
                   r"(?:\p{Lu}[\p{L}'’.-]+[ \t]+){1,2}(?:Sector|SECTOR)(?![\w'’-]|[ \t]+(?:\p{Lu}|\d))",
                   0.8, CS, needs="sector"),
                # a post's Directorate of Emergency Services, its police: "Fort Carson DES", "JBLM DES"
                Rx("installation_des", r"\b(?:(?:Fort|FORT|Ft\.?|FT\.?|Joint[ \t]+Base|JOINT[ \t]+BASE)[ \t]+"
                   r"\p{Lu}[\p{L}'’-]+[ \t]+(?i:des)|[A-Z]{3,5}[ \t]+DES)\b(?![ \t]+\p{Lu}\p{L})", 0.8, CS,
                   needs="(?i:des)"),
                # New Mexico's and a state's death investigators: "Office of the Medical Investigator"
                Rx("medical_investigator", r"\b(?i:office[ \t]+of[ \t]+the[ \t]+(?:chief[ \t]+)?medical[ \t]+"
                   r"(?:investigator|examiner))\b", 0.8, CS),
                # "City of Millbrook Police", "County of Renner Sheriff"
                Rx("of_agency", r"\b(?:City|County|Town|Village|Township|Borough|State|Commonwealth)"
                   r"\s+of\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Police|Sheriff|Marshal|Constable)"
                   r"(?:\s+(?:Department|Dept\.?|Office|Service))?\b", 0.85, CS),
                Rx("department_of", r"\b(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}(?:Police|Sheriff'?s?|"
                   r"Highway\s+Patrol|State\s+Police)(?:\s+(?:Department|Dept\.?|Office|Service))?"
                   r"\s+(?:of|for)\s+(?:the\s+)?(?:(?:St|Ft|Mt)\.[ \t]+)?[A-Z][\w'’-]*"
                   r"(?:[ \t]+[A-Z][\w'’-]*){0,2}",
                   0.6, CS),
                # Abbreviations: RPD, LASD, NYPD, CHP, OCSO, MSP, DPD, HCSO, APD
                Rx("agency_abbreviation", r"\b[A-Z]{1,4}(?:PD|SO|SD|SP|HP|DPS|DOC|CSO)\b"
                   r"(?<!\b(?:ASAP|GPS|USPS|UPS|CPS|EPS|PPS|OPS|TPS|BPS|SPS|RMP|ADHD|PTSD|LSD|USD|"
                   r"CSD|OSP|DSP|LSP|DC|SB|SOP|ESP|BSO|MSO|DSO|OSD|PSD|MD|DSD|HSP|PSP)\b)", 0.75, CS,
                   refine=_not_a_word),
                # a state's departments: NMDOT, TXDOT, MNDNR, "TX DPS" (a state code, then the office)
                # a police command by its number: "18th District", "the 3rd Precinct", "2nd Ward"
                Rx("ordinal_command", r"\b(?:[1-9]\d?(?:st|nd|rd|th))[ \t]+(?i:district|precinct|pct|ward|"
                   r"division|battalion|troop|area|sector)\b", 0.7, CS),
                # a precinct as New York says it, digit by digit: "units from the 7-5", "the 1-0-3 squad"
                Rx("precinct_said_as_digits", r"(?<=\b(?i:the)[ \t]+)[1-9]-\d(?:-\d)?(?=[ \t]*[,;)]|"
                   r"[ \t]+(?i:squad|precinct|pct|house|detectives?|desk|station)\b)", 0.6, CS,
                   needs=r"\d-\d"),
                # ... said in words, in any case: "the eleventh precinct", "Twenty-Third District"
                Rx("ordinal_command_in_words", rf"(?<![\w'’-])(?:{ORDINAL_IN_WORDS}|(?i:first|second|third))"
                   r"[ \t]+(?i:district|precinct|pct|ward)(?![\w'’-])", 0.7, CS,
                   needs="(?i:district|precinct|pct|ward)"),
                Rx("state_department", rf"\b(?:{_STATE_CODES})[ \t]?(?:DOT|DNR|DMV|DPS|DOC|DCF|DCS|DHS|DFW|"
                   r"DWR|FWC|GFP|DFG|DPW|DEP|DEQ|DEC|DOH|HP|SP)\b", 0.75, CS),
                # "TxDPS", "TxDOT", "OkDHS": the state's code written in small letters
                Rx("state_department_mixed", rf"\b(?:{_STATE_CODES_MIXED})(?:DOT|DNR|DMV|DPS|DOC|DHS|DFW)\b",
                   0.75, CS),
                Rx("agency_abbreviation_known", r"\b(?:CHP|PSP|MSP|OSP|DSP|LSP|HSP|NSP|CSP|TSP|WSP|BSO|"
                   r"MSO|DSO|OCSO|HCSO|LASD|NYPD|LAPD|SFPD|DCPD|MPD|CPD|APD|BPD|DPD|HPD|"
                   r"JSO|PBSO|MDPD|LVMPD|KCPD|SAPD)\b", 0.8, CS),
                # on their own: "the State Patrol", "Highway Patrol", "the Marshals"
                Rx("bare_agency", r"\b(?:State|Highway)\s+(?:Patrol|Police|Troopers?)\b|"
                   r"\b(?:U\.?S\.?\s+)?Marshals(?:\s+Service)?\b", 0.7, CS),
                Rx("federal", rf"\b(?:{alternation(FEDERAL)})\b", 0.8, CS),
                # ... whatever the case of their words, which the recaser lowers in a header typed in
                # capitals ("U.S. POSTAL INSPECTION SERVICE - PHOENIX DIVISION", "capitol police")
                Rx("federal_words_ci", rf"\b(?i:{alternation(_FEDERAL_WORDS)})\b", 0.7, CS),
                # a tribal nation's own agency, the nation's name in any case (a header in capitals
                # lowers "NAVAJO NATION" as a people's name): "NAVAJO NATION DEPARTMENT OF CORRECTIONS"
                Rx("nation_agency",
                   rf"(?<![\w'’-])(?!(?i:{_NOT_A_NATION})[ \t])(?i:{_NATION_AGENCY})(?![\w'’-])", 0.75, CS,
                   needs=r"(?i:nation|tribe)"),
                # a record's command field: "DIV: SOUTHEASTERN", "District: Eastern", "Dist/Pct: D6"
                # (a beat, zone or sector is no command)
                Rx("command_field", r"(?<=\b(?i:div|division|district|dist|dist/pct|pct|precinct|troop|"
                   r"region)[ \t]*[:#][ \t]*)(?:[A-Z][A-Za-z]{2,}|[A-Z]?-?\d{1,3}[A-Z]?|[A-Z])(?![\w-])",
                   0.6, CS, needs=r"(?i:div|dist|pct|precinct|troop|region)\w*(?:/pct)?[ \t]*[:#]"),
                # recased or lower-case text: acronyms that are no English word
                Rx("federal_ci", r"\b(?i:fbi|dea|atf|hsi|cbp|usms|dhs|tsa|ncis|fema|usfs|usfws|bci|gbi|tbi|"
                   r"fdle|osbi|kbi|mbi|dci|nps|blm|(?-i:SLED))\b", 0.7, CS),  # (not "sled": a snowmobile)
                # lower-case posts: "lvmpd", "hcso", "lasd" (not "also", "torso", "cso")
                # ... and a state's highway patrol or state police: "chp", "fhp", "whp", "wsp", "nysp" (not
                # after a number: "400 whp" is horsepower; "mhp" is as often a mobile home park)
                Rx("agency_abbreviation_lower", r"(?<![\w'’./-])(?:[a-z]{1,4}(?:pd|so|sd)|(?<!\d)(?<!\d[ \t])"
                   r"(?:chp|fhp|whp|nhp|thp|ohp|khp|uhp|schp|mshp|ndhp|sdhp|wsp|nysp|njsp|wvsp|nmsp))"
                   r"(?![\w'’/-])", 0.65, CS, refine=_lower_abbreviation),
                # a command of an agency by its area: "West Precinct", "nw area command", "C Detachment"
                Rx("area_command", r"\b(?i:north|south|east|west|northeast|northwest|southeast|southwest|"
                   r"central|downtown|nw|ne|sw|se|[a-h])[ \t]+(?i:precinct|area[ \t]+command|detachment|"
                   r"district[ \t]+station|patrol[ \t]+division)(?![\w'’])", 0.65, CS,
                   needs="precinct|command|detachment|district|division"),
                # a state's department by its letters: "GDOT", "MDOC", "WDFW", "MDEA" (not "IDEA"; a
                # carrier's "USDOT 2881044" is its number's label)
                Rx("department_letters", rf"(?<![\w'’./-])(?!IDEA\b)[A-Z]{{1,3}}(?:{_DEPARTMENT_ENDS})"
                   r"(?![\w'’/-])(?![ \t]*[#:]?[ \t]*\d)", 0.7, CS, needs=_DEPARTMENT_ENDS),
                # a state police station by its town, as New York writes it: "SP Oneida", "SP Homer"
                Rx("station_of_a_town", r"(?<![\w'’./-])SP[ \t]+\p{Lu}\p{Ll}{2,}(?![\w'’-])", 0.7, CS,
                   needs=r"\bSP\b"),
                # a city's detective area, police service area or precinct squad by its number: "Area 5",
                # "AREA B", "PSA 2", "Police Service Area 7", "75 Squad" (not "Area 51", a "staging area 3")
                Rx("numbered_area", r"\b(?:Area|AREA)[ \t]+(?!51\b)(?:\d{1,2}|[A-Z])(?![\w'’-])|"
                   r"\b(?:PSA|(?i:police[ \t]+service[ \t]+area))[ \t]?\d{1,2}(?![\w'’-])|"
                   r"(?<![\w'’.-])\d{2,3}[ \t]+(?:Squad|SQUAD|Pct|PCT)(?![\w'’-])", 0.65, CS,
                   needs=r"(?i:area|psa|squad|pct)"),
                # Puerto Rico's police commands by their town: "Área de Ponce", "Distrito de San Juan
                # Antiguo", "Cuartel de Yauco", "Precinto de Puerto Nuevo", "Centro de Mando de Bayamón"
                Rx("command_of_a_town", r"\b(?:Área|ÁREA|Area|Distrito|DISTRITO|Cuartel|CUARTEL|Precinto|"
                   r"PRECINTO|Comandancia|Centro[ \t]+de[ \t]+Mando)[ \t]+(?:de|DE|del|DEL)[ \t]+"
                   r"\p{Lu}[\p{L}'’-]+(?:[ \t]+(?:de[ \t]+)?\p{Lu}[\p{L}'’-]+){0,2}", 0.7, CS,
                   needs=r"(?:rea|istrito|uartel|recinto|omandancia|ando)[ \t]+(?i:de)"),
                # ... a city's command by its quarter: "NORTHEAST PATROL", "Southeast District", "Western
                # Division", "east precinct", "West Area" (an area with its capital: "the south area")
                Rx("quarter_command", r"\b(?i:(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|"
                   r"central)[ \t]+(?:(?i:district|patrol|division|precinct)|Area|AREA)(?![\w'’-])", 0.65, CS,
                   needs="(?i:district|patrol|division|precinct|area)"),
                # an agency's part named right after it: "Fresno County Sheriff's Office, Area 2",
                # "Maine Warden Service, Division B", "Iowa State Patrol, Post 16", "Fish and Game
                # region 7"
                Rx("sub_unit", rf"\b(?:{_PART_AFTER})[ \t]*,?[ \t]+"
                   rf"(?P<x>(?i:{_PART_WORDS})[ \t]+(?:[A-Z]{{1,2}}(?:-?\d{{1,3}})?|\d{{1,3}}[A-Z]?)"
                   r"(?![\w'’-]))", 0.85, CS, "x"),  # above a unit's number ("Post 21" is no car)
                # "the S.O.", "the SO", "the P.D."
                Rx("so_pd", r"(?<=\bthe\s+)(?:S\.O\.?|P\.D\.?|SO|PD|DA|D\.A\.?)(?![\w.])|"
                   r"\b(?:S\.O\.|P\.D\.)", 0.7, CS),
                Rx("so_pd_ci", r"(?<=\bthe\s+)(?:s\.o\.|p\.d\.)", 0.6, CI),
                # a named task force: "Great Lakes Regional Fugitive Task Force", "NORTHERN OHIO
                # VIOLENT FUGITIVE TASK FORCE" (two words at least before it, none a stop word)
                Rx("task_force", r"(?<![\w'’.-])(?!(?i:the|a|an|our|my|their|his|her|this|that|with|"
                   r"and|of|for|on|to|joined|from)\b)(?:\p{Lu}[\p{L}'’.&-]*[ \t]+){2,5}"
                   r"(?:Task[ \t]+Force|TASK[ \t]+FORCE)(?![\w'’])", 0.7, CS, needs="task force",
                   refine=_named_for_a_place),
            ],
            context=["agency", "department", "worked", "assist", "assisted", "mutual", "aid"],
        )
    ]
