"""Read news articles from files, folders, globs or stdin into `Article`s.

Each input format is one entry of the `READERS` table, keyed by file suffix. Bad input never
raises: it becomes a `Failure` naming the file (and line) with a hint, and the other inputs
are still read.

Conventions a user can rely on:
- Text must be UTF-8 (a byte-order mark is accepted). Other encodings fail with an `iconv`
  hint rather than being guessed, because a wrong guess silently corrupts names and shifts
  evidence offsets.
- The article id is the JSONL `id`, else the file name without suffix (`STEM-LINE` for a JSONL
  line without an id, `stdin` for standard input). Ids are unique within a run: a later
  article whose id is already taken gets `-2`, `-3`, ... appended.
- Folders are read recursively in sorted order; only supported suffixes are read, and
  hidden files and conventional documentation files (README, LICENSE, GUIDELINE, ...) are
  skipped. A file named explicitly is always read.
- The same file reached twice (named and inside a named folder) is read once.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from kg.model import Article, Failure

STDIN = "-"
_BINARY_PROBE = 8192
_GLOB_CHARS = re.compile(r"[*?\[]")
_DOC_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "contributing",
     "authors", "notice", "guideline", "guidelines"}
)
_ICONV_HINT = "convert it to UTF-8, e.g. `iconv -f latin1 -t utf-8 {name} > {stem}.utf8{suffix}`"

# A reader gets the input's lines as bytes (read lazily), its display name and file stem.
Reader = Callable[[Iterable[bytes], str, str], Iterator["Article | Failure"]]


@dataclass(frozen=True)
class _Source:
    """A resolved input: a file path, or standard input."""

    name: str
    path: Path | None = None


def _binary(data: bytes, name: str) -> Failure | None:
    if b"\x00" not in data[:_BINARY_PROBE]:
        return None
    return Failure(name, "binary file, not text",
                   "pass .txt, .md, .html or .jsonl articles; if this is UTF-16 text, "
                   "convert it to UTF-8 with iconv")


def _decode(data: bytes, name: str, first_line: int = 1) -> str | Failure:
    """Strict UTF-8 (optional BOM); non-UTF-8 input becomes a Failure with an iconv hint."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = first_line + data[: err.start].count(b"\n")
        path = Path(name)
        return Failure(name, f"not valid UTF-8 (byte 0x{data[err.start]:02x}); likely Latin-1 "
                       "or Windows-1252",
                       _ICONV_HINT.format(name=name, stem=path.with_suffix(""),
                                          suffix=path.suffix), line)


def _whole_text(lines: Iterable[bytes], name: str) -> str | Failure:
    """The whole input as text, or the Failure that stops it being read."""
    data = b"".join(lines)
    if not data.strip():
        return _empty(name)
    return _binary(data, name) or _decode(data, name)


def _empty(name: str) -> Failure:
    return Failure(name, "empty file, no article text", "remove it or add the article text")


def read_text(lines: Iterable[bytes], name: str, article_id: str) -> Iterator[Article | Failure]:
    """Plain text: the whole file is one article, kept as-is so offsets match the file."""
    text = _whole_text(lines, name)
    if isinstance(text, Failure):
        yield text
        return
    if not text.strip():
        yield _empty(name)
        return
    yield Article(id=article_id, text=text)


def read_markdown(lines: Iterable[bytes], name: str,
                  article_id: str) -> Iterator[Article | Failure]:
    """Markdown: prose blocks as plain text paragraphs; title from the first `#` heading.

    Simple YAML-style front matter (`key: value` lines between `---` fences) gives title,
    date, url and source. Code blocks are dropped: they are not prose.
    """
    from markdown_it import MarkdownIt

    text = _whole_text(lines, name)
    if isinstance(text, Failure):
        yield text
        return
    meta, body = _front_matter(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    blocks: list[str] = []
    title = meta.get("title")
    in_h1 = False
    for token in tokens:
        if token.type == "heading_open":
            in_h1 = token.tag == "h1"
        elif token.type == "inline":
            plain = _inline_text(token.children or [])
            if plain.strip():
                blocks.append(plain.strip())
                if in_h1 and title is None:
                    title = plain.strip()
        elif token.type == "heading_close":
            in_h1 = False
    plain_text = "\n\n".join(blocks)
    if not plain_text.strip():
        yield _empty(name)
        return
    yield Article(id=article_id, text=plain_text, title=title, date=meta.get("date"),
                  url=meta.get("url"), source=meta.get("source"))


def _inline_text(children: list) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.DOTALL)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("title", "date", "url", "source"):
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end():]


def read_html(lines: Iterable[bytes], name: str, article_id: str) -> Iterator[Article | Failure]:
    """HTML: main text (no menus, footers, ads) and title/date/url via trafilatura."""
    import trafilatura

    text = _whole_text(lines, name)
    if isinstance(text, Failure):
        yield text
        return
    doc = trafilatura.bare_extraction(text, with_metadata=True)
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        yield Failure(name, "no article text found in the HTML page",
                      "check that the page holds the article itself (not a login wall or an "
                      "index page), or save the text as .txt")
        return
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    yield Article(id=article_id, text="\n\n".join(paragraphs), title=doc.title or None,
                  date=doc.date or None, url=doc.url or None, source=doc.sitename or None)


_JSONL_FIELDS = ("id", "title", "date", "url", "source")


def read_jsonl(lines: Iterable[bytes], name: str, article_id: str) -> Iterator[Article | Failure]:
    """JSON Lines: one article object per line, read lazily; a bad line fails alone."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if number == 1 and (binary := _binary(raw, name)):
            yield binary
            return
        if not raw.strip():
            continue
        seen_any = True
        line = _decode(raw, name, number)
        if isinstance(line, Failure):
            yield line
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure(name, f"malformed JSON ({err.msg}, column {err.colno})",
                          'each line must be one JSON object, e.g. {"id": "a1", "text": "..."}',
                          number)
            continue
        if not isinstance(record, dict):
            yield Failure(name, f"expected a JSON object, got {type(record).__name__}",
                          'each line must be one JSON object, e.g. {"id": "a1", "text": "..."}',
                          number)
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            what = "no \"text\" field" if body is None else "\"text\" is empty or not a string"
            yield Failure(name, f"{what}; the article text is required",
                          'add "text": "<article text>" to this line', number)
            continue
        fields = {key: str(record[key]) for key in _JSONL_FIELDS
                  if record.get(key) not in (None, "")}
        fields.setdefault("id", f"{article_id}-{number}")
        yield Article(text=body, **fields)
    if not seen_any:
        yield _empty(name)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}


def known_suffixes() -> str:
    return ", ".join(READERS)


def expand_inputs(inputs: Sequence[str]) -> Iterator[_Source | Failure]:
    """Resolve paths, folders, globs and "-" into sources, in order, each file once."""
    seen: set[Path] = set()
    for spec in inputs:
        if spec == STDIN:
            yield _Source(STDIN)
            continue
        path = Path(spec)
        if path.is_dir():
            files = [f for f in sorted(path.rglob("*")) if _is_article_file(f, path)]
            if not files:
                yield Failure(spec, "folder holds no article files",
                              f"article files end in {known_suffixes()}")
            candidates = files
        elif path.exists():
            candidates = [path]
        elif _GLOB_CHARS.search(spec):
            candidates = [Path(m) for m in sorted(glob.glob(spec, recursive=True))
                          if Path(m).is_file()]
            if not candidates:
                yield Failure(spec, "no file matches this pattern",
                              "check the pattern; quote it so the shell does not expand it")
        else:
            yield Failure(spec, "no such file or folder",
                          "check the path (relative paths start from the current folder)")
            continue
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            yield _Source(str(candidate), candidate)


def _is_article_file(path: Path, root: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in READERS:
        return False
    relative = path.relative_to(root).parts
    if any(part.startswith(".") for part in relative):
        return False
    return path.stem.lower() not in _DOC_STEMS


def count_articles(inputs: Sequence[str]) -> int | None:
    """Cheap estimate of how many articles the inputs hold (for a progress bar's ETA).

    None when unknown (stdin). JSONL files count their non-blank lines.
    """
    total = 0
    for source in expand_inputs(inputs):
        if isinstance(source, Failure):
            continue
        if source.path is None:
            return None
        if source.path.suffix.lower() == ".jsonl":
            try:
                with source.path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_inputs(inputs: Sequence[str], stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Yield one Article per readable article and one Failure per problem, lazily, in order.

    `stdin` is the byte stream read for "-" (default: the process's standard input). Text on
    stdin is read as JSONL when its first character is "{", else as plain text.
    """
    taken: dict[str, int] = {}
    for source in expand_inputs(inputs):
        if isinstance(source, Failure):
            yield source
            continue
        for item in _read_source(source, stdin):
            if isinstance(item, Article):
                item = _unique(item, taken)
            yield item


def _read_source(source: _Source, stdin: BinaryIO | None) -> Iterator[Article | Failure]:
    if source.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        leading: list[bytes] = []
        for line in stream:
            leading.append(line)
            if line.strip():
                break
        reader = read_jsonl if b"".join(leading).lstrip()[:1] == b"{" else read_text
        yield from reader(chain(leading, stream), "<stdin>", "stdin")
        return
    reader = READERS.get(source.path.suffix.lower())
    if reader is None:
        yield Failure(source.name,
                      f"unknown input type {source.path.suffix or '(no suffix)'!r}",
                      f"article files end in {known_suffixes()}")
        return
    try:
        with source.path.open("rb") as handle:
            yield from reader(handle, source.name, source.path.stem)
    except OSError as err:
        yield Failure(source.name, f"cannot read: {err.strerror or err}",
                      "check the file's permissions")


def _unique(article: Article, taken: dict[str, int]) -> Article:
    count = taken.get(article.id, 0) + 1
    taken[article.id] = count
    if count == 1:
        return article
    new_id = f"{article.id}-{count}"
    while new_id in taken:
        count += 1
        new_id = f"{article.id}-{count}"
    taken[article.id] = count
    taken[new_id] = 1
    return replace(article, id=new_id)
