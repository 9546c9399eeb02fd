"""Named facilities and venues are places; seats that speak for a body and companies stay bodies."""

from __future__ import annotations

import pytest

from kg.resolve import resolve
from kg.venues import (
    BARE_HEAD_FIRST, BUILDING_HEADS, HEAD_FIRST, HEAD_LINKS, NAMESAKE_HONORIFICS, SITE_WORDS, STREET_HEADS, SURNAME_HEADS,
)


def _types(nlp, text: str) -> dict[str, str]:
    return {entity.name: entity.type for entity in resolve(nlp(text)).entities}


def test_tables_are_lower_case_and_disjoint_where_they_must_be():
    for table in (BUILDING_HEADS, STREET_HEADS, SURNAME_HEADS, SITE_WORDS, HEAD_FIRST, BARE_HEAD_FIRST, HEAD_LINKS,
                  NAMESAKE_HONORIFICS):
        assert all(word == word.lower() for word in table)
    assert not BUILDING_HEADS & SURNAME_HEADS


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a building head ends the name, whatever label the model gave it
        ("He met senators in the Hartwell Senate Office Building.", "Hartwell Senate Office Building"),
        ("The hearing took place in the Corwin Federal Building downtown.", "Corwin Federal Building"),
        ("The talks were held at the Marrow Hotel in the city centre.", "Marrow Hotel"),
        # a street word: an address, never a person
        ("The prime minister received him at his residence on Kavi Marg.", "Kavi Marg"),
        ("Prime Minister Tomas Reiner hosted the delegation at his residence on Kalinda Road.", "Kalinda Road"),
        # a word that is also a surname, where no first name opens the name or a venue's context is given
        ("He later toured Vellmoor Castle with the governor.", "Vellmoor Castle"),
        ("The ministers met at Halvard Manor.", "Halvard Manor"),
        ("She made her first appearance on Marlow Hill since her election.", "Marlow Hill"),
        # a family's name before a lower-case residence word
        ("Reporters waited outside the Oduya residence, where the meeting took place.", "Oduya residence"),
        ("Talks continued at the Varga estate outside the capital.", "Varga estate"),
        # a lower-case site word (with one modifier) after a name
        ("The three ministers laid wreaths at the Kestrel memorial in the old town.", "Kestrel memorial"),
        ("He joined the picket line at the Hollin Road depot on Friday.", "Hollin Road depot"),
        ("She told traders at the Marwa Gate textile market that prices would fall.", "Marwa Gate textile market"),
        ("He is due to visit the Sandor Corridor railway terminal next week.", "Sandor Corridor railway terminal"),
        ("The strikers met outside the Brannock plant on Monday.", "Brannock plant"),
        # a foreign head opening the name, a plural head, a village
        ("Talks broke down at the Casa Verdana late on Tuesday.", "Casa Verdana"),
        ("The leaders met at Government Buildings on Thursday.", "Government Buildings"),
        ("The athletes toured the Youth Olympic Village near the coast.", "Youth Olympic Village"),
        # a named office where people meet, a house someone travels to
        ("The president received the envoy in the Lantern Office.", "Lantern Office"),
        ("Before the talks, the minister received both envoys separately at the Kestrel Office.", "Kestrel Office"),
        ("The last time the four met in the Marble Office, the talks failed.", "Marble Office"),
        ("The governors will travel to the Harwell House next week.", "Harwell House"),
        # the namesake's honorific belongs to the venue's name
        ("The gala was held at the Sir Tomas Riva Hall in the capital.", "Sir Tomas Riva Hall"),
        ("The premiers will meet at the Sir Ewan Holt Building on Friday.", "Sir Ewan Holt Building"),
        # a head opening the name runs on to the name's end
        ("Pilgrims gathered at the Shrine of Saint Columba of the Isles with the bishop.",
         "Shrine of Saint Columba of the Isles"),
        ("The cardinal prayed at the Cathedral of Saint Brendan in the old town.", "Cathedral of Saint Brendan"),
        ("The leaders met at the Palace of the Republic in the capital.", "Palace of the Republic"),
        # a hotel known by its brand, where a meeting or meal is held
        ("The two ministers talked over lunch at the Corvane on Monday.", "Corvane"),
        ("The president hosted a dinner at the Grandmere for the delegation.", "Grandmere"),
    ],
)
def test_named_venues_are_places(nlp, text, venue):
    assert _types(nlp, text).get(venue) == "Place"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The White House said the visit would go ahead.", "White House", "Organization"),
        ("The House of Representatives passed the bill on Friday.", "House of Representatives", "Organization"),
        ("Marrow Hotel Group reported higher profits this year.", "Marrow Hotel Group", "Organization"),
        ("Kestrel Hotels said it would open five new sites.", "Kestrel Hotels", "Organization"),
        ("Government House announced the new cabinet on Monday.", "Government House", "Organization"),
        ("Brannock Palace declined to comment on the report.", "Brannock Palace", "Organization"),
        ("Senator Mike Castle met the governor in Dover.", "Mike Castle", "Person"),
        ("The NATO base was hit overnight.", "NATO", "Organization"),
        ("The ministers met at the Cabinet Office on Monday.", "Cabinet Office", "Organization"),
        ("She held talks at the Foreign Office with the envoy.", "Foreign Office", "Organization"),
        ("The Lantern Office said nothing.", "Lantern Office", "Organization"),
        ("He met Ana Ruiz at the Kabul compound.", "Kabul", "Place"),
        ("Ryder Corp said its shares rose after talks with the regulator.", "Ryder Corp", "Organization"),
        # a body's head noun opening the name keeps it a body, even where a meeting is held
        ("Ruiz met Trade Secretary Tomas Riva on Monday at the Secretariat of Trade, her office said.",
         "Secretariat of Trade", "Organization"),
        ("The governor held talks with officials at the Secretariat of Tourism in Lima.",
         "Secretariat of Tourism", "Organization"),
        ("The talks took place at the Office of the Prime Minister.", "Office of the Prime Minister", "Organization"),
    ],
)
def test_seats_people_and_companies_are_not_venues(nlp, text, name, kind):
    assert _types(nlp, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "venue", "short"),
    [
        ("Premier Ilse Varga received the union leaders at the Hôtel de Brissac on Monday. "
         "The opposition leader is due at Brissac on Thursday.", "Hôtel de Brissac", "Brissac"),
        ("The envoys met at the Palacio de Arvena. Talks at Arvena resume next week.", "Palacio de Arvena", "Arvena"),
        ("The king hosted a banquet at the Palace of Orlemont. Guests stayed at Orlemont until late.",
         "Palace of Orlemont", "Orlemont"),
    ],
)
def test_a_venue_goes_by_its_last_word(nlp, text, venue, short):
    places = {e.name: e for e in resolve(nlp(text)).entities if e.type == "Place"}
    assert list(places) == [venue]
    assert short in places[venue].aliases
