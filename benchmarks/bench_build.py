"""Throughput and memory of `kg build` against raw spaCy, measured in one run.

    python benchmarks/bench_build.py                 # 2,000 articles, RSS at 1k and 5k
    python benchmarks/bench_build.py --articles 500 --rss 200,1000   # quicker

Makes a corpus of N articles by cycling through the texts in `examples/` (JSONL, unique
ids), then prints words/s of
  - raw `nlp.pipe` with the same pipeline `kg build` loads (1 process, and n_process=2),
  - `kg build` with 1 and 2 workers to .nq and to .ttl,
  - `kg build --executor dask` on a local Dask cluster of 2 workers (when Dask is installed),
the ratios the throughput targets are stated in, and the peak RSS of `kg build --workers 1`
to .nq on two corpus sizes, each in a fresh process. Timings exclude loading the pipeline
in the benchmark process; the 2-worker runs include starting their worker processes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.model import Article
from kg.nlp import load_pipeline
from kg.readers import read_inputs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DASK_ROW = "kg build dask 2 workers -o DIR/"

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


def raw_spacy(texts: list[str], batch_size: int, processes: int) -> float:
    """Seconds for nlp.pipe over the texts, consuming every Doc."""
    nlp = load_pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass
    return time.perf_counter() - started


def kg_build(corpus: Path, output: Path, workers: int, batch_size: int, count: int) -> float:
    started = time.perf_counter()
    report = build([str(corpus)], str(output), workers=workers, batch_size=batch_size)
    seconds = time.perf_counter() - started
    _check(report, count, "kg build")
    return seconds


def _check(report, count: int, what: str) -> None:
    """Stop with one readable line when a timed build did not extract every article."""
    if report.articles != count or report.failures:
        first = f"; first failure: {report.failures[0]}" if report.failures else ""
        sys.exit(f"{what} extracted {report.articles} of {count} articles, "
                 f"{len(report.failures)} failures{first}")


def dask_build(corpus: Path, output: Path, batch_size: int, count: int) -> float | None:
    """Seconds for the Dask executor on a local cluster of 2 worker processes, started within
    the timing as the pool's processes are; None when Dask is not installed."""
    try:
        import distributed  # noqa: F401 - only whether it is installed
    except ImportError:
        return None
    from kg.distributed import build_distributed

    started = time.perf_counter()
    report = build_distributed([str(corpus)], str(output), workers=2, batch_size=batch_size)
    seconds = time.perf_counter() - started
    _check(report, count, "dask build")
    return seconds


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

        seconds: dict[str, float] = {}

        def record(name: str, value: float | None) -> None:
            if value is not None:
                seconds[name] = value
                print(f"  {name:<32} {value:7.1f} s  {words / value:8.0f} words/s", flush=True)

        record("raw nlp.pipe, 1 process", raw_spacy(texts, args.batch_size, 1))
        record("raw nlp.pipe, 2 processes", raw_spacy(texts, args.batch_size, 2))
        for workers in (1, 2):
            for suffix in (".nq", ".ttl"):
                record(f"kg build --workers {workers} -o {suffix}",
                       kg_build(corpus, folder / f"out-{workers}{suffix}", workers,
                                args.batch_size, args.articles))
        record(DASK_ROW, dask_build(corpus, folder / "out-dask", args.batch_size, args.articles))
        rate = {name: words / value for name, value in seconds.items()}

        rss_small = peak_rss_mb(folder, small, examples)
        rss_large = peak_rss_mb(folder, large, examples)

    ratios = [
        ("build -w1 .nq / raw nlp.pipe (1 process)", rate["kg build --workers 1 -o .nq"]
         / rate["raw nlp.pipe, 1 process"], ">= 0.90"),
        ("build -w2 .nq / build -w1 .nq", rate["kg build --workers 2 -o .nq"]
         / rate["kg build --workers 1 -o .nq"], ">= 1.70"),
        ("build -w2 .nq / raw nlp.pipe (2 processes)", rate["kg build --workers 2 -o .nq"]
         / rate["raw nlp.pipe, 2 processes"], "(reference)"),
        ("build -w1 .ttl / build -w1 .nq", rate["kg build --workers 1 -o .ttl"]
         / rate["kg build --workers 1 -o .nq"], ">= 0.85"),
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
