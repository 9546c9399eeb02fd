"""kg build on a real Dask LocalCluster: shards, manifest, failures, loading a shard folder."""

from __future__ import annotations

import importlib
import json
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build import build
from kg.cli import main
from kg.distributed import MANIFEST, build_distributed, partition_size, shard_name, shard_paths
from kg.errors import InputError, KgError, ModelError

distributed = pytest.importorskip("distributed")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_ARTICLES = 5
# A fresh base per run keeps these graphs apart from other tests' in a shared store.
BASE = f"https://example.org/kgtest/dask-{uuid.uuid4().hex[:10]}/"
BAD_FEED = ('{"id": "feed-ok", "text": "Senator Lea Marsh visited Lima on Tuesday."}\n'
            '{"id": "feed-broken", "text": \n')


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A real two-process Dask cluster, one thread per worker, for this module."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The single-process build of the examples, the reference every sharded build matches."""
    output = tmp_path_factory.mktemp("single") / "graph.nq"
    build([str(EXAMPLES)], str(output), base=BASE, workers=1)
    return _dataset([output])


@pytest.fixture(scope="module")
def sharded(scheduler: str, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("sharded") / "graph"
    report = build_distributed([str(EXAMPLES)], str(folder), scheduler=scheduler, base=BASE,
                               articles_per_partition=2)
    return folder, report


def _dataset(paths: list[Path] | list[str]) -> Dataset:
    dataset = Dataset()
    for path in paths:
        dataset.parse(path, format="nquads")
    return dataset


def _merged(dataset: Dataset) -> Graph:
    graph = Graph()
    graph += (quad[:3] for quad in dataset.quads((None, None, None, None)))
    return graph


def _quads(dataset: Dataset) -> set[tuple]:
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}


def _manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text("utf-8"))


def _shard_lines(folder: Path) -> int:
    return sum(len(path.read_text("utf-8").splitlines()) for path in folder.glob("*.nq"))


def test_union_of_shards_is_the_single_process_graph(sharded, single: Dataset) -> None:
    folder, report = sharded
    union = _dataset(shard_paths(str(folder)))
    assert isomorphic(_merged(union), _merged(single))
    assert _quads(union) == _quads(single)  # same IRIs and the same named graph per article
    assert report.output == str(folder.resolve())
    assert report.triples == len(_quads(single))


@pytest.mark.parametrize("per_partition", [1, 5])
def test_any_partitioning_gives_the_same_graph(scheduler: str, single: Dataset, tmp_path: Path,
                                               per_partition: int) -> None:
    report = build_distributed([str(EXAMPLES)], str(tmp_path / "out"), scheduler=scheduler,
                               base=BASE, articles_per_partition=per_partition)
    files = shard_paths(str(tmp_path / "out"))
    assert len(files) == -(-EXAMPLE_ARTICLES // per_partition)
    assert _quads(_dataset(files)) == _quads(single)
    assert report.articles == EXAMPLE_ARTICLES


def _loaded_pipelines() -> dict[str | None, int]:
    """On a worker: the identity of each pipeline its process has loaded, by model name."""
    extractors = importlib.import_module("kg.distributed")._EXTRACTORS
    return {model: id(extractor.nlp) for model, extractor in extractors.items()}


def test_each_worker_loads_the_pipeline_once(scheduler: str, sharded, tmp_path: Path) -> None:
    with distributed.Client(scheduler) as client:
        before = client.run(_loaded_pipelines)
        build_distributed([str(EXAMPLES)], str(tmp_path / "out"), scheduler=scheduler,
                          base=BASE, articles_per_partition=1)
        after = client.run(_loaded_pipelines)
    assert len(before) == 2 and all(len(loaded) == 1 for loaded in before.values())
    assert after == before, "the five partitions reused each worker's one pipeline"


def test_manifest_counts_add_up(sharded) -> None:
    folder, report = sharded
    manifest = _manifest(folder)
    shards = manifest["shards"]
    assert [shard["file"] for shard in shards] == [shard_name(i) for i in range(3)]
    assert sorted(path.name for path in folder.glob("*.nq")) == [s["file"] for s in shards]
    assert sum(shard["triples"] for shard in shards) == manifest["triples"] == report.triples
    assert _shard_lines(folder) == report.triples
    for shard in shards:
        assert len((folder / shard["file"]).read_text("utf-8").splitlines()) == shard["triples"]
    assert sum(shard["articles"] for shard in shards) == manifest["articles"] == EXAMPLE_ARTICLES
    assert [shard["articles"] for shard in shards] == [2, 2, 1]
    assert manifest["relations"] == report.relations > 0
    assert manifest["entities"] == report.entities > 0
    assert manifest["failed"] == 0 and manifest["failures"] == []
    assert not list(folder.glob(".*")), "no staging or temporary files are left behind"


def test_failed_inputs_are_in_the_manifest_and_the_report(scheduler: str, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "feed.jsonl").write_text(BAD_FEED)
    (inputs / "empty.txt").write_text("")
    (inputs / "story.txt").write_text("Minister Omar Castell met President Ines Vidal in Quito.")
    seen = []
    report = build_distributed([str(inputs)], str(tmp_path / "out"), scheduler=scheduler,
                               base=BASE, articles_per_partition=1, on_failure=seen.append)
    manifest = _manifest(tmp_path / "out")
    assert report.articles == manifest["articles"] == 2  # 4 inputs - 2 failures
    assert len(report.failures) == manifest["failed"] == 2 == len(seen)
    assert set(seen) == set(report.failures)
    where = {(Path(f["source"]).name, f["line"]) for f in manifest["failures"]}
    assert where == {("empty.txt", None), ("feed.jsonl", 2)}
    assert all(f["message"] and f["partition"] is not None for f in manifest["failures"])
    assert sum(s["failures"] for s in manifest["shards"]) == 2
    assert sum(s["articles"] for s in manifest["shards"]) == 2


def test_rebuild_replaces_shards_of_the_earlier_run(scheduler: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_distributed([str(EXAMPLES)], str(out), scheduler=scheduler, base=BASE,
                      articles_per_partition=1)
    build_distributed([str(EXAMPLES)], str(out), scheduler=scheduler, base=BASE,
                      articles_per_partition=5)
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, shard_name(0)]
    assert len(_dataset([out / shard_name(0)])) == _manifest(out)["triples"]


def test_failed_run_leaves_an_existing_folder_unchanged(scheduler: str, sharded,
                                                        tmp_path: Path) -> None:
    folder, _ = sharded
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    with pytest.raises(ModelError) as err:
        build_distributed([str(EXAMPLES)], str(folder), scheduler=scheduler,
                          model="no_such_pipeline_xyz")
    assert err.value.hint, "the hint survives the trip from the worker"
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_nothing_extracted_writes_nothing(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    report = build_distributed([str(tmp_path / "empty.txt")], str(tmp_path / "out"),
                               scheduler=scheduler)
    assert report.output is None and len(report.failures) == 1
    assert not (tmp_path / "out").exists(), "the folder made for the run is removed again"
    (tmp_path / "kept").mkdir()
    build_distributed([str(tmp_path / "empty.txt")], str(tmp_path / "kept"), scheduler=scheduler)
    assert list((tmp_path / "kept").iterdir()) == []


@pytest.mark.parametrize(
    ("output", "fmt", "message"),
    [("-", None, "standard output"), ("graph.nq", "ttl", "N-Quads"),
     ("a-file", None, "it is a file"), ("missing/out", None, "does not exist")],
)
def test_unusable_output_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           output: str, fmt: str | None, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(InputError, match=message) as err:
        build_distributed([str(EXAMPLES)], output, fmt=fmt)
    assert err.value.hint


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(KgError) as err:
        build_distributed([str(EXAMPLES)], str(tmp_path / "out"))
    assert "newskg[dask]" in err.value.hint
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("articles", "workers", "size"),
    [(None, 2, 250), (5, 2, 1), (300, 2, 38), (10_000_000, 8, 1000)],
)
def test_partition_size(articles: int | None, workers: int, size: int) -> None:
    assert partition_size(articles, workers) == size


def test_shard_paths_without_manifest_and_errors(tmp_path: Path) -> None:
    (tmp_path / "b.nq").write_text("")
    (tmp_path / "a.nq").write_text("")
    (tmp_path / "notes.txt").write_text("")
    assert shard_paths(str(tmp_path)) == [str(tmp_path / "a.nq"), str(tmp_path / "b.nq")]
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no N-Quads shards"):
        shard_paths(str(tmp_path / "empty"))
    (tmp_path / MANIFEST).write_text(json.dumps({"shards": [{"file": "gone.nq"}]}))
    with pytest.raises(InputError, match="gone.nq"):
        shard_paths(str(tmp_path))
    (tmp_path / MANIFEST).write_text("{not json")
    with pytest.raises(InputError, match="manifest"):
        shard_paths(str(tmp_path))


def test_cli_builds_on_dask_and_reports_failures(scheduler: str, single: Dataset,
                                                 tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(BAD_FEED)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), str(tmp_path / "feed.jsonl"),
                                       "-o", f"{out}/", "--scheduler", scheduler,
                                       "--base", BASE])
    assert result.exit_code == 2, result.stderr
    assert "feed.jsonl:2" in result.stderr
    assert f"{EXAMPLE_ARTICLES + 1} articles" in result.stderr and "1 failures" in result.stderr
    assert _quads(_dataset(shard_paths(str(out)))) >= _quads(single)


def test_cli_starts_a_local_cluster(single: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(out), "--executor",
                                       "dask", "--workers", "1", "--base", BASE, "-q"])
    assert result.exit_code == 0, result.stderr
    assert _quads(_dataset(shard_paths(str(out)))) == _quads(single)


def test_kg_load_of_a_shard_folder_is_idempotent(sharded, single: Dataset, request) -> None:
    try:
        server = request.getfixturevalue("oxigraph_server")
    except pytest.FixtureLookupError:
        pytest.skip("the oxigraph_server fixture is not available")
    from kg.stores import graph_counts

    folder, report = sharded
    expected = {str(g.identifier): len(g) for g in single.graphs() if len(g)}
    for _ in range(2):
        result = CliRunner().invoke(main, ["load", f"{folder}/", "--gsp", server.gsp, "-q"])
        assert result.exit_code == 0, result.stderr
        assert graph_counts(server.query, prefix=BASE) == expected
    assert sum(expected.values()) == report.triples
