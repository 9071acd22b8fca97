"""The yardstick corpora written in other styles (tests/detect/data/styles*): each is built
from its marked-up source, and recall, per-label recall, precision and label accuracy must
not fall below the level reached.

- styles3: dispatcher logs, CAD notes, court testimony, long forum posts, maritime, border,
  campus, airport and corrections settings, names of many origins. "styles3_hold" was
  written before any tuning and never tuned on; only its totals were looked at.
- styles4: game-warden and ranger logs, school-resource e-mails, body-camera and 911
  transcripts, text threads, hospital and transit security, union newsletters, village and
  tribal public safety, teletype and CAD in capitals, lower-case posts, towns named with
  everyday words. "styles4_hold" was written before its round's tuning, never tuned on.
- styles5 (held out entirely): court security and bailiffs, harbor, ferry and airport-ramp
  police, corrections transport, pursuit reviews, peer support, reports translated from nine
  languages, Puerto Rico, Guam and the Virgin Islands, UK and Canadian terms, dictation
  without punctuation, OCR scans, legal-pad notes, CAD dumps, e-mails with signatures, group
  texts, teletype, lower-case posts. Written and annotated before the detector ever ran on
  it, by someone who never saw its output; never tuned on, only its totals looked at; the
  police NER never read it. First measured at 0.921 / 0.890 / 0.896 / 0.904.
- styles6 (tuning): rural deputies, terse city patrol, crash scenes, surveillance logs,
  warrant service, school bus and transit, wildland fire and search and rescue, tribal and
  federal task forces, probation visits, ER security, jail booking, marine, mounted and
  bike units, training ranges, roll-call briefings, app posts, second-language writers.
  Its misses are read to fix kinds; the police NER was not trained on it. First measured at
  0.957 / 0.942 / 0.917 / 0.943.
- styles7, two parts written by someone who never ran the detector nor read its source:
  campus, railroad, hospital and military police, park rangers and game wardens, school
  resource officers, Alaska, Hawaii and the rural Mountain West, transit, dispatch and
  body-cam transcripts, memos, academy incidents, disaster deployments, crowd control,
  court transport, radio shorthand, CAD/RMS exports with pipes and key=value fields, text
  threads, all lower or all upper case, OCR noise, speech-to-text. The tuning part's misses
  are read; the held-out part's totals only. First measured (end of stop 24) tune 0.919 /
  0.879 / 0.927 / 0.891, hold 0.898 / 0.810 / 0.921 / 0.900.
- styles8, two parts written the same way (stop 26): airport, harbor and border police,
  Puerto Rico and bilingual narratives, probation, process servers, warrant teams, bailiffs,
  jail booking, co-responders, task forces, wildfire and ice-storm deployments, search and
  rescue; e-mails with signature blocks, forms with labeled fields, Q&A transcripts,
  military-style after-action reports, podcasts, forum posts, voice notes; names in
  "Last, First M." order and surname first, identifiers of many shapes (VINs, NCIC and OCA
  numbers, licences, IPv6, tail and hull numbers). First measured (end of stop 25) tune
  0.931 / 0.885 / 0.913 / 0.913, hold 0.952 / 0.882 / 0.932 / 0.933.
- styles9, two parts written the same way (stop 26, after most of that round's work): writers
  of many ages and regions, present tense and second person, run-on and numbered lessons,
  everyday calls (traffic stops, fairs, rodeos, truck stops, river access), names that look
  like places and places that look like names, businesses named for their owners, the same
  person named several ways. First measured with the tree of the end of stop 25: tune
  0.956 / 0.938 / 0.943 / 0.937, hold 0.974 / 0.948 / 0.952 / 0.950.
- styles10, two parts written the same way (stop 27, before that round's work): names of many
  origins, first name or surname only, nicknames without quotes or cue, call signs spoken as
  numbers, places by local nickname, bars and shops by name alone, hospitals by bare name,
  named trains, parades and festivals, holidays of many faiths; CAD and RMS exports,
  after-action reports, testimony, body-camera, radio and peer-support transcripts, e-mail
  chains. First measured with the tree of the end of stop 26: tune 0.957 / 0.937 / 0.928 /
  0.937, hold 0.931 / 0.859 / 0.887 / 0.921.
- styles11, two parts written the same way (stop 27, in the middle of that round's work):
  addresses and places in every shape (blocks, intersections with "x", "&" and "/", units,
  lots, rural routes, store numbers, towns named with everyday words), call signs and unit
  numbers in the narrative, agencies of many states written many ways, CAD notes, teletype
  in capitals, lower-case texting, typos and OCR noise. First measured with the tree of the
  end of stop 26: tune 0.965 / 0.952 / 0.912 / 0.909, hold 0.955 / 0.927 / 0.913 / 0.912.
- styles12, two parts written the same way (stop 27, late in that round's work): near-miss
  forms with numbered questions, veterans' reflective stories, depositions and inquests,
  podcasts and webinars, partners' text threads, bilingual notes (Spanish, Vietnamese,
  Somali), news datelines, academy case studies. First measured with the tree of the end of
  stop 26: tune 0.967 / 0.951 / 0.880 / 0.949, hold 0.980 / 0.957 / 0.855 / 0.940.
- styles13, two parts written the same way (stop 28, at its start): corrections officers,
  court security, campus, airport and harbour police, game wardens and rangers, school
  resource officers, transit police; use-of-force forms, memos, journals, voicemails, union
  columns, speeches, evidence lists, jail logs in capitals; names of many origins, inmates by
  surname, initials. First measured with the tree of the end of stop 27 (recall / precision /
  label accuracy): tune 0.947 / 0.865 / 0.954, hold 0.960 / 0.888 / 0.937.
- styles14, two parts written the same way (stop 28, at its start): patrol, traffic, pursuits,
  K9, crisis calls, rural and tribal, told by veterans, rookies, second-language writers,
  sergeants, dispatchers, trainers, spouses; Q&A and radio transcripts, second person. First
  measured with the tree of the end of stop 27: tune 0.958 / 0.929 / 0.980, hold 0.967 /
  0.947 / 0.962.
- styles15, two parts written the same way (stop 28, near its end, after most of its work): small
  and far-flung departments, railroad, marine, probation; web forms, SMS notes, essays,
  timelines, quoted e-mail threads, Q/A, CAD printouts. First measured with the tree of the
  end of stop 27: tune 0.951 / 0.863 / 0.937, hold 0.954 / 0.870 / 0.927; with the tree it
  was written for (before its misses were read): tune 0.951 / 0.875 / 0.938, hold 0.954 /
  0.877 / 0.928.
- styles16, two parts written the same way (stop 29, at its start): ordinary near-miss
  narratives as officers type them into the app, from every region and register (run-on
  texting to formal reports), names from everywhere, local nicknames for areas, lower-case
  agencies and businesses. First measured with the tree of the end of stop 28: tune
  0.980 / 0.962 / 0.955, hold 0.981 / 0.956 / 0.973.
- styles17, two parts written the same way (stop 29, at its start): ALL-CAPS RMS exports with
  "LAST, FIRST M" names, lower-case app posts, tribal, Alaska, transit, federal, marine and
  military settings. First measured with the tree of the end of stop 28: tune 0.936 / 0.874 /
  0.933, hold 0.955 / 0.903 / 0.923; after this stop's first commit, before its misses were
  read: hold 0.955 / 0.903 / 0.925.
- styles18, two parts written the same way (stop 30, at its start): first-person reports with
  their lessons, sheriffs and counties (the county named for its sheriff, nicknames, radio
  speakers), app posts, formal memos and e-mails; transit, housing, campus and airport police.
  First measured with the tree of the end of stop 29: tune 0.942 / 0.956 / 0.969, hold 0.952 /
  0.964 / 0.949.
- styles19, two parts written the same way (stop 30, at its start): ALL-CAPS RMS and CAD
  exports, rural and small-town settings in every region, tribal, Alaska, Hawaii and the
  territories, radio, body-camera and chat transcripts (numbers and names read aloud). First
  measured with the tree of the end of stop 29: tune 0.922 / 0.928 / 0.970, hold 0.928 /
  0.913 / 0.949.
- styles20, two parts written the same way (stop 30, in its middle): ordinary near-miss
  narratives as officers submit them, every kind of call, region and agency, identifiers dropped
  the way writers drop them. First measured with the tree of the end of stop 29: tune 0.988 /
  0.960 / 0.962, hold 0.989 / 0.963 / 0.974; with the tree it arrived at (before its misses were
  read): tune 0.995 / 0.961 / 0.978, hold 0.992 / 0.963 / 0.974.
- styles21, two parts written the same way (stop 30, in its middle): lower-case app posts,
  ALL-CAPS record exports, rural, tribal, transit and federal settings, names from everywhere
  written many ways. First measured with the tree of the end of stop 29: tune 0.982 / 0.936 /
  0.975, hold 0.957 / 0.925 / 0.953; with the tree it arrived at: tune 0.984 / 0.943 / 0.976,
  hold 0.964 / 0.932 / 0.957.
- styles22, two parts written the same way (stop 31, at its start): peer reviews and lessons
  learned about an officer's near miss, dictation and speech-to-text, places, people and K9s
  named with everyday words, records and forms of many shapes. First measured with the tree of
  the end of stop 30: tune 0.932 / 0.921 / 0.957, hold 0.890 / 0.928 / 0.956.
- styles23, two parts written the same way (stop 31, at its start): officers' own web-form
  submissions, regional voices (Appalachia, the border, Puerto Rico, Guam, Alaska, Hawaii,
  parishes, reservations), message threads with handles and signature blocks, radio and CAD
  with call signs of every shape. First measured with the tree of the end of stop 30: tune
  0.927 / 0.932 / 0.952, hold 0.971 / 0.949 / 0.955.
- styles24, two parts written the same way (stop 32, at its start): the program's own staff
  write-ups, briefings and memos, narratives crowded with people named every way (particles,
  initials, suffixes, names that are everyday words), number-heavy records (warrants, licences,
  VINs, hulls, tails, dates in every form), place-heavy narratives (complexes, lots, exits,
  intersections written every way, rural directions). First measured with the tree of the end
  of stop 31: tune 0.982 / 0.949 / 0.973, hold 0.958 / 0.926 / 0.973.
- styles25, two parts written the same way (stop 32, at its start): officers' social-media and
  forum posts (lower case, slang, typos, handles, hashtags), spoken accounts written down
  (peer-support debriefs in Q/A, oral histories), old-style typed reports and booking, tow and
  impound sheets, specialised units (marine, aviation, mounted, bomb squad, K9, casinos, parks,
  railroads). First measured with the tree of the end of stop 31: tune 0.953 / 0.902 / 0.956,
  hold 0.956 / 0.904 / 0.960.
- styles26, two parts written the same way (stop 33, in the middle of its work): rural, tribal
  and territorial agencies in their app's words (Alaska, Guam, the Navajo Nation, Appalachia,
  the Great Plains, the border, Puerto Rico), supervisors' after-action reviews, CAD logs and
  radio transcripts, e-mails and memos between agencies. First measured with the tree it was
  written beside (before its misses were read): tune 0.957 / 0.913 / 0.928, hold 0.955 /
  0.918 / 0.923; with the tree of the end of stop 32: tune 0.956 / 0.913 / 0.928, hold
  0.954 / 0.918 / 0.922.
- styles27, two parts written the same way (stop 33, in the middle of its work): officers
  writing in a second language, voice-to-text dictation with its errors (spoken punctuation,
  numbers and dates in words, names spelled out), academy and field-training papers, press
  releases and court testimony. First measured with the tree of the end of stop 32 (and the
  same with the tree it was written beside): tune 0.916 / 0.901 / 0.943, hold 0.951 / 0.903 /
  0.947.
- styles28, two parts written the same way (stop 34, at its start): award citations, medal
  nominations and memorials, harbor, airport, railroad, campus, transit and federal-land police,
  incident-command (ICS-214) logs, body-camera and dash-camera transcripts. First measured with
  the tree of the end of stop 33 (and the same with the tree it was written beside): tune
  0.937 / 0.913 / 0.942, hold 0.957 / 0.920 / 0.952.
- styles29, two parts written the same way (stop 34, at its start): e-mail threads with
  signatures, scanned paper forms with OCR damage, the Mountain West and the Pacific Northwest,
  shift supervisors' logs and a text-message tip line. First measured with the tree of the end
  of stop 33: tune 0.941 / 0.908 / 0.919, hold 0.936 / 0.892 / 0.921.
- styles30, two parts written the same way (stop 35, at its start): legal paperwork (affidavits,
  warrant returns, deposition and grand-jury transcripts), machine exports (CAD JSON, XML, CSV,
  key=value logs, NCIC returns), injury and claim paperwork, multi-agency task-force
  after-actions. First measured with the tree of the end of stop 34: tune 0.945 / 0.904 /
  0.927, hold 0.927 / 0.887 / 0.942.
- styles31, two parts written the same way (stop 35, at its start): 911 calls and radio traffic
  with numbers and plates said in words, field-training and academy paperwork, lists and tables
  (markdown, tab- and pipe-separated), New England, the Great Lakes, the Gulf Coast, the Virgin
  Islands and American Samoa, retired officers looking back. First measured with the tree of
  the end of stop 34: tune 0.932 / 0.930 / 0.928, hold 0.891 / 0.923 / 0.945.
- styles32, two parts written the same way (stop 36, at its start): officers' own web-form
  narratives of every kind of call, the Southwest and the Mountain West (Navajo Nation and Tohono
  O'odham police, chapter houses, Indian Routes, border checkpoints), supervisors' and review
  boards' write-ups with attendee lists, phone-typed posts in lower case with dropped letters.
  First measured with the tree of the end of stop 35: tune 0.967 / 0.934 / 0.963, hold 0.968 /
  0.934 / 0.965.
- styles33, two parts written the same way (stop 36, at its start): ALL-CAPS RMS and CAD records
  with their shorthand and surname-first names, federal, transit, tribal and special-jurisdiction
  police, the Southeast and the Mid-Atlantic, crash-reconstruction and commercial-vehicle reports
  (carriers, tow firms, USDOT numbers, plates of many states). First measured with the tree of the
  end of stop 35: tune 0.943 / 0.912 / 0.933, hold 0.937 / 0.908 / 0.925.
- styles34, two parts written the same way (stop 37, at its start): sworn statements and
  deposition transcripts (Q./A., exhibits, courts and attorneys), Alaska, Hawaii and the Pacific
  Northwest (village public safety officers, boroughs, harbours, float planes), academy and
  field-training debriefs with numbered findings, speech-to-text voicemails and dictation with
  numbers in words and misheard words. First measured with the tree of the end of stop 36: tune
  0.910 / 0.909 / 0.930, hold 0.940 / 0.920 / 0.925.
- styles35, two parts written the same way (stop 37, at its start): rural Midwest and Great
  Plains sheriffs (section roads, elevators, co-ops), New England and New York (barracks, town
  police, rotaries), e-mail threads with headers, quoted replies and signature blocks, table and
  spreadsheet exports (pipe- and comma-separated rows, key: value dumps, N/A cells). First
  measured with the tree of the end of stop 36: tune 0.985 / 0.953 / 0.958, hold 0.959 / 0.949 /
  0.961.
- styles36, two parts written the same way (stop 38, at its start): corrections, jails and
  courthouse security (booking and inmate numbers, pods, sally ports, transports), the Gulf Coast
  and the Southeast (parishes, bayous, causeways, hurricanes, Gullah, Cajun and Haitian Creole
  names), public statements (press releases, news and broadcast transcripts), chat exports
  (WhatsApp, Signal, Teams, KakaoTalk, group texts with time stamps and display names). First
  measured with the tree of the end of stop 37: tune 0.944 / 0.935 / 0.966, hold 0.981 / 0.941 /
  0.948.
- styles37, two parts written the same way (stop 38, at its start): big-city detective and patrol
  bureaus (precincts, squads, areas, housing developments, DD5-style follow-ups), off-duty and
  travel near misses (airports, hotels, rentals, parks), fleet and insurance paperwork (claims,
  policies, tow logs, estimates, fixed-width exports), handwritten notebooks transcribed (arrows,
  strike-outs, half-written names). First measured with the tree of the end of stop 37: tune
  0.944 / 0.933 / 0.951, hold 0.923 / 0.921 / 0.926.
- styles38, two parts written the same way (stop 39, at its start): incident command and joint
  operations with fire and EMS (ICS forms, unified command, hazmat, derailments, evacuations), the
  Mid-Atlantic and the Rust Belt (boroughs, townships, turnpikes, mills), slide decks and training
  material pasted as text (bullets, speaker notes, quizzes, markdown tables), personal writing
  (journals, a memoir, letters, a eulogy). First measured with the tree of the end of stop 38:
  tune 0.958 / 0.917 / 0.950, hold 0.963 / 0.887 / 0.931.
- styles39, two parts written the same way (stop 39, at its start): California and the Central
  Valley (CHP areas, freeways by number, postmiles), campus, school and youth settings, structured
  text (HTML, markdown, YAML and INI blocks, tab-separated rows, form letters, ISO time stamps),
  Florida, Georgia and the Carolinas (beach towns, hurricanes, marinas, Gullah and Seminole). First
  measured with the tree of the end of stop 38: tune 0.952 / 0.933 / 0.943, hold 0.951 / 0.935 /
  0.954.
- styles40, two parts written the same way (stop 40, at its start): the Upper Midwest and the Great
  Lakes in winter (snowmobile trails, ice roads, township and lettered county roads, reservations),
  news reporting (datelines, quotes, press releases, police blotters, bylines), shift-change
  handover notes and sergeants' logs, Texas and Oklahoma (DPS, constables, Lighthorse, FM and
  section-line roads, leases, ranch brands). First measured with the tree of the end of stop 39:
  tune 0.951 / 0.931 / 0.946, hold 0.962 / 0.946 / 0.937.
- styles41, two parts written the same way (stop 40, at its start): New England and New York State
  (barracks and troops, rotaries, town greens, ferries), Hawaii, Alaska and the Pacific (okinas,
  villages, troopers' posts, tail numbers, Chamorro and Samoan names), grant and quarterly
  performance reports (project and award numbers, performance measures, fiscal quarters), the
  Plains and Midwest farm country (section-line roads, elevators, sale barns, Amish communities).
  First measured with the tree of the end of stop 39: tune 0.959 / 0.938 / 0.941, hold 0.969 /
  0.951 / 0.932.
- styles42, two parts written the same way (stop 41, at its start): school resource officers and
  campus police (residence halls, student and staff numbers, threat-assessment notes), Appalachia
  and the Ohio Valley (hollers, coal camps, haul roads, fractional county routes), chat and
  text-message transcripts (SMS threads, Teams and Slack channels, MDT car-to-car messages),
  conservation officers, game wardens and park rangers (hunting units, licence and tag numbers,
  boat registrations, trailheads). First measured with the tree of the end of stop 40: tune 0.965
  / 0.950 / 0.956, hold 0.970 / 0.941 / 0.953.
- styles43, two parts written the same way (stop 41, at its start): crash reconstruction and
  commercial-vehicle enforcement (unit tables, USDOT and MC numbers, weigh stations, work zones),
  Canada and the northern border (RCMP detachments, the Sûreté du Québec, ports of entry, postal
  codes, concessions and rangs), risk-management and safety paperwork (risk-pool and
  workers'-compensation claims, OSHA-style forms, safety-committee minutes), the Deep South and
  the Mid-South (the Delta, the Black Belt, the Lowcountry, catfish ponds, levees, family
  nicknames). First measured with the tree of the end of stop 40: tune 0.934 / 0.924 / 0.908, hold
  0.941 / 0.922 / 0.921.
- styles44, two parts written the same way (stop 42, at its start): narcotics, vice and task-force
  work (wiretap line sheets, informants by number, payment handles, evidence numbers), Texas and
  Oklahoma (DPS, constables, FM and ranch roads, oilfield leases, tribal police), awards,
  commendations and memorials, Puerto Rico, the Virgin Islands and reports in Spanish
  (municipios, barrios, urbanizaciones, carreteras with kilometres, double surnames). First
  measured with the tree of the end of stop 41: tune 0.951 / 0.854 / 0.935, hold 0.958 / 0.900 /
  0.943.
- styles45, two parts written the same way (stop 42, at its start): mental-health and crisis
  co-responder calls (detention petitions, emergency rooms, case managers, group homes), the
  northern Rockies and the Great Basin (Forest Service roads, BLM allotments, reservations,
  Hutterite colonies), briefing and training documents (bullets, Markdown, pipe tables,
  tab-separated rows, checklists), private security and special events (venues, gates, sections,
  loss prevention, casinos). First measured with the tree of the end of stop 41: tune 0.957 /
  0.940 / 0.939, hold 0.965 / 0.940 / 0.948.
- styles46, two parts written the same way (stop 43, at its start): domestic-violence and family
  calls (protective orders and their dockets, advocates and shelters, custody exchanges), New
  Mexico, Arizona and the southern border (Border Patrol stations, ports of entry, colonias,
  pueblos and their police), internal-affairs and professional-standards paperwork (IA and PSU
  case numbers, Garrity notices, unions, body-camera serials), air and water units (tail
  numbers, airports, marinas, buoys, vessel numbers, dive logs). First measured with the tree of
  the end of stop 42: tune 0.943 / 0.934 / 0.938, hold 0.958 / 0.927 / 0.942.
- styles47, two parts written the same way (stop 43, at its start): mass transit and railroads
  (stations, car and run numbers, yards, grade crossings, mileposts), the urban Northeast and
  Mid-Atlantic cities (row houses, corners, districts and posts, crews), peer support,
  chaplaincy and wellness (peer logs, EAP referrals, letters), Guam, the Northern Marianas,
  American Samoa and Pacific Islanders on the mainland (villages, matai titles, island police).
  First measured with the tree of the end of stop 42: tune 0.938 / 0.937 / 0.969, hold 0.946 /
  0.936 / 0.963.
- styles48, two parts written the same way (stop 44, at its start): hazardous materials, drug
  labs and bomb squads (ATF and DEA numbers, robots, decon), the big Great Lakes cities (districts,
  beats, star and RD numbers, expressway nicknames, corner stores by their owners), hospitals
  and health care (MRN and wristband numbers, custody holds, hospital police), sovereign-citizen
  and pseudo-legal encounters (styled names, liens and UCC filings, homemade plates, video
  channels). First measured with the tree of the end of stop 43: tune 0.958 / 0.937 / 0.960,
  hold 0.945 / 0.934 / 0.947.
- styles49, two parts written the same way (stop 44, at its start): search and rescue in the
  backcountry (coordinates in every notation, quads, beacons, team call signs), Las Vegas,
  Phoenix and Los Angeles sprawl (area commands, event numbers, interchanges), auto theft, pawn
  and property crimes (VINs, pawn tickets, trackers, claims), retired officers' oral histories
  (old exchanges, call boxes, defunct places). First measured with the tree of the end of stop
  43: tune 0.942 / 0.931 / 0.935, hold 0.959 / 0.923 / 0.945.
- styles50, two parts written the same way (stop 45, at its start): death investigations (ME and
  coroner numbers, funeral homes, tattoos and effects, next of kin), the Pacific Northwest cities
  and crowds (precincts, skirmish lines, encampments, light rail, ferries and bridges), officers'
  online posts (usernames, quoted replies, handles, fundraisers), military installations (units,
  gates, CID, AFOSI, NCIS, DoD ID numbers). First measured with the tree of the end of stop 44:
  tune 0.965 / 0.952 / 0.949, hold 0.940 / 0.942 / 0.948.
- styles51, two parts written the same way (stop 45, at its start): cybercrime and digital
  evidence (IP and MAC addresses, IMEI and ICCID, gamer tags, provider returns), Colorado, Utah
  and the Front Range (troops and sections, canyons and passes), robbery and armed encounters
  (bank branches, dye packs, BOLOs, FBI numbers), animal calls (impound and tag numbers, brands,
  K9s and horses). First measured with the tree of the end of stop 44: tune 0.961 / 0.960 /
  0.960, hold 0.954 / 0.950 / 0.956.
- styles52, two parts written the same way (stop 46, at its start): financial crimes and elder
  exploitation (account, routing, check and wire numbers, banks, APS), Washington DC and the
  federal enclaves (Capitol and Park Police, the Uniformed Division, embassies, wards), disaster
  deployments (FEMA numbers, strike teams, shelters), interpreter-mediated interviews (interpreter
  IDs, names in Arabic and Ethiopic script, names in many orders). First measured with the tree
  of the end of stop 45: tune 0.948 / 0.932 / 0.942, hold 0.961 / 0.931 / 0.959.
- styles53, two parts written the same way (stop 46, at its start): motor units, parades and
  motorcades, the Ozarks and the lower Midwest river country (lettered routes, low-water
  crossings), teletype and mainframe printouts (NCIC messages, ORIs, compact dates), workers
  beside police (work orders, trips, tracking numbers). First measured with the tree of the end
  of stop 45: tune 0.961 / 0.936 / 0.927, hold 0.953 / 0.936 / 0.952.
- styles54, two parts written the same way (stop 46, at its end): oil and gas country (well pads,
  API numbers, oilfield firms and trucks), livestock and agriculture crime (brands, ear and back
  tags, sale barns, equipment PINs), bilingual Vietnamese, Chinese and Korean-English community
  policing (names, shops and dates in their scripts), fleet safety boards (motion and case
  numbers). First measured with the tree of the end of stop 46: tune 0.932 / 0.946 / 0.933, hold
  0.936 / 0.950 / 0.953.
- styles55, two parts written the same way (stop 46, at its end): ski resorts and mountain towns
  (lifts, runs, patrol numbers, foreign guests), prisoner transport and extradition (vans,
  JPATS, governor's warrants, register numbers), body-worn camera and evidence audit logs (user
  names, evidence IDs, share links), snowmobile, ATV and ice patrols (trails, junctions, shanty
  registrations). First measured with the tree of the end of stop 46: tune 0.957 / 0.951 / 0.955,
  hold 0.952 / 0.929 / 0.948.
- styles56, two parts written the same way (stop 47, at its start): election-day and polling
  place security (precincts, drop boxes, seals, election offices), human trafficking and illicit
  massage investigations (ad IDs, cashtags, motel rooms, task forces), "sovereign citizen"
  encounters (colon names, liens, pseudo-plates), retail loss prevention (store numbers, receipts,
  ORC rings). First measured with the tree of the end of stop 46: tune 0.944 / 0.933 / 0.927, hold
  0.950 / 0.927 / 0.927.
- styles57, two parts written the same way (stop 47, at its start): wildland fire evacuations and
  closures (incident numbers, crews, shelters), school buses (bus, route and stop-arm camera
  numbers), utility and telecom crews (work orders, poles, meters, substations), night markets and
  food trucks (vendor permits, stalls, code offices). First measured with the tree of the end of
  stop 46: tune 0.976 / 0.919 / 0.967, hold 0.980 / 0.923 / 0.933.
- styles58, two parts written the same way (stop 48, at its start): ports, marinas and harbor
  patrol (vessels, hull and documentation numbers, piers, USCG sectors), tow yards, repossessions
  and impounds (stock, release and hold numbers, repo and bail companies), warrant service and
  fugitive task forces (warrants, aliases, stacks, marshals' districts), highway work zones
  (project and permit numbers, attenuator trucks, contractors). First measured with the tree of
  the end of stop 47: tune 0.969 / 0.959 / 0.945, hold 0.972 / 0.955 / 0.942.
- styles59, two parts written the same way (stop 48, at its start): stadiums, arenas and concerts
  (event, ticket and credential numbers, venue call signs), Indian Country and cross-deputized
  work (tribal courts, enrollment numbers, allotments), apartment complexes and property
  management (gate codes, fobs, writs, constables), rideshare and delivery workers (trip and order
  IDs, app names, support tickets). First measured with the tree of the end of stop 47: tune
  0.955 / 0.956 / 0.969, hold 0.958 / 0.952 / 0.968.
- styles60, two parts written the same way (stop 49, at its start): county fairs, rodeos and
  carnivals (ride tags, vendor permits, wristbands, bulls by name and number), houses of worship,
  funerals and cemeteries (congregations in many languages, processions, burial permits), homeless
  outreach and encampments (street names, HMIS IDs, clean-up notices), pharmacies and prescription
  fraud (store, Rx, DEA and NPI numbers). First measured with the tree of the end of stop 48: tune
  0.956 / 0.941 / 0.950, hold 0.958 / 0.940 / 0.942.
- styles61, two parts written the same way (stop 49, at its start): protests, strikes and picket
  lines (union locals, permits, field forces), scrap yards and metal theft (tickets, holds, seller
  IDs, converter serials), hotels, motels and short-term rentals (folios, listings, key-card
  logs), armored cars and ATMs (carriers, routes, terminals, bag seals). First measured with the
  tree of the end of stop 48: tune 0.955 / 0.957 / 0.958, hold 0.952 / 0.936 / 0.950.
- styles62, two parts written the same way (stop 50, at its start): animal control and exotic
  animals (bite reports, rabies tags, microchips, zoos and sanctuaries), licensed cannabis and
  illegal grows (state licences, seed-to-sale tags, regulators), sex-offender registry checks and
  supervision visits (registry numbers, monitoring vendors and devices), racetracks and speedways
  (barns, licences, stewards, horses by name). First measured with the tree of the end of stop 49:
  tune 0.966 / 0.935 / 0.964, hold 0.957 / 0.934 / 0.967.
- styles63, two parts written the same way (stop 50, at its start): evictions and civil standbys
  (writs, constables, mobile-home parks, storage units), quiet public places (libraries, gyms,
  pools, laundromats; card and member numbers), care settings (group homes, foster and nursing
  care; licence and resident numbers, state care bodies), auctions, pawn shops and the lottery
  (lots, bidders, pawn tickets, retailer and claim numbers). First measured with the tree of the
  end of stop 49: tune 0.959 / 0.952 / 0.964, hold 0.962 / 0.922 / 0.961.
- styles64, two parts written the same way (stop 51, at its start): golf courses and country
  clubs (member and cart numbers, tournaments), weddings and event venues (caterers, DJs, limo
  companies, server permits), pools, beaches and water parks (park districts, beach patrols, rescue
  logs), construction sites and equipment theft (lots, PINs and serials, rental firms, permits).
  First measured with the tree of the end of stop 50: tune 0.970 / 0.942 / 0.971, hold 0.973 /
  0.951 / 0.967.
- styles65, two parts written the same way (stop 51, at its start): storms, outages and utility
  crews (pole, transformer and ticket numbers, co-ops and municipal utilities), marathons, road
  races and rides (bibs, chips, course positions), car washes, laundromats, barbers and nail salons
  (shop licences, DVRs), veterinary, dental and other small practices (DEA registrations, patient
  numbers, alarm logs). First measured with the tree of the end of stop 50: tune 0.953 / 0.946 /
  0.964, hold 0.958 / 0.937 / 0.965.
- styles66, two parts written the same way (stop 52, at its start): film and TV shoots (permits,
  call sheets, base camps, production companies), cruise terminals, ferries and ports (ships,
  cabins, booking and crew numbers, port police and the Coast Guard), ski patrol and avalanche work
  (lifts, runs, passes, search and rescue), refineries, chemical plants and industrial fires
  (units, badges, work permits, LEPCs and regulators). First measured with the tree of the end of
  stop 51: tune 0.938 / 0.944 / 0.947, hold 0.965 / 0.934 / 0.940.
- styles67, two parts written the same way (stop 52, at its start): tattoo and piercing studios
  (body-art licences, consent forms), bowling alleys, skating rinks and family entertainment
  centers (leagues, game cards, bookings), youth sports leagues and tournaments (referee and coach
  numbers, fields, complexes), court bailiffs, jury services and courthouse security (summons,
  screening logs, claim tags). First measured with the tree of the end of stop 51: tune 0.963 /
  0.934 / 0.956, hold 0.964 / 0.932 / 0.964.
- styles68, two parts written the same way (stop 53, at its start): casino cages, table games and
  surveillance rooms (markers, fill slips, gaming commissions), rideshare and delivery drivers
  (apps, trip, order and driver numbers), hunting camps, outfitters and guides (licences, tags,
  leases, wardens), mines, quarries and gravel pits (MSHA mine IDs, citations, haul roads). First
  measured with the tree of the end of stop 52: tune 0.966 / 0.956 / 0.966, hold 0.961 / 0.936 /
  0.958.
- styles69, two parts written the same way (stop 53, at its start): campus Greek life and student
  housing (fraternities by their letters, conduct cases, student IDs), drive-ins, swap meets and
  flea markets (vendor and permit numbers), dialysis clinics, blood banks and plasma centers
  (donor IDs, MRNs), county fairs, rodeos and livestock auctions (fair boards, tags, lots and
  buyers). First measured with the tree of the end of stop 52: tune 0.943 / 0.950 / 0.937, hold
  0.964 / 0.953 / 0.944."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.helpers.corpus_build import assert_built_from_source
from tests.helpers.detection import missed_stock_tokens
from workstation.detect import evaluation as ev
from workstation.detect.labels import LABELS

NEWEST = 69  # the latest stylesN pair; each has its build module, tests/detect/build_stylesN.py
PARTS: dict[str, Path] = {
    name: path for n in range(3, NEWEST + 1)
    for name, path in importlib.import_module(f"tests.detect.build_styles{n}").PARTS.items()}

# Level reached, rounded down to two decimals: token recall, the lowest per-label recall,
# precision, label accuracy. Five figures are one step below where stop 29 left them, since
# the police NER was retrained on every tuning part in stop 30 (chosen on parts it had not read:
# see police_ner.py): styles3_tune places 0.97 -> 0.96, styles4_tune precision 0.97 -> 0.96,
# styles4_hold label accuracy 0.95 -> 0.94, styles7_hold places 0.90 -> 0.89, styles16_hold
# places 0.96 -> 0.95; pooled over the held-out parts recall, precision and label accuracy rose.
# Stop 31 lowered two label accuracies by a token or two each, for rules that raised it pooled
# over the held-out parts (a person's word stays the person; a record's shorthand "Rpt", "LOC"
# is no part of the number after it): styles11_hold 0.93 -> 0.92, styles16_hold 0.98 -> 0.97;
# and one per-label recall of a tuning part, for a rule that raised styles4_hold's label accuracy
# 0.957 -> 0.964 (a census name before a comma and a state code is a person, not a town):
# styles21_tune people 0.98 -> 0.97.
# Stop 32 raised seventeen figures to the levels reached and lowered none; stop 33 raised
# 10 and lowered none; stop 34 raised 4 and lowered none; stop 35 raised 13 and lowered none
# (each stop setting its new parts at what was reached at its end). Stop 36 raised 14 and lowered
# two, each for a rule that raised the pooled held-out figures: styles3_tune recall 0.98 -> 0.97
# (0.9807 -> 0.9799: a direction of travel is no part of a place, as 88 of 92 marked places in the
# corpora leave it; this part marks "I-5 SB MP 187" whole) and styles8_hold label accuracy 0.97 ->
# 0.96 (0.9704 -> 0.9688: an agency's acronym before a record number is the agency, then the
# number, as 17 of the 27 such pairs in the tuning parts are marked; this older part writes them
# as one number). Stop 37 raised 26 figures and lowered two label accuracies, for a rule that
# raised the pooled held-out figures: a court of law that issues or holds a case, or that a
# caption heads, is an agency (29 of the 40 courts of law in the tuning parts are marked so; the
# older parts mark captions as places): styles10_tune 0.98 -> 0.97 (0.9811 -> 0.9787) and
# styles29_hold 0.96 -> 0.95 (0.9603 -> 0.9592). Stop 38 lowered one precision, for a rule that
# raised the pooled held-out recall: a road, its direction and its mile marker or exit are one
# place ("I-81 NB mm 118", as styles35 to styles37 and three older parts mark them; fourteen older
# parts split them): styles7_hold 0.94 -> 0.93 (0.9407 -> 0.9400).
# Stop 44 retrained the police NER on every tuning part of styles3 to styles47 (it had read those
# of styles3 to styles17 only; same seed, epochs and rates): pooled over the 47 held-out parts
# recall 0.9625 -> 0.9662, precision 0.9325 -> 0.9381, label accuracy 0.9570 -> 0.9614, and with
# the rules added after it to keep the kinds the unit tests hold, 0.9665 / 0.9384 / 0.9624. Against
# stop 43 it raised 178 figures and lowered 10: styles6_tune agencies 0.98 -> 0.97 (0.9758),
# styles8_tune precision 0.96 -> 0.95 (0.9587), styles9_tune precision 0.96 -> 0.95 (0.9584),
# styles11_hold places 0.95 -> 0.94 (0.9456), styles12_hold recall 0.99 -> 0.98 (0.9887),
# styles13_tune agencies 0.96 -> 0.94 (0.9412), styles13_hold label accuracy 0.97 -> 0.96 (0.9617),
# styles15_hold label accuracy 0.96 -> 0.95 (0.9559), styles29_tune IDs 0.94 -> 0.93 (0.9316: call
# signs before a surname in capitals, "NW22 OSEI/Kwabena", read as part of the name),
# styles36_hold agencies 0.96 -> 0.95 (0.9599). Stop 45 raised 14 figures and lowered one, for a
# rule that marks a road's "exit" or "interchange" with it, as most parts from styles34 on do (47
# tokens gained, 29 lost over all parts): styles14_hold precision 0.97 -> 0.96 (0.9701 -> 0.9681).
# Stop 46 raised 5 and lowered one, for a rule that keeps a river's or a rail line's "crossing",
# "access", "ferry" and "low-water crossing" with its place (the corpora split evenly; pooled
# held-out recall rose): styles40_tune precision 0.95 -> 0.94 (0.9519 -> 0.9499).
# Stop 47 raised 18 figures, lowered none and added styles56 and styles57.
# Stop 48 raised 10 figures, lowered none and added styles58 and styles59.
# Stop 49 raised 11 figures, added styles60 and styles61 and lowered one, for the later corpora's
# rule that a store's number after its sign is a number of its own ("Walgreens #7219": styles51,
# styles56, styles60 and styles61 mark it so, eight older parts keep it inside the place):
# styles30_tune label accuracy 0.98 -> 0.97 (0.98026 -> 0.97997).
# Stop 50 raised 6 figures, lowered none and added styles62 and styles63.
# Stop 51 raised 15 figures, lowered none and added styles64 and styles65.
# Stop 52 raised 6 figures, lowered none and added styles66 and styles67.
# Stop 53 raised 14 figures, lowered none and added styles68 and styles69.
LEVELS: dict[str, tuple[float, float, float, float]] = {
    "styles3_tune": (0.98, 0.96, 0.95, 0.98),
    "styles3_hold": (0.96, 0.91, 0.96, 0.93),
    "styles4_tune": (0.99, 0.98, 0.96, 0.99),
    "styles4_hold": (0.99, 0.98, 0.93, 0.99),
    "styles5_hold": (0.96, 0.93, 0.94, 0.97),
    "styles6_tune": (0.98, 0.97, 0.95, 0.99),
    "styles7_tune": (0.97, 0.96, 0.96, 0.98),
    "styles7_hold": (0.95, 0.92, 0.94, 0.95),
    "styles8_tune": (0.98, 0.98, 0.95, 0.99),
    "styles8_hold": (0.97, 0.95, 0.96, 0.96),
    "styles9_tune": (0.98, 0.97, 0.95, 0.98),
    "styles9_hold": (0.99, 0.98, 0.96, 0.97),
    "styles10_tune": (0.98, 0.97, 0.96, 0.97),
    "styles10_hold": (0.96, 0.93, 0.92, 0.98),
    "styles11_tune": (0.98, 0.97, 0.96, 0.97),
    "styles11_hold": (0.97, 0.94, 0.95, 0.96),
    "styles12_tune": (0.98, 0.96, 0.93, 0.98),
    "styles12_hold": (0.98, 0.98, 0.92, 0.96),
    "styles13_tune": (0.98, 0.94, 0.93, 0.98),
    "styles13_hold": (0.97, 0.95, 0.94, 0.96),
    "styles14_tune": (0.99, 0.98, 0.96, 0.99),
    "styles14_hold": (0.98, 0.95, 0.96, 0.98),
    "styles15_tune": (0.98, 0.96, 0.92, 0.98),
    "styles15_hold": (0.97, 0.95, 0.92, 0.95),
    "styles16_tune": (0.99, 0.99, 0.97, 0.99),
    "styles16_hold": (0.98, 0.98, 0.96, 0.98),
    "styles17_tune": (0.97, 0.96, 0.94, 0.98),
    "styles17_hold": (0.96, 0.94, 0.93, 0.95),
    "styles18_tune": (0.98, 0.95, 0.97, 0.98),
    "styles18_hold": (0.96, 0.94, 0.96, 0.97),
    "styles19_tune": (0.99, 0.98, 0.95, 0.99),
    "styles19_hold": (0.97, 0.94, 0.94, 0.96),
    "styles20_tune": (0.99, 0.97, 0.97, 0.98),
    "styles20_hold": (0.99, 0.99, 0.97, 0.99),
    "styles21_tune": (0.99, 0.98, 0.96, 0.99),
    "styles21_hold": (0.97, 0.93, 0.94, 0.96),
    "styles22_tune": (0.98, 0.95, 0.96, 0.98),
    "styles22_hold": (0.94, 0.91, 0.94, 0.97),
    "styles23_tune": (0.97, 0.95, 0.95, 0.98),
    "styles23_hold": (0.97, 0.95, 0.96, 0.98),
    "styles24_tune": (0.98, 0.96, 0.96, 0.98),
    "styles24_hold": (0.97, 0.95, 0.93, 0.97),
    "styles25_tune": (0.97, 0.93, 0.93, 0.98),
    "styles25_hold": (0.97, 0.96, 0.91, 0.97),
    "styles26_tune": (0.98, 0.95, 0.93, 0.96),
    "styles26_hold": (0.96, 0.94, 0.93, 0.94),
    "styles27_tune": (0.96, 0.91, 0.93, 0.96),
    "styles27_hold": (0.97, 0.94, 0.90, 0.96),
    "styles28_tune": (0.98, 0.95, 0.94, 0.96),
    "styles28_hold": (0.97, 0.95, 0.93, 0.96),
    "styles29_tune": (0.97, 0.94, 0.94, 0.97),
    "styles29_hold": (0.97, 0.95, 0.92, 0.97),
    "styles30_tune": (0.98, 0.96, 0.94, 0.98),
    "styles30_hold": (0.95, 0.92, 0.91, 0.97),
    "styles31_tune": (0.98, 0.96, 0.95, 0.97),
    "styles31_hold": (0.94, 0.89, 0.93, 0.95),
    "styles32_tune": (0.97, 0.95, 0.95, 0.97),
    "styles32_hold": (0.97, 0.96, 0.95, 0.97),
    "styles33_tune": (0.97, 0.95, 0.94, 0.97),
    "styles33_hold": (0.96, 0.93, 0.92, 0.95),
    "styles34_tune": (0.95, 0.87, 0.94, 0.96),
    "styles34_hold": (0.96, 0.89, 0.93, 0.94),
    "styles35_tune": (0.99, 0.98, 0.96, 0.98),
    "styles35_hold": (0.97, 0.95, 0.96, 0.97),
    "styles36_tune": (0.97, 0.96, 0.95, 0.98),
    "styles36_hold": (0.98, 0.96, 0.95, 0.96),
    "styles37_tune": (0.97, 0.95, 0.94, 0.97),
    "styles37_hold": (0.94, 0.91, 0.92, 0.94),
    "styles38_tune": (0.97, 0.94, 0.94, 0.97),
    "styles38_hold": (0.97, 0.95, 0.90, 0.95),
    "styles39_tune": (0.97, 0.94, 0.94, 0.97),
    "styles39_hold": (0.96, 0.93, 0.94, 0.96),
    "styles40_tune": (0.97, 0.97, 0.95, 0.96),
    "styles40_hold": (0.97, 0.95, 0.95, 0.95),
    "styles41_tune": (0.97, 0.95, 0.95, 0.97),
    "styles41_hold": (0.97, 0.95, 0.96, 0.95),
    "styles42_tune": (0.98, 0.97, 0.95, 0.97),
    "styles42_hold": (0.98, 0.95, 0.94, 0.96),
    "styles43_tune": (0.96, 0.93, 0.94, 0.94),
    "styles43_hold": (0.95, 0.92, 0.93, 0.94),
    "styles44_tune": (0.96, 0.94, 0.92, 0.97),
    "styles44_hold": (0.97, 0.94, 0.92, 0.97),
    "styles45_tune": (0.98, 0.96, 0.95, 0.96),
    "styles45_hold": (0.97, 0.95, 0.94, 0.96),
    "styles46_tune": (0.96, 0.92, 0.96, 0.96),
    "styles46_hold": (0.96, 0.94, 0.93, 0.95),
    "styles47_tune": (0.96, 0.91, 0.95, 0.97),
    "styles47_hold": (0.95, 0.93, 0.94, 0.97),
    "styles48_tune": (0.98, 0.96, 0.93, 0.96),
    "styles48_hold": (0.95, 0.87, 0.94, 0.95),
    "styles49_tune": (0.96, 0.92, 0.95, 0.96),
    "styles49_hold": (0.96, 0.91, 0.93, 0.95),
    "styles50_tune": (0.98, 0.96, 0.95, 0.97),
    "styles50_hold": (0.96, 0.91, 0.94, 0.97),
    "styles51_tune": (0.97, 0.93, 0.96, 0.96),
    "styles51_hold": (0.96, 0.87, 0.95, 0.95),
    "styles52_tune": (0.96, 0.90, 0.93, 0.95),
    "styles52_hold": (0.96, 0.94, 0.93, 0.96),
    "styles53_tune": (0.97, 0.95, 0.94, 0.95),
    "styles53_hold": (0.95, 0.91, 0.93, 0.95),
    "styles54_tune": (0.96, 0.93, 0.95, 0.95),
    "styles54_hold": (0.94, 0.89, 0.95, 0.95),
    "styles55_tune": (0.96, 0.92, 0.95, 0.96),
    "styles55_hold": (0.95, 0.91, 0.92, 0.95),
    "styles56_tune": (0.97, 0.91, 0.94, 0.96),
    "styles56_hold": (0.96, 0.90, 0.92, 0.94),
    "styles57_tune": (0.98, 0.97, 0.91, 0.98),
    "styles57_hold": (0.98, 0.96, 0.92, 0.94),
    "styles58_tune": (0.98, 0.96, 0.96, 0.96),
    "styles58_hold": (0.97, 0.95, 0.95, 0.94),
    "styles59_tune": (0.97, 0.93, 0.95, 0.97),
    "styles59_hold": (0.96, 0.92, 0.95, 0.97),
    "styles60_tune": (0.96, 0.92, 0.94, 0.96),
    "styles60_hold": (0.95, 0.89, 0.94, 0.94),
    "styles61_tune": (0.97, 0.94, 0.95, 0.97),
    "styles61_hold": (0.95, 0.89, 0.93, 0.96),
    "styles62_tune": (0.97, 0.95, 0.93, 0.98),
    "styles62_hold": (0.95, 0.92, 0.93, 0.96),
    "styles63_tune": (0.96, 0.92, 0.95, 0.97),
    "styles63_hold": (0.96, 0.91, 0.92, 0.96),
    "styles64_tune": (0.97, 0.94, 0.94, 0.98),
    "styles64_hold": (0.97, 0.93, 0.95, 0.96),
    "styles65_tune": (0.96, 0.91, 0.95, 0.97),
    "styles65_hold": (0.96, 0.94, 0.93, 0.96),
    "styles66_tune": (0.95, 0.92, 0.94, 0.95),
    "styles66_hold": (0.96, 0.94, 0.93, 0.94),
    "styles67_tune": (0.96, 0.89, 0.93, 0.97),
    "styles67_hold": (0.97, 0.93, 0.93, 0.96),
    "styles68_tune": (0.97, 0.97, 0.96, 0.97),
    "styles68_hold": (0.96, 0.93, 0.94, 0.96),
    "styles69_tune": (0.96, 0.91, 0.95, 0.96),
    "styles69_hold": (0.97, 0.96, 0.95, 0.96),
}
# Texts each part holds at least.
SIZES = {"styles3_tune": 50, "styles3_hold": 30, "styles4_tune": 40, "styles4_hold": 20,
         "styles5_hold": 80, "styles6_tune": 90, "styles7_tune": 80, "styles7_hold": 70,
         "styles8_tune": 80, "styles8_hold": 70, "styles9_tune": 60, "styles9_hold": 60,
         "styles10_tune": 60, "styles10_hold": 60, "styles11_tune": 60, "styles11_hold": 60,
         "styles12_tune": 50, "styles12_hold": 50, "styles13_tune": 60, "styles13_hold": 60,
         "styles14_tune": 60, "styles14_hold": 60, "styles15_tune": 50, "styles15_hold": 50,
         "styles16_tune": 60, "styles16_hold": 60, "styles17_tune": 50, "styles17_hold": 50,
         "styles18_tune": 60, "styles18_hold": 60, "styles19_tune": 55, "styles19_hold": 55,
         "styles20_tune": 55, "styles20_hold": 55, "styles21_tune": 50, "styles21_hold": 50,
         # from styles22 on, 55 texts a part
         **{f"styles{n}_{part}": 55 for n in range(22, NEWEST + 1) for part in ("tune", "hold")}}


@pytest.fixture(scope="module")
def results(analysed) -> dict[str, ev.Result]:
    """Each part scored from the session's one analysis of it (conftest.py's `analysed`)."""
    return {name: scored(*analysed(name)) for name in PARTS}


def scored(docs: list[ev.Document], suggestions: list) -> ev.Result:
    result = ev.Result(ev.Counts(), sum(len(d.text) for d in docs), 0.0)
    for doc, found in zip(docs, suggestions, strict=True):
        result.counts.add(ev.score_document(doc.text, doc.spans, [(s.start, s.end, s.label) for s in found]))
    return result


def test_every_corpus_is_built_from_its_source():
    assert set(PARTS) == set(LEVELS) == set(SIZES)
    assert_built_from_source(PARTS, least=SIZES)


@pytest.mark.parametrize("name", list(LEVELS))
def test_overall_recall(results, name):
    assert results[name].counts.recall >= LEVELS[name][0]


@pytest.mark.parametrize("name", list(LEVELS))
@pytest.mark.parametrize("label", LABELS)
def test_recall_per_label(results, name, label):
    counts = results[name].counts
    assert counts.per_label_gold[label] > 0
    assert counts.label_recall(label) >= LEVELS[name][1]


@pytest.mark.parametrize("name", list(LEVELS))
def test_precision(results, name):
    assert results[name].counts.precision >= LEVELS[name][2]


@pytest.mark.parametrize("name", list(LEVELS))
def test_label_accuracy(results, name):
    accuracy = results[name].counts.label_accuracy
    assert accuracy is not None and accuracy >= LEVELS[name][3]


@pytest.mark.parametrize("name", list(PARTS))
def test_workstation_finds_every_token_stock_patterns_find(analysed, stock_recognizers, name):
    """Never below stock Presidio on each style part (test_superset.py's rule, checked here on
    the same analysis the scores above use)."""
    docs, found = analysed(name)
    assert missed_stock_tokens(docs, found, stock_recognizers) == []
