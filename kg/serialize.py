"""Write article graphs to one RDF file, atomically, in the format its suffix names.

N-Triples and N-Quads are streamed article by article, so memory does not grow with the
corpus (only with the number of distinct entities, see `GraphWriter`). Turtle, TriG and
JSON-LD need the whole graph to group triples by subject; they are accumulated in memory
as pyoxigraph terms and written by its serializer, which is far faster than rdflib's.
Every writer goes to a temporary file in the output's folder that replaces the output only
on commit, so an aborted or failed run leaves an existing file untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.vocab import KGO, PREFIXES, RDF, RDFS, SKOS, XSD

if TYPE_CHECKING:
    from kg.mapping import ArticleStatements


@dataclass(frozen=True)
class Format:
    """One output format: its name, file suffixes, parser names and how it is written."""

    name: str
    suffixes: tuple[str, ...]
    rdflib: str
    oxigraph: ox.RdfFormat
    named_graphs: bool
    streaming: bool


FORMATS: dict[str, Format] = {
    "turtle": Format("turtle", (".ttl",), "turtle", ox.RdfFormat.TURTLE, False, False),
    "ntriples": Format("ntriples", (".nt",), "nt", ox.RdfFormat.N_TRIPLES, False, True),
    "nquads": Format("nquads", (".nq",), "nquads", ox.RdfFormat.N_QUADS, True, True),
    "trig": Format("trig", (".trig",), "trig", ox.RdfFormat.TRIG, True, False),
    "json-ld": Format("json-ld", (".jsonld", ".json-ld"), "json-ld", ox.RdfFormat.JSON_LD,
                      False, False),
}

# Writing to stdout without --format gives Turtle, the most readable of them.
STDOUT_FORMAT = "turtle"

_ALIASES = {
    alias: fmt.name
    for fmt in FORMATS.values()
    for alias in (fmt.name, fmt.rdflib, *(suffix.lstrip(".") for suffix in fmt.suffixes))
} | {"n-triples": "ntriples", "n-quads": "nquads", "jsonld": "json-ld"}

# Subjects of these classes are minted per article; all other nodes (entities) are shared
# between articles, so their triples repeat and are written once in streamed merged output.
_ARTICLE_LOCAL = frozenset(ox.NamedNode(str(cls))
                           for cls in (KGO.Article, KGO.Visit, KGO.Meeting, KGO.Membership))
_RDF_TYPE = str(RDF.type)
_RDFS_LABEL = str(RDFS.label)
_XSD_STRING = str(XSD.string)
_TYPE = ox.NamedNode(_RDF_TYPE)
_LABEL = ox.NamedNode(_RDFS_LABEL)
_ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
_RANK = {_RDF_TYPE: 0, _RDFS_LABEL: 1}


def known_formats() -> str:
    """The format names and suffixes, for error messages and --help."""
    return ", ".join(f"{fmt.name} ({' '.join(fmt.suffixes)})" for fmt in FORMATS.values())


def resolve_format(output: str, override: str | None = None) -> str:
    """The format name for `output`: `override` if given, else from the file suffix."""
    if override is not None:
        name = _ALIASES.get(override.strip().lower())
        if name is None:
            raise InputError(f"unknown output format {override!r}",
                             f"use one of: {known_formats()}")
        return name
    if output == "-":
        return STDOUT_FORMAT
    suffix = Path(output).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt.name
    raise InputError(f"cannot tell the output format of {output!r} from its suffix",
                     f"end the file name with one of {known_formats()}, or pass --format")


def format_for_file(path: str) -> Format | None:
    """The format a file's suffix names, or None."""
    suffix = Path(path).suffix.lower()
    return next((fmt for fmt in FORMATS.values() if suffix in fmt.suffixes), None)


def open_writer(output: str, fmt: str) -> GraphWriter:
    """A writer for `output` ("-" is stdout) in format `fmt` (a FORMATS name).

    Raises InputError when the format is unknown or the output folder is missing or not
    writable, before anything is written.
    """
    spec = FORMATS[resolve_format(output, fmt)]
    target = _Target(output)
    return _StreamWriter(target, spec) if spec.streaming else _BufferedWriter(target, spec)


class GraphWriter(ABC):
    """Collects article graphs and writes them to one file on commit.

    `add(graph_name, graph)`, `add_quads(quads)` (pyoxigraph quads, as
    `kg.mapping.article_quads` makes them, skipping an rdflib Graph) or `add_statements`
    (`kg.mapping.article_statements`, in output order already) per article, then
    `commit()` (returns the number of triples or quads written) or `abort()`. As a context
    manager it aborts when the block raises or neither was called. In merged (single-graph) formats every entity keeps exactly one
    rdfs:label: the first label seen wins and later, different ones become skos:altLabel.
    Streamed N-Triples remembers one label and the triples of each entity (written once);
    that grows with the number of distinct entities, not with the number of articles.
    """

    def __init__(self, target: _Target, fmt: Format) -> None:
        self.format = fmt
        self._target = target
        self._labels: dict[ox.NamedNode | ox.BlankNode, ox.NamedNode | ox.Literal] = {}
        self._done = False

    def add(self, graph_name: URIRef, graph: Graph) -> None:
        """Add one article's graph, named `graph_name` in TriG and N-Quads."""
        name = _named_node(str(graph_name))
        self.add_quads([ox.Quad(ox_term(s), ox_term(p), ox_term(o), name) for s, p, o in graph])

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add one article's statements, each once; their graph names matter only in TriG
        and N-Quads."""
        self._add_ordered(sorted(quads, key=_order))

    def add_statements(self, statements: ArticleStatements) -> None:
        """Add one article's statements as `kg.mapping.article_statements` gives them,
        already in output order."""
        self._add_ordered(statements.quads())

    @abstractmethod
    def _add_ordered(self, quads: list[ox.Quad]) -> None:
        """Add one article's statements, each once and in output order (see `_order`)."""

    @abstractmethod
    def commit(self) -> int:
        """Write everything, replace the output atomically; return the triple count."""

    def abort(self) -> None:
        """Discard everything; an existing output file stays as it was."""
        if not self._done:
            self._done = True
            self._target.discard()

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.abort()

    def _finish(self) -> None:
        if self._done:
            raise RuntimeError("the writer was already committed or aborted")
        self._done = True
        self._target.commit()

    def _merged(self, ordered: list[ox.Quad]) -> list[ox.Quad]:
        """The quads (in output order) with labels merged across articles in single-graph
        formats (the order puts each subject's rdfs:label before its skos:altLabels, so one
        pass suffices)."""
        if self.format.named_graphs:
            return ordered
        merged = []
        for quad in ordered:
            predicate = quad.predicate
            if predicate == _LABEL:
                if self._labels.setdefault(quad.subject, quad.object) != quad.object:
                    quad = ox.Quad(quad.subject, _ALT_LABEL, quad.object, quad.graph_name)
            elif predicate == _ALT_LABEL and self._labels.get(quad.subject) == quad.object:
                continue
            merged.append(quad)
        return merged


class _StreamWriter(GraphWriter):
    """N-Triples / N-Quads: each article is serialized and written as it is added."""

    def __init__(self, target: _Target, fmt: Format) -> None:
        super().__init__(target, fmt)
        self._count = 0
        self._shared: set[ox.Triple] = set()

    def add_statements(self, statements: ArticleStatements) -> None:
        if self.format.named_graphs:
            # N-Quads lines print the same as pyoxigraph's serializer would print them
            self._target.write(statements.nquads().encode())
            self._count += len(statements)
        else:
            super().add_statements(statements)

    def _add_ordered(self, quads: list[ox.Quad]) -> None:
        ordered = self._merged(quads)
        if self.format.named_graphs:
            items: list[ox.Triple] | list[ox.Quad] = ordered
        else:
            local = {quad.subject for quad in ordered
                     if quad.predicate == _TYPE and quad.object in _ARTICLE_LOCAL}
            items = []
            for quad in ordered:
                triple = quad.triple
                if quad.subject not in local:
                    if triple in self._shared:
                        continue
                    self._shared.add(triple)
                items.append(triple)
        self._target.write(ox.serialize(items, format=self.format.oxigraph))
        self._count += len(items)

    def commit(self) -> int:
        self._finish()
        return self._count


class _BufferedWriter(GraphWriter):
    """Turtle / TriG / JSON-LD: triples are collected per (graph, subject) in first-seen
    order, then written by pyoxigraph's serializer, which abbreviates consecutive triples of
    one subject. A pyoxigraph Store would be as fast but rewrites derived datatypes such as
    xsd:nonNegativeInteger to xsd:integer, so plain dicts keep the data exact."""

    def __init__(self, target: _Target, fmt: Format) -> None:
        super().__init__(target, fmt)
        self._subjects: dict[tuple[ox.NamedNode | ox.DefaultGraph, object],
                             dict[ox.Triple | ox.Quad, None]] = {}

    def _add_ordered(self, quads: list[ox.Quad]) -> None:
        named = self.format.named_graphs
        default = ox.DefaultGraph()
        for quad in self._merged(quads):
            name = quad.graph_name if named else default
            statements = self._subjects.setdefault((name, quad.subject), {})
            statements[quad if named else quad.triple] = None

    def commit(self) -> int:
        prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        statements = (item for group in self._subjects.values()
                      for item in sorted(group, key=_ox_order))
        try:
            ox.serialize(statements, self._target.file, self.format.oxigraph, prefixes=prefixes)
        except OSError as err:
            raise self._target.failed(err) from err
        count = sum(len(group) for group in self._subjects.values())
        self._finish()
        return count


class _Target:
    """The output: a temporary file beside it that replaces it on commit, or stdout."""

    def __init__(self, output: str) -> None:
        self.output = output
        self._temp: str | None = None
        if output == "-":
            self.file: BinaryIO = sys.stdout.buffer
            return
        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise InputError(f"cannot write {output}: folder {folder} does not exist",
                             "create the folder first or choose another output path")
        if os.path.isdir(output):
            raise InputError(f"cannot write {output}: it is a folder",
                             "give a file name such as graph.ttl")
        try:
            fd, self._temp = tempfile.mkstemp(prefix=f".{os.path.basename(output)}.",
                                              suffix=".part", dir=folder)
        except OSError as err:
            raise InputError(f"cannot write to folder {folder}: {err.strerror}",
                             "check its permissions or choose another output path") from err
        self.file = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as err:
            raise self.failed(err) from err

    def failed(self, err: OSError) -> InputError:
        """Discard the temporary file; the error to raise for a failed write."""
        self.discard()
        return InputError(f"cannot write {self.output}: {err.strerror or err}",
                          "check free space and permissions; the old file is unchanged")

    def commit(self) -> None:
        if self._temp is None:
            self.file.flush()
            return
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self._temp, _file_mode(self.output))
            os.replace(self._temp, self.output)
        except OSError as err:
            raise self.failed(err) from err
        self._temp = None

    def discard(self) -> None:
        if self._temp is None:
            return
        try:
            self.file.close()
        except OSError:
            pass  # the data is being thrown away; a failed flush of it does not matter
        try:
            os.unlink(self._temp)
        except FileNotFoundError:
            pass
        self._temp = None


def _file_mode(output: str) -> int:
    """Keep an existing file's permissions; a new file gets the umask's default."""
    try:
        return os.stat(output).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _order(quad: ox.Quad) -> tuple[str, int, str, str]:
    """Output order: by subject, then rdf:type, rdfs:label, the other predicates, objects.

    rdflib Graphs iterate in an order that varies between runs; sorting makes output files
    byte-identical across runs and easy to read."""
    predicate = quad.predicate.value
    return quad.subject.value, _RANK.get(predicate, 2), predicate, quad.object.value


def _ox_order(item: ox.Triple | ox.Quad) -> tuple[bool, bool, str, str]:
    """The order of one subject's statements in buffered output."""
    predicate = item.predicate.value
    return predicate != _RDF_TYPE, predicate != _RDFS_LABEL, predicate, str(item.object)


@lru_cache(maxsize=65536)
def _named_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return _named_node(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=_named_node(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot write RDF term {term!r}")


def read_rdf(path: str) -> Graph | Dataset:
    """Parse an RDF file, format from its suffix: a Dataset for TriG and N-Quads (one
    named graph per article), else a Graph. pyoxigraph parses (fast, with line numbers);
    raises InputError naming the file, and the line when the parser gives one."""
    if os.path.isdir(path):
        raise InputError(f"{path}: is a folder, not an RDF file", "give one RDF file")
    fmt = format_for_file(path)
    ox_format = fmt.oxigraph if fmt else ox.RdfFormat.from_extension(Path(path).suffix[1:].lower())
    if ox_format is None:
        raise InputError(f"{path}: unknown RDF file suffix",
                         f"use one of {known_formats()}")
    try:
        quads = list(ox.parse(path=path, format=ox_format))
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file", "check the path") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}",
                         "check that the file exists and is readable") from err
    except SyntaxError as err:
        where = f"{path}:{err.lineno}" if err.lineno else path
        raise InputError(f"{where}: not valid {ox_format.name}: {err.msg}",
                         "fix the file or give it the suffix of its real format") from err
    except ValueError as err:
        raise InputError(f"{path}: cannot parse as {ox_format.name}: {err}",
                         "fix the file or give it the suffix of its real format") from err
    if (fmt.named_graphs if fmt else ox_format.supports_datasets):
        dataset = Dataset()
        graphs: dict[Node | None, Graph] = {None: dataset.default_graph}
        for s, p, o, g in to_rdflib(quads):
            if g not in graphs:
                graphs[g] = dataset.graph(g)
            graphs[g].add((s, p, o))
        return dataset
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.addN((s, p, o, graph) for s, p, o, _ in to_rdflib(quads))
    return graph


def to_rdflib(quads: Iterable[ox.Quad]) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    """rdflib terms for pyoxigraph quads (the graph is None for the default graph)."""
    for quad in quads:
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else _rdflib(quad.graph_name)
        yield _rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object), graph


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
