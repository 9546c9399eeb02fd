"""kg.query and kg.results: named queries on a hand-written golden graph, binding, errors."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.sparql.parser import parseQuery

from kg.errors import InputError, QueryError
from kg.query import ENGINES, bind, load_data, named_queries, prepare, run
from kg.vocab import KGO, RDFS, SKOS

GOLDEN = Path(__file__).parent / "data" / "golden.trig"
QUERY_DIR = Path(__file__).parent.parent / "queries"
ID = "https://w3id.org/newskg/id/"
INJECTION = 'x" } ; DROP ALL ; #'

# Named query -> (params, expected rows in the query's column order). Written from the golden
# graph by hand: statuses, dates (statement date, else the article's), evidence, articles.
EXPECTED = {
    "people-who-visited": ({"place": "lisbon"}, [
        ("Ana Costa", "occurred", date(2024, 3, 9), "Costa landed in Lisbon on Saturday.", "art-3"),
        ("Ana Costa", "planned", "next week", "Costa will travel to Lisbon next week.", "art-2"),
        ("Tomas Berg", "cancelled", date(2024, 3, 5), "Berg called off his trip to Lisbon.", "art-2"),
    ]),
    "places-visited": ({"person": "LINDQVIST"}, [
        ("Oslo", "occurred", date(2024, 3, 1), "Lindqvist arrived in Oslo on Friday.", "art-1"),
        ("Norway", "planned", date(2024, 4, 10), "Lindqvist plans to visit Norway in April.", "art-3"),
    ]),
    "people-met": ({"person": "Tomas Berg"}, [
        ("Ana Costa", "occurred", date(2024, 3, 5), "Costa spoke with Berg by phone.", "art-2"),
        ("Maria Lindqvist", "occurred", date(2024, 3, 1), "She held talks with Berg.", "art-1"),
        ("Maria Lindqvist", "planned", date(2024, 3, 5), "Lindqvist and Berg will meet again in May.",
         "art-2"),
    ]),
    "members-of": ({"organization": "nordic council"}, [
        ("Ana Costa", "member", "current", 1),
        ("Tomas Berg", "chair", "former", 1),
    ]),
    "memberships": ({"person": "foreign minister lindqvist"}, [
        ("Foreign Ministry", "foreign minister", "current", 1),
    ]),
    "meeting-network": ({}, [
        ("Maria Lindqvist", "Tomas Berg", 2, 2),
        ("Ana Costa", "Tomas Berg", 1, 1),
    ]),
    "timeline": ({"entity": "Lisbon"}, [
        (date(2024, 3, 5), "visit", "cancelled", "Tomas Berg", "Lisbon",
         "Berg called off his trip to Lisbon.", "art-2"),
        (date(2024, 3, 9), "visit", "occurred", "Ana Costa", "Lisbon",
         "Costa landed in Lisbon on Saturday.", "art-3"),
        ("next week", "visit", "planned", "Ana Costa", "Lisbon",
         "Costa will travel to Lisbon next week.", "art-2"),
    ]),
    "fact-evidence": ({"subject": "Costa", "object": "Lisbon", "relation": "visits"}, [
        ("visits", "planned", "Costa will travel to Lisbon next week.", 0, 38, "visit.will-travel",
         Decimal("0.8"), "art-2", "Talks continue", date(2024, 3, 5), ID + "visit/art-2-1"),
        ("visits", "occurred", "Costa landed in Lisbon on Saturday.", 0, 35, "visit.land",
         Decimal("0.9"), "art-3", "Costa in Lisbon", date(2024, 3, 9), ID + "visit/art-3-1"),
    ]),
    "planned-visits": ({}, [
        ("Maria Lindqvist", "Norway", date(2024, 4, 10), "Lindqvist plans to visit Norway in April.",
         "art-3"),
    ]),
    "summary": ({}, [
        ("class", "Article", None, 3), ("class", "Country", None, 1),
        ("class", "Organization", None, 2), ("class", "Person", None, 3),
        ("class", "Place", None, 3),
        ("relation", "memberOf", None, 3), ("relation", "talksWith", None, 4),
        ("relation", "visits", None, 3),
        ("statement", "Meeting", "occurred", 2), ("statement", "Meeting", "planned", 1),
        ("statement", "Membership", "current", 2), ("statement", "Membership", "former", 1),
        ("statement", "Visit", "cancelled", 1), ("statement", "Visit", "occurred", 2),
        ("statement", "Visit", "planned", 2),
    ]),
}


@pytest.fixture(scope="module", params=sorted(ENGINES))
def golden(request: pytest.FixtureRequest):
    return load_data([str(GOLDEN)], request.param)


@pytest.fixture(scope="module")
def golden_by_engine():
    return {name: load_data([str(GOLDEN)], name) for name in ENGINES}


def _tuples(result) -> list[tuple]:
    return [tuple(row[v] for v in result.vars) for row in result.rows]


@pytest.mark.parametrize("path", sorted(QUERY_DIR.glob("*.rq")), ids=lambda p: p.name)
def test_every_rq_file_parses_and_has_a_header(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    parseQuery(text)
    named = {q.name: q for q in named_queries()}
    assert path.stem in named, "the header name must match the file name"
    query = named[path.stem]
    assert query.description
    for param in query.params:
        assert param.meaning and param.example, f"{param.name} needs a meaning and an example"


def test_named_queries_cover_every_file() -> None:
    assert sorted(q.name for q in named_queries()) == sorted(p.stem for p in QUERY_DIR.glob("*.rq"))
    assert set(EXPECTED) == {q.name for q in named_queries()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_rows_on_the_golden_graph(golden, name: str) -> None:
    params, expected = EXPECTED[name]
    result = run(name, golden, params)
    assert _tuples(result) == expected
    assert result.notes == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_engines_answer_the_same_rows(golden_by_engine, name: str) -> None:
    params = EXPECTED[name][0]
    answers = {engine: run(name, data, params) for engine, data in golden_by_engine.items()}
    reference = answers.pop("rdflib")
    for result in answers.values():
        assert result.vars == reference.vars
        assert result.rows == reference.rows
        assert len(result.bindings) == len(EXPECTED[name][1])


@pytest.mark.parametrize("label", ["Berg", "berg", "TOMAS BERG", "tomas berg"])
def test_entity_parameter_matches_canonical_and_alternative_labels_in_any_case(golden, label) -> None:
    rows = run("memberships", golden, {"person": label}).rows
    assert [r["organization"] for r in rows] == ["Nordic Council"]


def test_entity_parameter_accepts_an_iri(golden) -> None:
    rows = run("memberships", golden, {"person": f"<{ID}person/tomas-berg>"}).rows
    assert [r["organization"] for r in rows] == ["Nordic Council"]


def test_unknown_label_gives_no_rows_and_a_note(golden) -> None:
    result = run("people-who-visited", golden, {"place": "Atlantis"})
    assert result.rows == []
    assert result.notes == ("no entity is labelled 'Atlantis' (parameter place)",)


def test_injection_value_stays_a_plain_string(golden) -> None:
    result = run("SELECT ?v WHERE { BIND (STR(?v) AS ?copy) }", golden, {"v": INJECTION})
    assert result.rows == [{"v": INJECTION}]
    assert len(run("summary", golden).rows) == len(EXPECTED["summary"][1])


def test_injection_value_matches_a_label_literally() -> None:
    graph = Graph()
    node = URIRef(ID + "place/odd")
    graph.add((node, RDFS.label, Literal("Odd Place")))
    graph.add((node, SKOS.altLabel, Literal(INJECTION)))
    graph.add((URIRef(ID + "person/p"), KGO.visits, node))
    result = run("SELECT ?who WHERE { ?who kgo:visits ?place }", graph, {"place": f"<{node}>"})
    assert [r["who"] for r in result.rows] == [ID + "person/p"]
    named = run("people-who-visited", graph, {"place": INJECTION})
    assert named.notes == ()
    assert len(graph) == 3


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s rdfs:label "WHERE { not here" }',
    "SELECT ?s # WHERE { in a comment\nWHERE { ?s rdfs:label ?l }",
    "SELECT ?s { ?s rdfs:label ?l }",
])
def test_values_go_into_the_real_where_clause(query: str) -> None:
    bound = bind(query, {"l": [Literal("Oslo")]})
    parseQuery(bound)
    graph = Graph()
    graph.add((URIRef(ID + "place/oslo"), RDFS.label, Literal("Oslo")))
    rows = run(bound, graph).rows
    assert rows in ([{"s": ID + "place/oslo"}], [])


def test_values_go_into_every_marked_branch() -> None:
    query = ("SELECT ?s WHERE {\n  {\n    # parameters\n    ?s rdfs:label ?l\n  }\n  UNION\n"
             "  {\n    # parameters\n    ?s skos:altLabel ?l\n  }\n}")
    bound = bind(query, {"l": [Literal("Oslo")]})
    assert bound.count('VALUES ?l { "Oslo" }') == 2 and "# parameters" not in bound
    graph = Graph()
    graph.add((URIRef(ID + "place/oslo"), RDFS.label, Literal("Oslo")))
    graph.add((URIRef(ID + "place/oslo-2"), SKOS.altLabel, Literal("Oslo")))
    graph.add((URIRef(ID + "place/bergen"), RDFS.label, Literal("Bergen")))
    rows = run(bound, graph).rows
    assert sorted(r["s"] for r in rows) == [ID + "place/oslo", ID + "place/oslo-2"]


@pytest.mark.parametrize(("query", "params", "message"), [
    ("people-visited", {}, "unknown query name 'people-visited'"),
    ("people-who-visited", {}, "needs the parameter 'place'"),
    ("people-who-visited", {"place": "Oslo", "city": "Oslo"}, "has no parameter 'city'"),
    ("fact-evidence", {"subject": "a", "object": "b", "relation": "likes"}, "not a valid value"),
    ("SELECT * WHERE {\n  ?s ?p }", {}, "syntax error in inline query at line 2, column"),
    ("DELETE WHERE { ?s ?p ?o }", {}, "updates are refused by default"),
])
def test_query_errors(golden, query: str, params: dict, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        run(query, golden, params)
    assert message in caught.value.message
    assert caught.value.hint


def test_unknown_name_lists_the_named_queries() -> None:
    with pytest.raises(QueryError) as caught:
        prepare("no-such-query")
    for named in named_queries():
        assert named.name in caught.value.hint


def test_syntax_error_in_a_rq_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# name: broken\nSELECT ?s\nWHERE { ?s ?p ?o \n", encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        prepare(str(path))
    assert str(path) in caught.value.message and "line " in caught.value.message


def test_update_is_refused_locally_even_when_allowed(golden) -> None:
    with pytest.raises(QueryError, match="only against a store"):
        run("DELETE WHERE { ?s ?p ?o }", golden, allow_update=True)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_bad_data_file_names_file_and_line(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text('@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_data([str(path)], engine)
    assert str(path) in caught.value.message and "line 3" in caught.value.message


def test_unknown_data_suffix_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "graph.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="format"):
        run("summary", [str(path)])


def test_nothing_to_query() -> None:
    with pytest.raises(QueryError, match="nothing to query"):
        run("summary")


def test_files_and_graph_objects_answer_alike(golden) -> None:
    from_files = run("planned-visits", [str(GOLDEN)])
    assert _tuples(from_files) == _tuples(run("planned-visits", golden))


def test_ask_and_construct(golden) -> None:
    assert run("ASK { ?p kgo:visits ?place . ?place rdfs:label 'Norway' }", golden).boolean is True
    assert run("ASK { ?p kgo:visits ?place . ?place rdfs:label 'Mars' }", golden).boolean is False
    result = run("CONSTRUCT { ?p kgo:visits ?place } WHERE { ?p kgo:visits ?place }", golden)
    expected = Graph()
    for person, place in [("maria-lindqvist", "oslo"), ("maria-lindqvist", "norway"), ("ana-costa", "lisbon")]:
        expected.add((URIRef(f"{ID}person/{person}"), KGO.visits, URIRef(f"{ID}place/{place}")))
    assert isomorphic(result.graph, expected)


def test_sparql_json_round_trips(golden) -> None:
    from kg.results import from_sparql_json

    result = run("fact-evidence", golden, EXPECTED["fact-evidence"][0])
    document = json.loads(result.serialize("json"))
    assert document["head"]["vars"] == list(result.vars)
    first = document["results"]["bindings"][0]
    assert first["status"] == {"type": "literal", "value": "planned"}
    assert first["statement"]["type"] == "uri"
    assert first["begin"]["datatype"].startswith("http://www.w3.org/2001/XMLSchema#")
    assert from_sparql_json(document).bindings == result.bindings


def test_legacy_typed_literal_json_is_read() -> None:
    from kg.results import from_sparql_json

    document = {"head": {"vars": ["n"]}, "results": {"bindings": [
        {"n": {"type": "typed-literal", "value": "3",
               "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}
    assert from_sparql_json(document).rows == [{"n": 3}]


def test_csv_and_tsv(golden) -> None:
    result = run("people-who-visited", golden, {"place": "Lisbon"})
    csv_lines = result.serialize("csv").split("\r\n")
    assert csv_lines[0] == "visitor,status,date,evidence,article"
    assert csv_lines[1] == "Ana Costa,occurred,2024-03-09,Costa landed in Lisbon on Saturday.,art-3"
    tsv_lines = result.serialize("tsv").splitlines()
    assert tsv_lines[0] == "?visitor\t?status\t?date\t?evidence\t?article"
    assert tsv_lines[1].split("\t")[2] == '"2024-03-09"^^<http://www.w3.org/2001/XMLSchema#date>'


@pytest.mark.parametrize("width", [40, 60, 200])
def test_table_is_aligned_and_fits_the_width(golden, width: int) -> None:
    text = run("fact-evidence", golden, EXPECTED["fact-evidence"][0]).serialize("table", width=width)
    lines = text.splitlines()
    assert lines[-1] == "(2 rows)"
    body = lines[:-1]
    assert all(len(line) <= max(width, 6 * 11 + 20) for line in body)
    starts = [i for i, ch in enumerate(body[1]) if ch == "-" and (i == 0 or body[1][i - 1] == " ")]
    for line in body[2:]:
        assert all(line[i - 2:i] == "  " for i in starts[1:])


def test_format_that_does_not_fit_the_result(golden) -> None:
    with pytest.raises(QueryError, match="use --format"):
        run("summary", golden).serialize("ttl")


def test_dataframe_needs_pandas(golden) -> None:
    result = run("summary", golden)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(QueryError, match="pip install pandas"):
            result.to_dataframe()
    else:
        assert list(result.to_dataframe().columns) == list(result.vars)


def _kg(*args: str):
    from click.testing import CliRunner

    from kg.cli import main

    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("fmt", "check"), [
    ("table", lambda out: out.splitlines()[0].split() == ["visitor", "status", "date", "evidence", "article"]),
    ("csv", lambda out: out.startswith("visitor,status,date,evidence,article\n")),
    ("tsv", lambda out: out.startswith("?visitor\t?status")),
    ("json", lambda out: len(json.loads(out)["results"]["bindings"]) == 3),
])
def test_cli_select_formats(fmt: str, check) -> None:
    result = _kg("query", "people-who-visited", "--data", str(GOLDEN), "--param", "place=Lisbon",
                 "--format", fmt)
    assert result.exit_code == 0, result.output
    assert check(result.stdout)
    assert "Ana Costa" in result.stdout


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_cli_construct_is_written_as_rdf(fmt: str, parser: str) -> None:
    result = _kg("query", "CONSTRUCT { ?a kgo:memberOf ?o } WHERE { ?a kgo:memberOf ?o }",
                 "--data", str(GOLDEN), "--format", fmt)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format=parser)
    assert len(graph) == 3
    assert set(graph.predicates()) == {KGO.memberOf}


@pytest.mark.parametrize(("pattern", "code", "text"), [
    ("?p kgo:visits ?x . ?x rdfs:label 'Oslo'", 0, "true"),
    ("?p kgo:visits ?x . ?x rdfs:label 'Mars'", 1, "false"),
])
def test_cli_ask_exit_codes(pattern: str, code: int, text: str) -> None:
    result = _kg("query", f"ASK {{ {pattern} }}", "--data", str(GOLDEN))
    assert result.exit_code == code
    assert result.stdout.strip() == text


def test_cli_rq_file_with_a_param(tmp_path: Path) -> None:
    path = tmp_path / "who.rq"
    path.write_text("# name: who\n# description: Who visits a place.\n"
                    "# param: place (entity, required) where. Example: Oslo\n"
                    "SELECT ?who WHERE { ?p kgo:visits ?place ; rdfs:label ?who }\n", encoding="utf-8")
    result = _kg("query", str(path), "--data", str(GOLDEN), "-p", "place=norway", "-f", "csv")
    assert result.stdout_bytes.split(b"\r\n")[:2] == [b"who", b"Maria Lindqvist"]


@pytest.mark.parametrize(("args", "message"), [
    (["query", "nope", "--data", str(GOLDEN)], "unknown query name 'nope'"),
    (["query", "people-met", "--data", str(GOLDEN)], "needs the parameter 'person'"),
    (["query", "people-met", "--data", str(GOLDEN), "--param", "person"], "not NAME=VALUE"),
    (["query", "SELECT ?s WHERE { ?s ?p }", "--data", str(GOLDEN)], "line 1, column"),
    (["query", "DROP ALL", "--data", str(GOLDEN)], "refused"),
    (["query", "summary", "--data", str(GOLDEN), "--format", "ttl"], "cannot be written as 'ttl'"),
    (["query", "summary", "--data", "missing.ttl"], "not found: missing.ttl"),
    (["query", "summary"], "nothing to query"),
])
def test_cli_errors_exit_2_without_traceback(args: list[str], message: str) -> None:
    result = _kg(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Hint:" in result.stderr
    assert "Traceback" not in result.output


def test_cli_unknown_label_prints_a_note() -> None:
    result = _kg("query", "people-met", "--data", str(GOLDEN), "-p", "person=Nobody")
    assert result.exit_code == 0
    assert "no entity is labelled 'Nobody'" in result.stderr
    assert "(0 rows)" in result.stdout


def test_cli_queries_lists_names_descriptions_and_params() -> None:
    result = _kg("queries")
    assert result.exit_code == 0
    for named in named_queries():
        assert named.name in result.stdout
        assert named.description in result.stdout
        for param in named.params:
            assert f"--param {param.name} (" in result.stdout


def test_fact_evidence_relation_parameter_filters(golden) -> None:
    both = run("fact-evidence", golden, {"subject": "Lindqvist", "object": "Berg"}).rows
    assert [r["relation"] for r in both] == ["talksWith", "talksWith"]
    assert run("fact-evidence", golden, {"subject": "Lindqvist", "object": "Berg", "relation": "visits"}).rows == []


def test_named_queries_answer_the_same_rows_remotely(empty_oxigraph) -> None:
    from kg.stores import load

    load([str(GOLDEN)], gsp=empty_oxigraph.gsp)
    local = load_data([str(GOLDEN)])
    for name, (params, expected) in sorted(EXPECTED.items()):
        remote = run(name, None, params, endpoint=empty_oxigraph.query)
        assert remote.rows == run(name, local, params).rows, name
        assert len(remote.rows) == len(expected), name
    injected = run("people-who-visited", None, {"place": INJECTION}, endpoint=empty_oxigraph.query)
    assert injected.rows == [] and injected.notes
    assert run("summary", None, endpoint=empty_oxigraph.query).rows == run("summary", local).rows
