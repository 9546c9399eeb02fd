"""SHACL validation of a graph against the shipped shapes (`ontology/shapes.ttl`).

No inference is run: the graphs we write type every node explicitly (countries are also
places), and skipping RDFS inference makes validation several times faster.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import pyshacl
from rdflib import Dataset, Graph
from rdflib.term import Node

from kg.errors import InputError, ValidationError
from kg.serialize import read_rdf
from kg.vocab import PREFIXES, RDF, SH


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path, what is wrong, and the named graph
    (article) it is in when a dataset was validated."""

    focus: str
    path: str | None
    message: str
    severity: str
    graph: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, pySHACL's full text report and the results in brief."""

    conforms: bool
    text: str
    results: int
    violations: tuple[Violation, ...] = ()


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes shipped in the package."""
    text = files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def validate(source: str | Graph | Dataset) -> ValidationReport:
    """Validate a graph, dataset or RDF file (format from its suffix) against the shapes.

    In a dataset (TriG, N-Quads) each named graph, one article, is validated on its own:
    pySHACL would validate their union, where entities legitimately have one label per
    article.
    Raises ValidationError when the file cannot be read or parsed.
    """
    if isinstance(source, Graph):
        data = source
    else:
        try:
            data = read_rdf(source)
        except InputError as err:
            raise ValidationError(err.message, err.hint) from err
    if isinstance(data, Dataset):
        parts = [(graph.identifier, graph) for graph in data.graphs() if len(graph)]
    else:
        parts = [(None, data)]
    conforms, texts, violations = True, [], []
    for name, graph in parts:
        ok, results_graph, text = pyshacl.validate(
            graph, shacl_graph=shapes_graph(), inference="none", advanced=False)
        conforms = conforms and bool(ok)
        if not ok:
            texts.append(f"Graph <{name}>\n{text}" if name is not None else str(text))
            violations.extend(_violations(results_graph, name))
    text = "\n".join(texts) or "Validation Report\nConforms: True\n"
    return ValidationReport(conforms, text, len(violations), tuple(violations))


def _violations(results: Graph, graph: Node | None) -> list[Violation]:
    for prefix, namespace in PREFIXES.items():
        results.bind(prefix, namespace, replace=True)
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        found.append(Violation(
            focus=_short(results, results.value(result, SH.focusNode)),
            path=_short(results, path) if path is not None else None,
            message=str(results.value(result, SH.resultMessage) or "does not conform"),
            severity=_short(results, results.value(result, SH.resultSeverity)),
            graph=str(graph) if graph is not None else None,
        ))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def _short(graph: Graph, node: Node | None) -> str:
    """A node as the reader knows it: a prefixed name where one applies."""
    if node is None:
        return ""
    return node.n3(graph.namespace_manager)
