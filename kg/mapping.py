"""Map one article's Extraction onto the newskg ontology.

`article_quads` gives the article's statements as pyoxigraph quads in the article's named
graph, which is what the writers in `kg.serialize` take: a build maps every article, and
building an rdflib Graph per article would cost a large share of the parse. `article_graph`
gives the same statements as an rdflib Graph, for callers that query or compare them.

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
from functools import lru_cache
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kg.model import EVENT_STATUSES, MEMBERSHIP_STATUSES, Article, Entity, Extraction, Relation
from kg.serialize import ox_term, to_rdflib
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


_Triple = tuple[ox.NamedNode, ox.NamedNode, "ox.NamedNode | ox.Literal"]


def _node(term: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(term))


# The terms `article_quads` writes, as pyoxigraph nodes made once.
_TYPE = _node(RDF.type)
_LABEL = _node(RDFS.label)
_ALT_LABEL = _node(SKOS.altLabel)
_TITLE = _node(KGO.title)
_ARTICLE = _node(KGO.Article)
_IDENTIFIER = _node(DCTERMS.identifier)
_HEADLINE = _node(DCTERMS.title)
_PUBLISHED = _node(DCTERMS.date)
_URL = _node(SDO.url)
_SOURCE = _node(DCTERMS.source)
_MENTIONS = _node(SDO.mentions)
_DERIVED_FROM = _node(PROV.wasDerivedFrom)
_STATUS = _node(KGO.status)
_EVIDENCE = _node(KGO.evidence)
_RULE = _node(KGO.rule)
_CONFIDENCE = _node(KGO.confidence)
_ROLE = _node(KGO.role)
_DATE = _node(KGO.date)
_BEGIN = _node(NIF.beginIndex)
_END = _node(NIF.endIndex)
_NON_NEGATIVE = _node(XSD.nonNegativeInteger)
_DECIMAL = _node(XSD.decimal)
_STATUS_NODES = {status: _node(KGO[status]) for status in {*EVENT_STATUSES, *MEMBERSHIP_STATUSES}}
_CLASS_NODES = {name: tuple(_node(cls) for cls in classes)
                for name, classes in ENTITY_CLASSES.items()}
# kind -> statement class, direct property, subject property, object property
_RELATION_NODES = {kind: (_node(spec.cls), _node(spec.direct), _node(spec.subject),
                          _node(spec.object)) for kind, spec in RELATION_MAPPING.items()}

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
    graph.addN((s, p, o, graph) for s, p, o, _ in to_rdflib(article_quads(ex, base)))
    return graph_iri(ex.article.id, base), graph


def article_quads(ex: Extraction, base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """The statements of one article's extraction, each once, in the article's named graph
    (`graph_iri`); the same statements as `article_graph`."""
    name = ox.NamedNode(str(graph_iri(ex.article.id, base)))
    article = ox.NamedNode(str(article_iri(ex.article.id, base)))
    triples = _article_triples(article, ex.article)
    types: dict[str, str] = {}
    for entity in ex.entities:
        if entity.type in ENTITY_CLASSES:
            node = _entity_node(entity.key, base)
            _add_entity(triples, node, entity)
            triples.append((article, _MENTIONS, node))
            types[entity.key] = entity.type
    for relation in ex.relations:
        if _fits(relation, types):
            _add_relation(triples, article, ex.article.id, relation, base)
    return [ox.Quad(s, p, o, name) for s, p, o in dict.fromkeys(triples)]


@lru_cache(maxsize=65536)
def _entity_node(key: str, base: str) -> ox.NamedNode:
    return ox.NamedNode(str(entity_iri(key, base)))


def _fits(relation: Relation, types: dict[str, str]) -> bool:
    spec = RELATION_MAPPING.get(relation.kind)
    if spec is None or relation.subject == relation.object or relation.status not in spec.statuses:
        return False
    return (types.get(relation.subject) in spec.subject_types
            and types.get(relation.object) in spec.object_types)


def _article_triples(node: ox.NamedNode, article: Article) -> list[_Triple]:
    triples: list[_Triple] = [(node, _TYPE, _ARTICLE),
                              (node, _IDENTIFIER, ox.Literal(article.id))]
    if article.title:
        triples.append((node, _HEADLINE, ox.Literal(article.title)))
    if article.date:
        triples.append((node, _PUBLISHED, ox_term(date_literal(article.date))))
    if article.url:
        triples.append((node, _URL, ox.NamedNode(quote(article.url.strip(), safe=_URL_SAFE))))
    if article.source:
        triples.append((node, _SOURCE, ox.Literal(article.source)))
    return triples


def _add_entity(triples: list[_Triple], node: ox.NamedNode, entity: Entity) -> None:
    triples.extend((node, _TYPE, cls) for cls in _CLASS_NODES[entity.type])
    triples.append((node, _LABEL, ox.Literal(entity.name)))
    triples.extend((node, _ALT_LABEL, ox.Literal(alias))
                   for alias in entity.aliases if alias != entity.name)
    triples.extend((node, _TITLE, ox.Literal(role)) for role in entity.roles)


def _add_relation(triples: list[_Triple], article: ox.NamedNode, article_id: str,
                  relation: Relation, base: str) -> None:
    cls, direct, subject_property, object_property = _RELATION_NODES[relation.kind]
    subject = _entity_node(relation.subject, base)
    obj = _entity_node(relation.object, base)
    node = ox.NamedNode(str(statement_iri(article_id, relation, base)))
    evidence = relation.evidence
    triples += [
        (node, _TYPE, cls),
        (node, subject_property, subject),
        (node, object_property, obj),
        (node, _STATUS, _STATUS_NODES[relation.status]),
        (node, _EVIDENCE, ox.Literal(evidence.text)),
        (node, _BEGIN, ox.Literal(str(evidence.start), datatype=_NON_NEGATIVE)),
        (node, _END, ox.Literal(str(evidence.end), datatype=_NON_NEGATIVE)),
        (node, _RULE, ox.Literal(relation.rule)),
        (node, _CONFIDENCE, _confidence(relation.confidence)),
        (node, _DERIVED_FROM, article),
    ]
    if relation.role:
        triples.append((node, _ROLE, ox.Literal(relation.role)))
    if relation.date:
        triples.append((node, _DATE, ox_term(date_literal(relation.date))))
    if relation.status in RELATION_MAPPING[relation.kind].asserted:
        triples.append((subject, direct, obj))
        if relation.kind == "talksWith":
            triples.append((obj, direct, subject))


def _confidence(value: float) -> ox.Literal:
    """A confidence as a short xsd:decimal in [0, 1], so output is stable across runs."""
    decimal = Decimal(str(round(min(max(value, 0.0), 1.0), 3)))
    return ox.Literal(format(decimal, "f"), datatype=_DECIMAL)
