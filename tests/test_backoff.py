"""The learned backoff tier: candidates, generic features, the model file and status cues."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from kg.backoff import (PATH_WORDS, BackoffModel, KindModel, candidates, load_model, pair_key, propose,
                        status)
from kg.errors import ModelError
from kg.extract import Extractor
from kg.model import Article, Relation, Span
from kg.resolve import resolve

# Invented sentences; NAME_WORDS are every name word in them, none of which a feature may show.
SENTENCES = [
    "Trade Minister Ilse Varga flew to Tarnow on Monday and held talks with President Omar Fenn.",
    "Senator Rui Okafor, a member of the Harbour Party, is expected to visit Tarnow next week.",
    "The envoy Mira Solberg met Kaito Brandt of the Northern Grain Board in Veldrin.",
]
NAME_WORDS = {"ilse", "varga", "tarnow", "omar", "fenn", "rui", "okafor", "harbour", "quellport",
              "mira", "solberg", "kaito", "brandt", "northern", "grain", "veldrin"}
POS_TAGS = re.compile(r"^[A-Z]+$")


def _parsed(nlp, text):
    doc = nlp(text)
    resolution = resolve(doc)
    return doc, resolution


def _all_candidates(nlp, text, **kwargs):
    doc, resolution = _parsed(nlp, text)
    return list(candidates(doc, resolution.entities, resolution.token_entity, **kwargs))


@pytest.mark.parametrize("text", SENTENCES)
def test_features_name_no_entity(nlp, text):
    found = _all_candidates(nlp, text)
    assert found
    for candidate in found:
        words = {w for feature in candidate.features for w in re.split(r"[^a-z]+", feature.lower()) if w}
        assert not words & NAME_WORDS, (candidate.pair, sorted(words & NAME_WORDS))
        for feature in candidate.features:
            if feature.startswith("pw="):
                value = feature[3:]
                assert value in PATH_WORDS or POS_TAGS.match(value)


@pytest.mark.parametrize(("text", "kind", "ends"), [
    (SENTENCES[0], "visits", ("Ilse Varga", "Tarnow")),
    (SENTENCES[0], "talksWith", ("Ilse Varga", "Omar Fenn")),
    (SENTENCES[1], "memberOf", ("Rui Okafor", "Harbour Party")),
    (SENTENCES[1], "visits", ("Rui Okafor", "Tarnow")),
])
def test_typed_pairs_are_candidates(nlp, text, kind, ends):
    doc, resolution = _parsed(nlp, text)
    names = {e.key: e.name for e in resolution.entities}
    pairs = {(c.kind, names[c.subject.key], names[c.object.key])
             for c in candidates(doc, resolution.entities, resolution.token_entity)}
    assert (kind, *ends) in pairs or (kind == "talksWith" and (kind, ends[1], ends[0]) in pairs)


@pytest.mark.parametrize("text", [
    "Ilse Varga likes Tarnow and Omar Fenn.",  # no trigger word: no visit, no talk
    "Ilse Varga praised the food of Tarnow.",
])
def test_no_event_candidates_without_a_trigger(nlp, text):
    assert not [c for c in _all_candidates(nlp, text) if c.kind in {"visits", "talksWith"}]


@pytest.mark.parametrize(("text", "traveller"), [
    ("Trade Minister Ilse Varga returned to Tarnow on Friday.", "Ilse Varga"),  # home again
    ("Trade Minister Ilse Varga stayed in Tarnow to chair the meeting.", "Ilse Varga"),
    ("Officials in Tarnow said Trade Minister Ilse Varga would travel abroad.", "Ilse Varga"),  # a source
    ("Omar Fenn said Trade Minister Ilse Varga would travel to Tarnow.", "Omar Fenn"),  # not Fenn's trip
])
def test_no_visit_candidate_without_a_link_or_through_home_and_sources(nlp, text, traveller):
    doc, resolution = _parsed(nlp, text)
    names = {e.key: e.name for e in resolution.entities}
    pairs = {(names[c.subject.key], names[c.object.key])
             for c in candidates(doc, resolution.entities, resolution.token_entity) if c.kind == "visits"}
    assert {"Tarnow", traveller} <= set(names.values())
    assert (traveller, "Tarnow") not in pairs


def test_pairs_the_rules_relate_are_left_out(nlp):
    doc, resolution = _parsed(nlp, SENTENCES[0])
    visit = next(c for c in candidates(doc, resolution.entities, resolution.token_entity) if c.kind == "visits")
    stated = Relation("visits", visit.subject.key, visit.object.key, "occurred", Span("x", 0, 1), "visits.x", 0.9)
    left = {c.pair for c in candidates(doc, resolution.entities, resolution.token_entity, [stated])}
    kept = {c.pair for c in candidates(doc, resolution.entities, resolution.token_entity, [stated],
                                       related_too=True)}
    assert visit.pair not in left
    assert visit.pair in kept


def test_talks_pairs_are_symmetric():
    assert pair_key("talksWith", "person/b", "person/a") == pair_key("talksWith", "person/a", "person/b")
    assert pair_key("visits", "person/b", "place/a") != pair_key("visits", "place/a", "person/b")


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Trade Minister Ilse Varga will travel to Tarnow next week.", "visits", "planned"),
    ("Trade Minister Ilse Varga is expected to fly to Tarnow on Friday.", "visits", "planned"),
    ("Trade Minister Ilse Varga travelled to Tarnow on Monday.", "visits", "occurred"),
    ("Trade Minister Ilse Varga postponed her visit to Tarnow.", "visits", "cancelled"),
    ("Ilse Varga, the former head of the Harbour Party, spoke on Monday.", "memberOf", "former"),
    ("Ilse Varga, the ex-chair of the Harbour Party, spoke on Monday.", "memberOf", "former"),
    ("Ilse Varga, the head of the Harbour Party, spoke on Monday.", "memberOf", "current"),
])
def test_status_from_the_rules_cue_tables(nlp, text, kind, expected):
    found = [c for c in _all_candidates(nlp, text) if c.kind == kind]
    assert found
    assert status(found[0]) == expected


def test_shipped_model_loads():
    model = load_model()
    assert set(model.kinds) == {"visits", "talksWith", "memberOf"}
    for kind_model in model.kinds.values():
        assert 0.0 < kind_model.threshold <= 1.0
        assert kind_model.weights
        # weights are keyed on generic features only
        assert not {w for f in kind_model.weights for w in re.split(r"[^a-z]+", f.lower())} & NAME_WORDS


def test_probability_is_a_sigmoid_of_the_weights():
    model = KindModel(bias=-1.0, weights={"a": 2.0, "b": 0.5}, threshold=0.5)
    assert model.probability(["a"]) == pytest.approx(1 / (1 + 2.718281828459045 ** -1.0))
    assert model.probability([]) < 0.5 < model.probability(["a", "b"])
    assert model.probability(["a"] * 500) < 1.0  # a threshold of 1.0 is never reached


@pytest.mark.parametrize("content", ["not json", json.dumps({"kinds": {"visits": {"bias": 0}}}),
                                     json.dumps({"nothing": 1})])
def test_a_broken_model_file_is_a_model_error(tmp_path, content):
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as err:
        load_model(str(path))
    assert "train_backoff" in err.value.hint


def test_thresholds_of_one_switch_the_tier_off(nlp):
    off = BackoffModel({"visits": KindModel(5.0, {}, 1.0)})
    assert not off.active
    assert Extractor(nlp=nlp, backoff=off).backoff is None
    assert Extractor(nlp=nlp, backoff=False).backoff is None
    doc, resolution = _parsed(nlp, SENTENCES[0])
    assert propose(doc, resolution.entities, resolution.token_entity, [], off) == []


# A fact the rules do not state (an activity verb's place, with the trip in a trailing phrase; with
# the shipped thresholds of 1.0 only a lowered threshold proposes it), and hard negatives.
MISSED = "Trade Minister Ilse Varga opened a factory in Tarnow during her tour on Monday."
HARD_NEGATIVES = [
    "Trade Minister Ilse Varga told Radio Quellport that the talks had failed.",
    "Ilse Varga leads a Tarnow-based group that held talks on grain prices.",
    "Ilse Varga spoke about Omar Fenn at a meeting of the council.",
]


def _proposed(nlp, text, model):
    extractor = Extractor(nlp=nlp, backoff=model)
    extraction = extractor.extract(Article("t", text))
    names = {e.key: e.name for e in extraction.entities}
    return {(r.kind, names[r.subject], names[r.object]) for r in extraction.relations if r.rule.startswith("backoff-")}


def _open(model: BackoffModel, threshold: float) -> BackoffModel:
    return BackoffModel({k: replace(m, threshold=threshold) for k, m in model.kinds.items()})


def test_shipped_weights_propose_a_fact_the_rules_miss(nlp):
    rules_only = Extractor(nlp=nlp, backoff=False).extract(Article("t", MISSED))
    names = {e.key: e.name for e in rules_only.entities}
    assert ("visits", "Ilse Varga", "Tarnow") not in {(r.kind, names[r.subject], names[r.object])
                                                      for r in rules_only.relations}
    doc, resolution = _parsed(nlp, MISSED)
    model = load_model()
    best = max(model.kinds["visits"].probability(c.features)
               for c in candidates(doc, resolution.entities, resolution.token_entity) if c.kind == "visits")
    proposed = _proposed(nlp, MISSED, _open(model, best))
    assert ("visits", "Ilse Varga", "Tarnow") in proposed
    relation = next(r for r in Extractor(nlp=nlp, backoff=_open(model, best)).extract(Article("t", MISSED)).relations
                    if r.rule == "backoff-visits")
    assert relation.confidence == pytest.approx(best, abs=1e-3)
    assert MISSED[relation.evidence.start:relation.evidence.end] == relation.evidence.text


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_are_not_proposed(nlp, text):
    model = load_model()
    shipped = {k: m.threshold for k, m in model.kinds.items()}
    # at the shipped thresholds, and at an even-odds threshold
    for thresholds in (shipped, dict.fromkeys(shipped, 0.5)):
        tier = BackoffModel({k: replace(m, threshold=thresholds[k]) for k, m in model.kinds.items()})
        proposed = _proposed(nlp, text, tier) if tier.active else set()
        assert not {f for f in proposed if f[0] == "talksWith" or f[2] == "Tarnow"}, proposed
