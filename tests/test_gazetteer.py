"""The world gazetteer and the first-name list behind entity typing."""

from __future__ import annotations

import pytest

from kg.gazetteer import fold, is_given_name, is_place


@pytest.mark.parametrize("name", ["Apia", "Lomé", "Lome", "São Paulo", "Sao Paulo", "Rzeszów", "Winnipeg", "Ghana", "Europe", "Ohio"])
def test_known_places(name):
    assert is_place(name)


@pytest.mark.parametrize("name", ["Quillborough Heights", "Wielgosz", "Social Democratic Party", ""])
def test_not_places(name):
    assert not is_place(name)


@pytest.mark.parametrize(("word", "expected"), [("Tomasz", True), ("Fiona", True), ("Jean-Luc", True), ("Al", True), ("Al-Kestrel", False), ("El-Marsa", False), ("Ministry", False), ("fiona", False), ("X", False),
                                               ("Jéssica", True), ("Fióna", True), ("Mïnistry", False)])
def test_given_names(word, expected):
    assert is_given_name(word) is expected


def test_fold_strips_accents_case_and_punctuation():
    assert fold("Nuku’alofa") == fold("NUKU'ALOFA") == "nuku alofa"
