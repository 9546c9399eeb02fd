"""A learned second tier: visits, talksWith and memberOf facts the rules did not state.

The rules need a construction they know; many real sentences state a fact in a way no row
covers. This tier scores the pairs of resolved entities that share a sentence with a trigger
word (or, for memberships, a body close to a person) with a logistic model over GENERIC
features only: the dependency path between the two mentions (labels, and the lemmas of the
path's words only when they are words of our own trigger, title and preposition tables, else
their part of speech), trigger class and how both ends hang from it, distance, entity types
and prominence (mention counts), intervening entities, coordination, negation cues, and what
the rules stated in the same sentence. No name or other open-class word is ever a feature, so
the model cannot learn the vocabulary of the passages it was trained on.

The weights are data (`backoff_model.json`, written by `benchmarks/train_backoff.py`); scoring
is a dot product and a sigmoid. A pair is proposed only when the rules relate it in no way of
that kind, and only above the kind's threshold, which the training script picks on passages
the weights were not fitted on; a threshold of 1.0 turns a kind off.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from spacy.tokens import Doc, Token

from kg import lexicons as L
from kg import patterns as P
from kg.errors import ModelError
from kg.events import status_of
from kg.membership import FORMER_CUES
from kg.model import RELATION_KINDS, Entity, Relation, Span

MODEL_FILE = "backoff_model.json"

# Trigger words per kind, all drawn from the rule tables, with the class each one feeds the
# model. The first class listing a word wins.
TRIGGER_CLASSES: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "visits": (
        ("travel", P.TRAVEL_LEMMAS | L.TRAVEL_VERBS | P.ARRIVAL_LEMMAS | P.RETURN_LEMMAS
         | P.DEPARTURE_LEMMAS),
        ("trip", P.TRIP_NOUNS | frozenset().union(*(r.lemmas for r in P.VISIT_NOUN_RULES))),
        ("host", P.HOST_PLACE_LEMMAS | P.HOST_TO_LEMMAS),
        ("meet", P.MEETING_PLACE_LEMMAS),
        ("activity", P.ACTIVITY_LEMMAS | frozenset().union(*(r.verbs for r in P.OBJECT_VISIT_RULES))),
    ),
    "talksWith": (
        ("meet", P.TALK_GROUP_VERBS | frozenset().union(*(r.lemmas for r in P.TALK_VERB_RULES))),
        ("talk_noun", P.TALK_GROUP_NOUNS),
        ("host", P.HOST_PLACE_LEMMAS),
        ("sign", P.SIGN_VERBS | P.AGREEMENT_NOUNS),
        ("tell", P.TOLD_IN_VERBS),
    ),
}
_TRIGGER_CLASS: dict[str, dict[str, str]] = {
    kind: {word: name for name, words in reversed(classes) for word in words}
    for kind, classes in TRIGGER_CLASSES.items()
}
# Words a path may show as themselves; any other word shows only its part of speech.
_PREPOSITIONS = L.LOCATIVE_PREPS | frozenset(
    "with between of for by on during after before about among alongside against over "
    "under as like than including".split())
PATH_WORDS: frozenset[str] = frozenset().union(
    *(words for classes in TRIGGER_CLASSES.values() for _, words in classes),
    _PREPOSITIONS, P.TITLE_NOUNS, P.GROUP_NOUNS, P.REPRESENTATIVE_NOUNS, P.GROUP_PART_NOUNS,
    P.NOT_TALK_PARTNER_NOUNS, P.PLAN_NOUNS, P.PLANNED_GOVERNORS, P.CANCEL_LEMMAS,
    P.NEGATION_GOVERNORS, P.NEGATION_WORDS, P.PLANNED_AUX, P.SPECULATIVE_AUX,
    L.SPEECH_VERBS, L.ORG_HEADS, L.LEADER_ORG_SUFFIXES, FORMER_CUES,
    (word for title in L.TITLES for word in title.split()),
    frozenset("be have and or but who which that to from".split()))

AGENT_TYPES = frozenset({"Person", "Organization"})
PLACE_TYPES = frozenset({"Place", "Country"})
PARTY_TYPES = frozenset({"Person", "Organization", "Country"})
MEMBER_TYPES = frozenset({"Person", "Country"})
BODY_TYPES = frozenset({"Organization"})
# A place reached through these is home or a source, not a visit ("returns to X", "stayed in
# X", "according to X", "officials in X said"); the rules leave such pairs alone on purpose.
HOMEWARD_LEMMAS = P.RETURN_LEMMAS | frozenset({"stay", "remain"})
NOT_VISIT_PATH_LEMMAS = HOMEWARD_LEMMAS | L.SPEECH_VERBS
MEMBER_WINDOW = 12  # tokens between a person and a body for a membership candidate
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MAX_PATH_EDGES = 5


@dataclass(frozen=True)
class Mention:
    """A run of tokens resolved to one entity within a sentence."""

    key: str
    type: str
    start: int
    end: int
    head: Token


@dataclass(frozen=True)
class Candidate:
    """One pair of mentions in one sentence that may state a fact of `kind`."""

    kind: str
    subject: Mention
    object: Mention
    trigger: Token | None
    features: frozenset[str]

    @property
    def pair(self) -> tuple[str, str, str]:
        return pair_key(self.kind, self.subject.key, self.object.key)


def pair_key(kind: str, subject: str, obj: str) -> tuple[str, str, str]:
    """(kind, subject, object) with talksWith's symmetric ends in one order."""
    if kind == "talksWith":
        subject, obj = sorted((subject, obj))
    return kind, subject, obj


@dataclass(frozen=True)
class KindModel:
    """Weights, bias and proposal threshold of one relation kind."""

    bias: float
    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True)
class BackoffModel:
    """The per-kind models; a kind missing here is never proposed."""

    kinds: Mapping[str, KindModel]

    @property
    def active(self) -> bool:
        """Whether any kind can be proposed at all (a threshold of 1.0 turns a kind off)."""
        return any(m.threshold < 1.0 for m in self.kinds.values())

    @classmethod
    def from_dict(cls, data: Mapping[str, object], source: str = MODEL_FILE) -> BackoffModel:
        try:
            kinds = {
                kind: KindModel(float(entry["bias"]), {str(k): float(v) for k, v in entry["weights"].items()},
                                float(entry["threshold"]))
                for kind, entry in data["kinds"].items() if kind in RELATION_KINDS
            }
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise ModelError(f"{source}: not a backoff model ({err!r})",
                             "regenerate it with `python benchmarks/train_backoff.py`") from err
        return cls(kinds)

    def to_dict(self) -> dict[str, object]:
        return {"kinds": {kind: {"bias": m.bias, "threshold": m.threshold,
                                 "weights": dict(sorted(m.weights.items()))}
                          for kind, m in self.kinds.items()}}


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> BackoffModel:
    """The shipped model (or the one at `path`)."""
    source = Path(path) if path else files("kg") / MODEL_FILE
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ModelError(f"{source}: cannot read the backoff model ({err})",
                         "reinstall newskg or regenerate it with `python benchmarks/train_backoff.py`") from err
    return BackoffModel.from_dict(data, str(source))


def propose(doc: Doc, entities: Iterable[Entity], token_entity: Mapping[int, str],
            rule_relations: Iterable[Relation], model: BackoffModel) -> list[Relation]:
    """Facts the model believes in above its thresholds, for pairs the rules left unrelated."""
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for candidate in candidates(doc, entities, token_entity, rule_relations):
        kind_model = model.kinds.get(candidate.kind)
        if kind_model is None:
            continue
        p = kind_model.probability(candidate.features)
        if p >= kind_model.threshold and p > best.get(candidate.pair, (-1.0, None))[0]:
            best[candidate.pair] = (p, candidate)
    return [relation(candidate, p) for p, candidate in best.values()]


def relation(candidate: Candidate, probability: float) -> Relation:
    """The Relation a candidate states, with the model's probability as its confidence."""
    doc = candidate.subject.head.doc
    sent = doc[candidate.object.start].sent
    text = doc.text
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Relation(candidate.kind, candidate.subject.key, candidate.object.key, status(candidate),
                    Span(text[start:end], start, end), f"backoff-{candidate.kind}",
                    round(probability, 3))


def status(candidate: Candidate) -> str:
    """The status the rules' cue tables give the candidate's trigger (or membership cues)."""
    if candidate.kind == "memberOf":
        # "former X leader Y", "Y, the ex-chair of X": a cue just before or between the two
        s, o = candidate.subject, candidate.object
        doc = s.head.doc
        lo = max(s.head.sent.start, min(s.start, o.start) - 3)
        window = {t.lower_.rstrip("-") for t in doc[lo:max(s.start, o.start)]}
        return "former" if FORMER_CUES & window else "current"
    if candidate.trigger is None:
        return "occurred"
    return status_of(candidate.trigger, candidate.kind)


def candidates(doc: Doc, entities: Iterable[Entity], token_entity: Mapping[int, str],
               rule_relations: Iterable[Relation] = (), *, related_too: bool = False) -> Iterator[Candidate]:
    """Every typed mention pair of every kind, minus the pairs the rules already relate.

    `related_too` keeps those pairs as well (training learns how stated facts are worded from
    them). What the rules found in the same sentence for either end is a feature.
    """
    entities = list(entities)
    types = {entity.key: entity.type for entity in entities}
    salience = _salience(entities)
    rule_relations = list(rule_relations)
    related = {pair_key(r.kind, r.subject, r.object) for r in rule_relations}
    for index, sent in enumerate(doc.sents):
        mentions = _mentions(sent, types, token_entity)
        if len({m.key for m in mentions}) < 2:
            continue
        stated = _stated_in(sent, rule_relations)
        for kind in RELATION_KINDS:
            triggers = [t for t in sent if _trigger_class(kind, t)] if kind != "memberOf" else []
            if kind != "memberOf" and not triggers:
                continue
            for subject, obj in _pairs(kind, mentions):
                pair = pair_key(kind, subject.key, obj.key)
                if subject.key == obj.key or (pair in related and not related_too):
                    continue
                if kind == "memberOf" and _gap(subject, obj) > MEMBER_WINDOW:
                    continue
                if kind == "visits" and _reached_through(subject, obj, NOT_VISIT_PATH_LEMMAS):
                    continue
                trigger = _trigger_for(kind, subject, obj, triggers) if triggers else None
                if trigger is not None and not _linked(subject, obj, trigger):
                    continue
                f = features(kind, subject, obj, trigger, mentions, index)
                f |= {f"{end}_{value}" for end, m in (("s", subject), ("o", obj)) for value in salience[m.key]}
                f |= {f"rules_{end}_{kind}" for end, key in (("s", subject.key), ("o", obj.key))
                      if any(k == kind and key in ends and ends != {subject.key, obj.key}
                             for k, ends in stated)}
                yield Candidate(kind, subject, obj, trigger, frozenset(f))


def _linked(a: Mention, b: Mention, trigger: Token) -> bool:
    """A syntactic link, not co-occurrence: one end is an argument of the trigger (or of the
    verb a trigger noun hangs from) and the other lies inside the trigger's phrase."""
    anchors = {trigger.i, trigger.head.i}
    for first, second in ((a, b), (b, a)):
        head = first.head
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            head = head.head
        if (head.head.i in anchors and head.dep_ in _SUBJECT_DEPS | {"poss", "agent"}
                and trigger.left_edge.i <= second.head.i <= trigger.right_edge.i):
            return True
    return False


def _reached_through(a: Mention, b: Mention, lemmas: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in lemmas for t in _path_tokens(a.head, b.head))


def _salience(entities: list[Entity]) -> dict[str, tuple[str, ...]]:
    """How prominent each entity is in the article: its mention count and whether it is the
    most mentioned of its type (the story's protagonist travels; a passing name rarely does)."""
    top: dict[str, tuple[int, str]] = {}
    for entity in entities:
        count = len(entity.mentions)
        if count > top.get(entity.type, (0, ""))[0]:
            top[entity.type] = (count, entity.key)
    return {e.key: (f"mentions={_bucket(len(e.mentions), (1, 3))}",
                    f"top={top.get(e.type, (0, ''))[1] == e.key}",
                    f"words={_bucket(len(e.name.split()), (1, 2))}") for e in entities}


def _stated_in(sent, relations: list[Relation]) -> list[tuple[str, set[str]]]:
    """(kind, ends) of the rules' relations whose evidence lies in this sentence."""
    start, end = sent.start_char, sent.end_char
    return [(r.kind, {r.subject, r.object}) for r in relations
            if r.evidence.start < end and r.evidence.end > start]


def _mentions(sent, types: Mapping[str, str], token_entity: Mapping[int, str]) -> list[Mention]:
    found: list[Mention] = []
    i = sent.start
    while i < sent.end:
        key = token_entity.get(i)
        if key is None or key not in types:
            i += 1
            continue
        j = i + 1
        while j < sent.end and token_entity.get(j) == key:
            j += 1
        run = sent.doc[i:j]
        found.append(Mention(key, types[key], i, j, run.root))
        i = j
    return found


def _pairs(kind: str, mentions: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    everyone = mentions
    if kind == "visits":
        for s in everyone:
            if s.type in AGENT_TYPES:
                yield from ((s, o) for o in mentions if o.type in PLACE_TYPES)
    elif kind == "talksWith":
        for a_index, a in enumerate(everyone):
            for b in everyone[a_index + 1:]:
                if a.type in PARTY_TYPES and b.type in PARTY_TYPES:
                    yield a, b
    else:
        for s in everyone:
            if s.type in MEMBER_TYPES:
                yield from ((s, o) for o in mentions if o.type in BODY_TYPES)


def _trigger_class(kind: str, token: Token) -> str | None:
    table = _TRIGGER_CLASS[kind]
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _trigger_for(kind: str, a: Mention, b: Mention, triggers: list[Token]) -> Token:
    """The trigger on the pair's dependency path, else the one nearest the pair."""
    on_path = {t.i for t in _path_tokens(a.head, b.head)}
    inside = [t for t in triggers if t.i in on_path]
    if inside:
        return inside[0]
    middle = (a.head.i + b.head.i) / 2
    return min(triggers, key=lambda t: abs(t.i - middle))


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """The tokens from a up to the lowest common ancestor, and from it down to b."""
    up = _ancestors(a)
    down = _ancestors(b)
    positions = {t.i: n for n, t in enumerate(down)}
    for n, t in enumerate(up):
        if t.i in positions:
            return up[:n + 1], list(reversed(down[:positions[t.i] + 1]))
    return up, list(reversed(down))


def _path_tokens(a: Token, b: Token) -> list[Token]:
    up, down = _path(a, b)
    return [*up, *down[1:]]


def word(token: Token) -> str:
    """A token as a feature may show it: a table word's lemma, else its part of speech."""
    lemma = token.lemma_.lower()
    if lemma in PATH_WORDS:
        return lemma
    if token.lower_ in PATH_WORDS:
        return token.lower_
    return token.pos_


def features(kind: str, s: Mention, o: Mention, trigger: Token | None,
             mentions: list[Mention], sentence_index: int) -> frozenset[str]:
    """The generic description of one candidate pair."""
    a, b = s.head, o.head
    up, down = _path(a, b)
    edges = len(up) + len(down) - 2
    path = [f"{t.dep_}^" + (word(t.head) if t.head.i != up[-1].i else "") for t in up[:-1]]
    path.append(f"[{word(up[-1])}]")
    path += [f"v{t.dep_}" + (":" + word(t) if t is not down[-1] else "") for t in down[1:]]
    middle = [*up[1:], *down[1:-1]]
    f = {
        f"types={s.type}>{o.type}",
        f"plen={min(edges, 8)}",
        f"path={' '.join(path) if edges <= _MAX_PATH_EDGES else 'long'}",
        f"edges={' '.join(t.dep_ for t in up[:-1])}|{' '.join(t.dep_ for t in down[1:])}"
        if edges <= _MAX_PATH_EDGES + 1 else "edges=long",
        f"lca={word(up[-1])}",
        f"sdep={a.dep_}:{word(a.head)}",
        f"odep={b.dep_}:{word(b.head)}",
        f"sner={a.ent_type_ or '-'}",
        f"oner={b.ent_type_ or '-'}",
        f"dist={_bucket(abs(a.i - b.i), (3, 7, 15))}",
        f"order={'so' if a.i < b.i else 'os'}",
        f"sent={_bucket(sentence_index, (0, 1, 4))}",
        f"n_ent={_bucket(len({m.key for m in mentions}), (2, 3, 5))}",
    }
    f.update(f"pw={word(t)}" for t in middle)
    if b in a.conjuncts or a in b.conjuncts:
        f.add("coordinated")
    lo, hi = sorted((s.end, o.start)) if s.start < o.start else sorted((o.end, s.start))
    for m in mentions:
        if lo <= m.start < hi and m.key not in {s.key, o.key}:
            if m.type == o.type or (m.type in PLACE_TYPES and o.type in PLACE_TYPES):
                f.add("between_like_object")
            if m.type == s.type:
                f.add("between_like_subject")
    if any(c.dep_ == "neg" for t in middle for c in t.children):
        f.add("negated_path")
    if any(c.dep_ == "aux" and c.lower_ in P.SPECULATIVE_AUX for t in middle for c in t.children):
        f.add("modal_path")
    if any(t.lemma_.lower() in L.SPEECH_VERBS for t in middle):
        f.add("speech_on_path")
    if trigger is not None:
        f |= _trigger_features(kind, s, o, trigger, {t.i for t in [*up, *down]})
    else:
        f |= _membership_features(s, o)
    return frozenset(f)


def _trigger_features(kind: str, s: Mention, o: Mention, trigger: Token, on_path: set[int]) -> set[str]:
    a, b = s.head, o.head
    f = {f"trig={trigger.lemma_.lower()}", f"tclass={_trigger_class(kind, trigger)}",
         f"tpos={trigger.pos_}"}
    if trigger.i in on_path:
        f.add("trig_on_path")
    head = trigger.head if trigger.pos_ == "NOUN" else trigger
    if a.head.i in {trigger.i, head.i} and a.dep_ in _SUBJECT_DEPS | {"poss", "agent"}:
        f.add(f"s_arg={a.dep_}")
    if a.head.dep_ == "agent" and a.head.head.i == trigger.i:
        f.add("s_arg=agent")
    if trigger.left_edge.i <= b.i <= trigger.right_edge.i:
        f.add("o_under_trig")
    if b.head.dep_ == "prep" and b.head.head.i == trigger.i:
        f.add(f"o_prep={word(b.head)}")
    f.add(f"tdist={_bucket(min(abs(trigger.i - a.i), abs(trigger.i - b.i)), (1, 3, 8))}")
    # how the two ends hang from the trigger, together: "subject + 'to' object" is one cue
    s_arg = next((x[6:] for x in f if x.startswith("s_arg=")), "-")
    o_arg = next((x[7:] for x in f if x.startswith("o_prep=")), "under" if "o_under_trig" in f else "-")
    f.add(f"frame={_trigger_class(kind, trigger)}|{s_arg}|{o_arg}")
    f.add(f"frame_types={s.type}|{s_arg}|{o.type}|{o_arg}")
    return f


def _membership_features(s: Mention, o: Mention) -> set[str]:
    doc = s.head.doc
    lo = max(s.head.sent.start, s.start - 4)
    f = {f"gap={_bucket(_gap(s, o), (0, 2, 5))}"}
    f.update(f"left={word(t)}" for t in doc[lo:s.start] if word(t) in PATH_WORDS)
    lo, hi = (s.end, o.start) if s.start < o.start else (o.end, s.start)
    f.update(f"inside={word(t)}" for t in doc[lo:hi] if word(t) in PATH_WORDS)
    if any(t.lower_ in FORMER_CUES for t in doc[max(s.head.sent.start, s.start - 3):s.start]):
        f.add("former_cue")
    return f


def _gap(a: Mention, b: Mention) -> int:
    return max(b.start - a.end, a.start - b.end, 0)


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"
