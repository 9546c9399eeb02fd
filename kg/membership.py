"""memberOf relations: who belongs to, serves on, speaks for or leads which named body.

Rules are data: `TOKEN_PATTERNS` are spaCy Matcher patterns over tokens annotated with the
article's resolution (`_.kg_type`, `_.kg_role`, `_.kg_party`; kept as per-token lists, see
`_annotate`), each element tagged with the slot it fills; `TITLE_BODIES` says which titles
name which bodies; the verb tables (`OBJECT_VERBS`, `PREP_VERBS`, `AS_VERBS`, `HIRING_VERBS`,
`GROUPING_VERBS`, `DELEGATION_VERBS`) drive the passes over the dependency parse (clauses,
delegation lists, bodies counting their members). A membership needs a tight pattern
(adjacent title, apposition, party code, a clause linking holder and body), never mere
co-occurrence in a sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.docview import DocView, doc_view
from kg.lexicons import COUNTRY_NAMES, DEMONYMS, GENERIC_HEADS, HONORIFICS, LEADER_ORG_SUFFIXES, ORG_HEADS, ORG_LINKS, PORTFOLIOS, PARTY_WORDS, RELATIVE_PRONOUNS, TITLE_MODIFIERS, TITLES
from kg.model import Entity, Relation, Span as TextSpan
from kg.nlp import title_length
from kg.packed_matcher import PackedMatcher
from kg.resolve import Resolution, body_signature, fold

# The same title runs are measured again and again within an article and across a corpus;
# the same names are folded again and again by the rules.
_title_length = lru_cache(maxsize=8192)(title_length)
_fold = lru_cache(maxsize=8192)(fold)
_body_signature = lru_cache(maxsize=8192)(body_signature)

# Nouns that state a position in a body when followed by "of/for/on/at" + the body.
ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "member", "members", "director", "head", "chief", "chairman", "chairwoman", "chair",
        "spokesperson", "spokesman", "spokeswoman", "leader", "president", "secretary",
        "minister", "ambassador", "envoy", "official", "officer", "representative", "commander",
        "adviser", "advisor", "employee", "staffer", "founder", "co-founder", "ceo", "executive",
        "governor", "deputy", "partner", "correspondent", "reporter", "editor", "analyst",
        "researcher", "professor", "lawmaker", "legislator", "deputy", "vice-chair", "delegate",
        "negotiator", "diplomat", "economist", "strategist", "fellow", "aide", "counsel",
        "administrator", "coordinator", "manager", "general", "lieutenant", "colonel", "captain",
        "speaker", "whip", "treasurer", "rapporteur", "commissioner", "chancellor", "premier",
        "engineer", "scientist", "lawyer", "attorney", "journalist", "producer", "prosecutor",
        "investigator", "consultant", "banker", "trader", "pilot", "soldier", "agent", "staff",
        "mp", "mps", "mep", "meps", "chairperson", "cfo", "coo", "cto", "treasurer-general",
        "secretary-general", "editor-in-chief", "boss", "heads", "leaders", "officials",
        "spokespeople", "executives", "deputies", "senator", "senators", "congressman",
        "congresswoman", "councillor", "councilor", "commentator", "columnist", "historian",
        "expert", "specialist", "director-general", "veteran", "vice-president", "vice-chairman",
        "presenter", "anchor", "photographer", "writer", "player", "striker", "midfielder",
        "goalkeeper", "coach", "volunteer", "activist", "campaigner", "worker", "physician",
        "surgeon", "nurse", "teacher", "lecturer", "student", "inspector", "auditor",
        "backbencher", "backbenchers", "frontbencher", "co-leader", "co-chair", "co-chairman",
        "figure", "stalwart", "heavyweight", "grandee", "defector", "counterpart", "counterparts", "chieftain",
        "theorist", "physicist", "chemist", "biologist", "mathematician", "epidemiologist", "virologist", "sociologist",
        "constituent", "constituents", "candidate", "candidates",
    }
)
# Roles that follow a subject, not an employer, when linked by "of"/"on" ("an expert on NATO",
# "a historian of the party"); "an analyst at X" still places them in X.
TOPIC_ROLES: frozenset[str] = frozenset(
    {"expert", "specialist", "historian", "commentator", "analyst", "researcher", "scholar",
     "student", "economist", "strategist", "observer", "professor", "lecturer", "writer",
     "theorist", "physicist", "chemist", "biologist", "mathematician", "epidemiologist", "virologist", "sociologist"}
)
TOPIC_LINKS: frozenset[str] = frozenset({"of", "on"})
# Roles that, right after a body's name, name the body a person is sent to ("UN ambassador Jane
# Roe" represents a country at the UN), not the one they belong to ("a UNESCO goodwill ambassador").
ACCREDITED_ROLES: frozenset[str] = frozenset({"ambassador", "ambassadors"})
# Words that may qualify a role without changing it ("a senior member", "the lead Democrat").
ROLE_MODIFIERS: frozenset[str] = TITLE_MODIFIERS | frozenset(
    {"lead", "ranking", "longtime", "long-time", "veteran", "founding", "permanent", "chief",
     "principal", "leading", "prominent", "key", "influential", "special", "assistant",
     "associate", "executive", "general", "ex-", "erstwhile", "onetime", "one-time", "acting",
     "department", "press", "foreign", "defense", "defence", "interior", "finance", "majority",
     "minority", "supreme", "allied", "high", "operating", "financial", "technology",
     "information", "marketing", "commercial", "investment", "board", "regional", "national",
     "party", "still", "current", "sitting"}
)
FORMER_CUES: frozenset[str] = frozenset(
    {"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "previously", "formerly", "retired",
     "used", "then", "then-", "longer", "once", "defector"}
)
PLANNED_CUES: frozenset[str] = frozenset({"incoming", "designate", "nominee", "-designate"})
# Rules whose person must not be the object of a preposition ("a letter to X from Y").
SUBJECT_RULES: frozenset[str] = frozenset({"person-from-org"})
# Places of a body where its own people speak: "said at the Unity Party headquarters".
PREMISES_NOUNS: frozenset[str] = frozenset({"headquarters", "hq", "offices"})
# Verbs whose object, spelled out before its abbreviation, is a body the subject is in.
ACRONYM_VERBS: frozenset[str] = frozenset({"lead", "head", "run", "chair", "direct", "join", "found"})
# Adverbs that place a person in a body's career line: "X, formerly of Acme", "X, now at Acme".
CAREER_ADVERBS: frozenset[str] = frozenset({"formerly", "previously", "once", "now", "currently", "later"})
# Participles that, hyphenated to a person, make the person lead the body: "the Roe-led party".
LED_PARTICIPLES: frozenset[str] = frozenset({"led", "headed", "chaired", "run", "founded"})
# Bodies whose bare name before a title makes a rank ("Cabinet Secretary", "Cabinet Minister").
RANK_BODIES: frozenset[str] = frozenset({"cabinet", "state"})
# Nouns after a name that make it a place, not a body: "the president of the Alto Sur region".
REGION_NOUNS: frozenset[str] = frozenset(
    {"region", "province", "district", "county", "prefecture", "governorate", "oblast", "municipality"}
)
# Titles of a federal state's head: "Delta State Governor X" governs a place, not a body.
STATE_TITLES: frozenset[str] = frozenset({"governor", "deputy governor"})
# Roles a body hires from outside: "Acme's lawyer, X" acts for Acme, not in it.
CLIENT_ROLES: frozenset[str] = frozenset({"lawyer", "lawyers", "attorney", "attorneys", "counsel", "solicitor", "barrister"})
# Rules whose role phrase, when another person's name follows it, belongs to that person instead.
FORWARD_APPOSED_RULES: frozenset[str] = frozenset({"person-appositive-org-role"})
# Nouns after a body's name for people outside it: "a Green Party voter", "Acme shareholders".
OUTSIDER_NOUNS: frozenset[str] = frozenset(
    {"voter", "voters", "supporter", "supporters", "donor", "donors", "sympathizer", "sympathiser", "critic",
     "critics", "opponent", "opponents", "fan", "fans", "ally", "allies", "backer", "backers", "customer",
     "customers", "client", "clients", "shareholder", "shareholders", "investor", "investors", "rival", "rivals"}
)
# Common nouns a named body may stand before ("the Unity party", "the Falcon group").
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    {"party", "group", "movement", "coalition", "bloc", "faction", "alliance", "network", "militia", "board"}
)
# Common nouns that may follow a body's name without being part of it: "the Acme union".
NAME_KIND_NOUNS: frozenset[str] = COLLECTIVE_NOUNS | frozenset({"union", "caucus"})
# Parts of a legislature a person leads or sits in: "heads the Unity group in the Senate".
CHAMBER_GROUPS: frozenset[str] = frozenset({"group", "caucus", "faction", "bloc"})
# Nouns that refer back to a body whose name holds one of these words ("the panel" for a committee).
BODY_SYNONYMS: dict[str, frozenset[str]] = {
    "panel": frozenset({"committee", "subcommittee", "commission"}),
}
# Nouns that refer back to whatever body was named last ("the company's chief executive").
GENERIC_BODY_NOUNS: frozenset[str] = frozenset(
    {"company", "firm", "carrier", "lender", "insurer", "airline", "broadcaster", "newspaper",
     "charity", "organization", "organisation", "club", "team", "bank", "group", "network",
     "alliance", "bloc", "coalition", "federation", "association", "confederation"}
)
MEMBER_NOUNS: frozenset[str] = frozenset(
    {"member", "members", "member-state", "member-states", "state", "states", "country", "countries", "nation", "nations",
     "part", "constituent", "constituents"}
)
# Nouns for a body inside another: "the UN's refugee agency, the Relief Office".
AGENCY_NOUNS: frozenset[str] = frozenset(
    {"agency", "arm", "watchdog", "subsidiary", "affiliate", "organ", "offshoot", "unit", "wing"}
)

_PERSON = {"_": {"kg_type": "Person"}, "OP": "+"}
_ORG = {"_": {"kg_type": "Organization"}, "OP": "+"}
_COUNTRY = {"_": {"kg_type": {"IN": ["Country", "Place"]}}, "OP": "+"}
_ROLE = {"_": {"kg_role": True}, "OP": "+"}
_ROLE_OPT = {"_": {"kg_role": True}, "OP": "*"}
_POSS = {"ORTH": {"IN": ["'s", "’s", "'", "’"]}, "OP": "?"}
_AND = {"LOWER": {"IN": ["and", "&"]}, "OP": "?"}
_SEP = {"ORTH": {"IN": [",", "(", "—", "–", ";"]}, "OP": "?"}
_SPACE = {"IS_SPACE": True, "OP": "*"}
_PARTY_CODE = {"_": {"kg_party_code": True}, "OP": "*"}
_CLOSE = {"ORTH": {"IN": [",", ")"]}, "OP": "*"}
_DET = {"LOWER": {"IN": ["a", "an", "the"]}, "OP": "?"}
_ADJ = {"POS": {"IN": ["ADJ", "PROPN", "NOUN", "NUM"]}, "_": {"kg_type": "", "kg_role": False}, "OP": "*"}
_LINK = {"LOWER": {"IN": ["of", "for", "on", "at", "in", "with", "from", ","]}}
# A country owning the body that follows: "Kenya's Ministry of Health", "Sweden's Greens".
_COUNTRY_POSS = ({"_": {"kg_type": {"IN": ["Country", "Place"]}}, "OP": "*"}, {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"})
# Any qualifier before a body or a role: "ex-", "the ruling", "a senior".
_PRE = {"POS": {"IN": ["ADJ", "PROPN", "NOUN", "PUNCT", "VERB", "X", "ADV", "NUM"]},
        "ORTH": {"NOT_IN": [",", "(", ")", ";", ".", "—", "–", "'s", "’s"]}, "_": {"kg_type": ""}, "OP": "*"}
# What may follow an apposed name: so "the chair of X, Jane Roe said" (a subject) does not match.
_APPOS_END = {"ORTH": {"IN": [",", "—", "–", ".", "(", ")", ";", ":"]}}
_COLLECTIVE = {"LOWER": {"IN": sorted(NAME_KIND_NOUNS)}, "OP": "?"}
# Words for a union of states that may stand for one named "... Council", "... Union", "... Community".
UMBRELLA_NOUNS: frozenset[str] = frozenset({"bloc", "alliance", "grouping", "organisation", "organization"})
UNION_HEADS: frozenset[str] = frozenset(
    {"council", "union", "community", "association", "alliance", "organisation", "organization", "pact", "league",
     "bloc", "forum", "group", "partnership", "cooperation", "conference", "commonwealth", "confederation"}
)
_BODY_KINDS = ORG_HEADS | COLLECTIVE_NOUNS | GENERIC_BODY_NOUNS | frozenset(BODY_SYNONYMS)
# A common noun standing for a body named before: "the committee('s)", "the company('s)".
_BODY_NOUN = {"LOWER": {"IN": sorted(_BODY_KINDS)}}
_PARTY = {"_": {"kg_party": True}, "OP": "+"}
# An acronym in parentheses after a body's name: "the Water Agency (WA)".
_ACRONYM = ({"ORTH": "(", "OP": "?"}, {"IS_UPPER": True, "OP": "?"}, {"ORTH": ")", "OP": "?"})
_ROLE_END = {"LOWER": {"IN": [",", ")", ".", ";", "who", "for", "in", "at", "since", "and", "until", "of", "from"]}}
# A reference back to a body named earlier: "its", "whose", or "the committee('s)".
_ANAPHOR = {"LOWER": {"IN": ["its", "whose"]}}
_REFLEXIVE = {"LOWER": {"IN": ["himself", "herself", "themselves"]}, "OP": "?"}
# A word of a body's spelled-out name: capitalized, or a linking word ("Friends of the Earth").
_NAME_WORD = r"^(?:[A-Z][\w'’&-]*|of|for|and|the|on|in|without)$"


# Who holds a body's presidency: a country, or a person; "X, which holds", "X took over".
_HOLDER = {"_": {"kg_type": {"IN": ["Country", "Place", "Person"]}}, "OP": "+"}
_HOLDS = ({"ORTH": ",", "OP": "?"}, {"LOWER": {"IN": ["which", "who"]}, "OP": "?"},
          {"LOWER": {"IN": ["currently", "now", "also"]}, "OP": "?"},
          {"LEMMA": {"IN": ["hold", "assume", "take"]}, "POS": {"IN": ["VERB", "AUX"]}}, {"LOWER": "over", "OP": "?"},
          {"LOWER": "the"})
_PRESIDENCY = {"LOWER": {"IN": ["presidency", "chairmanship", "chairpersonship", "chairship"]}}


@dataclass(frozen=True)
class TokenPattern:
    """A Matcher pattern whose elements fill slots: "member", "org", "role" or None."""

    rule: str
    pattern: tuple[dict, ...]
    slots: tuple[str | None, ...]
    confidence: float


TOKEN_PATTERNS: tuple[TokenPattern, ...] = (
    # "State Department spokesperson Jane Roe", "NATO's Secretary General Jane Roe", "Unity Party (UP) co-leader Jane Roe"
    TokenPattern(
        "org-title-person",
        (_ORG, *_ACRONYM, _POSS, _ADJ, _ROLE, _AND, _ROLE_OPT, _PERSON),
        ("org", None, None, None, None, None, "role", "role", "role", "member"),
        0.9,
    ),
    # "Green Party lawmakers Jane Roe and Tom Ek"
    TokenPattern(
        "org-plural-title-people",
        (_ORG, _POSS, _ADJ, _ROLE_OPT, {"_": {"kg_role": True}, "TAG": {"IN": ["NNS", "NNPS"]}}, _PERSON),
        ("org", None, None, "role", "role", "members"),
        0.85,
    ),
    # "Jane Roe, a member of the Water Committee"; "Jane Roe (D-Ohio), the lead Democrat on X";
    # "Jane Roe, herself a former member of X"
    TokenPattern(
        "person-appositive-role",
        (_PERSON, _SEP, _SPACE, _PARTY_CODE, _CLOSE, _REFLEXIVE, _DET, _ADJ, _ROLE, _LINK, _DET, *_COUNTRY_POSS, _PRE, _ORG),
        ("member", None, None, None, None, None, None, "role", "role", None, None, None, None, None, "org"),
        0.85,
    ),
    # "Jane Roe, a senior Acme official", "Jane Roe, a White House spokeswoman"
    TokenPattern(
        "person-appositive-org-role",
        (_PERSON, {"ORTH": ","}, _DET, _PRE, _ORG, *_ACRONYM, _POSS, _ADJ, _ROLE, _ROLE_END),
        ("member", None, None, "cue", "org", None, None, None, None, None, "role", None),
        0.85,
    ),
    # "a State Department spokesman, Jane Roe, said"; "Acme's chief economist, Jane Roe"; "the agency's
    # representative in Peru, Jane Roe"
    TokenPattern(
        "org-role-appositive-person",
        (_ORG, _POSS, _ADJ, _ROLE, {"LOWER": {"IN": ["in", "for"]}, "OP": "?"}, {"_": {"kg_type": {"IN": ["Country", "Place"]}}, "OP": "*"},
         {"ORTH": {"IN": [",", "—", "–"]}}, _PERSON, {"ORTH": {"IN": [",", "—", "–", "."]}}),
        ("org", None, None, "role", None, None, None, "member", None),
        0.85,
    ),
    # "Jane Roe, D-Ohio" / "Jane Roe (R-Texas)"
    TokenPattern(
        "person-party-code",
        (_PERSON, {"ORTH": {"IN": [",", "("]}}, {"_": {"kg_party": True}}),
        ("member", None, "org"),
        0.95,
    ),
    # "Jane Roe, a Republican from Ohio"
    TokenPattern(
        "person-appositive-party",
        (_PERSON, {"ORTH": ","}, _DET, _ADJ, {"_": {"kg_party": True}}),
        ("member", None, None, None, "org"),
        0.85,
    ),
    # "NATO member Norway", "EU member states Spain", "AU members Kenya and Ethiopia"
    TokenPattern(
        "org-member-country",
        (_ORG, {"LOWER": {"IN": sorted(MEMBER_NOUNS)}, "OP": "+"}, _COUNTRY),
        ("org", "role", "members"),
        0.85,
    ),
    # "the 27 EU member states, including France and Italy"
    TokenPattern(
        "org-members-including-countries",
        (_ORG, {"LOWER": {"IN": sorted(MEMBER_NOUNS)}, "OP": "+"}, {"ORTH": ",", "OP": "?"},
         {"LOWER": "such", "OP": "?"}, {"LOWER": {"IN": ["including", "as", "like"]}}, _COUNTRY),
        ("org", "role", None, None, None, "members"),
        0.8,
    ),
    # "the Andean Trade Community, which now has five member states including Peru and Chile"
    TokenPattern(
        "org-has-members-including-countries",
        (_ORG, {"ORTH": ",", "OP": "?"}, {"LOWER": {"IN": ["which", "that"]}, "OP": "?"}, {"POS": "ADV", "OP": "*"},
         {"LEMMA": {"IN": ["have", "count"]}}, {"LIKE_NUM": True, "OP": "?"}, {"LOWER": {"IN": sorted(MEMBER_NOUNS)}, "OP": "+"},
         {"ORTH": ",", "OP": "?"}, {"LOWER": {"IN": ["including", "such", "as", "like"]}, "OP": "+"}, _COUNTRY),
        ("org", None, None, None, "cue", None, "role", None, None, "members"),
        0.8,
    ),
    # "the UN's refugee agency, the Relief Office"; "the United Nations children's agency UNICEF"
    TokenPattern(
        "org-agency-org",
        (_ORG, _POSS, {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "_": {"kg_type": ""}, "OP": "*"},
         {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"}, {"LOWER": {"IN": sorted(AGENCY_NOUNS)}}, {"ORTH": ",", "OP": "?"}, _DET,
         _ORG),
        ("org", None, None, None, "role", None, None, "member"),
        0.75,
    ),
    # "the Relief Office, the UN's refugee agency,"
    TokenPattern(
        "org-appositive-agency",
        (_ORG, {"ORTH": ","}, _DET, _ORG, _POSS, {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "_": {"kg_type": ""}, "OP": "*"},
         {"ORTH": {"IN": ["'s", "’s"]}, "OP": "?"}, {"LOWER": {"IN": sorted(AGENCY_NOUNS)}}, _APPOS_END),
        ("member", None, None, "org", None, None, None, "role", None),
        0.75,
    ),
    # "Canada and Poland, both NATO members"
    TokenPattern(
        "country-appositive-members",
        (_COUNTRY, {"ORTH": ","}, {"LOWER": {"IN": ["both", "all", "fellow", "a", "an"]}, "OP": "?"}, _ORG,
         {"LOWER": {"IN": sorted(MEMBER_NOUNS)}, "OP": "+"}),
        ("members", None, None, "org", "role"),
        0.85,
    ),
    # "Kenya and Chad, both members of the Lake Basin Commission"; "Jane Roe, a member of X"
    TokenPattern(
        "list-appositive-members-of",
        ({"_": {"kg_type": {"IN": ["Country", "Place", "Person"]}}, "OP": "+"}, {"ORTH": ","},
         {"LOWER": {"IN": ["both", "all", "a", "an", "fellow"]}, "OP": "?"}, _PRE,
         {"LOWER": {"IN": ["member", "members"]}}, {"LOWER": "of"}, _DET, _ORG),
        ("members", None, None, "cue", "role", None, None, "org"),
        0.85,
    ),
    # "Jane Roe of the Liberal Party", "Jane Roe, of the ruling Harmony party"
    TokenPattern(
        "person-of-org",
        (_PERSON, {"ORTH": ",", "OP": "?"}, {"LOWER": "of"}, _DET, *_COUNTRY_POSS, _PRE, _ORG),
        ("member", None, None, None, None, None, "cue", "org"),
        0.8,
    ),
    # "Jane Roe and Tom Ek, both of the Green Party,"; "Jane Roe, also of the Water Agency,"
    TokenPattern(
        "people-both-of-org",
        (_PERSON, {"ORTH": ","}, {"LOWER": {"IN": ["both", "all", "also"]}}, {"LOWER": "of"}, _DET, _PRE, _ORG, _APPOS_END),
        ("members", None, None, None, None, "cue", "org", None),
        0.8,
    ),
    # "Jane Roe from the Water Agency said", "Jane Roe, with Acme Bank, told"
    TokenPattern(
        "person-from-org",
        (_PERSON, {"ORTH": ",", "OP": "?"}, {"LOWER": {"IN": ["from", "with"]}}, _DET, _PRE, _ORG,
         {"LOWER": {"IN": [",", ".", "said", "says", "told", "who", "added", "—"]}}),
        ("member", None, None, None, "cue", "org", None),
        0.75,
    ),
    # "Jane Roe, formerly of Acme Bank,", "Jane Roe, now at the Water Agency,"
    TokenPattern(
        "person-career-adverb-org",
        (_PERSON, {"ORTH": ","}, {"LOWER": {"IN": sorted(CAREER_ADVERBS)}}, {"LOWER": {"IN": ["of", "at", "with"]}}, _DET, _PRE,
         _ORG, _APPOS_END),
        ("member", None, "cue", None, None, "cue", "org", None),
        0.75,
    ),
    # "Jane Roe (Labour)", "Jane Roe (PSD-Norte)"
    TokenPattern(
        "person-paren-org",
        (_PERSON, {"ORTH": "("}, _ORG, {"ORTH": {"IN": [")", "-", "–", ","]}}),
        ("member", None, "org", None),
        0.85,
    ),
    # "the president of the Rotary Club, Jane Roe,"; "a spokesman for Acme, Jane Roe."
    TokenPattern(
        "role-of-org-appositive-person",
        (_ROLE, {"LOWER": {"IN": ["of", "for", "at"]}}, _DET, _PRE, _ORG, _COLLECTIVE, *_ACRONYM,
         {"ORTH": {"IN": [",", "—", "–"]}}, _DET, _ADJ, _ROLE_OPT, _PERSON, _APPOS_END),
        ("role", None, None, None, "org", None, None, None, None, None, None, None, None, "member", None),
        0.85,
    ),
    # "its president, Jane Roe,"; "whose leader, Jane Roe,"; "the committee's chair, Jane Roe,"
    TokenPattern(
        "anaphor-role-appositive-person",
        (_ANAPHOR, _PRE, _ROLE, {"ORTH": {"IN": [",", "—", "–"]}}, _DET, _ADJ, _ROLE_OPT, _PERSON, _APPOS_END),
        ("org", "cue", "role", None, None, None, None, "member", None),
        0.75,
    ),
    # "Acme Bank, whose chairman Jane Roe spoke on Monday"; "its chief executive Jane Roe said"
    TokenPattern(
        "anaphor-role-person",
        (_ANAPHOR, _PRE, _ROLE, _PERSON),
        ("org", "cue", "role", "member"),
        0.7,
    ),
    TokenPattern(
        "body-noun-role-appositive-person",
        ({"LOWER": "the"}, _BODY_NOUN, {"ORTH": {"IN": ["'s", "’s"]}},
         _PRE, _ROLE, {"ORTH": {"IN": [",", "—", "–"]}, "OP": "?"}, _DET, _ADJ, _ROLE_OPT, _PERSON, _APPOS_END),
        (None, "org", None, "cue", "role", None, None, None, None, "member", None),
        0.75,
    ),
    # "Speaker of the National Assembly Jane Roe", "Leader of the Opposition in the Senate Jane Roe"
    TokenPattern(
        "role-of-org-person",
        (_ROLE, {"LOWER": {"IN": ["of", "in"]}}, _DET, {"LOWER": "opposition", "OP": "?"}, {"LOWER": "in", "OP": "?"}, _DET,
         _ORG, _ROLE_OPT, _PERSON),
        ("role", None, None, "role", None, None, "org", None, "member"),
        0.85,
    ),
    # "Federation president Jane Roe": a body named before, by its (capitalized) kind
    TokenPattern(
        "body-noun-title-person",
        ({"LOWER": {"IN": sorted(_BODY_KINDS)}, "IS_TITLE": True, "_": {"kg_type": ""}}, _ROLE, _PERSON),
        ("org", "role", "member"),
        0.7,
    ),
    # "party leader Jane Roe": the party named before
    TokenPattern(
        "party-noun-title-person",
        ({"LOWER": "party", "_": {"kg_type": ""}}, _ROLE, _PERSON),
        ("org", "role", "member"),
        0.7,
    ),
    # "Jane Roe, the company's head of treasury,"; "Jane Roe, its president,"; "Sen. Jane Roe of
    # Ohio, the panel's top Democrat,"
    TokenPattern(
        "person-appositive-anaphor-role",
        (_PERSON, {"LOWER": "of", "OP": "?"}, {"_": {"kg_type": {"IN": ["Country", "Place"]}}, "OP": "*"},
         {"ORTH": ","}, {"LOWER": "the"}, _BODY_NOUN, {"ORTH": {"IN": ["'s", "’s"]}}, _PRE, _ROLE, _ROLE_END),
        ("member", None, None, None, None, "org", None, "cue", "role", None),
        0.75,
    ),
    TokenPattern(
        "person-appositive-its-role",
        (_PERSON, {"ORTH": ","}, {"LOWER": "its"}, _PRE, _ROLE, _ROLE_END),
        ("member", None, "org", "cue", "role", None),
        0.75,
    ),
    # "Hungary, which holds the EU's rotating presidency"; "Chad took over the bloc's chairmanship"
    TokenPattern(
        "holder-of-body-presidency",
        (_HOLDER, *_HOLDS, _ORG, _POSS, _PRE, _PRESIDENCY),
        ("member", None, None, None, None, None, None, "org", None, "cue", "role"),
        0.75,
    ),
    TokenPattern(
        "holder-of-body-noun-presidency",
        (_HOLDER, *_HOLDS, _BODY_NOUN, _POSS, _PRE, _PRESIDENCY),
        ("member", None, None, None, None, None, None, "org", None, "cue", "role"),
        0.7,
    ),
    # "Hungary, which holds the rotating presidency of the EU"
    TokenPattern(
        "holder-of-presidency-of-body",
        (_HOLDER, *_HOLDS, _PRE, _PRESIDENCY, {"LOWER": "of"}, _DET, _ORG),
        ("member", None, None, None, None, None, None, "cue", "role", None, None, "org"),
        0.75,
    ),
    # "its largest member, the Unity Party (UP)": a body in a body
    TokenPattern(
        "anaphor-member-appositive-org",
        (_ANAPHOR, _PRE, {"LOWER": {"IN": ["member", "members", "partner", "partners"]}}, {"ORTH": ","}, _DET, _ORG),
        ("org", "cue", "role", None, None, "member"),
        0.7,
    ),
    # "its founding members, Norway, Chile and Peru,"
    TokenPattern(
        "anaphor-members-appositive-countries",
        (_ANAPHOR, _PRE, {"LOWER": {"IN": ["members", "member-states", "states", "countries", "nations"]}}, {"ORTH": ","},
         _COUNTRY),
        ("org", "cue", "role", None, "members"),
        0.7,
    ),
    # "Acme's Jane Roe said", "Human Rights League's Jane Roe,", "talks with Acme's Jane Roe on Monday"
    TokenPattern(
        "org-possessive-person",
        (_ORG, {"ORTH": {"IN": ["'s", "’s", "'", "’"]}}, _PERSON,
         {"LOWER": {"IN": [",", "said", "says", "told", "added", "noted", "—", ".", ";", ")", "on", "in", "at", "and"]}}),
        ("org", None, "member", None),
        0.7,
    ),
    # "Acme's Jane Roe expects rates to rise": the person is the clause's subject
    TokenPattern(
        "org-possessive-person-verb",
        (_ORG, {"ORTH": {"IN": ["'s", "’s", "'", "’"]}}, _PERSON, {"POS": {"IN": ["VERB", "AUX"]}, "DEP": {"NOT_IN": ["amod"]}}),
        ("org", None, "member", None),
        0.65,
    ),
    # "Jane Roe, who leads Doctors Without Limits (DWL)": a name the model missed, known by its abbreviation
    TokenPattern(
        "person-verb-spelled-acronym",
        (_PERSON, {"ORTH": ","}, {"LOWER": "who"}, {"LOWER": {"IN": ["now", "currently", "also"]}, "OP": "?"},
         {"LEMMA": {"IN": sorted(ACRONYM_VERBS)}, "POS": "VERB"}, {"LOWER": "the", "OP": "?"},
         {"IS_TITLE": True, "_": {"kg_type": ""}}, {"ORTH": {"REGEX": _NAME_WORD}, "_": {"kg_type": ""}, "OP": "+"},
         {"ORTH": "("}, {"_": {"kg_type": "Organization"}, "IS_UPPER": True}, {"ORTH": ")"}),
        ("member", None, None, None, "cue", None, None, None, None, "org", None),
        0.75,
    ),
    # "the Jane Roe-led Unity Party", "the Roe-founded Acme Bank"
    TokenPattern(
        "person-led-org",
        (_PERSON, {"ORTH": {"IN": ["-", "–"]}}, {"LOWER": {"IN": sorted(LED_PARTICIPLES)}}, _ADJ, _ORG),
        ("member", None, "cue", None, "org"),
        0.8,
    ),
    # "Conservative Jane Roe said", "Democrat Jane Roe"
    TokenPattern(
        "party-person",
        (_PARTY, _PERSON),
        ("org", "member"),
        0.8,
    ),
    # "Jane Roe's Labour Party", "Roe's Labor government", "Roe's own Unity Party"
    TokenPattern(
        "person-possessive-party",
        (_PERSON, {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": "own", "OP": "?"}, _PARTY),
        ("member", None, None, "org"),
        0.8,
    ),
    # "Jane Roe, whose Unity Party won"; "Jane Roe and her Unity Party"
    TokenPattern(
        "person-whose-party",
        (_PERSON, {"LOWER": {"IN": [",", "and"]}}, {"LOWER": {"IN": ["whose", "his", "her"]}}, {"LOWER": "own", "OP": "?"},
         _PARTY),
        ("member", None, None, None, "org"),
        0.75,
    ),
    # "Jane Roe's party, the Unity Movement,"
    TokenPattern(
        "person-party-appositive-org",
        (_PERSON, {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": "party"}, {"ORTH": ","}, _DET, _ORG, _APPOS_END),
        ("member", None, "cue", None, None, "org", None),
        0.75,
    ),
)

# Verbs whose direct object is the body the subject belongs to ("X chairs the Y").
OBJECT_VERBS: frozenset[str] = frozenset(
    {"lead", "head", "chair", "run", "direct", "command", "join", "rejoin", "found", "quit", "leave", "oversee", "manage",
     "edit", "coach", "captain"}
)
# Verbs whose object, when a party, is the subject's party: "X represents the Unity Party in the Senate".
PARTY_OBJECT_VERBS: frozenset[str] = frozenset({"represent"})
# Verbs and verb-preposition pairs that end a membership ("quit the party", "resigned from X").
LEAVING: frozenset[str] = frozenset(
    {"quit", "leave", "join-from", "move-from", "resign-from", "defect-from", "withdraw-from", "oust-from", "spend-at", "spend-with", "resign-as", "quit-as",
     "retire-as", "step-down-as", "expel-from", "lose-seat", "oust-as", "remove-as", "sack-as", "fire-as", "dismiss-as", "depose-as"}
)
# "spent a decade at X" (a career, not a night at a hotel): the time spent must be one of these.
CAREER_SPANS: frozenset[str] = frozenset(
    {"year", "decade", "career", "month", "twenties", "thirties", "forties", "fifties", "sixties"}
)
# Verbs whose prepositional object is the body ("X serves on the Y", "X works for Y").
PREP_VERBS: dict[str, frozenset[str]] = {
    "serve": frozenset({"on", "in", "at", "for"}),
    "work": frozenset({"for", "at"}),
    "teach": frozenset({"at"}),
    "report": frozenset({"for"}),
    "sit": frozenset({"on", "in", "for"}),
    "belong": frozenset({"to"}),
    "resign": frozenset({"from"}),
    "defect": frozenset({"to", "from"}),
    "expel": frozenset({"from"}),
    "oust": frozenset({"from"}),
    "withdraw": frozenset({"from"}),
    "join": frozenset({"from"}),
    "spend": frozenset({"at", "with"}),
    "elect": frozenset({"to"}),
    "appoint": frozenset({"to"}),
    "move": frozenset({"from", "to"}),
}
# Verbs of PREP_VERBS that say nothing of membership when they take an object ("moved the bill to X").
INTRANSITIVE_ONLY: frozenset[str] = frozenset({"move"})
# Roles held "in" a body: "a leading figure in the Unity Party", "a minister in the government".
INSIDE_ROLES: frozenset[str] = frozenset(
    {"figure", "member", "members", "minister", "ministers", "official", "officials", "lawmaker", "lawmakers", "leader",
     "stalwart", "heavyweight", "grandee", "deputy", "deputies", "senator", "senators"}
)
# Roles held "to" a body: "an adviser to the Water Agency" (an envoy "to" a body is sent to it).
ADVISING_ROLES: frozenset[str] = frozenset(
    {"adviser", "advisor", "advisers", "advisors", "consultant", "consultants", "counsel", "aide", "aides",
     "counsellor", "counselor"}
)
# Offices that, "of" a body, are held like a seat: "won the leadership of X".
OFFICE_NOUNS: frozenset[str] = frozenset({"leadership", "chairmanship", "presidency", "helm"})
# Verbs of standing "for" an office of a body: "ran unsuccessfully for the presidency of X".
CANDIDATE_VERBS: frozenset[str] = frozenset({"run", "stand", "campaign", "bid"})
# Verbs whose object "a seat on X" makes their subject a member of X.
SEAT_VERBS: frozenset[str] = frozenset({"hold", "have", "win", "take", "occupy", "keep", "retain", "lose"})
# Verbs taking "as" + a role ("X served as director of Y").
AS_VERBS: frozenset[str] = frozenset(
    {"serve", "work", "act", "remain", "resign", "quit", "retire", "step", "oust", "remove", "sack", "fire", "dismiss", "depose",
     "take", "succeed", "stay", "return", "swear", "install", "confirm", "reelect", "re-elect"}
)
# Verbs whose subject body takes on the object person: "Acme hired X as its chief economist".
HIRING_VERBS: frozenset[str] = frozenset({"hire", "appoint", "name", "recruit", "promote", "elect", "nominate"})
# Parts of a body that a person runs or sits on: "chairs the board of X", "heads the unit at X".
UNIT_NOUNS: frozenset[str] = frozenset(
    {"board", "unit", "office", "division", "department", "team", "branch", "wing", "staff", "panel", "desk", "arm",
     "committee", "subcommittee"}
)
# What a board is "of" before the body it belongs to: "the board of directors of Acme".
BOARD_MEMBERS: frozenset[str] = frozenset({"directors", "governors", "trustees", "management"})
# Prepositions linking a role noun to its body ("director of", "spokesman for", "analyst at").
ROLE_PREPS: frozenset[str] = frozenset({"of", "for", "at", "on"})
# Verbs whose object may be a body's office ("runs Acme's Paris office").
_OFFICE_VERBS: frozenset[str] = frozenset({"run", "head", "lead", "direct", "oversee", "manage"})
FUTURE_CUES: frozenset[str] = frozenset({"will", "shall", "'ll", "plans", "plan", "set", "expected", "going", "would"})
NARRATIVE_CUES: frozenset[str] = frozenset({"later", "eventually", "subsequently", "soon", "then"})

# Title (lower-case, modifiers removed) -> cores of the bodies it names (see resolve.body_signature).
# Used only when the passage itself names such a body.
TITLE_BODIES: dict[str, tuple[str, ...]] = {
    "secretary of state": ("state department",),
    "deputy secretary of state": ("state department",),
    "assistant secretary of state": ("state department",),
    "secretary of defense": ("defense department", "pentagon", "defense ministry"),
    "defense secretary": ("defense department", "pentagon", "defense ministry"),
    "secretary of the treasury": ("treasury department", "treasury"),
    "treasury secretary": ("treasury department", "treasury"),
    "secretary of commerce": ("commerce department",),
    "commerce secretary": ("commerce department",),
    "foreign minister": ("foreign ministry", "foreign affairs ministry", "foreign office"),
    "minister of foreign affairs": ("foreign ministry", "foreign affairs ministry", "foreign office"),
    "foreign secretary": ("foreign office", "foreign commonwealth and development office"),
    "defense minister": ("defense ministry", "defence ministry"),
    "defence minister": ("defense ministry", "defence ministry"),
    "minister of defense": ("defense ministry", "defence ministry"),
    "minister of defence": ("defense ministry", "defence ministry"),
    "finance minister": ("finance ministry",),
    "minister of finance": ("finance ministry",),
    "interior minister": ("interior ministry",),
    "senator": ("senate", "united states senate", "us senate"),
    "senators": ("senate", "united states senate", "us senate"),
    "sen.": ("senate", "united states senate", "us senate"),
    "sens.": ("senate", "united states senate", "us senate"),
    "representative": ("house of representatives", "us house of representatives"),
    "rep.": ("house of representatives", "us house of representatives"),
    "attorney general": ("justice department",),
    "mep": ("european parliament",),
    "meps": ("european parliament",),
    "mp": ("house of commons", "parliament"),
    "congressman": ("house of representatives", "us house of representatives"),
    "congresswoman": ("house of representatives", "us house of representatives"),
    "commissioner": ("european commission",),
    "european commissioner": ("european commission",),
    "justice": ("supreme court",),
    "chief justice": ("supreme court",),
}
_PLURAL_TITLES = frozenset({"senators", "sens.", "representatives", "reps."})
_TITLE_CORES = frozenset(core for cores in TITLE_BODIES.values() for core in cores)

# The annotations the patterns test, registered so the patterns stay valid spaCy Matcher patterns;
# the values live in per-token lists (`_annotate`), which the matcher reads with the token attributes.
for _name in ("kg_type", "kg_role", "kg_party", "kg_party_code"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default="" if _name == "kg_type" else False)
_PATTERNS_BY_RULE = {pattern.rule: pattern for pattern in TOKEN_PATTERNS}
_MATCHER = PackedMatcher()
for _pattern in TOKEN_PATTERNS:
    _MATCHER.add(_pattern.rule, [list(_pattern.pattern)])

_ROLE_WORDS = ROLE_NOUNS | ROLE_MODIFIERS | frozenset(PARTY_WORDS)
# First words of every title phrase (with modifiers and honorifics): only these can start one.
_TITLE_STARTS = frozenset(
    {title.split()[0] for title in TITLES} | {t.split()[0].rstrip(".") for t in TITLES}
    | TITLE_MODIFIERS | HONORIFICS | {h.rstrip(".") for h in HONORIFICS}
)
_ANTECEDENT_WINDOW = 120
# Words that may refer back to a body named in an earlier sentence.
_BACK_REFERENCES = frozenset({"its", "whose"}) | _BODY_KINDS
_NOT_IN_ROLE = TITLE_MODIFIERS - {"deputy", "vice"}
_PARTY_NAMES = frozenset(_fold(p) for p in PARTY_WORDS.values())
# Portfolio words that alone do name a body ("the Treasury").
_BODY_ALONE = frozenset({"treasury", "state", "commerce", "justice", "interior"})
_DEMONYM_WORDS = frozenset(w for demonym in DEMONYMS for w in _fold(demonym).split())
_PORTFOLIO_WORDS = frozenset(w for words in PORTFOLIOS.values() for phrase in words for w in phrase.split())
_COUNTRIES_BEFORE = "kg_membership_countries_before"
_PLURAL_ROLES = "kg_membership_plural_roles"
_ACRONYMS = "kg_membership_acronyms"
_PARTIES = "kg_membership_parties"
_COLUMNS = "kg_membership_columns"
_OWNERS = "kg_membership_owners"
_WORDS = "kg_membership_words"
_SENTENCE_SPANS = "kg_membership_sentence_spans"


def find_memberships(doc: Doc, resolution: Resolution) -> list[Relation]:
    """memberOf relations stated in the doc (deduplication happens in kg.extract)."""
    _annotate(doc, resolution)
    relations = list(_token_patterns(doc, resolution))
    relations += _syntactic(doc, resolution)
    relations += _title_bodies(doc, resolution)
    relations += _eponyms(doc, resolution)
    relations += _delegations(doc, resolution)
    relations += _groupings(doc, resolution)
    relations += _counted_members(doc, resolution)
    return _settled(_of_the_dead(doc, resolution, relations))


# Verbs (with their particle, if any) that report a death: "died", "has died", "passed away".
DEATH_VERBS: dict[str, str | None] = {"die": None, "pass": "away"}
# Modal words that make a death a prospect, not a fact ("could die").
_UNREAL = frozenset({"will", "would", "could", "may", "might", "can", "should", "'ll"})


def _of_the_dead(doc: Doc, resolution: Resolution, relations: list[Relation]) -> list[Relation]:
    """A person the passage reports dead (an obituary) holds every membership no longer."""
    dead = _the_dead(doc, resolution) if any(r.status == "current" for r in relations) else set()
    return [replace(r, status="former") if r.subject in dead and r.status == "current" else r for r in relations]


def _the_dead(doc: Doc, resolution: Resolution) -> set[str]:
    """People the passage reports dead: subjects of "died"/"passed away" (not negated or
    modal), and "the late X"."""
    dead = set()
    view = doc_view(doc)
    lemmas = doc.user_data[_COLUMNS]["LEMMA"]
    if "late" not in doc.user_data[_WORDS] and set(lemmas).isdisjoint(DEATH_VERBS):
        return dead
    for token in (view.tokens[i] for i, word in enumerate(view.lower) if word == "late" or lemmas[i] in DEATH_VERBS):
        if token.lower_ == "late" and token.dep_ == "amod" and _annotation(token.head, "kg_type") == "Person" \
                and token.i > 0 and doc[token.i - 1].lower_ == "the":
            dead.add(_entity_of(resolution, token.head))
        if token.lemma_ not in DEATH_VERBS or token.pos_ != "VERB":
            continue
        particle = DEATH_VERBS[token.lemma_]
        if particle and not any(c.lower_ == particle for c in token.children):
            continue
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _UNREAL for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        key = _entity_of(resolution, subject) if _annotation(subject, "kg_type") == "Person" else _role_antecedent(doc, resolution, subject)
        dead.add(key)
    return dead - {None}


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _counted_members(doc: Doc, resolution: Resolution) -> list[Relation]:
    """"A, B and C left the bloc; the three AES members ...": a counted "members" of a named body
    covers the list of exactly that many countries just before it (this or the previous sentence)."""
    tokens = doc_view(doc).tokens
    relations = []
    for i in doc.user_data[_PLURAL_ROLES]:
        noun = tokens[i]
        if noun.lower_ not in MEMBER_NOUNS:
            continue
        count = next((_NUMBER_WORDS.get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None)
        org = next((_entity_of(resolution, c) for c in noun.children if c.dep_ == "compound"
                    and _annotation(c, "kg_type") == "Organization"), None)
        if not count or org is None:
            continue
        countries = _last_country_list(doc, resolution, noun)
        if len(countries) == count:
            relations += [_relation(doc, country, org, "current", noun.sent.start, noun.sent.end, "counted-members", 0.7,
                                    "member") for country in countries]
    return relations


def _last_country_list(doc: Doc, resolution: Resolution, noun: Token) -> list[str]:
    """The countries of the nearest coordinated list of countries before `noun`."""
    tokens = doc_view(doc).tokens
    starts = doc_view(doc).sent_starts
    first = starts[max(0, bisect_right(starts, noun.i) - 2)]
    for j in range(noun.i - 1, first - 1, -1):
        token = tokens[j]
        if _annotation(token, "kg_type") in ("Country", "Place") and token.dep_ == "conj":
            head = token
            while head.dep_ == "conj":
                head = head.head
            items = [head, *head.conjuncts]
            keys = [_entity_of(resolution, t) for t in items]
            if all(_annotation(t, "kg_type") == "Country" for t in items) and None not in keys:
                return list(dict.fromkeys(keys))
            return []
    return []


def _settled(relations: list[Relation]) -> list[Relation]:
    """One status per member and body: where one rule reads a "former"/"ex-" or "incoming" cue
    that another rule's narrower match missed, the membership is a former or planned one."""
    settled = {(r.subject, r.object) for r in relations if r.status in ("former", "planned")}
    return [r for r in relations if r.status != "current" or (r.subject, r.object) not in settled]


def _annotate(doc: Doc, resolution: Resolution) -> None:
    """Entity types, role words and party markers of the tokens, as per-token lists (with the
    token attributes the patterns test) kept in `doc.user_data[_COLUMNS]`: for the matcher and
    for `_annotation`. Lists, because spaCy's extension attributes cost a new object per read."""
    types = {entity.key: entity.type for entity in resolution.entities}
    view = doc_view(doc)
    lowered = view.lower
    doc.user_data[_WORDS] = set(lowered)
    parties = doc.user_data[_PARTIES] = _party_keys(resolution) | _called_parties(resolution, lowered, types,
                                                                                 doc.user_data[_WORDS])
    title_tokens: set[int] = set()
    after_title = 0
    for i in (i for i, word in enumerate(lowered) if word in _TITLE_STARTS):
        n = title_length(lowered, i) if i >= after_title else 0  # a title starts after the one before
        if n:
            title_tokens.update(range(i, i + n))
            after_title = i + n
    acronyms = _acronym_tokens(doc, resolution)
    doc.user_data[_ACRONYMS] = acronyms
    doc.user_data[_PLURAL_ROLES] = plural_roles = [i for i, (lemma, tag) in enumerate(zip(view.lemma, view.tag))
                                                   if lemma in ROLE_NOUNS and tag in ("NNS", "NNPS")]  # `_is_plural_role`
    kinds, roles, party, codes = [""] * len(lowered), [False] * len(lowered), [False] * len(lowered), [False] * len(lowered)
    texts = [t.text for t in view.tokens]
    keyed = {**acronyms, **resolution.token_entity}
    owners = doc.user_data[_OWNERS] = [None] * len(lowered)  # `_entity_of` by token index
    doc.user_data[_SENTENCE_SPANS] = {}
    for i, key in keyed.items():
        owners[i] = key
        if i in title_tokens and types.get(key) == "Person":
            roles[i] = True  # a title the resolver kept inside the name: "leader Jane Roe"
            continue
        kinds[i] = types.get(key, "")
        if key in parties:
            party[i] = True
            if lowered[i] in PARTY_WORDS:
                roles[i] = True
            if len(texts[i]) == 1:
                _mark_party_code(view, codes, i)
    for i in (*title_tokens, *plural_roles, *(i for i, word in enumerate(lowered) if word in _ROLE_WORDS)):
        if i not in keyed:
            roles[i] = True
    for i in (i for i in _positions(doc, _HYPHENS) if 0 < i < len(lowered) - 1):
        # "Vice-President", "treasurer-general": one role across the hyphen
        if roles[i - 1] and roles[i + 1] and not view.tokens[i].whitespace_:
            roles[i] = True
    lemmas = [view.tokens[i].lemma_ if lemma in _LEMMA_WORDS else lemma for i, lemma in enumerate(view.lemma)]
    doc.user_data[_COLUMNS] = {"ORTH": texts, "LOWER": lowered, "LEMMA": lemmas,
                               "POS": view.pos, "TAG": view.tag, "DEP": view.dep, "kg_type": kinds, "kg_role": roles,
                               "kg_party": party, "kg_party_code": codes}


_HYPHENS = frozenset({"-"})
# The lemmas the patterns and `_the_dead` look for, lower-cased. Only a token whose lower-cased
# lemma is one of these needs its lemma as spaCy spells it in the LEMMA column: for any other,
# the lower-cased lemma passes and fails the same IN and NOT_IN tests.
def _lemma_words() -> frozenset[str]:
    words = set(DEATH_VERBS)
    for element in (element for pattern in TOKEN_PATTERNS for element in pattern.pattern if "LEMMA" in element):
        value = element["LEMMA"]
        if isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
            words.update(word.lower() for values in value.values() for word in values)
        elif isinstance(value, str):
            words.add(value.lower())
        else:
            raise ValueError(f"a lemma test the LEMMA column cannot serve lower-cased: {value!r}")
    return frozenset(words)


_LEMMA_WORDS = _lemma_words()


def _positions(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lower-cased word is one of `words`, in order; the doc's set of words
    (see `_annotate`) spares the pass over its tokens when it has none of them."""
    present = doc.user_data[_WORDS] & words
    if not present:
        return []
    return [i for i, word in enumerate(doc_view(doc).lower) if word in present]


def _annotation(token: Token, name: str) -> object:
    """The token's `_annotate` value for kg_type ("" when none), kg_role, kg_party or kg_party_code."""
    columns = token.doc.user_data.get(_COLUMNS)
    if columns is None:
        return "" if name == "kg_type" else False
    return columns[name][token.i]


def _entity_of(resolution: Resolution, token: Token) -> str | None:
    """The token's entity, counting acronyms the resolver missed (see `_annotate`)."""
    key = resolution.token_entity.get(token.i)
    return key if key is not None else token.doc.user_data.get(_ACRONYMS, {}).get(token.i)


def _party_keys(resolution: Resolution) -> frozenset[str]:
    """Bodies that are political parties: a known party name, or one ending in "party" or
    headed by it ("Party of Renewal", "People's Party for Freedom"). Kept for the last
    resolution asked about: the rules ask again and again within one article."""
    if _PARTY_KEYS[0] is not resolution:
        _PARTY_KEYS[:] = resolution, frozenset(
            entity.key for entity in resolution.entities
            if entity.type == "Organization" and (_fold(entity.name) in _PARTY_NAMES or _party_named(_fold(entity.name))))
    return _PARTY_KEYS[1]


_PARTY_KEYS: list = [None, frozenset()]  # (resolution, its party keys)


def _called_parties(resolution: Resolution, lowered: list[str], types: dict[str, str], words: set[str]) -> set[str]:
    """Bodies the passage calls a party: "the Unity party", "Roe's Civic Pact party" (`words`:
    the passage's lower-cased words)."""
    if words.isdisjoint(_PARTY_NOUNS):
        return set()
    return {key for i, key in resolution.token_entity.items()
            if i + 1 < len(lowered) and lowered[i + 1] in _PARTY_NOUNS and resolution.token_entity.get(i + 1) != key
            and types.get(key) == "Organization"}


_PARTY_NOUNS = frozenset({"party", "party's"})


def _party_named(name: str) -> bool:
    return name.endswith(" party") or name.startswith("party ") or " party of " in name or " party for " in name


def _acronym_tokens(doc: Doc, resolution: Resolution) -> dict[int, str]:
    """Unresolved tokens spelling a body's acronym or one-word name given earlier ("the Unity
    Party (UP)" ... "UP spokesperson X"; "Acme" ... "Acme chief X"): the model often misses
    the bare name on later mentions. A one-word name must not open its sentence (a verb may)."""
    owners: dict[str, set[str]] = {}
    for entity in resolution.entities:
        if entity.type == "Organization":
            for form in (entity.name, *entity.aliases):
                if len(form) >= 2 and form.isupper() and form.isalpha() or len(form) >= 4 and form.istitle() and form.isalpha():
                    owners.setdefault(form, set()).add(entity.key)
    if not owners:
        return {}
    return {token.i: next(iter(owners[token.text])) for token in doc_view(doc).tokens
            if token.text in owners and len(owners[token.text]) == 1 and token.i not in resolution.token_entity
            and (token.is_upper or not token.is_sent_start
                 or token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _ROLE_WORDS)}


def _is_plural_role(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in ROLE_NOUNS


def _mark_party_code(view: DocView, codes: list[bool], letter: int) -> None:
    """Mark "D-N.J." after its party letter, so patterns can step over it."""
    codes[letter] = True
    j = letter + 1
    while j < len(codes) and j <= letter + 4 and view.tokens[j].text not in (",", ")", ";") and not view.tokens[j].is_space:
        codes[j] = True
        j += 1


def _matches(doc: Doc, resolution: Resolution) -> Iterator[tuple[str, int, int, list[int]]]:
    """Matcher hits, run only around sentences that name a body or refer back to one (matching
    is the costly part). Each such sentence is matched with its neighbours, since
    abbreviations and signature lines split sentences."""
    view = doc_view(doc)
    types = {entity.key: entity.type for entity in resolution.entities}
    bodies = sorted({i for i, key in resolution.token_entity.items() if types.get(key) == "Organization"}
                    | set(doc.user_data[_ACRONYMS])
                    | set(_positions(doc, _BACK_REFERENCES)))
    bounds = [*view.sent_starts, len(doc)]
    windows: list[list[int]] = []
    for k in range(len(bounds) - 1):
        j = bisect_right(bodies, bounds[k] - 1)
        if j == len(bodies) or bodies[j] >= bounds[k + 1]:
            continue
        first, last = bounds[max(0, k - 1)], bounds[min(len(bounds) - 1, k + 2)]
        if windows and first <= windows[-1][1]:
            windows[-1][1] = last
        else:
            windows.append([first, last])
    columns = doc.user_data[_COLUMNS]
    for first, last in windows:
        yield from _MATCHER(columns, view.tokens, first, last)


def _token_patterns(doc: Doc, resolution: Resolution) -> Iterator[Relation]:
    view = doc_view(doc)
    tokens, lower = view.tokens, view.lower  # the doc's Token objects, not new ones per `doc[i]`
    owners = doc.user_data[_OWNERS]
    for rule, start, end, alignment in _matches(doc, resolution):
        pattern = _PATTERNS_BY_RULE[rule]
        slots: dict[str, list[Token]] = {}
        for token, element in zip(tokens[start:end], alignment):
            slot = pattern.slots[element]
            if slot:
                slots.setdefault(slot, []).append(token)
        members = {owners[t.i] for t in slots.get("member", [])}
        if "members" in slots:
            members = _coordinated(doc, resolution, slots["members"])
        org_slot, role_slot = slots.get("org", []), slots.get("role", [])
        orgs = {owners[t.i] for t in org_slot}
        if orgs == {None}:
            orgs = {_antecedent(doc, resolution, org_slot[0], members)}
        elif len(orgs) == 1 and _is_kind_only(resolution, next(iter(orgs))):
            kind = orgs.pop()  # "Party spokesperson Jane Roe": which party is told elsewhere
            orgs = {_antecedent(doc, resolution, org_slot[-1], members)} - {kind}
        if not members or None in members or len(members) > 1 and "members" not in slots:
            continue
        if len(orgs) != 1 or None in orgs:
            continue
        org = orgs.pop()
        org_end = org_slot[-1].i + 1
        if not _is_body(resolution, org) or _ends_country_name(doc, org_slot[0].i, org_end - 1):
            continue
        after = org_end
        while after < len(tokens) and owners[after] == org:
            after += 1
        if after < len(tokens) and lower[after] in OUTSIDER_NOUNS:
            continue  # "Jane Roe, a Green Party voter"
        if any(t.i == org_end and lower[t.i] in ACCREDITED_ROLES for t in role_slot):
            continue
        if pattern.rule == "org-title-person" and _title_word_only(org_slot):
            continue  # "Foreign" of "Foreign Minister" taken for a ministry: the title rules weigh countries
        if _rank_only(doc, resolution, org):
            continue  # "Cabinet Secretary Jane Roe" holds a rank; no cabinet is named
        if any(word in REGION_NOUNS for word in lower[after : after + 2]) and not tokens[after].is_punct:
            continue  # "the president of the Alto Sur region", "of the Alto-Sur d'Oro region"
        if pattern.rule == "org-title-person" and _ends_in_title(resolution, org):
            continue  # "Acme Plc Chief Executive Officer X": the model took a title word into the name
        role_words = " ".join(lower[t.i] for t in role_slot)
        if role_words in STATE_TITLES and _fold(resolution.by_key(org).name).endswith(" state"):
            continue  # "Delta State Governor Jane Roe"
        if any(lower[t.i] in CLIENT_ROLES for t in role_slot) and any(
                t.text in ("'s", "’s") for t in tokens[org_end : role_slot[0].i]):
            continue  # "Acme's lawyer, Jane Roe": hired by Acme, not part of it
        if any(lower[t.i] in TOPIC_ROLES and t.i + 1 < len(tokens) and lower[t.i + 1] in TOPIC_LINKS for t in role_slot):
            continue
        role_tokens = role_slot
        org_tokens = {t.i for t in org_slot}
        while role_tokens and role_tokens[0].i > start and role_tokens[0].i - 1 not in org_tokens \
                and _is_bare_role(tokens[role_tokens[0].i - 1]):
            role_tokens = [tokens[role_tokens[0].i - 1], *role_tokens]  # "chief" + "executive"
        first = start
        while first > 0 and owners[first - 1] == owners[start] is not None:
            first -= 1
        if pattern.rule in SUBJECT_RULES and first > 0 and tokens[first - 1].pos_ == "ADP":
            continue  # "a letter to Jane Roe from the Water Agency"
        if pattern.rule in FORWARD_APPOSED_RULES and role_tokens and _apposed_forward(doc, role_tokens[-1].i + 1):
            continue  # "asked about Jane Roe, a Water Agency spokesman, Tom Ek, said": the role is Tom Ek's
        status = _status(doc, first, role_tokens + slots.get("cue", []))
        role = _role(role_tokens) if pattern.rule != "person-party-code" else None
        for member in sorted(members - {org}):
            yield _relation(doc, member, org, status, first, end, pattern.rule, pattern.confidence, role)
        if len(members) != 1:
            continue
        member = next(iter(members))
        for token in role_tokens:
            if _annotation(token, "kg_party") and owners[token.i] not in (None, org):
                yield _relation(doc, member, owners[token.i], status, first, end,
                                pattern.rule + "+party", pattern.confidence, None)


_COUNTRY_NAMES = frozenset(_fold(name) for name in COUNTRY_NAMES)


def _mention_start(resolution: Resolution, i: int) -> int:
    """The first token of the entity mention that ends at token `i`."""
    first = i
    while first > 0 and resolution.token_entity.get(first - 1) == resolution.token_entity.get(i):
        first -= 1
    return first


def _ends_country_name(doc: Doc, first: int, last: int) -> bool:
    """Whether a body's mention (tokens `first` to `last`) is the end of a country's name the
    model cut ("Trinidad and [Tobago]")."""
    if first < 2 or doc_view(doc).lower[first - 1] != "and":
        return False
    return any(_fold(doc[start : last + 1].text) in _COUNTRY_NAMES for start in range(max(0, first - 4), first - 1))


def _title_word_only(tokens: list[Token]) -> bool:
    """Whether a body's mention is only portfolio or demonym words ("Foreign", "German Foreign")."""
    if any(_annotation(t, "kg_party") for t in tokens):
        return False  # "Labour MP Jane Roe": a party, whatever its name's words
    words = [t.lower_ for t in tokens]
    return all(w in _PORTFOLIO_WORDS or w in _DEMONYM_WORDS for w in words) and not set(words) & _BODY_ALONE


_KIND_ONLY_NAMES = COLLECTIVE_NOUNS | GENERIC_BODY_NOUNS


def _is_kind_only(resolution: Resolution, key: str | None) -> bool:
    """Whether a body's name is only a kind of body ("Party", "Group"): a reference, not a name."""
    entity = resolution.by_key(key) if key else None
    return entity is not None and _fold(entity.name) in _KIND_ONLY_NAMES


def _named_outside_titles(doc: Doc, resolution: Resolution, key: str) -> bool:
    """Whether some mention of the body `key` is neither the start of a title ("State
    Secretary", "Sports Cabinet Secretary") nor the end of one ("Minister of State")."""
    tokens = doc_view(doc).tokens
    for i, k in resolution.token_entity.items():
        if k != key or i + 1 >= len(doc) or resolution.token_entity.get(i + 1) == key:
            continue  # only the last token of each mention
        first = i
        while first > 0 and resolution.token_entity.get(first - 1) == key:
            first -= 1
        if not _annotation(tokens[i + 1], "kg_role") and not (first > 1 and tokens[first - 1].lower_ == "of" and _annotation(tokens[first - 2], "kg_role")):
            return True
    return False


def _rank_only(doc: Doc, resolution: Resolution, key: str) -> bool:
    """A body named only inside titles that make a rank: "Minister of State", "Cabinet Secretary",
    "Sports Cabinet Secretary"."""
    entity = resolution.by_key(key)
    if entity is None:
        return False
    *portfolio, last = _fold(entity.name).split()
    return last in RANK_BODIES and all(w in _PORTFOLIO_WORDS for w in portfolio) \
        and not _named_outside_titles(doc, resolution, key)


def _ends_in_title(resolution: Resolution, key: str) -> bool:
    """A body's name that ends in a title word ("Acme Plc Chief"), unless the title is the body's
    own subject ("Office of the President")."""
    entity = resolution.by_key(key)
    words = _fold(entity.name).split() if entity is not None else []
    return len(words) > 1 and words[-1] in ROLE_NOUNS and "of" not in words


def _apposed_forward(doc: Doc, i: int) -> bool:
    """Whether a comma at `i` is followed by a person the role phrase before it is apposed to."""
    tokens = doc_view(doc).tokens
    return i + 1 < len(doc) and tokens[i].text == "," and _annotation(tokens[i + 1], "kg_type") == "Person"


def _is_bare_role(token: Token) -> bool:
    return _annotation(token, "kg_role") and not _annotation(token, "kg_type")


def _coordinated(doc: Doc, resolution: Resolution, tokens: list[Token]) -> set[str | None]:
    """The entities of a coordinated list around `tokens`: "Kenya, Chad and Niger"."""
    found = {_entity_of(resolution, t) for t in tokens}
    view = doc_view(doc)
    kinds = doc.user_data[_COLUMNS]["kg_type"]
    kind = kinds[tokens[0].i]
    for step, edge in ((-1, tokens[0].i), (1, tokens[-1].i)):
        j = edge + step
        while 0 <= j < len(doc) and (view.lower[j] in (",", "and") or kinds[j] == kind):
            if kinds[j] == kind:
                found.add(_entity_of(resolution, view.tokens[j]))
            j += step
    return found


def _antecedent(doc: Doc, resolution: Resolution, anaphor: Token, members: set[str | None]) -> str | None:
    """The body "its"/"whose"/"the committee" points back to: the nearest body named before
    it (for a noun, the nearest whose name holds that noun, else for "the party" the nearest
    party and for "the company" the nearest body), within a few sentences."""
    tokens = doc_view(doc).tokens
    if anaphor.lower_ == "whose":
        # "the Unity Party (UP), whose leader": the body right before the pronoun
        j = anaphor.i - 1
        while j > 0 and (tokens[j].text in (",", ")", "(")
                         or tokens[j].is_upper and tokens[j - 1].text == "("):
            j -= 1
        return _entity_of(resolution, tokens[j]) if _annotation(tokens[j], "kg_type") == "Organization" else None
    noun = None if anaphor.lower_ == "its" else anaphor.lower_
    parties = doc.user_data[_PARTIES]
    if noun == "party":
        hosting = _hosting_party(doc, resolution, anaphor)
        if hosting is not None:
            return hosting
    fallback = None
    person_between = False
    for j in range(anaphor.i - 1, max(-1, anaphor.i - _ANTECEDENT_WINDOW), -1):
        token = tokens[j]
        # "its" and "the company" never point past a person ("Acme hired Jane Roe. Its ...")
        person_between = person_between or _annotation(token, "kg_type") == "Person" and _entity_of(resolution, token) not in members
        if _annotation(token, "kg_type") != "Organization":
            continue
        key = _entity_of(resolution, token)
        entity = resolution.by_key(key) if key else None
        if entity is None:
            continue
        if noun is not None and any(noun in words or BODY_SYNONYMS.get(noun, frozenset()) & set(words)
                                    for words in (_fold(form).split() for form in (entity.name, *entity.aliases))):
            return key
        if person_between:
            continue
        if noun is None:
            return key
        # "the club" may be "Benfica" but not "the Ministry of Culture": no other kind of body
        other_kind = _BODY_KINDS & set(_fold(entity.name).split())
        if fallback is None and (noun == "party" and key in parties or noun in GENERIC_BODY_NOUNS and not other_kind
                                 or noun in UMBRELLA_NOUNS and other_kind <= UNION_HEADS):
            fallback = key
    return fallback


def _hosting_party(doc: Doc, resolution: Resolution, anaphor: Token) -> str | None:
    """The party whose premises the same sentence puts the speaker in: "party spokesperson Jane
    Roe said at the Unity Party headquarters"."""
    tokens = doc_view(doc).tokens
    for token in doc[anaphor.i + 2 : anaphor.sent.end]:
        if token.lower_ in PREMISES_NOUNS:
            owner = tokens[token.i - 2] if tokens[token.i - 1].text in ("'s", "’s") else tokens[token.i - 1]
            if _annotation(owner, "kg_type") == "Organization":
                return _entity_of(resolution, owner)  # a party known only by its abbreviation too
    return None


def _is_body(resolution: Resolution, key: str) -> bool:
    """False for a span that is only a country word and a portfolio ("Kenyan Trade", "Health"):
    the model's cut of a title, not a named body."""
    entity = resolution.by_key(key)
    if entity is None or not entity.name.lstrip("-–")[:1].isalnum():
        return False
    words = _fold(entity.name).split()
    if len(words) == 1 and words[0] in GENERIC_HEADS:
        return False  # "the Ministry" alone names no body
    if entity.key in _party_keys(resolution) or not all(w in _PORTFOLIO_WORDS or w in _DEMONYM_WORDS for w in words):
        return True
    return len(words) == 1 and words[0] in _BODY_ALONE


def _status(doc: Doc, start: int, role_tokens: list[Token]) -> str:
    tokens = doc_view(doc).tokens
    cues = {t.lower_ for t in role_tokens}
    if start > 0:
        cues.add(tokens[start - 1].lower_)
    if start > 1 and tokens[start - 1].text in ("-", "–"):
        cues.add(tokens[start - 2].lower_)  # "ex-Labour leader X"
    if cues & FORMER_CUES:
        return "former"
    if cues & PLANNED_CUES:
        return "planned"
    return "current"


def _role(role_tokens: list[Token]) -> str | None:
    words = [t.text for t in role_tokens if t.lower_ not in _NOT_IN_ROLE and not _annotation(t, "kg_party")]
    phrase = " ".join(words).replace(" - ", "-").strip(" -")
    if not phrase:
        return None
    if phrase.lower() in MEMBER_NOUNS:
        return None
    return TITLES.get(phrase.lower(), phrase)


def _relation(doc: Doc, member: str, org: str, status: str, start: int, end: int, rule: str,
              confidence: float, role: str | None) -> Relation:
    return Relation("memberOf", member, org, status, _evidence(doc, start, end), rule, confidence, role)


def _evidence(doc: Doc, span_start: int, span_end: int) -> TextSpan:
    """The sentence holding the match (tokens `span_start` to `span_end`, as in `doc[a:b]`),
    cut at line breaks (headers and signature blocks)."""
    # a sentence without a line break gives every match in it the same evidence: kept by token
    whole = doc.user_data.get(_SENTENCE_SPANS)
    if whole is not None and span_start in whole:
        return whole[span_start]
    view = doc_view(doc)
    tokens, starts = view.tokens, view.sent_starts
    k = bisect_right(starts, span_start) - 1
    first = starts[k] if k >= 0 else 0
    last = starts[k + 1] if k + 1 < len(starts) else len(doc)
    start, end = tokens[first].idx, tokens[last - 1].idx + len(tokens[last - 1].text)
    text = doc_text = view.text
    unbroken = text.find("\n", start, end) == -1
    # the match's characters, as spaCy's Span gives them (an empty match sits at its start)
    start_char = tokens[span_start].idx if span_start < len(tokens) else len(text)
    end_char = tokens[span_end - 1].idx + len(tokens[span_end - 1].text) if span_end > span_start else start_char
    before = text.rfind("\n", start, start_char)
    if before != -1:
        start = before + 1
    after = text.find("\n", end_char, end)
    if after != -1:
        end = after
    while start < end and doc_text[start].isspace():
        start += 1
    while end > start and doc_text[end - 1].isspace():
        end -= 1
    span = TextSpan(doc_text[start:end], start, end)
    if whole is not None and unbroken and span_start < len(tokens):
        whole.update(dict.fromkeys(range(first, last), span))
    return span


def _syntactic(doc: Doc, resolution: Resolution) -> list[Relation]:
    """Clausal forms over the dependency parse: "X, who chairs the Y", "X serves on the Y",
    "X is a member of the Y", "X previously served as Y's commander"."""
    types = {entity.key: entity.type for entity in resolution.entities}
    relations: list[Relation] = []
    candidates = {i for i, key in resolution.token_entity.items() if types.get(key) == "Organization"}
    candidates |= set(doc.user_data[_ACRONYMS]) | set(_positions(doc, _BODY_KINDS))
    view = doc_view(doc)
    owners = doc.user_data[_OWNERS]
    for i in sorted(candidates):
        org, token = owners[i], view.tokens[i]
        back = org is None and _is_body_noun(token)  # "who runs the bank", "a member of the party"
        if not back and (org is None or types.get(org) != "Organization" or owners[view.head[i]] == org):
            continue
        for found in filter(None, (_holder_of(token) or _passive_holder(token), _party_owner(token))):
            relations += _clause_relations(doc, resolution, types, token, back, found)
    return relations


def _clause_relations(doc: Doc, resolution: Resolution, types: dict[str, str], token: Token, back: bool,
                      found: tuple[Token, list[Token], Token | None, str]) -> list[Relation]:
    """The memberships of one clause `found` on the body `token` (a body noun when `back`);
    `types` maps entity keys to their types."""
    org = _entity_of(resolution, token)
    holder_token, cue_tokens, role_token, rule = found
    member = _entity_of(resolution, holder_token) or _role_antecedent(doc, resolution, holder_token) \
        or _person_by_name_part(resolution, holder_token)
    if back:
        org = _antecedent(doc, resolution, token, {member})
        if org is None or not _is_body(resolution, org):
            return []
    if _rank_only(doc, resolution, org) or token.i + 1 < len(doc) and doc[token.i + 1].lower_ in REGION_NOUNS:
        return []  # "a Minister of State", "the president of the Alto Sur region"
    if not back and _ends_country_name(doc, _mention_start(resolution, token.i), token.i):
        return []  # "Trinidad and [Tobago]'s Prime Minister"
    if role_token is not None and role_token.lower_ in CLIENT_ROLES and token.dep_ == "poss" and token.head == role_token:
        return []  # "Acme's lawyer, Jane Roe"
    collective = rule in _COLLECTIVE_RULES or rule.endswith("-seat") or role_token is not None and (
        role_token.lower_ in MEMBER_NOUNS or role_token.lower_ in _PARTNER_NOUNS and token.head.lower_ == "in")
    if member is None and collective:
        member = _country_antecedent(doc, resolution, holder_token)
    members = [member] if member is not None else _countries_of_people(doc, resolution, holder_token) if collective else []
    members = [m for m in members if m != org and types.get(m) in _MEMBER_TYPES[collective]]
    if not members:
        return []
    if any(child.dep_ == "neg" and cue.lower_ != "longer" for cue in cue_tokens for child in cue.children):
        return []
    status = _clause_status(cue_tokens)
    if rule.removeprefix("verb-") in LEAVING:
        status = "current" if status == "planned" else "former"  # "will leave X next month": still in X
    role = _role(_role_phrase(role_token)) if role_token is not None else None
    start = min(t.i for t in (token, holder_token, *cue_tokens))
    end = max(t.i for t in (token, holder_token, *cue_tokens)) + 1
    relations = [_relation(doc, m, org, status, start, end, rule, 0.75, role) for m in members]
    shared_verb = role_token is None and rule.startswith("verb-") and (
        holder_token.head in cue_tokens or _shared_relative(cue_tokens[0], holder_token))
    if shared_verb or role_token is not None and role_token.tag_ in ("NNS", "NNPS"):
        # "X and Y, both members of Z", "X and Y left Z": a plural role or a shared verb covers every holder
        for other in holder_token.conjuncts:
            key = _entity_of(resolution, other)
            if key not in (None, member, org) and types.get(key) == types.get(member):
                relations.append(_relation(doc, key, org, status, start, end, rule, 0.75, role))
    return relations


def _shared_relative(verb: Token, antecedent: Token) -> bool:
    """Whether a relative clause on a list speaks of all of it: "A and B, which both joined X",
    "A and B, who lead X" (a plural verb)."""
    return verb.dep_ == "relcl" and verb.head == antecedent and bool(antecedent.conjuncts) and (
        verb.tag_ == "VBP" or any(c.lower_ in _ALL_OF_THEM for c in verb.children))


# Words by which a clause on a list covers each item: "A and B, which both joined X".
_ALL_OF_THEM = frozenset({"both", "all", "each"})


def _role_antecedent(doc: Doc, resolution: Resolution, noun: Token) -> str | None:
    """The person a definite role noun refers back to: "The secretary, who served as X" is the
    last person titled exactly "Secretary" in this or the previous sentence; "The lawyer, who
    runs X" is the one person named there (none when several are). "he"/"she" is the one
    person of the nearest sentence before that names people."""
    if noun.lower_ in _SUBJECT_PRONOUNS:
        return _pronoun_antecedent(doc, resolution, noun)
    if noun.lower_ in _MEMBER_KINDS:
        return None  # "the small state, a member of X" is a country, never a person named before
    if noun.pos_ != "NOUN" or not _is_role(noun) or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            or any(c.dep_ in ("poss", "prep") for c in noun.children):
        return None
    if _aged(noun):
        return _pronoun_antecedent(doc, resolution, noun)  # "The former minister, 51," reads as "she"
    starts = doc_view(doc).sent_starts
    first = starts[max(0, bisect_right(starts, noun.i) - 2)]
    people: dict[str, int] = {}
    for entity in resolution.entities:
        if entity.type == "Person":
            spots = [m.start for m in entity.mentions if doc[first].idx <= m.start < noun.idx]
            if spots:
                people[entity.key] = max(spots)
    if noun.lower_ in TITLES:
        title = TITLES[noun.lower_].lower()
        titled = [key for key in people if title in (r.lower() for r in resolution.by_key(key).roles)]
        if titled:
            return max(titled, key=people.get)
        # "Foreign Minister X ... The minister": a longer title of the same kind, if one person holds it
        kind = [key for key in people if any(r.lower().endswith(" " + title) for r in resolution.by_key(key).roles)]
        return kind[0] if len(kind) == 1 else None
    return next(iter(people)) if len(people) == 1 else None


def _country_antecedent(doc: Doc, resolution: Resolution, noun: Token) -> str | None:
    """The country "the state" / "the small Baltic country" refers back to: the one country
    named in this sentence before it and the sentence before (none when several are)."""
    tokens = doc_view(doc).tokens
    if noun.lower_ not in _COUNTRY_WORDS or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    starts = doc_view(doc).sent_starts
    first = starts[max(0, bisect_right(starts, noun.i) - 2)]
    countries = {resolution.token_entity.get(i) for i in range(first, noun.i) if _annotation(tokens[i], "kg_type") == "Country"} - {None}
    return countries.pop() if len(countries) == 1 else None


_COUNTRY_WORDS = frozenset({"state", "country", "nation", "kingdom", "republic"})


def _aged(noun: Token) -> bool:
    """Whether a role noun gives the age of whom it describes ("The former minister, 51,", "the
    51-year-old minister"): a profile of the one person just named, not a new one."""
    return any(c.dep_ == "appos" and c.like_num or c.dep_ == "amod" and c.lower_.endswith("year-old") or
               c.lower_ == "old" and any(g.lower_ == "year" for g in c.subtree) for c in noun.children)


def _person_by_name_part(resolution: Resolution, token: Token) -> str | None:
    """The one person whose full name holds a proper noun left unresolved: "Aalto" for "Ana
    Aalto Berg" (a first of two surnames), "Ekdahl" for "Ekdahl Varo" (a name used alone)."""
    if token.pos_ != "PROPN" or _annotation(token, "kg_type") or not token.text[:1].isupper():
        return None
    word = _fold(token.text)
    found = {e.key for e in resolution.entities if e.type == "Person" and word in _fold(e.name).split()}
    return found.pop() if len(found) == 1 else None


def _pronoun_antecedent(doc: Doc, resolution: Resolution, pronoun: Token) -> str | None:
    """The one person named in the nearest of the last few sentences that names any (nothing
    when that sentence names several: the pronoun could be either)."""
    starts = [*doc_view(doc).sent_starts, len(doc)]
    k = bisect_right(starts, pronoun.i) - 1
    for back in range(k, max(-1, k - _PRONOUN_WINDOW), -1):
        first, last = starts[back], min(starts[back + 1], pronoun.i)
        people = {resolution.token_entity.get(i) for i in range(first, last)} - {None}
        people = {key for key in people if resolution.by_key(key).type == "Person"}
        if people:
            return people.pop() if len(people) == 1 else None
    return None


_PRONOUN_WINDOW = 4


# Nouns for the countries of people spoken of: "the two leaders, whose countries are members of X".
COUNTRY_NOUNS: frozenset[str] = frozenset({"countries", "nations", "governments", "states"})


def _countries_of_people(doc: Doc, resolution: Resolution, noun: Token) -> list[str]:
    """The countries in "whose/their countries": those that own the titles of the people named
    in this sentence and the one before ("Kenyan President X met Chad's Prime Minister Y. The two
    leaders, whose countries ..."), wherever the passage gave them those titles; nothing unless
    two or more such countries are found."""
    if noun.lower_ not in COUNTRY_NOUNS or not any(c.dep_ == "poss" and c.lower_ in ("whose", "their")
                                                   or c.dep_ in ("det", "nummod") and c.lower_ in ("both", "two")
                                                   for c in noun.children):
        return []  # "whose countries", "their countries", "both countries", "the two countries"
    starts = doc_view(doc).sent_starts
    k = bisect_right(starts, noun.i) - 1
    first = starts[max(0, k - 1)]
    lowered = doc_view(doc).lower
    countries: dict[str, None] = {}
    for entity in resolution.entities:
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions]
        spans = [span for span in spans if span is not None]
        if entity.type != "Person" or not any(first <= span.start < noun.i for span in spans):
            continue
        for span in spans:  # the country may come with the title where the person was introduced
            for title_start, _, _ in _titles_of(doc, lowered, span):
                country = _country_before(doc, title_start)
                if country:
                    countries[country] = None
    keys = {_fold(e.name): e.key for e in resolution.entities if e.type in ("Country", "Place")}
    found = [keys.get(_fold(country)) for country in countries]
    return found if len(found) > 1 and None not in found else []


# Who may be a member: a person always; a body or country only of "member" forms and joins.
_MEMBER_TYPES = {False: frozenset({"Person"}), True: frozenset({"Person", "Organization", "Country"})}
_COLLECTIVE_RULES = frozenset({"verb-join", "verb-rejoin", "verb-leave", "verb-quit", "verb-withdraw-from", "verb-chair",
                               "verb-chair-by"})
# "the Greens, the largest partner in the ruling coalition": a party inside a coalition.
_PARTNER_NOUNS = frozenset({"partner", "partners"})


def _role_phrase(role: Token) -> list[Token]:
    """The role noun with the title words right before it ("Secretary" + "General")."""
    view = doc_view(role.doc)
    kinds, roles = role.doc.user_data[_COLUMNS]["kg_type"], role.doc.user_data[_COLUMNS]["kg_role"]
    first = view.sent_bounds[view.sentence_of(role.i)][0]
    start = role.i
    while start > first and roles[start - 1] and not kinds[start - 1]:
        start -= 1
    return view.tokens[start : role.i + 1]


def _holder_of(org: Token) -> tuple[Token, list[Token], Token | None, str] | None:
    """The token naming who belongs to the body `org` heads, the tokens carrying status cues,
    the role noun (if any) and the rule id; None when the body is not in such a clause."""
    if org.dep_ == "conj" and _annotation(org.head, "kg_type") == "Organization":
        return _holder_of(org.head)  # "a member of X and Y": whatever holds X holds Y
    if org.dep_ == "conj" and _is_role(org.head) and _role_body(org.head) is not None:
        return _holder_of_role(org.head)  # the same, with "Y" hung on the role: "[a member of X] and [Y]"
    if org.dep_ in ("compound", "poss") and org.head.lower_ in NAME_KIND_NOUNS:
        org = org.head  # "the Unity party", "Acme's board", "the Acme union"
    if org.dep_ == "appos" and org.head.pos_ == "NOUN" and not _annotation(org.head, "kg_type"):
        org = org.head  # "the carrier Maersk" fills the slot of "carrier"
    if org.dep_ in ("poss", "compound") and org.head.lower_ in UNIT_NOUNS and (
            org.head.dep_ == "pobj" or org.head.dep_ == "dobj" and org.head.head.lemma_ in OBJECT_VERBS):
        org = org.head  # "head of Acme's research unit" reads as "head of the unit"; "joins Acme's board"
    if org.dep_ == "poss" and org.head.dep_ == "dobj" and org.head.head.lemma_ in _OFFICE_VERBS:
        org = org.head  # "who runs Acme's Paris office"
    if org.dep_ == "pobj" and org.head.lower_ == "of" and org.head.head.lower_ in BOARD_MEMBERS \
            and org.head.head.dep_ == "pobj" and org.head.head.head.head.lower_ in UNIT_NOUNS:
        org = org.head.head.head.head  # "the board of directors of Acme" reads as "the board of Acme"
    if org.dep_ == "pobj" and org.head.lower_ in ("of", "at") and org.head.head.dep_ in ("dobj", "pobj") \
            and org.head.head.lower_ in UNIT_NOUNS:
        org = org.head.head  # "who chairs the board of Acme", "sits on the board of Acme"
    if org.dep_ == "pobj" and org.head.lower_ == "in":
        org = _chamber_group(org.head.head) or org  # "who heads the Unity group in the Senate" sits in the Senate
    head = org.head
    if org.dep_ == "nsubj" and head.lemma_ in HIRING_VERBS:
        return _hired(head)
    if org.dep_ == "dobj" and (head.lemma_ in OBJECT_VERBS or head.lemma_ in PARTY_OBJECT_VERBS and _annotation(org, "kg_party")):
        subject = _subject_of(head)
        return (subject, _verb_cues(head), None, f"verb-{head.lemma_}") if subject is not None else None
    if org.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if verb.dep_ == "pobj" and verb.head.lower_ == "as":
            verb = verb.head.head  # "sits as an independent in the X" reads as "sits in the X"
        if _is_career_span(verb) and verb.dep_ == "pobj" and verb.head.head.dep_ == "dobj":
            verb = verb.head.head.head  # "spent most of her twenties at X" reads as "spent years at X"
        if verb.lemma_ == "spend" and not any(c.dep_ == "dobj" and any(_is_career_span(g) for g in c.subtree)
                                              for c in verb.children):
            return None
        if (verb.lower_ in ("seat", "seats") and head.lower_ in ("on", "in", "at") or verb.lower_ in OFFICE_NOUNS
                and head.lower_ == "of") and verb.dep_ == "dobj" and verb.head.lemma_ in SEAT_VERBS:
            holder = _subject_of(verb.head)  # "holds a seat on the Security Council", "won the leadership of X"
            seat = verb if verb.lower_ not in OFFICE_NOUNS else None  # "the leadership" names no role
            return (holder, _verb_cues(verb.head), seat, f"verb-{verb.head.lemma_}-seat") if holder is not None else None
        if verb.lower_ in OFFICE_NOUNS and head.lower_ == "of" and verb.dep_ == "pobj" and verb.head.lower_ == "for" \
                and verb.head.head.lemma_ in CANDIDATE_VERBS:
            holder = _subject_of(verb.head.head)  # "ran for the leadership of X": a candidate from within
            return (holder, _verb_cues(verb.head.head), None, "verb-run-for") if holder is not None else None
        if verb.lemma_ in PREP_VERBS and head.lower_ in PREP_VERBS[verb.lemma_] and not (
                verb.lemma_ in INTRANSITIVE_ONLY and any(c.dep_ == "dobj" for c in verb.children)):
            subject = _subject_of(verb)
            return (subject, _verb_cues(verb), None, f"verb-{verb.lemma_}-{head.lower_}") if subject is not None else None
        if verb.lemma_ in _COPULAS and head.lower_ in ("at", "with"):
            # "became director of trade at X": the place of work hangs on the verb
            role = next((c for c in verb.children if c.dep_ == "attr" and _is_role(c)), None)
            if role is not None:
                return _holder_of_role(role)
        found = _holder_of_role(head.head) if _role_link(head) and _is_role(head.head) else None
        outer = head.head.head  # "chief of staff of X", "head of research at X"
        if found is None and head.lower_ in ROLE_PREPS and head.head.dep_ == "pobj" and outer.dep_ == "prep" \
                and outer.lower_ == "of" and _is_role(outer.head):
            found = _holder_of_role(outer.head)
        return found
    if org.dep_ in ("poss", "compound") and _is_role(head):
        if org.dep_ == "compound" and head.lower_ in ACCREDITED_ROLES and head.i == org.i + 1:
            return None
        return _holder_of_role(head)
    return None


_COPULAS = frozenset({"be", "become", "remain"})


def _role_body(role: Token) -> Token | None:
    """The named body a role is "of": "a member of [X]"."""
    return next((g for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and _annotation(g, "kg_type") == "Organization"), None)


def _chamber_group(up: Token) -> Token | None:
    """The group a person leads "in" a chamber, whether the parser hangs "in" on the group
    ("heads [the group in the Senate]") or on the verb ("heads [the group] [in the Senate]")."""
    if up.dep_ == "dobj" and up.lower_ in CHAMBER_GROUPS:
        return up
    if up.lemma_ in OBJECT_VERBS:
        return next((c for c in up.children if c.dep_ == "dobj" and c.lower_ in CHAMBER_GROUPS), None)
    return None


def _is_career_span(token: Token) -> bool:
    return token.lemma_ in CAREER_SPANS or token.lower_ in CAREER_SPANS


def _hired(verb: Token) -> tuple[Token, list[Token], Token, str] | None:
    """The person a body hires or names to a role: "Acme hired X as its chief economist",
    "the party elected X leader" (the role must be stated)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    person = next((c for c in objects if _annotation(c, "kg_type") == "Person"), None)
    if person is None:
        # "appointed X chief executive" is often parsed as one object headed by the role
        role = next((c for c in objects if _is_role(c)), None)
        person = next((g for g in role.children if _annotation(g, "kg_type") == "Person" and g.dep_ in ("nmod", "compound")), None) \
            if role is not None else None
        return (person, [verb], role, f"verb-{verb.lemma_}-as") if person is not None else None
    roles = [c for c in verb.children if c.dep_ == "oprd" and _is_role(c)]
    roles += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
              if g.dep_ == "pobj" and _is_role(g)]
    roles += [c for c in person.children if c.dep_ in ("oprd", "appos") and _is_role(c) and c.i > person.i]
    return (person, [verb], roles[0], f"verb-{verb.lemma_}-as") if roles else None


def _is_body_noun(token: Token) -> bool:
    """A definite common noun for a body named before: "the bank", "the party" (not one whose
    name follows: "the engineering group Holm & Friis")."""
    return token.pos_ == "NOUN" and token.lower_ in _BODY_KINDS and not _annotation(token, "kg_type") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and not any(c.dep_ == "appos" or _annotation(c, "kg_type") for c in token.children) \
        and not (token.i + 1 < len(token.doc) and _annotation(token.doc[token.i + 1], "kg_type"))


def _passive_holder(org: Token) -> tuple[Token, list[Token], None, str] | None:
    """The agent of a passive leading verb on the body: "the Greens, led by X", "the agency is
    headed by X", "the party, which is chaired by X"."""
    verbs = [child for child in org.children if child.dep_ in ("acl", "relcl")]
    for verb in verbs:
        lemma = _LEADING_FORMS.get(verb.lower_) if verb.dep_ == "relcl" else None
        if lemma and not any(c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
            # "the Unity Party, which Roe leads" (the model may read "chairs" as a noun compounding the name)
            holder = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
                           or c.dep_ == "compound" and _annotation(c, "kg_type") == "Person"), None)
            if holder is not None:
                return holder, [verb], None, f"verb-{lemma}-relative"
    if org.dep_ == "nsubjpass":
        verbs.append(org.head)
    for verb in verbs:
        if verb.lemma_ not in _PASSIVE_LEADING or verb.tag_ != "VBN":
            continue
        for agent in verb.children:
            if agent.dep_ == "agent":
                holder = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if holder is not None:
                    return holder, [verb], None, f"verb-{verb.lemma_}-by"
    return None


# Verbs whose passive agent (or subject, in a relative clause on the body) leads the body.
_PASSIVE_LEADING = frozenset({"lead", "head", "chair", "run", "direct", "found", "command"})
# Their active forms, read by word since the model may tag "chairs" or "heads" as a noun.
_LEADING_FORMS: dict[str, str] = {
    "leads": "lead", "led": "lead", "heads": "head", "headed": "head", "chairs": "chair", "chaired": "chair",
    "runs": "run", "ran": "run", "directs": "direct", "directed": "direct", "founded": "found",
    "commands": "command", "commanded": "command",
}


def _party_owner(org: Token) -> tuple[Token, list[Token], Token, str] | None:
    """The person a party is "of": "the Unity Movement, the party of Prime Minister Jane Roe"."""
    kind = next((c for c in org.children if c.dep_ == "appos" and c.lower_ in COLLECTIVE_NOUNS
                 and c.left_edge.i == org.i + 2 and org.doc[org.i + 1].text == ","), None)
    if kind is None and (org.lower_ in COLLECTIVE_NOUNS and not _annotation(org, "kg_type") or _annotation(org, "kg_party")):
        kind = org  # "the party of X"; "the Unity Party of Prime Minister X"
    if kind is None:
        return None
    of = next((c for c in kind.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj" and _annotation(c, "kg_type") == "Person"), None) if of is not None else None
    if owner is not None:
        return owner, [kind], None, "party-of-person"
    if kind is org:
        return None
    # "the X, the party led by Y"
    for verb in (c for c in kind.children if c.dep_ == "acl" and c.lemma_ in _PASSIVE_LEADING and c.tag_ == "VBN"):
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None and _annotation(agent, "kg_type") == "Person":
            return agent, [verb], None, f"verb-{verb.lemma_}-by"
    return None


def _role_link(prep: Token) -> bool:
    """Whether `prep` ties a role to its body: "director of", "partner in", not "expert on"."""
    role = prep.head.lower_
    if role in TOPIC_ROLES and prep.lower_ in TOPIC_LINKS:
        return False
    return prep.lower_ in ROLE_PREPS or prep.lower_ == "in" and (role in _PARTNER_NOUNS or role in INSIDE_ROLES) \
        or prep.lower_ == "to" and role in ADVISING_ROLES


def _verb_cues(verb: Token) -> list[Token]:
    """The verb and, for "used to work", the verb it complements (which carries the status)."""
    return [verb, verb.head] if verb.dep_ == "xcomp" else [verb]


def _is_role(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lower_ in _MEMBER_KINDS:  # "a member state of X", "part of X"
        return token.lower_ == "part" or any(c.lower_ == "member" for c in token.children)
    return token.lower_ in ROLE_NOUNS or token.lower_ in TITLES or token.tag_ == "NNS" and token.lemma_ in ROLE_NOUNS


_MEMBER_KINDS = frozenset({"state", "states", "country", "countries", "nation", "nations", "part"})


def _holder_of_role(role: Token) -> tuple[Token, list[Token], Token, str] | None:
    """Who holds `role`: its apposition head, the subject of "is a <role>", or of "served as <role>",
    or the pronoun after a role that opens the sentence ("A former member of X, she quit")."""
    fronted = _fronted_subject(role)
    if fronted is not None:
        return fronted, [role, role.left_edge, *role.doc[role.sent.start : role.sent.start + 1]], role, "fronted-role"
    if role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.lower_ == "one" and role.tag_ in ("NNS", "NNPS"):
        found = _holder_of_role(role.head.head)  # "X is one of the founding members of Y"
        return (found[0], [role, *found[1]], role, found[3]) if found is not None else None
    named = next((c for c in role.children if _annotation(c, "kg_type") and (c.dep_ == "appos" and c.i > role.i or _listed_after(role, c))),
                 None)
    if named is not None:
        return named, [role], role, "role-apposed-holder"  # "the agency's top vaccine official, X"
    if role.dep_ == "appos" and _apposed_forward(role.doc, role.right_edge.i + 1):
        return None  # "a meeting with X, a Water Agency spokeswoman, Jane Roe, said": the role is Jane Roe's
    if role.dep_ == "appos":
        # "X, no longer a member of Y": the adverb may hang off X rather than the role
        between = [t for t in role.doc[role.head.i + 1 : role.i] if t.dep_ == "advmod" and t.head.i == role.head.i]
        return role.head, [role, *between], role, "appositive-role"
    if role.dep_ == "conj" and role.i + 1 < len(role.doc) and _annotation(role.doc[role.i + 1], "kg_type") == "Person":
        # "Senate Leader X and House Leader Y": the second title is Y's, however the parser hangs Y
        return role.doc[role.i + 1], [role], role, "role-apposed-holder"
    if role.dep_ == "conj" and _is_role(role.head):
        # "X, a former minister and still a member of Y": the status is the second role's own
        found = _holder_of_role(role.head)
        return (found[0], [role], role, found[3]) if found is not None else None
    if role.dep_ == "attr" or role.dep_ == "dobj" and _copula_misread(role.head):
        subject = _subject_of(role.head)  # "X is set to become chairman of Y"
        return (subject, [role, *_verb_cues(role.head)], role, "copula-role") if subject is not None else None
    if role.dep_ == "oprd":
        subject = _subject_of(role.head)  # "X was named chief executive of Y"
        return (subject, [role, *_verb_cues(role.head)], role, "named-role") if subject is not None else None
    if role.dep_ == "pobj" and role.head.lower_ == "as" and role.head.head.lemma_ in AS_VERBS:
        verb = role.head.head
        subject = _subject_of(verb)
        # the model reads the particle of "stepped down" as a particle or as an adverb
        down = "-down" if any(c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "aside") for c in verb.children) else ""
        return (subject, [role, *_verb_cues(verb)], role, f"verb-{verb.lemma_}{down}-as") if subject is not None else None
    return None


def _copula_misread(verb: Token) -> bool:
    """"A and B are founding members of X" read as a verb "founding" taking "members"."""
    return verb.lower_ == "founding" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _listed_after(role: Token, conj: Token) -> bool:
    """Whether `conj` opens a list the parser hung on a plural role: "the three members, A, B and C"."""
    return conj.dep_ == "conj" and role.tag_ == "NNS" and conj.i == role.i + 2 and role.doc[role.i + 1].text == ","


def _fronted_subject(role: Token) -> Token | None:
    """The pronoun subject right after a sentence-opening role phrase: "A former member of X,
    she ..."; "Once a director of X, he ..."."""
    doc = role.doc
    view = doc_view(doc)
    start = view.sent_bounds[view.sentence_of(role.i)][0]
    opening = role.left_edge.i == start or role.left_edge.i == start + 1 and doc[start].lower_ in _OPENERS
    after = role.right_edge.i + 1
    if not opening or after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].lower_ not in _SUBJECT_PRONOUNS:
        return None
    return doc[after + 1] if doc[after + 1].dep_ in ("nsubj", "nsubjpass") else None


# Words that may open a sentence before a fronted role ("Once a member of X, she ...").
_OPENERS = frozenset({"once", "formerly", "previously", "now", "still", "as"})
_SUBJECT_PRONOUNS = frozenset({"he", "she"})


def _subject_of(verb: Token) -> Token | None:
    """The nominal subject of a verb, through relative pronouns and coordinated verbs."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                antecedent = verb.head
                if antecedent.dep_ == "appos" and not _annotation(antecedent, "kg_type") and _is_role(antecedent):
                    antecedent = antecedent.head  # "X, a former minister who quit the Y"
                elif not _annotation(antecedent, "kg_type") and _is_role(antecedent):
                    # "the party's candidate, X, who has since joined the Y": the clause hangs on the role
                    antecedent = next((c for c in antecedent.children if c.dep_ == "appos" and c.i > antecedent.i
                                       and _annotation(c, "kg_type") == "Person"), antecedent)
                return antecedent
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _SEQUENCE_PREPS \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head.head)  # "X worked abroad before joining Y"
    if verb.dep_ == "xcomp" and (verb.head.lemma_ in _ASPECT_VERBS or verb.head.lower_ in FUTURE_CUES):
        return _subject_of(verb.head)  # "who used to work for X", "continues to serve on X", "is set to join X"
    return None


# Prepositions whose gerund shares the subject of the verb they hang on: "X taught before joining Y".
_SEQUENCE_PREPS = frozenset({"before", "after", "since", "upon"})
# Verbs whose infinitive complement keeps their subject's membership claim.
_ASPECT_VERBS = frozenset({"use", "continue", "begin", "start"})


def _clause_status(cue_tokens: list[Token]) -> str:
    words = set()
    if cue_tokens:
        view = doc_view(cue_tokens[0].doc)
        lower, dep, pos, children = view.lower, view.dep, view.pos, view.children
    for cue in cue_tokens:
        words.add(lower[cue.i])
        # on a verb "then" orders events ("then joined X"); on a role it dates it ("then a
        # member") unless a conjunction makes it a next step ("A and then the head of X")
        words.update(lower[c] for c in children[cue.i] if dep[c] in ("amod", "advmod", "aux", "npadvmod")
                     and not (lower[c] == "then" and (pos[cue.i] in ("VERB", "AUX") or _next_step(lower, c))))
    if words & FORMER_CUES:
        return "former"
    if words & FUTURE_CUES and not ("would" in words and words & NARRATIVE_CUES):
        return "planned"  # "would join" looks ahead; "would later join" tells a past career
    if any(cue.lemma_ in _PAST_MEANS_FORMER and cue.tag_ == "VBD" for cue in cue_tokens) and not words & _STILL_CUES:
        return "former"
    if any((_told_past(cue) or cue.pos_ == "NOUN") and (any(_ends_then(c) for c in cue.children) or _closed_span(cue))
           for cue in cue_tokens):
        return "former"  # "led the party until 2020", "its chief executive until last year"
    if any(_told_past(cue) and cue.lemma_ in _TENURE_VERBS and any(_moved_on(c) for c in cue.children) for cue in cue_tokens):
        return "former"  # "worked for X before joining Y", "had served on X before his arrest"
    return "current"


def _told_past(verb: Token) -> bool:
    """A simple past or a past perfect ("had worked")."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _moved_on(child: Token) -> bool:
    """A "before" phrase or clause after a stint: "before joining Y", "before his arrest", "before he left"."""
    if child.dep_ == "prep":
        return child.lower_ == "before" and any(c.dep_ in ("pobj", "pcomp") for c in child.children)
    return child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in child.children)


# Verbs of a stint in a body, which "before" something else closes ("worked at X before joining Y").
_TENURE_VERBS = frozenset({"serve", "work", "spend", "sit", "teach", "report", "chair"})


def _next_step(lower: list[str], then: int) -> bool:
    """"then" (token `then` of words `lower`) after a conjunction orders a career ("A and then
    the head of X"), not dates a role."""
    return then > 0 and lower[then - 1] in ("and", "or")


def _ends_then(child: Token) -> bool:
    """An "until" phrase or clause closing a past role: "until 2020", "until he was expelled"."""
    if child.dep_ == "prep":
        return child.lower_ == "until"
    return child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in child.children)


def _closed_span(cue: Token) -> bool:
    """A stretch of years with an end: "from 2010 to 2015", "between 2010 and 2015"."""
    preps = {c.lower_: c for c in cue.children if c.dep_ == "prep"}
    if "between" in preps:
        return sum(t.like_num for t in preps["between"].subtree) >= 2
    return "from" in preps and "to" in preps and all(any(t.like_num for t in preps[p].subtree) for p in ("from", "to"))


# "X, who served as envoy" tells of a post held before; "still", "now" say it goes on.
_PAST_MEANS_FORMER = frozenset({"serve"})
_STILL_CUES = frozenset({"still", "now", "currently"})


def _title_bodies(doc: Doc, resolution: Resolution) -> list[Relation]:
    """"Secretary of State Jane Roe" -> the State Department, when the passage names it."""
    if not any(_body_signature(form)[1] in _TITLE_CORES or _PORTFOLIO_HEADS & set(_fold(form).split())
               for entity in resolution.entities if entity.type == "Organization"
               for form in (entity.name, *entity.aliases)):
        return []  # no body that a title could name
    bodies: dict[str, list[tuple[str, str | None]]] = {}
    portfolio_bodies: list[tuple[str, str | None, str, frozenset[str]]] = []
    for entity in resolution.entities:
        if entity.type == "Organization":
            forms = (entity.name, *entity.aliases)
            # a short alias ("Ministry of Foreign Affairs") keeps the country its full name gives
            named_country = next((c for c, _ in map(_body_signature, forms) if c), None)
            context_country = _country_of_mentions(doc, entity) or named_country
            for form in forms:
                country, core = _body_signature(form)
                country = country or context_country
                bodies.setdefault(core, []).append((entity.key, country))
                folded = _fold(form)
                if _PORTFOLIO_HEADS & set(folded.split()):
                    portfolio_bodies.append((entity.key, country, folded, _portfolios(folded)))
    links: list[tuple[str, str, str | None, str, str, int, int, str, int]] = []
    home: dict[tuple[int, str | None], set[str]] = {}
    lowered = doc_view(doc).lower
    starts = doc_view(doc).sent_starts
    for entity in resolution.entities:
        if entity.type != "Person":
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for title_start, title, title_end in _titles_of(doc, lowered, span):
                title_start, title = _with_portfolio(doc, lowered, title_start, title)
                title_country = _country_before(doc, title_start) or _country_before_list(doc, lowered, title_start)
                owner = _owning_body(doc, title_start)
                region = None if title_country else _region_before(doc, title_start)
                sentence = bisect_right(starts, title_start)
                if not title_country and not region:
                    home.setdefault((sentence, _title_head(title)), set()).add(entity.key)
                candidates = [(org, country, "title-names-body") for core in TITLE_BODIES.get(title, ())
                              for org, country in bodies.get(core, ())]
                candidates += [(org, country, "title-portfolio-body")
                               for org, country in _portfolio_bodies(title, portfolio_bodies)]
                first, last = min(title_start, span.start), max(title_end, span.end)
                cues = set(lowered[max(0, title_start - 1) : span.start]) | set(lowered[span.end : title_start])
                status = "former" if FORMER_CUES & cues else "current"
                for org, country, rule in dict.fromkeys(candidates):
                    if title_country and country and title_country != country or not _is_body(resolution, org):
                        continue
                    if region and not _names_region(resolution.by_key(org).name, region):
                        continue  # "Bavaria's interior minister" leads no national ministry
                    if owner and country:
                        continue  # "the Falcon Front's foreign minister" serves no country's ministry
                    links.append((entity.key, org, title_country if not country else None, title, rule, first, last, status,
                                  sentence))
    # "Minister X held talks with Ghana's foreign minister, Y": a sentence that gives one
    # minister no country and the other one is told from the first one's side, so the ministry
    # the passage leaves unplaced is not the foreign minister's.
    links = [link for link in links
             if not (link[2] and _title_head(link[3]) and home.get((link[8], _title_head(link[3])), set()) - {link[0]})]
    links = _closest_titles(resolution, _without_rival_countries(resolution, links))
    return [_relation(doc, person, org, status, first, last, rule, 0.75, TITLES.get(title))
            for person, org, _, title, rule, first, last, status, _ in links]


def _country_before_list(doc: Doc, lowered: list[str], title_start: int) -> str | None:
    """The country of the first of two joined titles: "Jordanian Deputy Prime Minister and
    Foreign Minister X" is Jordan's foreign minister."""
    tokens = doc_view(doc).tokens
    if lowered[title_start] != "and":
        return None
    j = title_start
    while j > 0 and _annotation(tokens[j - 1], "kg_role") and not _annotation(tokens[j - 1], "kg_type"):
        j -= 1
    return _country_before(doc, j) if j < title_start else None


def _owning_body(doc: Doc, title_start: int) -> bool:
    """Whether a body other than a party stands right before a title ("Falcon Front foreign
    minister X", "the Front's foreign minister"): the title is held in that body."""
    tokens = doc_view(doc).tokens
    j = title_start - 1
    if j > 0 and tokens[j].text in ("'s", "’s"):
        j -= 1
    return j >= 0 and _annotation(tokens[j], "kg_type") == "Organization" and not _annotation(tokens[j], "kg_party")


def _closest_titles(resolution: Resolution, links: list[tuple]) -> list[tuple]:
    """When people of one sentence claim one body by their titles ("Foreign Affairs Minister
    X and Foreign Minister Y met at the National Foreign Office"), keep those whose title words all
    appear in the body's name, if some but not all do."""
    claimants: dict[tuple[str, int], set[str]] = {}
    for person, org, *_, sentence in links:
        claimants.setdefault((org, sentence), set()).add(person)
    kept = []
    for link in links:
        person, org, title, sentence = link[0], link[1], link[3], link[8]
        if len(claimants[(org, sentence)]) > 1:
            body = set(_fold(resolution.by_key(org).name).split())
            fitting = {p for p, o, _, t, *_, s in links if o == org and s == sentence and _title_fits(t, body)}
            if fitting and person not in fitting:
                continue
        kept.append(link)
    return kept


def _title_fits(title: str, body: set[str]) -> bool:
    return set(title.split()) - _PORTFOLIO_TITLES - TITLE_MODIFIERS - ORG_LINKS - {"the"} <= body


def _title_head(title: str) -> str | None:
    """The office noun of a portfolio title: "minister" in "minister for foreign affairs"."""
    return next((word for word in title.split() if word in _PORTFOLIO_TITLES), None)


def _without_rival_countries(resolution: Resolution, links: list[tuple]) -> list[tuple]:
    """Drop title links to a body the passage does not place in a country when titles of
    different countries claim it ("Canada's defence minister" and "Poland's minister of
    national defence" vs "the Ministry of National Defence"): only the titles that spell the
    body's whole portfolio keep it, and none if those still disagree."""
    claims: dict[str, set[str]] = {}
    for _, org, country, *_ in links:
        if country:
            claims.setdefault(org, set()).add(country)
    kept = []
    for link in links:
        org, country, title = link[1], link[2], link[3]
        if country and len(claims[org]) > 1:
            spelled = {c for _, o, c, t, *_ in links if o == org and c and _spells_body(t, resolution.by_key(org).name)}
            if country not in spelled or len(spelled) > 1:
                continue
        kept.append(link)
    return kept


def _spells_body(title: str, body: str) -> bool:
    """Whether a title holds every portfolio word of a body's name ("minister of national
    defence" for "Ministry of National Defence")."""
    words = set(_fold(body).split()) - _PORTFOLIO_HEADS - ORG_LINKS - {"the"}
    return bool(words) and words <= set(title.split())


def _region_before(doc: Doc, start: int) -> set[str] | None:
    """The words of a place below a country that owns a title: "Bavaria's" in "Bavaria's
    interior minister" (a lone word the model took for a person counts: titles are owned by
    places, rarely by people)."""
    tokens = doc_view(doc).tokens
    k = start - 1
    if k < 1 or tokens[k].text not in ("'s", "’s"):
        return None
    end = k
    while k > 0 and _annotation(tokens[k - 1], "kg_type") and _annotation(tokens[k - 1], "kg_type") not in ("Country", "Organization"):
        k -= 1
    if k == end or _annotation(tokens[end - 1], "kg_type") != "Place" and end - k > 1:
        return None
    return set(_fold(doc[k:end].text).split())


def _names_region(body: str, region: set[str]) -> bool:
    """Whether a body's name holds the region or its adjective ("Bavarian" for "Bavaria")."""
    words = _fold(body).split()
    return all(any(w[:5] == r[:5] and len(r) > 3 and len(w) > 3 or w == r for w in words) for r in region)


# Heads of bodies a minister or secretary leads, and the titles that lead them.
_PORTFOLIO_HEADS = frozenset({"ministry", "department", "office", "secretariat", "ministries"})
_PORTFOLIO_TITLES = frozenset({"minister", "secretary"})
_SPOKES_TITLES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_PORTFOLIO_PHRASES = sorted(((phrase, topic) for topic, phrases in PORTFOLIOS.items() for phrase in phrases),
                            key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=8192)
def _portfolios(words: str) -> frozenset[str]:
    """Portfolios named in folded text."""
    padded = f" {words} "
    return frozenset(topic for phrase, topic in _PORTFOLIO_PHRASES if f" {phrase} " in padded)


def _with_portfolio(doc: Doc, lowered: list[str], start: int, title: str) -> tuple[int, str]:
    """Extend a title back over portfolio words the title lexicon lacks: "Economy" + "Minister"
    (not over a party: "Labour MP")."""
    tokens = doc_view(doc).tokens
    while start > 0 and not _annotation(tokens[start - 1], "kg_party") \
            and (_portfolios(lowered[start - 1]) or lowered[start - 1] in ("and", "ministry", "department")):
        start -= 1
        title = f"{lowered[start]} {title}"
    return start, title


def _portfolio_bodies(title: str, bodies: list[tuple[str, str | None, str, frozenset[str]]]) -> list[tuple[str, str | None]]:
    """Bodies a portfolio title names: "economy minister" -> "Ministry of Economy"; "ministry
    spokesperson" -> the one ministry the passage names."""
    words = title.split()
    if words[-1] in _SPOKES_TITLES and len(words) >= 2 and words[-2] in _PORTFOLIO_HEADS:
        # "foreign ministry spokesman" -> the one foreign ministry the passage names
        wanted = _portfolios(" ".join(words[:-2]))
        named = {org for org, _, form, topics in bodies if words[-2] in form.split() and (not wanted or wanted & topics)}
        return [(org, country) for org, country, _, _ in bodies if org in named] if len(named) == 1 else []
    if not _PORTFOLIO_TITLES & set(words):
        return []
    wanted = _portfolios(title)
    return [(org, country) for org, country, _, topics in bodies if wanted & topics]


def _country_of_mentions(doc: Doc, entity: Entity) -> str | None:
    """The country a body is qualified by where the text names it: "Uganda's Foreign Ministry"."""
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or _title_word_only(list(span)):
            continue  # "Foreign" of "Italian Foreign Minister" is a title, not where the body is
        country = _country_before(doc, span.start)
        if country:
            return country
    return None


def _country_before(doc: Doc, start: int) -> str | None:
    """The country a title is qualified by: "Chinese Foreign Minister", "Germany's Foreign Minister"."""
    seen = doc.user_data.setdefault(_COUNTRIES_BEFORE, {})
    if start not in seen:
        seen[start] = _read_country_before(doc, start)
    return seen[start]


def _read_country_before(doc: Doc, start: int) -> str | None:
    view = doc_view(doc)
    tokens = view.tokens
    k = start - 1
    if k >= 0 and tokens[k].text in ("'s", "’s"):
        k -= 1
    for n in (3, 2, 1):
        if k - n + 1 < 0:
            continue
        words = view.text[tokens[k - n + 1].idx : tokens[k].idx + len(tokens[k].text)]
        country, rest = _body_signature(words + " x")
        if country and rest == "x":
            return country
    return None


def _titles_of(doc: Doc, lowered: list[str], span: Span) -> Iterator[tuple[int, str, int]]:
    """(start, title, end) of the titles a person is given: right before the name ("Secretary
    of State X"), a plural title before a list of people ("Senators X (D-Ohio) and Y"), or in
    apposition after it ("X, Kenya's trade minister, said")."""
    tokens = doc_view(doc).tokens
    after = _title_after(doc, lowered, span)
    if after is not None:
        yield after
    ends = (span.start, span.start - 1) if span.start > 0 and tokens[span.start - 1].text == "," else (span.start,)
    for end in ends:
        for start in range(max(0, end - 7), end):
            if _title_length(tuple(lowered[start:end])) == end - start:
                words = [w for w in lowered[start:end] if w not in TITLE_MODIFIERS]
                yield start, " ".join(words), end
                return
    j = span.start - 1
    while j >= max(0, span.start - 40):
        token = tokens[j]
        if " ".join(lowered[j - 1 : j + 1]) in _PLURAL_TITLES or lowered[j] in _PLURAL_TITLES:
            start = j - 1 if " ".join(lowered[j - 1 : j + 1]) in _PLURAL_TITLES else j
            yield start, " ".join(lowered[start : j + 1]), j + 1
            return
        if not (token.text in (",", "(", ")", "and") or _annotation(token, "kg_party_code") or _annotation(token, "kg_type") == "Person"):
            return
        j -= 1


def _title_after(doc: Doc, lowered: list[str], span: Span) -> tuple[int, str, int] | None:
    """The title apposed after a name: "X, the former defence minister," / "X, Chad's
    minister of finance." (the title must end the apposition)."""
    tokens = doc_view(doc).tokens
    j = span.end
    if j >= len(doc) - 1 or lowered[j] != ",":
        return None
    j += 1
    if lowered[j] in ("the", "a", "an"):
        j += 1
    while j < len(doc) and _annotation(tokens[j], "kg_type") in ("Country", "Place"):
        j += 1
    if j < len(doc) and lowered[j] in ("'s", "’s"):
        j += 1
    while j < len(doc) and (lowered[j] in TITLE_MODIFIERS or _qualifies_title(tokens[j])):
        j += 1
    n = title_length(lowered, j) if j < len(doc) else 0
    while n and not lowered[j + n - 1][:1].isalpha():
        n -= 1  # the sentence's full stop is not part of the title
    end = j + n
    if not n or end < len(doc) and lowered[end] not in _APPOSITION_ENDS:
        return None
    return j, " ".join(w for w in lowered[j:end] if w not in TITLE_MODIFIERS), end


_APPOSITION_ENDS = frozenset({",", ".", ";", ")", "—", "–", "who", "said", "says", "for", "from"})


def _qualifies_title(token: Token) -> bool:
    """A party or a nationality before a title: "the Labour MP", "a Green MEP", "a Dutch MEP"."""
    if _annotation(token, "kg_party") or token.lower_ in _DEMONYM_WORDS:
        return True
    return token.pos_ in ("ADJ", "PROPN") and token.text[:1].isupper() and not _annotation(token, "kg_type") and not _annotation(token, "kg_role")


def _eponyms(doc: Doc, resolution: Resolution) -> list[Relation]:
    """"the Smith administration": Smith belongs to it."""
    people: dict[str, str] = {}
    for entity in resolution.entities:
        words = _fold(entity.name).split() if entity.type == "Person" else []
        if words:  # a name of punctuation alone folds to nothing
            people.setdefault(words[-1], entity.key)
    relations = []
    for entity in resolution.entities:
        words = _fold(entity.name).split()
        if entity.type != "Organization" or len(words) != 2 or words[1] not in LEADER_ORG_SUFFIXES or words[0] not in people:
            continue
        mention = entity.mentions[0]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            relations.append(_relation(doc, people[words[0]], entity.key, "current", span.start, span.end,
                                       "eponym-body", 0.7, None))
    return relations


# Nouns for a group sent by a body, whose named members belong to that body.
DELEGATION_NOUNS: frozenset[str] = frozenset({"delegation", "delegations"})
# Verbs that name a delegation's members: "is led by X", "includes Y", "a delegation headed by X".
DELEGATION_VERBS: dict[str, str] = {"lead": "agent", "head": "agent", "include": "dobj", "comprise": "dobj"}
# Links inside the noun phrase between a delegation and the body that sends it.
_PHRASE_LINKS = frozenset({"prep", "pobj", "poss", "compound", "nummod", "amod", "case", "det", "nmod", "appos"})
# Links that open a clause of its own: people named inside it are not listed members.
_CLAUSE_LINKS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
_DELEGATION_WINDOW = 3


def _delegations(doc: Doc, resolution: Resolution) -> list[Relation]:
    """"A delegation of MEPs from the Y Committee ... The delegation is led by X and includes
    Z": the people listed as a delegation's members belong to the bodies that send it (the
    body in the delegation's own phrase, or that of the last delegation named before). Plural
    roles listing people ("Green Party ministers, including X") are read in the same pass."""
    tokens = doc_view(doc).tokens
    starts = doc_view(doc).sent_starts
    relations = []
    last: tuple[int, set[str]] | None = None
    candidates = set(doc.user_data[_PLURAL_ROLES]) | set(_positions(doc, DELEGATION_NOUNS))
    for token in (tokens[i] for i in sorted(candidates)):
        if _is_plural_role(token) and (token.lower_ not in MEMBER_NOUNS or token.lower_ == "members"):
            relations += _listed_role_holders(doc, resolution, token)
            continue
        if token.lower_ not in DELEGATION_NOUNS or token.pos_ != "NOUN":
            continue
        sentence = bisect_right(starts, token.i) - 1
        bodies = _sending_bodies(doc, resolution, token)
        if bodies:
            last = (sentence, bodies)
        elif last is not None and sentence - last[0] <= _DELEGATION_WINDOW and token.i > 0 and tokens[token.i - 1].lower_ == "the":
            bodies = last[1]
        if not bodies:
            continue
        for person in _listed_members(doc, resolution, token):
            member = _entity_of(resolution, person)
            for org in sorted(bodies):
                relations.append(_relation(doc, member, org, "current", person.i, person.i + 1,
                                           "delegation-member", 0.7, None))
    return relations


def _listed_role_holders(doc: Doc, resolution: Resolution, role: Token) -> list[Relation]:
    """"Green Party ministers, including X and Y", "officials from the Water Agency, such as X":
    the people a plural role lists belong to the body that role is held in."""
    tokens = doc_view(doc).tokens
    listed = [g for c in role.children if c.dep_ == "prep" and c.lower_ in ("including", "as")
              and (c.lower_ == "including" or tokens[c.i - 1].lower_ == "such") for g in c.children if g.dep_ == "pobj"]
    after = role.right_edge.i + 1
    if not listed and after + 1 < len(doc) and tokens[after].text == "," and tokens[after + 1].lower_ == "including":
        # "met members of the X, including Y": the parser hangs "including" on the verb
        listed = [g for g in tokens[after + 1].children if g.dep_ == "pobj"]
    if not listed:
        return []
    bodies = {_entity_of(resolution, c) for c in role.children if c.dep_ in ("compound", "poss")}
    bodies |= {_entity_of(resolution, g) for c in role.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "in")
               for g in c.children if g.dep_ == "pobj"}
    bodies = {key for key in bodies - {None} if resolution.by_key(key).type == "Organization" and _is_body(resolution, key)}
    if len(bodies) != 1:
        return []
    org = bodies.pop()
    status = "former" if any(c.lower_ in FORMER_CUES for c in role.children) else "current"
    return [_relation(doc, _entity_of(resolution, person), org, status, role.i, person.i + 1, "plural-role-including",
                      0.7, None) for person in _people_under(resolution, listed)]


def _sending_bodies(doc: Doc, resolution: Resolution, delegation: Token) -> set[str]:
    """Bodies named in the delegation's own phrase ("a delegation of MEPs from the X's Y
    Committee" -> X and Y), plus the body its members' plural title names ("MEPs")."""
    found = set()
    for token in delegation.subtree:
        key = _entity_of(resolution, token)
        if key is None or _annotation(token, "kg_type") != "Organization" or not _is_body(resolution, key):
            continue
        if _in_phrase(token, delegation):
            found.add(key)
    titled = {t.lower_ for t in delegation.subtree if t.lower_ in TITLE_BODIES and t.tag_ in ("NNS", "NNPS")}
    if titled:
        cores = {core for title in titled for core in TITLE_BODIES[title]}
        found |= {e.key for e in resolution.entities if e.type == "Organization" and _body_signature(e.name)[1] in cores}
    return found


def _listed_members(doc: Doc, resolution: Resolution, delegation: Token) -> list[Token]:
    """The people a clause lists as the delegation's members: the agent of "led by", the object
    of "includes" (and of verbs coordinated with them), or "including X"."""
    verbs = []
    if delegation.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(delegation.head)
        verbs += [v for v in delegation.head.conjuncts if not any(c.dep_.startswith("nsubj") for c in v.children)]
    phrase = [t for t in delegation.subtree if _in_phrase(t, delegation)]
    verbs += [c for t in phrase for c in t.children if c.dep_ == "acl"]  # "a delegation of MEPs, led by X"
    objects = []
    for verb in verbs:
        wanted = DELEGATION_VERBS.get(verb.lemma_)
        for child in verb.children:
            if wanted == "agent" and child.dep_ == "agent" or wanted == "dobj" and child.dep_ == "dobj":
                objects += [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "agent" else [child]
    objects += [g for t in phrase for c in t.children if c.dep_ == "prep" and c.lower_ == "including"
                for g in c.children if g.dep_ == "pobj"]
    return _people_under(resolution, objects)


def _in_phrase(token: Token, head: Token) -> bool:
    """Whether `token` is part of the noun phrase `head` heads (not of a clause inside it)."""
    node = token
    while node.i != head.i and node.dep_ in _PHRASE_LINKS and node.head.i != node.i:
        node = node.head
    return node.i == head.i


def _people_under(resolution: Resolution, objects: list[Token]) -> list[Token]:
    """The people named in the phrases `objects` head, leaving out those inside a clause of
    their own ("X, who met Y")."""
    people = []
    for obj in objects:
        for token in obj.subtree:
            if _annotation(token, "kg_type") != "Person" or _annotation(token.head, "kg_type") == "Person" and _entity_of(resolution, token.head) \
                    == _entity_of(resolution, token):
                continue
            node = token
            while node.i != obj.i and node.dep_ not in _CLAUSE_LINKS:
                node = node.head
            if node.i == obj.i:
                people.append(token)
    return people


# Verbs whose subject body counts its members as objects: "the bloc includes X and Y".
GROUPING_VERBS: dict[str, str] = {"include": "dobj", "comprise": "dobj", "group": "dobj", "unite": "dobj",
                                  "consist": "of", "make": "of"}


# The inflected forms of the grouping verbs, to find them without reading every token's lemma.
_GROUPING_FORMS = frozenset(
    form for verb in GROUPING_VERBS if verb != "make" for form in (verb, verb + "s", verb + "d", verb + "ed", verb[:-1] + "ing",
                                                                   verb + "ing", verb[:-1] + "es")
) | {"made"}


def _groupings(doc: Doc, resolution: Resolution) -> list[Relation]:
    """"NATO, which includes X and Y", "the bloc comprises X", "its members include X", "the
    alliance is made up of X and Y": the listed countries, bodies or people are members."""
    relations = []
    for verb in (doc[i] for i in _positions(doc, _GROUPING_FORMS)):
        wanted = GROUPING_VERBS.get(verb.lemma_)
        if wanted is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "make" and not _made_up(verb):
            continue
        subject = _subject_of(verb)
        if verb.lemma_ == "make" and subject is None:
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        org = _grouping_body(doc, resolution, subject) if subject is not None else None
        if org is None:
            continue
        if wanted == "dobj":
            objects = [c for c in verb.children if c.dep_ == "dobj"]
        else:
            objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            objects += [g for p in verb.children if p.dep_ == "prt" for c in p.children if c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"]
        seen = set()
        for token in (t for obj in objects for t in obj.subtree if _in_phrase(t, obj) or t.dep_ == "conj"):
            key = _entity_of(resolution, token)
            if key is None or key in seen or key == org or _annotation(token, "kg_type") not in ("Country", "Organization", "Person"):
                continue
            seen.add(key)
            relations.append(_relation(doc, key, org, "current", min(verb.i, token.i), max(verb.i, token.i) + 1,
                                       f"grouping-{verb.lemma_}", 0.7, None))
    return relations


def _made_up(verb: Token) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and verb.tag_ == "VBN"


def _grouping_body(doc: Doc, resolution: Resolution, subject: Token) -> str | None:
    """The body a grouping verb's subject names: the body itself, "its/whose members", "the
    members of X", or "the bloc" (the body named before)."""
    key = _entity_of(resolution, subject)
    if key is not None:
        return key if _annotation(subject, "kg_type") == "Organization" and _is_body(resolution, key) else None
    if subject.lemma_ in ("member", "state", "country", "nation"):
        for child in subject.children:
            owner = _entity_of(resolution, child)
            if child.dep_ in ("poss", "compound") and owner is not None and _annotation(child, "kg_type") == "Organization":
                return owner
            if child.dep_ == "poss" and child.lower_ == "whose" and subject.head.dep_ == "relcl":
                return _grouping_body(doc, resolution, subject.head.head)  # "the bloc, whose members include"
            if child.dep_ == "poss" and child.lower_ == "its":
                return _antecedent(doc, resolution, child, set())
            if child.dep_ == "prep" and child.lower_ == "of":
                owner = next((_entity_of(resolution, g) for g in child.children if g.dep_ == "pobj"), None)
                return owner if owner is not None and resolution.by_key(owner).type == "Organization" else None
        return None
    if subject.lower_ in _BODY_KINDS and any(c.lower_ == "the" for c in subject.children):
        return _antecedent(doc, resolution, subject, set())
    return None
