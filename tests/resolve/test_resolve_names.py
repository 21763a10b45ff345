"""Name keys, case styles and inflection."""

from __future__ import annotations

import pytest

from bilat.resolve.names import (
    accepts_case,
    alias_key,
    case_style,
    fold,
    inflect_spanish_adjective,
    pluralize_phrase,
    split_alias,
    split_possessive,
)


def test_fold_drops_accents_case_and_curly_apostrophes() -> None:
    assert fold("Díaz") == fold("DIAZ") == "diaz"
    assert fold("People’s") == "people's"


def test_alias_key_is_hyphen_and_space_insensitive() -> None:
    assert alias_key("Díaz-Canel") == alias_key("Diaz Canel") == ("diaz", "canel")


def test_split_alias_cuts_like_the_tokenizer() -> None:
    assert split_alias("Washington, D.C.") == ["Washington", ",", "D.C."]
    assert split_alias("National Assembly of People's Power") == [
        "National",
        "Assembly",
        "of",
        "People",
        "'s",
        "Power",
    ]


def test_split_possessive() -> None:
    assert split_possessive("Putin’s") == ("Putin", 2)
    assert split_possessive("Paris") == ("Paris", 0)


@pytest.mark.parametrize(
    ("alias", "written", "ok"),
    [
        ("US", "US", True),
        ("US", "us", False),
        ("Turkey", "turkey", False),
        ("Turkey", "TURKEY", True),
        ("cubano", "Cubano", True),
        ("UNESCO", "Unesco", True),
    ],
)
def test_case_styles(alias: str, written: str, ok: bool) -> None:
    assert accepts_case(case_style(alias), written) is ok


@pytest.mark.parametrize(
    ("phrase", "language", "plural"),
    [
        ("minister", "en", "ministers"),
        ("company", "en", "companies"),
        ("head of state", "en", "heads of state"),
        ("businessman", "en", "businessmen"),
        ("delegación", "es", "delegaciones"),
        ("empresa", "es", "empresas"),
        ("comisión intergubernamental", "es", "comisiones intergubernamentales"),
        ("centro de investigación", "es", "centros de investigación"),
    ],
)
def test_pluralize_phrase(phrase: str, language: str, plural: str) -> None:
    assert pluralize_phrase(phrase, language) == plural


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("cubano", {"cubano", "cubana", "cubanos", "cubanas"}),
        ("francés", {"francés", "francesa", "franceses", "francesas"}),
        ("alemán", {"alemán", "alemana", "alemanes", "alemanas"}),
        ("iraní", {"iraní", "iraníes", "iranís"}),
        ("estadounidense", {"estadounidense", "estadounidenses"}),
        ("español", {"español", "española", "españoles", "españolas"}),
    ],
)
def test_inflect_spanish_adjective(word: str, forms: set[str]) -> None:
    assert set(inflect_spanish_adjective(word)) == forms
