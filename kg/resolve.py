"""Cluster the entity mentions of one article into canonical entities.

Titles and honorifics are stripped from names (and kept as roles and aliases), surnames join
the full name they abbreviate, "State Department" and "U.S. Department of State" are one body,
acronyms join their expansion, and an entity's type is voted over all its mentions so that
one mislabelled "Quill" (GPE) does not split a person. Keys are deterministic
(`kg.model.entity_key`), which resolves entities across articles too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from operator import itemgetter
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.lexicons import (
    CLUB_MARKS,
    COUNTRIES,
    COUNTRY_NAMES,
    DEMONYMS,
    HONORIFICS,
    LEADER_ORG_SUFFIXES,
    LOCATIVE_PREPS,
    MINISTRY_TOPICS,
    ORG_HEADS,
    PARTY_CODES,
    PARTY_WORDS,
    SPEECH_VERBS,
    TITLE_MODIFIERS,
    TITLES,
    TRAVEL_VERBS,
    US_STATES,
)
from kg import gazetteer, venues
from kg.docview import DocView, doc_view
from kg.model import Entity, Mention, entity_key
from kg.nlp import KEPT_LABELS, acronym, title_length

_TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place", "PARTY": "Organization"}
# Ties in the type vote go to the more specific reading.
_TYPE_PRIORITY = {"Person": 3, "Organization": 2, "Place": 1}
_COUNTRY_ALIAS = {alias.lower(): name for name, aliases in COUNTRIES.items() for alias in aliases} | {
    name.lower(): name for name in COUNTRY_NAMES
}
_DEMONYM_TO_COUNTRY = {d.lower(): c for d, c in DEMONYMS.items()}
_PARTY_KEYS = frozenset(PARTY_WORDS)
_PARTY_CODE = re.compile(
    r"(?:\(|,\s)([DRI])\s?[-–]\s?(?:"
    + "|".join(re.escape(state) for state in sorted(US_STATES, key=len, reverse=True))
    + r")(?=[),;]|\s[-–]|$)"
)
_ORG_OF = re.compile(r"^(ministr(?:y|ies)|departments?|offices?|bureaus?|secretariat) of (?:the )?(.+)$")
_SINGULAR = {"ministries": "ministry", "departments": "department", "offices": "office", "bureaus": "bureau"}
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Resolution:
    """Canonical entities of one article and the entity key of every token inside a mention."""

    entities: tuple[Entity, ...] = ()
    token_entity: Mapping[int, str] = field(default_factory=dict)

    def entity_of(self, item: Token | Span | int) -> str | None:
        """Entity key of a token (or token index), or of a span (its root first, then any token)."""
        if isinstance(item, Token):  # the rules' usual question first
            return self.token_entity.get(item.i)
        if isinstance(item, int):
            return self.token_entity.get(item)
        key = self.token_entity.get(item.root.i)
        if key:
            return key
        keys = Counter(self.token_entity[t.i] for t in item if t.i in self.token_entity)
        return keys.most_common(1)[0][0] if keys else None

    def by_key(self, key: str) -> Entity | None:
        """The entity with this key, if any."""
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, Entity]:
        # the rules ask for entities by key thousands of times per hundred articles
        index: dict[str, Entity] = {}
        for entity in self.entities:
            index.setdefault(entity.key, entity)
        return index


class _Group:
    """Mutable cluster used while resolving.

    The merge passes ask every group for its type, canonical name and first name's words
    again and again; those are memoized and recomputed only after the group changes, so
    every change goes through the methods below.
    """

    __slots__ = ("names", "surfaces", "labels", "mentions", "tokens", "roles", "_canonical", "_type", "_name")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.surfaces: list[str] = []
        self.labels: Counter = Counter()
        # (text, start, end, label): a Mention's fields, made a Mention once merging is done
        self.mentions: list[tuple[str, int, int, str]] = []
        self.tokens: list[range] = []
        self.roles: list[str] = []
        self._canonical: str | None = None
        self._type: str | None = None
        self._name: str | None = None

    @property
    def canonical(self) -> str | None:
        return self._canonical

    @canonical.setter
    def canonical(self, value: str | None) -> None:
        self._canonical = value
        self._changed()

    @property
    def type(self) -> str:
        if self._type is None:
            self._type = _voted_type(tuple(self.labels.items()), self._canonical)
        return self._type

    @property
    def name(self) -> str:
        """The canonical name (`_canonical_name`)."""
        if self._name is None:
            self._name = _canonical_name(self)
        return self._name

    @property
    def words(self) -> tuple[str, ...]:
        """Folded words of the first name, which never changes once given."""
        return _folded_words(self.names[0])

    @property
    def first_token(self) -> int:
        return min(r.start for r in self.tokens)

    def add(self, name: str, text: str, start_char: int, tokens: range, label: str, *, vote: bool = False) -> None:
        """One more mention of `text` (from character `start_char`, tokens `tokens`), read as
        `name` and labelled `label`; `vote`: the label counts in the type vote."""
        self.names.append(name)
        self.surfaces.append(text)
        self.mentions.append((text, start_char, start_char + len(text), label))
        self.tokens.append(tokens)
        if vote:
            self.labels[label] += 1
        self._changed()

    def relabel(self, label: str) -> None:
        """Count every mention under `label`: the context showed what the mentions name."""
        self.labels = Counter({label: sum(self.labels.values())})
        self._changed()

    def absorb(self, other: _Group) -> None:
        self.names += other.names
        self.surfaces += other.surfaces
        self.labels += other.labels
        self.mentions += other.mentions
        self.tokens += other.tokens
        self.roles += other.roles
        self._canonical = self._canonical or other._canonical
        self._changed()

    def _changed(self) -> None:
        self._type = self._name = None


# The type is asked for again and again while groups merge; few label tallies recur.
@lru_cache(maxsize=4096)
def _voted_type(labels: tuple[tuple[str, int], ...], canonical: str | None) -> str:
    """The type most mentions were labelled with (ties to the likelier type)."""
    votes: Counter = Counter()
    for label, count in labels:
        votes[_TYPE_OF_LABEL[label]] += count
    if canonical in COUNTRY_NAMES and votes["Place"] >= votes["Person"]:
        return "Place"  # "Gabon" tagged once as a person and once as a place is the country
    if votes["Place"] == votes["Organization"] > votes["Person"] and any(label in ("GPE", "LOC") for label, _ in labels):
        return "Place"  # a town tagged once as a body in a headline; a building ("at the X") may stand for its body
    return max(votes, key=lambda t: (votes[t], _TYPE_PRIORITY[t]))


# Names are folded again and again within an article and across a corpus.
@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", ascii_only).split())


@lru_cache(maxsize=8192)
def _folded_words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


# The same names are abbreviated and keyed again and again.
_acronym = lru_cache(maxsize=8192)(acronym)
_entity_key = lru_cache(maxsize=8192)(entity_key)


@lru_cache(maxsize=8192)
def _without_possessive(form: str) -> str:
    return _POSSESSIVE.sub("", form.strip()).strip()


@lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """Drop a leading "the", a trailing possessive, and leading titles/honorifics from a name."""
    text = _LEADING_ARTICLE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text).strip()
    words = text.split()
    n = title_length([w.lower() for w in words])
    if 0 < n < len(words):
        words = words[n:]
    return " ".join(words)


def resolve(doc: Doc) -> Resolution:
    """Cluster the doc's PERSON/ORG/GPE/LOC/FAC ents (and party forms) into entities."""
    view = doc_view(doc)
    groups: dict[str, _Group] = {}
    for span, label, name, canonical in _mentions(doc, view):
        folded = fold(canonical or name)
        if not folded:
            continue
        group = groups.get(folded)
        if group is None:
            group = groups[folded] = _Group()
        titled = _title_before(view, span.start) if label in ("PERSON", "ORG") else None
        if titled is not None and label == "ORG" and ORG_HEADS.isdisjoint(view.lower[span.start : span.end]):
            # A personal title before a bare name outweighs the model's ORG label.
            label = "PERSON"
        group.add(name, view.text[span.start_char : span.end_char], span.start_char, range(span.start, span.end),
                  label, vote=True)
        if canonical and not group.canonical:
            group.canonical = canonical
        if titled is not None:
            title_start, role = titled
            group.roles.append(role)
            if label == "PERSON":
                group.surfaces.append(view.text[view.tokens[title_start].idx : span.end_char])
    merged = _merge_people(list(groups.values()))
    # Adding a bare surname to its person changes no group's name or type: one table serves both.
    surnames = _surnames(merged)
    _add_bare_surnames(view, merged, surnames)
    merged = _claim_surname_places(doc, merged, surnames)
    merged = _merge_bodies(merged)
    merged = _link_short_forms(view, merged)
    merged = _merge_place_prefixes(merged)
    merged = _merge_venue_short_names(merged)
    merged = _merge_club_short_names(merged)
    merged = _join_bracketed_parties(view, merged)
    return _finish(merged)


def _join_bracketed_parties(view: DocView, groups: list[_Group]) -> list[_Group]:
    """"the Social Democrats (SDP)": the party code in brackets after a party's name is that party,
    whatever longer name the code table gives it."""
    at = {r.start: g for g in groups if g.labels["PARTY"] for r in g.tokens if r.stop - r.start == 1}
    absorbed: set[int] = set()
    codes: dict[str, _Group] = {}
    for group in groups:
        if not group.labels["PARTY"] or id(group) in absorbed:
            continue
        for r in group.tokens:
            k = r.stop
            code = at.get(k + 1)
            if code is not None and code is not group and k + 2 < len(view.tokens) and view.lower[k] == "(" \
                    and view.lower[k + 2] == ")" and view.tokens[k + 1].is_upper:
                group.absorb(code)
                absorbed.add(id(code))
                codes[view.tokens[k + 1].text] = group
    for group in groups:  # the code tagged as a body elsewhere in the article
        owner = codes.get(group.names[0])
        if owner is not None and owner is not group and id(group) not in absorbed and group.type == "Organization":
            group.relabel("PARTY")
            owner.absorb(group)
            absorbed.add(id(group))
    return [g for g in groups if id(g) not in absorbed]


def _surnames(groups: list[_Group]) -> dict[str, list[_Group]]:
    """The people named by more than one word, by the last word of their name."""
    surnames: dict[str, list[_Group]] = {}
    for group in groups:
        words = group.name.split() if group.type == "Person" else []
        if len(words) > 1:
            surnames.setdefault(words[-1], []).append(group)
    return surnames


def _add_bare_surnames(view: DocView, groups: list[_Group], surnames: dict[str, list[_Group]]) -> None:
    """Surnames the model did not tag ("Weber, a member of ...") join their person (`surnames`:
    `_surnames(groups)`)."""
    spelled = _tokens_spelled(view, set(surnames))
    if not spelled:
        return
    taken = {i for g in groups for r in g.tokens for i in r}
    tokens, pos = view.tokens, view.pos
    for token in spelled:
        i = token.i
        owners = surnames[token.text]
        if i in taken or pos[i] != "PROPN":
            continue
        if any(0 <= j < len(tokens) and j not in taken and pos[j] == "PROPN" and tokens[j].text[:1].isupper()
               for j in (i - 1, i + 1)):
            continue
        group = _nearest_before(owners, i) if len(owners) > 1 else owners[0]
        group.add(token.text, token.text, token.idx, range(i, i + 1), "PERSON")


# Words whose object or complement is a place where something is or goes ("in X", "visited X").
_PLACE_PREPOSITIONS = LOCATIVE_PREPS | {"inside", "throughout", "within"}
_PLACE_VERBS = frozenset({"visit", "tour", "leave", "reach", "enter", "invade", "attack", "govern", "rule"})


def _claim_surname_places(doc: Doc, groups: list[_Group], surnames: dict[str, list[_Group]]) -> list[_Group]:
    """"Luís Kestrelia" and then "Kestrelia told journalists": a one-word place that is the surname of
    the one person of that name, and never stands where a place does, is that person (`surnames`:
    `_surnames(groups)`)."""
    if not surnames:
        return groups
    absorbed: set[int] = set()
    for group in groups:
        owners = surnames.get(group.names[0], ())
        if group.type != "Place" or len(owners) != 1:
            continue
        roots = [doc[r.start : r.stop].root for r in group.tokens]
        if any(_stands_as_place(root) for root in roots) or not any(_acts_as_person(root) for root in roots):
            continue
        group.relabel("PERSON")
        group.canonical = None
        owners[0].absorb(group)
        absorbed.add(id(group))
    return [g for g in groups if id(g) not in absorbed]


def _acts_as_person(token: Token) -> bool:
    """"X told journalists", "X will travel", "X's second visit": what people, not places, do."""
    if token.dep_ == "nsubj" and (token.head.lemma_ in SPEECH_VERBS or token.head.lemma_ in TRAVEL_VERBS):
        return True
    return token.dep_ == "poss" and token.head.lemma_ in ("visit", "trip", "tour", "journey")


def _stands_as_place(token: Token) -> bool:
    """The mention is used as a place: after "in"/"to", the object of "visited", or a modifier
    ("a Kestrelia official")."""
    if token.dep_ in ("compound", "amod", "npadvmod"):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    return token.dep_ == "dobj" and token.head.lemma_ in _PLACE_VERBS


def _mentions(doc: Doc, view: DocView):
    """(span, label, cleaned name, canonical name or None) for every usable mention."""
    ents = doc.ents
    for ent in ents:
        label = ent.label_
        if label not in KEPT_LABELS:
            continue
        # Span.text makes a Token per word; the view's text is sliced instead.
        text = view.text[ent.start_char : ent.end_char]
        reading = _read_name(label, text, label == "FAC" and bool(venues.venue_head(ent)))
        if reading is not None:
            yield ent, *reading
    yield from _party_mentions(doc, view, ents)


# A name recurs in most articles and across a corpus; how it reads is worked out once.
@lru_cache(maxsize=8192)
def _read_name(label: str, text: str, venue: bool) -> tuple[str, str, str | None] | None:
    """(label, cleaned name, canonical name or None) of a mention of `text` labelled `label`,
    or None when it names no entity. `venue`: a venue named after a person, which keeps the
    namesake's title ("Sir Tomas Riva Hall")."""
    if venue:
        name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text.strip())).strip()
    else:
        name = clean_name(text)
    if not name or not any(ch.isalpha() for ch in name):
        return None
    folded = name.replace("’", "'").lower()
    if label == "NORP":
        party = PARTY_WORDS.get(folded)
        return ("PARTY", name, party) if party else None
    if folded in _DEMONYM_TO_COUNTRY and label != "PERSON" and folded not in _COUNTRY_ALIAS:
        return None  # "Kestrelian" names a people; "New Zealand" is a demonym and the country's name
    if label == "ORG" and folded in PARTY_WORDS and name[:1].isupper() and " " not in name:
        # "the Tories" tagged as a body is the party its nickname stands for
        return "PARTY", name, PARTY_WORDS[folded]
    if name.lower() in TITLES or name.lower() in HONORIFICS or name.lower() in TITLE_MODIFIERS:
        return None
    if label in ("GPE", "LOC", "ORG") and folded in _COUNTRY_ALIAS:
        return "GPE", name, _COUNTRY_ALIAS[folded]
    return label, name, None


def _party_mentions(doc: Doc, view: DocView, ents: tuple[Span, ...]):
    """Party words the model did not tag, and party codes after a person's name."""
    lower = view.lower
    # most articles name no party word: one set test over the words rules that out at C speed
    party_words = [] if _PARTY_KEYS.isdisjoint(lower) else [i for i, word in enumerate(lower) if word in _PARTY_KEYS]
    if party_words:
        in_ents = {i for ent in ents for i in range(ent.start, ent.end)}
        for i in party_words:
            if i not in in_ents and view.tokens[i].text[:1].isupper():
                pair = doc[i - 1 : i + 1] if i > 0 and i - 1 not in in_ents else None
                party = PARTY_WORDS.get(pair.text.lower()) if pair is not None and pair.text[:1].isupper() else None
                if party:  # "the Social Democrats" the model left untagged is one party, not "Democrats"
                    yield pair, "PARTY", pair.text, party
                else:
                    yield doc[i : i + 1], "PARTY", view.tokens[i].text, PARTY_WORDS[view.lower[i]]
    for match in _PARTY_CODE.finditer(view.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and _near_person(view, span.start):
            yield span, "PARTY", match.group(1), PARTY_CODES[match.group(1)]


def _near_person(view: DocView, start: int) -> bool:
    """A party code belongs right after a person's name: "Rep. Hyde, D-N.J." / "Hyde (R-Texas)"."""
    return "PERSON" in view.ent_type[max(0, start - 3) : start]


def _title_before(view: DocView, start: int) -> tuple[int, str] | None:
    """Where the title phrase right before a mention starting at token `start` begins, and
    its role ("Foreign Minister" in "Foreign Minister Wen")."""
    first = max(0, start - 6)
    lowered = view.lower[first:start]
    for begin in range(first, start):
        if title_length(lowered, begin - first) == start - begin:
            role = _role_of(lowered[begin - first :])
            if role is None:
                return None
            return begin, role
    return None


def _role_of(words: list[str]) -> str | None:
    """The most specific role a title phrase names: "Deputy Prime Minister" before "Prime Minister"."""
    full = list(words)
    while full:
        role = TITLES.get(" ".join(full).replace(" - ", "-"))
        if role is not None:
            return role
        if full[0] not in TITLE_MODIFIERS and full[0] not in HONORIFICS:
            break
        full = full[1:]
    return TITLES.get(" ".join(w for w in words if w not in TITLE_MODIFIERS).replace(" - ", "-"))


def _merge_people(groups: list[_Group]) -> list[_Group]:
    """Join surname/short forms ("Quill", "M. Quill") to the fullest person name."""
    people = sorted((g for g in groups if g.type == "Person" and len(g.words) > 1), key=lambda g: -len(g.words))
    absorbed: set[int] = set()
    for i, short in enumerate(people):
        short_words = short.words
        for full in people[:i]:
            if id(full) in absorbed:
                continue
            full_words = full.words
            if short_words[-1] == full_words[-1] and set(short_words) <= set(full_words) | {w[0] for w in full_words}:
                full.absorb(short)
                absorbed.add(id(short))
                break
    people = [g for g in people if id(g) not in absorbed]
    kept = absorbed | {id(g) for g in people}
    rest = [g for g in groups if id(g) not in kept]
    for group in list(rest):
        words = group.words
        if len(words) > 1 and not group.canonical and ORG_HEADS.isdisjoint(words):
            # "Van Dijk" opening a sentence, typed as a body: the surname of "Marit van Dijk".
            owners = [p for p in people if p.words[-len(words):] == words and len(p.words) > len(words)]
            if len(owners) == 1:
                group.relabel("PERSON")
                owners[0].absorb(group)
                rest.remove(group)
            continue
        if len(words) != 1 or (group.canonical and group.type != "Person"):
            continue
        candidates = [p for p in people if words[0] in (p.words[-1], p.words[0])]
        if group.type == "Place" and gazetteer.is_place(group.names[0]):
            # "went to Sydney" is not Sydney Lowe; only a surname outweighs a known place.
            candidates = [p for p in candidates if p.words[-1] == words[0]]
        if not candidates and group.type == "Person":
            candidates = [p for p in people if _inner_surname(p.names[0], words[0])]
            candidates = candidates if len(candidates) == 1 else []
        if not candidates:
            continue
        if len(candidates) > 1:
            surname = [p for p in candidates if p.words[-1] == words[0]]
            candidates = surname or candidates
        target = _nearest_before(candidates, group.first_token)
        # Being a known person's surname outweighs the model's label on the bare word.
        group.relabel("PERSON")
        target.absorb(group)
        rest.remove(group)
    return people + rest


def _inner_surname(name: str, word: str) -> bool:
    """"Vargas" of "Joao Carlos Vargas da Silva": a capitalized inner word of a name of three or
    more words, which Iberian naming uses alone as the surname; a father's name after "bin" is
    another person's."""
    parts = name.split()
    return len(parts) > 2 and len(word) > 2 and any(
        part[:1].isupper() and fold(part) == word and parts[k - 1].lower() not in _PATRONYMIC_LINKS
        for k, part in enumerate(parts[1:-1], start=1))


_PATRONYMIC_LINKS = frozenset({"bin", "ibn", "bint", "ben", "binti", "bar"})


def _nearest_before(candidates: list[_Group], token: int) -> _Group:
    before = [g for g in candidates if g.first_token <= token]
    if before:
        return max(before, key=lambda g: max(r.start for r in g.tokens if r.start <= token))
    return min(candidates, key=lambda g: g.first_token)


_COUNTRY_PREFIXES = sorted(
    {(fold(alias) + " ", country) for alias, country in _COUNTRY_ALIAS.items() if fold(alias)}
    | {(fold(demonym) + " ", country) for demonym, country in _DEMONYM_TO_COUNTRY.items()},
    key=lambda pair: -len(pair[0]),
)


@lru_cache(maxsize=8192)
def body_signature(name: str) -> tuple[str | None, str]:
    """("united states", "state department") for "U.S. Department of State"."""
    folded = fold(name)
    country = None
    for prefix, prefix_country in _COUNTRY_PREFIXES:
        if folded.startswith(prefix):
            country, folded = prefix_country, folded[len(prefix) :]
            break
    match = _ORG_OF.match(folded)
    if match:
        folded = f"{match.group(2)} {_SINGULAR.get(match.group(1), match.group(1))}"
    return country, folded


def _merge_bodies(groups: list[_Group]) -> list[_Group]:
    """Join "State Department" / "U.S. Department of State" and acronyms to their expansion."""
    orgs = [g for g in groups if g.type == "Organization" and not g.canonical]
    by_core: dict[str, list[_Group]] = {}
    for group in orgs:
        country, core = body_signature(group.names[0])
        by_core.setdefault(core, []).append(group)
    absorbed: set[int] = set()
    for members in by_core.values():
        countries = {body_signature(g.names[0])[0] for g in members} - {None}
        if len(members) < 2 or len(countries) > 1:
            continue
        keep = max(members, key=lambda g: len(g.names[0]))
        for other in members:
            if other is not keep:
                keep.absorb(other)
                absorbed.add(id(other))
    remaining = _merge_narrower_cores([g for g in groups if id(g) not in absorbed])
    expansions = {}
    for group in remaining:
        if group.type in ("Organization", "Place") and len(group.names[0].split()) > 1:
            expansions.setdefault(_acronym(group.name), []).append(group)
    for group in list(remaining):
        name = group.names[0].replace(".", "")
        if len(name) >= 3 and name.isupper() and " " not in name and name not in expansions:
            name = _foreign_initials(name, expansions) or name
        if len(name) >= 2 and name.isupper() and " " not in name and len(expansions.get(name, ())) == 1:
            target = expansions[name][0]
            if target is not group:
                if target.type == "Place":
                    group.relabel("GPE")
                target.absorb(group)
                remaining.remove(group)
    return remaining


def _foreign_initials(short: str, expansions: dict[str, list[_Group]]) -> str | None:
    """The initials of the one body that `short` abbreviates in the name's own language: the same
    letters in another order ("FRMF" for "Royal Moroccan Football Federation"), or the same
    length, first and last letter ("AES" for "Alliance of Sahel States")."""
    bodies = [(initials, g) for initials, members in expansions.items() for g in members if g.type == "Organization"]
    for fits in (lambda i: sorted(i) == sorted(short),
                 lambda i: len(i) == len(short) and i[0] == short[0] and i[-1] == short[-1]):
        found = {initials for initials, _ in bodies if fits(initials)}
        if len(found) == 1 and len(expansions[next(iter(found))]) == 1:
            return found.pop()
    return None


# Head nouns that, capitalized and alone, name the one body of the article ending in them
# ("the Commission" after "the Regional Trade Commission"); vaguer heads ("Office", "Group",
# "Government") and the names of national houses ("Congress", "Parliament", "Senate") are left alone.
_SHORT_FORM_HEADS = frozenset({
    "commission", "council", "ministry", "department", "agency", "committee", "court", "bank", "fund", "authority",
    "directorate", "secretariat", "alliance", "league", "coalition", "bureau", "institute", "foundation",
    "organization", "organisation",
})
# "Lind administration" is the leader's, so "Lind" stays the person.
_LEADER_BODIES = LEADER_ORG_SUFFIXES | {"campaign", "camp", "family", "presidency", "era"}
_BRACKET_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")


def _link_short_forms(view: DocView, groups: list[_Group]) -> list[_Group]:
    """Short forms of a multi-word body join it: the acronym in brackets after its name
    ("Authority on Trade (ATA)"), its first word when the model typed that alone ("Quorvex" of
    "Quorvex Robotics"), and its capitalized head noun alone ("the Commission")."""
    bodies = [g for g in groups if g.type == "Organization" and not g.canonical and len(g.names[0].split()) > 1]
    if not bodies:
        return groups
    bracketed: dict[str, _Group] = {}
    firsts: dict[str, list[_Group]] = {}
    heads: dict[str, list[_Group]] = {}
    lower = view.lower
    for body in bodies:
        for tokens in body.tokens:
            k = tokens.stop
            if k + 2 < len(lower) and lower[k] == "(" and lower[k + 2] == ")":
                code = view.tokens[k + 1].text
                if _BRACKET_ACRONYM.match(code) and sum(ch.isupper() for ch in code) >= 2:
                    bracketed.setdefault(code, body)
        words = body.name.split()
        if words[0][:1].isupper() and words[0].lower() not in _COUNTRY_ALIAS and words[0].lower() not in _DEMONYM_TO_COUNTRY \
                and words[0].lower() not in ORG_HEADS and not title_length([words[0].lower()]) \
                and not all(w.lower() in _LEADER_BODIES for w in words[1:]):
            firsts.setdefault(fold(words[0]), []).append(body)
        if words[-1].lower() in _SHORT_FORM_HEADS:
            heads.setdefault(words[-1].lower(), []).append(body)
    absorbed: set[int] = set()
    body_ids = {id(b) for b in bodies}
    for group in groups:
        if id(group) in body_ids:
            continue
        name = group.names[0]
        target = bracketed.get(name.replace(".", ""))
        if group.canonical:
            # "Liberty Front (LF)" where the code names a known party: the party keeps its name.
            if target is not None and group.type == "Organization" and id(target) not in absorbed:
                group.absorb(target)
                absorbed.add(id(target))
            continue
        folded = fold(name)
        titled_person = group.type == "Person" and bool(group.roles)
        known_place = group.type == "Place" and (gazetteer.is_place(name) or group.labels.get("LOC") or group.labels.get("FAC"))
        if target is None and " " not in folded and not titled_person and not known_place:
            candidates = _parent_first(firsts.get(folded, [])) or (heads.get(folded, []) if group.type == "Organization" else [])
            target = candidates[0] if len(candidates) == 1 else None
        if target is not None:
            group.relabel("ORG")
            target.absorb(group)
            absorbed.add(id(group))
    forms = set(bracketed) | {head.capitalize() for head in heads} | {b.name.split()[0] for v in firsts.values() for b in v}
    spelled = _tokens_spelled(view, forms)
    taken = {i for g in groups for r in g.tokens for i in r} if spelled else set()
    for token in spelled:
        if token.i in taken:
            continue
        target = bracketed.get(token.text)
        if target is None and _stands_alone(view, token.i):
            firms = _parent_first(firsts.get(fold(token.text), [])) if _distinctive(view, token.i) else []
            candidates = heads.get(lower[token.i], []) or firms
            target = candidates[0] if len(candidates) == 1 else None
        if target is not None:
            target.add(token.text, token.text, token.idx, range(token.i, token.i + 1), "ORG")
    return [g for g in groups if id(g) not in absorbed]


def _tokens_spelled(view: DocView, words: set[str]) -> list[Token]:
    """Tokens whose text is one of `words` (compared on the view's lower-case words first, which
    are strings already made, rather than making every token's text)."""
    if not words:
        return []
    lowered = {w.lower() for w in words}
    tokens = view.tokens
    return [tokens[i] for i, word in enumerate(view.lower) if word in lowered and tokens[i].text in words]


# Last words of a parent company's full name ("Arden Holdings" over its unit "Arden Energy").
_PARENT_FORMS = frozenset({"inc", "corp", "corporation", "co", "ltd", "plc", "ag", "sa", "nv", "holdings", "holding",
                           "group", "limited", "llc", "gmbh"})


def _parent_first(bodies: list[_Group]) -> list[_Group]:
    """Of several bodies opening with the same word, the one whose name ends in a legal form."""
    if len(bodies) < 2:
        return bodies
    parents = [b for b in bodies if fold(b.name).split()[-1] in _PARENT_FORMS]
    return parents if len(parents) == 1 else bodies


# Last words of buildings and sites named after their town ("Kestrel Stadium" stands in Kestrel).
_BUILDING_HEADS = frozenset({
    "stadium", "arena", "museum", "gallery", "library", "palace", "chancellery", "castle", "cathedral", "church",
    "mosque", "temple", "airport", "port", "station", "terminal", "hall", "house", "centre", "center", "hotel",
    "university", "college", "school", "hospital", "bridge", "square", "park", "street", "residence", "embassy",
    "building", "tower", "plant", "factory",
})


def _merge_place_prefixes(groups: list[_Group]) -> list[_Group]:
    """A headline's "Kestrel" joins the one "Kestrel Bay" of the article when the gazetteer does
    not know it as a place of its own."""
    longer: dict[str, list[_Group]] = {}
    for group in groups:
        words = _folded_words(group.name)
        if group.type == "Place" and len(words) > 1 and words[-1] not in _BUILDING_HEADS:
            longer.setdefault(words[0], []).append(group)
    return _absorb_one_word_places(groups, longer)


def _absorb_one_word_places(groups: list[_Group], longer: dict[str, list[_Group]]) -> list[_Group]:
    """Each place named by one word that the gazetteer does not know joins the one longer place
    `longer` files under that word."""
    if not longer:
        return groups
    absorbed: set[int] = set()
    for group in groups:
        targets = longer.get(fold(group.names[0]), [])
        if group.type == "Place" and not group.canonical and len(targets) == 1 and targets[0] is not group \
                and not gazetteer.is_place(group.names[0]):
            targets[0].absorb(group)
            absorbed.add(id(group))
    return [g for g in groups if id(g) not in absorbed]


_VENUE_FIRST_WORDS = frozenset(fold(word) for word in venues.HEAD_FIRST)


def _merge_venue_short_names(groups: list[_Group]) -> list[_Group]:
    """"Brissac" is the article's one "Hôtel de Brissac": a venue opened by its head word
    ("Palace of X", "Palacio de X") goes by its last word alone."""
    longer: dict[str, list[_Group]] = {}
    for group in groups:
        words = _folded_words(group.name)
        if group.type == "Place" and len(words) > 2 and words[0] in _VENUE_FIRST_WORDS and words[1] in venues.HEAD_LINKS:
            longer.setdefault(words[-1], []).append(group)
    return _absorb_one_word_places(groups, longer)


def _merge_club_short_names(groups: list[_Group]) -> list[_Group]:
    """"Sporting" is the article's one "Sporting CP": a club goes by its name without its letters,
    whatever the model typed the bare name as."""
    clubs: dict[str, list[_Group]] = {}
    for group in groups:
        words = group.name.split()
        if group.type == "Organization" and len(words) > 1 and (words[-1] in CLUB_MARKS or words[0] in CLUB_MARKS):
            bare = " ".join(words[:-1] if words[-1] in CLUB_MARKS else words[1:])
            clubs.setdefault(fold(bare), []).append(group)
    if not clubs:
        return groups
    absorbed: set[int] = set()
    for group in groups:
        owners = clubs.get(fold(group.names[0]), [])
        if len(owners) == 1 and owners[0] is not group and group.type != "Person":
            group.relabel("ORG")
            group.canonical = None
            owners[0].absorb(group)
            absorbed.add(id(group))
    return [g for g in groups if id(g) not in absorbed]


def _stands_alone(view: DocView, i: int) -> bool:
    """"the Commission said", "a Commission spokesperson": not part of another capitalized name."""
    before = view.tokens[i - 1] if i > 0 else None
    after = view.tokens[i + 1] if i + 1 < len(view.tokens) else None
    named_before = before is not None and before.text[:1].isupper() and not before.is_sent_start and before.lower_ != "the"
    named_after = after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and not title_length([after.lower_])
    return not named_before and not named_after and view.pos[i] in ("PROPN", "NOUN")


# Words that open many body names ("National Grid", "Federal Reserve") and name none alone.
_GENERIC_FIRST_WORDS = frozenset({
    "national", "federal", "central", "international", "royal", "united", "general", "democratic", "social",
    "people", "new", "first", "global", "state", "public", "civil", "supreme", "high", "free", "green", "liberal",
    "conservative", "progressive", "independent", "islamic", "world", "western", "eastern", "northern", "southern",
    "south", "north", "east", "west", "great", "grand", "old", "young", "republican", "labour", "labor", "popular",
})


def _distinctive(view: DocView, i: int) -> bool:
    """A proper noun that is no common name word, first name or place ("Quorvex", not "National")."""
    text = view.tokens[i].text
    return view.pos[i] == "PROPN" and view.lower[i] not in _GENERIC_FIRST_WORDS and not gazetteer.is_given_name(text) \
        and not gazetteer.is_place(text)


def _merge_narrower_cores(groups: list[_Group]) -> list[_Group]:
    """"Trade Ministry" joins the one "Ministry of Foreign Trade" whose words it is part of.

    Only a single wider body with the same head noun and no other country takes the short form,
    so "Security Council" stays apart when two wider councils are named.
    """
    orgs = [g for g in groups if g.type == "Organization" and not g.canonical]
    signatures = {id(g): body_signature(g.names[0]) for g in orgs}
    absorbed: set[int] = set()
    for short in orgs:
        country, core = signatures[id(short)]
        words = core.split()
        if len(words) == 1 and words[0] in MINISTRY_TOPICS:
            wider = [g for g in orgs if g is not short and id(g) not in absorbed
                     and _topic_body(words[0], signatures[id(g)][1].split())]
        elif len(words) < 2 or words[-1] not in ORG_HEADS:
            continue
        else:
            wider = [g for g in orgs if g is not short and id(g) not in absorbed
                     and _narrower(words, signatures[id(g)][1].split())
                     and (country is None or signatures[id(g)][0] in (None, country))]
        if len(wider) == 1:
            wider[0].absorb(short)
            absorbed.add(id(short))
    return [g for g in groups if id(g) not in absorbed]


# Heads of the body a department's topic word alone stands for ("the Treasury", "Finance said").
_TOPIC_BODY_HEADS = frozenset({"department", "ministry", "office", "secretariat"})


def _topic_body(topic: str, wider: list[str]) -> bool:
    """"treasury" alone names the "treasury department" (or "finance ministry") of the article."""
    return len(wider) == 2 and wider[0] == topic and wider[1] in _TOPIC_BODY_HEADS


def _narrower(words: list[str], wider: list[str]) -> bool:
    """"defence ministry" within "national defence ministry" (same head), or "contact group"
    opening "contact group on the region"."""
    if wider[-1] == words[-1] and set(words) < set(wider):
        return True
    return len(wider) > len(words) + 1 and wider[: len(words)] == words and wider[len(words)] in ("of", "for", "in", "on")


def _canonical_name(group: _Group) -> str:
    """The fullest form; a shouted form (dateline "BRUSSELS", transcript label) is title-cased."""
    if group.canonical:
        return group.canonical
    if group.type == "Organization":
        best = max(group.names, key=lambda n: (not (n.isupper() and len(n) > 4), len(n.split()), len(n), n))
    else:
        # "DANA ROWE" (a transcript label) names more than "Dana" does.
        best = max(group.names, key=lambda n: (len(n.split()), not (n.isupper() and len(n) > 4), len(n), n))
    if best.isupper() and len(best) > 4 and group.type in ("Place", "Person"):
        return best.title()
    return best


# a mention tuple's start, then its other fields: a set's order must not decide ties
_MENTION_ORDER = itemgetter(1, 2, 0, 3)


def _finish(groups: list[_Group]) -> Resolution:
    entities: list[Entity] = []
    token_entity: dict[int, str] = {}
    used: dict[str, Entity] = {}
    for group in sorted(groups, key=lambda g: g.first_token):
        entity_type = group.type
        name = group.name
        if entity_type == "Place" and (group.canonical or name in COUNTRY_NAMES):
            entity_type = "Country"
        key = _entity_key(entity_type, name)
        aliases = []
        for form in dict.fromkeys([*group.names, *group.surfaces]):  # a name recurs in most articles
            form = _without_possessive(form)
            if form and form != name and form not in aliases and "\n" not in form:
                aliases.append(form)
        roles = tuple(dict.fromkeys(group.roles))
        # a tuple hashes and compares as the Mention of its fields does: the same order
        found = group.mentions
        ordered = found if len(found) == 1 else sorted(set(found), key=_MENTION_ORDER)
        mentions = tuple([Mention(*m) for m in ordered])
        if key in used:
            previous = used[key]
            merged = Entity(
                key,
                previous.type,
                previous.name,
                tuple(dict.fromkeys([*previous.aliases, *aliases])),
                tuple(sorted(set(previous.mentions + mentions),
                             key=lambda m: (m.start, m.end, m.text, m.label))),
                tuple(dict.fromkeys([*previous.roles, *roles])),
            )
            entities[entities.index(previous)] = merged
            used[key] = merged
        else:
            entity = Entity(key, entity_type, name, tuple(aliases), mentions, roles)
            entities.append(entity)
            used[key] = entity
        for tokens in group.tokens:
            token_entity.update(dict.fromkeys(tokens, key))
    return Resolution(tuple(entities), token_entity)
