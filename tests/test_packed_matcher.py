"""The packed Matcher finds exactly what a plain spaCy Matcher finds, and leaves no trace."""

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
}
WORDS = ["Ann", "of", "the", "Board", "said", ",", "Bo", "and", "Cy", "of", "Acme", "."]
NLP = spacy.blank("en")


def _matchers() -> tuple[Matcher, PackedMatcher]:
    plain, packed = Matcher(NLP.vocab), PackedMatcher(NLP.vocab, DOMAINS)
    for key, patterns in PATTERNS.items():
        plain.add(key, patterns)
        packed.add(key, patterns)
    return plain, packed


PLAIN, PACKED = _matchers()
states = st.lists(st.tuples(st.sampled_from(DOMAINS["pm_kind"]), st.booleans()),
                  min_size=len(WORDS), max_size=len(WORDS))


@settings(max_examples=150, deadline=None)
@given(states, st.integers(0, len(WORDS)), st.integers(0, len(WORDS)))
def test_same_matches_as_a_plain_matcher(annotations: list[tuple[str, bool]], a: int,
                                         b: int) -> None:
    doc = Doc(NLP.vocab, words=WORDS)
    for token, (kind, flag) in zip(doc, annotations):
        if kind or flag:  # like the rules, write only values that differ from the default
            token._.pm_kind = kind
            token._.pm_flag = flag
    first, last = min(a, b), max(a, b)
    with PACKED.matching(doc) as match:
        packed = match(doc[first:last], with_alignments=True)
    assert packed == PLAIN(doc[first:last], with_alignments=True)
    assert not doc.to_array("ENT_KB_ID").any()  # the packed field is cleared again


def test_value_outside_the_domains_is_matched_plainly() -> None:
    doc = Doc(NLP.vocab, words=WORDS)
    doc[0]._.pm_kind = "C"  # not declared: cannot be packed
    doc[3]._.pm_kind = "A"
    with PACKED.matching(doc) as match:
        assert match(doc, with_alignments=True) == PLAIN(doc, with_alignments=True)
        assert not doc.to_array("ENT_KB_ID").any()


@pytest.mark.parametrize("spec", [{"REGEX": "A"}, {">=": 1}])
def test_predicates_it_cannot_rewrite_fall_back_to_plain_matching(spec: dict) -> None:
    packed = PackedMatcher(NLP.vocab, DOMAINS)
    packed.add("odd", [[{"_": {"pm_kind": spec}}]])
    doc = Doc(NLP.vocab, words=WORDS)
    doc[0]._.pm_kind = "A"
    with packed.matching(doc) as match:
        assert isinstance(match, Matcher)
        assert not doc.to_array("ENT_KB_ID").any()
