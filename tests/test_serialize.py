"""Writing article graphs: formats, round trips, merged labels, atomic replacement."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.mapping import article_graph, article_quads, article_statements, entity_iri
from kg.model import Entity, Extraction
from kg.serialize import FORMATS, open_writer, read_rdf, resolve_format
from kg.vocab import RDFS, SKOS

SUFFIX = {name: fmt.suffixes[0] for name, fmt in FORMATS.items()}
MERGED = [name for name, fmt in FORMATS.items() if not fmt.named_graphs]


def _articles(ex: Extraction) -> list[Extraction]:
    """The sample plus a second article naming Henrik Dahl differently ("Henrik K. Dahl")."""
    renamed = tuple(
        Entity(e.key, e.type, "Henrik K. Dahl", ("Dahl", "Henrik Dahl")) if e.name == "Henrik Dahl"
        else e for e in ex.entities)
    second = replace(ex, article=replace(ex.article, id="a2", title=None), entities=renamed)
    return [ex, second]


def _escaped(ex: Extraction) -> Extraction:
    """A third article whose names and evidence hold what N-Triples must escape."""
    odd = "Ana \"Quote\" Back\\slash\tTab\nLine \u00e9\u2028\U0001F600\x07"
    entities = tuple(replace(e, name=odd + e.name, aliases=(*e.aliases, odd)) for e in ex.entities)
    relations = tuple(replace(r, evidence=replace(r.evidence, text=odd + r.evidence.text))
                      for r in ex.relations)
    return replace(ex, article=replace(ex.article, id="a3 /?#é", title=odd), entities=entities,
                   relations=relations)


def _write(path: Path, fmt: str, extractions: list[Extraction], how: str = "graphs") -> int:
    with open_writer(str(path), fmt) as writer:
        for ex in extractions:
            if how == "quads":
                writer.add_quads(article_quads(ex))
            elif how == "statements":
                writer.add_statements(article_statements(ex))
            else:
                writer.add(*article_graph(ex))
        return writer.commit()


@pytest.mark.parametrize(
    ("output", "override", "expected"),
    [("g.ttl", None, "turtle"), ("g.nt", None, "ntriples"), ("G.NQ", None, "nquads"),
     ("g.trig", None, "trig"), ("g.jsonld", None, "json-ld"), ("-", None, "turtle"),
     ("g.out", "nt", "ntriples"), ("-", "trig", "trig"), ("g.ttl", "JSON-LD", "json-ld"),
     ("g.txt", "n-quads", "nquads")],
)
def test_resolve_format(output: str, override: str | None, expected: str) -> None:
    assert resolve_format(output, override) == expected


@pytest.mark.parametrize(("output", "override"), [("graph.xml", None), ("g.ttl", "yaml")])
def test_unknown_format_lists_the_known_ones(output: str, override: str | None) -> None:
    with pytest.raises(InputError) as info:
        resolve_format(output, override)
    assert ".ttl" in str(info.value) and ".nq" in str(info.value)


@pytest.mark.parametrize("fmt", MERGED)
def test_merged_formats_round_trip(tmp_path: Path, sample_extraction: Extraction,
                                   fmt: str) -> None:
    path = tmp_path / f"out{SUFFIX[fmt]}"
    count = _write(path, fmt, [sample_extraction])
    back = Graph().parse(path, format=FORMATS[fmt].rdflib)
    assert isomorphic(back, article_graph(sample_extraction)[1])
    assert count == len(back)


@pytest.mark.parametrize("fmt", [name for name in FORMATS if name not in MERGED])
def test_dataset_formats_keep_one_named_graph_per_article(
    tmp_path: Path, sample_extraction: Extraction, fmt: str
) -> None:
    extractions = _articles(sample_extraction)
    path = tmp_path / f"out{SUFFIX[fmt]}"
    count = _write(path, fmt, extractions)
    back = Dataset().parse(path, format=FORMATS[fmt].rdflib)
    expected = dict(article_graph(ex) for ex in extractions)
    names = {g.identifier for g in back.graphs() if len(g)}
    assert names == set(expected)
    for name, graph in expected.items():
        assert set(back.graph(name)) == set(graph)
    assert count == sum(len(graph) for graph in expected.values())


@pytest.mark.parametrize("fmt", MERGED)
def test_merged_output_keeps_one_label_per_entity(
    tmp_path: Path, sample_extraction: Extraction, fmt: str
) -> None:
    path = tmp_path / f"out{SUFFIX[fmt]}"
    count = _write(path, fmt, _articles(sample_extraction))
    back = Graph().parse(path, format=FORMATS[fmt].rdflib)
    dahl = entity_iri("person/henrik-dahl")
    assert list(back.objects(dahl, RDFS.label)) == [Literal("Henrik Dahl")]
    assert set(back.objects(dahl, SKOS.altLabel)) == {Literal("Dahl"), Literal("Henrik K. Dahl")}
    for entity in back.subjects(RDFS.label, None):
        assert len(list(back.objects(entity, RDFS.label))) == 1, entity
    assert count == len(back)  # shared entity triples are written once, even when streamed


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("how", ["graphs", "quads", "statements"])
def test_output_is_byte_identical_across_runs(
    tmp_path: Path, sample_extraction: Extraction, fmt: str, how: str
) -> None:
    """Also when the second run adds articles as quads (`article_quads`) or as statements
    (`article_statements`, which N-Quads output prints itself) instead of Graphs."""
    extractions = [*_articles(sample_extraction), _escaped(sample_extraction)]
    first, second = tmp_path / f"a{SUFFIX[fmt]}", tmp_path / f"b{SUFFIX[fmt]}"
    _write(first, fmt, extractions)
    count = _write(second, fmt, extractions, how)
    assert first.read_bytes() == second.read_bytes()
    assert count == _write(first, fmt, extractions)


def test_turtle_uses_our_prefixes(tmp_path: Path, sample_extraction: Extraction) -> None:
    path = tmp_path / "out.ttl"
    _write(path, "turtle", [sample_extraction])
    text = path.read_text("utf-8")
    assert "@prefix kgo: <https://w3id.org/newskg/ontology#>" in text
    assert "kgo:status kgo:planned" in text


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("how", ["abort", "exception"])
def test_existing_output_survives_an_aborted_writer(
    tmp_path: Path, sample_extraction: Extraction, fmt: str, how: str
) -> None:
    path = tmp_path / f"out{SUFFIX[fmt]}"
    path.write_bytes(b"previous contents \x00\xff")
    with pytest.raises(RuntimeError) if how == "exception" else _no_error():
        with open_writer(str(path), fmt) as writer:
            writer.add(*article_graph(sample_extraction))
            if how == "exception":
                raise RuntimeError("extraction failed half-way")
            writer.abort()
    assert path.read_bytes() == b"previous contents \x00\xff"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_commit_replaces_and_keeps_permissions(tmp_path: Path,
                                               sample_extraction: Extraction) -> None:
    path = tmp_path / "out.nt"
    path.write_text("old")
    path.chmod(0o640)
    _write(path, "ntriples", [sample_extraction])
    assert path.stat().st_mode & 0o777 == 0o640
    assert len(Graph().parse(path, format="nt")) == len(article_graph(sample_extraction)[1])
    assert [p.name for p in tmp_path.iterdir()] == ["out.nt"]


def test_missing_output_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        open_writer(str(tmp_path / "missing" / "out.ttl"), "turtle")
    assert "does not exist" in info.value.message


def test_stdout_output(capsysbinary: pytest.CaptureFixture[bytes],
                       sample_extraction: Extraction) -> None:
    with open_writer("-", "ntriples") as writer:
        writer.add(*article_graph(sample_extraction))
        writer.commit()
    written = Graph().parse(data=capsysbinary.readouterr().out.decode("utf-8"), format="nt")
    assert isomorphic(written, article_graph(sample_extraction)[1])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_read_rdf_reads_what_we_write(tmp_path: Path, sample_extraction: Extraction,
                                      fmt: str) -> None:
    path = tmp_path / f"out{SUFFIX[fmt]}"
    _write(path, fmt, [sample_extraction])
    graph = read_rdf(str(path))
    assert isinstance(graph, Dataset) is FORMATS[fmt].named_graphs
    triples = set(graph.triples((None, None, None))) if not FORMATS[fmt].named_graphs else {
        (s, p, o) for s, p, o, _ in graph.quads()}
    assert triples == set(article_graph(sample_extraction)[1])


class _no_error:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
