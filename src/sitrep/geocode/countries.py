"""Country words the gazetteer does not carry: demonyms and common short names.

Written for sitrep; keys are ISO 3166-1 alpha-2 codes. Demonyms give the
document's country focus ("Syrian forces" -> SY); aliases are extra names
under which a country is indexed ("DRC", "Burma").
"""

from __future__ import annotations

DEMONYMS: dict[str, tuple[str, ...]] = {
    "AF": ("Afghan", "Afghans"), "AL": ("Albanian",), "DZ": ("Algerian",),
    "AO": ("Angolan",), "AR": ("Argentine", "Argentinian"), "AM": ("Armenian",),
    "AU": ("Australian",), "AT": ("Austrian",), "AZ": ("Azerbaijani", "Azeri"),
    "BH": ("Bahraini",), "BD": ("Bangladeshi",), "BY": ("Belarusian",),
    "BE": ("Belgian",), "BJ": ("Beninese",), "BO": ("Bolivian",), "BA": ("Bosnian",),
    "BR": ("Brazilian",), "BF": ("Burkinabe", "Burkinabè"), "BI": ("Burundian",),
    "KH": ("Cambodian",), "CM": ("Cameroonian",), "CA": ("Canadian",),
    "CF": ("Central African",), "TD": ("Chadian",), "CL": ("Chilean",),
    "CN": ("Chinese",), "CO": ("Colombian",), "CD": ("Congolese",), "HR": ("Croatian",),
    "CU": ("Cuban",), "CY": ("Cypriot",), "DK": ("Danish",), "DJ": ("Djiboutian",),
    "DO": ("Dominican",), "EC": ("Ecuadorian",), "EG": ("Egyptian",),
    "SV": ("Salvadoran",), "ER": ("Eritrean",), "EE": ("Estonian",),
    "ET": ("Ethiopian",), "FI": ("Finnish",), "FR": ("French",), "GA": ("Gabonese",),
    "GM": ("Gambian",), "GE": ("Georgian",), "DE": ("German",), "GH": ("Ghanaian",),
    "GR": ("Greek",), "GT": ("Guatemalan",), "GN": ("Guinean",), "HT": ("Haitian",),
    "HN": ("Honduran",), "HU": ("Hungarian",), "IN": ("Indian",),
    "ID": ("Indonesian",), "IR": ("Iranian",), "IQ": ("Iraqi", "Iraqis"),
    "IE": ("Irish",), "IL": ("Israeli", "Israelis"), "IT": ("Italian",),
    "CI": ("Ivorian",), "JM": ("Jamaican",), "JP": ("Japanese",),
    "JO": ("Jordanian",), "KZ": ("Kazakh",), "KE": ("Kenyan",), "XK": ("Kosovar",),
    "KW": ("Kuwaiti",), "KG": ("Kyrgyz",), "LA": ("Laotian",), "LV": ("Latvian",),
    "LB": ("Lebanese",), "LR": ("Liberian",), "LY": ("Libyan",),
    "LT": ("Lithuanian",), "MG": ("Malagasy",), "MW": ("Malawian",),
    "MY": ("Malaysian",), "ML": ("Malian",), "MR": ("Mauritanian",),
    "MX": ("Mexican",), "MD": ("Moldovan",), "MN": ("Mongolian",),
    "ME": ("Montenegrin",), "MA": ("Moroccan",), "MZ": ("Mozambican",),
    "MM": ("Burmese", "Myanmar's"), "NA": ("Namibian",), "NP": ("Nepali", "Nepalese"),
    "NL": ("Dutch",), "NZ": ("New Zealander",), "NI": ("Nicaraguan",),
    "NE": ("Nigerien",), "NG": ("Nigerian",), "KP": ("North Korean",),
    "NO": ("Norwegian",), "OM": ("Omani",), "PK": ("Pakistani",),
    "PS": ("Palestinian", "Palestinians", "Gazan", "Gazans"), "PA": ("Panamanian",),
    "PG": ("Papua New Guinean",), "PY": ("Paraguayan",), "PE": ("Peruvian",),
    "PH": ("Filipino", "Philippine"), "PL": ("Polish",), "PT": ("Portuguese",),
    "QA": ("Qatari",), "RO": ("Romanian",), "RU": ("Russian", "Russians"),
    "RW": ("Rwandan",), "SA": ("Saudi", "Saudis"), "SN": ("Senegalese",),
    "RS": ("Serbian",), "SL": ("Sierra Leonean",), "SK": ("Slovak",),
    "SI": ("Slovenian",), "SO": ("Somali", "Somalis"), "ZA": ("South African",),
    "KR": ("South Korean",), "SS": ("South Sudanese",), "ES": ("Spanish",),
    "LK": ("Sri Lankan",), "SD": ("Sudanese",), "SE": ("Swedish",), "CH": ("Swiss",),
    "SY": ("Syrian", "Syrians"), "TW": ("Taiwanese",), "TJ": ("Tajik",),
    "TZ": ("Tanzanian",), "TH": ("Thai",), "TG": ("Togolese",), "TN": ("Tunisian",),
    "TR": ("Turkish",), "TM": ("Turkmen",), "UG": ("Ugandan",),
    "UA": ("Ukrainian", "Ukrainians"), "AE": ("Emirati",), "GB": ("British",),
    "US": ("American", "Americans"), "UY": ("Uruguayan",), "UZ": ("Uzbek",),
    "VE": ("Venezuelan",), "VN": ("Vietnamese",), "EH": ("Sahrawi",),
    "YE": ("Yemeni", "Yemenis"), "ZM": ("Zambian",), "ZW": ("Zimbabwean",),
}

ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA", "U.S.", "U.S.A.", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Congo Brazzaville"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"), "MM": ("Burma",),
    "PS": ("Palestine", "Palestinian Territories", "Gaza Strip", "Occupied Palestinian Territory"),
    "CZ": ("Czech Republic",), "TR": ("Türkiye", "Turkiye"), "NL": ("Netherlands", "Holland"),
    "KR": ("Republic of Korea",), "KP": ("DPRK",), "CV": ("Cape Verde",),
    "SZ": ("Swaziland",), "MK": ("Macedonia",), "TL": ("East Timor", "Timor-Leste"),
    "AE": ("UAE", "U.A.E."), "SY": ("Syrian Arab Republic",), "RU": ("Russian Federation",),
    "IR": ("Islamic Republic of Iran",), "VA": ("Vatican City", "Holy See"),
}

# Armed groups, forces and bodies that act in one country only: a weaker sign of the
# document's country than a demonym (they also operate across borders now and then).
ACTOR_CUES: dict[str, tuple[str, ...]] = {
    "UA": ("OSCE SMM", "Special Monitoring Mission to Ukraine"),
    "YE": ("Houthi", "Houthis", "Ansar Allah", "Hadi government", "STC"),
    "LY": ("GNA", "LNA", "Haftar"),
    "BI": ("Imbonerakure", "CNDD-FDD"),
    "MM": ("Tatmadaw", "Arakan Army"),
    "SO": ("Al Shabaab", "al-Shabaab", "Al-Shabaab", "AMISOM"),
    "CD": ("FARDC", "Mai-Mai", "Mai Mai", "Raia Mutomboki", "CODECO", "MONUSCO"),
    "SS": ("SSPDF", "SPLA-IO", "SPLM-IO", "payam"),
    "SD": ("Janjaweed", "RSF"),
    "IQ": ("Peshmerga", "PMF", "Hashd al-Shaabi"),
    "SY": ("SDF", "HTS", "Hay'at Tahrir al-Sham"),
    "AF": ("ANDSF",),
    "PH": ("barangay", "Barangay", "BIFF", "Abu Sayyaf"),
    "MX": ("CJNG", "Sinaloa Cartel"),
    "CM": ("Ambazonian", "Ambazonia"),
    "NG": ("IPOB", "Amotekun"),
    "CF": ("MINUSCA", "Anti-Balaka", "anti-Balaka"),
    "ML": ("MINUSMA", "FAMa"),
    "BF": ("VDP", "Koglweogo"),
}
