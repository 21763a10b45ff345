"""CAMEO-class coverage of the lexicon, mutual acts split in text order, and the place of
an act kept out of the agent side of a passive (sentences written for these tests)."""

from __future__ import annotations

import csv
import functools
from importlib import resources

import pytest
from test_events_coder import _parser, dyad, only

from bilat.errors import CodingError
from bilat.events import get_coder
from bilat.events.triggers import load_lexicon, parse_rule
from bilat.models import Article, Mention
from bilat.resolve import Resolver


@functools.cache
def _resolver() -> Resolver:
    return Resolver()


def code(text: str, language: str = "en") -> list[Mention]:
    article = Article(id="c1", text=text, language=language)
    doc = _parser().parse(article)
    return get_coder().code(article, doc, _resolver().find_actors(doc, text))


def _codebook() -> dict[str, str]:
    table = resources.files("bilat.events").joinpath("data").joinpath("codebook.tsv")
    rows = csv.DictReader(table.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    return {r["code"]: r["plover_event"] for r in rows}


def test_every_row_names_a_known_cameo_code() -> None:
    codes = _codebook()
    unknown = [
        r.pattern for rules in load_lexicon().values() for r in rules if r.cameo not in codes
    ]
    assert unknown == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_cameo_root_with_a_plover_type_has_rows(language: str) -> None:
    roots = {c[:2] for c, event in _codebook().items() if event}
    covered = {
        r.cameo[:2]
        for (lang, _), rules in load_lexicon().items()
        if lang == language
        for r in rules
    }
    assert roots - covered == set()


def test_mutual_direction_parses_and_a_wrong_one_fails() -> None:
    row = {"language": "en", "pattern": "clash:n", "event": "ASSAULT", "mode": "", "cameo": "190"}
    assert parse_rule({**row, "direction": "mutual"}).mutual
    assert not parse_rule({**row, "direction": "forward"}).mutual
    with pytest.raises(CodingError, match="mutual"):
        parse_rule({**row, "direction": "both"})


@pytest.mark.slow
def test_city_of_a_passive_visit_does_not_join_the_host() -> None:
    m = only(code("The Russian foreign minister was received by the Cuban president in Havana."))
    assert m.event == "CONSULT" and dyad(m) == (["CUB"], ["RUS"])
    assert [a.text for a in m.actor] == ["Cuban president"]


@pytest.mark.slow
def test_city_of_a_passive_visit_in_the_guests_capital() -> None:
    m = only(code("The Cuban foreign minister was received by the Russian president in Havana."))
    assert dyad(m) == (["RUS"], ["CUB"])


@pytest.mark.slow
def test_active_host_with_a_city_is_unchanged() -> None:
    m = only(code("The Cuban president hosted the Russian foreign minister in Havana on Monday."))
    assert dyad(m) == (["CUB"], ["RUS"])


@pytest.mark.slow
def test_city_that_names_the_agent_still_acts() -> None:
    text = "A plan was presented to Cuban officials by a delegation in St. Petersburg."
    m = only(code(text))
    assert m.event == "AGREE" and dyad(m) == (["RUS"], ["CUB"])


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Clashes between Ethiopian and Eritrean forces broke out on Monday.",
        "Ethiopian and Eritrean troops clashed near the border on Monday.",
    ],
)
def test_mutual_fighting_splits_in_text_order(text: str) -> None:
    m = only(code(text))
    assert m.event == "ASSAULT" and dyad(m) == (["ETH"], ["ERI"])


@pytest.mark.slow
def test_bare_plural_without_parties_is_still_a_kind_of_act() -> None:
    assert code("Estonia says cyber attacks and border clashes are a growing worry.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Chile issued an arrest warrant for a Peruvian general.", "COERCE", "CHL", "PER"),
        ("Kenyan soldiers fought a firefight with Somali gunmen.", "ASSAULT", "KEN", "SOM"),
        ("Ukraine presented evidence against Belarus on Friday.", "ACCUSE", "UKR", "BLR"),
        ("Georgia filed a lawsuit against Armenia at the court.", "ACCUSE", "GEO", "ARM"),
        ("Peruvian farmers obstructed a Chilean convoy.", "PROTEST", "PER", "CHL"),
        ("Norway granted asylum to a Belarusian opposition leader.", "AID", "NOR", "BLR"),
        ("Poland ruled out talks with Belarus.", "REJECT", "POL", "BLR"),
        ("Kenya and Uganda agreed to exchange intelligence.", "AGREE", "KEN", "UGA"),
        ("Egypt and Sudan exchanged intelligence on the smugglers.", "COOPERATE", "EGY", "SDN"),
        ("Uruguay formally recognised Palestine on Tuesday.", "SUPPORT", "URY", "PSE"),
        ("Russia massed a buildup of troops near Ukraine.", "MOBILIZE", "RUS", "UKR"),
    ],
)
def test_cameo_classes_have_triggers(text: str, event: str, actor: str, recipient: str) -> None:
    mentions = code(text)
    assert any(m.event == event and dyad(m) == ([actor], [recipient]) for m in mentions), [
        (m.event, dyad(m)) for m in mentions
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Hubo enfrentamientos entre tropas colombianas y venezolanas en la frontera.", "ASSAULT"),
        ("Chile emitió una orden de captura contra un general de Perú.", "COERCE"),
        ("Bolivia culpó a Chile de la crisis del agua.", "ACCUSE"),
    ],
)
def test_spanish_rows_for_the_common_classes(text: str, event: str) -> None:
    assert event in {m.event for m in code(text, "es")}
