"""Query results as plain data, and their text forms: table, CSV, TSV, SPARQL JSON, RDF.

One QueryResult whatever answered (embedded rdflib/Oxigraph or a remote endpoint), so every
output format and every caller sees the same rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import QueryError
from kg.vocab import PREFIXES

TABLE_FORMATS = ("table", "csv", "tsv", "json")
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
ASK_FORMATS = ("table", "json")

_ELLIPSIS = "…"
_MIN_COLUMN = 6


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE).

    `bindings` keep rdflib terms (for exact serialization); `rows` gives plain Python values.
    `notes` say why an answer may be empty (e.g. no entity has the label asked for).
    """

    form: str
    vars: tuple[str, ...] = ()
    bindings: tuple[Mapping[str, Node], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    notes: tuple[str, ...] = field(default=())

    def with_notes(self, notes: tuple[str, ...]) -> QueryResult:
        return replace(self, notes=self.notes + notes) if notes else self

    @property
    def rows(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (str, int, Decimal, date...); None when unbound."""
        return [{v: _python(b.get(v)) for v in self.vars} for b in self.bindings]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        return len(self.bindings)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (needs pandas, which newskg does not require)."""
        try:
            import pandas
        except ImportError as err:
            raise QueryError("pandas is not installed", "pip install pandas") from err
        return pandas.DataFrame(self.rows, columns=list(self.vars))

    def formats(self) -> tuple[str, ...]:
        """The output formats that fit this kind of result."""
        if self.form == "ASK":
            return ASK_FORMATS
        if self.graph is not None:
            return tuple(RDF_FORMATS)
        return TABLE_FORMATS

    def serialize(self, fmt: str, width: int = 100) -> str:
        """The result as text in `fmt` (see `formats()`); `width` bounds the table."""
        if fmt not in self.formats():
            raise QueryError(
                f"a {self.form} result cannot be written as {fmt!r}",
                f"use --format {' or '.join(self.formats())}",
            )
        if self.graph is not None:
            return self.graph.serialize(format=RDF_FORMATS[fmt])
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        if self.form == "ASK":
            return "true\n" if self.boolean else "false\n"
        if fmt == "csv":
            return self.to_csv()
        if fmt == "tsv":
            return self.to_tsv()
        return self.to_table(width)

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        if self.form == "ASK":
            return {"head": {}, "boolean": bool(self.boolean)}
        return {
            "head": {"vars": list(self.vars)},
            "results": {
                "bindings": [
                    {v: _json_term(b[v]) for v in self.vars if b.get(v) is not None} for b in self.bindings
                ]
            },
        }

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV: plain values, CRLF line ends."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.vars)
        for b in self.bindings:
            writer.writerow([_plain(b.get(v)) for v in self.vars])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: terms in N-Triples syntax."""
        lines = ["\t".join(f"?{v}" for v in self.vars)]
        for b in self.bindings:
            lines.append("\t".join(_tsv_term(b.get(v)) for v in self.vars))
        return "\n".join(lines) + "\n"

    def to_table(self, width: int = 100) -> str:
        """An aligned text table no wider than `width`; long cells are cut with an ellipsis."""
        cells = [[_display(b.get(v)) for v in self.vars] for b in self.bindings]
        header = list(self.vars)
        widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(header)]
        _fit(widths, width - 2 * (len(widths) - 1))
        lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
        lines += [_line(row, widths) for row in cells]
        footer = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
        return "\n".join(line.rstrip() for line in lines) + "\n" + footer + "\n"


def _fit(widths: list[int], budget: int) -> None:
    """Shrink the widest columns until all fit in `budget` characters (not below a minimum)."""
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _MIN_COLUMN:
            return
        widths[widest] -= 1


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(_cut(c, w).ljust(w) for c, w in zip(cells, widths))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + _ELLIPSIS


def _python(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def _plain(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    return term.n3().replace("\t", "\\t")


def _display(term: Node | None) -> str:
    """Compact, single-line text for the table: prefixed IRIs, literal values."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{str(term)[len(str(namespace)):]}"
    return " ".join(_plain(term).split())


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def term_from_json(cell: Mapping[str, str]) -> Node:
    """An rdflib term from a SPARQL JSON binding (`literal` and legacy `typed-literal`)."""
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang")
        datatype = cell.get("datatype")
        return Literal(value, lang=lang) if lang else Literal(value, datatype=datatype)
    raise QueryError(f"the endpoint returned an unknown term type {kind!r}", "is it a SPARQL 1.1 endpoint?")


def from_sparql_json(data: Mapping[str, Any]) -> QueryResult:
    """A QueryResult from a SPARQL 1.1 Query Results JSON document."""
    if "boolean" in data:
        return QueryResult("ASK", boolean=bool(data["boolean"]))
    names = tuple(data.get("head", {}).get("vars", ()))
    rows = tuple(
        {name: term_from_json(cell) for name, cell in row.items()}
        for row in data.get("results", {}).get("bindings", ())
    )
    return QueryResult("SELECT", vars=names, bindings=rows)


def _simple(term: Node) -> Node:
    # RDF 1.1: "x" and "x"^^xsd:string are one literal; rdflib's engine writes the datatype
    # out for computed strings, Oxigraph does not. One spelling keeps engines comparable.
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def from_rdflib(result: Result, form: str) -> QueryResult:
    """A QueryResult from an rdflib query result (any store)."""
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        graph += result.graph
        return QueryResult(form, graph=graph)
    names = tuple(str(v) for v in result.vars)
    rows = tuple({str(k): _simple(v) for k, v in b.items() if v is not None} for b in result.bindings)
    return QueryResult("SELECT", vars=names, bindings=rows)
