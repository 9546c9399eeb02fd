"""Map one article's Extraction onto the newskg ontology as an rdflib Graph.

Every IRI is minted deterministically (from the base, entity keys, the article id and a hash
of each statement's identity), so two runs over the same input give identical graphs and the
same person in two articles is one node. No blank nodes are used: statement nodes must be
addressable across files and stores.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.model import EVENT_STATUSES, MEMBERSHIP_STATUSES, Article, Entity, Extraction, Relation
from kg.vocab import DCTERMS, DEFAULT_BASE, KGO, NIF, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, XSD

# Entity type -> the classes its node gets. Countries are also typed kgo:Place so that
# queries and shapes over places find them without reasoning.
ENTITY_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Person": (KGO.Person,),
    "Organization": (KGO.Organization,),
    "Place": (KGO.Place,),
    "Country": (KGO.Place, KGO.Country),
}


@dataclass(frozen=True)
class RelationSpec:
    """How one relation kind is mapped: statement class, IRI path segment, direct property,
    the properties linking the statement to its two ends, the entity types each end may
    have, the statuses it may carry and the statuses that also get a direct triple."""

    cls: URIRef
    segment: str
    direct: URIRef
    subject: URIRef
    object: URIRef
    subject_types: frozenset[str]
    object_types: frozenset[str]
    statuses: frozenset[str]
    asserted: frozenset[str]


_AGENTS = frozenset({"Person", "Organization"})
_ACTORS = frozenset({"Person", "Organization", "Place", "Country"})
_EVENT_ASSERTED = frozenset({"occurred", "planned"})

# Planned memberships stay on the statement node only (DESIGN section 3: a direct memberOf
# for current or former memberships).
RELATION_MAPPING: dict[str, RelationSpec] = {
    "visits": RelationSpec(KGO.Visit, "visit", KGO.visits, KGO.agent, KGO.destination, _AGENTS,
                           frozenset({"Place", "Country"}), frozenset(EVENT_STATUSES),
                           _EVENT_ASSERTED),
    "talksWith": RelationSpec(KGO.Meeting, "meeting", KGO.talksWith, KGO.participant,
                              KGO.participant, _ACTORS, _ACTORS, frozenset(EVENT_STATUSES),
                              _EVENT_ASSERTED),
    "memberOf": RelationSpec(KGO.Membership, "membership", KGO.memberOf, KGO.member,
                             KGO.organization, _ACTORS, frozenset({"Organization"}),
                             frozenset(MEMBERSHIP_STATUSES), frozenset({"current", "former"})),
}

# Characters kept as they are when a URL becomes an IRI; spaces and the like get %-escaped.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


def entity_iri(key: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of an entity node: base + Entity.key (e.g. .../person/antony-blinken)."""
    return URIRef(base + quote(key, safe="/"))


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of an article node."""
    return URIRef(f"{base}article/{quote(article_id, safe='')}")


def graph_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of the named graph holding one article's facts (TriG, N-Quads, stores)."""
    return URIRef(f"{base}graph/{quote(article_id, safe='')}")


def statement_iri(article_id: str, relation: Relation, base: str = DEFAULT_BASE) -> URIRef:
    """Deterministic IRI of a statement node, from what identifies the statement.

    talksWith is symmetric, so its two sides are hashed in sorted order.
    """
    ends = [relation.subject, relation.object]
    if relation.kind == "talksWith":
        ends.sort()
    identity = "\x1f".join(
        [article_id, relation.kind, *ends, str(relation.evidence.start),
         str(relation.evidence.end), relation.status, relation.role or ""]
    )
    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{base}{RELATION_MAPPING[relation.kind].segment}/{digest}")


def date_literal(value: str) -> Literal:
    """A date as xsd:date or xsd:dateTime when it is ISO 8601, else the text as written."""
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        return Literal(text, datatype=XSD.date)
    if _ISO_DATETIME.fullmatch(text):
        return Literal(text, datatype=XSD.dateTime)
    return Literal(text)


def mappable(ex: Extraction, relation: Relation) -> bool:
    """Whether a relation fits the ontology: known kind and status, both ends entities of
    the allowed types. Anything else would break the SHACL shapes, so it is left out."""
    return _fits(relation, {entity.key: entity.type for entity in ex.entities})


def article_graph(ex: Extraction, base: str = DEFAULT_BASE) -> tuple[URIRef, Graph]:
    """The named-graph IRI and the triples of one article's extraction."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    article = article_iri(ex.article.id, base)
    _add_article(graph, article, ex.article)
    types: dict[str, str] = {}
    for entity in ex.entities:
        if entity.type in ENTITY_CLASSES:
            node = entity_iri(entity.key, base)
            _add_entity(graph, node, entity)
            graph.add((article, SDO.mentions, node))
            types[entity.key] = entity.type
    for relation in ex.relations:
        if _fits(relation, types):
            _add_relation(graph, article, ex.article.id, relation, base)
    return graph_iri(ex.article.id, base), graph


def _fits(relation: Relation, types: dict[str, str]) -> bool:
    spec = RELATION_MAPPING.get(relation.kind)
    if spec is None or relation.subject == relation.object or relation.status not in spec.statuses:
        return False
    return (types.get(relation.subject) in spec.subject_types
            and types.get(relation.object) in spec.object_types)


def _add_article(graph: Graph, node: URIRef, article: Article) -> None:
    graph.add((node, RDF.type, KGO.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, date_literal(article.date)))
    if article.url:
        graph.add((node, SDO.url, URIRef(quote(article.url.strip(), safe=_URL_SAFE))))
    if article.source:
        graph.add((node, DCTERMS.source, Literal(article.source)))


def _add_entity(graph: Graph, node: URIRef, entity: Entity) -> None:
    for cls in ENTITY_CLASSES[entity.type]:
        graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, Literal(entity.name)))
    for alias in entity.aliases:
        if alias != entity.name:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    for role in entity.roles:
        graph.add((node, KGO.title, Literal(role)))


def _add_relation(graph: Graph, article: URIRef, article_id: str, relation: Relation,
                  base: str) -> None:
    spec = RELATION_MAPPING[relation.kind]
    subject = entity_iri(relation.subject, base)
    obj = entity_iri(relation.object, base)
    node = statement_iri(article_id, relation, base)
    triples: list[tuple[Node, Node, Node]] = [
        (node, RDF.type, spec.cls),
        (node, spec.subject, subject),
        (node, spec.object, obj),
        (node, KGO.status, KGO[relation.status]),
        (node, KGO.evidence, Literal(relation.evidence.text)),
        (node, NIF.beginIndex, Literal(relation.evidence.start, datatype=XSD.nonNegativeInteger)),
        (node, NIF.endIndex, Literal(relation.evidence.end, datatype=XSD.nonNegativeInteger)),
        (node, KGO.rule, Literal(relation.rule)),
        (node, KGO.confidence, _confidence(relation.confidence)),
        (node, PROV.wasDerivedFrom, article),
    ]
    if relation.role:
        triples.append((node, KGO.role, Literal(relation.role)))
    if relation.date:
        triples.append((node, KGO.date, date_literal(relation.date)))
    if relation.status in spec.asserted:
        triples.append((subject, spec.direct, obj))
        if relation.kind == "talksWith":
            triples.append((obj, spec.direct, subject))
    for triple in triples:
        graph.add(triple)


def _confidence(value: float) -> Literal:
    """A confidence as a short xsd:decimal in [0, 1], so output is stable across runs."""
    return Literal(Decimal(str(round(min(max(value, 0.0), 1.0), 3))))
