"""Run the NLP pipeline and every relation rule over articles: Article -> Extraction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from kg.discourse import infer
from kg.events import find_events
from kg.membership import find_memberships
from kg.model import Article, Entity, Extraction, Relation
from kg.nlp import load_pipeline
from kg.resolve import resolve

_PRELOAD = Article(
    id="preload",
    text="Labour Party leader Maria Olsen flew to Lisbon on Monday and met Prime Minister "
         "David Brandt. She will travel to Oslo next week.",
)


class Extractor:
    """Entities and relations of articles, with one spaCy pipeline loaded once."""

    def __init__(self, model: str | None = None, nlp: Language | None = None, *,
                 preload: bool = False) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        if preload:
            # Name lists, matchers and caches load on first use; reading one short article
            # loads them now, so processes forked from this one share them instead of each
            # loading its own copy.
            self.extract(_PRELOAD)

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return self._from_doc(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[Extraction]:
        """Extract many articles, parsing them in batches with nlp.pipe."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._from_doc(article, doc)

    def _from_doc(self, article: Article, doc: Doc) -> Extraction:
        resolution = resolve(doc)
        relations = [*find_memberships(doc, resolution), *find_events(doc, resolution)]
        relations += infer(doc, resolution, relations)
        keys = {entity.key for entity in resolution.entities}
        relations = [r for r in relations if r.subject in keys and r.object in keys and r.subject != r.object]
        extraction = Extraction(article, with_roles(resolution.entities, relations), tuple(dedupe(relations)))
        # The rules keep per-document tables in doc.user_data that point back at the doc: a
        # cycle the collector frees late, so parsed docs piled up and made its full passes
        # long. Emptied, the doc leaves that cycle; only the event rules' word objects (a
        # short-lived cycle of their own) still point at it until they are collected.
        doc.user_data.clear()
        return extraction


def with_roles(entities: Iterable[Entity], relations: Iterable[Relation]) -> tuple[Entity, ...]:
    """Add the roles that relations state ("a director of X") to their subjects' roles."""
    roles: dict[str, list[str]] = {}
    for relation in relations:
        if relation.role:
            roles.setdefault(relation.subject, []).append(relation.role)
    return tuple(
        replace(e, roles=tuple(dict.fromkeys([*e.roles, *roles[e.key]]))) if e.key in roles else e
        for e in entities
    )


def dedupe(relations: Iterable[Relation]) -> list[Relation]:
    """One relation per (kind, subject, object, status), keeping the most confident evidence.

    talksWith is symmetric, so its two directions are one relation.
    """
    best: dict[tuple[str, str, str, str], Relation] = {}
    for relation in relations:
        ends = (relation.subject, relation.object)
        if relation.kind == "talksWith":
            ends = tuple(sorted(ends))
        key = (relation.kind, *ends, relation.status)
        current = best.get(key)
        if current is None or (relation.confidence, -relation.evidence.start) > (current.confidence, -current.evidence.start):
            best[key] = relation
    return sorted(best.values(), key=lambda r: (r.evidence.start, r.kind, r.subject, r.object))
