"""Run `kg build` on a Dask cluster: one N-Quads shard per partition of articles.

The client reads the inputs and sends them in partitions of consecutive articles; each
worker process loads the spaCy pipeline once (warmed up on every worker before the first
task, cached for workers that join later), extracts and maps its partition and writes
`part-NNNNN.nq`. Shards go to a staging folder inside OUT_DIR and are moved into place, with
`manifest.json` last, only when every partition is done, so an interrupted or failed run
leaves an existing OUT_DIR as it was. Every IRI depends only on the article, so the union of
the shards is the graph a single-process build writes, whatever the partitioning.

OUT_DIR must be on a file system the client and every worker see (any folder for a local
cluster; NFS or similar on a real one).
"""

from __future__ import annotations

import gc
import json
import math
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kg.build import FailureCallback, ProgressCallback
from kg.errors import InputError, KgError
from kg.model import Article, BuildReport, Failure
from kg.readers import count_articles, read_inputs
from kg.serialize import resolve_format
from kg.vocab import DEFAULT_BASE

if TYPE_CHECKING:
    from distributed import Client

    from kg.extract import Extractor

MANIFEST = "manifest.json"
SHARD_PREFIX = "part-"
SHARD_SUFFIX = ".nq"
# Partitions per worker when the corpus size is known: enough that the last ones finish
# close together, few enough that each still batches well in nlp.pipe.
PARTITIONS_PER_WORKER = 4
MAX_PARTITION = 1000
UNKNOWN_SIZE_PARTITION = 250
DASK_HINT = "install the Dask extra: pip install 'newskg[dask]'"
_STAGING_PREFIX = ".staging-"


@dataclass(frozen=True)
class Shard:
    """What one partition produced: its shard file (relative to OUT_DIR) and counts."""

    partition: int
    file: str
    articles: int
    triples: int
    relations: int
    entity_keys: frozenset[str]
    failures: tuple[Failure, ...]


def shard_name(partition: int) -> str:
    """File name of a partition's shard: part-00000.nq, part-00001.nq, ..."""
    return f"{SHARD_PREFIX}{partition:05d}{SHARD_SUFFIX}"


def partition_size(articles: int | None, workers: int) -> int:
    """Articles per partition: about PARTITIONS_PER_WORKER partitions per worker, at most
    MAX_PARTITION articles each (a shard stays a convenient size for bulk loaders)."""
    if articles is None:
        return UNKNOWN_SIZE_PARTITION
    wanted = math.ceil(articles / (PARTITIONS_PER_WORKER * max(workers, 1)))
    return min(max(wanted, 1), MAX_PARTITION)


def build_distributed(
    inputs: Sequence[str],
    out_dir: str,
    *,
    scheduler: str | None = None,
    fmt: str | None = None,
    workers: int | None = None,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    articles_per_partition: int | None = None,
    batch_size: int = 64,
    on_progress: ProgressCallback | None = None,
    on_failure: FailureCallback | None = None,
    stdin: BinaryIO | None = None,
) -> BuildReport:
    """Build the graph of `inputs` on Dask into `out_dir`: N-Quads shards and a manifest.

    `scheduler` is a Dask scheduler address (tcp://HOST:PORT); without it a local cluster of
    `workers` processes (default: one per CPU), one thread each, runs for this build.
    `fmt`, if given, must name N-Quads (the shards' format).
    `articles_per_partition` defaults to `partition_size(...)`. Callbacks as for
    `kg.build.build`. The report's `output` is `out_dir`, or None when no article could be
    extracted (then nothing in `out_dir` changes; a folder created for the run is removed
    again, as after any error). Raises KgError (with the pip command)
    when Dask is not installed, InputError for an unusable `out_dir`, ModelError when the
    workers cannot load a pipeline.
    """
    started = time.perf_counter()
    if fmt is not None and resolve_format(out_dir, fmt) != "nquads":
        raise InputError(f"the dask executor writes N-Quads shards, not {fmt}",
                         "drop --format, or use --executor local for a single file in that format")
    distributed = _import_distributed()
    created = not Path(out_dir).exists()
    folder = _prepare_folder(out_dir)
    total = count_articles(inputs)
    staging = Path(folder) / f"{_STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
    staging.mkdir()
    try:
        with _connect(distributed, scheduler, workers) as client:
            client.run(_warm_up, model)
            size = articles_per_partition or partition_size(total, _worker_count(client))
            if on_progress is not None:
                on_progress(0, total)
            shards = _run_partitions(client, distributed, read_inputs(inputs, stdin=stdin),
                                     size, str(staging), base, model, batch_size, total,
                                     on_progress, on_failure)
        report = _finish(shards, folder, staging, base, size, started)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
    return report


def shard_paths(folder: str) -> list[str]:
    """The shard files of a sharded build output: those its manifest lists, else every
    `*.nq` file in it, in name order. Raises InputError when there are none or one is missing."""
    root = Path(folder)
    manifest = root / MANIFEST
    if manifest.is_file():
        try:
            listed = [shard["file"] for shard in json.loads(manifest.read_text("utf-8"))["shards"]]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(f"{manifest}: not a readable build manifest ({err})",
                             "rebuild the folder with `kg build ... --executor dask`") from err
        paths = [root / name for name in listed]
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            raise InputError(f"{folder}: shard {missing[0]} listed in {MANIFEST} is missing",
                             "rebuild the folder with `kg build ... --executor dask`")
    else:
        paths = sorted(root.glob(f"*{SHARD_SUFFIX}"))
    if not paths:
        raise InputError(f"{folder}: no N-Quads shards in this folder",
                         "pass graph files, or a folder written by `kg build ... --executor dask`")
    return [str(path) for path in paths]


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as err:
        raise KgError("the dask executor needs Dask, which is not installed", DASK_HINT) from err
    return distributed


def _prepare_folder(out_dir: str) -> str:
    if out_dir == "-":
        raise InputError("the dask executor writes a folder of shards, not standard output",
                         "give a folder, e.g. -o graph/")
    path = Path(out_dir)
    if path.exists() and not path.is_dir():
        raise InputError(f"cannot write shards to {out_dir}: it is a file",
                         "give a folder (created if missing), e.g. -o graph/")
    if not path.parent.is_dir():
        raise InputError(f"cannot create {out_dir}: folder {path.parent} does not exist",
                         f"create it first (mkdir -p {path.parent}) or choose another -o folder")
    try:
        path.mkdir(exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot create {out_dir}: {err.strerror}",
                         "choose an output folder you can write to") from err
    if not os.access(path, os.W_OK):
        raise InputError(f"cannot write shards to {out_dir}: it is not writable",
                         "choose an output folder you can write to")
    return str(path.resolve())


@contextmanager
def _connect(distributed: Any, scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A Dask client for `scheduler`, or for a local cluster started (and stopped) here."""
    if scheduler is None:
        # The scheduler's HTTP server on a free loopback port: 8787 may belong to another cluster.
        with distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                      threads_per_worker=1, processes=True,
                                      dashboard_address="127.0.0.1:0") as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as err:
        raise _scheduler_error(scheduler, err) from err
    with client:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError as err:
            raise _scheduler_error(scheduler, err) from err
        yield client


def _scheduler_error(scheduler: str, err: Exception) -> KgError:
    return KgError(f"cannot use the Dask scheduler at {scheduler}: {err or type(err).__name__}",
                   "check the address (tcp://HOST:8786) and that `dask scheduler` and at least "
                   "one `dask worker` run there")


def _worker_count(client: Client) -> int:
    return max(1, sum(client.nthreads().values()))


def _run_partitions(client: Client, distributed: Any, items: Iterable[Article | Failure],
                    size: int, staging: str, base: str, model: str | None, batch_size: int,
                    total: int | None, on_progress: ProgressCallback | None,
                    on_failure: FailureCallback | None) -> list[Shard]:
    """Submit partitions as earlier ones finish (two per worker thread in flight, so the
    client's memory stays flat) and collect their shards in partition order."""
    from toolz import partition_all

    partitions = enumerate(partition_all(size, items))
    pending = distributed.as_completed()

    def submit_next() -> None:
        for index, chunk in islice(partitions, 1):
            pending.add(client.submit(_build_partition, index, list(chunk), staging, base, model,
                                      batch_size, pure=False))

    for _ in range(2 * _worker_count(client)):
        submit_next()
    shards: list[Shard] = []
    done = 0
    for future in pending:
        try:
            shard: Shard = future.result()
        except distributed.KilledWorker as err:
            raise KgError(f"Dask workers died while building a partition: {err}",
                          "a worker process was killed, often for lack of memory: give workers "
                          "more memory or lower --batch-size") from err
        future.release()
        submit_next()
        shards.append(shard)
        for failure in shard.failures:
            if on_failure is not None:
                on_failure(failure)
        done += shard.articles
        if on_progress is not None:
            on_progress(done, total)
    return sorted(shards, key=lambda shard: shard.partition)


def _finish(shards: list[Shard], folder: str, staging: Path, base: str, size: int,
            started: float) -> BuildReport:
    """Move the shards into `folder`, write the manifest, drop shards of earlier runs."""
    articles = sum(shard.articles for shard in shards)
    failures = tuple(failure for shard in shards for failure in shard.failures)
    entity_keys = frozenset().union(*(shard.entity_keys for shard in shards))
    report = BuildReport(articles=articles, entities=len(entity_keys),
                         relations=sum(shard.relations for shard in shards),
                         triples=sum(shard.triples for shard in shards), failures=failures,
                         seconds=time.perf_counter() - started,
                         output=folder if articles else None)
    if not articles:
        return report
    for shard in shards:
        os.replace(staging / shard.file, Path(folder) / shard.file)
    _write_manifest(Path(folder), _manifest(shards, report, base, size))
    current = {shard.file for shard in shards}
    for old in Path(folder).glob(f"{SHARD_PREFIX}*{SHARD_SUFFIX}"):
        if old.name not in current:
            old.unlink()
    return report


def _manifest(shards: list[Shard], report: BuildReport, base: str, size: int) -> dict[str, Any]:
    return {
        "format": "application/n-quads",
        "base": base,
        "articles_per_partition": size,
        "articles": report.articles,
        "entities": report.entities,
        "relations": report.relations,
        "triples": report.triples,
        "failed": len(report.failures),
        "shards": [{"file": shard.file, "partition": shard.partition,
                    "articles": shard.articles, "triples": shard.triples,
                    "relations": shard.relations, "failures": len(shard.failures)}
                   for shard in shards],
        "failures": [{"partition": shard.partition, **asdict(failure)}
                     for shard in shards for failure in shard.failures],
    }


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{MANIFEST}.", suffix=".part", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    os.chmod(temp, 0o644)
    os.replace(temp, folder / MANIFEST)


# --- on the workers ---

_EXTRACTORS: dict[str | None, Extractor] = {}
_LOAD_LOCK = threading.Lock()


def _extractor(model: str | None) -> Extractor:
    """The worker process's pipeline for `model`, loaded on first use and kept."""
    with _LOAD_LOCK:
        if model not in _EXTRACTORS:
            from kg.extract import Extractor

            _EXTRACTORS[model] = Extractor(model, preload=True)
            # the rules make many short-lived objects; keep the loaded pipeline out of the
            # collector's full passes, as a local build does (kg.build._loaded_heap_frozen)
            gc.freeze()
        return _EXTRACTORS[model]


def _warm_up(model: str | None) -> None:
    """Load the pipeline on a worker before any task (run on every worker at the start)."""
    _extractor(model)


def _build_partition(partition: int, chunk: list[Article | Failure], staging: str, base: str,
                     model: str | None, batch_size: int) -> Shard:
    """Extract, map and write one partition as an N-Quads shard in `staging`."""
    from kg.build import _extract_chunk
    from kg.mapping import article_statements
    from kg.serialize import open_writer

    if not os.path.isdir(staging):
        raise InputError(f"worker on {os.uname().nodename} cannot see the output folder "
                         f"{os.path.dirname(staging)}",
                         "put OUT_DIR on a file system shared by the client and all workers")
    extractor = _extractor(model)
    name = shard_name(partition)
    failures: list[Failure] = []
    keys: set[str] = set()
    articles = relations = 0
    with open_writer(os.path.join(staging, name), "nquads") as writer:
        for result in _extract_chunk(extractor, chunk, batch_size):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            writer.add_statements(article_statements(result, base))
            articles += 1
            relations += len(result.relations)
            keys.update(entity.key for entity in result.entities)
        triples = writer.commit()
    return Shard(partition, name, articles, triples, relations, frozenset(keys), tuple(failures))
