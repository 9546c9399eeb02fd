"""Shared test fixtures."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.model import Article, Entity, Extraction, Relation, Span, entity_key


# --- RDF layer: one hand-built extraction covering all relations and several statuses ---

SAMPLE_TEXT = (
    "Foreign Secretary Maria Lindqvist will travel to Oslo next week. "
    "A planned trip by Lindqvist to Reykjavik was called off. "
    "Lindqvist met Prime Minister Henrik Dahl in Oslo on Monday. "
    "Dahl, a member of the Labour Party, is a former director of the Nordic Council. "
    "Lindqvist did not meet Norway's finance minister."
)


def _span(text: str) -> Span:
    start = SAMPLE_TEXT.index(text)
    return Span(text, start, start + len(text))


@pytest.fixture(scope="session")
def sample_extraction() -> Extraction:
    """An article with a planned and a cancelled visit, an occurred and a negated meeting,
    and a current and a former (with role) membership."""
    person, place, org = "Person", "Place", "Organization"
    entities = (
        Entity(entity_key(person, "Maria Lindqvist"), person, "Maria Lindqvist",
               ("Lindqvist", "Foreign Secretary Maria Lindqvist"), roles=("Foreign Secretary",)),
        Entity(entity_key(person, "Henrik Dahl"), person, "Henrik Dahl", ("Dahl",),
               roles=("Prime Minister",)),
        Entity(entity_key(place, "Oslo"), place, "Oslo"),
        Entity(entity_key("Country", "Norway"), "Country", "Norway"),
        Entity(entity_key(place, "Reykjavik"), place, "Reykjavik"),
        Entity(entity_key(org, "Labour Party"), org, "Labour Party"),
        Entity(entity_key(org, "Nordic Council"), org, "Nordic Council"),
    )
    relations = (
        Relation("visits", "person/maria-lindqvist", "place/oslo", "planned",
                 _span("Foreign Secretary Maria Lindqvist will travel to Oslo next week."),
                 "visit.travel-to", 0.9),
        Relation("visits", "person/maria-lindqvist", "place/reykjavik", "cancelled",
                 _span("A planned trip by Lindqvist to Reykjavik was called off."),
                 "visit.trip-noun", 0.7),
        Relation("talksWith", "person/maria-lindqvist", "person/henrik-dahl", "occurred",
                 _span("Lindqvist met Prime Minister Henrik Dahl in Oslo on Monday."),
                 "talks.meet", 0.85, date="2024-03-04"),
        Relation("talksWith", "person/maria-lindqvist", "place/norway", "negated",
                 _span("Lindqvist did not meet Norway's finance minister."), "talks.meet", 0.6),
        Relation("memberOf", "person/henrik-dahl", "organization/labour-party", "current",
                 _span("Dahl, a member of the Labour Party"), "member.member-of", 0.8),
        Relation("memberOf", "person/henrik-dahl", "organization/nordic-council", "former",
                 _span("is a former director of the Nordic Council"), "member.role-of", 0.75,
                 role="director"),
    )
    article = Article("a1", SAMPLE_TEXT, title="Lindqvist in Oslo", date="2024-03-05",
                      url="https://news.example.org/a1")
    return Extraction(article, entities, relations)


# --- NLP: the real pipeline, loaded once per test session ---


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline with our components (skips when no model is installed)."""
    from kg.errors import ModelError
    from kg.nlp import load_pipeline

    try:
        return load_pipeline()
    except ModelError as err:
        pytest.skip(str(err))


# --- Stores: real SPARQL servers on 127.0.0.1, a free port and a temporary folder each ---

STORE_USER = "kgtest"
# Distinctive, so tests can assert it shows up in no output.
STORE_PASSWORD = "Pw-7d1f-not-for-output"


@dataclass(frozen=True)
class StoreServer:
    """A running store: its endpoints, auth scheme and the test account (if it needs one)."""

    name: str
    query: str
    update: str
    gsp: str
    auth: str = "basic"
    user: str | None = None
    password: str | None = None

    def env(self, **extra: str) -> dict[str, str]:
        """os.environ plus this store's credentials, for `kg load` subprocesses."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("KG_ENDPOINT_")}
        if self.user:
            env |= {"KG_ENDPOINT_USER": self.user, "KG_ENDPOINT_PASSWORD": self.password or ""}
        return env | extra


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_http(url: str, proc: subprocess.Popen, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"store exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail(f"store at {url} did not answer within {seconds:g} s: {log.read_text()[-2000:]}")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@contextmanager
def _oxigraph(folder: Path, persistent: bool = True) -> Iterator[StoreServer]:
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed: pip install oxigraph")
    port = _free_port()
    log = folder / "server.log"
    location = ["--location", str(folder / "data")] if persistent else []
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [binary, "serve", *location, "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_http(f"{base}/query?query=ASK%7B%7D", proc, 30, log)
        yield StoreServer("oxigraph", f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    """`oxigraph serve` with a temporary data folder (union default graph, as local queries)."""
    with _oxigraph(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture
def empty_oxigraph(tmp_path: Path) -> Iterator[StoreServer]:
    """A fresh in-memory `oxigraph serve` for one test that needs an empty store."""
    with _oxigraph(tmp_path, persistent=False) as server:
        yield server


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (for connection-refused tests)."""
    return _free_port()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreServer]:
    """Virtuoso Open Source with a fresh database; a test user granted SPARQL update (digest)."""
    binary = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if binary is None or isql is None:
        pytest.skip("Virtuoso is not installed (virtuoso-t, isql-vt): "
                    "apt-get install virtuoso-opensource, as .ci/run does")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                                stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for_http(f"{base}/sparql?query=ASK%7B%7D", proc, 90, log)
        grant = (f"DB.DBA.USER_CREATE('{STORE_USER}', '{STORE_PASSWORD}'); "
                 f"GRANT SPARQL_UPDATE TO \"{STORE_USER}\";")
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"],
                       check=True, capture_output=True, timeout=60)
        yield StoreServer("virtuoso", f"{base}/sparql", f"{base}/sparql-auth",
                          f"{base}/sparql-graph-crud-auth", auth="digest",
                          user=STORE_USER, password=STORE_PASSWORD)
    finally:
        _stop(proc)
