"""A parsed document's token attributes read once, as plain lists the rules share.

spaCy builds a new `Token` object on every `doc[i]`, `token.head` or `token.children`, and a new
Python string on every `token.lemma_`; rules that ask the same tokens the same questions pay
for that each time. A `DocView` reads each attribute once per document into lists indexed by
token position, so hot loops compare plain strings and integers instead.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

_KEY = "kg_doc_view"


class DocView:
    """Per-token attributes of one parsed `Doc`, by token index (`lemma` is lower-cased)."""

    __slots__ = ("doc", "text", "tokens", "lower", "lemma", "pos", "tag", "dep", "ent_type",
                 "head", "children", "sent_starts", "sent_bounds")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access
        self.tokens: list[Token] = list(doc)
        self.lower = [t.lower_ for t in self.tokens]
        self.lemma = [t.lemma_.lower() for t in self.tokens]
        self.pos = [t.pos_ for t in self.tokens]
        self.tag = [t.tag_ for t in self.tokens]
        self.dep = [t.dep_ for t in self.tokens]
        self.ent_type = [t.ent_type_ for t in self.tokens]
        # HEAD is stored relative to the token; a root is its own head
        self.head = [i + int(offset) for i, offset in
                     enumerate(doc.to_array([HEAD]).astype("int64").ravel())] if len(doc) else []
        children: list[list[int]] = [[] for _ in self.tokens]
        for i, head in enumerate(self.head):
            if head != i:
                children[head].append(i)
        self.children = [tuple(c) for c in children]
        spans = list(doc.sents) if len(doc) else []
        self.sent_starts = [sent.start for sent in spans]
        self.sent_bounds = [(sent.start, sent.end) for sent in spans]

    def sentence_of(self, i: int) -> int:
        """Number of the sentence holding token `i`."""
        return bisect_right(self.sent_starts, i) - 1


def doc_view(doc: Doc) -> DocView:
    """The view of `doc`, built on first use and kept with the doc."""
    view = doc.user_data.get(_KEY)
    if view is None or view.doc is not doc:
        view = doc.user_data[_KEY] = DocView(doc)
    return view
