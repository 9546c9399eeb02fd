"""Lexicon tables: well-formed data, and the party abbreviations resolve to parties in text."""

from __future__ import annotations

import pytest

from kg.lexicons import HONORIFICS, PARTY_WORDS, PORTFOLIOS, STYLE_TITLES, TITLES
from kg.resolve import resolve

# Abbreviations that news uses for other things than parties must stay out of the party table.
AMBIGUOUS_ABBREVIATIONS = ["da", "ps", "pd", "pan", "ndc", "aap", "id", "inc"]


def test_party_words_are_lower_case_keys_with_proper_names():
    for word, party in PARTY_WORDS.items():
        assert word == word.lower() and party[:1].isupper()


@pytest.mark.parametrize("word", AMBIGUOUS_ABBREVIATIONS)
def test_ambiguous_abbreviations_are_not_parties(word):
    assert word not in PARTY_WORDS


def test_titles_are_keyed_lower_case():
    assert all(title == title.lower() for title in TITLES)


def test_styles_are_lower_case_and_record_no_role():
    """A style in TITLES too would be recorded as the person's role."""
    assert all(style == style.lower() for style in STYLE_TITLES)
    assert not STYLE_TITLES & set(TITLES) and not STYLE_TITLES & HONORIFICS


def test_portfolio_phrases_are_lower_case():
    assert all(phrase == phrase.lower() for phrases in PORTFOLIOS.values() for phrase in phrases)


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("Klaus Weber (SPD) said the coalition would hold.", "SPD"),
        ("Anja Roth (AfD) walked out of the debate.", "AfD"),
        ("Lars Holm (CDU) and Eva Dahl (FDP) voted no.", "FDP"),
    ],
)
def test_a_bracketed_party_abbreviation_is_a_body(nlp, text, abbreviation):
    resolution = resolve(nlp(text))
    assert any(e.type == "Organization" and abbreviation in (e.name, *e.aliases) for e in resolution.entities)
