"""Generic world lexicons used by entity repair, resolution and membership rules.

Data only: titles, honorifics, demonyms, country aliases, party abbreviations and the head
nouns that name government bodies. Nothing here is specific to any article.
"""

from __future__ import annotations

# Title phrase (as written, matched case-insensitively) -> role recorded for the person.
TITLES: dict[str, str] = {
    "president": "President",
    "vice president": "Vice President",
    "vice-president": "Vice President",
    "prime minister": "Prime Minister",
    "deputy prime minister": "Deputy Prime Minister",
    "premier": "Premier",
    "vice premier": "Vice Premier",
    "chancellor": "Chancellor",
    "king": "King",
    "queen": "Queen",
    "prince": "Prince",
    "crown prince": "Crown Prince",
    "emir": "Emir",
    "sheikh": "Sheikh",
    "secretary": "Secretary",
    "secretary of state": "Secretary of State",
    "deputy secretary of state": "Deputy Secretary of State",
    "assistant secretary of state": "Assistant Secretary of State",
    "under secretary": "Under Secretary",
    "deputy secretary": "Deputy Secretary",
    "assistant secretary": "Assistant Secretary",
    "secretary of defense": "Secretary of Defense",
    "defense secretary": "Defense Secretary",
    "secretary of the treasury": "Secretary of the Treasury",
    "treasury secretary": "Treasury Secretary",
    "secretary of commerce": "Secretary of Commerce",
    "commerce secretary": "Commerce Secretary",
    "home secretary": "Home Secretary",
    "foreign secretary": "Foreign Secretary",
    "secretary general": "Secretary General",
    "secretary-general": "Secretary-General",
    "deputy secretary general": "Deputy Secretary General",
    "foreign minister": "Foreign Minister",
    "minister of foreign affairs": "Minister of Foreign Affairs",
    "defense minister": "Defense Minister",
    "defence minister": "Defence Minister",
    "minister of defense": "Minister of Defense",
    "minister of defence": "Minister of Defence",
    "finance minister": "Finance Minister",
    "minister of finance": "Minister of Finance",
    "interior minister": "Interior Minister",
    "trade minister": "Trade Minister",
    "minister": "Minister",
    "deputy minister": "Deputy Minister",
    "deputy foreign minister": "Deputy Foreign Minister",
    "state councilor": "State Councilor",
    "ambassador": "Ambassador",
    "envoy": "Envoy",
    "special envoy": "Special Envoy",
    "special representative": "Special Representative",
    "high representative": "High Representative",
    "spokesperson": "spokesperson",
    "spokeswoman": "spokeswoman",
    "spokesman": "spokesman",
    "press secretary": "Press Secretary",
    "rep.": "Representative",
    "rep": "Representative",
    "reps.": "Representative",
    "representative": "Representative",
    "representatives": "Representative",
    "congressman": "Representative",
    "congresswoman": "Representative",
    "sen.": "Senator",
    "sen": "Senator",
    "sens.": "Senator",
    "senator": "Senator",
    "senators": "Senator",
    "speaker": "Speaker",
    "governor": "Governor",
    "gov.": "Governor",
    "mayor": "Mayor",
    "chairman": "Chairman",
    "chairwoman": "Chairwoman",
    "chair": "Chair",
    "vice chair": "Vice Chair",
    "ranking member": "Ranking Member",
    "vice ranking member": "Vice Ranking Member",
    "lead republican": "Lead Republican",
    "lead democrat": "Lead Democrat",
    "majority leader": "Majority Leader",
    "minority leader": "Minority Leader",
    "assistant majority leader": "Assistant Majority Leader",
    "leader": "Leader",
    "director": "Director",
    "director general": "Director General",
    "director-general": "Director-General",
    "commissioner": "Commissioner",
    "administrator": "Administrator",
    "general": "General",
    "gen.": "General",
    "lt. gen.": "Lieutenant General",
    "admiral": "Admiral",
    "adm.": "Admiral",
    "capt.": "Captain",
    "captain": "Captain",
    "col.": "Colonel",
    "colonel": "Colonel",
    "major": "Major",
    "commander": "Commander",
    "supreme leader": "Supreme Leader",
    "pope": "Pope",
    "cardinal": "Cardinal",
    "judge": "Judge",
    "justice": "Justice",
    "attorney general": "Attorney General",
    "national security adviser": "National Security Adviser",
    "national security advisor": "National Security Advisor",
    "adviser": "Adviser",
    "advisor": "Advisor",
    "ceo": "CEO",
    "chief executive": "Chief Executive",
    "founder": "Founder",
}

# Courtesy forms: stripped from names, never recorded as roles.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "madam", "lord", "lady", "hon.", "h.e."}
)

# Clergy, local-office and honorific styles before a name ("Bishop Ana Ruiz", "the Most Revd
# Tomas Riva", "Cllr Ana Ruiz", "Datuk Seri Tomas Riva"). Span repair reads them as titles, so
# they leave the name and "Archbishop Riva" joins "Tomas Riva"; unlike TITLES they record no role.
STYLE_TITLES: frozenset[str] = frozenset({
    "bishop", "archbishop", "auxiliary bishop", "reverend", "rev", "revd", "most revd", "most reverend",
    "right reverend", "rt revd", "very reverend", "imam", "rabbi", "chief rabbi", "pastor", "patriarch",
    "ayatollah", "grand ayatollah", "monsignor", "msgr", "mufti", "grand mufti", "archdeacon",
    "councillor", "cllr", "alderman", "td", "msp", "mla",
    "datuk", "datuk seri", "dato", "dato seri", "dato sri", "tan sri", "puan sri", "tun", "toh puan",
    "tengku", "tunku", "tengku datuk", "tengku datuk seri", "tunku datuk", "tunku datuk seri",
})

# Words that may precede or sit inside a title without being part of a name.
TITLE_MODIFIERS: frozenset[str] = frozenset(
    {"former", "ex", "then", "then-", "acting", "incoming", "outgoing", "deputy", "vice", "top", "senior", "new", "late"}
)

# Country canonical name -> surface forms that name it.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "the United States"),
    "United Kingdom": ("U.K.", "UK", "Britain", "Great Britain"),
    "China": ("People's Republic of China", "PRC", "P.R.C.", "Mainland China"),
    "Taiwan": ("Republic of China",),
    "Russia": ("Russian Federation",),
    "South Korea": ("Republic of Korea", "ROK"),
    "North Korea": ("Democratic People's Republic of Korea", "DPRK"),
    "Iran": ("Islamic Republic of Iran",),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "Saudi Arabia": ("Kingdom of Saudi Arabia", "KSA"),
    "Democratic Republic of the Congo": ("DRC", "DR Congo"),
    "Czech Republic": ("Czechia",),
    "Netherlands": ("the Netherlands", "Holland"),
    "Philippines": ("the Philippines",),
    "Vatican": ("Holy See", "Vatican City"),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "Myanmar": ("Burma",),
    "Turkey": ("Türkiye", "Turkiye"),
}

COUNTRY_NAMES: frozenset[str] = frozenset(
    {
        "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Argentina", "Armenia", "Australia",
        "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
        "Belize", "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil",
        "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia", "Cameroon", "Canada",
        "Cape Verde", "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros",
        "Congo", "Costa Rica", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Denmark", "Djibouti",
        "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea",
        "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon", "Gambia",
        "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau",
        "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
        "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan",
        "Kenya", "Kiribati", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Lesotho",
        "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
        "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius",
        "Mexico", "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro", "Morocco",
        "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands", "New Zealand",
        "Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia", "Norway", "Oman",
        "Pakistan", "Palau", "Palestine", "Panama", "Papua New Guinea", "Paraguay", "Peru",
        "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Samoa",
        "San Marino", "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore",
        "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Korea",
        "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria",
        "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Timor-Leste", "Togo", "Tonga",
        "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
        "United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Uzbekistan",
        "Vanuatu", "Vatican", "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
        "Cook Islands", "Antigua and Barbuda", "Saint Kitts and Nevis", "Saint Vincent and the Grenadines",
        "Sao Tome and Principe",
    }
)

# Demonym -> country it refers to (used to read "Chinese Foreign Ministry", never as an alias).
DEMONYMS: dict[str, str] = {
    "American": "United States", "Chinese": "China", "British": "United Kingdom", "French": "France",
    "German": "Germany", "Italian": "Italy", "Spanish": "Spain", "Russian": "Russia",
    "Japanese": "Japan", "Korean": "South Korea", "South Korean": "South Korea",
    "North Korean": "North Korea", "Indian": "India", "Pakistani": "Pakistan", "Iranian": "Iran",
    "Iraqi": "Iraq", "Israeli": "Israel", "Palestinian": "Palestine", "Saudi": "Saudi Arabia",
    "Egyptian": "Egypt", "Turkish": "Turkey", "Syrian": "Syria", "Lebanese": "Lebanon",
    "Jordanian": "Jordan", "Qatari": "Qatar", "Emirati": "United Arab Emirates",
    "Yemeni": "Yemen", "Sudanese": "Sudan", "Ethiopian": "Ethiopia", "Kenyan": "Kenya",
    "Nigerian": "Nigeria", "South African": "South Africa", "Brazilian": "Brazil",
    "Mexican": "Mexico", "Canadian": "Canada", "Argentine": "Argentina", "Colombian": "Colombia",
    "Venezuelan": "Venezuela", "Cuban": "Cuba", "Chilean": "Chile", "Peruvian": "Peru",
    "Australian": "Australia", "Indonesian": "Indonesia", "Malaysian": "Malaysia",
    "Singaporean": "Singapore", "Vietnamese": "Vietnam", "Thai": "Thailand",
    "Filipino": "Philippines", "Philippine": "Philippines", "Taiwanese": "Taiwan",
    "Ukrainian": "Ukraine", "Polish": "Poland", "Dutch": "Netherlands", "Belgian": "Belgium",
    "Swedish": "Sweden", "Norwegian": "Norway", "Danish": "Denmark", "Finnish": "Finland",
    "Greek": "Greece", "Hungarian": "Hungary", "Czech": "Czech Republic", "Austrian": "Austria",
    "Swiss": "Switzerland", "Irish": "Ireland", "Portuguese": "Portugal", "Romanian": "Romania",
    "Serbian": "Serbia", "Afghan": "Afghanistan", "Bangladeshi": "Bangladesh",
    "Sri Lankan": "Sri Lanka", "Nepali": "Nepal", "Mongolian": "Mongolia",
    "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Georgian": "Georgia", "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan", "Belarusian": "Belarus", "Lithuanian": "Lithuania",
    "Latvian": "Latvia", "Estonian": "Estonia", "Moroccan": "Morocco", "Algerian": "Algeria",
    "Tunisian": "Tunisia", "Libyan": "Libya", "Omani": "Oman", "Kuwaiti": "Kuwait",
    "Bahraini": "Bahrain", "New Zealand": "New Zealand", "Burmese": "Myanmar",
    "Cambodian": "Cambodia", "Laotian": "Laos", "Somali": "Somalia", "Ghanaian": "Ghana",
    "Rwandan": "Rwanda", "Ugandan": "Uganda", "Tanzanian": "Tanzania", "Zimbabwean": "Zimbabwe",
    # beyond the most common: "Kyrgyz officials" still reads as a country's people
    "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan", "Turkmen": "Turkmenistan", "Ivorian": "Ivory Coast",
    "Togolese": "Togo", "Beninese": "Benin", "Senegalese": "Senegal", "Malian": "Mali",
    "Burkinabe": "Burkina Faso", "Nigerien": "Niger", "Chadian": "Chad", "Cameroonian": "Cameroon",
    "Gabonese": "Gabon", "Congolese": "Congo", "Angolan": "Angola", "Zambian": "Zambia",
    "Malawian": "Malawi", "Mozambican": "Mozambique", "Namibian": "Namibia", "Botswanan": "Botswana",
    "Eritrean": "Eritrea", "Djiboutian": "Djibouti", "South Sudanese": "South Sudan",
    "Mauritanian": "Mauritania", "Liberian": "Liberia", "Sierra Leonean": "Sierra Leone",
    "Guinean": "Guinea", "Gambian": "Gambia", "Malagasy": "Madagascar", "Fijian": "Fiji",
    "Samoan": "Samoa", "Tongan": "Tonga", "Papua New Guinean": "Papua New Guinea",
    "Solomon Islander": "Solomon Islands", "Ni-Vanuatu": "Vanuatu", "New Zealander": "New Zealand",
    "Bruneian": "Brunei", "Timorese": "Timor-Leste", "Bhutanese": "Bhutan", "Maldivian": "Maldives",
    "Moldovan": "Moldova", "Slovak": "Slovakia", "Slovenian": "Slovenia", "Croatian": "Croatia",
    "Bosnian": "Bosnia and Herzegovina", "Montenegrin": "Montenegro", "Albanian": "Albania",
    "Kosovar": "Kosovo", "Macedonian": "North Macedonia", "Bulgarian": "Bulgaria", "Cypriot": "Cyprus",
    "Maltese": "Malta", "Icelandic": "Iceland", "Luxembourgish": "Luxembourg", "Bolivian": "Bolivia",
    "Ecuadorian": "Ecuador", "Paraguayan": "Paraguay", "Uruguayan": "Uruguay", "Guatemalan": "Guatemala",
    "Honduran": "Honduras", "Salvadoran": "El Salvador", "Nicaraguan": "Nicaragua",
    "Costa Rican": "Costa Rica", "Panamanian": "Panama", "Dominican": "Dominican Republic",
    "Haitian": "Haiti", "Jamaican": "Jamaica", "Guyanese": "Guyana", "Surinamese": "Suriname",
    "Saudi Arabian": "Saudi Arabia",
}

# One-letter party codes in "(D-N.Y.)" / ", R-Texas," -> party name.
PARTY_CODES: dict[str, str] = {"D": "Democratic Party", "R": "Republican Party", "I": "Independent"}

# Party nouns/adjectives ("a Democrat", "Republicans") -> party name.
PARTY_WORDS: dict[str, str] = {
    "democrat": "Democratic Party",
    "democrats": "Democratic Party",
    "democratic party": "Democratic Party",
    "republican": "Republican Party",
    "republicans": "Republican Party",
    "republican party": "Republican Party",
    "gop": "Republican Party",
}

# Head nouns of named bodies; "X Committee" + "on Y" or "Ministry" + "of Y" is one name.
ORG_HEADS: frozenset[str] = frozenset(
    {
        "ministry", "department", "committee", "subcommittee", "commission", "office", "council",
        "agency", "administration", "bureau", "embassy", "consulate", "parliament", "assembly",
        "senate", "congress", "party", "cabinet", "directorate", "secretariat",
        "authority", "service", "institute", "foundation", "organization", "organisation",
        "union", "court", "board", "group", "forum", "caucus", "mission", "delegation",
        "government", "command", "corps", "force", "forces", "army", "navy", "bank", "fund",
        "alliance", "league", "coalition", "summit", "conference", "dialogue", "program",
        "programme", "center", "centre", "university", "school", "academy",
    }
)

# Words that may join name parts after an ORG head ("Committee on X", "Ministry of X and Y").
ORG_LINKS: frozenset[str] = frozenset({"on", "of", "for"})

# Word after a person's name that makes the whole phrase an organization ("X administration").
LEADER_ORG_SUFFIXES: frozenset[str] = frozenset({"administration", "government", "cabinet"})

# Body nouns that alone ("the Department") name nothing.
GENERIC_HEADS: frozenset[str] = frozenset(
    {"department", "ministry", "office", "committee", "subcommittee", "commission", "agency",
     "bureau", "council", "embassy", "directorate", "secretariat", "delegation", "mission"}
)

# Heads of event names that the model tends to tag as people ("Finance Ministers Meeting").
EVENT_HEADS: frozenset[str] = frozenset(
    {"meeting", "summit", "conference", "forum", "dialogue", "ministerial", "talks", "session", "congress"}
)

# U.S. state forms that follow a party code: postal codes, AP abbreviations and names.
US_STATES: frozenset[str] = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
        "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
        "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
        "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
        "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
        "Neb.", "Nebr.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.",
        "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "W. Va.",
        "Wis.", "Wisc.", "Wyo.", "D.C.", "P.R.",
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
        "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
        "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
        "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
        "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
        "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
        "Wisconsin", "Wyoming", "Puerto Rico", "Guam",
    }
)

# National capitals and other much-visited cities, for places the small model misses.
CITIES: frozenset[str] = frozenset(
    {
        "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Amsterdam", "Ankara",
        "Antananarivo", "Ashgabat", "Asmara", "Astana", "Asuncion", "Athens", "Baghdad", "Baku",
        "Bamako", "Bangkok", "Bangui", "Beijing", "Beirut", "Belgrade", "Berlin", "Bern", "Bishkek",
        "Bogota", "Brasilia", "Bratislava", "Brazzaville", "Brussels", "Bucharest", "Budapest",
        "Buenos Aires", "Cairo", "Canberra", "Caracas", "Chisinau", "Colombo", "Conakry",
        "Copenhagen", "Dakar", "Damascus", "Dhaka", "Dili", "Djibouti", "Doha", "Dodoma", "Dublin",
        "Dushanbe", "Freetown", "Gaborone", "Geneva", "Georgetown", "Guatemala City", "Hanoi",
        "Harare", "Havana", "Helsinki", "Islamabad", "Istanbul", "Jakarta", "Jerusalem", "Juba",
        "Kabul", "Kampala", "Kathmandu", "Khartoum", "Kigali", "Kinshasa", "Kyiv", "Kiev",
        "Kuala Lumpur", "Kuwait City", "La Paz", "Libreville", "Lilongwe", "Lima", "Lisbon",
        "Ljubljana", "Lome", "London", "Luanda", "Lusaka", "Luxembourg", "Madrid", "Malabo", "Male",
        "Managua", "Manama", "Manila", "Maputo", "Maseru", "Mexico City", "Minsk", "Mogadishu",
        "Monrovia", "Montevideo", "Moscow", "Muscat", "Nairobi", "Nassau", "Naypyidaw", "New Delhi",
        "Niamey", "Nicosia", "Nouakchott", "Oslo", "Ottawa", "Ouagadougou", "Panama City",
        "Paramaribo", "Paris", "Phnom Penh", "Podgorica", "Port-au-Prince", "Port Moresby",
        "Porto-Novo", "Prague", "Pretoria", "Pristina", "Pyongyang", "Quito", "Rabat", "Ramallah",
        "Reykjavik", "Riga", "Riyadh", "Rome", "San Jose", "San Salvador", "Sanaa", "Santiago",
        "Santo Domingo", "Sarajevo", "Seoul", "Singapore", "Skopje", "Sofia", "Stockholm", "Suva",
        "Taipei", "Tallinn", "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran", "Tel Aviv", "Thimphu",
        "Tirana", "Tokyo", "Tripoli", "Tunis", "Ulaanbaatar", "Vaduz", "Valletta", "Vienna",
        "Vientiane", "Vilnius", "Warsaw", "Washington", "Wellington", "Windhoek", "Yamoussoukro",
        "Yaounde", "Yerevan", "Zagreb", "Davos", "Munich", "Hong Kong", "Shanghai", "Mumbai",
        "Sydney", "Toronto", "New York", "Los Angeles", "San Francisco", "Dubai", "Jeddah", "Gaza",
        "Kharkiv", "Odesa", "Lviv", "Mariupol", "Aleppo", "Mosul", "Kandahar", "Osaka", "Busan",
        "Hiroshima", "Bali", "Camp David", "Brasília", "Bogotá", "Asunción", "Lomé", "Yaoundé",
        "Sana'a", "Naypyitaw", "Kraków", "Krakow", "Gdansk", "Milan", "Barcelona", "Frankfurt",
        "Hamburg", "Lyon", "Marseille", "St. Petersburg", "Saint Petersburg", "Vladivostok",
    }
)

# Entity typing evidence (span repair weighs these against the model's label).

# Portfolio words of ministries and titles: "Defence Minister", "the Health ministry".
# Alone or after a demonym ("Latvian Foreign", "Health") they name no body.
MINISTRY_TOPICS: frozenset[str] = frozenset(
    {
        "foreign", "defense", "defence", "health", "finance", "interior", "justice", "trade",
        "education", "sport", "sports", "culture", "energy", "agriculture", "economy", "economic",
        "environment", "labor", "labour", "transport", "transportation", "home", "treasury",
        "commerce", "industry", "tourism", "youth", "information", "security", "development",
        "housing", "immigration", "fisheries", "mining", "mines", "oil", "water", "science",
        "technology", "communications", "digital", "climate", "european", "external", "internal",
        "public", "national", "social", "women", "family", "veterans", "planning", "infrastructure",
        "affairs", "works", "welfare", "employment", "heritage", "arts", "budget", "legal",
    }
)

# Other titles journalism uses that the press-release lexicon above lacks.
EXTRA_TITLES: dict[str, str] = {
    "chief executive officer": "Chief Executive Officer",
    "chief financial officer": "Chief Financial Officer",
    "chief operating officer": "Chief Operating Officer",
    "cfo": "CFO",
    "coo": "COO",
    "editor-in-chief": "Editor-in-Chief",
    "editor": "Editor",
    "treasurer": "Treasurer",
    "treasurer-general": "Treasurer-General",
    "european commissioner": "European Commissioner",
    "mp": "MP",
    "mep": "MEP",
    "lawmaker": "Lawmaker",
    "deputy prime minister": "Deputy Prime Minister",
    "first lady": "First Lady",
    "foreign affairs minister": "Foreign Affairs Minister",
    "external affairs minister": "External Affairs Minister",
}

# Nouns that, right before or after a name, make it an organization ("the carrier X", "the X party").
ORG_COMMON_NOUNS: frozenset[str] = frozenset(
    {
        "company", "firm", "group", "carrier", "maker", "manufacturer", "broadcaster", "party",
        "utility", "bank", "lender", "insurer", "airline", "conglomerate", "operator", "newspaper",
        "daily", "outlet", "network", "channel", "agency", "movement", "militia", "bloc",
        "coalition", "alliance", "federation", "union", "startup", "giant", "producer", "retailer",
        "supplier", "club", "team", "consortium", "publisher", "insurgents", "rebels", "faction",
    }
)

# Last words of named facilities and natural places ("Kestrel Bay", "Marlow Air Force Base").
PLACE_HEADS: frozenset[str] = frozenset(
    {
        "bay", "island", "islands", "river", "lake", "mount", "mountains", "valley", "gulf", "sea",
        "ocean", "strait", "peninsula", "airport", "base", "port", "harbour", "harbor", "palace",
        "square", "street", "avenue", "hospital", "stadium", "terminal", "station", "bridge",
        "province", "region", "district", "county", "city", "falls", "park", "hall", "house",
        "residence", "camp", "desert", "coast", "cathedral", "mosque", "temple", "memorial",
    }
)

# Days, months and relative time words that the model glues onto names ("Congress on Friday").
TIME_WORDS: frozenset[str] = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "tonight", "week", "weekend",
        "month", "year", "morning", "afternoon", "evening", "night",
    }
)

# Prepositions whose object is a place ("landed in X", "due to travel to X", "talks at X").
LOCATIVE_PREPS: frozenset[str] = frozenset(
    {"in", "to", "at", "from", "into", "via", "near", "outside", "across", "through", "toward", "towards", "around"}
)

# Verbs whose object is a place.
TRAVEL_VERBS: frozenset[str] = frozenset(
    {"visit", "tour", "reach", "leave", "enter", "travel", "fly", "land", "arrive", "return", "head", "go", "move", "depart"}
)

# Verbs whose "to" object or subject is a person ("spoke to X", "X said").
SPEECH_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "speak", "talk", "write", "reply", "explain", "listen", "add", "ask", "announce", "report", "insist", "argue", "warn", "urge", "note", "claim", "deny", "confirm", "accord"}
)

# Role labels that open transcript turns ("HOST:", "CORRESPONDENT:"): not names.
SPEAKER_ROLES: frozenset[str] = frozenset(
    {"host", "correspondent", "anchor", "reporter", "moderator", "interviewer", "presenter",
     "narrator", "announcer", "unidentified", "caller", "guest", "voice", "crosstalk", "translator", "interpreter"}
)

# Letters that mark a sports club's name before or after it ("Sporting CP", "AC Kestrel").
CLUB_MARKS: frozenset[str] = frozenset(
    {"FC", "CF", "AFC", "SC", "CP", "AC", "BK", "FK", "SK", "SV", "RC", "CD", "UD", "SD", "IF", "FF"}
)

# Capitalized words that first-name lists contain but that open body and place names.
NOT_GIVEN_NAMES: frozenset[str] = frozenset(
    {"royal", "general", "free", "christian", "santa", "san", "justice", "liberty", "star", "sun",
     "grand", "young", "long", "summer", "hope", "faith", "grace", "will", "major", "rich",
     "golden", "new", "north", "south", "east", "west", "saint", "st", "mount", "port", "fort",
     "lake", "cape", "al", "el", "la", "le", "los", "las", "de", "di", "du", "van", "von"}
)

# --- Membership lexicons -------------------------------------------------------------------

# Party nouns outside the U.S. ("a Labour MP", "Jane Roe (Conservative)") -> party name.
PARTY_WORDS.update(
    {
        "labour": "Labour Party",
        "labor": "Labor Party",
        "conservative": "Conservative Party",
        "conservatives": "Conservative Party",
        "tory": "Conservative Party",
        "tories": "Conservative Party",
        "liberal": "Liberal Party",
        "liberals": "Liberal Party",
        "greens": "Greens",
        "liberal democrat": "Liberal Democrats",
        "liberal democrats": "Liberal Democrats",
        "lib dem": "Liberal Democrats",
        "lib dems": "Liberal Democrats",
        "social democrat": "Social Democrats",
        "social democrats": "Social Democrats",
        "christian democrat": "Christian Democrats",
        "christian democrats": "Christian Democrats",
    }
)

# Party abbreviations that news prints after a name ("Jane Roe (SPD)") or before a title ("BJP
# leader X"). Abbreviations that also name other things in news (DA, PS, PD, PAN, NDC, AAP) are
# left out.
PARTY_WORDS.update(
    {
        "cdu": "Christian Democratic Union", "csu": "Christian Social Union",
        "spd": "Social Democratic Party of Germany", "fdp": "Free Democratic Party", "afd": "Alternative for Germany",
        "övp": "Austrian People's Party", "spö": "Social Democratic Party of Austria", "fpö": "Freedom Party of Austria",
        "psoe": "Spanish Socialist Workers' Party", "pp": "People's Party", "m5s": "Five Star Movement",
        "snp": "Scottish National Party", "dup": "Democratic Unionist Party", "ukip": "UK Independence Party",
        "sdlp": "Social Democratic and Labour Party", "pis": "Law and Justice", "psl": "Polish People's Party",
        "vvd": "People's Party for Freedom and Democracy", "pvv": "Party for Freedom", "cda": "Christian Democratic Appeal",
        "bjp": "Bharatiya Janata Party", "dmk": "Dravida Munnetra Kazhagam", "pti": "Pakistan Tehreek-e-Insaf",
        "ppp": "Pakistan Peoples Party", "mqm": "Muttahida Qaumi Movement", "bnp": "Bangladesh Nationalist Party",
        "ldp": "Liberal Democratic Party", "kmt": "Kuomintang", "anc": "African National Congress",
        "ifp": "Inkatha Freedom Party", "mdc": "Movement for Democratic Change", "odm": "Orange Democratic Movement",
        "uda": "United Democratic Alliance", "kanu": "Kenya African National Union", "apc": "All Progressives Congress",
        "pdp": "Peoples Democratic Party", "npp": "New Patriotic Party", "nrm": "National Resistance Movement",
        "ccm": "Chama Cha Mapinduzi", "mdb": "Brazilian Democratic Movement", "psdb": "Brazilian Social Democracy Party",
        "pri": "Institutional Revolutionary Party", "akp": "Justice and Development Party",
        "chp": "Republican People's Party", "mhp": "Nationalist Movement Party", "hdp": "Peoples' Democratic Party",
        "ndp": "New Democratic Party", "alp": "Australian Labor Party", "ccp": "Chinese Communist Party",
        "cpc": "Communist Party of China", "epp": "European People's Party", "ecr": "European Conservatives and Reformists",
    }
)

# Portfolio -> the words that name it in a title or a body ("Defence Minister", "Ministry of
# Defense", "Department for Education"); a title names a body when both share a portfolio.
PORTFOLIOS: dict[str, tuple[str, ...]] = {
    "foreign": ("foreign", "foreign affairs", "external affairs"),
    "defense": ("defense", "defence", "armed forces"),
    "interior": ("interior", "home", "home affairs", "internal affairs"),
    "finance": ("finance", "treasury", "finance and economy"),
    "economy": ("economy", "economic affairs", "economic development"),
    "education": ("education",),
    "health": ("health", "public health"),
    "justice": ("justice", "law"),
    "trade": ("trade", "commerce", "industry", "trade and industry", "business"),
    "agriculture": ("agriculture", "farming"),
    "energy": ("energy",),
    "environment": ("environment", "climate"),
    "labor": ("labor", "labour", "employment"),
    "transport": ("transport", "transportation"),
    "culture": ("culture",),
    "sports": ("sport", "sports", "youth and sports"),
    "tourism": ("tourism",),
    "communications": ("communications", "information"),
    "immigration": ("immigration", "migration"),
}

_PORTFOLIOS = (
    "defence", "defense", "health", "finance", "interior", "justice", "trade", "education", "sport",
    "sports", "culture", "energy", "agriculture", "economy", "environment", "labour", "labor",
    "transport", "tourism", "youth", "information", "security", "housing", "immigration",
    "fisheries", "mining", "industry", "commerce", "foreign affairs", "home affairs",
)
TITLES.update(EXTRA_TITLES)
TITLES.update(
    {form.format(p=portfolio): form.format(p=portfolio).title().replace(" Of ", " of ").replace(" For ", " for ")
     for portfolio in _PORTFOLIOS
     for form in ("{p} minister", "{p} secretary", "minister of {p}", "minister of national {p}", "minister for {p}", "secretary of {p}")
     if form.format(p=portfolio) not in TITLES}
)

# Pronouns that open a relative clause ("the party, which she leads"; "the envoy, whom he met").
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
