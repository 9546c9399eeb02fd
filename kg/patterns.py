"""Rule tables for visits and talksWith: trigger lexicons, argument paths and status cues.

Everything here is data. `kg.events` applies it over the dependency parse, so a rule is one row
and tests parametrize over the rows. A path is a tuple of steps from the trigger token: "dep"
follows a child with that dependency label, "dep:lemma" also requires the child's lemma (for
prepositions, e.g. "prep:to" then "pobj"). Rule ids name the row that fired in the output graph.
"""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str, ...]

PERSON_TYPES = frozenset({"Person"})
AGENT_TYPES = frozenset({"Person", "Organization"})
PLACE_TYPES = frozenset({"Place", "Country"})
PARTY_TYPES = frozenset({"Person", "Organization", "Place", "Country"})


@dataclass(frozen=True)
class Rule:
    """One trigger family: lemmas, where its other argument hangs, and how much we trust it."""

    id: str
    kind: str
    lemmas: frozenset[str]
    paths: tuple[Path, ...]
    confidence: float
    pos: frozenset[str] = frozenset({"VERB"})
    object_types: frozenset[str] = PLACE_TYPES
    particle: str = ""  # a particle or fixed object that must be present ("touched down")
    bare: bool = False  # only without a to-infinitive ("called on X" vs "called on X to go")


def _rule(rule_id: str, lemmas: str, paths: tuple[Path, ...], confidence: float,
          pos: str = "VERB", object_types: frozenset[str] = PLACE_TYPES,
          particle: str = "", bare: bool = False) -> Rule:
    kind = "visits" if rule_id.startswith("visits.") else "talksWith"
    return Rule(rule_id, kind, frozenset(lemmas.split()), paths, confidence,
                frozenset(pos.split()), object_types, particle, bare)


TO = ("prep:to", "pobj")
IN = ("prep:in", "pobj")
AT = ("prep:at", "pobj")
FOR = ("prep:for", "pobj")
WITH = ("prep:with", "pobj")
BETWEEN = ("prep:between", "pobj")
OF = ("prep:of", "pobj")
ALONGSIDE = ("prep:alongside", "pobj")
ON = ("prep:on", "pobj")  # islands: "toured the camps on Crete", "landed on Malta"

# Verbal visit triggers: the subject of the verb travels to the place the path reaches.
VISIT_VERB_RULES: tuple[Rule, ...] = (
    # "toured the construction site of the X Stadium": the place is the part's whole
    # "toured steel towns, including A and B": the parser may hang the list on the verb
    _rule("visits.visit", "visit tour", (("dobj",), ("dobj", *OF), ("prep:including", "pobj")),
          0.9),
    _rule("visits.enter", "enter", (("dobj",),), 0.75),  # "entered Peru", "barred from entering"
    # "to visit schools in Cusco", "toured the camps at Calais": where the object is
    _rule("visits.visit_in", "visit tour", (IN, AT, ON, ("dobj", *IN), ("dobj", *AT),
                                            ("dobj", *ON)), 0.8),
    _rule("visits.travel_to", "travel fly head go journey jet come sail drive rush hurry dash "
          "race ride hop", (TO, ("prep:into", "pobj")), 0.9),
    # "moved on to Lagos", "pressed on to Lagos" (a bare "moved to" is a change of home)
    _rule("visits.move_on", "move press continue push", (TO,), 0.8, particle="on"),
    _rule("visits.arrive_in", "arrive land", (IN, AT, TO, ON), 0.9),
    _rule("visits.touch_down", "touch", (IN, AT), 0.85, particle="down"),
    _rule("visits.reach", "reach", (("dobj",),), 0.75),
    _rule("visits.pull_into", "sail cross", (("prep:into", "pobj"),), 0.75),
    # "pulled into Lima" is a trip, "pulled out of the trip" the opposite
    _rule("visits.roll_into", "pull roll", (("prep:into", "pobj"),), 0.75, particle="into"),
    _rule("visits.head_for", "head", (FOR,), 0.8),
    _rule("visits.depart_for", "depart leave embark", (FOR,), 0.85),
    _rule("visits.set_off_for", "set", (FOR,), 0.8, particle="off"),
    _rule("visits.set_out_for", "set", (FOR,), 0.8, particle="out"),
    _rule("visits.stop_in", "stop stopover", (IN, AT, ("prep:over", "pobj")), 0.8),
    _rule("visits.begin_in", "begin start conclude end wrap round", (IN,), 0.6),
    _rule("visits.spend_in", "spend stay", (IN, AT), 0.7),
    _rule("visits.perform_in", "perform sing campaign", (IN, AT), 0.7),
)

# "spent eleven years in X", "began her career in X": a stretch of a life or career spent
# somewhere is a residence, not a trip
LIFE_SPANS = frozenset("year decade career life childhood youth lifetime term tenure".split())

# "spent the week touring farms in X" where the parser made the gerund a compound noun
GERUND_VISITS = frozenset("touring visiting".split())
GERUND_RULE = ("visits.touring_in", 0.7)

# Lemmas of a clause that tells a trip: "the visit" later in the story is that subject's.
# Phrasal ones ("touched down", "moved on") tell a trip only with their particle; doing
# something in a place ("campaigned in X") is no trip without the place.
TRAVEL_LEMMAS = frozenset(lemma for rule in VISIT_VERB_RULES
                          if not rule.particle and rule.id != "visits.perform_in"
                          for lemma in rule.lemmas)
PHRASAL_TRAVEL = {lemma: rule.particle for rule in VISIT_VERB_RULES if rule.particle
                  for lemma in rule.lemmas if lemma not in TRAVEL_LEMMAS}

# Verbs that make a visit only with a particular object, the place hanging from the verb or
# the object: "gave two concerts in Porto", "led a delegation (of 30 firms) to Hanoi".
@dataclass(frozen=True)
class ObjectRule:
    """A light verb plus the object nouns that turn it into a visit."""

    id: str
    verbs: frozenset[str]
    objects: frozenset[str]
    paths: tuple[Path, ...]
    confidence: float


OBJECT_VISIT_RULES: tuple[ObjectRule, ...] = (
    ObjectRule("visits.appear_in", frozenset("give deliver stage hold headline play".split()),
               frozenset("concert recital performance show gig lecture speech address sermon "
                         "reading".split()), (IN, AT), 0.7),
    ObjectRule("visits.lead_to", frozenset("lead head".split()),
               frozenset("delegation mission team".split()), (TO,), 0.8),
    # "attended the funeral in Madrid", "will attend a summit in Lima": present at an event
    ObjectRule("visits.attend_in", frozenset("attend".split()),
               frozenset("funeral ceremony summit conference forum inauguration wedding rally "
                         "celebration commemoration festival games session meeting talks "
                         "parade".split()), (IN, AT), 0.65),
    # the rites of a state visit: "laid a wreath at the memorial in Kyiv", "inspected a
    # guard of honour in Hanoi"
    ObjectRule("visits.ceremony_in", frozenset("lay place inspect review".split()),
               frozenset("wreath wreaths guard troops".split()), (IN, AT), 0.75),
)
# "took her campaign to Lima", "a tour that will take him to Quito": carrying verbs; the
# visitor is a person carried, else the subject.
CARRY_VERBS = frozenset("take bring carry".split())
CARRY_RULE = ("visits.take_to", 0.7)
# "B will accompany A", "A, joined by B, ...", "A was joined by B": B goes where A goes.
ACCOMPANY_VERBS = frozenset("accompany join".split())
ACCOMPANY_RULE = ("visits.accompany", 0.7)
# "B will join A in Rio": B goes to the place named with the person joined.
JOIN_IN_RULE = ("visits.join_in", 0.7)

# Nominal visit triggers ("his trip to", "a visit to", "a stop in", "a tour of").
TRIP_NOUNS = frozenset("trip visit travel tour journey mission stopover voyage stop leg swing "
                       "codel".split())
# "his Lima trip": a place compounded with these nouns is the destination (but a "U.S.
# delegation" comes from there).
TRIP_COMPOUND_NOUNS = frozenset("trip visit tour stopover".split())
# "starts ten days of travel to X": the destination hangs from the light verb, not the noun.
TRIP_LIGHT_VERBS = frozenset("begin start make take pay embark continue undertake set "
                             "conclude wrap".split())
# "the two trips X made to Y": a trip told by a relative clause on its light verb
TRIP_MADE_VERBS = frozenset("make take pay undertake".split())
# Nominal rules whose place may hang from the light verb instead ("continued her tour in X").
LIGHT_VERB_NOUN_RULES = frozenset({"visits.trip_to", "visits.stop_in"})
# "invited X to visit Y", "asked X to travel": the object, not the subject, would go.
OBJECT_CONTROL_VERBS = frozenset("invite ask urge encourage persuade allow permit order force "
                                 "press tell advise request send dispatch".split())
VISIT_NOUN_RULES: tuple[Rule, ...] = (
    _rule("visits.trip_to", "trip visit travel tour journey mission stopover voyage delegation "
          "codel swing", (TO, ("prep:by", "pobj", *TO)), 0.85, pos="NOUN"),
    _rule("visits.stop_in", "stop stopover visit leg trip tour stay appearance", (IN, AT), 0.8,
          pos="NOUN"),
    _rule("visits.tour_of", "tour", (OF,), 0.8, pos="NOUN"),
    _rule("visits.arrival_in", "arrival landing", (IN, AT, TO), 0.85, pos="NOUN"),
)

HOST_MEALS = "dinner lunch luncheon banquet reception breakfast".split()
# "met visiting Secretary Roe": the parser makes "visiting" a verb over the guest.
VISITING_OBJECT = (("xcomp:visiting", "dobj"), ("advcl:visiting", "dobj"))

HOST_RULE_ID = "talksWith.host"
# Verbal talk triggers: the subject talks with whoever the path reaches.
TALK_VERB_RULES: tuple[Rule, ...] = (
    _rule("talksWith.meet_with", "meet confer talk speak negotiate consult chat converse "
          "discuss", (WITH, ("prep:by", "pobj", *WITH), ("prep:over", "pobj", *WITH),
                      ("prep:via", "pobj", *WITH)), 0.9, object_types=PARTY_TYPES),
    _rule("talksWith.meet", "meet", (("dobj",), *VISITING_OBJECT, ("agent", "pobj")), 0.85,
          object_types=PARTY_TYPES),
    _rule("talksWith.speak_to", "speak talk", (TO,), 0.75, object_types=PERSON_TYPES),
    _rule(HOST_RULE_ID, "host receive welcome greet",
          (("dobj",), *VISITING_OBJECT, ("agent", "pobj")), 0.8,
          object_types=PERSON_TYPES),
    # "shook hands with X", "sat down with X"
    _rule("talksWith.shook_hands", "shake", (("dobj:hands", *WITH), WITH), 0.75,
          object_types=PERSON_TYPES, particle="hands"),
    _rule("talksWith.sat_down_with", "sit", (WITH,), 0.75, object_types=PERSON_TYPES,
          particle="down"),
    # "hosted a dinner for X", "gave a banquet for X"
    _rule("talksWith.dinner_for", "host give throw hold",
          tuple(("dobj:" + meal, *FOR) for meal in HOST_MEALS), 0.75, object_types=PERSON_TYPES),
    _rule("talksWith.show_around", "show", (("agent", "pobj"),), 0.75,
          object_types=PERSON_TYPES, particle="around"),
    _rule("talksWith.call", "call phone telephone", (("dobj",),), 0.7,
          object_types=PERSON_TYPES),
    # "had consulted A and B over several weeks"
    _rule("talksWith.consult", "consult", (("dobj",),), 0.75, object_types=AGENT_TYPES),
    # "visited her predecessor X at home": visiting a person is meeting them
    _rule("talksWith.visit_person", "visit", (("dobj",),), 0.75, object_types=PERSON_TYPES),
    # "called on the mayor at city hall" (but "called on X to resign" is a demand)
    _rule("talksWith.call_on", "call", (ON,), 0.7, object_types=PERSON_TYPES, bare=True),
    # "exchanged views with X" (an exchange of letters is no talk)
    _rule("talksWith.exchange_views", "exchange", (WITH, ("dobj:views", *WITH)), 0.75,
          object_types=PARTY_TYPES, particle="views"),
)

# "X joined the lunch": the joiner talks with those told meeting over that lunch just before
JOINED_MEETING_RULE = ("talksWith.joined_meeting", 0.7)
JOINED_MEETING_SENTENCES = 3  # how far back the meeting joined may be told
# "The meeting at the palace was also attended by X", "The talks, held at Y, included X":
# a definite meeting with no parties of its own is the one just told; those verbs add X to it
# and its place is visited by the participants told travelling.
MEETING_JOIN_VERBS = frozenset("attend include involve join".split())
MEETING_HELD_VERBS = frozenset("hold take".split())  # "held at", "took place at"
MEETING_ANAPHOR_DETS = frozenset("the this that".split())
# "X joined Y for talks/dinner": the two meet
JOINED_FOR_TALKS_RULE = ("talksWith.joined_for", 0.75)
# "X was Y's guest in Oslo": hosted by Y, and a visit to the place given (or to a host country)
GUEST_NOUNS = frozenset("guest guests".split())
GUEST_OF_RULE = ("talksWith.guest_of", 0.75)
GUEST_IN_RULE = ("visits.guest_in", 0.75)
# "signed a memorandum with X": the sides of an agreement met to sign it
SIGN_VERBS = frozenset("sign ink conclude reach strike seal".split())
AGREEMENT_NOUNS = frozenset("agreement memorandum deal accord treaty pact contract declaration "
                            "mou charter protocol".split())
SIGNED_WITH_RULE = ("talksWith.signed_with", 0.7)
# "denied meeting X", "recalled meeting X": verbs taking a gerund the parser often makes a
# compound of the name ("meeting X" as one noun phrase).
GERUND_TALK_VERBS = frozenset("deny admit recall remember confirm acknowledge avoid "
                              "regret describe".split())
GERUND_TALK_RULE = ("talksWith.meeting_gerund", 0.75)

# Departing is the start of a trip: the visits lie ahead ("departs today for Oslo").
DEPARTURE_LEMMAS = frozenset("depart leave embark".split())

# Nominal talk triggers ("talks with", "a call with", "his meeting with", "a summit between").
TALK_NOUNS = ("meeting talk talks call conversation discussion summit dialogue consultation "
              "negotiation session conference bilateral exchange videoconference teleconference "
              "tete-a-tete phone dinner lunch breakfast")
TALK_NOUN_RULES: tuple[Rule, ...] = (
    _rule("talksWith.talks_with", TALK_NOUNS, (WITH,), 0.85, pos="NOUN",
          object_types=PARTY_TYPES),
    _rule("talksWith.call_from", "call phone", (("prep:from", "pobj"),), 0.75, pos="NOUN",
          object_types=PERSON_TYPES),
    # "flew in for meetings at the World Bank": talks held at a body are talks with it
    _rule("talksWith.meeting_at", "meeting talks talk consultation negotiation", (AT,), 0.7,
          pos="NOUN", object_types=frozenset({"Organization"})),
    # "paid a visit to former president X": a visit to a person is a meeting with them
    _rule("talksWith.visit_to", "visit", (TO,), 0.75, pos="NOUN", object_types=PERSON_TYPES),
    # "paid a courtesy call on X" (a bare "call on X" is a demand: "a call on X to resign")
    _rule("talksWith.courtesy_call", "call", (ON,), 0.75, pos="NOUN",
          object_types=PERSON_TYPES, particle="courtesy"),
)

# "a meeting between A and B", "A and B met", "A, B and C held talks": all pairs of the group.
TALK_GROUP_NOUNS = frozenset(TALK_NOUNS.split())
# Nouns whose talk rules need a person as partner ("a visit to X") and make no group
PERSON_TALK_NOUNS = frozenset({"visit"})
TALK_GROUP_VERBS = frozenset("meet talk confer negotiate speak discuss".split())
OWN_SUBJECT_GROUP_VERBS = frozenset({"discuss"})
HANDSHAKE_VERBS = frozenset({"shake"})  # "A and B shook hands"
CO_SUBJECT_TALK_VERBS = TALK_GROUP_VERBS | HANDSHAKE_VERBS
# "met A and B in separate talks", "bilateral meetings with A and B"
DISTRIBUTIVE_WORDS = frozenset("each separately independently respectively individually "
                               "separate individual bilateral".split())
# "A and B met separately over breakfast": with no one else named, apart from the others
APART_MEETING_VERBS = frozenset({"meet"})
APART_MEETING_WORDS = frozenset("separately separate".split())
# "meetings with A and B" are several; "talks" is plural for one
SEPARATE_PLURAL_TALKS = frozenset("meeting call conversation session consultation".split())
# "received A and then B", "met A and later B": one after the other, not together
SEQUENCE_WORDS = frozenset("then later afterwards subsequently".split())
# "told X in a phone call that ...": what is said to someone in a call or meeting is talk
TOLD_IN_PREPS = frozenset("in during at".split())
TOLD_IN_VERBS = frozenset("tell ask assure urge inform warn remind brief promise pledge "
                          "congratulate thank invite press".split())
TOLD_IN_RULE = ("talksWith.told_in_call", 0.75)
# Verbs whose direct object is a talk noun; "A and B held talks" pairs the subjects.
# "A and B agree to X after ministers' call": co-subjects agreeing after talks had them
# "A and B emerged from talks": co-subjects coming out of talks held them
AGREE_VERBS = frozenset("agree emerge".split())
AFTER_PREPS = frozenset("after following from".split())
# Verbs whose several partners are each met on their own ("consulted A and B", "called A and
# B"): no pair between the partners
SEPARATE_PARTNER_RULES = frozenset({"talksWith.consult", "talksWith.call", "talksWith.call_on",
                                    "talksWith.visit_person"})
# "joined the lunch with X": joining a talk with someone is talking with them.
TALK_HOLD_VERBS = frozenset("hold have conduct convene begin open start resume attend "
                            "join".split())
GROUP_RULE = ("talksWith.meeting_between", 0.85)
SUBJECT_GROUP_RULE = ("talksWith.met_together", 0.8)
MAX_GROUP = 4  # beyond four named parties the guideline leaves the pairs optional

# A meeting, talk or activity verb with a place ("met in Lima", "In Quito, she met ...").
MEETING_PLACE_LEMMAS = frozenset("meet talk confer negotiate summit hold".split()) | TALK_GROUP_NOUNS
MEETING_PLACE_RULE = ("visits.met_in", 0.65)
# A meeting's topic is no place of the meeting ("talks on a terminal in X"), unless "on"
# places it ("on the sidelines of a summit in X")
TOPIC_PREPS = frozenset("about regarding concerning".split())
ON_PLACE_NOUNS = frozenset("sideline sidelines margin margins outskirts edge".split())
# A news conference is held at home as often as abroad: no visit from it alone.
NOT_MEETING_COMPOUNDS = frozenset("news press media".split())
HOST_PLACE_LEMMAS = frozenset("host receive welcome greet".split())
HOST_PLACE_RULE = ("visits.hosted_in", 0.75)
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
HEADLINE_SEPARATORS = DATELINE_DASHES | frozenset({"|"})
# "LIMA — X arrived on Monday", "LIMA — X, on a surprise trip, ...": a trip without a
# destination of its own, under a dateline, is to the dateline's place.
ARRIVAL_LEMMAS = frozenset("arrive land".split())
DATELINE_TRIP_PREPS = frozenset("on during".split())
DATELINE_TRIP_LEMMAS = ARRIVAL_LEMMAS | frozenset("trip visit tour".split())
DATELINE_TRIP_RULE = ("visits.dateline_trip", 0.65)
DATELINE_SENTENCES = 6  # how far into a story its dateline may open a paragraph
HOST_TO_LEMMAS = frozenset("welcome invite".split())  # "welcomed X to Madrid"
# Verbs of doing something somewhere; a fronted "In Paris, X will ..." makes X a visitor.
ACTIVITY_LEMMAS = frozenset(
    "meet discuss attend participate hold sign tour visit open address deliver launch lead "
    "join co-chair chair represent speak talk confer negotiate consult travel arrive".split())
FRONTED_PLACE_RULE = ("visits.fronted_in", 0.7)
# "is in Paris for talks", "was in Lima on a visit"
BE_IN_RULE = ("visits.be_in", 0.75)
# "returned from Lima on Friday", "flew back from Lima": they had been there.
RETURN_LEMMAS = frozenset("return".split())
# "flew in from X" (arriving here, after a stay there) tells X was visited too
RETURN_PHRASAL = {"come": frozenset({"back", "in"}), "fly": frozenset({"back", "in"}),
                  "head": frozenset({"back"}), "get": frozenset({"back"})}
RETURN_FROM_RULE = ("visits.return_from", 0.7)
# "is due in Lima on Monday", "is expected in Lima": an announced arrival, planned
DUE_LEMMAS = frozenset("due expect".split())
DUE_IN_RULE = ("visits.due_in", 0.75)
# "her plan to visit Lima", "has no plans to travel": the planner is the traveller
PLAN_NOUNS = frozenset("plan intention intent decision".split())
BE_IN_PURPOSE_NOUNS = frozenset("talk talks meeting meetings visit trip summit conference "
                                "negotiation negotiations discussion discussions tour forum "
                                "ceremony celebration funeral inauguration session rally "
                                "festival event consultations".split())
BE_IN_PURPOSE_VERBS = frozenset("meet attend discuss hold participate talk sign open "
                                "inaugurate launch unveil inspect tour visit address "
                                "receive accept present".split())
# "is in Kabul today", "was in Lima on Monday": a dated presence is a stay, not a home base.
BE_IN_TIME_WORDS = frozenset("today tonight tomorrow now currently still already week weekend "
                             "month monday tuesday wednesday thursday friday saturday "
                             "sunday".split())
# "has been to Lima six times", "her first trip abroad was to Brazil"
BEEN_TO_RULE = ("visits.been_to", 0.75)
# "Lima was the first stop on her tour": a place said to be a leg of someone's trip
STOP_NOUNS = frozenset("stop leg destination stopover".split())
PLACE_IS_STOP_RULE = ("visits.place_is_stop", 0.75)
# "Roe's last stop will be in Quito": a trip noun as subject of "be in".
NOUN_BE_IN_RULE = ("visits.stop_be_in", 0.8)
# "flew to Budapest to open a plant in Szeged": where the trip's purpose takes place
PURPOSE_PLACE_RULE = ("visits.purpose_in", 0.7)
# "The trip is her first to Africa": the ordinal that carries the destination.
ORDINALS = frozenset("first second third fourth fifth sixth last latest final".split())
# "The visit was the first by a serving minister to Peru": the traveller holds that title.
FIRST_BY_RULE = ("visits.first_by", 0.7)
# "Minister in Hanoi" as a headline over the story that names the minister
HEADLINE_RULE = ("visits.headline_in", 0.7)
# "Senators in Lisbon pledge support": a plural headline subject stands for the delegation
# the story then names.
HEADLINE_GROUP_NOUNS = frozenset("lawmakers legislators mps meps senators congressmen "
                                 "parliamentarians delegates envoys ministers".split())
# "The president met visiting Secretary Roe in Lima"
VISITING_MODIFIERS = frozenset("visiting".split())
VISITING_RULE = ("visits.visiting", 0.75)

# "Roe's jet touched down in Lima": a vehicle's arrival is its owner's.
VEHICLE_NOUNS = frozenset("jet plane aircraft airplane helicopter motorcade convoy car "
                          "train ship yacht boat vessel flight".split())

# Who the subject is when the trigger has none of its own.
# "X joined Y and a delegation in departing for ...": companions of the governing verb.
COMPANION_VERBS = frozenset("join accompany lead".split())
# Group nouns whose members the article lists ("the delegation includes A, B and C").
GROUP_NOUNS = frozenset("delegation codel".split())
GROUP_LIST_VERBS = frozenset("include comprise feature consist be".split())
# "A, B and C are part of a delegation": nouns that put the subject inside the group.
GROUP_PART_NOUNS = frozenset("part member members".split())
# Nouns that mean the travelling party only when the article names its members: a "group"
# or "team" of them, or a definite plural ("the lawmakers", "the two executives").
COLLECTIVE_NOUNS = frozenset("group team party mission".split())
PLURAL_MEMBER_NOUNS = frozenset("lawmakers legislators mps senators congressmen "
                                "parliamentarians executives envoys delegates visitors "
                                "ministers members travellers travelers".split())
# "Both leaders flew on", "the two men travelled": a definite plural for the people the story
# just named together (a coordinated subject, a leader and companion); "pair" means two.
RECENT_GROUP_NOUNS = PLURAL_MEMBER_NOUNS | frozenset(
    "leaders presidents premiers men women diplomats politicians chiefs "
    "counterparts bishops cardinals siblings brothers sisters couple rivals players "
    "musicians".split())
PAIR_NOUNS = frozenset("pair duo".split())
# "A was greeted by B, and the two leaders then ...": meeting verbs name a pair as well
PAIRING_LEMMAS = frozenset("meet greet receive welcome host".split())
RECENT_GROUP_DETS = frozenset("the these those both".split())
RECENT_GROUP_SENTENCES = 2  # how far back the named group may be
GROUP_LEAD_VERBS = frozenset("lead head".split())
# "a negotiating team led by X will leave for Y": the named leader goes with the party
LED_PARTY_NOUNS = frozenset("delegation codel team mission contingent party".split())
PRONOUNS_SINGULAR = frozenset("he she him her his hers".split())
PRONOUNS_PLURAL = frozenset("they them their".split())
# An interview's "I" (answers) and "you" (questions) are the person its introduction names.
INTERVIEW_PRONOUNS = frozenset("i me my you your".split())
INTERVIEW_CUES = ("interview", "q&a", "spoke to us", "spoke with us", "talked to us",
                  "talked with us")
INTERVIEW_INTRO_CHARS = 800  # the cue must come in the introduction
# What a singular pronoun says of its antecedent, and the words that tell a person's gender
# when the first name does not (honorifics and gendered titles in names, aliases and roles).
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male",
                   "she": "female", "her": "female", "hers": "female"}
GENDERED_WORDS = {
    "male": frozenset("mr mister sir king prince emperor sultan emir sheikh lord "
                      "congressman chairman spokesman duke baron".split()),
    "female": frozenset("mrs ms miss madam madame dame lady queen princess empress "
                        "congresswoman chairwoman spokeswoman duchess baroness".split()),
}
# Words of a sentence that make the people it names each other's interlocutors.
INTERLOCUTOR_LEMMAS = (TALK_GROUP_NOUNS | TALK_GROUP_VERBS | HOST_PLACE_LEMMAS
                       | frozenset("discuss greet host receive".split()))
# Head nouns of a definite description that can stand for a titled person ("the Secretary").
TITLE_NOUNS = frozenset(
    "secretary minister president premier senator ambassador envoy chancellor congressman "
    "congresswoman representative chairman chairwoman chair governor mayor leader king queen "
    "prince emperor director commissioner spokesperson spokesman spokeswoman general admiral "
    "delegate diplomat undersecretary counselor advisor adviser administrator counterpart "
    "host guest pope cardinal archbishop bishop patriarch emir sultan sheikh ceo".split())

MAX_TITLE_WORDS = 5  # "First Vice Foreign Minister" before a name
# "Ambassador to Japan, Ann Ray,": prepositions that complete a title before the name.
TITLE_COMPLEMENT_PREPS = frozenset("to of for from at".split())
# "officials, including Minister X": the named member of a group noun.
INCLUDING_PREPS = frozenset("including like".split())

# "landed at Dhaka airport": venues that stand in the place named on them (an embassy
# stands for the country it represents, so it is not one).
VENUE_NOUNS = frozenset("airport airfield airbase station port harbour harbor palace hotel "
                        "stadium university hospital camp campus".split())
# "led the delegation to the Lima summit": a gathering named for its place happens there.
EVENT_VENUE_NOUNS = frozenset("summit conference forum congress games olympics expo fair "
                              "festival".split())
# "Kyiv's suburbs", "the outskirts of Kyiv": parts of a place stand for it.
PART_NOUNS = frozenset("suburb outskirts outskirt centre center downtown street district "
                       "province region border frontline front".split())

# Envoys posted abroad: a foreign ambassador met in the capital lives there, no visit.
RESIDENT_TITLES = frozenset("ambassador consul chargé charge".split())

# Media outlets or the press are never a talk partner ("Roe told a radio station").
NOT_TALK_PARTNER_NOUNS = frozenset("reporter reporters press journalist journalists media".split())
# "met officials of the Commission": unnamed people speaking for a named body are that body.
REPRESENTATIVE_NOUNS = frozenset("officials representatives members executives delegates "
                                 "diplomats envoys negotiators staff leadership lawmakers "
                                 "legislators".split())
REPRESENTATIVE_PREPS = frozenset("of from at".split())
ORGANIZATION_TYPES = frozenset({"Organization"})

# Status cues. Each set is matched on lemmas of the trigger's governing chain.
PLANNED_AUX = frozenset("will shall 'll wo".split())
REPORTED_FUTURE_AUX = frozenset("would 'd".split())  # "said X would visit": reported plan
SPECULATIVE_AUX = frozenset("may might could should ought".split())
# "would have met", "should have visited": a counterfactual, not a report of the event
COUNTERFACTUAL_AUX = frozenset("would should could might 'd".split())
PLANNED_GOVERNORS = frozenset(
    "schedule plan set intend due slate prepare arrange aim agree decide announce "
    "expect likely".split())
# Under the guideline a visit that "is expected" is planned, while talks that "are expected"
# are unconfirmed: the kind decides.
SPECULATIVE_GOVERNORS = {
    "visits": frozenset("consider mull weigh hope hoped want seek wish explore propose "
                        "invite urge ask offer unlikely possible uncertain unclear".split()),
    "talksWith": frozenset("consider mull weigh hope hoped want seek wish explore propose "
                           "invite urge ask offer expect likely unlikely possible uncertain "
                           "unclear".split()),
}
# "would not say whether she would meet X", "if they meet": talks left open are unconfirmed
# (a visit has no speculative status under the guideline, so this is for talks only).
OPEN_QUESTION_MARKS = frozenset("whether if".split())
CANCEL_LEMMAS = frozenset(
    "cancel postpone scrap delay shelve scrub abandon reschedule suspend defer drop "
    "cancelled canceled postponed".split())
CANCEL_PARTICLES = {"call": "off", "put": "off"}
NEGATION_GOVERNORS = frozenset("decline refuse fail reject rule snub skip avoid deny bar ban "
                               "prevent block forbid prohibit".split())
# "has yet to visit": not happened so far
NOT_YET_WORDS = frozenset({"yet"})
# "denied that he had met X": the clause a denial governs did not happen, as far as told.
DENIAL_VERBS = frozenset("deny dismiss refute".split())
NEGATION_WORDS = frozenset("not n't never no".split())
# "had hoped to travel", "had been scheduled to meet": a past plan that did not happen.
# The small model lemmatizes "hoped" as "hop", so the past form is listed too.
UNREALIZED_PLAN_GOVERNORS = frozenset("hope hoped plan intend schedule expect want aim set "
                                      "due slate".split())
# "denied meeting X during a visit to Y": a noun after these is presupposed, so the
# governor's negation, cancellation or doubt does not reach it (its tense still does).
PRESUPPOSING_PREPS = frozenset("during after at".split())
PLANNED_MODIFIERS = frozenset("upcoming planned forthcoming scheduled proposed next "
                              "future expected".split())
FUTURE_TIME_WORDS = frozenset("tomorrow next upcoming coming".split())
BEFORE_PREPS = frozenset("before ahead".split())  # "comes days before her visit"
# Present-tense travel verbs describe a schedule in news ("Roe travels to Oslo on May 3").
SCHEDULE_PRESENT_LEMMAS = frozenset(
    "travel depart leave begin head visit arrive fly meet start go return set".split())
TITLE_PRESENT_EVENTS = frozenset("meet visit arrive".split())
# Nominal triggers take their tense from the verb they hang from ("after his stop in X, he
# will ..."): these prepositions connect the noun to that verb.
NOUN_GOVERNOR_PREPS = frozenset("on during after before at for in ahead with".split())
