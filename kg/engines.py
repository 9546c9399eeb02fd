"""Embedded SPARQL engines for local graph files, behind rdflib's Dataset API.

`oxigraph` (default): an rdflib Dataset on the Oxigraph store (oxrdflib). Files are merged into
its default graph and queries run natively in Oxigraph; `benchmarks/bench_query.py` measures
it against `rdflib` (rdflib's own Memory store and engine), which keeps named graphs.

Why merged: the named queries read the union of all article graphs, and Oxigraph's union
default graph is a bag (an entity labelled in 500 articles would match 500 times), while
keeping per-article copies next to a merged default graph makes its index lookups scan every
copy (50x slower joins on popular entities). A set-like default graph is what rdflib gives too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import InputError, QueryError
from kg.results import QueryResult, from_rdflib
from kg.vocab import PREFIXES

# rdflib format name -> Oxigraph format; quad formats are merged into the default graph.
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
    "json-ld": ox.RdfFormat.JSON_LD,
}


class OxigraphDataset(Dataset):
    """An rdflib Dataset on an Oxigraph store whose default graph holds every loaded triple."""

    def __init__(self) -> None:
        super().__init__(store="Oxigraph")

    @property
    def native(self) -> ox.Store:
        return self.store._inner


def _load_oxigraph(dataset: Dataset, path: str, fmt: str) -> None:
    assert isinstance(dataset, OxigraphDataset)
    store, ox_format = dataset.native, _OX_FORMATS[fmt]
    if ox_format.supports_datasets:
        # A set: the same entity triples recur in every article graph, and each repeated insert
        # would leave the in-memory store one more version of the triple to skip on lookups.
        default = ox.DefaultGraph()
        store.bulk_extend(
            {ox.Quad(q.subject, q.predicate, q.object, default) for q in ox.parse(path=path, format=ox_format)}
        )
    else:
        store.bulk_load(path=path, format=ox_format, to_graph=ox.DefaultGraph())


def _load_rdflib(dataset: Dataset, path: str, fmt: str) -> None:
    dataset.parse(path, format=fmt)


def _rdflib_dataset() -> Dataset:
    return Dataset(default_union=True)


# name -> (new empty dataset, load one file into it)
ENGINES: dict[str, tuple[Callable[[], Dataset], Callable[[Dataset, str, str], None]]] = {
    "oxigraph": (OxigraphDataset, _load_oxigraph),
    "rdflib": (_rdflib_dataset, _load_rdflib),
}
DEFAULT_ENGINE = "oxigraph"


def load_data(paths: Sequence[str], engine: str = DEFAULT_ENGINE) -> Dataset:
    """Load RDF files (format from the suffix) into a fresh embedded dataset."""
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}", f"engines: {', '.join(ENGINES)}")
    make, load = ENGINES[engine]
    dataset = make()
    for path in paths:
        fmt = guess_format(str(path))
        if fmt not in _OX_FORMATS:
            raise InputError(
                f"cannot tell the RDF format of {path}",
                "use a .ttl, .nt, .nq, .trig, .jsonld, .rdf or .n3 file",
            )
        if not Path(path).is_file():
            raise InputError(f"data file not found: {path}", "check the path")
        try:
            load(dataset, str(path), fmt)
        except Exception as err:  # each parser has its own error type; all mean "bad file"
            raise InputError(f"{path}: {_parse_error_text(err)}", "fix the file or rebuild it with `kg build`") from err
    return dataset


def _parse_error_text(err: Exception) -> str:
    """The parser's own words with the line, whichever parser (Oxigraph, rdflib, JSON) failed."""
    if isinstance(err, SyntaxError) and err.msg:
        return err.msg
    lineno, msg = getattr(err, "lineno", None), getattr(err, "msg", None)
    if isinstance(lineno, int) and msg:
        return f"line {lineno}: {msg}"
    text = " ".join(str(err).split())
    return text.split(" at ^ in:")[0] or type(err).__name__


def execute(graph: Graph, text: str, form: str) -> QueryResult:
    """Run a query on a local graph: natively in Oxigraph for our datasets, else via rdflib."""
    if isinstance(graph, OxigraphDataset):
        return _execute_native(graph.native, text, form)
    return from_rdflib(graph.query(text), form)


def _execute_native(store: ox.Store, text: str, form: str) -> QueryResult:
    answer = store.query(text)
    convert = _Converter()
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(
            {name: convert(term) for name, term in zip(names, solution) if term is not None}
            for solution in answer
        )
        return QueryResult("SELECT", vars=names, bindings=rows)
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in answer:
        graph.add((convert(triple.subject), convert(triple.predicate), convert(triple.object)))
    return QueryResult(form, graph=graph)


class _Converter:
    """Oxigraph terms to rdflib terms, memoized: result rows repeat labels, statuses, dates."""

    def __init__(self) -> None:
        self.seen: dict[object, Node] = {}

    def __call__(self, term: object) -> Node:
        known = self.seen.get(term)
        if known is None:
            known = self.seen[term] = _to_rdflib(term)
        return known


def _to_rdflib(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=datatype)
    raise QueryError(f"unsupported term in a result: {term!r}", "RDF-star terms are not supported")
