"""A parsed document's token attributes read once, as plain lists the rules share.

spaCy builds a new `Token` object on every `doc[i]`, `token.head` or `token.children`, and a new
Python string on every `token.lemma_`; rules that ask the same tokens the same questions pay
for that each time. A `DocView` reads each attribute once per document into lists indexed by
token position, so hot loops compare plain strings and integers instead.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc, Token

_KEY = "kg_doc_view"
_ATTRIBUTES = [LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD]
# The strings of the hashes `Doc.to_array` gives, kept across documents: most words recur, and a
# dict lookup is cheaper than asking the StringStore (or the Token) for a new string each time.
# Emptied when large, so a long build's memory does not grow with its vocabulary.
_STRINGS: dict[int, str] = {}
_LOWER_LEMMAS: dict[int, str] = {}
_TABLE_LIMIT = 200_000


class DocView:
    """Per-token attributes of one parsed `Doc`, by token index (`lemma` is lower-cased)."""

    __slots__ = ("doc", "text", "tokens", "lower", "lemma", "pos", "tag", "dep", "ent_type",
                 "head", "children", "sent_starts", "sent_bounds")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        # as Doc.text joins them, from the Tokens at hand instead of new ones on each access
        self.text = "".join([t.text_with_ws for t in self.tokens])
        n = len(self.tokens)
        # One array read instead of a Token attribute (and a new string) per word and attribute
        array = doc.to_array(_ATTRIBUTES)
        lower, lemma, pos, tag, dep, ent_type = array[:, :6].T.tolist()
        strings = doc.vocab.strings
        self.lower = _strings(lower, _STRINGS, strings.__getitem__)
        self.lemma = _strings(lemma, _LOWER_LEMMAS, lambda h: strings[h].lower())
        self.pos = list(map(_POS_NAMES.__getitem__, pos))
        self.tag = _strings(tag, _STRINGS, strings.__getitem__)
        self.dep = _strings(dep, _STRINGS, strings.__getitem__)
        self.ent_type = _strings(ent_type, _STRINGS, strings.__getitem__)
        # HEAD is stored relative to the token, as a signed offset in an unsigned array; a root
        # is its own head
        self.head = (array[:, 6].view("int64") + range(n)).tolist()
        children: list[tuple[int, ...]] = [()] * n
        for i, head in enumerate(self.head):
            if head != i:
                children[head] += (i,)  # few children per word: a short tuple grown in place
        self.children = children
        spans = list(doc.sents) if n else []
        self.sent_starts = [sent.start for sent in spans]
        self.sent_bounds = [(sent.start, sent.end) for sent in spans]

    def sentence_of(self, i: int) -> int:
        """Number of the sentence holding token `i`."""
        return bisect_right(self.sent_starts, i) - 1


def _strings(hashes: list[int], table: dict[int, str], string: Callable[[int], str]) -> list[str]:
    """The strings of `hashes` from `table`, adding `string(hash)` for hashes not seen before."""
    try:
        return list(map(table.__getitem__, hashes))
    except KeyError:
        if len(table) > _TABLE_LIMIT:
            table.clear()
        for h in hashes:
            if h not in table:
                table[h] = string(h)
        return list(map(table.__getitem__, hashes))


def doc_view(doc: Doc) -> DocView:
    """The view of `doc`, built on first use and kept with the doc."""
    view = doc.user_data.get(_KEY)
    if view is None or view.doc is not doc:
        view = doc.user_data[_KEY] = DocView(doc)
    return view
