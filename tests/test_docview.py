from __future__ import annotations

import pytest

from kg.docview import doc_view

SENTENCES = [
    "The foreign minister flew to Lima on Monday. She met the president there.",
    "Talks between the two unions were called off after the strike began.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_view_matches_token_attributes(nlp, text):
    doc = nlp(text)
    view = doc_view(doc)
    assert view.text == doc.text
    assert [t.i for t in view.tokens] == list(range(len(doc)))
    for token in doc:
        i = token.i
        assert view.lower[i] == token.lower_
        assert view.lemma[i] == token.lemma_.lower()
        assert (view.pos[i], view.tag[i], view.dep[i]) == (token.pos_, token.tag_, token.dep_)
        assert view.ent_type[i] == token.ent_type_
        assert view.head[i] == token.head.i
        assert view.children[i] == tuple(child.i for child in token.children)
        assert view.sent_bounds[view.sentence_of(i)] == (token.sent.start, token.sent.end)
    assert view.sent_starts == [sent.start for sent in doc.sents]


def test_view_is_built_once_per_doc(nlp):
    doc = nlp("The envoy arrived in Quito.")
    assert doc_view(doc) is doc_view(doc)
    assert doc_view(nlp("The envoy arrived in Quito.")) is not doc_view(doc)


def test_view_strings_survive_emptied_tables(nlp, monkeypatch):
    """The hash -> string tables are emptied when full; views built after that read the same."""
    import kg.docview as docview

    monkeypatch.setattr(docview, "_TABLE_LIMIT", 0)
    monkeypatch.setattr(docview, "_STRINGS", {-1: "stale"})
    first, second = nlp(SENTENCES[0]), nlp(SENTENCES[1])
    for doc in (first, second, first.copy()):
        view = docview.DocView(doc)
        assert view.lower == [t.lower_ for t in doc]
        assert view.lemma == [t.lemma_.lower() for t in doc]
        assert view.dep == [t.dep_ for t in doc]
    assert -1 not in docview._STRINGS
