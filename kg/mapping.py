"""Map one article's Extraction onto the newskg ontology.

`article_statements` gives the article's statements in its named graph, in output order,
which is what the writers in `kg.serialize` take: a build maps every article, and building
an rdflib Graph per article would cost a large share of the parse. `article_quads` gives
them as pyoxigraph quads and `article_graph` as an rdflib Graph, for callers that query or
compare them.

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
from typing import NamedTuple
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


class _Term(NamedTuple):
    """An RDF term three ways: its value (IRI or lexical form, which output is ordered by),
    its pyoxigraph node, and its N-Triples form (what the N-Quads writer prints)."""

    value: str
    node: ox.NamedNode | ox.Literal
    nt: str


_Triple = tuple[_Term, _Term, _Term]


def _named(value: str) -> _Term:
    return _Term(value, ox.NamedNode(value), f"<{value}>")


# Entities recur across articles, so their nodes are made once.
_iri = lru_cache(maxsize=65536)(_named)


def _node_term(node: ox.NamedNode | ox.Literal) -> _Term:
    return _Term(node.value, node, str(node))


@lru_cache(maxsize=16384)
def _literal(value: str, datatype: ox.NamedNode | None = None) -> _Term:
    """A literal; names, rules, offsets and confidences recur across articles."""
    return _node_term(ox.Literal(value, datatype=datatype))


def _constant(term: URIRef) -> _Term:
    return _named(str(term))


# The terms `article_statements` writes, made once.
_TYPE = _constant(RDF.type)
_LABEL = _constant(RDFS.label)
_ALT_LABEL = _constant(SKOS.altLabel)
_TITLE = _constant(KGO.title)
_ARTICLE = _constant(KGO.Article)
_IDENTIFIER = _constant(DCTERMS.identifier)
_HEADLINE = _constant(DCTERMS.title)
_PUBLISHED = _constant(DCTERMS.date)
_URL = _constant(SDO.url)
_SOURCE = _constant(DCTERMS.source)
_MENTIONS = _constant(SDO.mentions)
_DERIVED_FROM = _constant(PROV.wasDerivedFrom)
_STATUS = _constant(KGO.status)
_EVIDENCE = _constant(KGO.evidence)
_RULE = _constant(KGO.rule)
_CONFIDENCE = _constant(KGO.confidence)
_ROLE = _constant(KGO.role)
_DATE = _constant(KGO.date)
_BEGIN = _constant(NIF.beginIndex)
_END = _constant(NIF.endIndex)
_NON_NEGATIVE = ox.NamedNode(str(XSD.nonNegativeInteger))
_DECIMAL = ox.NamedNode(str(XSD.decimal))
_STATUS_NODES = {status: _constant(KGO[status]) for status in {*EVENT_STATUSES, *MEMBERSHIP_STATUSES}}
_CLASS_NODES = {name: tuple(_constant(cls) for cls in classes)
                for name, classes in ENTITY_CLASSES.items()}
# kind -> statement class, direct property, subject property, object property
_RELATION_NODES = {kind: (_constant(spec.cls), _constant(spec.direct), _constant(spec.subject),
                          _constant(spec.object)) for kind, spec in RELATION_MAPPING.items()}
# Output order puts a subject's rdf:type first, then rdfs:label, then the other predicates.
_RANK = {_TYPE.value: 0, _LABEL.value: 1}


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
    return URIRef(_statement_iri(article_id, relation, base))


def _statement_iri(article_id: str, relation: Relation, base: str) -> str:
    ends = [relation.subject, relation.object]
    if relation.kind == "talksWith":
        ends.sort()
    identity = "\x1f".join(
        [article_id, relation.kind, *ends, str(relation.evidence.start),
         str(relation.evidence.end), relation.status, relation.role or ""]
    )
    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]
    return f"{base}{RELATION_MAPPING[relation.kind].segment}/{digest}"


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
    return article_statements(ex, base).quads()


class ArticleStatements:
    """One article's statements, each once, in the order files list them: by subject, then
    rdf:type, rdfs:label, the other predicates, objects (the order `kg.serialize` writes).

    A build writes N-Quads straight from `nquads()`: making a pyoxigraph Quad per statement
    and serializing it costs several times more than printing terms whose N-Triples forms
    are known, and the terms of entities, labels and rules are made once per corpus.
    """

    __slots__ = ("graph", "triples")

    def __init__(self, graph: _Term, triples: list[_Triple]) -> None:
        self.graph = graph
        self.triples = triples

    def __len__(self) -> int:
        return len(self.triples)

    def quads(self) -> list[ox.Quad]:
        name = self.graph.node
        return [ox.Quad(s.node, p.node, o.node, name) for s, p, o in self.triples]

    def nquads(self) -> str:
        """The statements as N-Quads lines, as pyoxigraph's serializer prints them."""
        name = self.graph.nt
        return "".join([f"{s.nt} {p.nt} {o.nt} {name} .\n" for s, p, o in self.triples])


def article_statements(ex: Extraction, base: str = DEFAULT_BASE) -> ArticleStatements:
    """The statements of one article's extraction in its named graph, in output order."""
    article = _named(str(article_iri(ex.article.id, base)))
    triples = _article_triples(article, ex.article)
    types: dict[str, str] = {}
    for entity in ex.entities:
        if entity.type in ENTITY_CLASSES:
            node = _entity_term(entity.key, base)
            _add_entity(triples, node, entity)
            triples.append((article, _MENTIONS, node))
            types[entity.key] = entity.type
    for relation in ex.relations:
        if _fits(relation, types):
            _add_relation(triples, article, ex.article.id, relation, base)
    # the sort is stable: first-seen order where the ordering values tie
    ordered = sorted(dict.fromkeys(triples), key=_order)
    return ArticleStatements(_named(str(graph_iri(ex.article.id, base))), ordered)


def _order(triple: _Triple) -> tuple[str, int, str, str]:
    """The order `kg.serialize` writes a graph in, read from values already at hand (asking
    pyoxigraph terms for theirs makes new strings every time)."""
    s, p, o = triple
    return s.value, _RANK.get(p.value, 2), p.value, o.value


@lru_cache(maxsize=65536)
def _entity_term(key: str, base: str) -> _Term:
    return _iri(str(entity_iri(key, base)))


def _fits(relation: Relation, types: dict[str, str]) -> bool:
    spec = RELATION_MAPPING.get(relation.kind)
    if spec is None or relation.subject == relation.object or relation.status not in spec.statuses:
        return False
    return (types.get(relation.subject) in spec.subject_types
            and types.get(relation.object) in spec.object_types)


def _article_triples(node: _Term, article: Article) -> list[_Triple]:
    triples: list[_Triple] = [(node, _TYPE, _ARTICLE),
                              (node, _IDENTIFIER, _node_term(ox.Literal(article.id)))]
    if article.title:
        triples.append((node, _HEADLINE, _node_term(ox.Literal(article.title))))
    if article.date:
        triples.append((node, _PUBLISHED, _date(article.date)))
    if article.url:
        triples.append((node, _URL, _node_term(ox.NamedNode(quote(article.url.strip(), safe=_URL_SAFE)))))
    if article.source:
        triples.append((node, _SOURCE, _literal(article.source)))
    return triples


def _add_entity(triples: list[_Triple], node: _Term, entity: Entity) -> None:
    for cls in _CLASS_NODES[entity.type]:
        triples.append((node, _TYPE, cls))
    triples.append((node, _LABEL, _literal(entity.name)))
    for alias in entity.aliases:
        if alias != entity.name:
            triples.append((node, _ALT_LABEL, _literal(alias)))
    for role in entity.roles:
        triples.append((node, _TITLE, _literal(role)))


def _add_relation(triples: list[_Triple], article: _Term, article_id: str,
                  relation: Relation, base: str) -> None:
    cls, direct, subject_property, object_property = _RELATION_NODES[relation.kind]
    subject = _entity_term(relation.subject, base)
    obj = _entity_term(relation.object, base)
    node = _named(_statement_iri(article_id, relation, base))
    evidence = relation.evidence
    triples += [
        (node, _TYPE, cls),
        (node, subject_property, subject),
        (node, object_property, obj),
        (node, _STATUS, _STATUS_NODES[relation.status]),
        # evidence is new in every article: not worth a place in the literal cache
        (node, _EVIDENCE, _node_term(ox.Literal(evidence.text))),
        (node, _BEGIN, _literal(str(evidence.start), _NON_NEGATIVE)),
        (node, _END, _literal(str(evidence.end), _NON_NEGATIVE)),
        (node, _RULE, _literal(relation.rule)),
        (node, _CONFIDENCE, _confidence(relation.confidence)),
        (node, _DERIVED_FROM, article),
    ]
    if relation.role:
        triples.append((node, _ROLE, _literal(relation.role)))
    if relation.date:
        triples.append((node, _DATE, _date(relation.date)))
    if relation.status in RELATION_MAPPING[relation.kind].asserted:
        triples.append((subject, direct, obj))
        if relation.kind == "talksWith":
            triples.append((obj, direct, subject))


# Many articles share a date; rdflib's literal takes tens of microseconds to check one.
@lru_cache(maxsize=4096)
def _date(value: str) -> _Term:
    return _node_term(ox_term(date_literal(value)))


@lru_cache(maxsize=1024)
def _confidence(value: float) -> _Term:
    """A confidence as a short xsd:decimal in [0, 1], so output is stable across runs."""
    decimal = Decimal(str(round(min(max(value, 0.0), 1.0), 3)))
    return _literal(format(decimal, "f"), _DECIMAL)
