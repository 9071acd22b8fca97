"""Word lists shared by the recognizers and the recaser (police vocabulary)."""

from __future__ import annotations

# Ranks and titles that come before a name; they are part of the PERSON span
# ("Sgt. O'Neill"), because the rank narrows down who it is.
RANK_TITLES: tuple[str, ...] = (
    "police officer", "officer", "ofc", "off", "sergeant", "sgt", "lieutenant", "lt", "lieut",
    "captain", "capt", "cpt", "corporal", "cpl", "detective", "det", "deputy", "dep", "dty",
    "trooper", "tpr", "special agent", "agent", "sa", "chief", "sheriff", "undersheriff",
    "marshal", "deputy marshal", "inspector", "insp", "commander", "cmdr", "cmd", "major",
    "maj", "colonel", "col", "constable", "dispatcher", "ranger", "warden", "investigator",
    "inv", "patrolman", "patrolwoman", "patrol officer", "po", "p.o", "cso", "pso", "vpso", "sro", "fto",
    "tfo", "task force officer", "tfc", "mpo", "hon", "honorable", "ptl", "ptlm", "patrolmen",
    "magistrate", "technician",
    "dr", "doctor", "mr", "mrs", "ms", "miss", "nurse", "judge", "paramedic", "medic",
    "firefighter", "ff", "jailer", "cadet", "recruit", "probationary officer", "senior officer",
    "master officer", "master sergeant", "staff sergeant", "first sergeant", "assistant chief",
    "deputy chief", "asst chief", "coach", "pastor", "father", "reverend", "rev",
    # in Spanish, as reports from Puerto Rico and the border write them
    "agente", "sargento", "teniente", "capitán", "capitan", "comandante", "oficial", "cabo",
    "agte", "sgto", "tte", "cmdte", "insp",  # ... and as they shorten them ("Agte. Rosa", "Sgto. Figueroa")
    # the armed services' ranks, as blotters and e-mails write them ("PFC Leo Mondragón", "1LT M. Quintero")
    "pvt", "pv1", "pv2", "pfc", "spc", "ssg", "sfc", "msg", "1sg", "sgm", "csm",
    "2lt", "1lt", "ltc", "cw2", "cw3", "cw4", "wo1", "amn", "a1c", "sra", "ssgt", "tsgt", "msgt",
    "smsgt", "cmsgt", "lcpl", "gysgt", "ens", "ltjg", "cdr", "po1", "po2", "po3", "cpo",
)

# a unit's call sign of two hyphenated numbers ("2-31", "7-21"), not a 10-code or an 11-code
# ("10-4", "11-99")
HYPHENATED_CALL_SIGN = r"(?!10-|11-)\d{1,2}-\d{1,3}(?![\w/-])"
# a direction of travel as a record writes it ("SB", "E/B")
TRAVEL_DIRECTION = r"(?:NB|SB|EB|WB|[NSEW]/B)"
# territories whose codes stand before a plate as a state's do ("Tag GU ACT 9122")
PLATE_TERRITORIES: tuple[str, ...] = ("GU", "VI", "AS", "MP")
# Canada's provinces and territories by their codes ("Brampton, ON", "plate ON AB 41 987")
PROVINCE_CODES: tuple[str, ...] = tuple("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
# the provinces whose codes stand before a plate or a licence as a state's do ("QC V41 RTK", "BC plates");
# not "ON", a word in capitals, nor the northern territories
PLATE_PROVINCES: tuple[str, ...] = tuple(code for code in PROVINCE_CODES if code not in ("ON", "NT", "NU"))
# the words before a letter and a number that make it a road's ("on M-28", "off K-10", "exit SR-60")
WORDS_BEFORE_A_ROAD = ("on|onto|off|along|via|take|took|exit|hwy|highway|route|north|south|east|west|"
                       "[nsew]b|near")
# the kind several counties are named before, together ("Otero and Crowley counties")
COUNTIES_AFTER = r"[ \t]+(?i:counties|parishes)\b"
# the short codes of roads before their number: county, farm, state, forest, tribal roads
# ("CR 42", "FM 1960", "FR 151", "BIA 27", "IR 15"), mile markers and exits
ROAD_CODES = frozenset("cr fm rm sr sh sth ush cth us hwy rte rt mm mp exit fr fsr bia its ir tr".split())

# What a span never starts with: function words, and a sentence's adverb before a name ("Later Dallas
# Police came", "Finally Okafor answered")
LEAD_DROP = frozenset("the a an my our his her their this that these those your its then and or but so at "
                      "in on of to from by with for "
                      "later earlier finally eventually meanwhile suddenly yesterday today tonight "
                      # what a unit does, before its agency ("Responding Phoenix PD units", "assisting
                      # Harris County SO"; not every word in "-ing": Reading, Flushing, Sterling are towns)
                      "responding assisting arriving investigating transporting neighboring neighbouring "
                      "surrounding adjoining".split())

# Report shorthand that NER takes for names in capitals ("APPROX 0315 HRS", "R/O", "S1").
REPORT_SHORTHAND: frozenset[str] = frozenset(
    """approx hrs hr ref r/o rp s1 s2 v1 v2 w1 dob doa uncuff uncuffed debriefed narcan
    search searched dispatched advised susp vict veh nb sb eb wb enrt adv req onscene cb inj unk
    subj ref loc addr desc disp narr dispo def defs emp empl div pers dtg poc rpt acp occ oln dl ssn oca
    ncic bkg
    lic lp
    vin eta gsw dui dwi fta bolo nfa utl owi bwi cdl supv sup lt's sgt's ofcr
    vs versus aka alias""".split()
)

# A pronoun or a verb run into "not" ("It's", "you're", "doesn't"): never an identifier, and no
# part of one at its start ("It's 0230" is no store numbered 0230, "and I'm" no intersection).
CONTRACTIONS: frozenset[str] = frozenset(
    """it's i'm you're we're they're he's she's that's there's here's what's who's let's i've
    you've we've they've i'll you'll he'll she'll we'll they'll i'd you'd he'd she'd we'd they'd
    it'll isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't
    shouldn't haven't hasn't hadn't ain't y'all""".split()
)

# The words just before a name that make it a person's ("Sgt. Brook", "the driver, Kyle"):
# ranks and the titles of address, then the roles and kin of a scene.
RANKS_BEFORE_A_NAME: tuple[str, ...] = tuple("""
    agent capt captain corporal cpl dep deputy det detective dr lieutenant lt mr mrs ms ofc
    officer ptl ptlm ranger sergeant sgt tfc tpr trooper warden
    agente sargento teniente capitán capitan comandante cabo agte sgto tte cmdte
""".split())
ROLES_BEFORE_A_NAME: tuple[str, ...] = (*"""
    arrestee attendant attorney aunt bartender grandson granddaughter grandmother grandfather grandma
    grandpa stepson stepdaughter fiance fiancee boyfriend brother cadet caller cashier chaplain clerk coach
    complainant constable cousin coworker crewman customer daughter deckhand defendant detainee
    dispatcher doctor driver employee father firefighter friend fto girlfriend guard homeowner
    husband inmate judge juvenile landlord manager medic member mother named neighbor neighbour
    nephew niece nurse offender operator owner paramedic parolee partner passenger patient principal
    prisoner probationer prosecutor ra recruit resident roommate screener sister son sro student suspect
    teacher tenant trainee uncle victim wife witness
""".split(), "justice of the peace", "property tech", "evidence tech")
MULTIWORD_ROLES = tuple(r for r in ROLES_BEFORE_A_NAME if " " in r)

# Numbers in words, as dictated reports say roads and call signs ("i forty", "two david twelve")
NUMBER_WORDS: frozenset[str] = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred oh""".split()
)

# Two title words that make one rank, so neither is a name ("Deputy Chief", "Sgt. Major");
# any other title word right after a title is the person's name ("Officer Major").
COMPOUND_RANKS: frozenset[str] = frozenset(t for t in RANK_TITLES if " " in t) | frozenset(
    " ".join(pair.split()) for pair in """
    deputy sheriff|dep sheriff|chief deputy|deputy commissioner|deputy director|deputy warden|
    deputy inspector|deputy constable|deputy commander|chief inspector|detective sergeant|
    det sgt|detective lieutenant|det lt|detective inspector|detective constable|sergeant major|
    sgt major|sgt maj|lieutenant colonel|lt col|lieutenant commander|lt cmdr|major general|
    chief warden|chief ranger|chief investigator|chief dispatcher|deputy chief|deputy marshal|
    assistant chief|asst chief|chief medic|officer cadet|police sergeant|police captain|
    police lieutenant|police chief|police major|police commander|police inspector|
    police constable|sheriff deputy|sheriff sergeant""".split("|")
)

# Titles that are also people's names or nicknames; only these count as the name after a
# title ("Officer Major", not "SRO Officer").
TITLES_AS_NAMES: frozenset[str] = frozenset(
    "major chief marshal ranger warden judge colonel constable captain sheriff coach pastor "
    "deacon bishop general father".split()
)
# vehicle makes (allow-listed) that are surnames too: the name after a title ("Officer Ford")
MAKES_AS_NAMES: frozenset[str] = frozenset("ford dodge honda kia harley mercedes lincoln".split())

# Languages and nationalities: no one's name and no place on their own ("spoke Khmer", "a
# Tongan family"). Tribal nations are left out: their names are places too ("Navajo Nation").
LANGUAGES_AND_NATIONALITIES: frozenset[str] = frozenset(
    """
    english spanish khmer tongan samoan hmong somali vietnamese korean mandarin cantonese arabic
    ukrainian russian polish haitian creole tagalog filipino punjabi hindi urdu farsi pashto dari
    amharic tigrinya swahili portuguese french german italian mexican salvadoran guatemalan
    honduran cuban dominican nigerian ethiopian eritrean afghan iraqi syrian yemeni laotian
    chinese japanese thai burmese karen nepali bengali gujarati tamil telugu marshallese
    chuukese chamorro hawaiian fijian micronesian jamaican colombian venezuelan peruvian
    kreyòl kreyol kriolu
    """.split()
)

# Words that point at a name without being part of it ("my partner Dave").
NAME_CUES: tuple[str, ...] = (
    "partner", "my partner", "partners", "named", "name is", "name was", "identified as",
    "known as", "aka", "a/k/a", "goes by", "buddy", "coworker", "co-worker", "trainee",
    "rookie", "backup", "k9", "k-9", "canine", "dog", "wife", "husband", "girlfriend",
    "boyfriend", "son", "daughter", "brother", "sister", "mother", "neighbor", "roommate",
    "victim", "suspect", "driver", "passenger", "subject", "complainant", "witness",
)

# After a title these are never the name ("officer safety", "deputy said").
NOT_NAME_AFTER_TITLE: frozenset[str] = frozenset(
    """
    safety duty down involved presence survival wellness friendly needs needed said says told
    asked yelled was were is are arrived responded training shooting shot injured
    and or but the a an on in at of to for from with by as had has have got get went came
    who that which when then while after before there here it he she they we i you my his her
    their our its this these those also just still already again not never always
    assist assisted assisting backup ran run running stepped walked drove took tried saw
    called radioed grabbed pulled pushed fired fell kept could would should will can may
    might must did does do didn't didnt wasn't wasnt hadn't approached noticed heard
    went_on mode car unit vehicle cruiser report reports on-scene onscene crimes crime
    crash crashes narcotics vice traffic investigations accident incident case cases badge serial
    """.split()
)

# Words that say where something was, between two names ("Car 440 near Towne East Square",
# "Sunset past Gower"): never inside a street's or a place's name.
WHERE_WORDS: tuple[str, ...] = ("near", "past", "toward", "towards")

# Words that name a region in a task force's name ("Great Lakes Regional Fugitive Task Force",
# "Tri-County ..."), which an agency's own unit ("Violent Crimes Task Force") lacks.
REGION_WORDS: frozenset[str] = frozenset(
    "regional region metro metropolitan area county state joint tri-county".split())

# An agency's own part, named right after it: "Fresno County Sheriff's Office, Area 2",
# "Iowa State Patrol, Post 16" (agencies.py finds them; relabel.py keeps them agencies).
AGENCY_PART_WORDS: tuple[str, ...] = tuple(
    "area division district post troop region zone sector precinct detachment company barracks".split())
# the last word of the agency before such a part ("... Office", "... Patrol", "... SO")
AGENCY_ENDS_BEFORE_A_PART: tuple[str, ...] = tuple(
    "office department dept service patrol police pd so sd bureau agency authority game wildlife parks "
    "troopers".split())


# what a government department, bureau, division or office is "of" ("Bureau of Land Management",
# "Department of Fish and Wildlife", "Office of the Inspector General"): read in any case, so a
# record typed in capitals names the agency too
AGENCY_SUBJECT_WORDS = frozenset("""
    public safety works law enforcement criminal justice investigation investigations corrections
    correction correctional community rehabilitation inspector general state police fire
    fish game wildlife fisheries parks recreation natural resources motor vehicles transportation
    conservation forestry homeland security land management indian affairs prisons reclamation
    interior revenue taxation health human services children family families juvenile youth
    alcohol tobacco firearms explosives beverage control immigration customs border emergency
    environmental quality protection gaming insurance labor agriculture buildings probation
    parole pardons paroles attorney sheriff marshal marshals highway highways patrol special
    narcotics drug drugs administration licensing aviation military veterans consumer regulatory
    """.split())


# Words before a name in records ("SON TY REDCORN", "SUBJ WALTER KOWALCZYK")
KIN_AND_ROLES = frozenset(
    """son daughter wife husband brother sister mother father cousin aunt uncle nephew niece
    caller subject suspect victim driver passenger inmate patient witness male female student
    resident tenant neighbor neighbour clerk cashier nurse deckhand crewman employee manager
    detainee parolee probationer juvenile boyfriend girlfriend coworker farmer rancher
    uc susp subj vict sup supervisor rp comp""".split()
)


# A place's kind before its name, in the languages of its community: "Gurdwara Sant Sagar",
# "Panadería La Bairoa", "Chùa Quang Minh", "bnai israel", "Casa de Luz" (a shelter)
PLACE_FIRST_WORDS = frozenset("""gurdwara masjid mosque temple iglesia parroquia panadería panaderia taqueria
    taquería tienda restaurante mercado supermercado farmacia clínica clinica escuela colegio hotel motel
    casino chùa mezquita capilla ermita congregation bnai b'nai b’nai kehilat shul wat casa""".split())
# a synagogue's "Beth" and its Hebrew name ("Beth El", "beth israel"), not "Beth Miller"
BETH_NAMES = frozenset("el israel shalom sholom am tikvah emeth emet torah chaim hillel zion tefila".split())
