"""Throughput and memory of `kg build` against raw spaCy, measured in one run.

    python benchmarks/bench_build.py                 # 2,000 articles, RSS at 1k and 5k
    python benchmarks/bench_build.py --articles 500 --rss 200,1000   # quicker

Makes a corpus of N articles by cycling through the texts in `examples/` (JSONL, unique
ids), then prints words/s of
  - raw `nlp.pipe` with the same pipeline `kg build` loads (1 process, and n_process=2):
    the model's components plus the two newskg adds (sentence breaks, span repair),
  - for reference, raw `nlp.pipe` with the model's components only (1 process),
  - `kg build` with 1 and 2 workers to .nq and to .ttl,
  - `kg build --executor dask` on a local Dask cluster of 2 workers (when Dask is installed),
the ratios the throughput targets are stated in, and the peak RSS of `kg build --workers 1`
to .nq on two corpus sizes, each in a fresh process. Timings exclude loading the pipeline
in the benchmark process; the 2-worker runs include starting their worker processes.

Each run reports wall time and CPU time (this process and its worker processes). On a
shared machine other jobs stretch wall time by varying amounts, so the single-process ratios
are also given on CPU time, which other jobs barely move; the speed-up from a second worker
can only be measured on wall time and needs an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.build import build
from kg.model import Article
from kg.nlp import LINE_BREAK_COMPONENT, REPAIR_COMPONENT, load_pipeline
from kg.readers import read_inputs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DASK_ROW = "kg build dask 2 workers -o DIR/"
SPACY_ONLY_ROW = "raw, model components only"

_RSS_CHILD = """
import resource, sys
from kg.build import build
report = build([sys.argv[1]], sys.argv[2], workers=1)
assert report.articles == int(sys.argv[3]), report
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def example_texts() -> list[Article]:
    articles = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    if not articles:
        sys.exit(f"no example articles found in {EXAMPLES}")
    return articles


def write_corpus(path: Path, count: int, examples: list[Article]) -> list[str]:
    """Write `count` articles as JSONL; return their texts."""
    texts = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            article = examples[number % len(examples)]
            texts.append(article.text)
            handle.write(json.dumps({"id": f"bench-{number:06d}", "text": article.text,
                                     "title": article.title, "date": article.date}) + "\n")
    return texts


@dataclass
class Timing:
    """Wall and CPU seconds of one run (CPU of this process and of reaped children)."""

    wall: float = 0.0
    cpu: float = 0.0


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def timed() -> Iterator[Timing]:
    timing = Timing()
    wall, cpu = time.perf_counter(), _cpu_seconds()
    yield timing
    timing.wall, timing.cpu = time.perf_counter() - wall, _cpu_seconds() - cpu


def raw_spacy(texts: list[str], batch_size: int, processes: int, *,
              spacy_only: bool = False) -> Timing:
    """nlp.pipe over the texts, consuming every Doc; with `spacy_only`, without the two
    components newskg adds to the model's pipeline (sentence breaks, span repair)."""
    nlp = load_pipeline()
    ours = [LINE_BREAK_COMPONENT, REPAIR_COMPONENT] if spacy_only else []
    with nlp.select_pipes(disable=[name for name in ours if name in nlp.pipe_names]):
        with timed() as timing:
            for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
                pass
    return timing


def kg_build(corpus: Path, output: Path, workers: int, batch_size: int, count: int) -> Timing:
    with timed() as timing:
        report = build([str(corpus)], str(output), workers=workers, batch_size=batch_size)
    _check(report, count, "kg build")
    return timing


def _check(report, count: int, what: str) -> None:
    """Stop with one readable line when a timed build did not extract every article."""
    if report.articles != count or report.failures:
        first = f"; first failure: {report.failures[0]}" if report.failures else ""
        sys.exit(f"{what} extracted {report.articles} of {count} articles, "
                 f"{len(report.failures)} failures{first}")


def dask_build(corpus: Path, output: Path, batch_size: int, count: int) -> Timing | None:
    """Seconds for the Dask executor on a local cluster of 2 worker processes, started within
    the timing as the pool's processes are; None when Dask is not installed."""
    try:
        import distributed  # noqa: F401 - only whether it is installed
    except ImportError:
        return None
    from kg.distributed import build_distributed

    with timed() as timing:
        report = build_distributed([str(corpus)], str(output), workers=2,
                                   batch_size=batch_size)
    _check(report, count, "dask build")
    return timing


def peak_rss_mb(folder: Path, count: int, examples: list[Article]) -> float:
    corpus = folder / f"rss-{count}.jsonl"
    write_corpus(corpus, count, examples)
    result = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(corpus),
                             str(folder / f"rss-{count}.nq"), str(count)],
                            check=True, capture_output=True, text=True)
    return int(result.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (2000)")
    parser.add_argument("--rss", default="1000,5000",
                        help="two corpus sizes for the peak-RSS check (1000,5000)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    small, large = (int(n) for n in args.rss.split(","))

    examples = example_texts()
    load_pipeline()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        texts = write_corpus(corpus, args.articles, examples)
        words = sum(len(text.split()) for text in texts)
        print(f"corpus: {args.articles} articles, {words} words; {os.cpu_count()} CPUs; "
              f"batch size {args.batch_size}")

        runs: dict[str, Timing] = {}
        print(f"  {'run':<32} {'wall s':>7} {'words/s':>8} {'CPU s':>7} {'words/CPU s':>11}")

        def record(name: str, timing: Timing | None) -> None:
            if timing is not None:
                runs[name] = timing
                print(f"  {name:<32} {timing.wall:7.1f} {words / timing.wall:8.0f} "
                      f"{timing.cpu:7.1f} {words / timing.cpu:11.0f}", flush=True)

        record("raw nlp.pipe, 1 process", raw_spacy(texts, args.batch_size, 1))
        record("raw nlp.pipe, 2 processes", raw_spacy(texts, args.batch_size, 2))
        record(SPACY_ONLY_ROW, raw_spacy(texts, args.batch_size, 1, spacy_only=True))
        for workers in (1, 2):
            for suffix in (".nq", ".ttl"):
                record(f"kg build --workers {workers} -o {suffix}",
                       kg_build(corpus, folder / f"out-{workers}{suffix}", workers,
                                args.batch_size, args.articles))
        record(DASK_ROW, dask_build(corpus, folder / "out-dask", args.batch_size, args.articles))
        rate = {name: words / timing.wall for name, timing in runs.items()}
        cpu_rate = {name: words / timing.cpu for name, timing in runs.items()}

        rss_small = peak_rss_mb(folder, small, examples)
        rss_large = peak_rss_mb(folder, large, examples)

    w1nq, w1ttl, raw1 = ("kg build --workers 1 -o .nq", "kg build --workers 1 -o .ttl",
                         "raw nlp.pipe, 1 process")
    ratios = [
        ("build -w1 .nq / raw nlp.pipe (1 process)", rate[w1nq] / rate[raw1], ">= 0.90"),
        ("  same on CPU time", cpu_rate[w1nq] / cpu_rate[raw1], ">= 0.90"),
        ("build -w1 .nq / raw, model components only", rate[w1nq] / rate[SPACY_ONLY_ROW],
         "(reference)"),
        ("build -w2 .nq / build -w1 .nq", rate["kg build --workers 2 -o .nq"]
         / rate["kg build --workers 1 -o .nq"], ">= 1.70"),
        ("build -w2 .nq / raw nlp.pipe (2 processes)", rate["kg build --workers 2 -o .nq"]
         / rate["raw nlp.pipe, 2 processes"], "(reference)"),
        ("build -w1 .ttl / build -w1 .nq", rate[w1ttl] / rate[w1nq], ">= 0.85"),
        ("  same on CPU time", cpu_rate[w1ttl] / cpu_rate[w1nq], ">= 0.85"),
        ("build -w2 .ttl / build -w2 .nq", rate["kg build --workers 2 -o .ttl"]
         / rate["kg build --workers 2 -o .nq"], ">= 0.85"),
        (f"peak RSS {large} / {small} articles (.nq)", rss_large / rss_small, "<= 1.10"),
    ]
    if DASK_ROW in rate:
        ratios.append(("dask, 2 workers .nq / build -w2 .nq",
                       rate[DASK_ROW] / rate["kg build --workers 2 -o .nq"], ">= 0.75"))
    print(f"peak RSS, kg build --workers 1 to .nq: {small} articles {rss_small:.0f} MB, "
          f"{large} articles {rss_large:.0f} MB (target < 1536 MB)")
    print("ratios:")
    for name, value, target in ratios:
        print(f"  {name:<46} {value:5.2f}  {target}")


if __name__ == "__main__":
    main()
