"""kg.build end to end on the real pipeline: outputs, partial failures, atomicity, workers."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kg.build
from kg.build import auto_workers, build, extract_inputs
from kg.errors import InputError, ModelError
from kg.model import Article, Extraction, Failure
from kg.readers import read_inputs
from kg.validate import validate
from kg.vocab import DCTERMS, KGO, NIF, PROV, RDF, RDFS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOLDEN = Path(__file__).resolve().parent / "data" / "build_golden_brief.ttl"
GOOD_TEXT = ("Foreign Minister Lena Sorensen visited Quito on Monday and met President "
             "Ana Ruiz. Sorensen is a member of the Green Party.\n")
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig",
               ".nq": "nquads"}


def _load(path: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(path, format=RDF_FORMATS[path.suffix])
    return dataset


def _merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def examples_trig(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    output = tmp_path_factory.mktemp("examples") / "examples.trig"
    report = build([str(EXAMPLES)], str(output))
    return output, report


def test_examples_build_one_named_graph_per_article(examples_trig) -> None:
    output, report = examples_trig
    assert report.output == str(output)
    assert report.articles == 5
    assert not report.failures
    dataset = _load(output)
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert len(names) == 5
    assert report.triples == len(dataset)
    assert report.relations > 0 and report.entities > 0


def test_examples_graph_conforms_to_shapes(examples_trig) -> None:
    output, _ = examples_trig
    result = validate(str(output))
    assert result.conforms, result.text


def test_evidence_offsets_slice_the_article_text(examples_trig) -> None:
    output, _ = examples_trig
    graph = _merged(_load(output))
    texts = {a.id: a.text for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)}
    checked = 0
    for statement in set(graph.subjects(NIF.beginIndex, None)):
        article = graph.value(statement, PROV.wasDerivedFrom)
        text = texts[str(graph.value(article, DCTERMS.identifier))]
        begin = int(graph.value(statement, NIF.beginIndex))
        end = int(graph.value(statement, NIF.endIndex))
        assert text[begin:end] == str(graph.value(statement, KGO.evidence))
        checked += 1
    assert checked > 0


def test_every_entity_has_exactly_one_label(examples_trig) -> None:
    output, _ = examples_trig
    graph = _merged(_load(output))
    for cls in (KGO.Person, KGO.Organization, KGO.Place):
        for node in graph.subjects(RDF.type, cls):
            assert len(list(graph.objects(node, RDFS.label))) == 1, node


@pytest.mark.parametrize("suffix", sorted(RDF_FORMATS))
def test_every_output_suffix_holds_the_same_graph(tmp_path: Path, examples_trig, suffix) -> None:
    expected = _merged(_load(examples_trig[0]))
    output = tmp_path / f"graph{suffix}"
    report = build([str(EXAMPLES)], str(output))
    assert report.output == str(output)
    assert isomorphic(_merged(_load(output)), expected)


def test_format_option_overrides_suffix(tmp_path: Path) -> None:
    output = tmp_path / "graph.txt"
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    build([str(tmp_path / "a.txt")], str(output), fmt="nt")
    Graph().parse(output, format="nt")


def test_unknown_output_suffix_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        build([str(EXAMPLES)], str(tmp_path / "graph.xyz"))
    assert ".ttl" in str(err.value)


def test_missing_output_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        build([str(EXAMPLES)], str(tmp_path / "no" / "such" / "graph.ttl"))
    assert "does not exist" in err.value.message and err.value.hint


def _bad_inputs(folder: Path) -> int:
    """Write every kind of bad input into `folder`; return how many failures they give."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 data")
    (folder / "latin.txt").write_bytes("Señor Pérez visited Bogotá.".encode("latin-1"))
    (folder / "feed.jsonl").write_text('{"id": "x", "text": "\n{"id": "y"}\n')
    return 5


def test_folder_of_bad_inputs_and_one_good_article(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected_failures = _bad_inputs(folder)
    (folder / "good.txt").write_text(GOOD_TEXT)
    seen: list[Failure] = []
    output = tmp_path / "out.trig"
    report = build([str(folder)], str(output), on_failure=seen.append)
    assert report.articles == 1
    assert len(report.failures) == expected_failures
    assert list(report.failures) == seen
    assert {f.line for f in report.failures if f.source.endswith("feed.jsonl")} == {1, 2}
    dataset = _load(output)
    graphs = [g for g in dataset.graphs() if len(g)]
    assert len(graphs) == 1
    labels = {str(label) for label in _merged(dataset).objects(None, RDFS.label)}
    assert {"Lena Sorensen", "Quito"} <= labels
    assert validate(dataset).conforms


def test_existing_output_survives_a_run_with_only_a_missing_input(tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    original = b"# precious\n<urn:a> <urn:b> <urn:c> .\n"
    output.write_bytes(original)
    report = build([str(tmp_path / "missing.txt")], str(output))
    assert report.output is None
    assert report.articles == 0
    assert [f.message for f in report.failures] == ["no such file or folder"]
    assert output.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


@pytest.mark.parametrize("suffix", [".ttl", ".nq"])
def test_interrupted_build_leaves_existing_output_untouched(tmp_path: Path, suffix) -> None:
    output = tmp_path / f"graph{suffix}"
    original = b"<urn:a> <urn:b> <urn:c> .\n"
    output.write_bytes(original)

    def interrupt(done: int, total: int | None) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([str(EXAMPLES)], str(output), on_progress=interrupt)
    assert output.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


def test_progress_counts_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    build([str(EXAMPLES)], str(tmp_path / "g.nt"), on_progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 5)
    assert calls[-1] == (5, 5)


def test_stdin_article(tmp_path: Path) -> None:
    output = tmp_path / "g.ttl"
    report = build(["-"], str(output), stdin=io.BytesIO(GOOD_TEXT.encode()))
    assert report.articles == 1
    graph = Graph().parse(output)
    assert (None, DCTERMS.identifier, None) in graph
    assert str(next(graph.objects(None, DCTERMS.identifier))) == "stdin"


def test_extract_inputs_keeps_input_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(GOOD_TEXT)
    items = list(extract_inputs([str(tmp_path)]))
    assert [type(i) for i in items] == [Extraction, Failure, Extraction]
    assert [i.article.id for i in items if isinstance(i, Extraction)] == ["a", "c"]


def test_workers_give_the_same_graph(tmp_path: Path) -> None:
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    build([str(EXAMPLES)], str(one), workers=1, batch_size=2)
    report = build([str(EXAMPLES)], str(two), workers=2, batch_size=2)
    assert report.articles == 5
    assert isomorphic(_merged(_load(one)), _merged(_load(two)))
    assert one.read_bytes() == two.read_bytes()


def test_spawned_workers_give_the_same_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    build([str(EXAMPLES)], str(one), workers=1, batch_size=2)
    monkeypatch.setattr(kg.build, "START_METHOD", "spawn")
    build([str(EXAMPLES)], str(two), workers=2, batch_size=2)
    assert one.read_bytes() == two.read_bytes()


def test_golden_graph_of_one_example(tmp_path: Path) -> None:
    brief = tmp_path / "brief.jsonl"
    brief.write_text((EXAMPLES / "briefs.jsonl").read_text().splitlines()[0])
    output = tmp_path / "brief.ttl"
    build([str(brief)], str(output))
    built = Graph().parse(output)
    for how_found in (KGO.rule, KGO.confidence):
        built.remove((None, how_found, None))
    golden = Graph().parse(GOLDEN)
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        pytest.fail(f"only in built:\n{only_built.serialize(format='nt')}\n"
                    f"only in golden:\n{only_golden.serialize(format='nt')}")


@pytest.mark.parametrize(("workers", "start"), [(1, "fork"), (2, "fork"), (2, "spawn")])
def test_missing_model_is_a_model_error_with_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  workers: int, start: str) -> None:
    monkeypatch.setattr(kg.build, "START_METHOD", start)
    output = tmp_path / "g.nq"
    with pytest.raises(ModelError) as err:
        build([str(EXAMPLES)], str(output), model="no_such_pipeline_xyz", workers=workers)
    assert "pip install" in err.value.hint
    assert not output.exists()


@pytest.mark.parametrize(("articles", "expected"), [(None, 1), (3, 1), (10_000, None)])
def test_auto_workers(articles: int | None, expected: int | None) -> None:
    import os

    assert auto_workers(articles) == (expected or os.cpu_count() or 1)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=0, max_size=300))
def test_arbitrary_text_never_crashes_and_yields_turtle(tmp_path: Path, text: str) -> None:
    folder = tmp_path / "case"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "story.txt").write_text(text, encoding="utf-8")
    output = folder / "out.ttl"
    report = build([str(folder / "story.txt")], str(output))
    if report.output is None:
        assert report.failures and not output.exists()
        return
    graph = Graph().parse(output, format="turtle")
    article = URIRef(next(iter(graph.subjects(RDF.type, KGO.Article))))
    assert str(graph.value(article, DCTERMS.identifier)) == "story"
    assert text.strip() and "\x00" not in text
