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
