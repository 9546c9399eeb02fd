"""Run SPARQL over local graph files or a remote endpoint: named queries, safe parameters.

A query is a named query shipped in `queries/`, a path to a `.rq` file, or inline SPARQL.
Parameters are bound as RDF terms in a VALUES block placed at the top of the WHERE clause, the
same text for every engine, so a value can never change the query and local and remote runs
answer the same rows. Entity parameters take a label as people write it ("Halvorsen") and are
first looked up, case-insensitively, among canonical and alternative labels.

Local files load into an embedded engine (kg.engines); an rdflib Graph or Dataset passed in is
queried as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Callable

from pyparsing import ParseException
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.term import Node

from kg.engines import DEFAULT_ENGINE, ENGINES, execute, load_data
from kg.errors import QueryError
from kg.results import QueryResult, from_sparql_json
from kg.vocab import PREFIXES, RDFS, SKOS

__all__ = [
    "ENGINES",
    "DEFAULT_ENGINE",
    "NamedQuery",
    "Param",
    "QueryResult",
    "load_data",
    "named_queries",
    "prepare",
    "run",
]

ENTITY = "entity"
TEXT = "text"

_HEADER = re.compile(r"^#\s*(name|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<kind>[^,)]+?)\s*(?:,\s*(?P<need>required|optional)\s*)?\)"
    r"\s*(?P<meaning>.*?)\s*(?:Example:\s*(?P<example>.*))?$"
)
# Strings, IRIs and comments are masked before looking for keywords, so a `WHERE {` inside a
# literal or a comment is never taken for the real one.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z0-9][\w.-]*$")
_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_MARKER = re.compile(r"^([ \t]*)# parameters[ \t]*$", re.MULTILINE)

# Bound when no entity has the label asked for: an IRI no graph contains, so the query answers
# nothing (an empty VALUES block would too, but rdflib's engine fails on one).
NO_MATCH = URIRef("urn:newskg:no-entity-with-this-label")

_LABEL_LOOKUP = f"""SELECT DISTINCT ?entity WHERE {{
  {{ ?entity <{RDFS.label}> ?label }} UNION {{ ?entity <{SKOS.altLabel}> ?label }}
  FILTER (LCASE(STR(?label)) = LCASE(STR(?needle)))
}}"""


@dataclass(frozen=True)
class Param:
    """A declared query parameter: `kind` is "entity", "text" or a tuple of allowed values."""

    name: str
    kind: str
    required: bool
    meaning: str
    example: str | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class NamedQuery:
    """A query with its header: name, one-line description and parameters."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    source: str

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class Prepared:
    """A parsed query ready to bind: its form, its text with our prefixes, its declared params."""

    label: str
    form: str
    text: str
    params: tuple[Param, ...]
    declared: bool
    update: bool = False


def parse_header(text: str, source: str) -> NamedQuery:
    """Read the `# name:`, `# description:` and `# param:` comment lines at the top of a query."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key != "param":
            fields[key] = value
            continue
        spec = _PARAM.match(value)
        if not spec:
            raise QueryError(
                f"{source}:{lineno}: cannot read the parameter line {line!r}",
                "write '# param: NAME (entity|text|a|b, required|optional) meaning. Example: VALUE'",
            )
        kind = spec["kind"].strip()
        choices = tuple(c.strip() for c in kind.split("|")) if "|" in kind else ()
        params.append(
            Param(
                name=spec["name"],
                kind=TEXT if choices else kind,
                required=spec["need"] != "optional",
                meaning=spec["meaning"].rstrip("."),
                example=spec["example"] or None,
                choices=choices,
            )
        )
    name = fields.get("name") or Path(source).stem
    return NamedQuery(name, fields.get("description", ""), tuple(params), text, source)


def named_queries() -> list[NamedQuery]:
    """The queries shipped in `queries/`, sorted by name."""
    return [q for _, q in sorted(_named_table().items())]


@lru_cache(maxsize=1)
def _named_table() -> dict[str, NamedQuery]:
    table = {}
    for entry in files("kg.queries").iterdir():
        if entry.name.endswith(".rq"):
            query = parse_header(entry.read_text(encoding="utf-8"), f"queries/{entry.name}")
            table[query.name] = query
    return table


def _masked(text: str) -> str:
    return _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _with_prefixes(text: str) -> tuple[str, int]:
    """Declare our usual prefixes the query does not declare itself, on one leading line."""
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(_masked(text))}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    if not missing:
        return text, 0
    return " ".join(missing) + "\n" + text, 1


def resolve(query: str) -> tuple[str, str, tuple[Param, ...], bool]:
    """Find the query text: (label for messages, text, declared params, has a header)."""
    table = _named_table()
    if query in table:
        named = table[query]
        return f"query '{named.name}' ({named.source})", named.text, named.params, True
    stripped = query.strip()
    if stripped.endswith(".rq") and "\n" not in stripped:
        path = Path(stripped)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(
                f"cannot read query file {path}: {err.strerror or err}",
                "check the path, or give a named query (see `kg queries`)",
            ) from err
        named = parse_header(text, str(path))
        return f"query file {path}", text, named.params, bool(named.params or named.description)
    if _NAME.match(stripped):
        known = ", ".join(sorted(table))
        raise QueryError(
            f"unknown query name {stripped!r}",
            f"named queries: {known}; or give a .rq file or inline SPARQL",
        )
    return "inline query", query, (), False


@lru_cache(maxsize=256)
def prepare(query: str) -> Prepared:
    """Resolve and parse a query once; syntax errors name the query, line and column."""
    label, text, params, declared = resolve(query)
    full, shift = _with_prefixes(text)
    try:
        form = translateQuery(parseQuery(full)).algebra.name
    except ParseException as err:
        if _is_update(full):
            return Prepared(label, "UPDATE", full, params, declared, update=True)
        line = max(err.lineno - shift, 1)
        raise QueryError(
            f"SPARQL syntax error in {label} at line {line}, column {err.col}: {err.msg}",
            f"near: {err.line.strip()[:80]!r}" if err.line.strip() else "check the query text",
        ) from err
    except Exception as err:  # rdflib raises plain exceptions for semantic errors
        raise QueryError(f"invalid SPARQL in {label}: {err}", "check the query text") from err
    return Prepared(label, form.removesuffix("Query").upper(), full, params, declared)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except ParseException:
        return False
    return True


def _iri(value: str) -> URIRef | None:
    """An IRI the user wrote as <...> or a bare http(s) URL, validated; else None."""
    raw = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if not re.match(r"^[A-Za-z][\w+.-]*:", raw) or (raw is value and not raw.startswith(("http:", "https:", "urn:"))):
        return None
    if _BAD_IRI.search(raw):
        raise QueryError(f"{value!r} is not a valid IRI", "IRIs cannot contain spaces, quotes, <>, {}, | or \\")
    return URIRef(raw)


def values_block(bindings: Mapping[str, Sequence[Node]]) -> str:
    """VALUES clauses for the bindings, each term written by rdflib's own escaping."""
    blocks = []
    for name, terms in bindings.items():
        if not re.match(r"^[A-Za-z_]\w*$", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name", "use letters, digits and _")
        written = []
        for term in terms:
            if isinstance(term, URIRef) and _BAD_IRI.search(str(term)):
                raise QueryError(f"{str(term)!r} is not a valid IRI", "check the value")
            written.append(term.n3())
        blocks.append(f"VALUES ?{name} {{ {' '.join(written)} }}")
    return "\n  ".join(blocks)


def bind(text: str, bindings: Mapping[str, Sequence[Node]], label: str = "query") -> str:
    """Insert VALUES for `bindings` at each `# parameters` line, else atop the WHERE clause.

    The marker lets a query bind its parameters inside each UNION branch: Oxigraph does not push
    an outer VALUES into a UNION, so the branches would run unbound over the whole graph.
    """
    if not bindings:
        return text
    if _MARKER.search(text):
        return _MARKER.sub(lambda m: f"{m.group(1)}{values_block(bindings)}", text)
    masked = _masked(text)
    where = _WHERE.search(masked)
    if where:
        at = where.end()
    else:
        form = _FORM.search(masked)
        brace = masked.find("{", form.end()) if form and form.group(1).upper() in ("SELECT", "ASK") else -1
        if brace < 0:
            raise QueryError(f"cannot bind parameters in {label}: it has no WHERE clause", "add WHERE { ... }")
        at = brace + 1
    return f"{text[:at]}\n  {values_block(bindings)}\n{text[at:]}"


class _Engine:
    """Where a query runs: a local rdflib graph, or a remote endpoint through kg.stores."""

    def __init__(
        self,
        graph: Graph | None,
        endpoint: str | None,
        auth: str,
        timeout: float,
    ) -> None:
        self.graph = graph
        self.endpoint = endpoint
        self.auth = auth
        self.timeout = timeout

    def execute(self, text: str, form: str, label: str) -> QueryResult:
        if self.endpoint is not None:
            return self._remote(text, form)
        assert self.graph is not None
        try:
            return execute(self.graph, text, form)
        except QueryError:
            raise
        except Exception as err:  # engines raise their own types for evaluation errors
            raise QueryError(f"{label} failed: {err}", "check the query against the data") from err

    def _remote(self, text: str, form: str) -> QueryResult:
        from kg import stores

        options = {"auth": self.auth, "timeout": self.timeout}
        if form == "SELECT":
            return from_sparql_json(stores.remote_select(self.endpoint, text, **options))
        if form == "ASK":
            return QueryResult(form, boolean=stores.remote_ask(self.endpoint, text, **options))
        return QueryResult(form, graph=stores.remote_graph(self.endpoint, text, **options))


def _bind_params(
    prepared: Prepared,
    params: Mapping[str, str],
    lookup: Callable[[str], list[URIRef]],
) -> tuple[dict[str, list[Node]], list[str]]:
    """Turn user strings into RDF terms: entities via label lookup, the rest as plain literals."""
    declared = {p.name: p for p in prepared.params}
    if prepared.declared:
        unknown = sorted(set(params) - set(declared))
        if unknown:
            names = ", ".join(declared) or "none"
            raise QueryError(
                f"{prepared.label} has no parameter {unknown[0]!r}",
                f"its parameters: {names} (see `kg queries`)",
            )
        missing = [p.name for p in prepared.params if p.required and p.name not in params]
        if missing:
            spec = declared[missing[0]]
            example = f"e.g. --param {spec.name}={spec.example}" if spec.example else f"--param {spec.name}=VALUE"
            raise QueryError(f"{prepared.label} needs the parameter {missing[0]!r} ({spec.meaning})", example)
    bindings: dict[str, list[Node]] = {}
    notes: list[str] = []
    for name, value in params.items():
        spec = declared.get(name)
        if spec is not None and spec.choices:
            matched = [c for c in spec.choices if c.lower() == value.strip().lower()]
            if not matched:
                raise QueryError(
                    f"{value!r} is not a valid value of parameter {name!r}",
                    f"choose one of: {', '.join(spec.choices)}",
                )
            bindings[name] = [Literal(matched[0])]
        elif spec is not None and spec.kind == ENTITY:
            iri = _iri(value.strip())
            entities = [iri] if iri is not None else lookup(value.strip())
            if not entities:
                notes.append(f"no entity is labelled {value.strip()!r} (parameter {name})")
            bindings[name] = list(entities) or [NO_MATCH]
        elif spec is None and not prepared.declared:
            iri = _iri(value) if value.startswith("<") else None
            bindings[name] = [iri if iri is not None else Literal(value)]
        else:
            bindings[name] = [Literal(value)]
    return bindings, notes


def run(
    query: str,
    data: Graph | Dataset | Sequence[str] | None = None,
    params: Mapping[str, str] | None = None,
    *,
    endpoint: str | None = None,
    allow_update: bool = False,
    engine: str = DEFAULT_ENGINE,
    auth: str = "basic",
    timeout: float = 30.0,
) -> QueryResult:
    """Run a named query, a `.rq` file or inline SPARQL over `data` or a remote `endpoint`.

    `data` is an rdflib Graph/Dataset (queried as is) or RDF file paths (loaded into `engine`).
    `params` map parameter names to values as the user writes them.
    """
    prepared = prepare(query)
    params = dict(params or {})
    if prepared.update:
        return _run_update(prepared, params, endpoint, allow_update, auth, timeout)
    if endpoint is None and data is None:
        raise QueryError("nothing to query", "give data files (--data FILE) or a SPARQL endpoint (--endpoint URL)")
    if endpoint is not None and data is not None:
        raise QueryError("give either data files or an endpoint, not both", "drop --data or --endpoint")
    graph = None
    if endpoint is None:
        graph = data if isinstance(data, Graph) else load_data(_as_paths(data), engine)
    target = _Engine(graph, endpoint, auth, timeout)

    def lookup(label: str) -> list[URIRef]:
        text = bind(_LABEL_LOOKUP, {"needle": [Literal(label)]})
        found = target.execute(text, "SELECT", "entity lookup")
        return sorted({b["entity"] for b in found.bindings if isinstance(b.get("entity"), URIRef)})

    bindings, notes = _bind_params(prepared, params, lookup)
    text = bind(prepared.text, bindings, prepared.label)
    result = target.execute(text, prepared.form, prepared.label)
    return result.with_notes(tuple(notes))


def _as_paths(data: Iterable[str] | str) -> list[str]:
    return [data] if isinstance(data, (str, Path)) else [str(p) for p in data]


def _run_update(
    prepared: Prepared,
    params: Mapping[str, str],
    endpoint: str | None,
    allow_update: bool,
    auth: str,
    timeout: float,
) -> QueryResult:
    if not allow_update:
        raise QueryError(
            f"{prepared.label} is a SPARQL UPDATE and updates are refused by default",
            "pass --allow-update together with --endpoint UPDATE_URL to change a store",
        )
    if endpoint is None:
        raise QueryError(
            "updates run only against a store (--endpoint), never on local files",
            "local files are rebuilt with `kg build`; pass --endpoint UPDATE_URL",
        )
    if params:
        raise QueryError("parameters cannot be bound in an UPDATE", "write the values into the update")
    from kg import stores

    stores.remote_update(endpoint, prepared.text, auth=auth, timeout=timeout)
    return QueryResult("UPDATE")


def describe_param(param: Param) -> str:
    """One line about a parameter, for `kg queries` and error hints."""
    kind = "|".join(param.choices) if param.choices else param.kind
    need = "required" if param.required else "optional"
    example = f" (e.g. {param.example})" if param.example else ""
    return f"{param.name} ({kind}, {need}): {param.meaning}{example}"

