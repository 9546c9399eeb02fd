"""The `kg` command line through click's CliRunner: help, exit codes, stderr lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOOD_TEXT = ("Trade Minister Omar Haddad visited Madrid on Friday and held talks with "
             "Prime Minister Pedro Alvarez. Haddad is a member of the Liberal Party.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", ["build", "extract"])
def test_help_explains_inputs_and_exit_code_2(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert ".jsonl" in result.output
    assert "2" in result.output and "failed" in result.output


def test_build_writes_graph_and_summary(runner: CliRunner, tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    result = runner.invoke(main, ["build", str(EXAMPLES), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    [summary] = result.stderr.strip().splitlines()
    assert summary.startswith(f"Wrote {output}: 5 articles, ")
    for word in ("entities", "relations", "triples", "0 failures", " s"):
        assert word in summary
    assert len(Graph().parse(output)) > 0


def test_quiet_prints_nothing(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    result = runner.invoke(main, ["build", str(tmp_path / "a.txt"), "-o",
                                  str(tmp_path / "g.nt"), "-q"])
    assert result.exit_code == 0
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("empty.txt", b"", "empty.txt:"),
        ("binary.txt", b"\x00\xff\x00\xfe", "binary.txt:"),
        ("latin.txt", "Ministre Hélène Dupré".encode("latin-1"), "latin.txt:1:"),
        ("feed.jsonl", b'{"text": "One article."}\n{"text": \n', "feed.jsonl:2:"),
        ("notext.jsonl", b'{"title": "headline only"}\n', "notext.jsonl:1:"),
        ("paper.pdf", b"%PDF", "paper.pdf:"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(runner: CliRunner, tmp_path: Path, name, content,
                                             where) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    output = tmp_path / "out.trig"
    result = runner.invoke(main, ["build", str(bad), str(good), "-o", str(output)])
    assert result.exit_code == 2
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped")]
    assert len(skipped) == 1
    assert where in skipped[0] and "hint:" in skipped[0]
    assert "Traceback" not in result.stderr
    dataset = Dataset().parse(output, format="trig")
    assert any("good" in str(g.identifier) for g in dataset.graphs() if len(g))


def test_missing_only_input_exits_2_and_keeps_output(runner: CliRunner, tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    output.write_bytes(b"# keep me\n")
    result = runner.invoke(main, ["build", str(tmp_path / "nope.txt"), "-o", str(output)])
    assert result.exit_code == 2
    assert "nope.txt: no such file" in result.stderr
    assert "nothing was written" in result.stderr
    assert output.read_bytes() == b"# keep me\n"


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "graph.xyz"], "output format"),
    (["-o", "g.ttl", "--format", "rdfxml"], "unknown output format"),
    (["-o", "no/such/folder/g.ttl"], "does not exist"),
])
def test_output_errors_exit_2_with_hint(runner: CliRunner, args, message) -> None:
    with runner.isolated_filesystem():
        Path("a.txt").write_text(GOOD_TEXT)
        result = runner.invoke(main, ["build", "a.txt", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Hint:" in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["build", "-", "-o", "-", "--format", "nt", "-q"],
                           input=GOOD_TEXT)
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="nt")
    assert any(str(o) == "Omar Haddad" for o in graph.objects())


def test_extract_text_shows_relations_with_evidence(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "madrid.txt").write_text(GOOD_TEXT)
    result = runner.invoke(main, ["extract", str(tmp_path / "madrid.txt")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("== madrid")
    assert "Omar Haddad" in result.stdout
    assert "[occurred]" in result.stdout and "rule " in result.stdout


def test_extract_jsonl_offsets_match_text(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "madrid.txt").write_text(GOOD_TEXT)
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    result = runner.invoke(main, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "bad.jsonl:1:" in result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["article"]["id"] == "madrid"
    assert record["relations"]
    for relation in record["relations"]:
        evidence = relation["evidence"]
        assert GOOD_TEXT[evidence["start"]:evidence["end"]] == evidence["text"]
