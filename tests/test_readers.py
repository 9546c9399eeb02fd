"""Readers: every input kind, and every bad input becomes a Failure naming file and line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.model import Article, Failure
from kg.readers import READERS, count_articles, read_inputs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _read(inputs, stdin: bytes | None = None) -> list[Article | Failure]:
    return list(read_inputs([str(i) for i in inputs],
                            stdin=io.BytesIO(stdin) if stdin is not None else None))


def _articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def _failures(items) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def test_text_file_is_kept_verbatim(tmp_path: Path) -> None:
    text = "The mayor  visited the port.\r\nShe met  dock workers.\n"
    (tmp_path / "port-visit.txt").write_bytes(text.encode())
    [article] = _read([tmp_path / "port-visit.txt"])
    assert article == Article(id="port-visit", text=text)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffZoë met Åsa.".encode("utf-8"))
    [article] = _read([tmp_path / "bom.txt"])
    assert article.text == "Zoë met Åsa."


def test_markdown_is_plain_text_with_front_matter(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "---\ntitle: \"A day in Quito\"\ndate: 2023-01-02\n---\n"
        "# Envoy lands\n\nThe **envoy** landed in [Quito](http://x.example) today.\n"
        "More `text`.\n\n```\nprint('code is not prose')\n```\n\n- first point\n",
        encoding="utf-8")
    [article] = _read([tmp_path / "note.md"])
    assert article.title == "A day in Quito"
    assert article.date == "2023-01-02"
    assert article.text == ("Envoy lands\n\nThe envoy landed in Quito today. More text.\n\n"
                            "first point")


def test_markdown_title_from_first_heading(tmp_path: Path) -> None:
    (tmp_path / "h.md").write_text("Intro line.\n\n# The *real* headline\n\nBody.\n")
    [article] = _read([tmp_path / "h.md"])
    assert article.title == "The real headline"
    assert "*" not in article.text


def test_html_main_text_and_metadata() -> None:
    [article] = _read([EXAMPLES / "ottawa-talks.html"])
    assert article.id == "ottawa-talks"
    assert article.title == "Canada and Japan to hold fisheries talks"
    assert article.date == "2024-06-03"
    assert article.url == "https://ledger.example.org/2024/06/canada-japan-fisheries"
    assert "Daniel Tremblay will visit Tokyo" in article.text
    assert "<p>" not in article.text
    for boilerplate in ("Home", "Hockey scores", "All rights reserved"):
        assert boilerplate not in article.text


def test_jsonl_reads_every_line_with_fields() -> None:
    articles = _articles(_read([EXAMPLES / "briefs.jsonl"]))
    assert [a.id for a in articles] == ["brief-001", "brief-002"]
    assert articles[0].title == "German chancellor visits Warsaw"
    assert articles[0].source == "Wire Briefs"


def test_jsonl_id_defaults_to_stem_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('\n{"text": "First."}\n{"text": "Second.", "id": 7}\n')
    assert [a.id for a in _articles(_read([path]))] == ["feed-2", "7"]


@pytest.mark.parametrize(
    ("name", "content", "line", "needle"),
    [
        ("empty.txt", b"", None, "empty"),
        ("blank.md", b"  \n\n ", None, "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
        ("latin.txt", "First line.\nJosé visited Bogotá.".encode("latin-1"), 2, "UTF-8"),
        ("bad.jsonl", b'{"text": "ok"}\n{"text": "unterminated\n', 2, "malformed JSON"),
        ("notext.jsonl", b'{"id": "x", "title": "no body"}\n', 1, '"text"'),
        ("list.jsonl", b'["text"]\n', 1, "JSON object"),
        ("empty.jsonl", b"\n\n", None, "empty"),
        ("page.html", b"<html><head><title>Gallery</title></head><body><img src='a.png'></body></html>",
         None, "no article text"),
        ("slides.pdf", b"%PDF-1.4", None, "unknown input type"),
    ],
)
def test_bad_input_is_one_failure_with_hint(tmp_path: Path, name, content, line, needle) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    failures = _failures(_read([path]))
    assert len(failures) == 1
    [failure] = failures
    assert failure.source == str(path)
    assert failure.line == line
    assert needle in failure.message
    assert failure.hint


def test_latin1_hint_names_iconv(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Müller".encode("latin-1"))
    [failure] = _read([path])
    assert "iconv -f latin1 -t utf-8" in failure.hint
    assert str(path) in failure.hint


def test_unknown_suffix_hint_lists_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_text("x")
    [failure] = _read([path])
    for suffix in READERS:
        assert suffix in failure.hint


def test_good_lines_survive_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "text": "One."}\nnot json\n{"id": "c"}\n{"id": "d", "text": "Two."}\n')
    items = _read([path])
    assert [a.id for a in _articles(items)] == ["a", "d"]
    assert [(f.line, f.source) for f in _failures(items)] == [(2, str(path)), (3, str(path))]


def test_jsonl_latin1_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "One."}\n'
                     + '{"id": "b", "text": "Señor Núñez."}\n'.encode("latin-1")
                     + b'{"id": "c", "text": "Three."}\n')
    items = _read([path])
    assert [a.id for a in _articles(items)] == ["a", "c"]
    [failure] = _failures(items)
    assert (failure.line, "UTF-8" in failure.message) == (2, True)


def test_missing_path_and_unmatched_glob(tmp_path: Path) -> None:
    items = _read([tmp_path / "gone.txt", tmp_path / "*.nothing"])
    assert ["no such file" in f.message or "no file matches" in f.message
            for f in _failures(items)] == [True, True]


def test_folder_is_recursive_sorted_and_skips_docs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "README.md").write_text("# About this folder")
    (tmp_path / "gold.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    assert [a.id for a in _read([tmp_path])] == ["a", "two"]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    [failure] = _read([tmp_path])
    assert "no article files" in failure.message


def test_glob_expands_sorted(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.md"):
        (tmp_path / name).write_text(f"Text of {name}.")
    assert [a.id for a in _read([tmp_path / "*.txt"])] == ["a", "c"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.")
    assert len(_read([tmp_path / "a.txt", tmp_path])) == 1


def test_id_collisions_get_suffixes(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"From {folder}.")
    (tmp_path / "z" / "story-2.txt").write_text("Its own name.")
    ids = [a.id for a in _read([tmp_path])]
    assert ids == ["story", "story-2", "story-2-2", "story-3"]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("data", "ids"),
    [(b"Plain words on stdin.", ["stdin"]),
     (b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n', ["s1", "s2"])],
)
def test_stdin(data: bytes, ids: list[str]) -> None:
    assert [a.id for a in _read(["-"], stdin=data)] == ids


def test_jsonl_is_read_lazily() -> None:
    def lines():
        yield b'{"id": "first", "text": "One."}\n'
        raise AssertionError("read past the first article before it was used")

    first = next(read_inputs(["-"], stdin=lines()))
    assert first.id == "first"


def test_count_articles_counts_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": str(i)}) for i in range(5)))
    assert count_articles([str(tmp_path), str(tmp_path / "missing.txt")]) == 6
    assert count_articles(["-"]) is None


def test_examples_cover_every_reader_kind() -> None:
    suffixes = {path.suffix for path in EXAMPLES.iterdir()}
    assert {".txt", ".md", ".html", ".jsonl"} <= suffixes
    items = _read([EXAMPLES])
    assert not _failures(items)
    assert len(_articles(items)) == 5
