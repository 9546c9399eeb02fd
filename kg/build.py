"""Build a knowledge graph file from news articles: read, extract, map, write.

The output is written atomically through `kg.serialize.open_writer`: when some inputs fail
the file holds the graph of the good ones; when nothing could be extracted, the run is
interrupted or the output cannot be written, an existing output file is left untouched.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import KgError
from kg.model import Article, BuildReport, Extraction, Failure
from kg.readers import count_articles, read_inputs
from kg.vocab import DEFAULT_BASE

if TYPE_CHECKING:
    from kg.extract import Extractor

ProgressCallback = Callable[[int, "int | None"], None]
FailureCallback = Callable[[Failure], None]

AUTO_WORKERS_FROM = 200
_EXTRACTION_HINT = "the article was skipped; please report this input as a bug"


def build(
    inputs: Sequence[str],
    output: str,
    *,
    fmt: str | None = None,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    workers: int | None = 1,
    batch_size: int = 64,
    on_progress: ProgressCallback | None = None,
    on_failure: FailureCallback | None = None,
    stdin: BinaryIO | None = None,
) -> BuildReport:
    """Extract every readable article in `inputs` and write one graph to `output`.

    `output` "-" writes to stdout; the format comes from its suffix unless `fmt` names one.
    `on_progress(done, total)` is called as articles finish (total None when unknown);
    `on_failure(failure)` as soon as an input or article fails. `workers` None picks a count
    from the corpus size (`auto_workers`). Raises InputError before any extraction when the
    format is unknown or the output cannot be written, ModelError when no spaCy pipeline
    loads. The report's `output` is None when nothing was written.
    """
    from kg.mapping import article_statements
    from kg.serialize import open_writer, resolve_format

    started = time.perf_counter()
    format_name = resolve_format(output, fmt)
    total = count_articles(inputs) if on_progress is not None or workers is None else None
    if workers is None:
        workers = auto_workers(total)
    failures: list[Failure] = []
    entity_keys: set[str] = set()
    articles = relations = 0

    def report_failure(failure: Failure) -> None:
        failures.append(failure)
        if on_failure is not None:
            on_failure(failure)

    items = read_inputs(inputs, stdin=stdin)
    if on_progress is not None:
        on_progress(0, total)
    with open_writer(output, format_name) as writer:
        for result in extract_stream(items, model=model, workers=workers, batch_size=batch_size):
            if isinstance(result, Failure):
                report_failure(result)
                continue
            writer.add_statements(article_statements(result, base))
            articles += 1
            relations += len(result.relations)
            entity_keys.update(entity.key for entity in result.entities)
            if on_progress is not None:
                on_progress(articles, total)
        if articles == 0:
            writer.abort()
            triples, written = 0, None
        else:
            triples, written = writer.commit(), output
    return BuildReport(articles=articles, entities=len(entity_keys), relations=relations,
                       triples=triples, failures=tuple(failures),
                       seconds=time.perf_counter() - started, output=written)


def auto_workers(articles: int | None) -> int:
    """Default worker count: every CPU for a large corpus; one for a handful of files,
    where starting processes (a second each where they must be spawned) and passing
    articles between them cost more than they save."""
    if articles is None or articles < AUTO_WORKERS_FROM:
        return 1
    return max(1, os.cpu_count() or 1)


def extract_inputs(
    inputs: Sequence[str],
    model: str | None = None,
    *,
    batch_size: int = 64,
    stdin: BinaryIO | None = None,
) -> Iterator[Extraction | Failure]:
    """Extractions and Failures for `inputs`, in input order (for `kg extract`)."""
    yield from extract_stream(read_inputs(inputs, stdin=stdin), model=model,
                              batch_size=batch_size)


def extract_stream(
    items: Iterable[Article | Failure],
    *,
    model: str | None = None,
    workers: int | None = 1,
    batch_size: int = 64,
) -> Iterator[Extraction | Failure]:
    """Extract a lazy stream of articles batch by batch; Failures pass through in order.

    With `workers` > 1 the batches go to that many processes, each with its own pipeline;
    results come back in input order, so the output does not depend on the worker count.
    At most two batches per worker are in flight, so memory stays flat on any corpus size.
    """
    if (workers or 1) <= 1:
        from kg.extract import Extractor

        extractor = Extractor(model, preload=True)
        with _loaded_heap_frozen():
            for chunk in _chunks(items, batch_size):
                yield from _extract_chunk(extractor, chunk, batch_size)
        return
    executor = _pool(workers, model)
    pending: deque[Future] = deque()
    try:
        with _loaded_heap_frozen():  # workers fork on the first submit and inherit it
            for chunk in _chunks(items, batch_size):
                pending.append(executor.submit(_work, chunk, batch_size))
                if len(pending) >= 2 * workers:
                    yield from _collect(pending.popleft())
            while pending:
                yield from _collect(pending.popleft())
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _loaded_heap_frozen() -> Iterator[None]:
    """Keep the objects alive now (the loaded pipeline, its tables and caches) out of garbage
    collection while articles stream through.

    The rules make many short-lived containers, so full collections come every few hundred
    articles, and each rescans the whole pipeline: half the collector's time in a build, about
    1.5% of the run. Frozen objects are also not written to by collections in forked
    workers, so their memory pages stay shared. Unfrozen at the end, so a process that builds
    again can still collect what the first build left.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# fork is only safe on Linux: macOS system libraries break in forked children.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
_WORKER: dict[str, object] = {}
_BROKEN_HINT = ("a worker process died (out of memory?) or could not start (in a script run "
                "as `python -` or from stdin, spawned workers cannot re-import it); run with "
                "--workers 1 or fewer workers")


def _pool(workers: int, model: str | None) -> ProcessPoolExecutor:
    """Worker processes that each hold a pipeline.

    On Linux the pipeline is loaded once here and the workers are forked from this process,
    sharing it copy-on-write: starting a worker then costs milliseconds instead of the
    seconds of importing spaCy and loading the model again. Elsewhere fork is unsafe or
    missing, so workers are spawned and load their own pipeline.
    """
    if START_METHOD == "fork":
        from kg.extract import Extractor

        _WORKER.clear()
        _WORKER["extractor"] = Extractor(model, preload=True)
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(model,))


def _init_worker(model: str | None) -> None:
    """Load one pipeline per worker process; a load error is kept and re-raised in the
    parent with its hint, rather than breaking the pool without one."""
    from kg.extract import Extractor

    try:
        _WORKER["extractor"] = Extractor(model)
    except KgError as err:
        _WORKER["error"] = (type(err), err.message, err.hint)


def _work(chunk: list[Article | Failure], batch_size: int) -> list[Extraction | Failure] | tuple:
    if "error" in _WORKER:
        return _WORKER["error"]  # type: ignore[return-value]
    return _extract_chunk(_WORKER["extractor"], chunk, batch_size)  # type: ignore[arg-type]


def _collect(future: Future) -> list[Extraction | Failure]:
    try:
        value = future.result()
    except BrokenProcessPool as err:
        raise KgError("worker processes stopped before the build finished", _BROKEN_HINT) from err
    if isinstance(value, tuple):
        error_class, message, hint = value
        raise error_class(message, hint)
    return value


def _extract_chunk(extractor: Extractor, chunk: list[Article | Failure],
                   batch_size: int) -> list[Extraction | Failure]:
    """One batch through nlp.pipe; if the batch fails, retry article by article so one bad
    article costs only itself, never the run."""
    articles = [item for item in chunk if isinstance(item, Article)]
    try:
        extracted = iter(list(extractor.extract_many(articles, batch_size)))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        extracted = iter([_extract_one(extractor, article) for article in articles])
    return [item if isinstance(item, Failure) else next(extracted) for item in chunk]


def _extract_one(extractor: Extractor, article: Article) -> Extraction | Failure:
    try:
        return extractor.extract(article)
    except Exception as err:  # noqa: BLE001 - a bug on one article must not stop the run
        return Failure(f"article {article.id!r}",
                       f"extraction failed: {type(err).__name__}: {err}", _EXTRACTION_HINT)


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, max(size, 1))):
        yield chunk

