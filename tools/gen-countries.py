#!/usr/bin/env python3
"""gen-countries.py: writes data/dict/countries.actors.txt, dyad's built-in country actors.

The skeleton (one entry per ISO 3166-1 country or territory, coded with its alpha-3
code) comes from Debian's iso-codes; the tables below add the names news uses (short
names, adjectives, demonyms), capitals and seats of government (coded COUNTRY+GOV),
national institutions, and phrases that must not code a country ("South China Sea").
Usage: python3 tools/gen-countries.py [iso_3166-1.json] > data/dict/countries.actors.txt
"""
import json
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# Per country: extra names, then adjectives and demonyms, separated by '|'.  Plurals
# are listed because actor phrases get no generated plurals.
NAMES = """
ABW | Aruban, Arubans
AFG | Afghan, Afghans
AGO | Angolan, Angolans
ALB | Albanian, Albanians
AND | Andorran, Andorrans
ARE | UAE, U.A.E., Emirates | Emirati, Emiratis
ARG | Argentine, Argentinian, Argentines, Argentinians
ARM | Armenian, Armenians
ATG | Antigua | Antiguan, Antiguans
AUS | Australian, Australians
AUT | Austrian, Austrians
AZE | Azerbaijani, Azerbaijanis, Azeri, Azeris
BDI | Burundian, Burundians
BEL | Belgian, Belgians
BEN | Beninese
BFA | Burkinabe, Burkinabes
BGD | Bangladeshi, Bangladeshis
BGR | Bulgarian, Bulgarians
BHR | Bahraini, Bahrainis
BHS | The Bahamas | Bahamian, Bahamians
BIH | Bosnia, Bosnia-Herzegovina | Bosnian, Bosnians
BLR | Belorussia | Belarusian, Belarusians
BLZ | Belizean, Belizeans
BMU | Bermudian, Bermudians
BOL | Bolivian, Bolivians
BRA | Brazilian, Brazilians
BRB | Barbadian, Barbadians
BRN | Brunei | Bruneian, Bruneians
BTN | Bhutanese
BWA | Botswanan, Batswana
CAN | Canadian, Canadians
CHE | Swiss
CHL | Chilean, Chileans
CHN | Mainland China, PRC | Chinese
CIV | Cote d'Ivoire, Ivory Coast | Ivorian, Ivorians
CMR | Cameroonian, Cameroonians
COD | DR Congo, DRC, D.R.C., Democratic Republic of Congo, Democratic Republic of the Congo, Congo-Kinshasa, Zaire
COG | Republic of Congo, Congo-Brazzaville
COL | Colombian, Colombians
COM | Comorian, Comorians
CPV | Cape Verde | Cape Verdean, Cape Verdeans
CRI | Costa Rican, Costa Ricans
CUB | Cuban, Cubans
CYP | Cypriot, Cypriots
CZE | Czech Republic | Czech, Czechs
DEU | German, Germans
DJI | Djiboutian, Djiboutians
DNK | Danish, Dane, Danes
DOM | Dominican, Dominicans
DZA | Algerian, Algerians
ECU | Ecuadorian, Ecuadorean, Ecuadorians, Ecuadoreans
EGY | Egyptian, Egyptians
ERI | Eritrean, Eritreans
ESP | Spanish, Spaniard, Spaniards
EST | Estonian, Estonians
ETH | Ethiopian, Ethiopians
FIN | Finnish, Finn, Finns
FJI | Fijian, Fijians
FRA | French, Frenchman, Frenchmen, Frenchwoman
GAB | Gabonese
GBR | Britain, Great Britain, U.K., UK, England, Scotland, Wales, Northern Ireland | British, Briton, Britons, Scottish, Welsh
GEO | Georgian, Georgians
GHA | Ghanaian, Ghanaians
GIN | Guinean, Guineans
GMB | The Gambia | Gambian, Gambians
GNB | Bissau-Guinean, Bissau-Guineans
GNQ | Equatorial Guinean, Equatorial Guineans
GRC | Greek, Greeks
GRD | Grenadian, Grenadians
GRL | Greenlandic, Greenlanders
GTM | Guatemalan, Guatemalans
GUY | Guyanese
HKG | Hong Konger, Hong Kongers
HND | Honduran, Hondurans
HRV | Croatian, Croatians, Croat, Croats
HTI | Haitian, Haitians
HUN | Hungarian, Hungarians
IDN | Indonesian, Indonesians
IND | Indian, Indians
IRL | Republic of Ireland, Eire | Irish, Irishman, Irishmen
IRN | Iranian, Iranians
IRQ | Iraqi, Iraqis
ISL | Icelandic, Icelander, Icelanders
ISR | Israeli, Israelis
ITA | Italian, Italians
JAM | Jamaican, Jamaicans
JOR | Jordanian, Jordanians
JPN | Japanese
KAZ | Kazakh, Kazakhs, Kazakhstani, Kazakhstanis
KEN | Kenyan, Kenyans
KGZ | Kyrgyz, Kyrgyzstani
KHM | Kampuchea | Cambodian, Cambodians
KIR | I-Kiribati
KNA | St. Kitts, Saint Kitts, St. Kitts and Nevis | Kittitian, Kittitians
KOR | Republic of Korea, ROK | South Korean, South Koreans
KWT | Kuwaiti, Kuwaitis
LAO | Lao PDR | Laotian, Laotians
LBN | Lebanese
LBR | Liberian, Liberians
LBY | Libyan, Libyans
LCA | St. Lucia | Saint Lucian, Saint Lucians
LIE | Liechtensteiner, Liechtensteiners
LKA | Ceylon | Sri Lankan, Sri Lankans
LSO | Basotho, Mosotho
LTU | Lithuanian, Lithuanians
LUX | Luxembourger, Luxembourgers
LVA | Latvian, Latvians
MAC | Macau | Macanese
MAR | Moroccan, Moroccans
MCO | Monegasque, Monegasques
MDA | Moldovan, Moldovans
MDG | Malagasy
MDV | Maldivian, Maldivians
MEX | Mexican, Mexicans
MHL | Marshallese
MKD | Macedonia, FYROM | Macedonian, Macedonians
MLI | Malian, Malians
MLT | Maltese
MMR | Burma | Burmese
MNE | Montenegrin, Montenegrins
MNG | Mongolian, Mongolians
MOZ | Mozambican, Mozambicans
MRT | Mauritanian, Mauritanians
MUS | Mauritian, Mauritians
MWI | Malawian, Malawians
MYS | Malaysian, Malaysians
NAM | Namibian, Namibians
NER | Nigerien, Nigeriens
NGA | Nigerian, Nigerians
NIC | Nicaraguan, Nicaraguans
NLD | The Netherlands, Holland | Dutch, Dutchman, Dutchmen
NOR | Norwegian, Norwegians
NPL | Nepali, Nepalese, Nepalis
NRU | Nauruan, Nauruans
NZL | New Zealander, New Zealanders
OMN | Omani, Omanis
PAK | Pakistani, Pakistanis
PAN | Panamanian, Panamanians
PER | Peruvian, Peruvians
PHL | The Philippines | Filipino, Filipinos, Philippine
PLW | Palauan, Palauans
PNG | Papua New Guinean, Papua New Guineans
POL | Polish, Pole, Poles
PRI | Puerto Rican, Puerto Ricans
PRK | DPRK, D.P.R.K. | North Korean, North Koreans
PRT | Portuguese
PRY | Paraguayan, Paraguayans
PSE | Palestine, Palestinian Territories, Occupied Palestinian Territories, West Bank, Gaza, Gaza Strip | Palestinian, Palestinians
QAT | Qatari, Qataris
ROU | Rumania | Romanian, Romanians
RUS | Russia | Russian, Russians
RWA | Rwandan, Rwandans
SAU | Saudi, KSA | Saudi, Saudis, Saudi Arabian, Saudi Arabians
SDN | The Sudan | Sudanese
SEN | Senegalese
SGP | Singaporean, Singaporeans
SLB | Solomon Islander, Solomon Islanders
SLE | Sierra Leonean, Sierra Leoneans
SLV | Salvadoran, Salvadorans, Salvadorean, Salvadoreans
SMR | Sammarinese
SOM | Somali, Somalis
SRB | Serbian, Serbians, Serb, Serbs
SSD | South Sudanese
STP | Sao Tomean, Sao Tomeans
SUR | Surinamese
SVK | Slovak, Slovaks, Slovakian
SVN | Slovene, Slovenes, Slovenian, Slovenians
SWE | Swedish, Swede, Swedes
SWZ | Swaziland | Swazi, Swazis
SYC | Seychellois
SYR | Syrian, Syrians
TCD | Chadian, Chadians
TGO | Togolese
THA | Siam | Thai, Thais
TJK | Tajik, Tajiks, Tajikistani
TKM | Turkmen
TLS | East Timor | Timorese
TON | Tongan, Tongans
TTO | Trinidad | Trinidadian, Trinidadians
TUN | Tunisian, Tunisians
TUR | Turkey | Turkish, Turk, Turks
TUV | Tuvaluan, Tuvaluans
TWN | Taiwanese
TZA | Tanzanian, Tanzanians
UGA | Ugandan, Ugandans
UKR | Ukrainian, Ukrainians
URY | Uruguayan, Uruguayans
USA | U.S., U.S.A., USA, America, United States of America | American, Americans
UZB | Uzbek, Uzbeks
VAT | Vatican, Vatican City, Holy See
VCT | St. Vincent, Saint Vincent | Vincentian, Vincentians
VEN | Venezuelan, Venezuelans
VGB | British Virgin Islands
VIR | U.S. Virgin Islands, US Virgin Islands
VNM | Vietnamese
VUT | Ni-Vanuatu
WSM | Samoan, Samoans
YEM | Yemeni, Yemenis
ZAF | South African, South Africans
ZMB | Zambian, Zambians
ZWE | Zimbabwean, Zimbabweans
BES | Bonaire, Sint Eustatius, Caribbean Netherlands
CCK | Cocos Islands, Keeling Islands
FLK | Falklands, Falkland Islands, Malvinas
FSM | Micronesia | Micronesian, Micronesians
SHN | Saint Helena, St. Helena, Ascension Island, Tristan da Cunha
MAF | Saint Martin, St. Martin
SXM | Sint Maarten
BLM | St. Barthelemy, St. Barts
SPM | St. Pierre and Miquelon
"""

# The name each entry is listed under when the ISO short name will not do.
PRIMARY = {
    "BOL": "Bolivia", "COD": "Democratic Republic of the Congo", "FLK": "Falkland Islands",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos",
    "MDA": "Moldova", "PRK": "North Korea", "PSE": "Palestine", "RUS": "Russia",
    "SYR": "Syria", "TUR": "Turkey", "TWN": "Taiwan", "TZA": "Tanzania",
    "VAT": "Vatican", "VEN": "Venezuela", "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands", "VNM": "Vietnam", "BES": "Caribbean Netherlands",
    "SHN": "Saint Helena", "CCK": "Cocos Islands", "MAF": "Saint Martin",
    "SXM": "Sint Maarten", "USA": "United States", "GBR": "United Kingdom",
}

# ISO names that are left out: common words or names that mostly mean something else
# in news text.
EXCLUDE = {
    "JERSEY": "a shirt, and New Jersey; the island is listed as Bailiwick of Jersey",
}
EXTRA_FOR_EXCLUDED = {"JEY": ["Bailiwick of Jersey"]}

# Capitals and seats of government, read as metonyms for the government
# ("Tehran said", "the Kremlin denied").  Capitals that share the country's name
# (Kuwait, Singapore, Djibouti, Luxembourg...) are left to the country entry;
# so are capitals that are common given names or other places (Victoria, Sofia,
# San Jose, Georgetown, Kingston) and contested ones (Jerusalem).
SEATS = """
AFG | Kabul
AGO | Luanda
ALB | Tirana
ARE | Abu Dhabi
ARG | Buenos Aires, Casa Rosada
ARM | Yerevan
AUS | Canberra
AUT | Vienna
AZE | Baku
BGD | Dhaka
BHR | Manama
BIH | Sarajevo
BLR | Minsk
BOL | La Paz
BRA | Brasilia, Planalto Palace
CAN | Ottawa, Parliament Hill
CHE | Bern
CHL | Santiago, La Moneda
CHN | Beijing, Zhongnanhai
COD | Kinshasa
COG | Brazzaville
COL | Bogota
CUB | Havana
CZE | Prague
DEU | Berlin
DNK | Copenhagen
DZA | Algiers
ECU | Quito
EGY | Cairo
ERI | Asmara
ESP | Madrid, Moncloa
EST | Tallinn
ETH | Addis Ababa
FIN | Helsinki
FRA | Paris, Elysee, Elysee Palace, Quai d'Orsay
GBR | London, Downing Street, Whitehall
GEO | Tbilisi
GHA | Accra
GRC | Athens
GTM | Guatemala City
HRV | Zagreb
HTI | Port-au-Prince
HUN | Budapest
IDN | Jakarta
IND | New Delhi
IRL | Dublin
IRN | Tehran, Teheran
IRQ | Baghdad
ISL | Reykjavik
ITA | Rome, Palazzo Chigi
JOR | Amman
JPN | Tokyo
KAZ | Astana, Nur-Sultan
KEN | Nairobi
KGZ | Bishkek
KHM | Phnom Penh
KOR | Seoul, Blue House
LBN | Beirut
LBY | Tripoli
LKA | Colombo
LTU | Vilnius
LVA | Riga
MAR | Rabat
MDA | Chisinau
MEX | Mexico City
MKD | Skopje
MLI | Bamako
MMR | Naypyidaw, Naypyitaw, Rangoon, Yangon
MNE | Podgorica
MNG | Ulaanbaatar, Ulan Bator
MOZ | Maputo
MYS | Kuala Lumpur, Putrajaya
NER | Niamey
NGA | Abuja
NIC | Managua
NLD | The Hague
NOR | Oslo
NPL | Kathmandu
NZL | Wellington
OMN | Muscat
PAK | Islamabad
PAN | Panama City
PER | Lima
PHL | Manila, Malacanang
POL | Warsaw
PRK | Pyongyang
PRT | Lisbon
PSE | Ramallah
QAT | Doha
ROU | Bucharest
RUS | Moscow, Kremlin, The Kremlin
RWA | Kigali
SAU | Riyadh
SDN | Khartoum
SEN | Dakar
SLV | San Salvador
SOM | Mogadishu
SRB | Belgrade
SSD | Juba
SVK | Bratislava
SVN | Ljubljana
SWE | Stockholm
SYR | Damascus
THA | Bangkok
TJK | Dushanbe
TKM | Ashgabat
TUN | Tunis
TUR | Ankara
TWN | Taipei
TZA | Dodoma
UGA | Kampala
UKR | Kyiv, Kiev
URY | Montevideo
USA | Washington, White House, The White House, State Department, U.S. State Department, Foggy Bottom, Oval Office
UZB | Tashkent
VEN | Caracas, Miraflores
VNM | Hanoi
YEM | Sanaa, Sana'a
ZAF | Pretoria, Union Buildings
ZMB | Lusaka
ZWE | Harare
"""

# National institutions with a role other than GOV, and a few outlets that would
# otherwise code as a capital.  code | phrases
INSTITUTIONS = """
USAMIL | Pentagon, The Pentagon, U.S. military, U.S. Army, U.S. Navy, U.S. Air Force, U.S. Marines, CENTCOM
USALEG | Capitol Hill, U.S. Congress, U.S. Senate, U.S. House of Representatives
USASPY | CIA, C.I.A., Central Intelligence Agency
USACOP | FBI, F.B.I., Federal Bureau of Investigation
USAJUD | Supreme Court of the United States, U.S. Supreme Court
USAMED | Washington Post, New York Times, Wall Street Journal, CNN, Fox News, NPR, Associated Press, Yahoo News
GBRLEG | Westminster, House of Commons, House of Lords
GBRMED | BBC, Reuters
FRAMED | AFP, Agence France-Presse
QATMED | Al Jazeera, Al-Jazeera
LBNMED | Al-Akhbar
RUSLEG | Duma, State Duma
RUSSPY | FSB, KGB
RUSMED | RIA Novosti, TASS, Itar-Tass
ISRLEG | Knesset
ISRMIL | IDF, Israel Defense Forces, Israeli Defense Forces
ISRSPY | Mossad, Shin Bet
IRNMIL | Revolutionary Guard, Revolutionary Guards, Islamic Revolutionary Guard Corps, IRGC, Quds Force
IRNLEG | Majlis
IRNMED | IRNA, Press TV, Fars News Agency
DEULEG | Bundestag
DEUMIL | Bundeswehr
CHNMIL | People's Liberation Army, PLA
CHNMED | Xinhua
SYRREB | Free Syrian Army, FSA, Syrian Democratic Forces
SYRMIL | Syrian Arab Army
UKRLEG | Verkhovna Rada
USAJUD | Justice Department, Department of Justice, U.S. Justice Department, DOJ, U.S. Attorney's Office
USACOP | Secret Service, Department of Homeland Security, Homeland Security Department, DHS
USASPY | National Security Agency, NSA, Director of National Intelligence, Office of the Director of National Intelligence
USALEG | Congress, Senate Republicans, Senate Democrats, House Republicans, House Democrats, Congressional Republicans, Congressional Democrats, House Speaker, Speaker of the House, Senate Majority Leader, Senate Minority Leader, House Intelligence Committee, Senate Intelligence Committee, House Oversight Committee, Senate Foreign Relations Committee, Senate Judiciary Committee, Senate Armed Services Committee, House Judiciary Committee
USAPTYDEM | Democratic Party, Democrats, Democratic National Committee, DNC, Democratic National Convention
USAPTYREP | Republican Party, Republicans, GOP, Republican National Committee, RNC, Republican National Convention
USAMED | MSNBC, NBC, NBC News, ABC News, CBS, CBS News, Politico, Breitbart, Breitbart News, USA Today, Los Angeles Times, Bloomberg, Bloomberg News, Huffington Post, BuzzFeed, BuzzFeed News, New York Post, Washington Times, The New Yorker, Newsweek, Time Magazine, Chicago Tribune, Boston Globe, Voice of America
USA | Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, New Mexican, New York State, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming, Washington State, New York City, Chicago, Los Angeles, San Francisco, Philadelphia, Miami, Houston, Boston, Detroit, Cleveland, Baltimore, Milwaukee, Dallas, Denver, Atlanta, Seattle, Pittsburgh, Las Vegas, Floridian, Texan, Texans, Californian, Californians, Ohioan, Ohioans, New Yorker, New Yorkers
GBRMED | Financial Times, The Economist, Sky News, Daily Mail, Daily Telegraph, The Telegraph
DEUMED | Der Spiegel, Deutsche Welle, Bild
ISRMED | Haaretz, Times of Israel, Jerusalem Post, Yedioth Ahronoth
TURMED | Anadolu, Anadolu Agency
RUSMED | Russia Today, RT, Sputnik, Interfax
USACOP | NYPD, N.Y.P.D., New York Police Department, LAPD, Los Angeles Police Department
USAGOV | Environmental Protection Agency, EPA, Internal Revenue Service, IRS
USABUS | Wells Fargo, Goldman Sachs, JPMorgan Chase, Bank of America, Citigroup, ExxonMobil, Exxon Mobil, Trump Organization, Peabody Energy
CHNMED | Global Times, People's Daily, CCTV, China Daily
FRALEG | French National Assembly, French Senate
DEULEG | Bundesrat
KUR | Kurd, Kurds, Kurdish
"""

# Phrases that contain a country name but do not name a country; coding them [---]
# keeps the longer phrase from falling back to the country.
NOT_COUNTRIES = """
South China Sea, East China Sea, Indian Ocean, Sea of Japan, Gulf of Mexico,
New Guinea, New South Wales, Korean Peninsula, Turkey Point, Jordan River,
Chinese New Year, Persian Gulf, Arabian Sea, Arabian Peninsula,
Native American, Native Americans, English Channel
"""


def fold(s):
    """The ASCII variant of a name with diacritics (Cote d'Ivoire)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def phrase(name):
    """A dictionary phrase: upper case, words joined by '_' (adjacent), a trailing '_'
    (whole words).  The tokenizer splits the possessive "'s" off its word, so a name such
    as "People's Republic of China" gets a blank joiner there, which allows the token."""
    name = name.strip()
    if name.lower().startswith("the ") and len(name.split()) > 2:
        name = name[4:]
    words = name.upper().split()
    out = ""
    for i, w in enumerate(words):
        joiner = "" if i == 0 else "_"
        if w.endswith("'S"):
            w = w[:-2]
            out += joiner + w + " "
            continue
        out += ("" if out.endswith(" ") else joiner) + w
    return out.replace(" _", " ") + "_"


def names_of(entry):
    """The ISO names of one country that are usable phrases."""
    out = []
    for key in ("common_name", "name", "official_name"):
        n = entry.get(key)
        if not n or "," in n:
            continue
        if "(" in n:
            n = n[: n.index("(")].strip()
        out.append(n)
    return out


def parse_table(text):
    table = {}
    for line in text.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        code, rest = parts[0], parts[1:]
        items = [i.strip() for part in rest for i in part.split(",") if i.strip()]
        table.setdefault(code, []).extend(items)
    return table


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else ISO_JSON
    with open(path, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    extra = parse_table(NAMES)
    seats = parse_table(SEATS)
    seen = set()
    out = []

    def emit(code, names, note):
        phrases = []
        for n in names:
            for v in (n, fold(n)):
                p = phrase(v)
                if p.rstrip("_") in EXCLUDE or p in seen:
                    continue
                seen.add(p)
                phrases.append(p)
        if not phrases:
            return
        out.append("%s [%s]%s" % (phrases[0], code, "  # " + note if note else ""))
        out.extend("+" + p for p in phrases[1:])
        out.append("")

    out.append(HEADER.rstrip("\n"))
    out.append("")
    out.append("# ---- Phrases that are not countries (they would otherwise code one) ----")
    out.append("")
    for p in [p.strip() for p in NOT_COUNTRIES.replace("\n", ",").split(",") if p.strip()]:
        emit("---", [p], "")

    out.append("# ---- Countries and territories (ISO 3166-1) ----")
    out.append("")
    for c in sorted(countries, key=lambda e: e["alpha_3"]):
        code = c["alpha_3"]
        names = []
        if code in PRIMARY:
            names.append(PRIMARY[code])
        names += names_of(c) + extra.get(code, []) + EXTRA_FOR_EXCLUDED.get(code, [])
        emit(code, names, c["name"])

    out.append("# ---- Capitals and seats of government: the government (COUNTRY+GOV) ----")
    out.append("")
    for code in sorted(seats):
        emit(code + "GOV", seats[code], "")

    out.append("# ---- National institutions and media ----")
    out.append("")
    for code, names in parse_table(INSTITUTIONS).items():
        emit(code, names, "")

    out.append("---STOP---")
    sys.stdout.write("\n".join(out) + "\n")


HEADER = """\
# countries.actors.txt: dyad's built-in country actors (TABARI/PETRARCH actor format).
#
# GENERATED by tools/gen-countries.py from Debian's iso-codes (iso_3166-1.json) and
# the tables in that script; edit the script, not this file.
#
# Layout (FORMATS.md section 3): an entry is a primary phrase in column 1 with its
# code in [...], followed by '+' synonym lines that share the code.  Words joined by
# '_' must be adjacent; a blank joiner lets a token stand between them (used for the
# possessive "'s", a separate token).  A trailing '_' asks for whole words.  Matching
# is case-insensitive and the longest phrase wins.
#
# Codes:
#   * Every ISO 3166-1 country and territory is coded with its alpha-3 code, under its
#     short name, its ISO names, and the names, adjectives and demonyms news uses
#     ("Britain", "U.K.", "Iranian", "Turks").  A country named alone is the bare code.
#   * Capitals and seats of government are metonyms for the government and code
#     COUNTRY+GOV: WASHINGTON_ [USAGOV], KREMLIN_ [RUSGOV], DOWNING_STREET_ [GBRGOV],
#     TEHRAN_ [IRNGOV].  Beware that a capital named as a place ("in Baghdad") codes
#     the government too.  Capitals sharing the country's name, capitals that are
#     common given names or other places (Victoria, Sofia, San Jose, Georgetown,
#     Kingston) and Jerusalem (contested) are not listed.
#   * Institutions carry their role: the Pentagon USAMIL, Congress USALEG, the
#     Revolutionary Guard IRNMIL, the Knesset ISRLEG; outlets COUNTRY+MED.
#   * Phrases coded [---] contain a country name but name no country
#     ("South China Sea", "New Mexico"); as the longer phrase they win.
#
# Ambiguities kept on purpose: GEORGIA (also a US state), JORDAN (also a name), CHAD,
# TURKEY (also the bird), CONGO (ISO: the Republic of the Congo, COG; news often means
# the Democratic Republic, listed as DRC / DR Congo).  Left out: JERSEY (a shirt, and
# New Jersey), ENGLISH (the language), bare KOREA and KOREAN (which Korea?), US (the
# pronoun), WHO-style acronyms that are words.  Kosovo has no ISO 3166-1 code and is
# not listed.
"""

if __name__ == "__main__":
    main()
