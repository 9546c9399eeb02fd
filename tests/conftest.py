"""Shared test fixtures."""

from __future__ import annotations

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
