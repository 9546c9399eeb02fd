"""The Extractor: one pass of NLP, resolution and every rule over articles."""

from __future__ import annotations

import pytest

from kg.extract import Extractor, dedupe, with_roles
from kg.model import Article, Entity, Relation, Span

ARTICLES = [
    Article("a1", "Foreign Minister Ana Sousa arrived in Lima on Monday and met President Lara Voss. "
                  "Sousa, a member of the Socialist Party, will travel to Quito on Friday."),
    Article("a2", "Rep. Dan Hyde (R-Texas) said on Tuesday that he had spoken with Ana Sousa.\n\n"
                  "Paul Keane, a former director of the Water Agency, declined to comment."),
    Article("a3", "Nothing happened here."),
]


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp=nlp)


def test_extract_finds_entities_and_relations(extractor):
    ex = extractor.extract(ARTICLES[0])
    names = {e.key: e.name for e in ex.entities}
    facts = {(r.kind, names[r.subject], names[r.object]) for r in ex.relations}
    assert ("memberOf", "Ana Sousa", "Socialist Party") in facts
    assert ex.article is ARTICLES[0]


def test_evidence_offsets_slice_the_article(extractor):
    for ex in extractor.extract_many(ARTICLES):
        for relation in ex.relations:
            assert ex.article.text[relation.evidence.start : relation.evidence.end] == relation.evidence.text
        for entity in ex.entities:
            for mention in entity.mentions:
                assert ex.article.text[mention.start : mention.end] == mention.text


def test_extract_many_matches_extract(extractor):
    many = list(extractor.extract_many(ARTICLES, batch_size=2))
    assert [ex.article.id for ex in many] == ["a1", "a2", "a3"]
    for ex in many:
        single = extractor.extract(ex.article)
        assert single.entities == ex.entities
        assert single.relations == ex.relations


def test_relations_point_at_entities(extractor):
    for ex in extractor.extract_many(ARTICLES):
        keys = {e.key for e in ex.entities}
        for relation in ex.relations:
            assert relation.subject in keys and relation.object in keys
            assert relation.subject != relation.object


def test_membership_roles_reach_the_entity(extractor):
    ex = extractor.extract(ARTICLES[1])
    keane = next(e for e in ex.entities if e.name == "Paul Keane")
    assert "director" in {role.lower() for role in keane.roles}
    water = next(r for r in ex.relations if r.kind == "memberOf" and r.subject == keane.key)
    assert water.status == "former"


def _rel(kind, s, o, status="occurred", confidence=0.5, start=0):
    return Relation(kind, s, o, status, Span("x", start, start + 1), "r", confidence)


def test_dedupe_keeps_one_per_kind_ends_and_status():
    relations = [
        _rel("visits", "p/a", "pl/b", confidence=0.5, start=10),
        _rel("visits", "p/a", "pl/b", confidence=0.9, start=20),
        _rel("visits", "p/a", "pl/b", status="planned"),
        _rel("talksWith", "p/a", "p/c"),
        _rel("talksWith", "p/c", "p/a", confidence=0.8, start=5),
    ]
    kept = dedupe(relations)
    assert len(kept) == 3
    visit = next(r for r in kept if r.kind == "visits" and r.status == "occurred")
    assert visit.confidence == 0.9
    talk = next(r for r in kept if r.kind == "talksWith")
    assert talk.confidence == 0.8


def test_with_roles_adds_relation_roles_once():
    entity = Entity("person/a", "Person", "A", roles=("Senator",))
    relation = Relation("memberOf", "person/a", "org/b", "current", Span("x", 0, 1), "r", 0.5, role="Senator")
    other = Relation("memberOf", "person/a", "org/c", "current", Span("x", 0, 1), "r", 0.5, role="chair")
    (updated,) = with_roles([entity], [relation, other])
    assert updated.roles == ("Senator", "chair")
