"""Mapping an Extraction onto the ontology: golden graph, asserted statuses, offsets, IRIs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.mapping import (
    RELATION_MAPPING,
    article_graph,
    article_iri,
    article_quads,
    date_literal,
    entity_iri,
    graph_iri,
    mappable,
    statement_iri,
)
from kg.model import EVENT_STATUSES, MEMBERSHIP_STATUSES, Extraction, Relation
from kg.vocab import DEFAULT_BASE, KGO, NIF, PROV, RDF, RDFS, SKOS, XSD

GOLDEN = Path(__file__).parent / "data" / "mapping_golden.ttl"


def _dump(graph: Graph) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))


def test_sample_matches_golden_graph(sample_extraction: Extraction) -> None:
    name, graph = article_graph(sample_extraction)
    golden = Graph().parse(GOLDEN)
    if not isomorphic(graph, golden):
        _, only_mapped, only_golden = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        pytest.fail(f"only in mapped:\n{_dump(only_mapped)}\nonly in golden:\n{_dump(only_golden)}")
    assert name == URIRef(DEFAULT_BASE + "graph/a1")


def test_quads_hold_each_statement_once_in_the_article_graph(
    sample_extraction: Extraction,
) -> None:
    visit = next(r for r in sample_extraction.relations if r.status == "planned")
    # an occurred and a planned mention of one visit: two statements, one direct triple
    twice = replace(sample_extraction, relations=(visit, replace(visit, status="occurred")))
    quads = article_quads(twice)
    name, graph = article_graph(twice)
    assert {quad.graph_name.value for quad in quads} == {str(name)}
    assert len(quads) == len(set(quads)) == len(graph)
    direct = [quad for quad in quads if quad.predicate.value == str(KGO.visits)]
    assert len(direct) == 1


def test_mapping_is_deterministic_and_uses_no_blank_nodes(sample_extraction: Extraction) -> None:
    _, first = article_graph(sample_extraction)
    _, second = article_graph(sample_extraction)
    assert set(first) == set(second)
    assert not any(isinstance(term, BNode) for triple in first for term in triple)


ENDS = {
    "visits": ("person/maria-lindqvist", "place/oslo"),
    "talksWith": ("person/maria-lindqvist", "person/henrik-dahl"),
    "memberOf": ("person/henrik-dahl", "organization/labour-party"),
}
EXPECTED_ASSERTED = {"occurred", "planned", "current", "former"}


@pytest.mark.parametrize(
    ("kind", "status"),
    [(kind, status) for kind in ("visits", "talksWith") for status in EVENT_STATUSES]
    + [("memberOf", status) for status in MEMBERSHIP_STATUSES],
)
def test_direct_triple_only_for_asserted_statuses(
    sample_extraction: Extraction, kind: str, status: str
) -> None:
    subject, obj = ENDS[kind]
    asserted = status in EXPECTED_ASSERTED and (kind, status) != ("memberOf", "planned")
    template = next(r for r in sample_extraction.relations if r.kind == kind)
    relation = replace(template, subject=subject, object=obj, status=status)
    _, graph = article_graph(replace(sample_extraction, relations=(relation,)))
    direct = RELATION_MAPPING[kind].direct
    s, o = entity_iri(subject), entity_iri(obj)
    assert ((s, direct, o) in graph) is asserted
    if kind == "talksWith":
        assert ((o, direct, s) in graph) is asserted
    node = statement_iri("a1", relation)
    assert (node, RDF.type, RELATION_MAPPING[kind].cls) in graph
    assert (node, KGO.status, KGO[status]) in graph


def test_no_direct_triple_for_unasserted_statements_in_sample(
    sample_extraction: Extraction,
) -> None:
    _, graph = article_graph(sample_extraction)
    lindqvist = entity_iri("person/maria-lindqvist")
    assert (lindqvist, KGO.visits, entity_iri("place/reykjavik")) not in graph
    assert (lindqvist, KGO.talksWith, entity_iri("place/norway")) not in graph
    assert (entity_iri("place/norway"), KGO.talksWith, lindqvist) not in graph


def test_offsets_slice_evidence_out_of_article_text(sample_extraction: Extraction) -> None:
    _, graph = article_graph(sample_extraction)
    text = sample_extraction.article.text
    statements = set(graph.subjects(PROV.wasDerivedFrom, article_iri("a1")))
    assert len(statements) == len(sample_extraction.relations)
    for node in statements:
        begin = graph.value(node, NIF.beginIndex)
        end = graph.value(node, NIF.endIndex)
        assert begin.datatype == end.datatype == XSD.nonNegativeInteger
        assert text[begin.toPython():end.toPython()] == str(graph.value(node, KGO.evidence))


def test_each_entity_has_one_label_and_alt_labels(sample_extraction: Extraction) -> None:
    _, graph = article_graph(sample_extraction)
    for entity in sample_extraction.entities:
        node = entity_iri(entity.key)
        assert list(graph.objects(node, RDFS.label)) == [Literal(entity.name)]
        assert set(graph.objects(node, SKOS.altLabel)) == {Literal(a) for a in entity.aliases}


def test_country_is_also_a_place(sample_extraction: Extraction) -> None:
    _, graph = article_graph(sample_extraction)
    norway = entity_iri("place/norway")
    assert {KGO.Place, KGO.Country} <= set(graph.objects(norway, RDF.type))


def test_talks_statement_iri_ignores_side_order(sample_extraction: Extraction) -> None:
    talks = next(r for r in sample_extraction.relations if r.kind == "talksWith")
    swapped = replace(talks, subject=talks.object, object=talks.subject)
    assert statement_iri("a1", talks) == statement_iri("a1", swapped)
    assert statement_iri("a1", talks) != statement_iri("a2", talks)


@pytest.mark.parametrize(
    "change",
    [
        {"object": "organization/labour-party"},  # visit to an organization
        {"object": "place/atlantis"},  # not an entity of the article
        {"status": "current"},  # a membership status on a visit
        {"kind": "marries"},
        {"object": "person/maria-lindqvist"},  # visiting oneself
    ],
)
def test_relations_outside_the_ontology_are_left_out(
    sample_extraction: Extraction, change: dict[str, str]
) -> None:
    visit = next(r for r in sample_extraction.relations if r.kind == "visits")
    broken: Relation = replace(visit, **change)
    assert mappable(sample_extraction, visit)
    assert not mappable(sample_extraction, broken)
    _, graph = article_graph(replace(sample_extraction, relations=(broken,)))
    assert not set(graph.subjects(PROV.wasDerivedFrom, None))
    assert not set(graph.triples((None, KGO.visits, None)))


def test_iris_follow_the_base(sample_extraction: Extraction) -> None:
    base = "http://example.org/kg/"
    name, graph = article_graph(sample_extraction, base)
    assert name == URIRef(base + "graph/a1")
    assert (URIRef(base + "article/a1"), RDF.type, KGO.Article) in graph
    assert (URIRef(base + "person/henrik-dahl"), RDF.type, KGO.Person) in graph
    assert not any(str(s).startswith(DEFAULT_BASE) for s in graph.subjects())


@pytest.mark.parametrize(
    ("article_id", "expected"),
    [("a1", "article/a1"), ("news/2024 03", "article/news%2F2024%2003")],
)
def test_article_ids_are_quoted_into_one_path_segment(article_id: str, expected: str) -> None:
    assert article_iri(article_id) == URIRef(DEFAULT_BASE + expected)
    assert graph_iri(article_id) == URIRef(DEFAULT_BASE + expected.replace("article/", "graph/"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", Literal("2024-03-05", datatype=XSD.date)),
        ("2024-03-05T10:30:00Z", Literal("2024-03-05T10:30:00Z", datatype=XSD.dateTime)),
        ("next Tuesday", Literal("next Tuesday")),
    ],
)
def test_date_literals(value: str, expected: Literal) -> None:
    assert date_literal(value) == expected
