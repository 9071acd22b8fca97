"""The last words that make a capitalised name a facility's ("Mercy Hospital", "Juniper Flats
Campground"), for the facility recognizer in locations.py."""

from __future__ import annotations

FACILITY_HEADS: tuple[str, ...] = (
    "Hospital", "Medical Center", "Medical Centre", "Health Center", "Health System", "Health",
    "Clinic", "Urgent Care", "Behavioral Health", "Psychiatric Hospital", "Psychiatric Center",
    "Mental Health Center", "Memorial", "General", "Regional", "Elementary", "Elementary School",
    "Middle School", "High School", "Junior High", "School", "Academy", "College", "University",
    "Jail", "Detention Center", "Detention Facility", "Correctional Facility", "Correctional Center",
    "Correctional Institution", "Prison", "Penitentiary", "Juvenile Hall", "Courthouse",
    "Court House", "City Hall", "Motel", "Hotel", "Inn", "Suites", "Lodge", "Apartments", "Apts",
    "Townhomes", "Townhouses", "Condos", "Villas", "Lofts", "Flats", "Commons", "Residences", "Manor",
    "Trailer Park", "Mobile Home Park", "RV Park",
    "Mall", "Plaza", "Shopping Center", "Center", "Casino", "Tavern", "Bar", "Bar & Grill",
    "Grill", "Saloon", "Pub", "Lounge", "Club", "Nightclub", "Market", "Supermarket", "Grocery",
    "Mart", "Store", "Storage", "Self Storage", "Gas Station", "Truck Stop", "Travel Center",
    "Church", "Chapel", "Cathedral", "Temple", "Mosque", "Park", "Stadium", "Arena",
    "Fairgrounds", "Diner", "Cafe", "Café", "Restaurant", "Kitchen", "Pizza", "Liquor", "Liquors",
    "Pawn", "Motors", "Auto", "Tire", "Lube", "Car Wash", "Laundromat", "Salon", "Bank",
    # tow and bail businesses ("A-1 Tulsa Tow", "Ewing Bros. Towing", "Lone Star Bail Bonds")
    "Tow", "Towing", "Wrecker Service", "Bail Bonds", "Bonding",
    "Credit Union", "Pharmacy", "Depot", "Warehouse", "Factory", "Plant", "Yard", "Marina",
    "Airport", "Library", "Museum", "Cemetery", "Terminal", "Rest Area", "Shelter", "Mission",
    "Recovery Center", "Treatment Center", "Group Home", "Nursing Home", "Care Center",
    "Funeral Home", "Funeral Care", "Funeral Chapel", "Funeral Service", "Funeral Services",
    "Mortuary", "Crematory", "Crematorium", "Cremation Services", "Hospice",
    "Estates", "Complex", "Building", "Tower", "Towers", "Campus", "Fire Station",
    "Precinct", "Station", "Barn", "Shop", "Stop", "Express", "Outlet", "Foods", "Feed",
    "Supply", "Hardware", "Lanes", "Bowl", "Theater", "Theatre", "Cinema", "Gym", "Fitness",
    "Steakhouse", "Cantina", "Taqueria", "BBQ", "Bistro", "Brewery", "Distillery", "Winery",
    "Zoo", "Aquarium", "Grounds", "Powwow Grounds", "Rodeo Grounds", "Campground", "Resort",
    "Ferry Terminal", "Port of Entry", "Dormitory", "Dorm", "Residence Hall",
    # a border's or a road's checkpoint in lower case after its town ("the Emerson port of entry")
    "port of entry", "weigh station",
    "Boat Launch", "Boat Ramp", "Wharf", "Pier", "Dock", "Shipyard",
    "Chapter House", "Trading Post", "Community Center", "Recreation Center", "Rec Center",
    # named events, places for the day they are held ("Twin Cities Marathon", "Dawson County Fair")
    "Parade", "Marathon", "Half Marathon", "Festival", "Fest", "Fair", "County Fair", "State Fair",
    "Rodeo", "Stampede", "Powwow", "Pow Wow", "Regatta", "Jamboree", "Expo", "Air Show",
    # ... races, rides and tournaments ("Gobble Wobble 5K", "Wine Country Gran Fondo", "Fayette
    # Rotary Charity Scramble", "Wyndham Lakes Pro-Am")
    "5K", "10K", "Fun Run", "Gran Fondo", "Triathlon", "Criterium", "Invitational", "Pro-Am",
    "Member-Guest", "Scramble",
    # ... youth leagues and their tournaments, and the places families play ("Round Rock Western
    # Little League", "Heartland Memorial Day Cup", "Sunshine State Showdown", "Spin City Fun Park")
    "League", "Cup", "Showdown", "Shootout", "Showcase", "Tournament", "Classic",
    "Sports Complex", "Sportsplex", "Fieldhouse", "Arcade", "Fun Park", "Fun Center", "Family Fun Center",
    "Skating Rink", "Roller Rink", "Rink", "Skate Center", "Trampoline Park", "Laser Tag",
    # drive-ins, markets, plasma and dialysis centers, sale barns, mines and pits ("Admiral Twin
    # Drive-In", "Traders Village Swap Meet", "Davis Quarry", "Wade Gravel Pit"; the recaser
    # writes a drive-in in capitals "Drive-in")
    "Drive-In", "Drive-in", "Swap Meet", "Flea Market", "Trade Days", "Plasma Center", "Donor Center",
    "Dialysis", "Dialysis Center", "Blood Center", "Blood Bank", "Livestock Auction", "Sale Barn",
    "Stockyards", "Quarry", "Gravel Pit",
)
