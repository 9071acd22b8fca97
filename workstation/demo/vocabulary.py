"""Word lists for synthetic submissions. Every name and place here is invented or generic;
none refers to a real person. Radio codes, weapons and vehicles are deliberately not
identifiers (a detector must not flag them)."""

from __future__ import annotations

FIRST_NAMES = (
    "Dave", "Mike", "Jenna", "Carlos", "Tasha", "Brian", "Kelly", "Luis", "Amber", "Ray",
    "Hector", "Megan", "Tyrone", "Nicole", "Sean", "Priya", "Marcus", "Lindsey", "Tomas",
    "Erin", "Jamal", "Kristen", "Wes", "Alicia", "Dustin", "Rosa", "Kyle", "Shauna", "Andre",
    "Becca", "Trent", "Yolanda", "Cody", "Mei", "Darnell", "Holly", "Raul", "Whitney", "Gabe",
    "Tori", "Lance", "Fatima", "Colby", "Ines", "Jake", "Monique", "Brett", "Keisha", "Owen",
)
LAST_NAMES = (
    "O'Neill", "Reyes", "Kowalczyk", "Haldane", "Brightwater", "McCaskill", "Vanterpool",
    "Delacroix", "Pruett", "Okafor", "Lindqvist", "Barrowman", "Castellanos", "Whitfield",
    "Nakagawa", "Dunmore", "Szabo", "Thibodeaux", "Ferreira", "Abernathy", "Quintero",
    "Halvorsen", "Mbeki", "Ashdown", "Carraway", "Petrosyan", "Llewellyn", "Dufresne",
    "Strickland", "Yazzie", "Tremblay", "Oyelaran", "Marchetti", "Harjo", "Kettering",
    "Gallardo", "Voss", "Pemberton", "Rasmussen", "Escobedo", "Fairbanks", "Lockhart",
    "Montoya", "Sandoval", "Whitlock", "Brannigan", "Kaczmarek", "Oduya", "Tillman",
)
RANKS = (
    ("Sgt.", "Sergeant"), ("Ofc.", "Officer"), ("Dep.", "Deputy"), ("Lt.", "Lieutenant"),
    ("Cpl.", "Corporal"), ("Det.", "Detective"), ("Tpr.", "Trooper"), ("Capt.", "Captain"),
)
CITIES = (
    "Millbrook", "Harlan Falls", "East Varney", "Cedar Bluff", "Port Aldis", "Wexford Springs",
    "Granger Hollow", "North Tamsin", "Belleridge", "Oakhurst Landing", "Stoney Ferry",
    "Redcliff", "Lake Orrin", "Pinewick", "Maddox City", "Sutter Bend", "Fallon Ridge",
)
COUNTIES = (
    "Harlan", "Breckett", "Osage Flats", "Tolliver", "Kinross", "Marlowe", "Dunning",
    "Saltash", "Renner", "Carrow",
)
STATES = (
    ("Columbia", "CSP"), ("Northland", "NSP"), ("Cascade", "CHP"), ("Meridian", "MSP"),
    ("Prairie", "PSP"),
)
TRIBES = ("Red Willow", "Sandstone Creek", "Grey Heron", "Three Rivers")
CAMPUSES = ("Belleridge State", "Cedar Bluff Community", "Port Aldis Technical", "Millbrook")
STATE_CODES = ("TX", "OH", "CA", "WA", "GA", "NY", "AZ", "MN", "PA", "FL", "CO", "NC")

STREETS = (
    "Kessler Ave", "Pine St", "Old Mill Rd", "Harmon Blvd", "Cypress Ln", "3rd Ave",
    "Water St", "Ridgeview Dr", "Alder Way", "MLK Jr Blvd", "Grand Ave", "County Rd 14",
    "Baxter Pkwy", "Hollis St", "Sycamore Ct", "Elm St", "Route 9", "Fairgrounds Rd",
    "Quarry Rd", "Lincoln Ave", "Birch Hollow Rd", "Eastgate Dr", "7th St", "Canal St",
)
HIGHWAYS = ("I-84", "I-35", "Interstate 70", "US-30", "Hwy 12", "SR-99", "Highway 61",
            "the turnpike", "Route 202", "I-5")
HOSPITALS = (
    "St. Brendan's Medical Center", "Harlan County General", "Mercy Valley Hospital",
    "Good Shepherd Regional", "Lakeview Behavioral Health", "Oakhurst Memorial",
    "Sutter Bend Medical Center", "Providence Ridge Hospital",
)
BUSINESSES = (
    "the Gas-N-Go", "Rudy's Tavern", "the Quik Stop", "Pioneer Motel", "the Dollar Barn",
    "Shady Pines Trailer Park", "the Westgate Apartments", "Lucky 7 Casino",
    "Country Kitchen", "the Red Lantern Bar", "Harbor Freight lot", "Eastside Storage",
    "the Sunrise Inn", "Mike's Tire & Lube", "Cedar Court Apartments",
)
EMAIL_DOMAINS = ("millbrookpd.org", "harlanso.net", "cityofredcliff.gov", "gmail.com",
                 "yahoo.com", "outlook.com")

RADIO_CODES = ("10-50", "10-80", "10-4", "10-78", "10-99", "Code 3", "Code 4", "Code 2",
               "signal 13", "10-15", "10-32", "11-99")
WEAPONS = ("Glock 17", "Glock 22", "a .38 revolver", "an AR-15", "a Hi-Point 9mm",
           "a folding knife", "a box cutter", "a kitchen knife", "a tire iron",
           "a pocket knife", "a Taser X26", "a Sig P320", "a sawed-off shotgun")
VEHICLES = ("F-150", "Silverado", "Crown Vic", "Tahoe", "Civic", "Camry", "Ram 2500",
            "Explorer", "Altima", "Charger", "minivan", "box truck", "Impala")
