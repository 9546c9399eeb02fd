"""One error hierarchy for the whole library.

Every error carries a message (what went wrong, naming the file, line or value) and a hint
(what to do about it). The CLI prints both on one or two lines and maps the class to an exit
code; the library never prints.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: a problem the user can fix, with a hint saying how."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} (hint: {self.hint})"

    def __reduce__(self) -> tuple[type[KgError], tuple[str, str | None]]:
        # Keep the hint when the error crosses a process boundary (worker pools, Dask).
        return type(self), (self.message, self.hint)


class InputError(KgError):
    """An input article, file or argument cannot be used."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


class QueryError(KgError):
    """A SPARQL query cannot be found, parsed, bound or run."""


class StoreError(KgError):
    """A remote SPARQL store refused, failed or could not be reached."""


class ValidationError(KgError):
    """A graph cannot be validated (not: it does not conform, which is a result)."""
