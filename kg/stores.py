"""Load graph files into a remote SPARQL 1.1 store, one named graph per article, idempotently.

Two routes, both replacing each named graph the first time a run meets it and adding to it
afterwards, so loading a file twice, or re-running a load that was killed midway, leaves the
same store content:

- Graph Store Protocol (`gsp`): HTTP PUT per named graph (POST for later parts of the same
  graph). Into an empty store, all quads go as a few large N-Quads POSTs instead.
- SPARQL 1.1 Update (`update_endpoint`): `DROP SILENT GRAPH` + `INSERT DATA`, several small
  graphs packed into one request, at most `chunk_size` triples a request.

Triples in a file's default graph (a `.ttl` or `.nt` file, or outside any GRAPH block) go
into one named graph for that file, `<DEFAULT_BASE>file/<file name>`, unless `default_graph`
names another. Blank nodes are skolemized to IRIs under SKOLEM_PREFIX, keyed by graph and the
label in the file, because blank node labels are scoped to one request.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from urllib.parse import quote

import pyoxigraph as ox

from kg.endpoint import (
    DEFAULT_TIMEOUT,
    GraphStore,
    check_auth,
    check_url,
    mask_url,
    remote_ask,
    remote_graph,
    remote_select,
    remote_update,
)
from kg.errors import InputError, StoreError
from kg.vocab import DEFAULT_BASE

__all__ = [
    "LoadReport", "ROUTES", "FILE_FORMATS", "SKOLEM_PREFIX", "load", "read_graphs",
    "default_graph_iri", "graph_counts", "remote_select", "remote_graph", "remote_ask",
    "remote_update",
]

SKOLEM_PREFIX = "https://w3id.org/newskg/.well-known/genid/"

FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

ROUTES = {
    "gsp": "SPARQL 1.1 Graph Store Protocol",
    "update": "SPARQL 1.1 Update",
}

# Graph Store requests carry whole graphs; this bounds one request (and client memory).
GSP_BATCH = 50_000
RAW_BATCH_BYTES = 32 << 20

Progress = Callable[[int, int], None]
"""on_progress(triples_loaded_so_far, graphs_loaded_so_far)."""


@dataclass(frozen=True)
class LoadReport:
    """What a load did: graphs and triples sent, time taken, route and (masked) target URL."""

    graphs: int
    triples: int
    seconds: float
    route: str
    target: str
    requests: int
    bulk: bool = False

    @property
    def rate(self) -> float:
        """Triples per second."""
        return self.triples / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class Segment:
    """Consecutive triples of one named graph, as N-Triples lines."""

    graph: str
    lines: tuple[str, ...]


def default_graph_iri(path: str) -> str:
    """The named graph that receives a file's default-graph triples."""
    return f"{DEFAULT_BASE}file/{quote(os.path.basename(path), safe='')}"


def _format_of(path: str) -> ox.RdfFormat:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in FILE_FORMATS:
        raise InputError(
            f"{path}: unknown RDF file suffix {suffix or '(none)'!r}",
            hint=f"use one of: {', '.join(FILE_FORMATS)}",
        )
    return FILE_FORMATS[suffix]


def _skolem(graph: str, label: str) -> str:
    digest = hashlib.sha1(f"{graph}\x00{label}".encode()).hexdigest()[:24]
    return f"<{SKOLEM_PREFIX}{digest}>"


def _term(term: object, graph: str) -> str:
    if isinstance(term, ox.BlankNode):
        return _skolem(graph, term.value)
    return str(term)


def read_graphs(path: str, *, default_graph: str | None = None,
                max_lines: int = GSP_BATCH) -> Iterator[Segment]:
    """Parse one RDF file into named-graph segments of at most `max_lines` triples.

    Streams: memory is bounded by `max_lines`, not by the file. Syntax errors become an
    InputError naming the file and line.
    """
    fallback = default_graph or default_graph_iri(path)
    try:
        yield from _graph_segments(ox.parse(path=path, format=_format_of(path)), fallback, max_lines)
    except SyntaxError as exc:
        raise _syntax_error(path, exc) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}", hint="check the path") from None


def _graph_segments(quads: Iterable[ox.Quad], fallback: str, max_lines: int) -> Iterator[Segment]:
    current: str | None = None
    lines: list[str] = []
    for quad in quads:
        name = quad.graph_name
        graph = fallback if isinstance(name, ox.DefaultGraph) else name.value
        if graph != current or len(lines) >= max_lines:
            if lines and current is not None:
                yield Segment(current, tuple(lines))
            current, lines = graph, []
        s, p, o = quad.subject, quad.predicate, quad.object
        if isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode):
            lines.append(f"{_term(s, graph)} {p} {_term(o, graph)} .")
        else:
            lines.append(f"{s} {p} {o} .")
    if lines and current is not None:
        yield Segment(current, tuple(lines))


def _syntax_error(path: str, exc: SyntaxError, line_offset: int = 0) -> InputError:
    """An InputError naming the file and the line (counted from the file's start)."""
    message = re.sub(r"\bline (\d+)", lambda m: f"line {int(m.group(1)) + line_offset}", str(exc))
    return InputError(f"{path}: {message}", hint="fix the file or rebuild it with `kg build`")


def _segments(files: Sequence[str], default_graph: str | None, max_lines: int) -> Iterator[Segment]:
    for path in files:
        yield from read_graphs(path, default_graph=default_graph, max_lines=max_lines)


def _iri(graph: str) -> str:
    return f"<{graph}>"


class _Pipeline:
    """Sends requests from worker threads while the main thread parses the next ones.

    Requests touching the same graph stay in order (a graph's PUT or DROP must land before
    its later parts); counts and progress advance as requests complete, in submission order.
    """

    def __init__(self, workers: int, on_progress: Progress | None) -> None:
        self.seen: set[str] = set()
        self.triples = 0
        self.requests = 0
        self._on_progress = on_progress
        self._pool = ThreadPoolExecutor(max_workers=workers)
        self._depth = 2 * workers
        self._pending: deque[tuple[Future[None], int]] = deque()
        self._last: dict[str, Future[None]] = {}

    def first_time(self, graph: str) -> bool:
        """True the first time this run meets `graph`: it is then replaced, later only added to."""
        if graph in self.seen:
            return False
        self.seen.add(graph)
        return True

    def submit(self, graphs: Iterable[str], triples: int, send: Callable[[], None]) -> None:
        for graph in set(graphs):
            earlier = self._last.get(graph)
            if earlier is not None:
                earlier.result()
        future = self._pool.submit(send)
        for graph in graphs:
            self._last[graph] = future
        self._pending.append((future, triples))
        while len(self._pending) > self._depth:
            self._complete_oldest()

    def _complete_oldest(self) -> None:
        future, triples = self._pending.popleft()
        future.result()
        self.requests += 1
        self.triples += triples
        if self._on_progress:
            self._on_progress(self.triples, len(self.seen))

    def __enter__(self) -> _Pipeline:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None:
                while self._pending:
                    self._complete_oldest()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _load_update(segments: Iterable[Segment], url: str, chunk_size: int, auth: str,
                 timeout: float, pipe: _Pipeline) -> None:
    """DROP + INSERT DATA per graph, packing graphs into requests of <= chunk_size triples."""
    ops: list[str] = []
    graphs: list[str] = []
    pending = 0

    def flush() -> None:
        nonlocal ops, graphs, pending
        if ops:
            update = " ;\n".join(ops)
            pipe.submit(graphs, pending, lambda: remote_update(url, update, auth=auth, timeout=timeout))
        ops, graphs, pending = [], [], 0

    for segment in segments:
        graph = _iri(segment.graph)
        replace = pipe.first_time(segment.graph)
        lines = segment.lines
        while lines:
            if pending >= chunk_size:
                flush()
            if replace:
                # In the same request as the graph's first triples, so no other request can
                # slip in between the DROP and the INSERT.
                ops.append(f"DROP SILENT GRAPH {graph}")
                replace = False
            part, lines = lines[: chunk_size - pending], lines[chunk_size - pending :]
            body = "\n".join(part)
            ops.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
            graphs.append(segment.graph)
            pending += len(part)
    flush()


def _load_gsp(segments: Iterable[Segment], store: GraphStore, pipe: _Pipeline) -> None:
    """PUT each graph the first time, POST its later parts."""
    for segment in segments:
        body = ("\n".join(segment.lines) + "\n").encode("utf-8")
        send = store.put_graph if pipe.first_time(segment.graph) else store.post_graph
        pipe.submit([segment.graph], len(segment.lines), partial(send, segment.graph, body))


def _load_bulk(files: Sequence[str], default_graph: str | None, store: GraphStore,
               pipe: _Pipeline) -> None:
    """Into an empty store: N-Quads POSTs of a few MB each, in any order."""
    for path in files:
        fallback = default_graph or default_graph_iri(path)
        if os.path.splitext(path)[1].lower() == ".nq":
            _post_nquads(path, fallback, store, pipe)
        else:
            for segment in read_graphs(path, default_graph=fallback):
                _post_segments([segment], store, pipe)


def _post_segments(segments: Iterable[Segment], store: GraphStore, pipe: _Pipeline) -> None:
    parts: list[str] = []
    count = 0
    for segment in segments:
        pipe.first_time(segment.graph)
        suffix = f" {_iri(segment.graph)} .\n"
        parts.append("".join(line[:-2] + suffix for line in segment.lines))
        count += len(segment.lines)
    if parts:
        pipe.submit([], count, partial(store.post_quads, "".join(parts).encode("utf-8")))


def _post_nquads(path: str, fallback: str, store: GraphStore, pipe: _Pipeline) -> None:
    """An N-Quads file in slices cut at line ends, each checked then posted.

    A slice with every quad in a named graph and no blank node (all of `kg build` output)
    goes byte for byte, after a parse that builds no strings (lenient about IRIs, which the
    store checks anyway); other slices are rewritten. Checking slice by slice lets the store
    ingest one slice while the next is checked.
    """
    offset = 0
    for body in _line_slices(path):
        try:
            graphs = None if b"_:" in body else _named_graphs_only(body)
            if graphs is None:
                quads = ox.parse(input=body, format=ox.RdfFormat.N_QUADS)
                _post_segments(_graph_segments(quads, fallback, GSP_BATCH), store, pipe)
            else:
                for graph in graphs:
                    pipe.first_time(graph)
                pipe.submit([], sum(graphs.values()), partial(store.post_quads, body))
        except SyntaxError as exc:
            raise _syntax_error(path, exc, offset) from None
        offset += body.count(b"\n")


def _named_graphs_only(body: bytes) -> Counter[str] | None:
    """Quads per graph in an N-Quads slice, or None if a quad is in the default graph."""
    counts: Counter[str] = Counter()
    last: object = None
    run = 0
    for quad in ox.parse(input=body, format=ox.RdfFormat.N_QUADS, lenient=True):
        name = quad.graph_name
        if name != last:
            if isinstance(name, ox.DefaultGraph):
                return None
            if last is not None:
                counts[last.value] += run  # type: ignore[attr-defined]
            last, run = name, 0
        run += 1
    if last is not None:
        counts[last.value] += run  # type: ignore[attr-defined]
    return counts


def _line_slices(path: str) -> Iterator[bytes]:
    """The file in blocks of about RAW_BATCH_BYTES, each ending at a line end."""
    try:
        with open(path, "rb") as source:
            tail = b""
            while block := source.read(RAW_BATCH_BYTES):
                data = tail + block
                cut = data.rfind(b"\n") + 1
                if cut:
                    yield data[:cut]
                tail = data[cut:]
            if tail.strip():
                yield tail
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}", hint="check the path") from None


def _expand_folders(files: Sequence[str]) -> list[str]:
    """A folder stands for the shards of a sharded build (`kg build ... --executor dask`)."""
    from kg.distributed import shard_paths

    return [shard for path in files
            for shard in (shard_paths(path) if os.path.isdir(path) else [path])]


def _store_is_empty(endpoint: str, auth: str, timeout: float) -> bool:
    return not remote_ask(
        endpoint, "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", auth=auth, timeout=timeout
    )


def load(files: Sequence[str], *, endpoint: str | None = None, gsp: str | None = None,
         update_endpoint: str | None = None, chunk_size: int = 1000, auth: str = "basic",
         timeout: float = DEFAULT_TIMEOUT, default_graph: str | None = None,
         workers: int = 2, on_progress: Progress | None = None) -> LoadReport:
    """Load RDF files into a remote store, replacing each named graph they contain.

    Route: Graph Store Protocol when `gsp` is given (bulk N-Quads when `endpoint` is also
    given and reports an empty store), else SPARQL Update at `update_endpoint` or, failing
    that, at `endpoint`.
    """
    if not files:
        raise InputError("no files to load", hint="pass one or more graph files from `kg build`")
    files = _expand_folders(files)
    if not (gsp or update_endpoint or endpoint):
        raise StoreError(
            "no store to load into",
            hint="pass --gsp URL (Graph Store Protocol) or --update-endpoint URL / --endpoint URL",
        )
    if workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}", hint="use e.g. --workers 2")
    if chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, not {chunk_size}", hint="use e.g. --chunk-size 1000")
    check_auth(auth)
    for path in files:
        _format_of(path)
        if not os.path.isfile(path):
            raise InputError(f"{path}: no such file", hint="check the path; `kg build ... -o FILE` writes one")
    for url, what in ((endpoint, "endpoint"), (gsp, "graph store"), (update_endpoint, "update endpoint")):
        if url:
            check_url(url, what)
    if default_graph is not None and not default_graph.split(":", 1)[0].isalpha():
        raise InputError(f"default graph {default_graph!r} is not an absolute IRI",
                         hint="pass e.g. https://example.org/graph/mine")

    start = time.perf_counter()
    bulk = False
    pipe = _Pipeline(workers, on_progress)
    if gsp:
        route, target = "gsp", gsp
        bulk = endpoint is not None and _store_is_empty(endpoint, auth, timeout)
        with GraphStore(gsp, auth=auth, timeout=timeout) as store, pipe:
            if bulk:
                _load_bulk(files, default_graph, store, pipe)
            else:
                _load_gsp(_segments(files, default_graph, GSP_BATCH), store, pipe)
    else:
        route, target = "update", update_endpoint or endpoint or ""
        with pipe:
            _load_update(_segments(files, default_graph, chunk_size), target, chunk_size, auth,
                         timeout, pipe)
    return LoadReport(
        graphs=len(pipe.seen), triples=pipe.triples, seconds=time.perf_counter() - start,
        route=route, target=mask_url(target), requests=pipe.requests, bulk=bulk,
    )


def graph_counts(endpoint: str, *, prefix: str = "", auth: str = "basic",
                 timeout: float = DEFAULT_TIMEOUT) -> dict[str, int]:
    """Triples per named graph in a remote store (graphs whose IRI starts with `prefix`)."""
    escaped = prefix.replace("\\", "\\\\").replace('"', '\\"')
    where = f'FILTER(STRSTARTS(STR(?g), "{escaped}"))' if prefix else ""
    result = remote_select(
        endpoint,
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {where} }} GROUP BY ?g",
        auth=auth, timeout=timeout,
    )
    return {row["g"]["value"]: int(row["n"]["value"]) for row in result["results"]["bindings"]}

