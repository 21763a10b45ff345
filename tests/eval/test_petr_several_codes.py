"""A PETRARCH dictionary name with several codes stands for one actor per code, down to the
mention and the unit-test check (dictionary lines and sentences written here)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from bilat.eval.loaders import CameoRecord, Triple
from bilat.eval.petr_dicts import (
    PETR_ACTORS_FILE,
    PETR_AGENTS_FILE,
    VerbCodes,
    load_petrarch_gazetteer,
)
from bilat.eval.petr_unit import petr_unit_passes
from bilat.events.coder import RulesCoder
from bilat.models import Article, Mention
from bilat.nlp import Parser
from bilat.resolve import Resolver

pytestmark = pytest.mark.slow

ACTORS = (
    "RIVERLANDS [RIV/MRS/FEN]\n"
    "HIGHMOOR [HGM]\n"
    "THE_MARSHES [MRH]\n"
    "TWIN_CITIES\n\t[TWA/TWB 19900101 - 19991231]\n\t[TWC]\n"
)


def _shared(tmp_path: Path) -> Path:
    folder = tmp_path / "eval-data"
    (folder / PETR_ACTORS_FILE).parent.mkdir(parents=True, exist_ok=True)
    (folder / PETR_ACTORS_FILE).write_text(ACTORS, encoding="utf-8")
    (folder / PETR_AGENTS_FILE).write_text("ENVOY [~GOV]\n", encoding="utf-8")
    return tmp_path


@functools.cache
def _parser() -> Parser:
    return Parser()


def _code(tmp_path: Path, text: str) -> list[Mention]:
    resolver = Resolver(load_petrarch_gazetteer(_shared(tmp_path), bilat_agents=False))
    article = Article(id="p1", text=text, language="en")
    doc = _parser().parse(article)
    return RulesCoder().code(article, doc, resolver.find_actors(doc, text))


def test_a_dated_code_list_gives_its_members_only_while_it_holds(tmp_path: Path) -> None:
    gaz = load_petrarch_gazetteer(_shared(tmp_path), dt.date(1995, 3, 1))
    assert [c for c, _ in gaz.lookup("Twin Cities")[0].members] == ["TWA", "TWB"]
    later = load_petrarch_gazetteer(_shared(tmp_path), dt.date(2005, 3, 1))
    assert later.lookup("Twin Cities")[0].members == ()
    assert later.lookup("Twin Cities")[0].country == "TWC"


def test_a_name_with_three_codes_is_three_actors_of_one_mention(tmp_path: Path) -> None:
    (mention,) = _code(tmp_path, "Highmoor accused Riverlands of stealing cattle.")
    assert [(r.country, r.text) for r in mention.actor] == [("HGM", "Highmoor")]
    assert [(r.country, r.text) for r in mention.recipient] == [
        ("RIV", "Riverlands"),
        ("MRS", "Riverlands"),
        ("FEN", "Riverlands"),
    ]


def test_each_member_takes_the_agent_nouns_sector(tmp_path: Path) -> None:
    (mention,) = _code(tmp_path, "The envoys of Riverlands accused Highmoor of stealing cattle.")
    assert [(r.country, r.sector) for r in mention.actor] == [
        ("RIV", "GOV"),
        ("MRS", "GOV"),
        ("FEN", "GOV"),
    ]


def test_a_record_naming_every_member_passes_and_one_member_short_fails(tmp_path: Path) -> None:
    mentions = _code(tmp_path, "Highmoor accused Riverlands of stealing cattle.")
    verbs = {"accused": VerbCodes(frozenset({"112"}))}
    every = [Triple("HGM", t, "112") for t in ("RIV", "MRS", "FEN")]
    record = CameoRecord("r1", "COMPOUND", "", None, tuple(every), False)
    assert petr_unit_passes(record, mentions, verbs)
    short = CameoRecord("r2", "COMPOUND", "", None, tuple(every[:2]), False)
    assert not petr_unit_passes(short, mentions, verbs)


def test_a_name_starting_with_the_is_found_without_its_article(tmp_path: Path) -> None:
    gaz = load_petrarch_gazetteer(_shared(tmp_path))
    assert gaz.lookup("Marshes")[0].country == "MRH"
    assert gaz.lookup("The Marshes")[0].country == "MRH"


def test_a_code_of_slashes_alone_names_no_actor(tmp_path: Path) -> None:
    folder = _shared(tmp_path) / "eval-data"
    (folder / PETR_ACTORS_FILE).write_text(ACTORS + "NOWHERE_LAND [/]\n", encoding="utf-8")
    gaz = load_petrarch_gazetteer(tmp_path)
    assert gaz.lookup("Nowhere Land") == []
    assert gaz.lookup("Highmoor")[0].country == "HGM"
