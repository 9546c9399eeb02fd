"""memberOf relations: who belongs to, serves on, speaks for or leads which named body."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.model import Relation
from kg.resolve import Resolution


def find_memberships(doc: Doc, resolution: Resolution) -> list[Relation]:
    """memberOf relations stated in the doc."""
    return []
