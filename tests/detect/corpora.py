"""Where the annotated corpora of the detection tests are."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
# The presidio-research synthetic set, beside the checkout (see its README).
EXTERNAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "external" / "presidio_synth_v2.jsonl"
CORPORA: dict[str, Path] = {
    "dev": DATA / "dev_corpus.jsonl",
    "dev2": DATA / "dev_corpus2.jsonl",
    "heldout": DATA / "dev_corpus_heldout.jsonl",
    "styles3_tune": Path(__file__).resolve().parent / "data" / "styles3_tune.jsonl",
    "styles3_hold": Path(__file__).resolve().parent / "data" / "styles3_hold.jsonl",
    "styles4_tune": Path(__file__).resolve().parent / "data" / "styles4_tune.jsonl",
    "styles4_hold": Path(__file__).resolve().parent / "data" / "styles4_hold.jsonl",
    # written after the fourth round by someone who never saw the detector's output on it;
    # never tuned on (only its totals are looked at)
    "styles5_hold": Path(__file__).resolve().parent / "data" / "styles5_hold.jsonl",
    # a sixth corpus for tuning, written after the fifth (its misses are read)
    "styles6_tune": Path(__file__).resolve().parent / "data" / "styles6_tune.jsonl",
    # a seventh corpus in two parts, written by someone who never saw the detector's output:
    # the tuning part's misses are read, the held-out part's only totals
    "styles7_tune": Path(__file__).resolve().parent / "data" / "styles7_tune.jsonl",
    "styles7_hold": Path(__file__).resolve().parent / "data" / "styles7_hold.jsonl",
    # an eighth, written the same way: forms, e-mails, transcripts, bilingual and border
    # settings, identifiers of many shapes
    "styles8_tune": Path(__file__).resolve().parent / "data" / "styles8_tune.jsonl",
    "styles8_hold": Path(__file__).resolve().parent / "data" / "styles8_hold.jsonl",
    # a ninth: writers of many ages and regions, second person and present tense, names that
    # look like places and places that look like names, everyday calls
    "styles9_tune": Path(__file__).resolve().parent / "data" / "styles9_tune.jsonl",
    "styles9_hold": Path(__file__).resolve().parent / "data" / "styles9_hold.jsonl",
    # a tenth: many origins of names, nicknames without quotes, places by local nickname,
    # hospitals by bare name, CAD exports, testimony, body-camera and group transcripts
    "styles10_tune": Path(__file__).resolve().parent / "data" / "styles10_tune.jsonl",
    "styles10_hold": Path(__file__).resolve().parent / "data" / "styles10_hold.jsonl",
    # an eleventh: addresses and places in every shape, call signs and unit numbers in the
    # narrative, agencies of many states written many ways, CAD notes, teletype, typos and OCR
    "styles11_tune": Path(__file__).resolve().parent / "data" / "styles11_tune.jsonl",
    "styles11_hold": Path(__file__).resolve().parent / "data" / "styles11_hold.jsonl",
    # a twelfth: report forms with questions, reflective stories, depositions, podcasts,
    # partners' texts, bilingual notes, agencies of every kind (stop 27, near its end)
    "styles12_tune": Path(__file__).resolve().parent / "data" / "styles12_tune.jsonl",
    "styles12_hold": Path(__file__).resolve().parent / "data" / "styles12_hold.jsonl",
    # a thirteenth: corrections, courts, campuses, airports, harbours, parks and schools; forms,
    # memos, journals, voicemails, speeches, evidence lists (stop 28, written at its start)
    "styles13_tune": Path(__file__).resolve().parent / "data" / "styles13_tune.jsonl",
    "styles13_hold": Path(__file__).resolve().parent / "data" / "styles13_hold.jsonl",
    # a fourteenth: patrol, traffic, pursuits, crises told by many writers (veterans, rookies,
    # non-native speakers, dispatchers, spouses, trainers; Q&A, radio, second person) (stop 28)
    "styles14_tune": Path(__file__).resolve().parent / "data" / "styles14_tune.jsonl",
    "styles14_hold": Path(__file__).resolve().parent / "data" / "styles14_hold.jsonl",
    # a fifteenth: small and far-flung departments, railroad, marine, probation; web forms,
    # SMS notes, essays, timelines, quoted e-mail threads, Q/A, CAD printouts (stop 28, near its end)
    "styles15_tune": Path(__file__).resolve().parent / "data" / "styles15_tune.jsonl",
    "styles15_hold": Path(__file__).resolve().parent / "data" / "styles15_hold.jsonl",
    # a sixteenth: ordinary near-miss narratives as officers type them into the app, in every
    # region and register, with names from everywhere and local nicknames for places (stop 29)
    "styles16_tune": Path(__file__).resolve().parent / "data" / "styles16_tune.jsonl",
    "styles16_hold": Path(__file__).resolve().parent / "data" / "styles16_hold.jsonl",
    # a seventeenth: ALL-CAPS RMS exports, lower-case app posts, tribal, transit, federal,
    # marine and military settings (stop 29)
    "styles17_tune": Path(__file__).resolve().parent / "data" / "styles17_tune.jsonl",
    "styles17_hold": Path(__file__).resolve().parent / "data" / "styles17_hold.jsonl",
    # an eighteenth: first-person reports with their lessons, sheriffs and counties (the county
    # as the agency, nicknames, speakers), app posts and formal memos (stop 30, at its start)
    "styles18_tune": Path(__file__).resolve().parent / "data" / "styles18_tune.jsonl",
    "styles18_hold": Path(__file__).resolve().parent / "data" / "styles18_hold.jsonl",
    # a nineteenth: ALL-CAPS RMS and CAD, rural and small towns, tribal, Alaska, Hawaii and the
    # territories, radio, body-camera and chat transcripts (stop 30, at its start)
    "styles19_tune": Path(__file__).resolve().parent / "data" / "styles19_tune.jsonl",
    "styles19_hold": Path(__file__).resolve().parent / "data" / "styles19_hold.jsonl",
    # a twentieth: ordinary near-miss narratives as officers submit them, every kind of call,
    # region and agency, identifiers dropped the way writers drop them (stop 30, in its middle)
    "styles20_tune": Path(__file__).resolve().parent / "data" / "styles20_tune.jsonl",
    "styles20_hold": Path(__file__).resolve().parent / "data" / "styles20_hold.jsonl",
    # a twenty-first: lower-case app posts, ALL-CAPS record exports, rural, tribal, transit and
    # federal settings, names from everywhere written many ways (stop 30, in its middle)
    "styles21_tune": Path(__file__).resolve().parent / "data" / "styles21_tune.jsonl",
    "styles21_hold": Path(__file__).resolve().parent / "data" / "styles21_hold.jsonl",
    # a twenty-second: peer reviews and lessons learned, dictation and speech-to-text, places,
    # people and K9s named with everyday words, records and forms of many shapes (stop 31)
    "styles22_tune": Path(__file__).resolve().parent / "data" / "styles22_tune.jsonl",
    "styles22_hold": Path(__file__).resolve().parent / "data" / "styles22_hold.jsonl",
    # a twenty-third: officers' own web-form submissions, regional voices (Appalachia, the
    # border, Puerto Rico, Guam, Alaska, Hawaii, parishes, reservations), message threads with
    # handles and signatures, radio and CAD with call signs of every shape (stop 31, at its start)
    "styles23_tune": Path(__file__).resolve().parent / "data" / "styles23_tune.jsonl",
    "styles23_hold": Path(__file__).resolve().parent / "data" / "styles23_hold.jsonl",
    # a twenty-fourth: the program's own write-ups and memos, narratives crowded with people
    # named every way, number-heavy records, place-heavy narratives (stop 32, at its start)
    "styles24_tune": Path(__file__).resolve().parent / "data" / "styles24_tune.jsonl",
    "styles24_hold": Path(__file__).resolve().parent / "data" / "styles24_hold.jsonl",
    # a twenty-fifth: officers' social-media and forum posts, spoken accounts written down
    # (debriefs, oral histories), old-style typed forms, specialised units (stop 32, at its start)
    "styles25_tune": Path(__file__).resolve().parent / "data" / "styles25_tune.jsonl",
    "styles25_hold": Path(__file__).resolve().parent / "data" / "styles25_hold.jsonl",
    # a twenty-sixth: rural, tribal and territorial agencies in their app's words, supervisors'
    # after-action reviews, CAD logs and radio, e-mails and memos between agencies (stop 33)
    "styles26_tune": Path(__file__).resolve().parent / "data" / "styles26_tune.jsonl",
    "styles26_hold": Path(__file__).resolve().parent / "data" / "styles26_hold.jsonl",
    # a twenty-seventh: officers writing in a second language, voice-to-text with its errors,
    # academy and field-training papers, press releases and court testimony (stop 33)
    "styles27_tune": Path(__file__).resolve().parent / "data" / "styles27_tune.jsonl",
    "styles27_hold": Path(__file__).resolve().parent / "data" / "styles27_hold.jsonl",
    # a twenty-eighth: award citations and memorials, harbor, airport, railroad, campus, transit and
    # federal-land police, incident-command logs, body-camera transcripts (stop 34)
    "styles28_tune": Path(__file__).resolve().parent / "data" / "styles28_tune.jsonl",
    "styles28_hold": Path(__file__).resolve().parent / "data" / "styles28_hold.jsonl",
    # a twenty-ninth: e-mail threads with signatures, scanned forms with OCR damage, the Mountain
    # West and the Pacific Northwest, shift logs and a text-message tip line (stop 34)
    "styles29_tune": Path(__file__).resolve().parent / "data" / "styles29_tune.jsonl",
    "styles29_hold": Path(__file__).resolve().parent / "data" / "styles29_hold.jsonl",
    "styles30_tune": Path(__file__).resolve().parent / "data" / "styles30_tune.jsonl",
    "styles30_hold": Path(__file__).resolve().parent / "data" / "styles30_hold.jsonl",
    "styles31_tune": Path(__file__).resolve().parent / "data" / "styles31_tune.jsonl",
    "styles31_hold": Path(__file__).resolve().parent / "data" / "styles31_hold.jsonl",
    "styles32_tune": Path(__file__).resolve().parent / "data" / "styles32_tune.jsonl",
    "styles32_hold": Path(__file__).resolve().parent / "data" / "styles32_hold.jsonl",
    "styles33_tune": Path(__file__).resolve().parent / "data" / "styles33_tune.jsonl",
    "styles33_hold": Path(__file__).resolve().parent / "data" / "styles33_hold.jsonl",
    "styles34_tune": Path(__file__).resolve().parent / "data" / "styles34_tune.jsonl",
    "styles34_hold": Path(__file__).resolve().parent / "data" / "styles34_hold.jsonl",
    "styles35_tune": Path(__file__).resolve().parent / "data" / "styles35_tune.jsonl",
    "styles35_hold": Path(__file__).resolve().parent / "data" / "styles35_hold.jsonl",
    "styles36_tune": Path(__file__).resolve().parent / "data" / "styles36_tune.jsonl",
    "styles36_hold": Path(__file__).resolve().parent / "data" / "styles36_hold.jsonl",
    "styles37_tune": Path(__file__).resolve().parent / "data" / "styles37_tune.jsonl",
    "styles37_hold": Path(__file__).resolve().parent / "data" / "styles37_hold.jsonl",
    "styles38_tune": Path(__file__).resolve().parent / "data" / "styles38_tune.jsonl",
    "styles38_hold": Path(__file__).resolve().parent / "data" / "styles38_hold.jsonl",
    "styles39_tune": Path(__file__).resolve().parent / "data" / "styles39_tune.jsonl",
    "styles39_hold": Path(__file__).resolve().parent / "data" / "styles39_hold.jsonl",
    "styles40_tune": Path(__file__).resolve().parent / "data" / "styles40_tune.jsonl",
    "styles40_hold": Path(__file__).resolve().parent / "data" / "styles40_hold.jsonl",
    "styles41_tune": Path(__file__).resolve().parent / "data" / "styles41_tune.jsonl",
    "styles41_hold": Path(__file__).resolve().parent / "data" / "styles41_hold.jsonl",
    "styles42_tune": Path(__file__).resolve().parent / "data" / "styles42_tune.jsonl",
    "styles42_hold": Path(__file__).resolve().parent / "data" / "styles42_hold.jsonl",
    "styles43_tune": Path(__file__).resolve().parent / "data" / "styles43_tune.jsonl",
    "styles43_hold": Path(__file__).resolve().parent / "data" / "styles43_hold.jsonl",
    "styles44_tune": Path(__file__).resolve().parent / "data" / "styles44_tune.jsonl",
    "styles44_hold": Path(__file__).resolve().parent / "data" / "styles44_hold.jsonl",
    "styles45_tune": Path(__file__).resolve().parent / "data" / "styles45_tune.jsonl",
    "styles45_hold": Path(__file__).resolve().parent / "data" / "styles45_hold.jsonl",
    "styles46_tune": Path(__file__).resolve().parent / "data" / "styles46_tune.jsonl",
    "styles46_hold": Path(__file__).resolve().parent / "data" / "styles46_hold.jsonl",
    "styles47_tune": Path(__file__).resolve().parent / "data" / "styles47_tune.jsonl",
    "styles47_hold": Path(__file__).resolve().parent / "data" / "styles47_hold.jsonl",
    # a forty-eighth: hazmat, labs and bomb squads; the big Great Lakes cities; hospitals and
    # health care; sovereign-citizen and pseudo-legal encounters (stop 44, at its start)
    "styles48_tune": Path(__file__).resolve().parent / "data" / "styles48_tune.jsonl",
    "styles48_hold": Path(__file__).resolve().parent / "data" / "styles48_hold.jsonl",
    # a forty-ninth: search and rescue in the backcountry; Las Vegas, Phoenix and Los Angeles
    # sprawl; auto theft, pawn and property crimes; retired officers' oral histories (stop 44)
    "styles49_tune": Path(__file__).resolve().parent / "data" / "styles49_tune.jsonl",
    "styles49_hold": Path(__file__).resolve().parent / "data" / "styles49_hold.jsonl",
    # a fiftieth: death investigations and notifications; the Pacific Northwest cities and crowds;
    # officers' online posts; military installations and their neighbours (stop 45, at its start)
    "styles50_tune": Path(__file__).resolve().parent / "data" / "styles50_tune.jsonl",
    "styles50_hold": Path(__file__).resolve().parent / "data" / "styles50_hold.jsonl",
    # a fifty-first: cybercrime and digital evidence; Colorado, Utah and the Front Range; robbery
    # and armed encounters; animal calls (stop 45, at its start)
    "styles51_tune": Path(__file__).resolve().parent / "data" / "styles51_tune.jsonl",
    "styles51_hold": Path(__file__).resolve().parent / "data" / "styles51_hold.jsonl",
    # a fifty-second: financial crimes and elder exploitation; Washington DC and the federal enclaves;
    # disaster deployments; interpreter-mediated interviews (stop 46, at its start)
    "styles52_tune": Path(__file__).resolve().parent / "data" / "styles52_tune.jsonl",
    "styles52_hold": Path(__file__).resolve().parent / "data" / "styles52_hold.jsonl",
    # a fifty-third: motor units, parades and motorcades; the Ozarks and the lower Midwest river
    # country; teletype and mainframe printouts; workers beside police (stop 46, at its start)
    "styles53_tune": Path(__file__).resolve().parent / "data" / "styles53_tune.jsonl",
    "styles53_hold": Path(__file__).resolve().parent / "data" / "styles53_hold.jsonl",
    # a fifty-fourth: oil and gas country; livestock and agriculture crime; bilingual Vietnamese,
    # Chinese and Korean-English community policing; fleet safety board reviews (stop 46, at its end)
    "styles54_tune": Path(__file__).resolve().parent / "data" / "styles54_tune.jsonl",
    "styles54_hold": Path(__file__).resolve().parent / "data" / "styles54_hold.jsonl",
    # a fifty-fifth: ski resorts and mountain towns; prisoner transport and extradition; body-worn
    # camera and evidence audit logs; snowmobile, ATV and ice patrols (stop 46, at its end)
    "styles55_tune": Path(__file__).resolve().parent / "data" / "styles55_tune.jsonl",
    "styles55_hold": Path(__file__).resolve().parent / "data" / "styles55_hold.jsonl",
    # a fifty-sixth: election-day and polling place security; human trafficking and illicit massage
    # investigations; "sovereign citizen" encounters; retail loss prevention (stop 47, at its start)
    "styles56_tune": Path(__file__).resolve().parent / "data" / "styles56_tune.jsonl",
    "styles56_hold": Path(__file__).resolve().parent / "data" / "styles56_hold.jsonl",
    # a fifty-seventh: wildland fire evacuations; school buses; utility and telecom crews; night
    # markets, street vendors and food trucks (stop 47, at its start)
    "styles57_tune": Path(__file__).resolve().parent / "data" / "styles57_tune.jsonl",
    "styles57_hold": Path(__file__).resolve().parent / "data" / "styles57_hold.jsonl",
    # a fifty-eighth: ports, marinas and harbor patrol; tow yards, repossessions and impounds;
    # warrant service and fugitive task forces; highway work zones (stop 48, at its start)
    "styles58_tune": Path(__file__).resolve().parent / "data" / "styles58_tune.jsonl",
    "styles58_hold": Path(__file__).resolve().parent / "data" / "styles58_hold.jsonl",
    # a fifty-ninth: stadiums, arenas and concerts; Indian Country and cross-deputized work;
    # apartment complexes and property management; rideshare and delivery workers (stop 48, at its start)
    "styles59_tune": Path(__file__).resolve().parent / "data" / "styles59_tune.jsonl",
    "styles59_hold": Path(__file__).resolve().parent / "data" / "styles59_hold.jsonl",
    # a sixtieth: county fairs, rodeos and carnivals; houses of worship, funerals and cemeteries;
    # homeless outreach and encampments; pharmacies and prescription fraud (stop 49, at its start)
    "styles60_tune": Path(__file__).resolve().parent / "data" / "styles60_tune.jsonl",
    "styles60_hold": Path(__file__).resolve().parent / "data" / "styles60_hold.jsonl",
    # a sixty-first: protests, strikes and picket lines; scrap yards and metal theft; hotels, motels
    # and short-term rentals; armored cars, ATMs and cash-in-transit (stop 49, at its start)
    "styles61_tune": Path(__file__).resolve().parent / "data" / "styles61_tune.jsonl",
    "styles61_hold": Path(__file__).resolve().parent / "data" / "styles61_hold.jsonl",
    # a sixty-second: animal control and exotic animals; licensed cannabis and illegal grows;
    # sex-offender registry checks and supervision visits; racetracks and speedways (stop 50, at its start)
    "styles62_tune": Path(__file__).resolve().parent / "data" / "styles62_tune.jsonl",
    "styles62_hold": Path(__file__).resolve().parent / "data" / "styles62_hold.jsonl",
    # a sixty-third: evictions and civil standbys; libraries, gyms and other quiet public places;
    # group homes, foster and nursing care; auctions, pawn shops and the lottery (stop 50, at its start)
    "styles63_tune": Path(__file__).resolve().parent / "data" / "styles63_tune.jsonl",
    "styles63_hold": Path(__file__).resolve().parent / "data" / "styles63_hold.jsonl",
    # a sixty-fourth: golf courses and country clubs; weddings and event venues; pools, beaches and
    # water parks; construction sites and equipment theft (stop 51, at its start)
    "styles64_tune": Path(__file__).resolve().parent / "data" / "styles64_tune.jsonl",
    "styles64_hold": Path(__file__).resolve().parent / "data" / "styles64_hold.jsonl",
    # a sixty-fifth: storms, outages and utility crews; marathons, road races and rides; car
    # washes, laundromats, barbers and nail salons; veterinary, dental and other small practices
    # (stop 51, at its start)
    "styles65_tune": Path(__file__).resolve().parent / "data" / "styles65_tune.jsonl",
    "styles65_hold": Path(__file__).resolve().parent / "data" / "styles65_hold.jsonl",
    # a sixty-sixth: film and TV shoots; cruise terminals, ferries and ports; ski patrol and
    # avalanche work; refineries, chemical plants and industrial fires (stop 52, at its start)
    "styles66_tune": Path(__file__).resolve().parent / "data" / "styles66_tune.jsonl",
    "styles66_hold": Path(__file__).resolve().parent / "data" / "styles66_hold.jsonl",
    # a sixty-seventh: tattoo and piercing studios; bowling, skating and family entertainment
    # centers; youth sports leagues; court bailiffs, jury services and courthouse security (stop 52)
    "styles67_tune": Path(__file__).resolve().parent / "data" / "styles67_tune.jsonl",
    "styles67_hold": Path(__file__).resolve().parent / "data" / "styles67_hold.jsonl",
    # a sixty-eighth: casino cages and surveillance rooms; rideshare and delivery drivers; hunting
    # camps, outfitters and guides; mines, quarries and gravel pits (stop 53, at its start)
    "styles68_tune": Path(__file__).resolve().parent / "data" / "styles68_tune.jsonl",
    "styles68_hold": Path(__file__).resolve().parent / "data" / "styles68_hold.jsonl",
    # a sixty-ninth: campus Greek life and student housing; drive-ins, swap meets and flea markets;
    # dialysis clinics, blood banks and plasma centers; county fairs, rodeos and livestock auctions
    # (stop 53, at its start)
    "styles69_tune": Path(__file__).resolve().parent / "data" / "styles69_tune.jsonl",
    "styles69_hold": Path(__file__).resolve().parent / "data" / "styles69_hold.jsonl",
    "external": EXTERNAL,
}
