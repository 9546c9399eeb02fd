"""Writing speed: kg.serialize (pyoxigraph) against rdflib's serializers, same graphs.

Makes N article graphs with kg.mapping (synthetic extractions: three people, three places,
two organizations per article drawn from a shared pool, one relation of each kind per status
family), then in ONE run times, per format, rdflib (merge into one Graph or Dataset, then
`serialize`) and `kg.serialize.open_writer` (add every article, commit), checks that both
files parse back to the same graph, and prints triples/s and the speed-up. Also times SHACL
validation of the first 100 articles.

    python benchmarks/bench_serialize.py               # 2,000 articles, ~200k triples
    python benchmarks/bench_serialize.py --articles 300
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.mapping import article_graph
from kg.model import Article, Entity, Extraction, Relation, Span, entity_key
from kg.serialize import FORMATS, open_writer
from kg.validate import validate
from kg.vocab import PREFIXES

POOL = 400


def extraction(i: int) -> Extraction:
    """One synthetic article; entities repeat across articles like real news does."""
    people = [f"Person {(i * 7 + k) % POOL}" for k in range(3)]
    places = [f"City {(i * 3 + k) % POOL}" for k in range(3)]
    orgs = [f"Ministry {(i * 5 + k) % (POOL // 4)}" for k in range(2)]
    text = " ".join(f"{p} met {q} in {c}." for p, q, c in zip(people, people[1:], places))
    entities = tuple(
        [Entity(entity_key("Person", p), "Person", p, (p.split()[-1],), roles=("Minister",))
         for p in people]
        + [Entity(entity_key("Place", c), "Place", c) for c in places]
        + [Entity(entity_key("Organization", o), "Organization", o) for o in orgs])
    span = Span(text[:20], 0, 20)
    keys = [e.key for e in entities]
    relations = (
        Relation("visits", keys[0], keys[3], "occurred", span, "bench.visit", 0.9),
        Relation("visits", keys[1], keys[4], "cancelled", span, "bench.visit", 0.6),
        Relation("talksWith", keys[0], keys[1], "occurred", span, "bench.talk", 0.8, date="2024-01-02"),
        Relation("talksWith", keys[1], keys[2], "planned", span, "bench.talk", 0.7),
        Relation("memberOf", keys[0], keys[6], "current", span, "bench.member", 0.8, role="head"),
        Relation("memberOf", keys[2], keys[7], "former", span, "bench.member", 0.7),
    )
    return Extraction(Article(f"bench-{i}", text, title=f"Article {i}"), entities, relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()

    started = time.perf_counter()
    graphs = [article_graph(extraction(i)) for i in range(args.articles)]
    mapping = time.perf_counter() - started
    total = sum(len(g) for _, g in graphs)
    print(f"{args.articles} articles, {total} triples in article graphs; "
          f"mapping {mapping / args.articles * 1000:.2f} ms/article")

    with tempfile.TemporaryDirectory() as folder:
        for name, fmt in FORMATS.items():
            ours = Path(folder) / f"ours{fmt.suffixes[0]}"
            theirs = Path(folder) / f"rdflib{fmt.suffixes[0]}"

            started = time.perf_counter()
            with open_writer(str(ours), name) as writer:
                for graph_name, graph in graphs:
                    writer.add(graph_name, graph)
                written = writer.commit()
            ours_s = time.perf_counter() - started

            started = time.perf_counter()
            merged: Graph = Dataset() if fmt.named_graphs else Graph()
            for prefix, namespace in PREFIXES.items():
                merged.bind(prefix, namespace)
            for graph_name, graph in graphs:
                target = merged.graph(graph_name) if fmt.named_graphs else merged
                target += graph
            merged.serialize(theirs, format=fmt.rdflib)
            theirs_s = time.perf_counter() - started

            same = _same(ours, theirs, fmt.rdflib, fmt.named_graphs)
            print(f"{name:9} ours {written / ours_s:>10,.0f} triples/s  "
                  f"rdflib {written / theirs_s:>10,.0f} triples/s  "
                  f"speed-up {theirs_s / ours_s:5.1f}x  same graph: {same}")

        sample = Graph()
        for _, graph in graphs[:100]:
            sample += graph
        started = time.perf_counter()
        report = validate(sample)
        seconds = time.perf_counter() - started
        print(f"SHACL validation of {len(sample)} triples: {seconds:.2f} s "
              f"({len(sample) / seconds:,.0f} triples/s), conforms: {report.conforms}")


def _same(ours: Path, theirs: Path, fmt: str, named: bool) -> bool:
    if named:
        a, b = Dataset(), Dataset()
        a.parse(ours, format=fmt)
        b.parse(theirs, format=fmt)
        return set(a.quads()) == set(b.quads())
    return isomorphic(Graph().parse(ours, format=fmt), Graph().parse(theirs, format=fmt))


if __name__ == "__main__":
    main()
