"""Talking to a remote SPARQL 1.1 store: queries, updates and the Graph Store Protocol.

Everything that crosses the network goes through here, so credentials, timeouts, retries and
error messages are handled once. Credentials come only from the environment
(KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD), never from arguments, and no URL or message built
here ever contains the password.
"""

from __future__ import annotations

import ast
import json
import math
import os
import re
import socket
import time
import urllib.error
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.client import HTTPException
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import requests
from rdflib import Graph
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)
from SPARQLWrapper.Wrapper import DROP

from kg.errors import StoreError

USER_VAR = "KG_ENDPOINT_USER"
PASSWORD_VAR = "KG_ENDPOINT_PASSWORD"

AUTH_METHODS = ("basic", "digest")
DEFAULT_TIMEOUT = 30.0
# Queries longer than this go as a POST body: long GET URLs hit server and proxy limits.
MAX_GET_QUERY = 1500
# Bounded backoff for transient failures: at most RETRIES extra attempts, waits double.
RETRIES = 3
BACKOFF = 0.5
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
GSP_ACTION = "graph store load"

RDF_MEDIA_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}

_SW_STATUS = {
    QueryBadFormed: 400,
    Unauthorized: 401,
    EndPointNotFound: 404,
    URITooLong: 414,
    EndPointInternalError: 500,
}

T = TypeVar("T")


@dataclass(frozen=True)
class Credentials:
    """User and password for an endpoint; the password never appears in repr()."""

    user: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password='***')"


def credentials_from_env(env: Mapping[str, str] | None = None) -> Credentials | None:
    """Read credentials from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD (None when unset)."""
    env = os.environ if env is None else env
    user, password = env.get(USER_VAR), env.get(PASSWORD_VAR)
    if not user and not password:
        return None
    if not user:
        raise StoreError(
            f"{PASSWORD_VAR} is set but {USER_VAR} is not",
            hint=f"export {USER_VAR}=<user name> as well, or unset {PASSWORD_VAR}",
        )
    return Credentials(user, password or "")


def mask_url(url: str) -> str:
    """The URL with any password in its user-info replaced by ***, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None and "@" not in parts.netloc:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def check_url(url: str, what: str = "endpoint") -> str:
    """Validate an endpoint URL: http(s), a host, and no credentials in it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(
            f"{what} {mask_url(url)!r} is not an http(s) URL",
            hint="pass the full URL, e.g. http://127.0.0.1:7878/query",
        )
    if "@" in parts.netloc:
        raise StoreError(
            f"{what} {mask_url(url)} contains credentials, which are not read from the command line",
            hint=f"remove them from the URL and export {USER_VAR} / {PASSWORD_VAR} instead",
        )
    return url


def check_auth(auth: str) -> str:
    """Validate an auth method name against AUTH_METHODS."""
    if auth not in AUTH_METHODS:
        raise StoreError(f"unknown auth method {auth!r}", hint=f"use one of: {', '.join(AUTH_METHODS)}")
    return auth


# ---------------------------------------------------------------------------------------------
# Errors and retries


def _server_message(body: bytes | str | None, limit: int = 300) -> str:
    """The server's own error text, squeezed onto one line (HTML tags dropped)."""
    if not body:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    # Virtuoso appends the whole update after the message; it only adds noise.
    text = text.split(" SPARQL query:", 1)[0].split(" SPARQL query :", 1)[0]
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _status_hint(status: int, message: str, action: str) -> str:
    lowered = message.lower()
    refused = "permission" in lowered or "security" in lowered
    if status == 401 and not refused:
        return (
            f"credentials missing or rejected: export {USER_VAR} and {PASSWORD_VAR}, and "
            "try --auth digest (Virtuoso's -auth URLs need it)"
        )
    if status == 403 or refused:
        return (
            f"this endpoint does not allow {action} for this user: grant the right "
            f"(Virtuoso: GRANT SPARQL_UPDATE TO \"user\"), check {USER_VAR}/{PASSWORD_VAR}, "
            "or use the store's update/graph-store URL"
        )
    if status == 404:
        return (
            "no SPARQL service at this path: Oxigraph uses /query, /update, /store; Fuseki "
            "/DATASET/query, /DATASET/update, /DATASET/data; Virtuoso /sparql, /sparql-auth, "
            "/sparql-graph-crud-auth"
        )
    if status == 400 and action == GSP_ACTION:
        return "the store could not read the data sent; check the file with `kg validate`"
    if status in (400, 405, 415) and action != "query":
        return (
            f"is {action} allowed here? pass the store's update URL with --update-endpoint or "
            "its graph store URL with --gsp (Oxigraph: /update and /store)"
        )
    if status == 400:
        return "the store rejected the request; check the query syntax"
    if status == 413 or status == 414:
        return "the request is too large for this store: lower --chunk-size"
    if status >= 500:
        return "the store failed; look at its log, or lower --chunk-size if requests are large"
    return "check the endpoint URL and the store's documentation"


def http_error(url: str, status: int, body: bytes | str | None, action: str) -> StoreError:
    """A StoreError naming the endpoint, the HTTP status, the server's message and a hint."""
    message = _server_message(body)
    text = f"{action} at {mask_url(url)} failed: HTTP {status}"
    if message:
        text += f": {message}"
    return StoreError(text, hint=_status_hint(status, message, action))


def connection_error(url: str, exc: BaseException, action: str, timeout: float) -> StoreError:
    """A StoreError for a store that could not be reached or did not answer in time."""
    where = mask_url(url)
    if _is_timeout(exc):
        return StoreError(
            f"{action} at {where} timed out after {timeout:g} s",
            hint="the store is slow or stuck: raise --timeout, or lower --chunk-size",
        )
    host = urlsplit(url).netloc
    return StoreError(
        f"cannot connect to {where}: {_reason(exc)}",
        hint=f"is the store running and listening on {host}? check the URL and port",
    )


def _reason(exc: BaseException) -> str:
    inner = getattr(exc, "reason", None) or exc
    if isinstance(inner, ConnectionRefusedError):
        return "connection refused"
    if isinstance(inner, socket.gaierror):
        return "unknown host"
    text = str(inner)
    # requests nests the real reason deep in a long repr; keep its tail.
    match = re.search(r"\[Errno [^\]]+\] ([^')\"]+)", text)
    return match.group(1).strip() if match else " ".join(text.split())[:200]


def _is_timeout(exc: BaseException) -> bool:
    inner = getattr(exc, "reason", None)
    return isinstance(exc, (TimeoutError, socket.timeout, requests.Timeout)) or isinstance(
        inner, (TimeoutError, socket.timeout)
    )


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in TRANSIENT_STATUSES
    if isinstance(exc, _StatusError):
        return exc.status in TRANSIENT_STATUSES
    return isinstance(
        exc,
        (
            urllib.error.URLError,
            ConnectionError,
            TimeoutError,
            socket.timeout,
            HTTPException,
            requests.ConnectionError,
            requests.Timeout,
        ),
    )


class _StatusError(Exception):
    """An HTTP error status from the graph store client, before translation."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


def _with_retries(call: Callable[[], T], url: str, action: str, timeout: float,
                  sleep: Callable[[float], None] = time.sleep) -> T:
    """Run `call`, retrying transient failures with bounded exponential backoff."""
    for attempt in range(RETRIES + 1):
        try:
            return call()
        except Exception as exc:  # translated below; anything unknown propagates
            if attempt < RETRIES and _is_transient(exc):
                sleep(BACKOFF * 2**attempt)
                continue
            raise _translate(exc, url, action, timeout) from None
    raise AssertionError("unreachable")


def _translate(exc: Exception, url: str, action: str, timeout: float) -> Exception:
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, _StatusError):
        return http_error(url, exc.status, exc.body, action)
    if isinstance(exc, SPARQLWrapperException):
        status = next((code for cls, code in _SW_STATUS.items() if isinstance(exc, cls)), 500)
        return http_error(url, status, _wrapper_body(exc), action)
    if isinstance(exc, urllib.error.HTTPError):
        return http_error(url, exc.code, _read_body(exc), action)
    if _is_transient(exc) or isinstance(exc, (requests.RequestException, OSError, HTTPException)):
        return connection_error(url, exc, action, timeout)
    return exc


def _wrapper_body(exc: SPARQLWrapperException) -> bytes:
    """The server's response body, which SPARQLWrapper keeps only as a repr in its message."""
    _, sep, body = str(exc).partition("Response:\n")
    if not sep:
        return b""
    try:
        value = ast.literal_eval(body.strip())
    except (ValueError, SyntaxError):
        return body.encode()
    return value if isinstance(value, bytes) else str(value).encode()


def _read_body(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read()
    except (OSError, HTTPException):
        return b""


# ---------------------------------------------------------------------------------------------
# SPARQL query and update (SPARQLWrapper)


def _wrapper(url: str, auth: str, timeout: float) -> SPARQLWrapper:
    check_url(url)
    check_auth(auth)
    sw = SPARQLWrapper(url)
    # SPARQLWrapper truncates the timeout to whole seconds, and 0 would mean "none".
    sw.setTimeout(max(1, math.ceil(timeout)))
    creds = credentials_from_env()
    if creds is not None:
        sw.setHTTPAuth(DIGEST if auth == "digest" else BASIC)
        sw.setCredentials(creds.user, creds.password)
    return sw


def _run_query(url: str, query: str, accept: str | None, auth: str, timeout: float) -> tuple[bytes, str]:
    """Run a read query; return the raw body and its media type."""
    sw = _wrapper(url, auth, timeout)
    sw.setQuery(query)
    if len(query) > MAX_GET_QUERY:
        sw.setMethod(POST)
    if accept is None:
        sw.setReturnFormat(JSON)
    else:
        sw.addCustomHttpHeader("Accept", accept)

    def call() -> tuple[bytes, str]:
        response = sw.query().response
        return response.read(), response.headers.get("Content-Type", "")

    return _with_retries(call, url, "query", timeout)


def _normalize_binding(term: dict[str, Any]) -> dict[str, Any]:
    """SPARQL 1.1 JSON for one bound term: old `typed-literal` becomes `literal` + datatype."""
    if term.get("type") == "typed-literal":
        term = {**term, "type": "literal"}
    if term.get("datatype") == "http://www.w3.org/2001/XMLSchema#string":
        term = {k: v for k, v in term.items() if k != "datatype"}
    return term


def _parse_json(body: bytes, url: str) -> dict[str, Any]:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError(
            f"{mask_url(url)} did not answer with SPARQL results JSON: "
            f"{_server_message(body, 120)!r}",
            hint="is this the store's SPARQL query endpoint? (Oxigraph: /query, Virtuoso: /sparql)",
        ) from None


def remote_select(endpoint: str, query: str, *, auth: str = "basic",
                  timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """Run a SELECT remotely; return SPARQL 1.1 Query Results JSON as a dict.

    Bindings are normalized to SPARQL 1.1: Virtuoso's `typed-literal` becomes `literal` with
    a datatype, and xsd:string datatypes are dropped (RDF 1.1 simple literals).
    """
    body, _ = _run_query(endpoint, query, None, auth, timeout)
    result = _parse_json(body, endpoint)
    if "results" not in result:
        raise StoreError(
            f"{mask_url(endpoint)} returned no result rows for a SELECT query",
            hint="is the query a SELECT? use remote_ask or remote_graph for ASK/CONSTRUCT",
        )
    result["results"]["bindings"] = [
        {var: _normalize_binding(term) for var, term in row.items()}
        for row in result["results"]["bindings"]
    ]
    return result


def remote_ask(endpoint: str, query: str, *, auth: str = "basic",
               timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Run an ASK remotely and return its boolean."""
    body, _ = _run_query(endpoint, query, None, auth, timeout)
    result = _parse_json(body, endpoint)
    rows = result.get("results", {}).get("bindings")
    if "boolean" not in result and rows is not None and len(result["head"].get("vars", ())) == 1:
        # Virtuoso 7 answers ASK in JSON as one row of one variable (__ASK_RETVAL = 1 or 0).
        values = [cell.get("value") for row in rows for cell in row.values()]
        return any(value in ("1", "true") for value in values)
    if "boolean" not in result:
        raise StoreError(
            f"{mask_url(endpoint)} returned no boolean for an ASK query",
            hint="is the query an ASK?",
        )
    return bool(result["boolean"])


def remote_graph(endpoint: str, query: str, *, auth: str = "basic",
                 timeout: float = DEFAULT_TIMEOUT) -> Graph:
    """Run a CONSTRUCT or DESCRIBE remotely and return the result as an rdflib Graph."""
    body, content_type = _run_query(
        endpoint, query, "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5",
        auth, timeout,
    )
    media = content_type.split(";", 1)[0].strip().lower()
    graph = Graph()
    try:
        graph.parse(data=body, format=RDF_MEDIA_TYPES.get(media, "turtle"))
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(
            f"{mask_url(endpoint)} returned an unreadable graph ({media or 'no media type'}): {exc}",
            hint="is the query a CONSTRUCT or DESCRIBE, and the URL the store's query endpoint?",
        ) from None
    return graph


def remote_update(update_endpoint: str, update: str, *, auth: str = "basic",
                  timeout: float = DEFAULT_TIMEOUT) -> None:
    """Run a SPARQL 1.1 Update remotely (always POST, timeout always set)."""
    sw = _wrapper(update_endpoint, auth, timeout)
    sw.setMethod(POST)
    # The body goes as application/sparql-update: URL-encoding 100 kB updates costs more than
    # the store takes to run them. setQuery() would sniff the query type with a regex that is
    # quadratic on long INSERT DATA bodies, so the type is set directly.
    sw.setRequestMethod(POSTDIRECTLY)
    sw.addCustomHttpHeader("Content-Type", "application/sparql-update; charset=utf-8")
    sw.queryString = update
    sw.queryType = DROP  # any update type: it only selects the update code path

    def call() -> None:
        sw.query().response.read()

    _with_retries(call, update_endpoint, "update", timeout)


# ---------------------------------------------------------------------------------------------
# SPARQL 1.1 Graph Store HTTP Protocol (requests: keep-alive matters for many small PUTs)


class GraphStore:
    """A Graph Store Protocol endpoint: PUT replaces one named graph, POST adds quads."""

    def __init__(self, url: str, *, auth: str = "basic", timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = check_url(url, "graph store")
        self.timeout = timeout
        self._session = requests.Session()
        creds = credentials_from_env()
        if creds is not None:
            method = requests.auth.HTTPDigestAuth if check_auth(auth) == "digest" else requests.auth.HTTPBasicAuth
            self._session.auth = method(creds.user, creds.password)

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace the named graph with these triples (N-Triples, sent as Turtle)."""
        self._send("PUT", {"graph": graph}, ntriples, "text/turtle")

    def post_graph(self, graph: str, ntriples: bytes) -> None:
        """Add these triples to the named graph."""
        self._send("POST", {"graph": graph}, ntriples, "text/turtle")

    def post_quads(self, nquads: bytes) -> None:
        """Add N-Quads to the dataset (stores that accept quads at the service URL)."""
        self._send("POST", None, nquads, "application/n-quads")

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, method: str, params: dict[str, str] | None, body: bytes, media: str) -> None:
        def call() -> None:
            response = self._session.request(
                method, self.url, params=params, data=body,
                headers={"Content-Type": f"{media}; charset=utf-8"}, timeout=self.timeout,
            )
            if response.status_code >= 400:
                raise _StatusError(response.status_code, response.content)

        _with_retries(call, self.url, GSP_ACTION, self.timeout)
