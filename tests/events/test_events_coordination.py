"""Coordinated phrases share a role to the end of the chain (coordination.py)."""

from __future__ import annotations

import functools

import pytest
from test_events_coder import code, dyad, only
from test_events_syntax_voice import build_tree

from bilat.events.coordination import (
    conjunct_chain,
    find_venues,
    keep_shallow,
    outside_between,
    phrase_depth,
    with_conjuncts,
)
from bilat.events.spans import PlacedSpan
from bilat.events.syntax import DepTree
from bilat.models import ActorSpan, Article
from bilat.nlp import Parser

pytestmark = pytest.mark.slow


@functools.cache
def _parser() -> Parser:
    return Parser()


def _tree(text: str) -> DepTree:
    return DepTree(_parser().parse(Article(id="k1", text=text, language="en")))


def test_every_conjunct_of_a_long_list_joins_the_first() -> None:
    tree = _tree("Lisbon sent grain to Angola, Mozambique, Guinea and Timor.")
    first = next(t.i for t in tree.tokens if t.text == "Angola")
    words = {tree.tokens[t].text for t in with_conjuncts(tree, {first})}
    assert {"Angola", "Mozambique", "Guinea", "Timor"} <= words


def test_a_coordinated_clause_is_not_a_conjunct() -> None:
    tree = _tree("Lisbon sent grain to Angola and thanked its farmers.")
    first = next(t.i for t in tree.tokens if t.text == "Angola")
    words = {tree.tokens[t].text for t in with_conjuncts(tree, {first})}
    assert "thanked" not in words and "farmers" not in words


def test_a_list_of_four_recipients_keeps_them_all() -> None:
    mentions = code("Russia condemned Cuba, Venezuela, Mexico and Brazil on Tuesday.")
    recipients = {c for m in mentions for c in m.countries("recipient")}
    assert recipients == {"CUB", "VEN", "MEX", "BRA"}


def test_a_list_inside_a_conjunct_is_not_followed() -> None:
    tree = _tree("Lisbon funded the repair of roads and the purchase of buses and trucks.")
    first = next(t.i for t in tree.tokens if t.text == "repair")
    part = tree.subtree(first, frozenset({"conj", "cc"}))
    words = {tree.tokens[t].text for t in with_conjuncts(tree, part)}
    assert "purchase" in words and "trucks" not in words


def _index(tree: DepTree, word: str) -> int:
    return next(t.i for t in tree.tokens if t.text == word)


def test_a_conjunct_is_as_deep_as_the_first() -> None:
    tree = _tree("Lisbon sent grain to Angola and Guinea.")
    sent = _index(tree, "sent")
    assert phrase_depth(tree, _index(tree, "Guinea"), sent) == 2
    assert phrase_depth(tree, _index(tree, "Angola"), sent) == 2


def test_a_party_inside_another_phrase_gives_way_to_the_object() -> None:
    tree = _tree("Lisbon lent money to Angola for the purchase of trucks from Spain.")
    heads: list[int | None] = [_index(tree, "Angola"), _index(tree, "Spain")]
    assert keep_shallow(tree, heads, _index(tree, "lent")) == [True, False]


def test_a_deep_party_stays_when_it_is_the_only_one() -> None:
    tree = _tree("Lisbon funded the repair of roads in Angola.")
    assert keep_shallow(tree, [_index(tree, "Angola")], _index(tree, "funded")) == [True]


def test_a_possessor_inside_the_asked_act_is_no_target() -> None:
    mentions = code("Cuba urged Russia to answer Venezuela's proposals on trade.")
    assert [(m.event, m.countries("recipient")) for m in mentions] == [("REQUEST", ["RUS"])]


def _hand_tree(rows: list[tuple[str, str, str, int]]) -> DepTree:
    """A DepTree from (text, pos, dep, head) rows, for parses the model gives only at times."""
    return build_tree([(t, t.lower(), dep, head) for t, _, dep, head in rows], [r[1] for r in rows])


def test_the_clause_a_warning_announces_carries_its_target() -> None:
    # "Algeria warned that it would break with Spain over the plan of Morocco": no party hangs
    # on "warned" itself; in the clause it announces, Spain is the one broken with
    tree = _hand_tree(
        [
            ("Algeria", "PROPN", "nsubj", 1),
            ("warned", "VERB", "ROOT", 1),
            ("that", "SCONJ", "mark", 5),
            ("it", "PRON", "nsubj", 5),
            ("would", "AUX", "aux", 5),
            ("break", "VERB", "ccomp", 1),
            ("with", "ADP", "prep", 5),
            ("Spain", "PROPN", "pobj", 6),
            ("over", "ADP", "prep", 5),
            ("the", "DET", "det", 10),
            ("plan", "NOUN", "pobj", 8),
            ("of", "ADP", "prep", 10),
            ("Morocco", "PROPN", "pobj", 11),
            (".", "PUNCT", "punct", 1),
        ]
    )
    assert phrase_depth(tree, 7, 1) == 3
    assert keep_shallow(tree, [7, 12], 1) == [True, False]
    assert keep_shallow(tree, [12], 1) == [True]


def test_a_chain_that_turns_from_nouns_to_names_joins_two_lists() -> None:
    # "amid the drought and the tension, Peru and Ecuador hope ...", misparsed as one list
    tree = _hand_tree(
        [
            ("amid", "ADP", "prep", 7),
            ("drought", "NOUN", "pobj", 0),
            ("and", "CCONJ", "cc", 1),
            ("tension", "NOUN", "conj", 1),
            ("Peru", "PROPN", "conj", 3),
            ("and", "CCONJ", "cc", 4),
            ("Ecuador", "PROPN", "conj", 4),
            ("hope", "VERB", "ROOT", 7),
        ]
    )
    words = {tree.tokens[t].text for t in with_conjuncts(tree, {0, 1})}
    assert words == {"amid", "drought", "tension"}


def test_a_conjunct_chain_is_the_same_from_any_of_its_nouns() -> None:
    tree = _tree("Lisbon thanked Angola, Guinea and Timor for their help.")
    chain = {_index(tree, w) for w in ("Angola", "Guinea", "Timor")}
    assert conjunct_chain(tree, _index(tree, "Timor")) == chain
    assert conjunct_chain(tree, _index(tree, "Angola")) == chain
    assert conjunct_chain(tree, _index(tree, "help")) == {_index(tree, "help")}


def test_a_filled_side_takes_the_whole_list_nearest_the_act() -> None:
    # no party in the clause of the act: the nearest country fills it with its conjuncts
    protest = code("Russia protested when Cuba and Venezuela expelled the diplomats.")
    assert {c for m in protest if m.event == "PROTEST" for c in m.countries("recipient")} == {
        "CUB",
        "VEN",
    }
    threat = code("Russia threatened sanctions, fearing Cuba and Venezuela would default.")
    assert [(m.event, sorted(m.countries("recipient"))) for m in threat] == [
        ("THREATEN", ["CUB", "VEN"])
    ]


def test_a_place_beside_a_partner_is_where_the_act_took_place() -> None:
    tree = _tree("Lisbon negotiated with Angola in Guinea.")
    placed = [_state(tree, w) for w in ("Lisbon", "Angola", "Guinea")]
    venues = find_venues(tree, _index(tree, "negotiated"), placed)
    assert _index(tree, "Guinea") in venues and _index(tree, "Angola") not in venues
    # a partner that names no country leaves the place a party
    assert find_venues(tree, _index(tree, "negotiated"), placed[::2]) == set()


def test_a_firm_of_a_state_beside_a_partner_is_no_venue() -> None:
    tree = _tree("Lisbon negotiated with Angola at a Guinean bank.")
    placed = [_state(tree, w) for w in ("Lisbon", "Angola", "Guinean")]
    assert find_venues(tree, _index(tree, "negotiated"), placed) == set()


def _state(tree: DepTree, word: str) -> PlacedSpan:
    tok = tree.tokens[_index(tree, word)]
    span = ActorSpan(tok.start, tok.end, word, word.lower(), "state", word[:3].upper())
    return PlacedSpan(span, tok.i)


@pytest.mark.parametrize(
    "text",
    ["Russia negotiated with Cuba in Venezuela on Monday.", "Russia met with Cuba in Mexico."],
)
def test_the_host_of_the_venue_is_no_party(text: str) -> None:
    assert [(m.event, m.countries("recipient")) for m in code(text)] == [("CONSULT", ["CUB"])]


def test_a_place_with_no_partner_beside_it_still_receives() -> None:
    mentions = code("Russian planes bombed rebels in Venezuela.")
    assert [(m.event, m.countries("recipient")) for m in mentions] == [("ASSAULT", ["VEN"])]


def _span(text: str, country: str | None) -> ActorSpan:
    return ActorSpan(0, len(text), text, f"id-{text}", "state", country)


def test_parties_of_a_row_the_subject_is_part_of_are_no_actors() -> None:
    # "Zembla, at the core of a row between Freedonia and Ruritania, appealed to Sylvania"
    rows = [
        ("Zembla", "PROPN", "nsubj", 12),
        (",", "PUNCT", "punct", 0),
        ("at", "ADP", "prep", 0),
        ("the", "DET", "det", 4),
        ("core", "NOUN", "pobj", 2),
        ("of", "ADP", "prep", 4),
        ("a", "DET", "det", 7),
        ("row", "NOUN", "pobj", 5),
        ("between", "ADP", "prep", 7),
        ("Freedonia", "PROPN", "pobj", 8),
        ("and", "CCONJ", "cc", 9),
        ("Ruritania", "PROPN", "conj", 9),
        ("appealed", "VERB", "ROOT", 12),
    ]
    tree = _hand_tree(rows)
    spans = [_span("Zembla", "ZEM"), _span("Freedonia", "FRE"), _span("Ruritania", "RUR")]
    assert outside_between(tree, spans, [0, 9, 11], 12) == spans[:1]
    # "a row between Freedonia and Ruritania appealed ...": the phrase names the parties
    assert outside_between(tree, spans[1:], [9, 11], 12) == spans[1:]
    # a subject with no country outside the phrase leaves the named parties in place
    unnamed = [_span("Zembla", None), *spans[1:]]
    assert outside_between(tree, unnamed, [0, 9, 11], 12) == unnamed


def test_the_subject_of_a_reported_clause_counts_as_shallow() -> None:
    # "Guyana denounced before the UN that Venezuelan soldiers crossed the river": the
    # accused hangs three links down, the forum one; reported, the accused stays
    tree = _hand_tree(
        [
            ("Guyana", "PROPN", "nsubj", 1),
            ("denounced", "VERB", "ROOT", 1),
            ("before", "ADP", "prep", 1),
            ("the", "DET", "det", 4),
            ("UN", "PROPN", "pobj", 2),
            ("that", "SCONJ", "mark", 8),
            ("Venezuelan", "ADJ", "amod", 7),
            ("soldiers", "NOUN", "nsubj", 8),
            ("crossed", "VERB", "ccomp", 1),
            ("the", "DET", "det", 10),
            ("river", "NOUN", "dobj", 8),
            (".", "PUNCT", "punct", 1),
        ]
    )
    assert keep_shallow(tree, [4, 6], 1) == [True, False]
    assert keep_shallow(tree, [4, 6], 1, {6, 7}) == [True, True]


def test_a_place_beside_a_subject_naming_both_parties_is_the_venue() -> None:
    # "in Mexico" hangs on the object; a joint subject is the partner, so Mexico is no party
    m = only(code("Angolan and Cuban ministers held talks in Mexico on Monday."))
    assert m.event == "CONSULT" and dyad(m) == (["AGO"], ["CUB"])


def test_a_venue_is_not_brought_back_as_the_article_party() -> None:
    # one state and a group with no country: the venue must not fill the open side
    ms = code("The Cuban government and the rebels signed a truce in Mexico on Monday.")
    assert all("MEX" not in m.countries("recipient") for m in ms)


def test_a_place_beside_a_joint_subject_of_a_conflict_act_stays_its_target() -> None:
    # only joint acts (meetings, signings) have venues; an attack's place is what it hits
    ms = code("Russian and Cuban jets bombed rebel positions in Venezuela.")
    assert any("VEN" in m.countries("recipient") for m in ms if m.event == "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Cuban ministers met in Havana on Monday.",
        "Cuban and Russian ministers met in Havana on Monday.",
    ],
)
def test_a_meeting_in_one_partys_state_is_a_visit_to_it(text: str) -> None:
    # the side whose state hosts the meeting is its recipient, whatever the word order
    m = only(code(text))
    assert m.event == "CONSULT" and dyad(m) == (["RUS"], ["CUB"])
