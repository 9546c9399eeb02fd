"""Article-level inference over trip frames: facts told without naming the traveller again.

News stories establish a trip once ("X arrived in P on Monday") and then tell what happened on
it without repeating X ("Talks with Y focused on trade", "He was received by Y", "The visit
included a stop at the Q"). The sentence rules (`kg.events`) see only one sentence; this pass
reads their visits relations as TRIP FRAMES (traveller(s), destination, status, sentences)
and, inside a frame, links the traveller to
- the one named partner of a meeting told without its other party ("talks with Y", "was
  received by Y", "Y hosted the visitor", "a lunch for the visitor", "after the meeting, Y said");
- the named venue where the trip's events take place ("talks at the Q", "toured Q", "Q, where
  the meeting took place").
A fact takes the sentence's own status cue, else a planned trip plans it. Everything here is a
weaker inference than a rule's, so it carries a lower confidence and never repeats a rule fact.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.docview import DocView, doc_view
from kg.events import sentence_evidence, status_of
from kg.model import Relation
from kg.patterns import PRONOUNS_PLURAL, PRONOUNS_SINGULAR
from kg.resolve import Resolution
from kg.venues import HEAD_FIRST, SITE_WORDS, VENUE_HEADS

# Nouns of a meeting whose "with Y" names the other party ("talks with Y", "a dinner with Y").
MEETING_NOUNS: frozenset[str] = frozenset({
    "talk", "talks", "meeting", "dinner", "lunch", "luncheon", "breakfast", "banquet", "audience",
    "consultation", "consultations", "discussion", "discussions", "conversation", "session",
    "call", "encounter", "summit", "negotiation", "negotiations",
})
# Prepositions that date a statement by the meeting it follows ("after the meeting, Y said").
MEETING_TIME_PREPS: frozenset[str] = frozenset({"after", "following"})
SAY_VERBS: frozenset[str] = frozenset({"say", "tell", "describe", "call", "add", "announce", "write", "post", "speak"})
# Title words of people who speak for a side rather than meet it ("the mayor's spokesman").
STAFF_TITLE_WORDS: frozenset[str] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "press secretary",
})
# Verbs whose passive agent is the traveller's host ("was received by Y").
HOST_VERBS: frozenset[str] = frozenset({"receive", "welcome", "greet", "host", "meet", "hug", "embrace"})
# Verbs of giving a meal in someone's honour ("Y hosted a lunch for the visitor").
MEAL_HOST_VERBS: frozenset[str] = frozenset({"host", "give", "offer", "throw"})
MEAL_NOUNS: frozenset[str] = frozenset({
    "lunch", "luncheon", "dinner", "breakfast", "banquet", "reception", "supper", "tea", "brunch",
})
# Object words that stand for the traveller when the host is the subject ("Y hosted the visitor").
GUEST_WORDS: frozenset[str] = frozenset({
    "visitor", "visitors", "guest", "guests", "delegation", "him", "her", "them", "envoy", "delegates",
})
# Subjects that stand for every traveller of the frame ("the delegation", "the siblings").
GROUP_SUBJECTS: frozenset[str] = frozenset({
    "delegation", "visitor", "visitors", "guest", "guests", "team", "group", "siblings", "couple",
    "duo", "trio", "delegates", "entourage",
})
# Subjects that stand for the trip or its main traveller ("the visit", "the two leaders").
FRAME_SUBJECTS: frozenset[str] = frozenset({
    "visit", "trip", "tour", "talks", "meeting", "itinerary", "programme", "program", "stop", "day",
    "pair", "two", "sides", "leaders", "side", "consultation", "consultations",
})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "that"})
# Words of a venue's event whose "at Q" places the traveller at Q.
VENUE_EVENT_WORDS: frozenset[str] = frozenset({
    "talk", "talks", "meeting", "dinner", "lunch", "luncheon", "breakfast", "banquet", "ceremony",
    "reception", "stop", "visit", "tour", "wreath", "speech", "address", "conference", "signing",
    "hold", "lay", "meet", "speak", "attend", "receive", "welcome", "greet", "host", "sign",
    "inspect", "deliver", "dine", "include", "arrive", "hug", "homily", "sermon", "mass", "remarks",
    "lecture", "rally", "recital", "concert", "workshop",
})
# Verbs whose direct object is a venue the traveller goes to ("toured Q").
VENUE_OBJECT_VERBS: frozenset[str] = frozenset({"tour", "visit", "inspect", "include"})
VENUE_PREPS: frozenset[str] = frozenset({"at", "inside", "outside", "in"})
# Unnamed sites a named street or building then locates ("his residence on Q Road").
SITE_NOUNS: frozenset[str] = frozenset({"residence", "home", "office", "offices", "headquarters", "house", "villa"})
# Sentence openings that move the story to another time: the frame ends there.
TIME_SHIFT_OPENERS: frozenset[str] = frozenset({
    "earlier", "previously", "last", "before", "in", "since", "back", "years", "months", "once",
})
TIME_SHIFT_SECOND: Mapping[str, frozenset[str]] = {
    "last": frozenset({"year", "month", "week", "time", "spring", "summer", "autumn", "fall", "winter"}),
    "before": frozenset({"that", "then"}),
    "in": frozenset(),  # a year: "In 2019, ..."
    "back": frozenset({"in", "then"}),
    "years": frozenset({"ago", "earlier", "before"}),
    "months": frozenset({"ago", "earlier", "before"}),
}
# Dependencies from a name up to the main verb that keep it the main clause's subject.
MAIN_PATH: frozenset[str] = frozenset({"compound", "flat", "appos", "conj", "nsubj", "nsubjpass", "cc", "punct"})
# How far up from a venue's preposition its event word may be.
EVENT_DEPTH = 2
# How many heads a subject search climbs: bounds the walk on a deep or run-on parse.
CLAUSE_CLIMB = 12
# A frame lasts at most this many sentences after its first.
FRAME_SPAN = 6
# Words saying that an event told as its clause's subject is not settled ("an audience with Y was
# under consideration").
UNCONFIRMED_WORDS: frozenset[str] = frozenset({
    "consideration", "considered", "possible", "unconfirmed", "explored", "tentative", "mooted", "unclear",
})
CONFIDENCE = 0.6
FRAME_STATUSES = frozenset({"occurred", "planned"})


@dataclass(frozen=True)
class Frame:
    """One trip told by the rules: who travels where, how sure, and the sentences it spans."""

    travellers: tuple[str, ...]
    place: str
    status: str
    first: int
    last: int


def infer(doc: Doc, resolution: Resolution, relations: Sequence[Relation]) -> list[Relation]:
    """Talks and venue visits of the trips the rule relations establish (rule 'discourse.*')."""
    view = doc_view(doc)
    frames = _trip_frames(view, resolution, relations)
    if not frames:
        return []
    story = _Story(view, resolution, relations)
    candidates = _candidates(view)
    found: list[Relation] = []
    for frame in frames:
        # a frame's sentences are consecutive: its words run from its first sentence's start
        start, end = view.sent_bounds[frame.first][0], view.sent_bounds[frame.last][1]
        for i in candidates[bisect_left(candidates, start) : bisect_left(candidates, end)]:
            for relation in _word_facts(view, i, frame, story):
                key = _pair_key(relation.kind, relation.subject, relation.object)
                if key not in story.known:
                    story.known.add(key)
                    found.append(relation)
    return found


class _Story:
    """What the pass needs to know of the article: entity types, people in order, known facts."""

    def __init__(self, view: DocView, resolution: Resolution, relations: Sequence[Relation]) -> None:
        self.view = view
        self.resolution = resolution
        self.types = {entity.key: entity.type for entity in resolution.entities}
        self.entities = {entity.key: entity for entity in resolution.entities}
        people = sorted((i, key) for i, key in resolution.token_entity.items()
                        if self.types.get(key) == "Person")
        self.person_tokens = [i for i, _ in people]
        self.person_keys = [key for _, key in people]
        self.known = {_pair_key(r.kind, r.subject, r.object) for r in relations}
        self.visitors = {r.subject for r in relations if r.kind == "visits"}

    def bearers(self, title: str) -> tuple[str, ...]:
        """People whose title ends with `title` ('prime minister', 'president')."""
        return tuple(key for key, entity in self.entities.items() if entity.type == "Person" and any(
            role.lower() == title or role.lower().endswith(" " + title) for role in entity.roles))

    def is_staff(self, key: str) -> bool:
        """A spokesperson or aide, whose words after a meeting are not their own talks."""
        entity = self.entities.get(key)
        return entity is not None and any(
            role.lower().endswith(word) for role in entity.roles for word in STAFF_TITLE_WORDS)

    def entity_of(self, token: Token) -> str | None:
        return self.resolution.entity_of(token)

    def last_person_before(self, i: int, skip: frozenset[str] = frozenset()) -> str | None:
        """The person named last before token `i` (other than `skip`): the antecedent a pronoun
        most likely has."""
        n = bisect_left(self.person_tokens, i)
        while n and self.person_keys[n - 1] in skip:
            n -= 1
        return self.person_keys[n - 1] if n else None


def trip_frames(doc: Doc, resolution: Resolution, relations: Sequence[Relation]) -> list[Frame]:
    """Frames from the visits relations, each holding until the next trip or a change of time.

    The same travellers going on with the same status ("his visit to <country>", "he then flew
    to Q") stay in one frame, whose place is the latest one more specific than a country; the
    article's first trip also covers the lead before it, where stories often tell its events
    before its arrival.
    """
    return _trip_frames(doc_view(doc), resolution, relations)


def _trip_frames(view: DocView, resolution: Resolution, relations: Sequence[Relation]) -> list[Frame]:
    visits = [r for r in relations if r.kind == "visits" and r.status in FRAME_STATUSES]
    if not visits:
        return []
    sentences = view.sent_bounds
    starts = [view.tokens[start].idx for start, _ in sentences]
    by_sentence: dict[int, list[Relation]] = {}
    for relation in visits:
        by_sentence.setdefault(_sentence_at(starts, relation.evidence.start), []).append(relation)
    breaks = {i for i in range(len(sentences)) if _shifts_time(view, i)}
    types = {entity.key: entity.type for entity in resolution.entities}
    frames: list[Frame] = []
    for first in sorted(by_sentence):
        trips = by_sentence[first]
        travellers = _in_order(sentences[first], {r.subject for r in trips}, resolution)
        place = _most_specific(types, [r.object for r in trips])
        status = "planned" if all(r.status == "planned" for r in trips) else "occurred"
        previous = frames[-1] if frames else None
        if previous is not None and not _told_as_main(view, sentences[first], set(travellers), resolution):
            continue
        if (previous is not None and status == previous.status and set(travellers) <= set(previous.travellers)
                and not breaks.intersection(range(previous.last + 1, first + 1))):
            kept = previous.place if types.get(place) == "Country" else place
            frames[-1] = Frame(previous.travellers, kept, previous.status, previous.first, first)
        else:
            frames.append(Frame(travellers, place, status, first, first))
    for n, frame in enumerate(frames):
        limit = min(len(sentences) - 1, frame.last + FRAME_SPAN,
                    frames[n + 1].first - 1 if n + 1 < len(frames) else len(sentences) - 1)
        last = frame.last
        while last < limit and last + 1 not in breaks:
            last += 1
        first = frame.first
        if n == 0:
            while first > 0 and first not in breaks and _names_any(sentences[first - 1], frame.travellers, resolution):
                first -= 1
        frames[n] = Frame(frame.travellers, frame.place, frame.status, first, last)
    return frames


def _told_as_main(view: DocView, sent: tuple[int, int], keys: set[str], resolution: Resolution) -> bool:
    """Some traveller is the subject of the sentence's main clause, not of an aside
    ('Y, who flew in from Z, ...') or an object ('accompanied by Y'): only such a trip
    takes over the story from the frame before it."""
    dep, head = view.dep, view.head
    for i in range(*sent):
        if resolution.token_entity.get(i) not in keys:
            continue
        current = i
        while dep[current] in MAIN_PATH and head[current] != current:
            current = head[current]
        if head[current] == current:
            return True
    return False


def _in_order(sent: tuple[int, int], keys: set[str], resolution: Resolution) -> tuple[str, ...]:
    """The travellers in the order the sentence names them: the trip's main traveller first."""
    named = [key for i in range(*sent) if (key := resolution.token_entity.get(i)) in keys]
    return tuple(dict.fromkeys([*named, *sorted(keys)]))


def _names_any(sent: tuple[int, int], keys: tuple[str, ...], resolution: Resolution) -> bool:
    token_entity = resolution.token_entity
    return any(token_entity.get(i) in keys for i in range(*sent))


def _sentence_at(starts: list[int], char: int) -> int:
    return max(0, bisect_right(starts, char) - 1)


def _most_specific(types: Mapping[str, str], places: list[str]) -> str:
    """A city or venue over its country: the first destination not typed Country."""
    return next((key for key in places if types.get(key) != "Country"), places[0])


def _shifts_time(view: DocView, sentence: int) -> bool:
    """Sentence number `sentence` opens at another time ("Last year, ...")."""
    words = _words(view, *view.sent_bounds[sentence])
    first = next(words, None)
    if first not in TIME_SHIFT_OPENERS:
        return False
    second = next(words, "")
    if first == "in":
        return second.isdigit() and len(second) == 4
    if first in TIME_SHIFT_SECOND:
        return second in TIME_SHIFT_SECOND[first]
    return True


def _words(view: DocView, start: int, end: int) -> Iterator[str]:
    """The lower-case words from `start` to `end`, punctuation and spaces left out."""
    for i in range(start, end):
        token = view.tokens[i]
        if not token.is_punct and not token.is_space:
            yield view.lower[i]


def _pair_key(kind: str, subject: str, obj: str) -> tuple[str, str, str]:
    if kind == "talksWith":
        subject, obj = sorted((subject, obj))
    return kind, subject, obj


_TRIGGER_LEMMAS = MEETING_NOUNS | HOST_VERBS | VENUE_OBJECT_VERBS


def _candidates(view: DocView) -> list[int]:
    """The words some rule of `_word_facts` may start from, read in one pass over the doc."""
    return [i for i, (lemma, dep, lower) in enumerate(zip(view.lemma, view.dep, view.lower))
            if lemma in _TRIGGER_LEMMAS or dep == "relcl" or lower in VENUE_PREPS]


def _word_facts(view: DocView, i: int, frame: Frame, story: _Story) -> Iterator[Relation]:
    """The facts of the frame that word `i` starts."""
    token, lemma, pos, dep, lower = view.tokens[i], view.lemma[i], view.pos[i], view.dep[i], view.lower[i]
    if lemma in MEETING_NOUNS and pos in {"NOUN", "PROPN"}:
        yield from _nominal_talks(token, frame, story)
        yield from _speaker_after_meeting(token, frame, story)
    if lemma in HOST_VERBS and pos == "VERB":
        yield from _host_talks(token, frame, story)
    if lemma in VENUE_OBJECT_VERBS and pos == "VERB":
        yield from _venue_visits(token, _named(token, story, "dobj"), frame, story)
    if dep == "relcl" and any(view.dep[c] == "advmod" and view.lower[c] == "where" for c in view.children[i]):
        yield from _where_held(token, frame, story)
    if lower in VENUE_PREPS and (dep == "prep" or dep == "conj" and view.dep[view.head[i]] == "prep"):
        event = _event_above(view, i if dep == "prep" else view.head[i])
        if event is not None:
            venues = [key for key in _named(token, story, "pobj")
                      if lower != "in" or _venue_named(key, story)] or _site_address(token, story)
            yield from _venue_visits(event, venues, frame, story)


def _nominal_talks(noun: Token, frame: Frame, story: _Story) -> Iterator[Relation]:
    """'talks with Y', 'a dinner with Y' in the frame, the meeting's other party untold."""
    view = story.view
    partners = [key for prep in view.children[noun.i] if view.dep[prep] == "prep" and view.lower[prep] == "with"
                for key in _named(view.tokens[prep], story, "pobj")]
    if len(partners) == 1:
        yield from _talks(noun, frame, _owners(noun, frame, story), partners[0], story, "discourse.meeting_with")


def _speaker_after_meeting(noun: Token, frame: Frame, story: _Story) -> Iterator[Relation]:
    """'After the meeting, Y told reporters ...': Y was the traveller's other party."""
    view, i = story.view, noun.i
    if (view.dep[i] not in {"pobj", "dobj"} or view.lower[view.head[i]] not in MEETING_TIME_PREPS
            or not any(view.dep[c] == "det" and view.lower[c] == "the" for c in view.children[i])
            or any(view.dep[c] in {"prep", "poss", "relcl", "acl"} for c in view.children[i])):
        return
    speaker = _subject_above(view, view.head[i])
    key = story.entity_of(speaker) if speaker is not None else None
    if (key is not None and story.types.get(key) == "Person" and _clause_of(noun).lemma_.lower() in SAY_VERBS
            and not story.is_staff(key)):
        yield from _talks(noun, frame, frame.travellers[:1], key, story, "discourse.speaker_after")


def _host_talks(verb: Token, frame: Frame, story: _Story) -> Iterator[Relation]:
    """'was received by Y' (the traveller as the passive subject), 'Y hosted the visitor'."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        hosts = [key for agent in verb.children if agent.dep_ == "agent" for key in _named(agent, story, "pobj")]
        if len(hosts) == 1:
            yield from _talks(verb, frame, _owners(verb, frame, story, untold=False), hosts[0], story,
                              "discourse.received_by")
        return
    hosts = [story.entity_of(c) for c in verb.children if c.dep_ == "nsubj"]
    owners = _hosted_travellers(verb, frame, story)
    if owners is not None and len(hosts) == 1 and hosts[0] and hosts[0] not in frame.travellers:
        yield from _talks(verb, frame, owners, hosts[0], story, "discourse.hosted")


def _hosted_travellers(verb: Token, frame: Frame, story: _Story) -> tuple[str, ...] | None:
    """The travellers a host verb's object stands for ('hosted the visitors', 'welcomed her'),
    or of a meal it hosts ('hosted a lunch for him', 'gave a dinner in honour of the guests')."""
    if verb.lemma_.lower() not in HOST_VERBS | MEAL_HOST_VERBS or verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or story.entity_of(objects[0]) is not None:
        return None
    guest = objects[0]
    if guest.lemma_.lower() in MEAL_NOUNS:
        guests = [g for prep in (*verb.children, *guest.children) if prep.dep_ == "prep" and prep.lower_ == "for"
                  for g in prep.children if g.dep_ == "pobj"]
        if not guests:
            return frame.travellers[:1]
        guest = guests[0]
        named = story.entity_of(guest)
        if named is not None:
            return (named,) if named in frame.travellers else ()
    elif verb.lemma_.lower() not in HOST_VERBS:
        return None
    if guest.lower_ not in GUEST_WORDS:
        return None
    if guest.pos_ != "PRON":
        return frame.travellers
    hosts = frozenset(key for c in verb.children if c.dep_ == "nsubj" and (key := story.entity_of(c)))
    return _pronoun_owners(guest, frame, story, hosts)


def _talks(trigger: Token, frame: Frame, owners: tuple[str, ...], partner: str, story: _Story,
           rule: str) -> Iterator[Relation]:
    if (not owners or story.types.get(partner) not in {"Person", "Organization"}
            or partner in frame.travellers or partner in story.visitors):
        return
    yield from _new_facts("talksWith", ((traveller, partner) for traveller in owners), trigger, frame, story, rule)


def _new_facts(kind: str, pairs: Iterable[tuple[str, str]], trigger: Token, frame: Frame, story: _Story,
               rule: str) -> Iterator[Relation]:
    """Relations for the (subject, object) pairs the article does not state yet (`infer` drops
    the others); their status, which walks the clause, is read only when one is new."""
    status = None
    for subject, obj in pairs:
        if _pair_key(kind, subject, obj) in story.known:
            continue
        if status is None:
            status = _status(trigger, kind, frame)
        yield _relation(kind, subject, obj, status, trigger, rule)


def _where_held(clause: Token, frame: Frame, story: _Story) -> Iterator[Relation]:
    """'Q, where the meeting took place': the trip's event happened at the place Q."""
    venue = story.entity_of(clause.head)
    if venue is None or story.types.get(venue) != "Place":
        return
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    event = next((s for s in subjects if s.lemma_.lower() in MEETING_NOUNS), None)
    if event is None and clause.lemma_.lower() in VENUE_EVENT_WORDS:
        event = clause
    if event is not None:
        yield from _venue_visits(event, [venue], frame, story)


def _event_above(view: DocView, prep: int) -> Token | None:
    """The event word a venue preposition (token `prep`) tells the place of: its head, or the
    head's head through nouns ('met representatives of the committee at Q'), never past
    another verb."""
    current = view.head[prep]
    for _ in range(EVENT_DEPTH):
        if view.lemma[current] in VENUE_EVENT_WORDS:
            return view.tokens[current]
        if view.pos[current] in {"VERB", "AUX"} or view.head[current] == current:
            return None
        current = view.head[current]
    return None


def _venue_visits(word: Token, venues: list[str], frame: Frame, story: _Story) -> Iterator[Relation]:
    """'talks at the Q', 'laid a wreath at Q', 'toured Q': the traveller visits the venue Q."""
    venues = [key for key in venues if story.types.get(key) == "Place" and key != frame.place]
    if not venues:
        return
    hosted = _hosted_travellers(word, frame, story)
    owners = _owners(word, frame, story) if hosted is None else hosted
    pairs = ((traveller, venue) for venue in dict.fromkeys(venues) for traveller in owners)
    yield from _new_facts("visits", pairs, word, frame, story, "discourse.venue")


def _site_address(prep: Token, story: _Story) -> list[str]:
    """'at his residence on Q Road', 'at the ministry's office in the Q Building': an unnamed
    site given by the named street or building it stands on or in."""
    keys = []
    for site in prep.children:
        if site.dep_ != "pobj" or site.lemma_.lower() not in SITE_NOUNS:
            continue
        for inner in site.children:
            if inner.dep_ == "prep" and inner.lower_ in {"on", "in"}:
                keys += [key for key in _named(inner, story, "pobj") if _venue_named(key, story)]
    return keys


def _venue_named(key: str, story: _Story) -> bool:
    """A facility's name ('the Q Palace', 'Palace of Q', 'the Q depot'), not a town's."""
    words = story.entities[key].name.lower().split()
    return len(words) > 1 and (words[-1] in VENUE_HEADS or words[-1] in SITE_WORDS or words[0] in HEAD_FIRST)


def _named(head: Token, story: _Story, dep: str) -> list[str]:
    """Entity keys of the `dep` children of `head` and of their conjuncts."""
    keys = []
    view = story.view
    for c in view.children[head.i]:
        if view.dep[c] != dep:
            continue
        child = view.tokens[c]
        for item in (child, *child.conjuncts):
            key = story.entity_of(item)
            if key and key not in keys:
                keys.append(key)
    return keys


def _owners(token: Token, frame: Frame, story: _Story, *, untold: bool = True) -> tuple[str, ...]:
    """The travellers whose event `token` is: the named or pronoun owner, or all for the trip's.

    The owner is the noun's possessor, else the subject of the nearest clause above that has one.
    An untold owner (when `untold`), the trip, the visitor or the delegation stand for every
    traveller; a named third party or an unknown noun makes the event none of the frame's.
    """
    view = story.view
    owner = next((view.tokens[c] for c in view.children[token.i] if view.dep[c] == "poss"), None) \
        or _subject_above(view, token.i)
    if owner is not None and owner.i == token.i:
        owner = None  # the event is its clause's subject ('the talks took place'): its owner is untold
    if owner is None:
        return frame.travellers[:1] if untold else ()
    key = story.entity_of(owner)
    if key is not None:
        return (key,) if key in frame.travellers else ()
    if owner.pos_ == "PRON":
        return _pronoun_owners(owner, frame, story)
    words = {owner.lower_, owner.lemma_.lower()}
    if words & GROUP_SUBJECTS:
        return frame.travellers
    if words & FRAME_SUBJECTS:
        return frame.travellers[:1]
    return _title_owner(owner, frame, story)


def _title_owner(noun: Token, frame: Frame, story: _Story) -> tuple[str, ...]:
    """'The prime minister' for the one traveller of that title, when no one else in the
    article bears it."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return ()
    words = [c.lower_ for c in noun.lefts if c.dep_ in {"compound", "amod"}] + [noun.lower_]
    title = " ".join(words)
    bearers = story.bearers(title)
    return bearers if len(bearers) == 1 and bearers[0] in frame.travellers else ()


def _pronoun_owners(pronoun: Token, frame: Frame, story: _Story,
                    skip: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A pronoun is the frame's when the person named last before it (other than `skip`, the
    subject an object pronoun cannot stand for) is a traveller."""
    antecedent = story.last_person_before(pronoun.i, skip)
    if antecedent not in frame.travellers:
        return ()
    if pronoun.lower_ in PRONOUNS_PLURAL:
        return frame.travellers
    return (antecedent,) if pronoun.lower_ in PRONOUNS_SINGULAR else ()


def _subject_above(view: DocView, token: int) -> Token | None:
    """The subject of the clause holding token `token`, climbing through clauses that share
    theirs."""
    current = token
    for _ in range(CLAUSE_CLIMB):
        subjects = [c for c in view.children[current] if view.dep[c] in {"nsubj", "nsubjpass"}]
        if subjects:
            # 'The tour, which included ...': the relative pronoun stands for the noun it follows.
            relative = view.lower[subjects[0]] in RELATIVE_PRONOUNS and view.dep[current] == "relcl"
            return view.tokens[view.head[current] if relative else subjects[0]]
        if view.head[current] == current:
            return None
        current = view.head[current]
    return None


def _clause_of(token: Token) -> Token:
    """The verb (or root) whose clause holds `token`."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current


def _status(trigger: Token, kind: str, frame: Frame) -> str:
    """The sentence's own cue first (an event that 'was under consideration' is speculative); else
    a planned trip plans its events unless told as past."""
    own = status_of(trigger, kind)
    verb = _clause_of(trigger)
    if own == "occurred" and trigger.dep_ in {"nsubj", "nsubjpass"} and any(
            word.lower_ in UNCONFIRMED_WORDS for child in verb.children for word in child.subtree):
        return "speculative"
    if own != "occurred" or frame.status != "planned":
        return own
    past = verb.tag_ in {"VBD", "VBN"} or any(
        c.tag_ == "VBD" for c in verb.children if c.dep_ in {"aux", "auxpass"})
    return "occurred" if past else "planned"


def _relation(kind: str, subject: str, obj: str, status: str, trigger: Token, rule: str) -> Relation:
    return Relation(kind=kind, subject=subject, object=obj, status=status,
                    evidence=sentence_evidence(trigger), rule=rule, confidence=CONFIDENCE)
