"""Resolver.find_actors on hand-built parses: every rule, its negative cases, invariants."""

from __future__ import annotations

import pytest
from resolve_docs import build_doc

from bilat.errors import BilatError
from bilat.models import ActorSpan
from bilat.resolve import Resolver

Expected = tuple[str, str | None, str | None]  # text, country, sector

# (text, language, expected spans (a subset of the output), NER entities, adjectives)
CASES: list[tuple[str, str, list[Expected], list[tuple[str, str]], list[str]]] = [
    # country names, short and official forms
    (
        "Russia and Cuba signed a deal.",
        "en",
        [("Russia", "RUS", None), ("Cuba", "CUB", None)],
        [],
        [],
    ),
    (
        "The Russian Federation praised the United States.",
        "en",
        [("Russian Federation", "RUS", None), ("United States", "USA", None)],
        [],
        [],
    ),
    (
        "Rusia y EE.UU. firmó con Estados Unidos.",
        "es",
        [("Rusia", "RUS", None), ("EE.UU.", "USA", None), ("Estados Unidos", "USA", None)],
        [],
        [],
    ),
    # demonym + agent noun: one span, the agent's sector, the demonym's country
    (
        "Cuban ministers met the Russian embassy in Cuba.",
        "en",
        [
            ("Cuban ministers", "CUB", "GOV"),
            ("Russian embassy", "RUS", "GOV"),
            ("Cuba", "CUB", None),
        ],
        [],
        [],
    ),
    (
        "Russian companies and Cuban universities signed deals with the Russian delegation.",
        "en",
        [
            ("Russian companies", "RUS", "BUS"),
            ("Cuban universities", "CUB", "EDU"),
            ("Russian delegation", "RUS", "GOV"),
        ],
        [],
        [],
    ),
    ("The Russians sent wheat.", "en", [("Russians", "RUS", None)], [], []),
    (
        "US officials met Cuban doctors.",
        "en",
        [("US officials", "USA", "GOV"), ("Cuban doctors", "CUB", "HLH")],
        [],
        [],
    ),
    # Spanish: agent noun before the demonym; agent + de + country
    (
        "El canciller cubano se reunió con empresas rusas.",
        "es",
        [("canciller cubano", "CUB", "GOV"), ("empresas rusas", "RUS", "BUS")],
        [],
        ["cubano", "rusas"],
    ),
    (
        "La embajada de Rusia en Cuba dijo.",
        "es",
        [("embajada de Rusia", "RUS", "GOV"), ("Cuba", "CUB", None)],
        [],
        [],
    ),
    # capitals and government seats stand for the state
    (
        "Moscow and Havana signed at the Kremlin and the White House.",
        "en",
        [
            ("Moscow", "RUS", "GOV"),
            ("Havana", "CUB", "GOV"),
            ("Kremlin", "RUS", "GOV"),
            ("White House", "USA", "GOV"),
        ],
        [],
        [],
    ),
    ("The talks were held in Moscow.", "en", [("Moscow", "RUS", None)], [], []),
    (
        "El Kremlin recibió a La Habana.",
        "es",
        [("Kremlin", "RUS", "GOV"), ("La Habana", "CUB", "GOV")],
        [],
        [],
    ),
    # other cities and regions acting for a state
    (
        "The St. Petersburg delegation visited Matanzas and Varadero.",
        "en",
        [
            ("St. Petersburg delegation", "RUS", "GOV"),
            ("Matanzas", "CUB", None),
            ("Varadero", "CUB", None),
        ],
        [],
        [],
    ),
    (
        "The government of St. Petersburg sent aid to Kazan.",
        "en",
        [("government of St. Petersburg", "RUS", "GOV"), ("Kazan", "RUS", None)],
        [],
        [],
    ),
    # "from": where people come from is theirs; a thing from a state is no agent
    (
        "Soldiers from Peru crossed into Chile.",
        "en",
        [("Soldiers from Peru", "PER", "MIL"), ("Chile", "CHL", None)],
        [],
        [],
    ),
    (
        "Wheat from Russia reached Cuba.",
        "en",
        [("Russia", "RUS", None), ("Cuba", "CUB", None)],
        [],
        [],
    ),
    (
        "La delegación de San Petersburgo visitó la Isla de la Juventud.",
        "es",
        [("delegación de San Petersburgo", "RUS", "GOV"), ("Isla de la Juventud", "CUB", None)],
        [],
        [],
    ),
    # "of" complements and coordination
    (
        "The Ministry of Transport of Cuba signed.",
        "en",
        [("Ministry of Transport of Cuba", "CUB", "GOV")],
        [],
        [],
    ),
    (
        "The presidents of Russia and Cuba met.",
        "en",
        [("Russia", "RUS", "GOV"), ("Cuba", "CUB", "GOV")],
        [],
        [],
    ),
    (
        "Cuba's Minister of Communications met Lavrov.",
        "en",
        [("Cuba's Minister of Communications", "CUB", "GOV"), ("Lavrov", "RUS", "GOV")],
        [],
        [],
    ),
    # curated persons, titles joined to names, surnames
    (
        "Russian Deputy Prime Minister Yuri Borisov met Diaz-Canel.",
        "en",
        [
            ("Russian Deputy Prime Minister Yuri Borisov", "RUS", "GOV"),
            ("Diaz-Canel", "CUB", "GOV"),
        ],
        [],
        [],
    ),
    (
        "Putin praised Díaz Canel and Medvedev.",
        "en",
        [("Putin", "RUS", "GOV"), ("Díaz Canel", "CUB", "GOV"), ("Medvedev", "RUS", "GOV")],
        [],
        [],
    ),
    (
        "Raúl Castro met Putin.\nCastro praised the deal.",
        "en",
        [("Raúl Castro", "CUB", "GOV"), ("Castro", "CUB", "GOV")],
        [],
        [],
    ),
    # organisations and IGOs
    (
        "Rosatom, BioCubaFarma and the EEU signed.",
        "en",
        [("Rosatom", "RUS", "BUS"), ("BioCubaFarma", "CUB", "BUS"), ("EEU", "EAEU", "IGO")],
        [],
        [],
    ),
    # context metonyms
    ("Cuba is poor.\nThe island received wheat.", "en", [("island", "CUB", None)], [], []),
    (
        "Russia signed.\nThe Eurasian nation sent oil.",
        "en",
        [("Eurasian nation", "RUS", None)],
        [],
        [],
    ),
    (
        "Cuba firmó.\nEl país caribeño recibió trigo.",
        "es",
        [("país caribeño", "CUB", None)],
        [],
        [],
    ),
    # Santiago: Santiago de Cuba, Chile's capital, or the Cuban city by the article
    ("Santiago de Cuba hosted the talks.", "en", [("Santiago de Cuba", "CUB", None)], [], []),
    ("Chile signed.\nSantiago hosted talks.", "en", [("Santiago", "CHL", "GOV")], [], []),
    ("Cuba signed.\nSantiago hosted talks.", "en", [("Santiago", "CUB", None)], [], []),
    # hyphenated pairs stay two states
    (
        "Russian-Cuban relations improved.",
        "en",
        [("Russian", "RUS", None), ("Cuban", "CUB", None)],
        [],
        [],
    ),
    # NER fallback
    (
        "Acme Tractors signed.",
        "en",
        [("Acme Tractors", None, None)],
        [("Acme Tractors", "ORG")],
        [],
    ),
    (
        "The Cuban company Tecnosol signed.",
        "en",
        [("Cuban company Tecnosol", "CUB", "BUS")],
        [("Tecnosol", "ORG")],
        [],
    ),
    (
        "Russian Helicopters signed.",
        "en",
        [("Russian Helicopters", "RUS", None)],
        [("Russian Helicopters", "ORG")],
        [],
    ),
]

# (text, language, entities, (text, country) pairs that must NOT be in the output)
NEGATIVE: list[tuple[str, str, list[tuple[str, str]], list[tuple[str, str | None]]]] = [
    ("The island received wheat.", "en", [], [("island", "CUB")]),
    ("Cuba signed.\nAn island received wheat.", "en", [], [("island", "CUB")]),
    ("The Eurasian nation sent oil.", "en", [], [("Eurasian nation", "RUS")]),
    ("Castro praised the deal.", "en", [], [("Castro", "CUB")]),
    (
        "Tomás Rodríguez met Putin.",
        "en",
        [("Tomás Rodríguez", "PERSON")],
        [("Rodríguez", "CUB"), ("Tomás Rodríguez", "CUB")],
    ),
    (
        "They told us the turkey was in china.",
        "en",
        [],
        [("us", "USA"), ("turkey", "TUR"), ("china", "CHN")],
    ),
    ("Latin American nations met.", "en", [], [("American", "USA"), ("Latin American", "USA")]),
    (
        "The Russian embassy in Cuba spoke.",
        "en",
        [],
        [("Russian embassy", "CUB"), ("Russian embassy in Cuba", "CUB")],
    ),
]


def _triples(spans: list[ActorSpan]) -> set[Expected]:
    return {(s.text, s.country, s.sector) for s in spans}


def _check_invariants(spans: list[ActorSpan], text: str) -> None:
    ends = -1
    for s in spans:
        assert s.text == text[s.start : s.end]
        assert s.start >= ends, f"overlap at {s.text!r}"
        assert 0 <= s.token_start < s.token_end
        ends = s.end


@pytest.mark.parametrize(("text", "language", "expected", "entities", "adjectives"), CASES)
def test_finds_expected_spans(
    resolver: Resolver,
    text: str,
    language: str,
    expected: list[Expected],
    entities: list[tuple[str, str]],
    adjectives: list[str],
) -> None:
    doc = build_doc(text, language, entities, adjectives)
    spans = resolver.find_actors(doc, text)
    _check_invariants(spans, text)
    missing = set(expected) - _triples(spans)
    assert not missing, f"missing {missing}; got {_triples(spans)}"


@pytest.mark.parametrize(("text", "language", "entities", "forbidden"), NEGATIVE)
def test_does_not_guess(
    resolver: Resolver,
    text: str,
    language: str,
    entities: list[tuple[str, str]],
    forbidden: list[tuple[str, str | None]],
) -> None:
    spans = resolver.find_actors(build_doc(text, language, entities), text)
    got = {(s.text, s.country) for s in spans}
    assert not got & set(forbidden), got


def test_presidents_of_two_states_do_not_swallow_the_agent(resolver: Resolver) -> None:
    text = "The presidents of Russia and Cuba met."
    spans = resolver.find_actors(build_doc(text), text)
    assert [s.text for s in spans] == ["Russia", "Cuba"]


def test_ambiguous_surname_takes_latest_full_name(resolver: Resolver) -> None:
    text = "Fidel Castro and Raúl Castro spoke.\nLater Castro left."
    spans = resolver.find_actors(build_doc(text), text)
    last = [s for s in spans if s.text == "Castro"][-1]
    assert last.actor_id == "person:raul-castro"


def test_title_and_name_keep_the_person_identity(resolver: Resolver) -> None:
    text = "Cuban President Miguel Díaz-Canel flew to Moscow."
    spans = resolver.find_actors(build_doc(text), text)
    assert spans[0].text == "Cuban President Miguel Díaz-Canel"
    assert (spans[0].actor_id, spans[0].kind) == ("person:miguel-diaz-canel", "person")


def test_determiners_are_left_out(resolver: Resolver) -> None:
    text = "The Cuban ministers met the Kremlin."
    assert [s.text for s in resolver.find_actors(build_doc(text), text)] == [
        "Cuban ministers",
        "Kremlin",
    ]


def test_plural_agent_is_a_group_and_singular_keeps_its_kind(resolver: Resolver) -> None:
    text = "Russian ministers met the Russian minister."
    kinds = [s.kind for s in resolver.find_actors(build_doc(text), text)]
    assert kinds == ["group", "person"]


def test_ner_person_takes_sector_from_a_title(resolver: Resolver) -> None:
    text = "Ambassador Ivan Petrovsky spoke."
    doc = build_doc(text, entities=[("Ivan Petrovsky", "PERSON")])
    span = next(s for s in resolver.find_actors(doc, text) if s.via == "ner")
    assert (span.text, span.country, span.sector) == ("Ivan Petrovsky", None, "GOV")


def test_empty_document_gives_no_spans(resolver: Resolver) -> None:
    assert resolver.find_actors(build_doc(""), "") == []


def test_parse_that_does_not_fit_the_text_names_the_article(resolver: Resolver) -> None:
    doc = build_doc("Russia and Cuba signed a long agreement.")
    with pytest.raises(BilatError, match="article t"):
        resolver.find_actors(doc, "Russia")


def test_doc_builder_splits_sentences_at_newlines() -> None:
    doc = build_doc("One.\nTwo.")
    assert [s.text for s in doc.sentences] == ["One.", "Two."]
