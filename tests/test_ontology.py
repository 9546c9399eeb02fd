"""The shipped ontology and shapes: they parse, document every term, and cover the contract."""

from __future__ import annotations

from importlib.resources import files

import pytest
from rdflib import Graph, URIRef

from kg.vocab import KGO, OWL, RDF, RDFS, SH


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=files("kg.ontology").joinpath("newskg.ttl").read_text("utf-8"),
                         format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=files("kg.ontology").joinpath("shapes.ttl").read_text("utf-8"),
                         format="turtle")


def _kgo_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(KGO))}


def test_every_term_has_an_english_label_and_comment(ontology: Graph) -> None:
    terms = _kgo_terms(ontology)
    assert len(terms) > 30
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term


@pytest.mark.parametrize(
    ("term", "kind"),
    [(KGO[name], OWL.Class) for name in (
        "Article", "Person", "Organization", "Place", "Country", "Visit", "Meeting",
        "Membership", "Status")]
    + [(KGO[name], OWL.ObjectProperty) for name in (
        "visits", "talksWith", "memberOf", "agent", "destination", "participant", "member",
        "organization", "status")]
    + [(KGO[name], OWL.DatatypeProperty) for name in (
        "role", "evidence", "rule", "confidence", "date", "title")]
    + [(KGO[name], KGO.Status) for name in (
        "occurred", "planned", "cancelled", "negated", "speculative", "current", "former")]
    + [(KGO.talksWith, OWL.SymmetricProperty)],
)
def test_contract_terms_are_declared(ontology: Graph, term: URIRef, kind: URIRef) -> None:
    assert (term, RDF.type, kind) in ontology


@pytest.mark.parametrize(
    ("term", "relation", "external"),
    [
        (KGO.Country, RDFS.subClassOf, KGO.Place),
        (KGO.Person, OWL.equivalentClass, URIRef("https://schema.org/Person")),
        (KGO.Person, RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (KGO.Organization, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")),
        (KGO.Article, RDFS.subClassOf, URIRef("https://schema.org/NewsArticle")),
        (KGO.Visit, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")),
        (KGO.Meeting, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")),
        (KGO.Membership, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Membership")),
        (KGO.Statement, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")),
        (KGO.memberOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#memberOf")),
        (KGO.agent, RDFS.subPropertyOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")),
        (KGO.destination, RDFS.subPropertyOf,
         URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace")),
    ],
)
def test_alignment(ontology: Graph, term: URIRef, relation: URIRef, external: URIRef) -> None:
    assert (term, relation, external) in ontology


def test_every_kgo_term_used_by_shapes_is_in_the_ontology(ontology: Graph, shapes: Graph) -> None:
    used = {o for o in shapes.objects() if isinstance(o, URIRef) and o.startswith(str(KGO))}
    assert used
    assert used <= _kgo_terms(ontology)


def test_shapes_target_every_statement_class(shapes: Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    assert {KGO.Visit, KGO.Meeting, KGO.Membership, KGO.Article, KGO.Person} <= targets
