"""Loading into and querying real SPARQL stores (Oxigraph, Virtuoso) started on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg import endpoint, stores
from kg.errors import InputError, StoreError
from kg.mapping import article_graph
from kg.results import from_sparql_json
from kg.stores import default_graph_iri, graph_counts, load, read_graphs, remote_ask, remote_graph, remote_select, remote_update
from kg.vocab import DEFAULT_BASE, KGO

TEST_ROOT = "https://example.org/kgtest/"
GOLDEN = Path(__file__).parent / "data" / "golden.trig"
ROUTES = ("gsp", "update")


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture(params=["oxigraph_server", "virtuoso_server"])
def store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Each real store in turn, with its credentials in the environment."""
    server = request.getfixturevalue(request.param)
    for name in ("KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    if server.user:
        monkeypatch.setenv("KG_ENDPOINT_USER", server.user)
        monkeypatch.setenv("KG_ENDPOINT_PASSWORD", server.password)
    return server


@pytest.fixture
def base() -> str:
    """A fresh IRI base per test, so tests sharing a store never see each other's graphs."""
    return f"{TEST_ROOT}{uuid.uuid4().hex[:10]}/"


def route_args(server, route: str) -> dict[str, str]:
    if route == "gsp":
        return {"gsp": server.gsp}
    return {"update_endpoint": server.update}


def cli_route_args(server, route: str) -> list[str]:
    args = ["--gsp", server.gsp] if route == "gsp" else ["--update-endpoint", server.update]
    return args + ["--auth", server.auth]


def write_articles(path: Path, extraction, base: str, ids: list[str], *, extra: bool = True,
                   drop_relations: int = 0) -> Path:
    """A TriG file with one named graph per article id (the mapping's own output)."""
    ds = Dataset()
    for article_id in ids:
        ex = replace(extraction, article=replace(extraction.article, id=article_id),
                     relations=extraction.relations[drop_relations:])
        name, graph = article_graph(ex, base)
        target = ds.graph(name)
        for triple in graph:
            target.add(triple)
    if extra:
        # Terms a store may mangle: a blank node, non-ASCII text, a language tag, a date.
        g = ds.graph(URIRef(f"{base}graph/extras"))
        node = BNode()
        g.add((URIRef(f"{base}place/zurich"), RDFS.label, Literal("Zürich – Genève “quoted” \"x\"")))
        g.add((URIRef(f"{base}place/zurich"), RDFS.label, Literal("Zurich", lang="de-CH")))
        g.add((URIRef(f"{base}place/zurich"), KGO.status, node))
        g.add((node, RDFS.comment, Literal("2024-02-29", datatype=XSD.date)))
        g.add((node, RDFS.comment, Literal("line one\nline two\ttab \\ backslash")))
    ds.serialize(str(path), format="trig")
    return path


def expected_counts(path: Path, default_graph: str | None = None) -> dict[str, int]:
    """Triples per named graph, read with rdflib (independently of kg.stores)."""
    ds = Dataset()
    ds.parse(str(path))
    counts: dict[str, int] = {}
    for graph in ds.graphs():
        if len(graph) == 0:
            continue
        name = str(graph.identifier)
        if name == str(ds.default_graph.identifier) or name.startswith("urn:x-rdflib:default"):
            name = default_graph or default_graph_iri(str(path))
        counts[name] = counts.get(name, 0) + len(graph)
    return counts


def remote_quads(server, prefix: str) -> Counter:
    """The store's quads in graphs under `prefix`, as rdflib terms (blank nodes as '_')."""
    query = (f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
             f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }}')
    result = from_sparql_json(remote_select(server.query, query, auth=server.auth))
    return Counter((row["g"], row["s"], row["p"], row["o"]) for row in result.bindings)


def local_quads(path: Path) -> Counter:
    ds = Dataset()
    ds.parse(str(path))
    return Counter((g, s, p, o) for s, p, o, g in ds.quads((None, None, None, None)))


# Oxigraph stores integer subtypes (e.g. nif:beginIndex's xsd:nonNegativeInteger) as xsd:integer.
INTEGER_TYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long, XSD.integer}


def _canon(term):
    if isinstance(term, Literal) and term.datatype in INTEGER_TYPES:
        return Literal(str(term), datatype=XSD.integer)
    return term


def without_skolems(quads: Counter) -> Counter:
    """Quads without blank or skolem nodes, integer subtypes folded to xsd:integer."""
    return Counter({tuple(map(_canon, q)): n for q, n in quads.items()
                    if not any(isinstance(t, BNode) or "/.well-known/genid/" in str(t) for t in q)})


def run_kg(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def drop_graphs(server, prefixes: tuple[str, ...]) -> None:
    for graph in graph_counts(server.query, auth=server.auth):
        if graph.startswith(prefixes):
            remote_update(server.update, f"DROP SILENT GRAPH <{graph}>", auth=server.auth)


# --- loading ------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES)
def test_load_twice_gives_identical_content(store, route, sample_extraction, base, tmp_path):
    path = write_articles(tmp_path / "articles.trig", sample_extraction, base, ["a1", "a2", "a3"])
    expected = expected_counts(path)

    first = load([str(path)], **route_args(store, route), auth=store.auth)
    after_first = remote_quads(store, base)
    second = load([str(path)], **route_args(store, route), auth=store.auth)
    after_second = remote_quads(store, base)

    assert first.graphs == second.graphs == len(expected) == 4
    assert first.triples == second.triples == sum(expected.values())
    assert graph_counts(store.query, prefix=base, auth=store.auth) == expected
    assert after_second == after_first
    assert without_skolems(after_second) == without_skolems(local_quads(path))


@pytest.mark.parametrize("route", ROUTES)
def test_reload_replaces_an_articles_graph(store, route, sample_extraction, base, tmp_path):
    old = write_articles(tmp_path / "old.trig", sample_extraction, base, ["a1", "a2"], extra=False)
    new = write_articles(tmp_path / "new.trig", sample_extraction, base, ["a1"], extra=False,
                         drop_relations=2)
    load([str(old)], **route_args(store, route), auth=store.auth)
    load([str(new)], **route_args(store, route), auth=store.auth)

    counts = graph_counts(store.query, prefix=base, auth=store.auth)
    assert counts[f"{base}graph/a1"] == expected_counts(new)[f"{base}graph/a1"]
    assert counts[f"{base}graph/a2"] == expected_counts(old)[f"{base}graph/a2"]
    assert counts[f"{base}graph/a1"] < counts[f"{base}graph/a2"]
    assert without_skolems(remote_quads(store, f"{base}graph/a1")) == without_skolems(local_quads(new))


def test_update_route_chunks_requests(store, sample_extraction, base, tmp_path):
    path = write_articles(tmp_path / "articles.trig", sample_extraction, base, ["a1", "a2"])
    report = load([str(path)], update_endpoint=store.update, chunk_size=7, auth=store.auth)
    total = sum(expected_counts(path).values())
    assert report.requests == -(-total // 7)
    assert graph_counts(store.query, prefix=base, auth=store.auth) == expected_counts(path)


@pytest.mark.parametrize("default_graph", [None, "https://example.org/kgtest/mine"])
def test_default_graph_triples_go_to_a_named_graph(oxigraph_server, default_graph, base, tmp_path):
    path = tmp_path / f"{base.rsplit('/', 2)[1]}.ttl"
    Graph().add((URIRef(f"{base}s"), RDFS.label, Literal("x"))).add(
        (URIRef(f"{base}s"), RDFS.comment, Literal("y"))).serialize(str(path), format="turtle")
    load([str(path)], gsp=oxigraph_server.gsp, default_graph=default_graph)
    graph = default_graph or f"{DEFAULT_BASE}file/{path.name}"
    assert graph_counts(oxigraph_server.query, prefix=graph) == {graph: 2}


def test_bulk_load_into_an_empty_store(empty_oxigraph, tmp_path, sample_extraction, base):
    """With --endpoint, GSP into an empty store sends N-Quads in bulk; later loads use PUT."""
    path = write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1", "a2"])
    urls = {"gsp": empty_oxigraph.gsp, "endpoint": empty_oxigraph.query}
    first = load([str(path)], **urls)
    second = load([str(path)], **urls)
    assert (first.bulk, second.bulk) == (True, False)
    assert graph_counts(empty_oxigraph.query, prefix=base) == expected_counts(path)
    assert without_skolems(remote_quads(empty_oxigraph, base)) == without_skolems(local_quads(path))


@pytest.mark.parametrize("slice_bytes", [150, 1 << 20])
def test_bulk_nquads_slices_rewrite_only_what_needs_it(empty_oxigraph, monkeypatch, tmp_path, slice_bytes):
    """Slices go as they are unless they hold default-graph triples or blank nodes."""
    monkeypatch.setattr(stores, "RAW_BATCH_BYTES", slice_bytes)
    path = tmp_path / "mixed.nq"
    lines = [f'<http://x/s{i}> <http://x/p> "v{i}" <http://x/g{i % 3}> .' for i in range(12)]
    lines[5] = '<http://x/s5> <http://x/p> "in the default graph" .'
    lines[9] = '_:b <http://x/p> "blank" <http://x/g0> .'
    path.write_text("\n".join(lines) + "\n")
    report = load([str(path)], gsp=empty_oxigraph.gsp, endpoint=empty_oxigraph.query)
    assert report.bulk and report.triples == 12
    assert graph_counts(empty_oxigraph.query) == expected_counts(path)


def test_bulk_syntax_error_names_the_line_of_the_file(empty_oxigraph, monkeypatch, tmp_path):
    monkeypatch.setattr(stores, "RAW_BATCH_BYTES", 100)
    path = tmp_path / "broken.nq"
    lines = [f'<http://x/s{i}> <http://x/p> "v{i}" <http://x/g> .' for i in range(20)]
    lines[16] = "<http://x/s16> <http://x/p> ."
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError, match=r"broken\.nq: .*line 17\b"):
        load([str(path)], gsp=empty_oxigraph.gsp, endpoint=empty_oxigraph.query)


def test_killed_load_converges(store, sample_extraction, base, tmp_path):
    """A client killed mid-load, then re-run, leaves what one uninterrupted load leaves."""
    ids = [f"k{i}" for i in range(400)]
    stale = write_articles(tmp_path / "stale.trig", sample_extraction, base, ids, extra=False)
    fresh = write_articles(tmp_path / "fresh.trig", sample_extraction, base, ids, drop_relations=3)
    load([str(stale)], gsp=store.gsp, auth=store.auth)

    args = ["load", str(fresh), "--update-endpoint", store.update, "--auth", store.auth,
            "--chunk-size", "10", "--workers", "1", "-q"]
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], env=store.env())
    # the file lists its graphs in no fixed order, so wait for the first graph that changes,
    # whichever it is, rather than for one named graph that may come last
    stale_counts = expected_counts(stale)
    deadline = time.monotonic() + 60
    while graph_counts(store.query, prefix=base, auth=store.auth) == stale_counts:
        assert proc.poll() is None, "the load ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    midway = graph_counts(store.query, prefix=base, auth=store.auth)
    assert midway != expected_counts(fresh), "the load finished before it was killed"

    rerun = run_kg(*args, env=store.env())
    assert rerun.returncode == 0, rerun.stderr
    assert graph_counts(store.query, prefix=base, auth=store.auth) == expected_counts(fresh)
    assert without_skolems(remote_quads(store, base)) == without_skolems(local_quads(fresh))


ARTICLES = [
    {"id": "e2e-1", "title": "Minister in Tallinn",
     "text": "Foreign Minister Lena Holm visited Tallinn on Monday. Holm met Prime Minister "
             "Jaan Kask in Tallinn.\n\nKask, a member of the Reform Party, said talks would go on."},
    {"id": "e2e-2", "text": "Trade Minister Ilse Varga will travel to Riga next week, "
                            "officials said. A visit by Varga to Vilnius was called off."},
]


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_kg_build_output_loads_idempotently(store, suffix, base, tmp_path):
    """End to end: `kg build` writes the graph, `kg load` loads it twice through the CLI."""
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(article) for article in ARTICLES) + "\n")
    built = tmp_path / f"graph{suffix}"
    result = run_kg("build", str(source), "-o", str(built), "--base", base, "-q", timeout=600)
    assert result.returncode == 0, result.stderr
    expected = expected_counts(built)
    assert set(expected) == {f"{base}graph/e2e-1", f"{base}graph/e2e-2"}

    for route in ROUTES:
        for _ in range(2):
            loaded = run_kg("load", str(built), *cli_route_args(store, route), env=store.env())
            assert loaded.returncode == 0, loaded.stderr
            assert f"Loaded 2 graphs, {sum(expected.values())} triples" in loaded.stderr
            assert graph_counts(store.query, prefix=base, auth=store.auth) == expected
    assert without_skolems(remote_quads(store, base)) == without_skolems(local_quads(built))


# --- remote queries -----------------------------------------------------------------------

PARAMS = {"person": "Lindqvist", "subject": "Maria Lindqvist", "object": "Oslo",
          "place": "Oslo", "entity": "Oslo", "organization": "Nordic Council"}


def test_named_queries_answer_the_same_remotely(store):
    from kg.query import named_queries, run

    drop_graphs(store, (TEST_ROOT, DEFAULT_BASE))
    load([str(GOLDEN)], **route_args(store, "gsp"), auth=store.auth)
    compared = 0
    for named in named_queries():
        params = {p.name: PARAMS[p.name] for p in named.params if p.name in PARAMS}
        local = run(named.name, [str(GOLDEN)], params)
        remote = run(named.name, None, params, endpoint=store.query, auth=store.auth)
        assert remote.vars == local.vars, named.name
        assert Counter(map(_row_key, remote.rows)) == Counter(map(_row_key, local.rows)), named.name
        compared += bool(local.rows)
    assert compared >= 8


def _row_key(row: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in row.items()))


def test_remote_select_normalizes_typed_literals(store, sample_extraction, base, tmp_path):
    load([str(write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1"]))],
         gsp=store.gsp, auth=store.auth)
    result = remote_select(store.query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{base}graph/a1> {{ ?s ?p ?o }} }}",
                           auth=store.auth)
    [row] = result["results"]["bindings"]
    assert row["n"]["type"] == "literal"
    assert row["n"]["datatype"] == str(XSD.integer)
    assert int(row["n"]["value"]) == expected_counts(tmp_path / "a.trig")[f"{base}graph/a1"]


def test_remote_graph_ask_and_long_queries(store, sample_extraction, base, tmp_path):
    path = write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1"], extra=False)
    load([str(path)], gsp=store.gsp, auth=store.auth)
    graph = f"{base}graph/a1"
    constructed = remote_graph(store.query, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                               auth=store.auth)
    assert len(constructed) == expected_counts(path)[graph]
    assert remote_ask(store.query, f"ASK {{ GRAPH <{graph}> {{ ?s a <{KGO.Person}> }} }}", auth=store.auth)
    padding = "# " + "x" * (endpoint.MAX_GET_QUERY + 100) + "\n"
    long_query = f"{padding}ASK {{ GRAPH <{graph}> {{ ?s a <{KGO.Article}> }} }}"
    assert remote_ask(store.query, long_query, auth=store.auth)


# --- failures: exit 2, one line and a hint, never the password ------------------------------


def _assert_clean_failure(result: subprocess.CompletedProcess, *needles: str, password: str | None = None) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Error: ") and lines[1].startswith("Hint: "), result.stderr
    assert len(lines) == 2, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    if password:
        assert password not in result.stdout + result.stderr


def test_connection_refused_names_endpoint(unused_port, tmp_path, sample_extraction, base):
    path = write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1"])
    url = f"http://127.0.0.1:{unused_port}/store"
    result = run_kg("load", str(path), "--gsp", url, env={**os.environ, "KG_ENDPOINT_USER": "u",
                                                          "KG_ENDPOINT_PASSWORD": "Sekrit-42"})
    _assert_clean_failure(result, url, "Connection refused", "running", password="Sekrit-42")


@pytest.mark.parametrize("route", ROUTES)
def test_wrong_credentials(virtuoso_server, route, tmp_path, sample_extraction, base):
    path = write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1"])
    wrong = virtuoso_server.password + "-wrong"
    env = virtuoso_server.env(KG_ENDPOINT_PASSWORD=wrong)
    result = run_kg("load", str(path), *cli_route_args(virtuoso_server, route), env=env)
    _assert_clean_failure(result, "HTTP 401", "KG_ENDPOINT_PASSWORD", password=wrong)
    assert virtuoso_server.password not in result.stderr


@pytest.mark.parametrize("server_name, url_attr, needle", [
    ("virtuoso_server", "query", "No permission"),   # anonymous /sparql: update not granted
    ("oxigraph_server", "query", "HTTP 415"),         # Oxigraph's /query takes no updates
])
def test_update_not_permitted(request, server_name, url_attr, needle, tmp_path, sample_extraction, base):
    server = request.getfixturevalue(server_name)
    path = write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1"])
    url = getattr(server, url_attr)
    result = run_kg("load", str(path), "--update-endpoint", url, env=server.env())
    _assert_clean_failure(result, url, needle, "update", password=server.password)


def test_credentials_in_the_url_are_refused_and_masked(tmp_path, sample_extraction, base):
    path = write_articles(tmp_path / "a.trig", sample_extraction, base, ["a1"])
    result = run_kg("load", str(path), "--gsp", "http://me:Hidden-99@127.0.0.1:1/store")
    _assert_clean_failure(result, "me:***@127.0.0.1", "KG_ENDPOINT_USER", password="Hidden-99")


def test_bad_input_file_names_file_and_line(oxigraph_server, tmp_path):
    path = tmp_path / "broken.nq"
    path.write_text('<http://x/a> <http://x/b> "ok" <http://x/g> .\n<http://x/a> <http://x/b> .\n')
    result = run_kg("load", str(path), "--gsp", oxigraph_server.gsp)
    _assert_clean_failure(result, "broken.nq", "line 2")


# --- the HTTP layer, against small local servers -------------------------------------------


class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first `failures` requests, then 204; or sleeps `delay` seconds."""

    failures = 0
    delay = 0.0
    seen = 0

    def do_PUT(self) -> None:
        type(self).seen += 1
        self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(self.delay)
        status = 503 if type(self).seen <= self.failures else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def flaky(monkeypatch):
    monkeypatch.setattr(endpoint, "BACKOFF", 0.01)
    servers = []

    def start(failures: int = 0, delay: float = 0.0) -> str:
        handler = type("Handler", (_Flaky,), {"failures": failures, "delay": delay, "seen": 0})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((server, handler))
        return f"http://127.0.0.1:{server.server_address[1]}/store"

    yield start, servers
    for server, _ in servers:
        server.shutdown()


@pytest.fixture
def one_triple(tmp_path: Path) -> str:
    path = tmp_path / "a.nt"
    path.write_text("<http://x/a> <http://x/b> <http://x/c> .\n")
    return str(path)


def test_transient_failures_are_retried(flaky, one_triple):
    start, servers = flaky
    assert load([one_triple], gsp=start(failures=endpoint.RETRIES)).triples == 1
    assert servers[0][1].seen == endpoint.RETRIES + 1


def test_persistent_failure_stops_after_bounded_retries(flaky, one_triple):
    start, servers = flaky
    with pytest.raises(StoreError, match="HTTP 503"):
        load([one_triple], gsp=start(failures=100))
    assert servers[0][1].seen == endpoint.RETRIES + 1


def test_timeout_names_the_limit(flaky, one_triple):
    start, _ = flaky
    with pytest.raises(StoreError, match=r"timed out after 0.2 s") as err:
        load([one_triple], gsp=start(delay=1.0), timeout=0.2)
    assert "--timeout" in (err.value.hint or "")


# --- pure functions -------------------------------------------------------------------------


@pytest.mark.parametrize("url, masked", [
    ("http://u:secret@h:1/x", "http://u:***@h:1/x"),
    ("https://h/sparql", "https://h/sparql"),
    ("http://u@h/x", "http://u:***@h/x"),
])
def test_mask_url(url, masked):
    assert endpoint.mask_url(url) == masked


@pytest.mark.parametrize("env, expected", [
    ({}, None),
    ({"KG_ENDPOINT_USER": "u", "KG_ENDPOINT_PASSWORD": "p"}, ("u", "p")),
    ({"KG_ENDPOINT_USER": "u"}, ("u", "")),
])
def test_credentials_from_env(env, expected):
    creds = endpoint.credentials_from_env(env)
    assert (creds and (creds.user, creds.password)) == expected
    assert "p" not in repr(creds).replace("password", "")


def test_password_without_user_is_an_error():
    with pytest.raises(StoreError, match="KG_ENDPOINT_USER"):
        endpoint.credentials_from_env({"KG_ENDPOINT_PASSWORD": "p"})


def test_read_graphs_skolemizes_blank_nodes_per_graph(tmp_path):
    path = tmp_path / "b.nq"
    path.write_text("_:n <http://x/p> \"1\" <http://x/g1> .\n_:n <http://x/p> \"1\" <http://x/g2> .\n"
                    "<http://x/s> <http://x/p> _:n <http://x/g1> .\n")
    segments = list(read_graphs(str(path)))
    assert [s.graph for s in segments] == ["http://x/g1", "http://x/g2", "http://x/g1"]
    assert "_:" not in "".join(line for s in segments for line in s.lines)
    first, second, third = (s.lines[0] for s in segments)
    assert first.split()[0] == third.split()[2] != second.split()[0]
    assert [s.lines for s in read_graphs(str(path))] == [s.lines for s in segments]


@pytest.mark.parametrize("name, error", [("graph.xyz", "unknown RDF file suffix"), ("missing.nq", "no such file")])
def test_unusable_files_are_input_errors(tmp_path, name, error):
    with pytest.raises(InputError, match=error):
        load([str(tmp_path / name)], gsp="http://127.0.0.1:1/store")


def test_a_store_url_is_required(one_triple):
    with pytest.raises(StoreError, match="no store to load into") as err:
        load([one_triple])
    assert "--gsp" in (err.value.hint or "")
