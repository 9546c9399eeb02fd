"""The packed matcher finds exactly what a plain spaCy Matcher finds, in the same order."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from kg.packed_matcher import PackedMatcher

DOMAINS: dict[str, tuple[object, ...]] = {"pm_kind": ("", "A", "B"), "pm_flag": (False, True)}
for _name, _values in DOMAINS.items():
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=_values[0])

PATTERNS = {
    "kind-a-run": [[{"_": {"pm_kind": "A"}, "OP": "+"}]],
    "flag-then-b": [[{"_": {"pm_flag": True}}, {"LOWER": "of", "OP": "?"},
                     {"_": {"pm_kind": {"IN": ["B"]}}, "OP": "+"}]],
    "plain-word-not-b": [[{"IS_ALPHA": True, "_": {"pm_kind": {"NOT_IN": ["B"]},
                                                   "pm_flag": False}}]],
    "no-extension": [[{"LOWER": "of"}, {"IS_ALPHA": True}]],
    # optional and repeated elements around a required one, ending in optional ones
    "a-then-words": [[{"_": {"pm_kind": {"IN": ["A", "B"]}}, "OP": "+"}, {"ORTH": ",", "OP": "?"},
                      {"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": ["and", "of"]}},
                      {"_": {"pm_kind": ""}, "OP": "*"}, {"ORTH": {"REGEX": "^[A-Z]"}, "OP": "?"}]],
    "not-a-then-b": [[{"LOWER": "and"}, {"_": {"pm_kind": "A"}, "OP": "!"}, {"_": {"pm_kind": "B"}}]],
}
WORDS = ["Ann", "of", "the", "Board", "said", ",", "Bo", "and", "Cy", "of", "Acme", "."]
NLP = spacy.blank("en")


def _matchers() -> tuple[Matcher, PackedMatcher]:
    plain, packed = Matcher(NLP.vocab), PackedMatcher()
    for key, patterns in PATTERNS.items():
        plain.add(key, patterns)
        packed.add(key, patterns)
    return plain, packed


PLAIN, PACKED = _matchers()
states = st.lists(st.tuples(st.sampled_from(DOMAINS["pm_kind"]), st.booleans()),
                  min_size=len(WORDS), max_size=len(WORDS))


def _plain(doc: Doc, first: int, last: int) -> list[tuple[str, int, int, list[int]]]:
    """The plain Matcher's hits on doc[first:last], keyed and placed like the packed ones."""
    return [(NLP.vocab.strings[key], first + start, first + end, alignments)
            for key, start, end, alignments in PLAIN(doc[first:last], with_alignments=True)]


@settings(max_examples=150, deadline=None)
@given(states, st.integers(0, len(WORDS)), st.integers(0, len(WORDS)), st.booleans())
def test_same_matches_as_a_plain_matcher(annotations: list[tuple[str, bool]], a: int, b: int,
                                         as_lists: bool) -> None:
    doc = Doc(NLP.vocab, words=WORDS)
    for token, (kind, flag) in zip(doc, annotations):
        token._.pm_kind = kind
        token._.pm_flag = flag
    # the annotations given as lists, or read from the tokens
    columns = {"pm_kind": [kind for kind, _ in annotations], "pm_flag": [flag for _, flag in annotations],
               "LOWER": [t.lower_ for t in doc]} if as_lists else {}
    first, last = min(a, b), max(a, b)
    assert PACKED(columns, list(doc), first, last) == _plain(doc, first, last)


def test_a_value_no_pattern_names_is_matched_like_any_other() -> None:
    doc = Doc(NLP.vocab, words=WORDS)
    doc[0]._.pm_kind = "C"
    doc[3]._.pm_kind = "A"
    assert PACKED({}, list(doc), 0, len(doc)) == _plain(doc, 0, len(doc))


@pytest.mark.parametrize("spec", [{"_": {"pm_kind": {">=": 1}}}, {"LENGTH": 2}, {"OP": "+"}])
def test_elements_it_cannot_match_are_refused(spec: dict) -> None:
    with pytest.raises(ValueError):
        PackedMatcher().add("odd", [[spec]])
