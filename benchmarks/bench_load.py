"""Load throughput into an in-memory Oxigraph server on loopback, both routes.

Writes a synthetic N-Quads file shaped like `kg build` output (one named graph per article,
entities with labels, statement nodes with status, evidence and offsets), starts
`oxigraph serve` without --location (in-memory) on a free 127.0.0.1 port, and loads it:

- Graph Store Protocol into an empty store (bulk N-Quads POSTs),
- Graph Store Protocol into a non-empty store (one PUT per article graph),
- SPARQL 1.1 Update (DROP + INSERT DATA, 1,000 triples a request).

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

from kg.stores import graph_counts, load, remote_update

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


def run(label: str, expected: int, **kwargs: object) -> float:
    report = load(**kwargs)  # type: ignore[arg-type]
    stored = sum(graph_counts(str(kwargs["endpoint"]), timeout=600).values())
    assert report.triples == expected == stored, (report.triples, expected, stored)
    print(f"{label:<44} {report.triples:>9,} triples {report.graphs:>6,} graphs "
          f"{report.requests:>6,} requests {report.seconds:7.2f} s {report.rate:>10,.0f} triples/s")
    return report.rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.nq")
        expected = write_dataset(path, args.triples)
        print(f"dataset: {expected:,} quads, {os.path.getsize(path) / 1e6:.0f} MB N-Quads")
        proc, base = start_oxigraph()
        try:
            common = {"files": [path], "endpoint": f"{base}/query", "timeout": 600.0}
            bulk = run("GSP, empty store (bulk N-Quads POST)", expected, gsp=f"{base}/store", **common)
            put = run("GSP, non-empty store (PUT per graph)", expected, gsp=f"{base}/store", **common)
            remote_update(f"{base}/update", "DROP ALL")
            update = run("SPARQL Update (1,000 triples/request)", expected,
                         update_endpoint=f"{base}/update", **common)
        finally:
            proc.terminate()
            proc.wait(10)
    target = 200_000
    print(f"GSP bulk / target {target:,}: {bulk / target:.2f}x; "
          f"GSP PUT / target: {put / target:.2f}x; update / GSP bulk: {update / bulk:.2f}x")


if __name__ == "__main__":
    main()
