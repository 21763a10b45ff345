"""Junk names the recognizer gives (a capitalised function word, a stray code) never become
actors; real names, short or foreign, still do."""

from __future__ import annotations

import pytest
from resolve_docs import build_doc

from bilat.resolve import Resolver
from bilat.resolve.junknames import fold, is_junk_name


@pytest.mark.parametrize(
    "name",
    ["Según", "SEGÚN", "However", "Tras", "Decenas", "ST", "A", "J.", "5", "J. 5", "(", "D.C"],
)
def test_function_words_short_codes_and_letterless_names_are_junk(name: str) -> None:
    assert is_junk_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Smolny",
        "Minas",
        "Lavrov",
        "Mas",
        "Li",
        "Yulia Smirnova",
        "El Salvador",
        "La Habana",
        "SIGESTIC",
    ],
)
def test_names_are_not_junk(name: str) -> None:
    # "Li" and "Mas" are surnames (mixed case); a function word inside a longer name is fine
    assert not is_junk_name(name)


def test_fold_drops_accents_and_case() -> None:
    assert fold("Según") == "segun" and fold("ÁMBAS") == "ambas"


def test_junk_entities_get_no_span_but_real_ones_do(resolver: Resolver) -> None:
    # Written for this test: the recognizer took "Según" for a person and "ST" for a place.
    text = "Según Dmitri Volkonov, the ST plant in Vorkutino will reopen."
    doc = build_doc(
        text,
        "es",
        [("Según", "PERSON"), ("Dmitri Volkonov", "PERSON"), ("ST", "GPE"), ("Vorkutino", "GPE")],
    )
    spans = {s.text: s for s in resolver.find_actors(doc, text)}
    assert "Según" not in spans and "ST" not in spans
    assert spans["Dmitri Volkonov"].via == "ner" and spans["Vorkutino"].via == "ner"
