"""memberOf rules, parametrized over the pattern tables, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kg.membership import AS_VERBS, OBJECT_VERBS, PARTY_OBJECT_VERBS, PREP_VERBS, TITLE_BODIES, TOKEN_PATTERNS, find_memberships
from kg.model import Entity, Mention
from kg.resolve import Resolution, resolve

# One or more positive sentences per token pattern: (sentence, member, organization, status).
POSITIVES: dict[str, list[tuple[str, str, str, str]]] = {
    "org-title-person": [
        ("Jane Roe met her Acme Bank counterpart Tom Ekdahl in Zurich.", "Tom Ekdahl", "Acme Bank", "current"),
        ("Finance Ministry spokeswoman Lena Varga said the talks were useful.",
         "Lena Varga", "Finance Ministry", "current"),
        ("NATO Secretary General Piet Hansen arrived on Monday.", "Piet Hansen", "NATO", "current"),
        ("EU energy commissioner Jane Roe said the plan was ready.", "Jane Roe", "EU", "current"),
        ("Labour MP Jane Roe voted against the bill.", "Jane Roe", "Labour Party", "current"),
        ("European Commission Vice-President Ana Sousa met them.", "Ana Sousa", "European Commission", "current"),
        ("Former Water Agency director Paul Keane criticized the rules.",
         "Paul Keane", "Water Agency", "former"),
        ("Party of Renewal (PR) co-leader Jane Roe said the vote was rigged.", "Jane Roe", "Party of Renewal", "current"),
        ("The Green Party lost. The vote was rigged, Party spokesperson Tom Ek said.", "Tom Ek", "Green Party", "current"),
        ("Green League backbencher Tom Ekdahl voted against the bill.", "Tom Ekdahl", "Green League", "current"),
    ],
    "person-appositive-role": [
        ("Tomas Ruiz, a member of the Senate Budget Committee, criticized the plan.",
         "Tomas Ruiz", "Senate Budget Committee", "current"),
        ("Paul Keane, a former director of the Water Agency, spoke on Tuesday.",
         "Paul Keane", "Water Agency", "former"),
        ("Sen. Ella Moreno, D-Ore., a member of the Senate Energy Committee, voted no.",
         "Ella Moreno", "Senate Energy Committee", "current"),
        ("Jane Roe, principal secretary in Kenya's Ministry of Health, said the vaccines arrived.",
         "Jane Roe", "Ministry of Health", "current"),
        ("Jane Roe, a senior fellow with the Atlantic Council, said the plan was weak.",
         "Jane Roe", "Atlantic Council", "current"),
        ("Jane Roe, a volunteer with the Red Cross, said the camp was full.", "Jane Roe", "Red Cross", "current"),
        ("Jane Roe, a lawmaker from the ruling Unity Party, spoke.", "Jane Roe", "Unity Party", "current"),
        ("Tom Ekdahl, himself a former member of the Green League, said no.", "Tom Ekdahl", "Green League", "former"),
        ("Jane Roe, a senior figure in the Unity Party, spoke.", "Jane Roe", "Unity Party", "current"),
        ("Tom Ekdahl, a stalwart of the Green League, spoke.", "Tom Ekdahl", "Green League", "current"),
        ("Jane Roe, a defector from the Unity Party, spoke.", "Jane Roe", "Unity Party", "former"),
        ("Jane Roe, a theorist at the Nordic Institute, spoke.", "Jane Roe", "Nordic Institute", "current"),

        ("Anna Berg, herself a member of the Water Agency, spoke.", "Anna Berg", "Water Agency", "current"),
    ],
    "person-appositive-org-role": [
        ("Sir Tom Lyle, an ex-Conservative MP, spoke.", "Tom Lyle", "Conservative Party", "former"),
        ("Dr. Ana Sousa, the Water Agency (WA) regional director for Asia, arrived on Monday.",
         "Ana Sousa", "Water Agency", "current"),
        ("Ismail Darwish, a senior Hamas official, said the group would respond.",
         "Ismail Darwish", "Hamas", "current"),
        ("Lukas Brandt, Siemens chief executive, told investors the outlook was weak.",
         "Lukas Brandt", "Siemens", "current"),
        ("Jane Roe, a former Google engineer, testified on Tuesday.", "Jane Roe", "Google", "former"),
        ("The singer Jane Roe, a UNICEF goodwill ambassador, toured the camp.", "Jane Roe", "UNICEF", "current"),
    ],
    "org-role-appositive-person": [
        ("Officials said on Monday, a State Department spokesman, Tom Reilly, said.",
         "Tom Reilly", "State Department", "current"),
        ("The Water Agency's representative in Peru, Jane Roe, said camps were full.", "Jane Roe", "Water Agency", "current"),
        ("The United Nations Secretary-General, Antonio Ferraz, urged restraint.",
         "Antonio Ferraz", "United Nations", "current"),
    ],
    "person-party-code": [
        ("Sen. Ella Moreno, D-Ore., said she would vote no.", "Ella Moreno", "Democratic Party", "current"),
        ("Rep. Dan Hyde (R-Texas) signed the letter.", "Dan Hyde", "Republican Party", "current"),
    ],
    "person-appositive-party": [
        ("Noah Berg, a Republican from Idaho, opposed it.", "Noah Berg", "Republican Party", "current"),
    ],
    "org-member-country": [
        ("NATO member Norway hosted the drill.", "Norway", "NATO", "current"),
        ("African Union members Kenya, Chad and Ethiopia signed the deal.", "Chad", "African Union", "current"),
        ("African Union members Kenya, Chad and Ethiopia signed the deal.", "Ethiopia", "African Union", "current"),
    ],
    "org-members-including-countries": [
        ("The 27 EU member states, including France and Italy, agreed.", "Italy", "EU", "current"),
        ("NATO members such as Norway backed the plan.", "Norway", "NATO", "current"),
    ],
    "holder-of-body-presidency": [
        ("Hungary, which holds the EU's rotating presidency, called the meeting.", "Hungary", "EU", "current"),
    ],
    "holder-of-body-noun-presidency": [
        ("The Andean Trade Community met in Lima. Peru, which holds the bloc's rotating presidency, hosted it.",
         "Peru", "Andean Trade Community", "current"),
    ],
    "holder-of-presidency-of-body": [
        ("Ghana took over the rotating chairmanship of the African Union in February.", "Ghana", "African Union", "current"),
    ],
    "country-appositive-members": [
        ("Canada and Poland, both NATO members, sent troops.", "Canada", "NATO", "current"),
        ("Canada and Poland, both NATO members, sent troops.", "Poland", "NATO", "current"),
    ],
    "list-appositive-members-of": [
        ("Kenya, Chad and Niger, all members of the Lake Basin Commission, met.", "Niger", "Lake Basin Commission", "current"),
        ("Jane Roe, a former member of the Green Party, spoke.", "Jane Roe", "Green Party", "former"),
    ],
    "person-of-org": [
        ("Senator Ana Lima of the Liberal Party voted no.", "Ana Lima", "Liberal Party", "current"),
        ("Ola Dahl, of the Centre Party, abstained.", "Ola Dahl", "Centre Party", "current"),
        ("Tom Ek of Sweden's Greens said no.", "Tom Ek", "Greens", "current"),
    ],
    "people-both-of-org": [
        ("Jane Roe and Tom Ekdahl, both of the Green Party, voted no.", "Jane Roe", "Green Party", "current"),
        ("Jane Roe met Tom Ekdahl and Ana Lima, both of the Green Party, on Monday.", "Tom Ekdahl", "Green Party",
         "current"),
        ("Jane Roe, also of the Water Agency, spoke.", "Jane Roe", "Water Agency", "current"),
    ],
    "person-from-org": [
        ("Jane Roe from the Water Agency said the dam was safe.", "Jane Roe", "Water Agency", "current"),
        ("\"The dam is safe,\" said Jane Roe, from the Water Agency.", "Jane Roe", "Water Agency", "current"),
        ("Jane Roe, with Acme Bank, said rates would rise.", "Jane Roe", "Acme Bank", "current"),
    ],
    "person-paren-org": [
        ("Jane Roe (Conservative) asked a question.", "Jane Roe", "Conservative Party", "current"),
        ("Only Mary Walsh (Greens) voted against the motion.", "Mary Walsh", "Greens", "current"),
        ("Klaus Weber (SPD) said the coalition would hold.", "Klaus Weber", "Social Democratic Party of Germany", "current"),
    ],
    "role-of-org-appositive-person": [
        ("The president of the Rotary Club, Jane Roe, opened the fair.", "Jane Roe", "Rotary Club", "current"),
        ("A spokesman for the Coast Guard, Tom Ek, said the search continued.", "Tom Ek", "Coast Guard", "current"),
        ("The former head of the Water Agency, Tom Ek, was charged.", "Tom Ek", "Water Agency", "former"),
        ("She wrote to the chairperson of the Coastal States Forum (CSF), Kenyan President Ana Sousa, proposing talks.",
         "Ana Sousa", "Coastal States Forum", "current"),
    ],
    "anaphor-role-appositive-person": [
        ("The Farmers Union said its president, Jane Roe, would attend.", "Jane Roe", "Farmers Union", "current"),
        ("The New Labour Alliance (NLA), whose leader, Mary Walsh, spoke, won.", "Mary Walsh", "New Labour Alliance", "current"),
    ],
    "anaphor-members-appositive-countries": [
        ("The Arctic Fisheries Council met on Monday. Its founding members, Norway, Chile and Peru, objected.",
         "Chile", "Arctic Fisheries Council", "current"),
    ],
    "person-career-adverb-org": [
        ("Jane Roe, formerly of Acme Bank, said rates would rise.", "Jane Roe", "Acme Bank", "former"),
        ("Jane Roe, now at the Water Agency, said the dam was safe.", "Jane Roe", "Water Agency", "current"),
    ],
    "person-led-org": [
        ("The Jane Roe-led Unity Party won the vote.", "Jane Roe", "Unity Party", "current"),
    ],
    "anaphor-role-person": [
        ("Acme Bank, whose chairman Tom Ekdahl spoke on Monday, rose.",
         "Tom Ekdahl", "Acme Bank", "current"),
        ("Acme Bank said its chief executive Jane Roe would step down.", "Jane Roe", "Acme Bank", "current"),
    ],
    "body-noun-role-appositive-person": [
        ("Acme Holdings posted a loss on Monday. The company's chief executive, Jane Roe, blamed the weather.",
         "Jane Roe", "Acme Holdings", "current"),
        ("Labour won the seat. The party's deputy leader, Jane Roe, said the result was clear.",
         "Jane Roe", "Labour Party", "current"),
        ("The Senate Finance Committee will travel, led by the committee's chair, Jane Roe.",
         "Jane Roe", "Senate Finance Committee", "current"),
    ],
    "role-of-org-person": [
        ("Speaker of the National Assembly Jane Roe opened the session.", "Jane Roe", "National Assembly", "current"),
        ("Leader of the Opposition in the National Assembly Jane Roe said the vote was rigged.",
         "Jane Roe", "National Assembly", "current"),
        ("Minister in the Prime Minister's Office Jane Roe said the vote was rigged.",
         "Jane Roe", "Prime Minister's Office", "current"),
    ],
    "body-noun-title-person": [
        ("The Portuguese Football Federation met. Federation president Joana Costa declined to comment.",
         "Joana Costa", "Portuguese Football Federation", "current"),
    ],
    "party-noun-title-person": [
        ("Labour won the seat, and party leader Jane Roe thanked voters.", "Jane Roe", "Labour Party", "current"),
        ("Turnout fell, party spokesperson Tom Ek told a rally outside the UPN headquarters in Oslo.",
         "Tom Ek", "UPN", "current"),
        ("Turnout fell, party spokesperson Tom Ek told a rally outside the Unity Party's headquarters.",
         "Tom Ek", "Unity Party", "current"),
    ],
    "person-appositive-anaphor-role": [
        ("Brightwater Energy shares fell. Grant will be replaced by Laura Chen, the firm's head of treasury.",
         "Laura Chen", "Brightwater Energy", "current"),
    ],
    "person-appositive-its-role": [
        ("The Farmers Union met on Monday. Jane Roe, its president, said prices were too low.",
         "Jane Roe", "Farmers Union", "current"),
    ],
    "anaphor-member-appositive-org": [
        ("The Unity Alliance holds power. Its largest member, the Farmers Party, wants a new leader.",
         "Farmers Party", "Unity Alliance", "current"),
    ],
    "org-plural-title-people": [
        ("Green Party lawmakers Jane Roe and Tom Ek voted against the bill.", "Tom Ek", "Green Party", "current"),
    ],
    "org-possessive-person": [
        ("Acme's Jane Roe said the deal was done.", "Jane Roe", "Acme", "current"),
        ("Tom Ek dined with Acme Bank's Jane Roe on Monday.", "Jane Roe", "Acme Bank", "current"),
    ],
    "org-possessive-person-verb": [
        ("Acme Bank's Jane Roe expects rates to rise.", "Jane Roe", "Acme Bank", "current"),
        ("Reuters' Jane Roe reported the story.", "Jane Roe", "Reuters", "current"),
    ],
    "party-person": [
        ("Conservative Jane Roe said the bill was flawed.", "Jane Roe", "Conservative Party", "current"),
    ],
    "org-has-members-including-countries": [
        ("The Andean Trade Community, which now has five member states including Peru, Chile and Bolivia, met in Lima.",
         "Chile", "Andean Trade Community", "current"),
        ("The Coastal Council has seven members, including Chile and Peru.", "Peru", "Coastal Council", "current"),
    ],
    "org-agency-org": [
        ("The United Nations children's agency UNICEF said camps were full.", "UNICEF", "United Nations", "current"),
        ("The Andean Trade Community's fisheries arm, the Coastal Fish Office, issued quotas.",
         "Coastal Fish Office", "Andean Trade Community", "current"),
    ],
    "org-appositive-agency": [
        ("The Relief Office, the United Nations' refugee agency, said camps were full.",
         "Relief Office", "United Nations", "current"),
    ],
    "person-whose-party": [
        ("Jane Roe, whose Unity Party won the vote, spoke.", "Jane Roe", "Unity Party", "current"),
        ("Tom Ekdahl and his Unity Party lost.", "Tom Ekdahl", "Unity Party", "current"),
        ("Jane Roe and her own Labour Party lost.", "Jane Roe", "Labour Party", "current"),
    ],
    "person-party-appositive-org": [
        ("Jane Roe's party, the Unity Movement, won the vote.", "Jane Roe", "Unity Movement", "current"),
        ("Polls say Tom Ekdahl's party, the Green League, is ahead.", "Tom Ekdahl", "Green League", "current"),
    ],
    "person-possessive-party": [
        ("Tom Roe's Labour Party is trailing in the polls.", "Tom Roe", "Labour Party", "current"),
        ("Within Tom Ekdahl's own Unity Party, critics grew louder.", "Tom Ekdahl", "Unity Party", "current"),
        ("Jane Roe's Labor government fell on Tuesday.", "Jane Roe", "Labor Party", "current"),
        ("Jane Roe won the vote. Roe's Party of Renewal leads the polls.",
         "Jane Roe", "Party of Renewal", "current"),
    ],
}

# Sentences that name a person and a body but state no membership.
NEGATIVES = [
    "Kim told NPR that the plan was sound.",
    "Jane Roe, whose Unity Party critics spoke, left.",
    "Jane Roe met Tom Ekdahl and his Unity Party rivals.",
    "Tom Ekdahl, a key figure in the talks with the Water Agency, spoke.",
    "Jane Roe represents Acme Bank in court.",
    "Jane Roe, a theorist of the Unity Party's rise, spoke.",
    "The Water Agency's critics, including Jane Roe, spoke.",
    "The United Nations praised its agency staff and the Relief Office.",
    # a country spoken of as "the state" is not the person named before it
    "Jane Roe spoke in Oslo. The small Nordic state, a member of the Arctic Forum since 1996, spends more on defence.",
    # "of State" and "State" before a title make a rank, not a body
    "Jane Roe, currently a Senior Minister of State, will be promoted.",
    "Tom Ekdahl arrived with State Secretary Jane Roe.",
    # a lawyer acts for the body, outside it
    "Acme Bank's lawyer, Jane Roe, said the deal was fair.",
    # a region or a federal state is a place
    "Jane Roe, the president of the Rhône-Alpes-Dauphiné region, spoke.",
    "Jane Roe, the president of the Alto-Sur d'Oro region, spoke.",
    # a portfolio and "Cabinet" before a title make a rank
    "Sports Cabinet Secretary Tom Ekdahl met athletes in Nairobi.",
    "Tom Ekdahl, head of the Nord-Pas-Calais region, met Jane Roe.",
    "Delta State Governor Tom Ekdahl arrived.",
    "Jane Roe, a defector to the Unity Party, spoke.",
    "Grace Liu, who spoke with the Trade Ministry, left early.",
    "The Trade Ministry said Grace Liu would attend.",
    "Kara Stein said the Senate Budget Committee would vote on Friday.",
    "Chinese Foreign Minister Wen Bo met reporters in Beijing.",
    "A Washington-based group invited Omar Haddad to speak.",
    "Lena Varga spoke about NATO at length.",
    "Plan D-7 (D-Day) starts soon, officials at the Water Agency said.",
    "In a letter to the chairman of Acme Holdings, Jane Roe said the deal was off.",
    "Jane Roe, a critic of the Liberal Party, spoke.",
    "Jane Roe met the Labour Party leader on Monday.",
    "Jane Roe's criticism of the Labour Party was sharp.",
    "Kazakh Foreign Minister Dauren Omar denied the reports.",
    "Canada and Poland, both close to NATO, sent troops.",
    "Russia's Jane Roe said no.",
    "Jane Roe, the country's president, spoke.",
    "Jane Roe, its president, spoke.",
    "UN ambassador Jane Roe vetoed the resolution.",
    "Ministry spokesman Tom Ek said the Water Agency would act.",
    "Acme Holdings sued the town. Opposition group leader Jane Roe objected.",
    "The Ministry of Culture met. The club's president, Luis Vieira, was there.",
    "Officials at the Water Agency met the Roe family, whose eldest son, Tom Ek, spoke.",
    "Jane Roe, the NATO ambassador, spoke.",
    "Jane Roe, an expert on NATO, said the summit failed.",
    "Jane Roe, a critic of the policy of the Water Agency, said.",
    "Jane Roe, a historian of the Labour Party, said the split was old.",
    "Jane Roe, a student of the Green Party's history, spoke.",
    "Hungary criticized the EU's rotating presidency.",
    "Officials handed a letter to Jane Roe from the Water Agency.",
    "Jane Roe and Tom Ekdahl, both of whom criticized the Green Party, voted no.",
    "Kenya's Jane Roe won the race.",
    "Acme Bank's Jane Roe case was dismissed.",
    "Jane Roe returned from the Water Agency, where she met officials.",
    "Hungary, which opposed the EU's presidency, voted no.",
    "Cabinet Secretary Jane Roe opened the session.",
    "Prime Cabinet Secretary Jane Roe opened the session.",
    "Acme Bank hired Lars Berg. Its chief executive Jane Roe said so.",
    "Acme Bank sued the Roe family, whose eldest son Tom Ek spoke.",
    "Norway's Jane Roe won the race in Oslo.",
    "Party spokesperson Tom Ek said the vote was rigged.",
    "Protests in the National Assembly Jane Roe said were rigged.",
    "The Arctic Fisheries Council met on Monday. Its neighbours, Norway and Chile, objected.",
    "The Jane Roe-backed Unity Party won.",
    "Jane Roe, now at the Water Agency headquarters, said the dam was safe.",
    "Jane Roe was a guest at the Water Agency.",
    "Jane Roe became a critic of the plan at the Water Agency meeting.",
    "The vote was rigged, party spokesperson Tom Ek said, blaming the Unity Party.",
]


def _entity(key: str, type_: str, span: Span) -> Entity:
    """An entity of one mention, for tests that hand-build a resolution."""
    return Entity(key, type_, span.text, (), (Mention(span.text, span.start_char, span.end_char, type_),), ())


def _memberships(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    resolution = resolve(doc)
    names = {e.key: e.name for e in resolution.entities}
    return {(names[r.subject], names[r.object], r.status) for r in find_memberships(doc, resolution)}


# Patterns for what the model misses, tested on a hand-built resolution instead of a sentence.
MODEL_MISS_PATTERNS = {"person-verb-spelled-acronym"}


def test_every_pattern_has_positive_cases():
    assert {p.rule for p in TOKEN_PATTERNS} == set(POSITIVES) | MODEL_MISS_PATTERNS


def test_patterns_tag_every_element_with_a_slot():
    for pattern in TOKEN_PATTERNS:
        assert len(pattern.pattern) == len(pattern.slots)
        assert "org" in pattern.slots and {"member", "members"} & set(pattern.slots)


@pytest.mark.parametrize(
    ("rule", "text", "member", "org", "status"),
    [(rule, *case) for rule, cases in POSITIVES.items() for case in cases],
)
def test_positive(nlp, rule, text, member, org, status):
    doc = nlp(text)
    resolution = resolve(doc)
    names = {e.key: e.name for e in resolution.entities}
    found = {(names[r.subject], names[r.object], r.status, r.rule) for r in find_memberships(doc, resolution)}
    assert (member, org, status) in {f[:3] for f in found}
    assert any(f[3].startswith(rule) for f in found if f[:2] == (member, org))


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(nlp, text):
    assert _memberships(nlp, text) == set()


def test_ex_before_a_hyphen_makes_a_former_membership(nlp):
    doc = nlp("The former premier and ex-Labour Party leader Erik Dahl will attend.")
    found = {(r.subject, r.object, r.status) for r in find_memberships(doc, resolve(doc))}
    assert found == {("person/erik-dahl", "organization/labour-party", "former")}


def test_a_bare_acronym_the_model_missed_stands_for_its_body(nlp):
    text = "The World Health Organization (WHO) sent a team. WHO spokesperson Jane Roe said the team had arrived."
    assert ("Jane Roe", "World Health Organization", "current") in _memberships(nlp, text)


def test_a_partner_party_is_not_a_member_of_its_partner(nlp):
    found = _memberships(nlp, "The Green Party, the Labour Party's partner in the National Unity Government, left.")
    assert not {m for m in found if m[1] == "Labour Party"}


def test_both_of_covers_the_listed_people_only(nlp):
    found = _memberships(nlp, "Jane Roe met Tom Ekdahl and Ana Lima, both of the Green Party, on Monday.")
    assert not {m for m in found if m[0] == "Jane Roe"}


def test_a_singular_title_covers_only_the_next_name(nlp):
    found = _memberships(nlp, "Acme Bank chief executive Jane Roe and Tom Ek met on Monday.")
    assert ("Jane Roe", "Acme Bank", "current") in found
    assert not {m for m in found if m[0] == "Tom Ek"}


def test_lead_party_word_in_a_role_gives_the_party_too(nlp):
    found = _memberships(nlp, "Senator Jo Reyes, lead Democrat on the Senate Energy Committee, spoke.")
    assert ("Jo Reyes", "Senate Energy Committee", "current") in found
    assert ("Jo Reyes", "Democratic Party", "current") in found


@pytest.mark.parametrize(
    ("text", "member", "org"),
    [
        ("Secretary of Defense Mark Olsen spoke. The Pentagon said he would stay.", "Mark Olsen", "Pentagon"),
        ("Foreign Minister Ana Sousa spoke. The Foreign Ministry later issued a statement.",
         "Ana Sousa", "Foreign Ministry"),
        ("Senators Ann Cole (D-Mich.) and Bo Diaz (R-Utah) spoke as the U.S. Senate debated.",
         "Bo Diaz", "U.S. Senate"),
        ("The Cabinet met on Monday. Cabinet Secretary Jane Roe spoke.", "Jane Roe", "Cabinet"),
    ],
)
def test_title_names_a_body_named_in_the_passage(nlp, text, member, org):
    assert (member, org, "current") in _memberships(nlp, text)


@pytest.mark.parametrize(
    ("text", "member", "org"),
    [
        ("Economy Minister Jane Roe spoke. The Ministry of Economy said she was tired.", "Jane Roe", "Ministry of Economy"),
        ("Education Secretary Jane Roe spoke on Monday. The Department for Education said schools will open.",
         "Jane Roe", "Department for Education"),
        ("Ghana's defence minister, Kofi Mensah, spoke. The Ministry of Defence said he was tired.",
         "Kofi Mensah", "Ministry of Defence"),
        ("MEP Jane Roe voted. The European Parliament approved the bill.", "Jane Roe", "European Parliament"),
        ("Justice Jane Roe dissented. The Supreme Court ruled 5-4.", "Jane Roe", "Supreme Court"),
        ("Commissioner Jane Roe spoke. The European Commission will decide in May.", "Jane Roe", "European Commission"),
        ("A ministry spokesperson, Jane Roe, said the Ministry of Health would act.", "Jane Roe", "Ministry of Health"),
        ("Prices rose, ministry spokesperson Jane Roe said. The Ministry of Health will respond.",
         "Jane Roe", "Ministry of Health"),
        ("The Chilean Foreign Ministry summoned the envoy. Foreign ministry spokesman Jane Roe said talks went well.",
         "Jane Roe", "Chilean Foreign Ministry"),
        ("Foreign Affairs Minister Jane Roe met Foreign Minister Lars Berg at the National Foreign Office.",
         "Lars Berg", "National Foreign Office"),
    ],
)
def test_portfolio_title_names_a_body_named_in_the_passage(nlp, text, member, org):
    assert (member, org, "current") in _memberships(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Economy Minister Jane Roe spoke. The Ministry of Health said she was tired.",
        "Jane Roe, a ministry spokesperson, spoke. The Ministry of Health and the Ministry of Trade agreed.",
        "Foreign Minister Jane Roe met reporters. The State Department said the talks went well.",
        "Kenya's foreign minister, Jane Roe, spoke. Uganda's Ministry of Foreign Affairs disagreed.",
        "Foreign Affairs Minister Jane Roe met Foreign Minister Lars Berg at the National Foreign Office.",
        "The Chilean Finance Ministry summoned the envoy. Foreign ministry spokesman Jane Roe said talks went well.",
        # a parliament the title does not name
        "Opposition MP Jane Roe said the Bundestag would vote on Friday.",
    ],
)
def test_portfolio_title_needs_the_same_portfolio(nlp, text):
    assert not {m for m in _memberships(nlp, text) if m[0] == "Jane Roe"}


@pytest.mark.parametrize(
    ("text", "member", "org", "status"),
    [
        ("Jan Kowal, Poland's minister of national defence, spoke. The Ministry of National Defence agreed.",
         "Jan Kowal", "Ministry of National Defence", "current"),
        ("Grace Otieno, the former health minister, spoke. The Ministry of Health disagreed.",
         "Grace Otieno", "Ministry of Health", "former"),
        ("The Ministry of Health sent Grace Otieno, Kenya's minister of health. She spoke.",
         "Grace Otieno", "Ministry of Health", "current"),
        ("Katrin Vogel, Bavaria's economy minister, spoke. The Bavarian Ministry of Economic Affairs agreed.",
         "Katrin Vogel", "Bavarian Ministry of Economic Affairs", "current"),
        ("Jane Roe, a Green MEP, said the vote was close. The European Parliament will vote in May.",
         "Jane Roe", "European Parliament", "current"),
        ("Jane Roe, the Labour MP for Leeds East, spoke. The House of Commons will vote on Tuesday.",
         "Jane Roe", "House of Commons", "current"),
    ],
)
def test_title_apposed_after_the_name_names_a_body(nlp, text, member, org, status):
    assert (member, org, status) in _memberships(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "At the plant he met Bavaria's economy minister, Katrin Vogel. The Federal Ministry for Economic Affairs was absent.",
        "Katrin Vogel, Bavaria's economy minister, spoke. The Federal Ministry for Economic Affairs disagreed.",
    ],
)
def test_a_regional_title_names_no_national_body(nlp, text):
    assert not {m for m in _memberships(nlp, text) if m[0] == "Katrin Vogel"}


def test_a_foreign_minister_told_apart_from_a_home_minister_gets_no_unplaced_ministry(nlp):
    text = ("Minister Tom Ekdahl held talks with Ghana's Minister for Foreign Affairs, Kofi Mensah, in Accra. "
            "The Department of Foreign Affairs said the talks went well.")
    assert not {m for m in _memberships(nlp, text) if m[0] == "Kofi Mensah"}


def test_a_minister_given_a_country_in_a_sentence_of_its_own_keeps_the_ministry(nlp):
    text = ("Foreign Minister Sara Malik landed in Kabul on Monday. Pakistan's interior minister, Omar Khan, "
            "stayed at home. The Interior Ministry gave no reason.")
    assert ("Omar Khan", "Interior Ministry", "current") in _memberships(nlp, text)


def test_rival_countries_leave_an_unplaced_body_to_the_title_that_spells_it(nlp):
    text = ("Canada's defence minister, Leona Bright, flew in. Jan Kowal, Poland's minister of national defence, "
            "met her. The Ministry of National Defence said the talks went well.")
    found = _memberships(nlp, text)
    assert ("Jan Kowal", "Ministry of National Defence", "current") in found
    assert not {m for m in found if m[0] == "Leona Bright"}


@pytest.mark.parametrize(
    "text",
    [
        # the short later mention keeps the country of the full name
        "The Chilean Ministry of Foreign Affairs confirmed the call. Earlier, the Ministry of Foreign Affairs received "
        "a call from Peruvian Minister of Foreign Affairs Jane Roe.",
        # the country before the first of two joined titles holds for the second
        "Jordan Vale is scheduled to meet Bolivian Deputy Prime Minister and Foreign Minister Jane Roe, the Chilean "
        "Ministry of Foreign Affairs said.",
        "Tom Ekdahl met Bolivian Deputy Prime Minister and Foreign Minister Jane Roe, the Chilean Foreign Ministry said.",
    ],
)
def test_a_minister_of_another_country_gets_no_ministry(nlp, text):
    assert not {m for m in _memberships(nlp, text) if m[0] == "Jane Roe"}


def test_joined_titles_of_the_ministry_s_own_country_keep_it(nlp):
    text = "Chilean Deputy Prime Minister and Foreign Minister Jane Roe spoke, the Chilean Ministry of Foreign Affairs said."
    assert ("Jane Roe", "Chilean Ministry of Foreign Affairs", "current") in _memberships(nlp, text)


def test_title_body_must_be_of_the_same_country(nlp):
    text = "Chinese Foreign Minister Wen Bo met officials. The Japanese Foreign Ministry said talks went well."
    assert _memberships(nlp, text) == set()
    text = "Italian Foreign Minister Marco Bellini landed in Quito. Peru's Foreign Ministry welcomed the plan."
    assert _memberships(nlp, text) == set()
    text = "Germany's Foreign Minister Katrin Vogel spoke. The German Foreign Office said she was tired."
    assert ("Katrin Vogel", "German Foreign Office", "current") in _memberships(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway's Ministry of Foreign Affairs confirmed the talks. In Oslo, the envoy met Falcon Front foreign minister "
        "Jane Roe.",
        "Chile's Finance Ministry published the figures. Coastal Alliance finance minister Tom Ekdahl criticized them.",
        "Chile's Ministry of Finance published the figures. Later, the Coastal Alliance's finance minister, Tom Ekdahl, "
        "criticized them.",
        "Kenya's Ministry of Defence denied the report. Free Delta Movement defence minister Anna Berg confirmed it.",
    ],
)
def test_a_title_held_in_another_body_names_no_country_ministry(nlp, text):
    assert not any("Minist" in org for _, org, _ in _memberships(nlp, text))


def test_title_alone_names_no_body(nlp):
    assert _memberships(nlp, "Foreign Minister Ana Sousa spoke to reporters in Lisbon.") == set()
    assert _memberships(nlp, "Jane Roe, a Dutch MEP, said the vote was close.") == set()


def test_title_body_table_uses_signature_cores():
    for title, cores in TITLE_BODIES.items():
        assert title == title.lower() and all(core == core.lower() for core in cores)


def test_eponymous_administration(nlp):
    found = _memberships(nlp, "President John Smith said the Smith administration would act.")
    assert ("John Smith", "Smith administration", "current") in found


def test_roles_and_evidence(nlp):
    text = "Shortly after noon, NATO Secretary General Piet Hansen arrived.\nHe left at once."
    doc = nlp(text)
    relations = find_memberships(doc, resolve(doc))
    assert relations
    for relation in relations:
        assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.text
        assert "\n" not in relation.evidence.text
    assert {r.role for r in relations} == {"Secretary General"}


# Clausal forms, one sentence per verb of the verb tables: (sentence, member, organization, status).
VERB_CASES: dict[str, tuple[str, str, str, str]] = {
    "lead": ("Noam Levi, who leads the Likud party, is under pressure.", "Noam Levi", "Likud", "current"),
    "move": ("Tom Ekdahl moved from Acme Bank to the Coastal Trust in 2019.", "Tom Ekdahl", "Coastal Trust", "current"),
    "represent": ("Tom Ekdahl, who represents the Unity Party in parliament, spoke.", "Tom Ekdahl", "Unity Party", "current"),
    "head": ("Tomas Ruiz heads the Water Agency.", "Tomas Ruiz", "Water Agency", "current"),
    "chair": ("Tomas Ruiz, who chairs the Senate Budget Committee, spoke.", "Tomas Ruiz", "Senate Budget Committee", "current"),
    "run": ("Tomas Ruiz runs the Water Agency these days.", "Tomas Ruiz", "Water Agency", "current"),
    "direct": ("Tomas Ruiz directs the Peace Institute.", "Tomas Ruiz", "Peace Institute", "current"),
    "command": ("General Tomas Ruiz commands the Northern Army Group.", "Tomas Ruiz", "Northern Army Group", "current"),
    "join": ("Finland joined NATO in April.", "Finland", "NATO", "current"),
    "rejoin": ("Paula Grant rejoined the World Bank in 2015.", "Paula Grant", "World Bank", "current"),
    "found": ("Paula Grant founded the Open Data Institute.", "Paula Grant", "Open Data Institute", "current"),
    "serve": ("Tomas Ruiz previously served on the Senate Budget Committee.", "Tomas Ruiz", "Senate Budget Committee", "former"),
    "work": ("Paula Grant works for Reuters in London.", "Paula Grant", "Reuters", "current"),
    "sit": ("Paula Grant sits on the Senate Budget Committee.", "Paula Grant", "Senate Budget Committee", "current"),
    "belong": ("Paula Grant belongs to the Green Party.", "Paula Grant", "Green Party", "current"),
    "quit": ("Paula Grant, who quit the Green Party last year, spoke.", "Paula Grant", "Green Party", "former"),
    "leave": ("Tomas Ruiz left the Water Agency in 2021.", "Tomas Ruiz", "Water Agency", "former"),
    "resign": ("Tomas Ruiz resigned from the Water Agency in May.", "Tomas Ruiz", "Water Agency", "former"),
    "elect": ("Jane Roe, who was elected to the Senate in 2020, spoke.", "Jane Roe", "Senate", "current"),
    "appoint": ("Jane Roe was appointed to the Acme Holdings board in May.", "Jane Roe", "Acme Holdings", "current"),
    "spend": ("Jane Roe spent ten years at Goldman Sachs before entering politics.", "Jane Roe", "Goldman Sachs", "former"),
    "defect": ("Paula Grant defected to the Green Party in May.", "Paula Grant", "Green Party", "current"),
    "teach": ("Jane Roe, who teaches at Oxford University, said the data were thin.", "Jane Roe", "Oxford University",
              "current"),
    "expel": ("Jane Roe, who was expelled from the Green Party in 2019, spoke.", "Jane Roe", "Green Party", "former"),
    "oust": ("Jane Roe, who was ousted from the Green Party in 2019, spoke.", "Jane Roe", "Green Party", "former"),
    "withdraw": ("Norway withdrew from the Arctic Fisheries Council in 2019.", "Norway", "Arctic Fisheries Council", "former"),
    "oversee": ("Jane Roe, who oversees Acme Bank's Asian operations, spoke.", "Jane Roe", "Acme Bank", "current"),
    "manage": ("Jane Roe, who manages the Water Agency's budget, spoke.", "Jane Roe", "Water Agency", "current"),
    "edit": ("Jane Roe, who edits the Daily Courier, spoke.", "Jane Roe", "Daily Courier", "current"),
    "coach": ("Jane Roe, who coaches Racing Club, spoke.", "Jane Roe", "Racing Club", "current"),
    "captain": ("Jane Roe captained the Northern Rovers Club for a decade.", "Jane Roe", "Northern Rovers Club", "current"),
    "report": ("Jane Roe, who reports for Reuters from Kyiv, said the town was empty.", "Jane Roe", "Reuters", "current"),
}

ROLE_CLAUSES = [
    ("Yael Cohen, a former member of the Knesset foreign affairs committee, spoke.",
     "Yael Cohen", "Knesset foreign affairs committee", "former"),
    ("Paula Grant is a member of the Socialist Party.", "Paula Grant", "Socialist Party", "current"),
    ("Paula Grant, the former head of the World Health Organization, spoke.",
     "Paula Grant", "World Health Organization", "former"),
    ("Paula Grant, an analyst at the Brookings Institution, said the deal was fragile.",
     "Paula Grant", "Brookings Institution", "current"),
    ("Tomas Ruiz previously served as director of the Water Agency.", "Tomas Ruiz", "Water Agency", "former"),
    ("Paula Grant will join the World Bank next year.", "Paula Grant", "World Bank", "planned"),
    ("Tomas Ruiz, a former finance minister and still a member of the Green Party, spoke.",
     "Tomas Ruiz", "Green Party", "current"),
    ("Tomas Ruiz, chairman of Acme Holdings and a former board member of the World Bank, spoke.",
     "Tomas Ruiz", "World Bank", "former"),
    ("Tomas Ruiz, who joined Acme from the rival carrier Globex in 2019, spoke.", "Tomas Ruiz", "Globex", "former"),
    ("Paula Grant, who runs the World Bank's Paris office, spoke.", "Paula Grant", "World Bank", "current"),
    ("Paula Grant, who now sits as an independent in the House of Lords, spoke.",
     "Paula Grant", "House of Lords", "current"),
    ("Paula Grant, who served as a World Bank envoy to the region, spoke.", "Paula Grant", "World Bank", "former"),
    ("Jane Roe and Tom Ek, both members of the Green Party, voted against the bill.", "Tom Ek", "Green Party", "current"),
    ("Jane Roe, who used to work for Acme Holdings, testified.", "Jane Roe", "Acme Holdings", "former"),
    ("Jane Roe was named chief executive of Acme Holdings in May.", "Jane Roe", "Acme Holdings", "current"),
    ("Jane Roe, who sits on Acme Holdings' board, spoke.", "Jane Roe", "Acme Holdings", "current"),
    ("Jane Roe, then a member of the Green Party, voted no.", "Jane Roe", "Green Party", "former"),
    ("Jane Roe, no longer a member of the Green Party, spoke.", "Jane Roe", "Green Party", "former"),
    ("Tom Cruz served as chief of staff of the Armed Forces of the Philippines before joining the cabinet.",
     "Tom Cruz", "Armed Forces of the Philippines", "former"),
    ("Jane Roe, director of communications for the Water Agency, said.", "Jane Roe", "Water Agency", "current"),
    ("The Green Party, the largest partner in the National Unity Government, left the talks.",
     "Green Party", "National Unity Government", "current"),
    ("Jane Roe, a partner in the accounting firm Ek Brothers Group, spoke.", "Jane Roe", "Ek Brothers Group", "current"),
    ("Jane Roe studied law and then joined the Green Party.", "Jane Roe", "Green Party", "current"),
    ("The centre-right Conservatives, led by Henrik Aas, won the most votes.", "Henrik Aas", "Conservative Party", "current"),
    ("The Water Agency is headed by Jane Roe.", "Jane Roe", "Water Agency", "current"),
    ("NATO members spent more, the alliance's secretary general, Mark Ruud, said.", "Mark Ruud", "NATO", "current"),
    ("Jane Roe, who chairs the board of Acme Bank, spoke.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe sits on the board of Acme Bank.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe, who stepped down as chief executive of Acme Bank in May, spoke.", "Jane Roe", "Acme Bank", "former"),
    ("Jane Roe resigned as head of the Water Agency on Monday.", "Jane Roe", "Water Agency", "former"),
    ("Jane Roe stepped in as chief executive of Acme Bank in May.", "Jane Roe", "Acme Bank", "current"),
    ("Acme Bank hired Jane Roe as its chief economist in 2020.", "Jane Roe", "Acme Bank", "current"),
    ("Acme Bank appointed Jane Roe chief executive in May.", "Jane Roe", "Acme Bank", "current"),
    ("The Green Party elected Jane Roe as its leader.", "Jane Roe", "Green Party", "current"),
    ("Jane Roe, who was ousted as leader of the Green Party in May, spoke.", "Jane Roe", "Green Party", "former"),
    ("Jane Roe, who led the Green Party until 2020, spoke.", "Jane Roe", "Green Party", "former"),
    ("Jane Roe, the head of the Water Agency's research unit, spoke.", "Jane Roe", "Water Agency", "current"),
    ("Jane Roe, who heads Acme Bank's Asia division, spoke.", "Jane Roe", "Acme Bank", "current"),
    ("Sweden is one of the founding members of the Nordic Council.", "Sweden", "Nordic Council", "current"),
    ("Jane Roe, who will take over as chief executive of Acme Bank in May, spoke.", "Jane Roe", "Acme Bank", "planned"),
    ("Jane Roe took over as chief executive of Acme Bank in 2019.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe succeeded Tom Ekdahl as chief executive of Acme Bank.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe, an adviser to the Water Agency, said the dam was safe.", "Jane Roe", "Water Agency", "current"),
    ("Jane Roe, Acme Bank's chief executive until last year, was charged.", "Jane Roe", "Acme Bank", "former"),
    ("Jane Roe, who has served as Acme Bank's chief executive since 2015, spoke.", "Jane Roe", "Acme Bank", "current"),
    ("Kenya is a member state of the African Union.", "Kenya", "African Union", "current"),
    ("Kenya, a member state of the African Union, voted.", "Kenya", "African Union", "current"),
    ("Kenya is part of the East African Community.", "Kenya", "East African Community", "current"),
    ("Kenya holds a seat on the Security Council.", "Kenya", "Security Council", "current"),
    ("Jane Roe, one of the directors of Acme Bank, spoke.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe, a former Green Party member who now sits for the Labour Party, spoke.",
     "Jane Roe", "Labour Party", "current"),
    ("Jane Roe was a member of the Green Party until she resigned over the budget.", "Jane Roe", "Green Party", "former"),
    ("Since Norway, Chile and Peru left the Arctic Fisheries Council, trade has fallen.",
     "Peru", "Arctic Fisheries Council", "former"),
    ("Norway and Chile withdrew from the Arctic Fisheries Council last year.", "Chile", "Arctic Fisheries Council", "former"),
    ("Jane Roe and Tom Ekdahl founded Acme Bank in 1990.", "Tom Ekdahl", "Acme Bank", "current"),
    ("Jane Roe was sworn in as a member of the National Assembly on Monday.", "Jane Roe", "National Assembly", "current"),
    ("Jane Roe was confirmed as head of the Water Agency on Monday.", "Jane Roe", "Water Agency", "current"),
    ("Jane Roe will leave Acme Bank next month.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe said she would join the Green Party.", "Jane Roe", "Green Party", "planned"),
    ("Jane Roe would later join the Green Party.", "Jane Roe", "Green Party", "current"),
    ("Jane Roe, who chaired the Water Agency from 2010 to 2015, said no.", "Jane Roe", "Water Agency", "former"),
    ("Jane Roe was a member of the Green Party between 2010 and 2015.", "Jane Roe", "Green Party", "former"),
    ("Jane Roe has chaired the Water Agency since 2015.", "Jane Roe", "Water Agency", "current"),
    ("Jane Roe, a 20-year veteran of Acme Bank, said no.", "Jane Roe", "Acme Bank", "current"),
    ("Jane Roe became director of research at Acme Bank in May.", "Jane Roe", "Acme Bank", "current"),
    ("Police arrested former mayor Ana Aalto Berg. Aalto, who ran a bakery and was a member of the Unity Party "
     "until she resigned in 2020, denies the charge.", "Ana Aalto Berg", "Unity Party", "former"),
    ("The Water Agency's top safety official, Jane Roe, resigned.", "Jane Roe", "Water Agency", "current"),
    ("The Arctic Fisheries Council was set up in 1990. The bloc's founding members, Norway, Chile and Peru, met.",
     "Chile", "Arctic Fisheries Council", "current"),
    ("The three AFC members, Norway, Chile and Peru, objected.", "Peru", "AFC", "current"),
]

CLAUSE_NEGATIVES = [
    "Jane Roe, whose son serves in the Army, spoke to reporters.",
    "Jane Roe thanked the World Bank president for the loan.",
    "Jane Roe joined President Tom Ekberg at the White House.",
    "Jane Roe led the talks with the European Union on Friday.",
    "NATO ally Turkey hosted the drill.",
    "Paula Grant told Reuters the deal was fragile.",
    "Paula Grant, speaking to the BBC, said the deal was fragile.",
    "Paula Grant met the leaders of the World Bank.",
    "Paula Grant criticized the European Union for its stance.",
    "Paula Grant, a critic of the World Bank, spoke.",
    "Paula Grant is not a member of the Socialist Party.",
    "Paula Grant works with the World Bank on loans.",
    "Paula Grant left the World Bank headquarters at noon and flew home.",
    "Paula Grant wrote a letter to the World Bank.",
    "Paula Grant wants to join the World Bank.",
    "The Water Agency was criticized by Jane Roe.",
    "Paula Grant spent the night at the Grand Hotel Group's inn.",
    "Paula Grant, a former minister who criticized the Green Party, spoke.",
    "Paula Grant spoke with the head of the World Bank, who agreed.",
    "Acme Bank hired Paula Grant on Monday.",
    "Paula Grant met the board of Acme Bank.",
    "Acme Bank sued Paula Grant as its former partner's heir.",
    "Jane Roe reported for the Water Agency's review on Monday.",
    "Jane Roe, a Green Party voter, spoke.",
    "Jane Roe wrote to the head of the Water Agency's research unit.",
    "Jane Roe, a critic of the Water Agency's research unit, spoke.",
    "Jane Roe met one of the directors of Acme Bank.",
    "Jane Roe was one of the critics of Acme Bank.",
    "Jane Roe took the money as a gift from Acme Bank.",
    "Jane Roe, with the help of the Water Agency, won.",
    "Jane Roe, with the Water Agency's support, won.",
    "Jane Roe wrote a letter to the Water Agency.",
    "Kenya is an observer at the East African Community.",
    "Jane Roe took a seat in the front row at the Water Agency.",
    "Kenya is a state bordering the East African Community.",
    "Jane Roe, a longtime Acme Bank customer, sued.",
    "Jane Roe was never a member of the Green Party.",
    "Chile withdrew from the talks with the Arctic Fisheries Council.",
    "The World Bank's critics, Jane Roe and Tom Ekdahl, spoke.",
    "Acme Bank's rival, Globex Holdings, grew.",
    "Acme Bank was sold in 1990. The bloc's founding members, Norway, Chile and Peru, met.",
    "The three rivals, Norway, Chile and Peru, objected to the Arctic Fisheries Council.",
]


def test_every_verb_has_a_case():
    assert set(VERB_CASES) == set(OBJECT_VERBS) | set(PREP_VERBS) | PARTY_OBJECT_VERBS
    assert AS_VERBS & set(PREP_VERBS)


@pytest.mark.parametrize(("verb", "case"), sorted(VERB_CASES.items()))
def test_verb_clauses(nlp, verb, case):
    text, member, org, status = case
    assert (member, org, status) in _memberships(nlp, text)


@pytest.mark.parametrize(("text", "member", "org", "status"), ROLE_CLAUSES)
def test_role_clauses(nlp, text, member, org, status):
    assert (member, org, status) in _memberships(nlp, text)


@pytest.mark.parametrize("text", CLAUSE_NEGATIVES)
def test_clause_negatives(nlp, text):
    assert _memberships(nlp, text) == set()


# Rule families beyond the token patterns and verb tables, each with invented sentences:
# (text, member, organization, status).
FAMILIES: dict[str, list[tuple[str, str, str, str]]] = {
    "delegation": [
        ("A delegation of five MEPs from the European Parliament's Committee on Trade arrived in Oslo. "
         "The delegation is led by Anna Berg and includes Tom Ekdahl and Paula Nowak.", "Paula Nowak",
         "Committee on Trade", "current"),
        ("A delegation of five MEPs from the European Parliament's Committee on Trade arrived in Oslo. "
         "The delegation is led by Anna Berg and includes Tom Ekdahl and Paula Nowak.", "Anna Berg",
         "European Parliament", "current"),
        ("A Water Agency delegation led by Jane Roe visited the dam.", "Jane Roe", "Water Agency", "current"),
        ("A delegation from the Farmers Union, including Jane Roe and Tom Ekdahl, met the minister.",
         "Tom Ekdahl", "Farmers Union", "current"),
        ("The European Parliament voted. A delegation of MEPs, including Anna Berg and Tom Ekdahl, visited Kyiv.",
         "Tom Ekdahl", "European Parliament", "current"),
        ("A delegation of MEPs from the European Parliament's Committee on Trade, led by Anna Berg and Tom Ekdahl, "
         "visited Kyiv.", "Tom Ekdahl", "Committee on Trade", "current"),
    ],
    "whose-countries": [
        ("Kenya's President Dan Mwangi met Ethiopia's Prime Minister Abel Tesfaye in Nairobi. The two leaders, "
         "whose countries are both members of the Coastal Trade Authority, spoke.", "Kenya", "Coastal Trade Authority",
         "current"),
        ("Kenyan President Dan Mwangi flew to Ethiopia to meet Ethiopian Prime Minister Abel Tesfaye. The two "
         "leaders, whose countries are members of the African Union, discussed Kenya's exports.", "Ethiopia",
         "African Union", "current"),
    ],
    "role-antecedent": [
        ("Few lawyers know the sea as well as Anna Solberg. The Oslo-born lawyer, who has run the Migration "
         "Agency's Rome office since 2021, spent most of her twenties at the Red Cross.",
         "Anna Solberg", "Migration Agency", "current"),
        ("Few lawyers know the sea as well as Anna Solberg. The Oslo-born lawyer, who has run the Migration "
         "Agency's Rome office since 2021, spent most of her twenties at the Red Cross.",
         "Anna Solberg", "Red Cross", "former"),
        ("Secretary Mark Olsen spoke with Secretary General Piet Hansen. The secretary, who had previously served "
         "on the Water Council, wanted to call.", "Mark Olsen", "Water Council", "former"),
        ("Few people know the sea like Anna Solberg. A former member of the Green Party, she quit in 2015.",
         "Anna Solberg", "Green Party", "former"),
        ("Tom Ekdahl spoke on Monday. Once a director of the Water Agency, he now runs a farm.",
         "Tom Ekdahl", "Water Agency", "former"),
        ("Tom Ekdahl spoke on Monday. He is a member of the Green Party.", "Tom Ekdahl", "Green Party", "current"),
        ("Jane Roe runs a shop in Oslo. It is small. It sells shoes. Years ago she spent a decade at Acme Bank.",
         "Jane Roe", "Acme Bank", "former"),
        ("Jane Roe grows apples near Oslo. The former health minister, 64, quit the Green League in May.",
         "Jane Roe", "Green League", "former"),
        ("Jane Roe grows apples near Oslo. The 64-year-old former minister quit the Green League in May.",
         "Jane Roe", "Green League", "former"),
        ('Jane Roe grows apples near Oslo, "because the soil is good." The former minister, 64, '
         "quit the Green League in May.", "Jane Roe", "Green League", "former"),
        ("Jane Roe spoke on Monday. As a former director of the Water Agency, she knows the dam.",
         "Jane Roe", "Water Agency", "former"),
    ],
    "plural-role": [
        ("Ministers from the Green Party, including Jane Roe and Tom Ekdahl, resigned.", "Tom Ekdahl", "Green Party",
         "current"),
        ("Water Agency officials, including Jane Roe, met reporters.", "Jane Roe", "Water Agency", "current"),
        ("Acme Bank executives, such as Jane Roe, declined to comment.", "Jane Roe", "Acme Bank", "current"),
    ],
    "grouping": [
        ("The East African Community, which includes Kenya, Uganda and Tanzania, met in Arusha.",
         "Uganda", "East African Community", "current"),
        ("The Andean Trade Community comprises Peru, Bolivia and Ecuador.", "Ecuador", "Andean Trade Community",
         "current"),
        ("The Andean Trade Community met in Lima. Its members include Peru and Bolivia.", "Peru",
         "Andean Trade Community", "current"),
        ("The Andean Trade Community met in Lima. The bloc is made up of Peru, Bolivia and Ecuador.",
         "Bolivia", "Andean Trade Community", "current"),
        ("Members of the Andean Trade Community include Peru and Bolivia.", "Bolivia", "Andean Trade Community",
         "current"),
        ("The Andean Trade Community met in Lima. The bloc, whose members include Peru and Bolivia, agreed.",
         "Peru", "Andean Trade Community", "current"),
    ],
    "body-noun": [
        ("The Water Agency raised prices. Jane Roe, who heads the agency, said costs had risen.", "Jane Roe",
         "Water Agency", "current"),
        ("The Water Agency raised prices. Jane Roe, a spokeswoman for the agency, said costs rose.", "Jane Roe",
         "Water Agency", "current"),
        ("Acme Bank posted a loss. Jane Roe, who runs the bank, blamed rates.", "Jane Roe", "Acme Bank", "current"),
        ("The Green Party won. Jane Roe, a member of the party, cheered.", "Jane Roe", "Green Party", "current"),
    ],
    "coordinated-bodies": [
        ("Chile, a member of the Andean Trade Community and the Pacific Fisheries Council, abstained.",
         "Chile", "Pacific Fisheries Council", "current"),
        ("Jane Roe, who chairs the Water Agency and the Coastal Trust, resigned.", "Jane Roe", "Coastal Trust", "current"),
        ("Tom Ekdahl serves on the Budget Committee and the Ethics Committee.", "Tom Ekdahl", "Ethics Committee",
         "current"),
        ("Norway, a founding member of the Nordic Fisheries Council and the Arctic Forum, has long backed the plan.",
         "Norway", "Arctic Forum", "current"),
    ],
    "panel-role": [
        ("The Senate Energy Committee met on Monday. Sen. Jane Roe of Ohio, the panel's top Republican, said no.",
         "Jane Roe", "Senate Energy Committee", "current"),
        ("The Senate Energy Committee met on Monday. Sen. Jane Roe of Ohio, the panel's top Republican, said no.",
         "Jane Roe", "Republican Party", "current"),
        ("The Water Commission met. Tom Ekdahl, the panel's chairman, spoke.", "Tom Ekdahl", "Water Commission", "current"),
        ("The Water Commission met. Jane Roe, the panel's ranking member, spoke.", "Jane Roe", "Water Commission",
         "current"),
    ],
    "relative-on-a-list": [
        ("Peru and Bolivia, which both joined the Andean Trade Community in 1990, objected.",
         "Peru", "Andean Trade Community", "current"),
        ("Jane Roe and Tom Ekdahl, who lead the Green League, spoke.", "Jane Roe", "Green League", "current"),
        ("Jane Roe and Tom Ekdahl, who all chair the Water Agency, spoke.", "Jane Roe", "Water Agency", "current"),
    ],
    "body-led-by-relative": [
        ("The Unity Party, which Jane Roe leads, won the vote.", "Jane Roe", "Unity Party", "current"),
        ("The Coastal Trust, which Tom Ekdahl founded in 1990, closed.", "Tom Ekdahl", "Coastal Trust", "current"),
        ("Voters deserted the Green League, which Anna Berg chairs.", "Anna Berg", "Green League", "current"),
        ("The Water Agency, which Anna Berg heads, raised prices.", "Anna Berg", "Water Agency", "current"),
    ],
    "party-of-person": [
        ("The Civic Pact, the party led by Jane Roe, won.", "Jane Roe", "Civic Pact", "current"),
        ("The Civic Pact, the party founded by Jane Roe in 1990, won.", "Jane Roe", "Civic Pact", "current"),
        ("Voters backed the Freedom Alliance, the party of Prime Minister Tom Ekdahl, in June.",
         "Tom Ekdahl", "Freedom Alliance", "current"),
        ("The Green League, the party of former President Anna Berg, won.", "Anna Berg", "Green League", "current"),
        ("The Unity Party gained seats. The party of Jane Roe now leads the polls.",
         "Jane Roe", "Unity Party", "current"),
    ],
    "group-in-chamber": [
        ("Tom Ekdahl heads the Green caucus in the Senate.", "Tom Ekdahl", "Senate", "current"),
        ("Jane Roe, who leads the Unity group in the National Assembly, said no.", "Jane Roe", "National Assembly",
         "current"),
        ("Anna Berg chairs the Liberal faction in the Federal Assembly.", "Anna Berg", "Federal Assembly", "current"),
    ],
    "union-of-body": [
        ("The strike was called by the head of the AFL union, Mary Kowalski, on Monday.",
         "Mary Kowalski", "AFL", "current"),
        ("He received the party leader and then the head of the AFL union, Mary Kowalski, at his office.",
         "Mary Kowalski", "AFL", "current"),
        ("Jane Roe, the then head of the AFL union, spoke.", "Jane Roe", "AFL", "former"),
    ],
    "stint-closed-by-before": [
        ("Jane Roe, who had worked for the Water Agency before her arrest, was freed.",
         "Jane Roe", "Water Agency", "former"),
        ("Tom Ekdahl worked at Acme Bank for a decade before joining the Coastal Trust in 2019.",
         "Tom Ekdahl", "Acme Bank", "former"),
        ("Anna Berg served on the Budget Committee before she retired.", "Anna Berg", "Budget Committee", "former"),
        # "before" on another verb, or a present stint: still a member
        ("Jane Roe works for the Water Agency and spoke before the vote.", "Jane Roe", "Water Agency", "current"),
        ("Tom Ekdahl, who works at Acme Bank, arrived before noon.", "Tom Ekdahl", "Acme Bank", "current"),
    ],
    "gerund-after-sequence": [
        ("Jane Roe worked as an analyst before joining Acme Bank in 2019.", "Jane Roe", "Acme Bank", "current"),
        ("After leaving the Unity Party, Jane Roe founded a think tank.", "Jane Roe", "Unity Party", "former"),
        ("Tom Ekdahl taught for years before joining the Green League.", "Tom Ekdahl", "Green League", "current"),
        ("Tom Ekdahl stepped down as head of the Water Agency in May.", "Tom Ekdahl", "Water Agency", "former"),
    ],
    "listed-members": [
        ("Both the Unity Party and the Green League are constituents of the Reform Alliance.",
         "Green League", "Reform Alliance", "current"),
        ("Both Chile and Peru are founding members of the Andean Trade Community, which marks its anniversary.",
         "Peru", "Andean Trade Community", "current"),
        ("Chile's President Jane Roe met Peru's President Tom Ekdahl in Lima. Both countries are founding members of "
         "the Andean Trade Community.", "Chile", "Andean Trade Community", "current"),
        ("Chile's President Jane Roe met Peru's President Tom Ekdahl in Lima. The two countries are members of the "
         "Andean Trade Community.", "Peru", "Andean Trade Community", "current"),
        ("She met members of the Water Board, including Jane Roe, on Monday.", "Jane Roe", "Water Board", "current"),
        ("In Oslo, he met Secretary of State Tom Vale and members of the Senate Energy Committee, including Sen. Tom "
         "Ekdahl (D-Ohio).", "Tom Ekdahl", "Senate Energy Committee", "current"),
    ],
    "titled-antecedent": [
        ("Foreign Minister Jane Roe landed in Rome. The minister, who is also leader of the centre-right Unity Party, "
         "met reporters.", "Jane Roe", "Unity Party", "current"),
        ("Finance Secretary Tom Ekdahl arrived. The secretary, who also chairs the Coastal Trust, spoke.",
         "Tom Ekdahl", "Coastal Trust", "current"),
    ],
    "called-a-party": [
        ("Jane Roe, whose Civic Pact party won the midterm elections, spoke.", "Jane Roe", "Civic Pact", "current"),
        ("Voters backed Tom Ekdahl's Civic Pact party in June.", "Tom Ekdahl", "Civic Pact", "current"),
        ("The Civic Pact party won. Party leader Jane Roe thanked voters.", "Jane Roe", "Civic Pact", "current"),
    ],
    "bare-name-later": [
        ("Unitas held a strike. Unitas general secretary Jane Roe spoke.", "Jane Roe", "Unitas", "current"),
        ("The Veltra movement won seats in June. Prime Minister Tom Ekdahl and his deputy, Jane Roe of Veltra, spoke.",
         "Jane Roe", "Veltra", "current"),
        ("Ekdahl Varo won the vote in May. Ekdahl, who chairs the Unity Party, thanked voters.",
         "Ekdahl Varo", "Unity Party", "current"),
    ],
    "role-in-body": [
        ("Jane Roe, the Unity Party's 2023 presidential candidate, spoke.", "Jane Roe", "Unity Party", "current"),
        ("The news comes a day after the Unity Party's 2023 presidential candidate, Jane Roe, who has since joined the "
         "Green Alliance (GA), toured markets in Lagos.", "Jane Roe", "Unity Party", "current"),
        ("The news comes a day after the Unity Party's 2023 presidential candidate, Jane Roe, who has since joined the "
         "Green Alliance (GA), toured markets in Lagos.", "Jane Roe", "Green Alliance", "current"),
        ("Jane Roe, the most prominent figure in the Unity Party, spoke.", "Jane Roe", "Unity Party", "current"),
        ("Tom Ekdahl, a senior official in the Water Agency, spoke.", "Tom Ekdahl", "Water Agency", "current"),
    ],
    "moving-between-bodies": [
        ("Jane Roe will move from the Transport Ministry to the Ministry of Digital Affairs from January.",
         "Jane Roe", "Transport Ministry", "current"),
        ("Tom Ekdahl moved from Acme Bank to the Coastal Trust in 2019.", "Tom Ekdahl", "Acme Bank", "former"),
        ("Tom Ekdahl moved from Acme Bank to the Coastal Trust in 2019.", "Tom Ekdahl", "Coastal Trust", "current"),
    ],
    "country-antecedent": [
        ("Iceland spends little on defence. The small Nordic state, a member of the Arctic Forum since 1996, hosts "
         "drills.", "Iceland", "Arctic Forum", "current"),
        ("Chile signed the deal. The country, which joined the Pacific Fisheries Council in 2001, wants more.",
         "Chile", "Pacific Fisheries Council", "current"),
    ],
    "country-chairs-body": [
        ("The Andean Trade Community, which this year is chaired by Peru, met in Lima.", "Peru", "Andean Trade Community",
         "current"),
        ("Peru chairs the Andean Trade Community this year.", "Peru", "Andean Trade Community", "current"),
    ],
    "candidate-for-office": [
        ("Jane Roe ran unsuccessfully for the presidency of the ruling Unity Party in 2024.", "Jane Roe", "Unity Party",
         "current"),
        ("Tom Ekdahl will stand for the leadership of the Green League.", "Tom Ekdahl", "Green League", "planned"),
    ],
    "office-of-body": [
        ("Jane Roe won the leadership of the Unity Party in 2019.", "Jane Roe", "Unity Party", "current"),
        ("Tom Ekdahl lost the chairmanship of the Green League last year.", "Tom Ekdahl", "Green League", "former"),
        ("Jane Roe took the helm of the Water Agency in May.", "Jane Roe", "Water Agency", "current"),
        ("Tom Ekdahl, who sits on the board of directors of Acme Bank, spoke.", "Tom Ekdahl", "Acme Bank", "current"),
    ],
    "obituary": [
        ("Jane Roe, who led the Unity Party for two decades, has died at 84.", "Jane Roe", "Unity Party", "former"),
        ("Tom Ekdahl, the founder of Acme Bank, died on Friday. He was 90.", "Tom Ekdahl", "Acme Bank", "former"),
        ("The late Tom Ekdahl, a member of the Green League, was honored.", "Tom Ekdahl", "Green League", "former"),
        ("Anna Berg chaired the Water Agency. She passed away in May.", "Anna Berg", "Water Agency", "former"),
        # someone else died, or a death that did not happen
        ("Acme Bank chief executive Jane Roe said two workers died in the blast.", "Jane Roe", "Acme Bank", "current"),
        ("Jane Roe, who chairs the Water Agency, said she could die for the cause.", "Jane Roe", "Water Agency",
         "current"),
        ("Tom Ekdahl chairs the Water Agency. He said his father died in 1990.", "Tom Ekdahl", "Water Agency", "current"),
    ],
    "prospective-role": [
        ("Tom Ekdahl is set to become chairman of Acme Bank.", "Tom Ekdahl", "Acme Bank", "planned"),
        ("Jane Roe is expected to take over as head of the Water Agency.", "Jane Roe", "Water Agency", "planned"),
        ("Tom Ekdahl plans to serve as director of the Water Agency.", "Tom Ekdahl", "Water Agency", "planned"),
        ("Jane Roe will join Acme's executive committee next month.", "Jane Roe", "Acme", "planned"),
    ],
}

# Hard negatives of the same families: sentences that state no membership.
FAMILY_NEGATIVES: dict[str, list[str]] = {
    "delegation": [
        "The delegation from the Water Agency met Jane Roe.",
        "Jane Roe led talks with a delegation from the Water Agency.",
        "A delegation from the Water Agency was received by Jane Roe.",
        "A delegation from the Water Agency arrived. The talks were led by Jane Roe.",
        "A delegation from the Water Agency, which Tom Ekdahl criticized, arrived.",
        "A delegation from the Water Agency met officials led by Jane Roe.",
    ],
    "whose-countries": [
        # one leader's country is not given: no guessing
        "Kenyan President Dan Mwangi met Prime Minister Abel Tesfaye in Ethiopia. The two leaders, "
        "whose countries are both members of the African Union, discussed trade.",
        "Kenyan President Dan Mwangi met Ethiopian Prime Minister Abel Tesfaye in Ethiopia. The leaders, "
        "whose countries are not members of the Gulf Council, discussed Kenya.",
        "Kenyan President Dan Mwangi met Ethiopian Prime Minister Abel Tesfaye in Ethiopia. The leaders, "
        "whose aides are members of the Gulf Council, discussed Kenya.",
    ],
    "role-antecedent": [
        # two people before "the lawyer": no way to tell which
        "Jane Roe met Tom Ekdahl on Monday. The lawyer, who runs the Water Agency, left early.",
        # not a role noun
        "Jane Roe spoke on Monday. The crowd, who support the Water Agency, cheered.",
        # a title held by nobody named before
        "Jane Roe spoke on Monday. The governor, who runs the Water Agency, left.",
        # an evening is not a career
        "Jane Roe spent most of the evening at the Water Agency.",
        # two people in the sentence before the pronoun
        "Tom Ekdahl met Jane Roe on Monday. A former member of the Green Party, she quit in 2015.",
        # a critic is no role
        "Tom Ekdahl spoke on Monday. A critic of the Water Agency, he wants reform.",
        # the role is not the pronoun's: it follows the subject
        "Tom Ekdahl spoke on Monday. He met a member of the Green Party.",
        # the role opens the sentence, but its subject is no pronoun
        "Jane Roe spoke on Monday. A former member of the Green Party, the senator said he was tired.",
        # a witness is no role
        "The Green Party named Jane Roe as a witness.",
    ],
    "plural-role": [
        "Officials from the Water Agency met ministers, including Jane Roe.",
        "Leaders of NATO countries, including Jane Roe, met in Oslo.",
        "Officials such as Jane Roe met the Water Agency board.",
    ],
    "grouping": [
        "The agenda of the Andean Trade Community includes Peru's debt.",
        "The Andean Trade Community criticized Peru and Bolivia.",
        "The Andean Trade Community met in Lima. The report includes Peru and Bolivia.",
    ],
    "coordinated-bodies": [
        "Chile, a critic of the Andean Trade Community and the Pacific Fisheries Council, abstained.",
        "Jane Roe, who criticized the Water Agency and the Coastal Trust, resigned.",
        "Tom Ekdahl spoke about the Budget Committee and the Ethics Committee.",
    ],
    "relative-on-a-list": [
        # the clause is on the body, not on the list
        "Peru and Bolivia criticized the Andean Trade Community, which Chile joined in 1990.",
        "Jane Roe met Tom Ekdahl, who criticized the Green League.",
        "Jane Roe and Tom Ekdahl, who both criticize the Water Agency, spoke.",
    ],
    "body-led-by-relative": [
        "The Water Agency, which Anna Berg criticized, raised prices.",
        "The Water Agency, which leads the Coastal Trust, raised prices.",
        "The Unity Party, which Jane Roe left for good, lost the vote.",
    ],
    "party-of-person": [
        "The Civic Pact, the party criticized by Jane Roe, won.",
        "Voters backed the Freedom Alliance, a critic of Prime Minister Tom Ekdahl, in June.",
        "Jane Roe joined a party of tourists in June.",
        "The Green League won. A rival of the party, Anna Berg, spoke.",
    ],
    "group-in-chamber": [
        "Anna Berg leads the team in Geneva.",
        "Tom Ekdahl praised the Green caucus in the Senate.",
        "Jane Roe praised the Unity group, which lost ground in the Senate.",
    ],
    "union-of-body": [
        "The strike was called by a critic of the AFL union, Mary Kowalski, on Monday.",
        "Mary Kowalski met the head of the AFL union on Monday.",
        "The AFL union said Mary Kowalski was wrong.",
    ],
    "panel-role": [
        # no committee or commission named: the panel is not the bank
        "Acme Bank reported losses. Jane Roe, the panel's chairman, spoke.",
        "The Senate Energy Committee met on Monday. Jane Roe of Ohio, a critic of the panel, said no.",
        "The Water Commission met. Tom Ekdahl, the panel's guest, spoke.",
    ],
    "stint-closed-by-before": [
        "Jane Roe met the Water Agency staff before her arrest.",
        "Tom Ekdahl praised Acme Bank before joining the rally.",
        "Anna Berg spoke to the Budget Committee before she retired.",
    ],
    "gerund-after-sequence": [
        "Tom Ekdahl met Jane Roe before joining the talks at the Water Agency.",
        "Jane Roe spoke to Acme Bank before leaving for Oslo.",
        "Tom Ekdahl criticized the Green League after hearing the news.",
    ],
    "listed-members": [
        # one country's president has no country: no guessing
        "Chile's President Jane Roe met Tom Ekdahl in Lima. Both countries are founding members of the Andean Trade "
        "Community.",
        "Chile's President Jane Roe met Peru's President Tom Ekdahl in Lima. Both countries criticized the Andean Trade "
        "Community.",
        "She met critics of the Water Board, including Jane Roe, on Monday.",
    ],
    "titled-antecedent": [
        # two ministers before "the minister": either could be meant
        "Foreign Minister Jane Roe met Finance Minister Tom Ekdahl. The minister, who also leads the Unity Party, left.",
        "Jane Roe landed in Rome. The minister, who is also leader of the Unity Party, met reporters.",
        "Foreign Minister Jane Roe landed. The minister praised the Unity Party.",
    ],
    "called-a-party": [
        "Jane Roe met voters of the Civic Pact party.",
        "The Civic Pact party won. Jane Roe congratulated the party leader.",
        "Tom Ekdahl criticized the Civic Pact party.",
    ],
    "bare-name-later": [
        "Marlo, a centrist group, won. Marlo said Jane Roe was right.",
        "The Veltra movement won seats in June. Jane Roe spoke about Veltra.",
        "Ekdahl Varo won the vote in May. Ekdahl criticized the Unity Party.",
    ],
    "role-in-body": [
        "Jane Roe, a candidate in the Oslo Marathon, spoke.",
        "Jane Roe, the most prominent critic in the Unity Party's history, spoke.",
        "Tom Ekdahl, a senior official, spoke in the Water Agency's hall.",
    ],
    "moving-between-bodies": [
        "Jane Roe moved the bill to the Senate Finance Committee.",
        "Tom Ekdahl moved the meeting from Acme Bank to the Coastal Trust.",
        "Jane Roe criticized the move from the Transport Ministry to the Water Agency.",
    ],
    "country-antecedent": [
        "Norway and Iceland spoke. The small Nordic state, a member of the Arctic Forum, hosts drills.",
        "Iceland spends little on defence. The small Nordic state criticized the Arctic Forum.",
        "Iceland spoke. The state's envoy, a member of the Arctic Forum, hosts drills.",
    ],
    "country-chairs-body": [
        "The Andean Trade Community, which is chaired by a committee, met.",
        "Peru criticized the Andean Trade Community this year.",
        "The Andean Trade Community, which Peru criticized, met in Lima.",
    ],
    "candidate-for-office": [
        "Jane Roe campaigned for the release of the Green League's leader.",
        "Tom Ekdahl ran for the bus to the Green League rally.",
        "Jane Roe voted for the leadership of the Unity Party.",
    ],
    "office-of-body": [
        "Jane Roe criticized the leadership of the Unity Party.",
        "Jane Roe met the board of directors of Acme Bank.",
        "Tom Ekdahl won the backing of the Green League.",
    ],
    "obituary": [
        "Jane Roe, a critic of the Unity Party, has died at 84.",
        "The late Tom Ekdahl often praised the Green League.",
        "Anna Berg died in May; the Water Agency mourned her.",
    ],
    "prospective-role": [
        "Jane Roe is expected to criticize the head of the Water Agency.",
        "Tom Ekdahl is set to meet the chairman of Acme Bank.",
        "Tom Ekdahl criticized Acme's executive committee.",
    ],
    "body-noun": [
        # someone else named between: "the bank" is not surely the one named before
        "The Water Agency raised prices. Tom Ekdahl said Jane Roe runs the bank.",
        "The Water Agency raised prices. Jane Roe joined the group of protesters.",
        "The Green Party won. Jane Roe, a critic of the party, spoke.",
    ],
}


@pytest.mark.parametrize(
    ("family", "text", "member", "org", "status"),
    [(family, *case) for family, cases in FAMILIES.items() for case in cases],
)
def test_family_positive(nlp, family, text, member, org, status):
    assert (member, org, status) in _memberships(nlp, text)


@pytest.mark.parametrize(
    ("family", "text"), [(family, text) for family, texts in FAMILY_NEGATIVES.items() for text in texts]
)
def test_family_negative(nlp, family, text):
    assert _memberships(nlp, text) == set()


def test_every_family_has_hard_negatives():
    assert set(FAMILIES) == set(FAMILY_NEGATIVES)


@pytest.mark.parametrize(
    ("text", "member", "org"),
    [
        ("Chile, a member of the Andean Trade Community, criticized the Pacific Fisheries Council.",
         "Chile", "Pacific Fisheries Council"),
        ("Jane Roe, who chairs the Water Agency, met the Coastal Trust and Tom Ekdahl.", "Jane Roe", "Coastal Trust"),
        ("Tom Ekdahl serves on the Budget Committee, and the Ethics Committee opposed him.",
         "Tom Ekdahl", "Ethics Committee"),
    ],
)
def test_a_body_beside_the_members_body_is_no_second_membership(nlp, text, member, org):
    assert not {m for m in _memberships(nlp, text) if m[:2] == (member, org)}


@pytest.mark.parametrize(
    "text",
    [
        "Sao Tome and Principe's President Tom Ekdahl arrived.",
        "Saint Kitts and Nevis's Prime Minister Jane Roe will attend.",
    ],
)
def test_the_end_of_a_country_name_is_no_body(nlp, text):
    assert _memberships(nlp, text) == set()


def test_a_body_after_and_is_still_a_body(nlp):
    assert ("Tom Ekdahl", "Oceans Agency", "current") in _memberships(nlp, "Fisheries and Oceans Agency spokesman Tom Ekdahl spoke.")


def test_only_listed_people_join_the_delegation(nlp):
    found = _memberships(nlp, "A Water Agency delegation led by Jane Roe met officials, including Tom Ekdahl.")
    assert found == {("Jane Roe", "Water Agency", "current")}


def test_a_body_noun_whose_name_follows_it_does_not_refer_back(nlp):
    found = _memberships(nlp, "Siemens posted a loss. Jane Roe, chairman of the engineering group Holm Partners, left.")
    assert not {m for m in found if m[1] == "Siemens"}


def test_an_incoming_cue_read_by_one_rule_settles_the_status(nlp):
    found = _memberships(nlp, "Jane Roe, the incoming chief executive of Acme Bank, spoke.")
    assert found == {("Jane Roe", "Acme Bank", "planned")}


def test_a_former_cue_read_by_one_rule_settles_the_status(nlp):
    found = _memberships(nlp, "Jane Roe, the ex-leader of the Green Party, spoke.")
    assert found == {("Jane Roe", "Green Party", "former")}


@pytest.mark.parametrize(
    ("text", "holder", "org"),
    [
        ("Jane Roe hopes to see Prince Olav, a Water Agency spokeswoman, Tina Ek, said on Monday.",
         "Tina Ek", "Water Agency"),
        ("Asked about Tom Ekdahl, an Acme Bank spokesman, Lars Berg, said the bank had no comment.",
         "Lars Berg", "Acme Bank"),
    ],
)
def test_a_role_between_two_names_belongs_to_the_second(nlp, text, holder, org):
    found = _memberships(nlp, text)
    assert {member for member, body, _ in found if body == org} == {holder}


def test_a_relative_clause_covers_only_its_own_antecedent(nlp):
    found = _memberships(nlp, "Jane Roe, who runs the Water Agency, and Tom Ek, who heads Acme Bank, met.")
    assert found == {("Jane Roe", "Water Agency", "current"), ("Tom Ek", "Acme Bank", "current")}


def test_a_body_known_only_by_its_abbreviation_after_its_spelled_name(nlp):
    text = "Dr. Jane Roe, who leads Nurses Without Walls (NWW) in Kassala, said the clinics were full."
    doc = nlp(text)
    people, acronym = doc[1:3], next(t for t in doc if t.text == "NWW")

    person = _entity("person/jane-roe", "Person", people)
    body = _entity("organization/nww", "Organization", doc[acronym.i : acronym.i + 1])
    resolution = Resolution((person, body), {1: person.key, 2: person.key, acronym.i: body.key})
    found = {(r.subject, r.object, r.rule) for r in find_memberships(doc, resolution)}
    assert found == {(person.key, body.key, "person-verb-spelled-acronym")}


def test_a_second_title_joined_to_the_first_belongs_to_the_name_after_it(nlp):
    # the parse the model gives "Senate Leader A and House Leader B": B hung on the first title
    words = ["Senate", "Minority", "Leader", "Anna", "Berg", "and", "House", "Minority", "Leader", "Tom", "Ekdahl",
             "will", "attend", "."]
    heads = [2, 2, 12, 4, 2, 2, 8, 8, 2, 10, 2, 12, 12, 12]
    deps = ["compound", "compound", "nsubj", "compound", "appos", "cc", "compound", "compound", "conj", "compound",
            "appos", "aux", "ROOT", "punct"]
    pos = ["PROPN"] * 5 + ["CCONJ"] + ["PROPN"] * 5 + ["AUX", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)

    berg, ekdahl = _entity("person/anna-berg", "Person", doc[3:5]), _entity("person/tom-ekdahl", "Person", doc[9:11])
    senate, house = _entity("organization/senate", "Organization", doc[0:1]), _entity("organization/house", "Organization", doc[6:7])
    resolution = Resolution((berg, ekdahl, senate, house),
                            {0: senate.key, 3: berg.key, 4: berg.key, 6: house.key, 9: ekdahl.key, 10: ekdahl.key})
    found = {(r.subject, r.object) for r in find_memberships(doc, resolution)}
    assert (ekdahl.key, house.key) in found
    assert (berg.key, house.key) not in found


@pytest.mark.parametrize(
    ("text", "body_words", "expected"),
    [
        # the model took the first word of the title into the body's name
        ("Harbour Steel Plc Chief Executive Officer Jane Roe met investors.", 4, set()),
        ("Harbour Steel Plc Chief Executive Officer Jane Roe met investors.", 3, {"organization/harbour-steel-plc"}),
    ],
)
def test_a_body_whose_name_ends_in_a_title_word_names_no_body(nlp, text, body_words, expected):
    doc = nlp(text)
    people = doc[6:8]
    body_span = doc[0:body_words]
    body_key = "organization/" + "-".join(t.lower_ for t in body_span)

    person, body = _entity("person/jane-roe", "Person", people), _entity(body_key, "Organization", body_span)
    resolution = Resolution((person, body), {6: person.key, 7: person.key} | {t.i: body.key for t in body_span})
    assert {r.object for r in find_memberships(doc, resolution)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After Norway, Chile and Peru quit the bloc, the three AFC members began to trade as one.",
         {"Norway", "Chile", "Peru"}),
        ("Norway, Chile and Peru met on Monday. The three AFC members signed a deal.", {"Norway", "Chile", "Peru"}),
        # the count must match the list
        ("After Norway, Chile and Peru quit the bloc, the two AFC members began to trade as one.", set()),
    ],
)
def test_counted_members_cover_the_list_of_that_many_countries(nlp, text, expected):
    assert {member for member, org, _ in _memberships(nlp, text) if org == "AFC"} == expected
