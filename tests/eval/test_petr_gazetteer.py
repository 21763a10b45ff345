"""The PETRARCH test gazetteer with the test dictionaries' agent nouns alone."""

from __future__ import annotations

from pathlib import Path

from bilat.eval.petr_dicts import PETR_ACTORS_FILE, PETR_AGENTS_FILE, load_petrarch_gazetteer


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "eval-data"
    (folder / PETR_ACTORS_FILE).parent.mkdir(parents=True)
    (folder / PETR_ACTORS_FILE).write_text("SOUTHMARK [STH]\n", encoding="utf-8")
    (folder / PETR_AGENTS_FILE).write_text("FERRYMAN [~CVL]\n", encoding="utf-8")
    return tmp_path


def test_without_bilat_agents_only_the_dictionary_nouns_are_agents(tmp_path: Path) -> None:
    gaz = load_petrarch_gazetteer(_folder(tmp_path), bilat_agents=False)
    assert gaz.agents.get(("ferryman",))[0].sector == "CVL"
    assert not gaz.agents.get(("villagers",))
    assert not gaz.agents.get(("minister",))
    assert gaz.lookup("Southmark")[0].country == "STH"


def test_bilat_agents_are_kept_by_default(tmp_path: Path) -> None:
    gaz = load_petrarch_gazetteer(_folder(tmp_path))
    assert gaz.agents.get(("minister",))


def _dictionaries(tmp_path: Path, actors: str, agents: str) -> Path:
    folder = tmp_path / "eval-data"
    (folder / PETR_ACTORS_FILE).parent.mkdir(parents=True)
    (folder / PETR_ACTORS_FILE).write_text(actors, encoding="utf-8")
    (folder / PETR_AGENTS_FILE).write_text(agents, encoding="utf-8")
    return tmp_path


def test_joining_words_of_a_name_stay_lower_case(tmp_path: Path) -> None:
    shared = _dictionaries(tmp_path, "WARDEN OF THE_EAST_MARCH [WEM]\n", "FERRYMAN [~CVL]\n")
    gaz = load_petrarch_gazetteer(shared, bilat_agents=False)
    # the alias must be written as the text writes it: a title-case "Of" needs "Of" there
    assert [e.alias for e in gaz.lookup("warden of the east march")] == ["Warden of the East March"]


def test_a_substitution_marker_stands_for_each_of_its_words(tmp_path: Path) -> None:
    agents = "!CLERK! = CLERK, CLERKS, REGISTRY\n!CLERK!_OF_TIDES [~GOV]\n"
    gaz = load_petrarch_gazetteer(_dictionaries(tmp_path, "", agents), bilat_agents=False)
    for words in (("clerk", "of", "tides"), ("registry", "of", "tides")):
        assert gaz.agents.get(words)[0].sector == "GOV"
    assert not gaz.agents.get(("!clerk!", "of", "tides"))


def test_empty_braces_mean_no_plural_is_made(tmp_path: Path) -> None:
    agents = "RANGER {} [~MIL]\nWARDEN [~COP]\nSHEPHERD {SHEPHERDFOLK} [~AGR]\n"
    gaz = load_petrarch_gazetteer(_dictionaries(tmp_path, "", agents), bilat_agents=False)
    assert gaz.agents.get(("ranger",)) and not gaz.agents.get(("rangers",))
    assert gaz.agents.get(("wardens",))[0].plural
    assert gaz.agents.get(("shepherdfolk",)) and not gaz.agents.get(("shepherds",))
