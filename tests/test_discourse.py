"""Trip frames and the facts told inside them, on invented articles through the real pipeline."""

from __future__ import annotations

import pytest

from kg import discourse as D
from kg.discourse import infer, trip_frames
from kg.docview import doc_view
from kg.events import find_events
from kg.membership import find_memberships
from kg.resolve import resolve


def _run(nlp, text: str):
    doc = nlp(text)
    resolution = resolve(doc)
    rules = [*find_memberships(doc, resolution), *find_events(doc, resolution)]
    return doc, resolution, rules


def _inferred(nlp, text: str) -> set[tuple[str, str, str, str]]:
    """(kind, subject, object, status) the discourse pass adds, talksWith ends sorted."""
    facts = set()
    for relation in infer(*_run(nlp, text)):
        ends = (relation.subject, relation.object)
        if relation.kind == "talksWith":
            ends = tuple(sorted(ends))
        facts.add((relation.kind, *ends, relation.status))
    return facts


HOSTED = ("Senator Rafael Ostrovsky landed in Port Elmira on Sunday. At the Corvell Palace, "
          "Governor Yusuf Adeyemi hosted the visitor for a working lunch.")
WELCOMED = ("The delegation led by Mayor Oskar Pettersen arrived in Talvik on Thursday. "
            "The siblings were welcomed at the Harbour Pavilion by Governor Leyla Demir.")

POSITIVE = [
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday for a short visit. "
        "Talks with President Tomas Ferreira focused on trade and fisheries.",
        ("talksWith", "person/ilse-brandt", "person/tomas-ferreira", "occurred"), id="talks-with-untold-party"),
    pytest.param(HOSTED, ("talksWith", "person/rafael-ostrovsky", "person/yusuf-adeyemi", "occurred"),
                 id="host-of-the-visitor"),
    pytest.param(HOSTED, ("visits", "person/rafael-ostrovsky", "place/corvell-palace", "occurred"),
                 id="venue-of-the-host"),
    pytest.param(WELCOMED, ("talksWith", "person/leyla-demir", "person/oskar-pettersen", "occurred"),
                 id="group-received-by"),
    pytest.param(WELCOMED, ("visits", "person/oskar-pettersen", "place/harbour-pavilion", "occurred"),
                 id="group-venue"),
    pytest.param(
        "Prime Minister Ines Carvalho will travel to Quenta next week. "
        "Talks with President Amadou Sarr will take place at the Amber Palace.",
        ("talksWith", "person/amadou-sarr", "person/ines-carvalho", "planned"), id="planned-trip-plans-talks"),
    pytest.param(
        "Prime Minister Karin Aas arrived in Solvik on Monday. The prime minister later signed four "
        "agreements at the Amber Palace.",
        ("visits", "person/karin-aas", "place/amber-palace", "occurred"), id="title-stands-for-traveller"),
    pytest.param(
        "Minister Karin Aas arrived in Solvik on Monday. She spoke to reporters outside the Amber Palace, "
        "where the talks took place.",
        ("visits", "person/karin-aas", "place/amber-palace", "occurred"), id="where-the-talks-took-place"),
    pytest.param(
        "Senator Rafael Ostrovsky landed in Port Elmira on Sunday. Crowds gathered at the Corvell Palace, "
        "where the meeting with Governor Yusuf Adeyemi was held.",
        ("visits", "person/rafael-ostrovsky", "place/corvell-palace", "occurred"), id="where-the-meeting-was-held"),
    pytest.param(
        "Chancellor Petra Holm arrived in Ostrava on Monday. The summit was moved to the Velka Castle, "
        "where the negotiations will be held on Tuesday.",
        ("visits", "person/petra-holm", "place/velka-castle", "planned"), id="where-talks-will-be-held"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. After the talks, Governor Petra Hlinka said the "
        "two cities would share a tram line.",
        ("talksWith", "person/jonas-berg", "person/petra-hlinka", "occurred"), id="speaker-after-the-talks"),
    pytest.param(
        "The delegation led by Mayor Oskar Pettersen arrived in Talvik on Thursday. The delegation toured the "
        "markets in Talvik and at the Nordby Stadium.",
        ("visits", "person/oskar-pettersen", "place/nordby-stadium", "occurred"), id="venue-in-a-joined-phrase"),
    pytest.param(
        "Defence Minister Hanna Lindgren began a trip to Mirovia on Wednesday. Her programme, which included "
        "a briefing at the Stellan Airbase, was cut short.",
        ("visits", "person/hanna-lindgren", "place/stellan-airbase", "occurred"), id="which-stands-for-the-trip"),
    pytest.param(
        "Senator Rafael Ostrovsky landed in Port Elmira on Sunday. At the Corvell Palace, Governor Yusuf "
        "Adeyemi hosted a lunch for the visitor.",
        ("talksWith", "person/rafael-ostrovsky", "person/yusuf-adeyemi", "occurred"), id="lunch-for-the-visitor"),
    pytest.param(
        "The delegation led by Mayor Oskar Pettersen arrived in Talvik on Thursday. Governor Leyla Demir "
        "hosted a dinner for the delegation.",
        ("talksWith", "person/leyla-demir", "person/oskar-pettersen", "occurred"), id="dinner-for-the-delegation"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. Governor Petra Hlinka hosted a banquet at the "
        "Velka Castle.",
        ("talksWith", "person/jonas-berg", "person/petra-hlinka", "occurred"), id="banquet-on-the-trip"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. He held talks with Governor Petra Hlinka at her "
        "residence on Kestrel Road.",
        ("visits", "person/jonas-berg", "place/kestrel-road", "occurred"), id="residence-on-a-street"),
    pytest.param(
        "Senator Rafael Ostrovsky landed in Port Elmira on Sunday. He later laid a wreath at the "
        "headquarters on Harbour Street.",
        ("visits", "person/rafael-ostrovsky", "place/harbour-street", "occurred"), id="headquarters-on-a-street"),
    pytest.param(
        "The delegation led by Mayor Oskar Pettersen arrived in Talvik on Thursday. The delegation was "
        "received at the council's headquarters on Lantern Avenue.",
        ("visits", "person/oskar-pettersen", "place/lantern-avenue", "occurred"), id="received-on-an-avenue"),
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday. Speaking after the meeting, President "
        "Tomas Ferreira said the border would reopen.",
        ("talksWith", "person/ilse-brandt", "person/tomas-ferreira", "occurred"), id="speaking-after-the-meeting"),
    pytest.param(
        "Trade Commissioner Anneke Voss flew to Karsburg on Tuesday. Chancellor Dieter Hollmann told "
        "reporters after the meeting: \"Tariffs will fall.\"",
        ("talksWith", "person/anneke-voss", "person/dieter-hollmann", "occurred"), id="told-after-the-meeting"),
]

NEGATIVE = [
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday. Opposition leader Marta Quiroga "
        "held talks with President Tomas Ferreira at the Corvell Palace.", id="named-third-party"),
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday. Last year, talks with President "
        "Tomas Ferreira collapsed at the Corvell Palace.", id="time-shift"),
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday. The president's deputy, Paulo "
        "Mendes, said he would seek talks with Governor Lucia Prado.", id="pronoun-of-another-person"),
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday. Talks with Valdoria focused on "
        "fisheries.", id="place-as-partner"),
    pytest.param(
        "Foreign Minister Ilse Brandt arrived in Valdoria on Monday. On Tuesday the governor spoke at a "
        "rally in Dunmore.", id="town-after-in-is-no-venue"),
    pytest.param(
        "Prime Minister Karin Aas arrived in Solvik on Monday, where she was greeted by Prime Minister "
        "Olav Berg. The prime minister later signed four agreements at the Amber Palace.", id="title-of-two-people"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. He praised the workers at the Velka Stadium.",
        id="no-event-at-the-venue"),
    pytest.param(
        "Chancellor Petra Holm arrived in Ostrava on Monday. Her rival, Ivo Sedlak, spoke at the Velka "
        "Castle, where he met supporters.", id="where-another-person-met"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. After the talks, Berg's spokesman Ivo Sedlak said "
        "the mayor was pleased.", id="spokesman-after-the-talks"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. After the talks with the union, Governor Petra "
        "Hlinka said nothing.", id="meeting-with-its-own-party"),
    pytest.param(
        "Mayor Jonas Berg arrived in Ostrava on Monday. Governor Petra Hlinka hosted a banquet for the city's "
        "nurses at the Velka Castle.", id="banquet-for-others"),
    pytest.param(
        "Senator Rafael Ostrovsky landed in Port Elmira on Sunday. His aide, Tom Reyes, lives at a house on "
        "Harbour Street.", id="someone-else-at-an-address"),
    pytest.param(
        "Governor Lucia Prado held talks with President Tomas Ferreira at the Corvell Palace.",
        id="no-trip-no-frame"),
]


@pytest.mark.parametrize(("text", "fact"), POSITIVE)
def test_infers_facts_of_the_trip(nlp, text, fact):
    assert fact in _inferred(nlp, text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_infers_nothing_outside_the_frame(nlp, text):
    assert _inferred(nlp, text) == set()


def test_inferred_relations_are_marked_and_less_confident(nlp):
    text = HOSTED
    doc, resolution, rules = _run(nlp, text)
    relations = infer(doc, resolution, rules)
    assert relations
    for relation in relations:
        assert relation.rule.startswith("discourse.")
        assert relation.confidence <= 0.7
        assert relation.evidence.text == text[relation.evidence.start:relation.evidence.end]
        assert "Corvell Palace" in relation.evidence.text


def test_known_facts_are_not_repeated(nlp):
    text = ("Trade Commissioner Anneke Voss flew to Karsburg on Tuesday. She was received by Chancellor "
            "Dieter Hollmann at the Linden Palace.")
    doc, resolution, rules = _run(nlp, text)
    pair = ("talksWith", "person/anneke-voss", "person/dieter-hollmann")
    known = {(r.kind, *sorted((r.subject, r.object))) for r in rules}
    assert pair in known
    # without the rule's talk the pass tells it itself; with it, it adds nothing the rules hold
    trips_only = [r for r in rules if r.kind == "visits"]
    assert [(r.kind, r.subject, r.object) for r in infer(doc, resolution, trips_only)] == [pair]
    for relation in infer(doc, resolution, rules):
        assert (relation.kind, *sorted((relation.subject, relation.object))) not in known


def test_frame_ends_at_a_time_shift(nlp):
    text = ("Mayor Jonas Berg arrived in Ostrava on Monday. He toured a steel plant. "
            "Last year, he had opened a school there. The school has 300 pupils.")
    doc, resolution, rules = _run(nlp, text)
    frames = trip_frames(doc, resolution, rules)
    assert [(f.travellers, f.place, f.status, f.first, f.last) for f in frames] == [
        (("person/jonas-berg",), "place/ostrava", "occurred", 0, 1)]


def test_frame_follows_the_trip_to_its_country(nlp):
    text = ("Minister Karin Aas arrived in Solvik on Monday. It is Aas's second visit to Norland this year. "
            "Talks with President Erik Lund focused on fishing quotas.")
    doc, resolution, rules = _run(nlp, text)
    frames = trip_frames(doc, resolution, rules)
    assert [(f.travellers, f.first, f.last) for f in frames] == [(("person/karin-aas",), 0, 2)]


@pytest.mark.parametrize("opener", ["Earlier, the", "Last year, the", "In 2019, the", "Years ago, the"])
def test_time_shift_openers(nlp, opener):
    doc = nlp(f"{opener} minister met the governor.")
    assert D._shifts_time(doc_view(doc), 0)


@pytest.mark.parametrize("opener", ["On Monday, the", "In Ostrava, the", "Later the"])
def test_other_openers_keep_the_frame(nlp, opener):
    doc = nlp(f"{opener} minister met the governor.")
    assert not D._shifts_time(doc_view(doc), 0)


@pytest.mark.parametrize("aside", [
    "She was accompanied by her deputy, Jon Rask, who flew in from Oslo on Monday.",
    "The visit was welcomed by Jon Rask, a banker who flew to Mirovia last week.",
])
def test_a_trip_told_in_an_aside_keeps_the_frame(nlp, aside):
    text = (f"Trade Minister Hanna Lindgren landed in Mirovia on Tuesday. {aside} "
            "Talks with President Sven Ulf focused on grain exports.")
    facts = _inferred(nlp, text)
    assert ("talksWith", "person/hanna-lindgren", "person/sven-ulf", "occurred") in facts
    assert not any("person/jon-rask" in fact for fact in facts)


@pytest.mark.parametrize(("text", "pair"), [
    ("Foreign Minister Ilse Brandt arrived in Valdoria on Monday. A meeting with President Tomas Ferreira "
     "was under consideration, officials said.", ("person/ilse-brandt", "person/tomas-ferreira")),
    ("Mayor Jonas Berg arrived in Ostrava on Monday. Talks with Governor Petra Hlinka remained unconfirmed.",
     ("person/jonas-berg", "person/petra-hlinka")),
    ("Senator Rafael Ostrovsky landed in Port Elmira on Sunday. A dinner with Governor Yusuf Adeyemi was "
     "being explored, his office said.", ("person/rafael-ostrovsky", "person/yusuf-adeyemi")),
])
def test_an_unsettled_meeting_is_speculative(nlp, text, pair):
    assert ("talksWith", *sorted(pair), "speculative") in _inferred(nlp, text)
