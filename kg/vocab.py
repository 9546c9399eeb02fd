"""The namespaces we use, in one place: our ontology (kgo:) and the vocabularies we align to."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

KGO = Namespace("https://w3id.org/newskg/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SH = Namespace("http://www.w3.org/ns/shacl#")

# Data IRIs are minted under this base unless --base says otherwise.
DEFAULT_BASE = "https://w3id.org/newskg/id/"

PREFIXES = {
    "kgo": KGO,
    "nif": NIF,
    "sem": SEM,
    "prov": PROV,
    "org": ORG,
    "schema": SDO,
    "foaf": FOAF,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "rdfs": RDFS,
    "rdf": RDF,
    "owl": OWL,
    "xsd": XSD,
}

__all__ = ["KGO", "NIF", "SEM", "SH", "DEFAULT_BASE", "PREFIXES"] + [
    "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SDO", "SKOS", "XSD"
]
