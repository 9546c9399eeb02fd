"""The rule tables are well formed: ids, kinds, paths, lexicons and status cues agree."""

from __future__ import annotations

import pytest

from kg import patterns as P
from kg.model import EVENT_STATUSES, RELATION_KINDS

RULES = [*P.VISIT_VERB_RULES, *P.VISIT_NOUN_RULES, *P.TALK_VERB_RULES, *P.TALK_NOUN_RULES]
TYPES = {"Person", "Organization", "Place", "Country"}
DEPS = {"prep", "pobj", "dobj", "xcomp", "advcl", "compound", "agent"}


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.id}/{r.pos and sorted(r.pos)[0]}" for r in RULES])
def test_rule_rows_are_well_formed(rule):
    assert rule.kind in RELATION_KINDS
    assert rule.id.startswith(rule.kind + ".")
    assert 0 < rule.confidence <= 1
    assert rule.lemmas and all(lemma == lemma.lower() and " " not in lemma for lemma in rule.lemmas)
    assert rule.pos <= {"VERB", "NOUN"}
    assert rule.object_types <= TYPES
    assert rule.paths
    for path in rule.paths:
        assert path and all(step.partition(":")[0] in DEPS for step in path)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_visit_rules_point_at_places_and_talk_rules_at_parties(rule):
    if rule.kind == "visits":
        assert rule.object_types == P.PLACE_TYPES
    else:
        assert rule.object_types <= P.PARTY_TYPES


@pytest.mark.parametrize(("rule_id", "confidence"), [
    P.GROUP_RULE, P.SUBJECT_GROUP_RULE, P.MEETING_PLACE_RULE, P.HOST_PLACE_RULE,
    P.FRONTED_PLACE_RULE, P.BE_IN_RULE, P.NOUN_BE_IN_RULE, P.VISITING_RULE, P.CARRY_RULE,
    P.ACCOMPANY_RULE, P.BEEN_TO_RULE, P.HEADLINE_RULE, P.FIRST_BY_RULE,
    P.JOIN_IN_RULE, P.PURPOSE_PLACE_RULE, P.DUE_IN_RULE, P.GERUND_RULE,
    P.DATELINE_TRIP_RULE, P.RETURN_FROM_RULE, P.SIGNED_WITH_RULE, P.GERUND_TALK_RULE,
    P.TOLD_IN_RULE, P.PLACE_IS_STOP_RULE, P.JOINED_FOR_TALKS_RULE, P.GUEST_OF_RULE,
    P.GUEST_IN_RULE, P.JOINED_MEETING_RULE])
def test_structural_rules_have_ids_and_confidences(rule_id, confidence):
    assert rule_id.split(".")[0] in RELATION_KINDS
    assert 0 < confidence <= 1


def test_speech_and_letter_verbs_are_never_talk_triggers():
    talk_lemmas = {lemma for rule in P.TALK_VERB_RULES for lemma in rule.lemmas}
    assert not talk_lemmas & {"tell", "say", "write", "announce", "state", "praise", "criticize"}


def test_origin_and_topic_prepositions_never_lead_to_an_argument():
    visit_steps = {step for rule in RULES if rule.kind == "visits"
                   for path in rule.paths for step in path}
    # a fixed phrase ("a courtesy call on X") or a verb barred from taking an infinitive
    # ("called on X", never "called on X to resign") may use "on"; a bare talk noun never does
    talk_steps = {step for rule in RULES if rule.kind == "talksWith" and not rule.particle
                  and not rule.bare for path in rule.paths for step in path}
    assert not visit_steps & {"prep:from", "prep:about"}
    assert not talk_steps & {"prep:about", "prep:on", "prep:regarding"}


def test_on_leads_to_a_place_only_for_being_on_an_island():
    on_rules = [rule for rule in RULES if rule.kind == "visits"
                and any("prep:on" in path for path in rule.paths)]
    assert on_rules and all(rule.lemmas <= {"visit", "tour", "arrive", "land"} for rule in on_rules)


@pytest.mark.parametrize("kind", ["visits", "talksWith"])
def test_status_cue_tables_do_not_contradict_each_other(kind):
    assert not P.SPECULATIVE_GOVERNORS[kind] & P.CANCEL_LEMMAS
    assert not P.SPECULATIVE_GOVERNORS[kind] & P.NEGATION_GOVERNORS
    assert not P.PLANNED_AUX & P.SPECULATIVE_AUX
    assert not P.CANCEL_LEMMAS & P.NEGATION_GOVERNORS


def test_expected_reads_planned_for_visits_and_speculative_for_talks():
    assert "expect" in P.PLANNED_GOVERNORS
    assert "expect" not in P.SPECULATIVE_GOVERNORS["visits"]
    assert "expect" in P.SPECULATIVE_GOVERNORS["talksWith"]


@pytest.mark.parametrize("rule_ids", [
    P.SEPARATE_PARTNER_RULES, P.LIGHT_VERB_NOUN_RULES, {P.HOST_RULE_ID}])
def test_rule_id_tables_name_rules_that_exist(rule_ids):
    # a renamed rule would silently drop out of a table keyed on its id
    assert rule_ids <= {rule.id for rule in RULES}


def test_every_rule_id_is_unique_per_part_of_speech():
    keys = [(rule.id, rule.pos) for rule in RULES]
    assert len(keys) == len(set(keys))


def test_statuses_named_by_the_model_cover_the_cues():
    assert {"occurred", "planned", "speculative", "cancelled", "negated"} == set(EVENT_STATUSES)


@pytest.mark.parametrize("rule", P.OBJECT_VISIT_RULES, ids=[r.id for r in P.OBJECT_VISIT_RULES])
def test_object_rules_pair_verbs_with_object_nouns(rule):
    assert rule.id.startswith("visits.")
    assert 0 < rule.confidence <= 1
    assert rule.verbs and rule.objects and rule.paths
    assert not rule.verbs & rule.objects
    for path in rule.paths:
        assert all(step.partition(":")[0] in DEPS for step in path)


def test_presupposing_prepositions_are_reached_by_the_governing_chain():
    assert P.PRESUPPOSING_PREPS <= P.NOUN_GOVERNOR_PREPS
