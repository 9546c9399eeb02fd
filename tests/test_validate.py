"""SHACL validation: mapped graphs conform in every format; broken graphs do not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.errors import ValidationError
from kg.mapping import article_graph, entity_iri
from kg.model import Extraction
from kg.serialize import FORMATS, open_writer
from kg.validate import validate
from kg.vocab import KGO, NIF, PROV, RDF, RDFS, XSD

DAHL = entity_iri("person/henrik-dahl")
OSLO = entity_iri("place/oslo")


def _statement(graph: Graph, cls: URIRef, status: URIRef) -> URIRef:
    return next(s for s in graph.subjects(KGO.status, status) if (s, RDF.type, cls) in graph)


def _second_label(g: Graph) -> None:
    g.add((DAHL, RDFS.label, Literal("H. Dahl")))


def _no_agent(g: Graph) -> None:
    g.remove((_statement(g, KGO.Visit, KGO.planned), KGO.agent, None))


def _membership_status_on_visit(g: Graph) -> None:
    g.set((_statement(g, KGO.Visit, KGO.planned), KGO.status, KGO.current))


def _begin_after_end(g: Graph) -> None:
    g.set((_statement(g, KGO.Visit, KGO.planned), NIF.beginIndex,
           Literal(500, datatype=XSD.nonNegativeInteger)))


def _offset_as_plain_integer(g: Graph) -> None:
    g.set((_statement(g, KGO.Visit, KGO.planned), NIF.endIndex, Literal(64)))


def _lone_participant(g: Graph) -> None:
    g.remove((_statement(g, KGO.Meeting, KGO.occurred), KGO.participant, DAHL))


def _visit_to_organization(g: Graph) -> None:
    g.add((DAHL, KGO.visits, entity_iri("organization/labour-party")))


def _membership_without_organization(g: Graph) -> None:
    g.remove((_statement(g, KGO.Membership, KGO.current), KGO.organization, None))


def _two_sources(g: Graph) -> None:
    g.add((_statement(g, KGO.Visit, KGO.planned), PROV.wasDerivedFrom,
           URIRef("https://w3id.org/newskg/id/article/elsewhere")))


def _confidence_above_one(g: Graph) -> None:
    g.set((_statement(g, KGO.Membership, KGO.former), KGO.confidence, Literal(1.5)))


BREAKAGES: list[tuple[Callable[[Graph], None], URIRef]] = [
    (_second_label, RDFS.label),
    (_no_agent, KGO.agent),
    (_membership_status_on_visit, KGO.status),
    (_begin_after_end, NIF.beginIndex),
    (_offset_as_plain_integer, NIF.endIndex),
    (_lone_participant, KGO.participant),
    (_visit_to_organization, KGO.visits),
    (_membership_without_organization, KGO.organization),
    (_two_sources, PROV.wasDerivedFrom),
    (_confidence_above_one, KGO.confidence),
]


def test_mapped_graph_conforms(sample_extraction: Extraction) -> None:
    report = validate(article_graph(sample_extraction)[1])
    assert report.conforms, report.text
    assert report.results == 0


@pytest.mark.parametrize(("breakage", "path"), BREAKAGES, ids=lambda b: getattr(b, "__name__", ""))
def test_broken_graph_does_not_conform(sample_extraction: Extraction,
                                       breakage: Callable[[Graph], None], path: URIRef) -> None:
    _, graph = article_graph(sample_extraction)
    breakage(graph)
    report = validate(graph)
    assert not report.conforms
    assert report.results == len(report.violations) >= 1
    assert any(v.path == path.n3(graph.namespace_manager) for v in report.violations), report.text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_written_files_conform(tmp_path: Path, sample_extraction: Extraction, fmt: str) -> None:
    path = tmp_path / f"graph{FORMATS[fmt].suffixes[0]}"
    with open_writer(str(path), fmt) as writer:
        writer.add(*article_graph(sample_extraction))
        writer.commit()
    report = validate(str(path))
    assert report.conforms, report.text


def test_each_named_graph_is_checked(tmp_path: Path, sample_extraction: Extraction) -> None:
    path = tmp_path / "graph.trig"
    name, graph = article_graph(sample_extraction)
    broken = Graph()
    broken += graph
    _no_agent(broken)
    with open_writer(str(path), "trig") as writer:
        writer.add(name, graph)
        writer.add(URIRef(str(name) + "-copy"), broken)
        writer.commit()
    report = validate(str(path))
    assert not report.conforms
    assert {v.path for v in report.violations} == {"kgo:agent"}


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [("missing.ttl", None, "no such file"),
     ("broken.ttl", "@prefix a: <http://a/> .\na:b a:c \"open .\n", "broken.ttl:2"),
     ("latin1.nt", "<http://a/b> <http://a/c> \"caf\xe9\" .\n", "latin1.nt"),
     ("graph.csv", "a,b\n", "unknown RDF file suffix")],
)
def test_unreadable_files_raise_validation_error(
    tmp_path: Path, name: str, content: str | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content.encode("latin-1"))
    with pytest.raises(ValidationError) as info:
        validate(str(path))
    assert expected in info.value.message
    assert info.value.hint


def test_cli_exit_codes_and_report(tmp_path: Path, sample_extraction: Extraction) -> None:
    good, bad = tmp_path / "good.nt", tmp_path / "bad.ttl"
    name, graph = article_graph(sample_extraction)
    with open_writer(str(good), "ntriples") as writer:
        writer.add(name, graph)
        writer.commit()
    _second_label(graph)
    graph.serialize(bad, format="turtle")
    runner = CliRunner()

    result = runner.invoke(main, ["validate", str(good)])
    assert result.exit_code == 0
    assert "conforms" in result.output

    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "1 violation" in result.output
    assert f"<{DAHL}> rdfs:label" in result.output

    result = runner.invoke(main, ["validate", str(tmp_path / "nothing.ttl")])
    assert result.exit_code == 2
    assert "nothing.ttl" in result.output
    assert "Traceback" not in result.output
