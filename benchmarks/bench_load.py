"""Load throughput into an in-memory Oxigraph server on loopback, both routes.

Writes a synthetic N-Quads file shaped like `kg build` output (one named graph per article,
entities with labels, statement nodes with status, evidence and offsets), starts
`oxigraph serve` without --location (in-memory) on a free 127.0.0.1 port, and loads it:

- Graph Store Protocol into an empty store (bulk N-Quads POSTs),
- Graph Store Protocol into a non-empty store (one PUT per article graph),
- SPARQL 1.1 Update (DROP + INSERT DATA, 1,000 triples a request),

next to a reference: the same file POSTed as it is, which is what the store alone can take.
Each load is checked against the expected triple count. Target: GSP >= 200k triples/s.

    python benchmarks/bench_load.py [--triples 1000000]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import requests

from kg.stores import graph_counts, load

KGO = "https://w3id.org/newskg/ontology#"
ID = "https://w3id.org/newskg/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD_INT = "<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"
TRIPLES_PER_ARTICLE = 100


def article_quads(n: int) -> list[str]:
    """About TRIPLES_PER_ARTICLE quads for synthetic article n."""
    g = f"<{ID}graph/article-{n}>"
    art = f"<{ID}article/article-{n}>"
    quads = [f'{art} {RDF_TYPE} <{KGO}Article> {g} .', f'{art} <http://purl.org/dc/terms/identifier> "article-{n}" {g} .']
    people = [f"<{ID}person/p{(n * 7 + i) % 5000}>" for i in range(4)]
    place = f"<{ID}place/c{n % 300}>"
    for i, person in enumerate(people):
        quads += [f"{person} {RDF_TYPE} <{KGO}Person> {g} .", f'{person} {LABEL} "Person {(n * 7 + i) % 5000}" {g} .']
    quads += [f"{place} {RDF_TYPE} <{KGO}Place> {g} .", f'{place} {LABEL} "Place {n % 300}" {g} .']
    k = 0
    while len(quads) < TRIPLES_PER_ARTICLE - 9:
        st = f"<{ID}statement/article-{n}-{k}>"
        quads += [
            f"{st} {RDF_TYPE} <{KGO}Visit> {g} .",
            f"{st} <{KGO}agent> {people[k % 4]} {g} .",
            f"{st} <{KGO}destination> {place} {g} .",
            f"{st} <{KGO}status> <{KGO}occurred> {g} .",
            f'{st} <{KGO}evidence> "Person {k} visited the place on Tuesday, officials said." {g} .',
            f'{st} <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> "{k * 80}"^^{XSD_INT} {g} .',
            f'{st} <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> "{k * 80 + 57}"^^{XSD_INT} {g} .',
            f"{st} <http://www.w3.org/ns/prov#wasDerivedFrom> {art} {g} .",
            f"{people[k % 4]} <{KGO}visits> {place} {g} .",
        ]
        k += 1
    return quads


def write_dataset(path: str, triples: int) -> int:
    """Write about `triples` quads to `path`; return the exact number of distinct quads."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        n = 0
        while count < triples:
            quads = sorted(set(article_quads(n)))
            out.write("\n".join(quads) + "\n")
            count += len(quads)
            n += 1
    return count


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_oxigraph() -> tuple[subprocess.Popen, str]:
    """An in-memory `oxigraph serve` on a free loopback port, answering queries."""
    port = free_port()
    proc = subprocess.Popen(
        ["oxigraph", "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("oxigraph serve did not start")


def report_line(label: str, triples: int, seconds: float, graphs: int, requests: int) -> float:
    rate = triples / seconds
    print(f"{label:<42} {triples:>9,} triples {graphs:>6,} graphs {requests:>6,} requests "
          f"{seconds:7.2f} s {rate:>10,.0f} triples/s")
    return rate


def run(label: str, expected: int, base: str, **kwargs: object) -> float:
    report = load(endpoint=f"{base}/query", timeout=600.0, **kwargs)  # type: ignore[arg-type]
    stored = sum(graph_counts(f"{base}/query", timeout=600).values())
    assert report.triples == expected == stored, (report.triples, expected, stored)
    return report_line(label, report.triples, report.seconds, report.graphs, report.requests)


def raw_post(path: str, expected: int, base: str) -> float:
    """The store's own ingest speed: the file POSTed as it is, no client work at all."""
    with open(path, "rb") as source:
        data = source.read()
    start = time.perf_counter()
    with requests.post(f"{base}/store", data=data, timeout=600,
                       headers={"Content-Type": "application/n-quads"}) as response:
        response.raise_for_status()
    seconds = time.perf_counter() - start
    counts = graph_counts(f"{base}/query", timeout=600)
    assert sum(counts.values()) == expected
    return report_line("reference: raw file POST (store only)", expected, seconds, len(counts), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.nq")
        expected = write_dataset(path, args.triples)
        print(f"dataset: {expected:,} quads, {os.path.getsize(path) / 1e6:.0f} MB N-Quads, "
              "each route into a fresh in-memory oxigraph serve on 127.0.0.1")
        rates = {}
        for name in ("raw", "gsp", "update"):
            proc, base = start_oxigraph()
            try:
                if name == "raw":
                    rates["raw"] = raw_post(path, expected, base)
                elif name == "gsp":
                    rates["bulk"] = run("GSP, empty store (bulk N-Quads POST)", expected, base,
                                        files=[path], gsp=f"{base}/store")
                    rates["put"] = run("GSP, non-empty store (PUT per graph)", expected, base,
                                       files=[path], gsp=f"{base}/store")
                else:
                    rates["update"] = run("SPARQL Update (1,000 triples/request)", expected, base,
                                          files=[path], update_endpoint=f"{base}/update")
            finally:
                proc.terminate()
                proc.wait(10)
    target = 200_000
    load_avg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load_avg} (1/5/15 min) at the end")
    print(f"GSP bulk: {rates['bulk'] / target:.2f}x the 200k triples/s target, "
          f"{rates['bulk'] / rates['raw']:.2f}x the store's raw ingest; "
          f"GSP PUT: {rates['put'] / rates['raw']:.2f}x raw; "
          f"Update: {rates['update'] / rates['raw']:.2f}x raw")


if __name__ == "__main__":
    main()
