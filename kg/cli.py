"""The `kg` command line: a thin click layer over the library.

Each command calls one library function and formats its result. Library errors (KgError)
become one readable line on stderr plus a hint, and an exit code: 0 ok, 1 negative result
(non-conformance, unmet threshold, ASK false), 2 usage, input or configuration error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, hint: str | None = None, code: int = 2) -> None:
    """Print an error (and hint) to stderr and exit with `code`."""
    click.secho(f"Error: {message}", fg="red", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn library errors and Ctrl-C into a message and an exit code, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as err:
            fail(err.message, err.hint, err.exit_code)
        except KeyboardInterrupt:
            fail("interrupted; nothing was written", code=130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newskg", prog_name="kg")
def main() -> None:
    """newskg: build an RDF knowledge graph of visits, talks and memberships from news.

    \b
    Typical use:
      kg build examples/ -o graph.ttl      extract and write the graph
      kg query people-who-visited --data graph.ttl --param place=Beijing
      kg validate graph.ttl                 SHACL-check a graph
    """
