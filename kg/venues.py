"""Naming patterns of facilities and venues, as data.

The guideline counts named facilities and venues (palaces, residences, hotels, castles,
office buildings, streets where a leader lives) as places. The small model tags them as
people or bodies ("Arnholt Castle" PERSON, "the Corwin Federal Building" ORG) or cuts the
generic head off ("the Oduya residence" -> "Oduya"). These tables name the generic words that
make a name a venue; `kg.nlp` applies them with the context checks that keep "the White House
said" a body.
"""

from __future__ import annotations

from spacy.tokens import Span

# Last words of a venue's name that no person's surname or body's name ends with.
BUILDING_HEADS: frozenset[str] = frozenset({
    "building", "palace", "palais", "palacio", "palazzo", "basilica", "cathedral", "mosque", "synagogue",
    "mansion", "villa", "chateau", "château", "fortress", "citadel", "monastery", "mausoleum", "stadium",
    "airport", "airfield", "airbase", "hotel", "residence", "compound", "chancellery", "pavilion", "auditorium",
    "amphitheatre", "amphitheater", "arena", "buildings", "village",
})
# Street words: "Kavi Marg", "Harcourt Road" are addresses, never people.
STREET_HEADS: frozenset[str] = frozenset({
    "street", "road", "avenue", "boulevard", "lane", "marg", "strasse", "straße", "drive", "crescent",
})
# Venue words that are also surnames ("Barbara Castle", "Stuart Hall") or seats that stand for a
# body ("Capitol Hill lawmakers"): a venue only after a venue preposition, or for a person's label
# when the first word is no given name.
SURNAME_HEADS: frozenset[str] = frozenset({
    "castle", "manor", "hall", "house", "lodge", "tower", "hill", "temple", "chapel", "abbey", "park",
})
# Words that open a venue's name before "of" ("the Basilica of Saint Anselm", "Palace of the Nation").
HEAD_FIRST: frozenset[str] = frozenset({
    "basilica", "cathedral", "palace", "palais", "palacio", "palazzo", "castle", "shrine", "mosque", "temple",
    "mausoleum", "tomb", "monastery", "abbey", "hotel", "hôtel", "villa", "fortress", "citadel",
})
# Links after a head that opens a venue's name ("Palace of the Nation", "Hôtel de Brissac").
HEAD_LINKS: frozenset[str] = frozenset({"of", "de", "du", "des"})
# Honorifics of the person a venue is named after ("the Sir Tomas Riva Hall"): part of its name.
NAMESAKE_HONORIFICS: frozenset[str] = frozenset({"sir", "dame", "saint", "st", "st.", "king", "queen", "prince", "princess"})
# Lower-case words naming a site after a name ("the Kestrel memorial", "the Hollin Road depot").
SITE_WORDS: frozenset[str] = frozenset({
    "residence", "estate", "compound", "mansion", "villa", "ranch", "palace", "memorial", "monument", "depot", "hall",
    "market", "terminal", "headquarters", "campus", "plant", "factory", "refinery", "mine", "shipyard", "stadium",
    "arena", "airport", "airbase", "base", "museum", "cemetery", "hospital", "camp", "port", "station", "square",
})
# Foreign head words that open a venue's name directly ("Casa Rosada", "Palazzo Chigi").
BARE_HEAD_FIRST: frozenset[str] = frozenset({"casa", "palacio", "palazzo", "palais", "plaza", "piazza", "schloss", "château"})
# Words before "Office" that make it a body ("the Cabinet Office", "the Press Office"); any other
# name before it, where people meet, names a room or building ("met in the Lantern Office").
OFFICE_BODY_MODIFIERS: frozenset[str] = frozenset({
    "cabinet", "war", "press", "regional", "federal", "presidential", "prime", "president", "central", "executive",
    "national", "state", "county", "city", "district", "field", "general", "main", "head", "public", "foreign",
    "home", "crown", "colonial", "patent", "audit", "passport", "tax", "post", "land", "records", "information",
    "european", "international", "legal", "statistics", "budget", "security", "intelligence", "mayor", "governor",
})
# Prepositions that put a name where someone is ("met at X", "waited outside X").
VENUE_PREPS: frozenset[str] = frozenset({"at", "inside", "outside", "into", "in", "on", "near"})
# Last words that make a venue's name a company's ("Marrow Hotel Group", "Kestrel Hotels").
COMPANY_TAILS: frozenset[str] = frozenset({"group", "hotels", "resorts", "holdings", "company", "corp", "inc", "ltd", "plc"})

VENUE_HEADS: frozenset[str] = BUILDING_HEADS | STREET_HEADS | SURNAME_HEADS


def venue_head(words: Span) -> str | None:
    """The generic word that makes `words` a venue's name, or None.

    The head ends the name ("Dunmore Stadium") or opens it before "of" ("Cathedral of X",
    "Hôtel de Matignon"); it must be capitalized, as a name's part is.
    """
    if len(words) < 2 or words[-1].lower_ in COMPANY_TAILS:
        return None
    last, first = words[-1], words[0]
    if last.lower_ in VENUE_HEADS and last.text[:1].isupper():
        return last.lower_
    if first.lower_ in HEAD_FIRST and first.text[:1].isupper() and words[1].lower_ in HEAD_LINKS:
        return first.lower_
    if first.lower_ in BARE_HEAD_FIRST and first.text[:1].isupper() and words[1].text[:1].isupper():
        return first.lower_
    return None


def after_venue_preposition(words: Span) -> bool:
    """"at the X", "outside X": the name stands where a place does."""
    doc = words.doc
    k = words.start - 1
    if k >= 0 and doc[k].lower_ in NAMESAKE_HONORIFICS:
        k -= 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in VENUE_PREPS
