"""Plain frozen dataclasses passed between the pipeline stages.

readers -> Article; nlp + resolve -> Entity (with its Mentions); relations -> Relation;
one Extraction per article goes to the RDF mapping. Nothing here depends on spaCy or rdflib.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

RELATION_KINDS = ("visits", "talksWith", "memberOf")
ENTITY_TYPES = ("Person", "Organization", "Place", "Country")

EVENT_STATUSES = ("occurred", "planned", "cancelled", "negated", "speculative")
MEMBERSHIP_STATUSES = ("current", "former", "planned")
STATUSES = ("occurred", "planned", "cancelled", "negated", "speculative", "current", "former")
# A direct triple (kgo:visits etc.) is asserted only for these; the others live only on the
# statement node, so a SPARQL user never mistakes a cancelled trip for a trip.
ASSERTED_STATUSES = frozenset({"occurred", "planned", "current", "former"})


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a JSONL line or stdin."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or processed; the run goes on without it."""

    source: str
    message: str
    hint: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        text = f"{where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


@dataclass(frozen=True)
class Span:
    """A character range [start, end) into the article text, with the text it covers."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One surface form of an entity in the article."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Entity:
    """A canonical entity of one article: the resolved cluster of its mentions.

    `key` is deterministic from type and normalized canonical name, so the same entity in two
    articles (or two runs) has the same key and becomes one RDF node.
    """

    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """One visits / talksWith / memberOf statement with its status and evidence."""

    kind: str
    subject: str
    object: str
    status: str
    evidence: Span
    rule: str
    confidence: float
    role: str | None = None
    date: str | None = None

    @property
    def asserted(self) -> bool:
        return self.status in ASSERTED_STATUSES


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()

    def entity(self, key: str) -> Entity:
        for entity in self.entities:
            if entity.key == key:
                return entity
        raise KeyError(key)


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts, failures and time, for the CLI's one-line summary."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    failures: tuple[Failure, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    output: str | None = None


_KEY_TYPES = {"Person": "person", "Organization": "organization", "Place": "place", "Country": "place"}


@lru_cache(maxsize=16384)
def slugify(name: str) -> str:
    """Lower-case, accent-free, hyphen-joined form of a name, stable across runs."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "-", ascii_only.lower()).strip("-") or "unnamed"


def entity_key(entity_type: str, name: str) -> str:
    """Deterministic key of an entity: the same type and normalized name is the same node."""
    return f"{_KEY_TYPES.get(entity_type, entity_type.lower())}/{slugify(name)}"
