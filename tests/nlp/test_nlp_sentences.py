"""Sentence bounds preset before the parser: line breaks, datelines, no mid-line cuts."""

from __future__ import annotations

import pytest

from bilat.models import Article
from bilat.nlp import Parser


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser()


def sentences(parser: Parser, text: str, language: str = "en") -> list[str]:
    doc = parser.parse(Article(id="s", text=text, language=language))
    return [s.text for s in doc.sentences]


@pytest.mark.slow
def test_dateline_is_a_sentence_of_its_own(parser: Parser) -> None:
    text = "Loan talks end\n\nSANTIAGO DE CUBA — Russian bankers met Cuban officials on Monday."
    assert sentences(parser, text) == [
        "Loan talks end",
        "SANTIAGO DE CUBA —",
        "Russian bankers met Cuban officials on Monday.",
    ]


@pytest.mark.slow
def test_spaced_hyphen_dateline_but_not_a_hyphenated_name(parser: Parser) -> None:
    text = "HAVANA - Díaz-Canel met a Russian envoy.\nDíaz-Canel and Putin spoke by phone."
    assert sentences(parser, text) == [
        "HAVANA -",
        "Díaz-Canel met a Russian envoy.",
        "Díaz-Canel and Putin spoke by phone.",
    ]


@pytest.mark.slow
def test_a_lowercase_opening_is_no_dateline(parser: Parser) -> None:
    text = "Officials said the deal — a loan — was close."
    assert sentences(parser, text) == [text]


@pytest.mark.slow
def test_spanish_line_is_not_cut_without_punctuation(parser: Parser) -> None:
    line = (
        "Técnicos de la empresa rusa Inter RAO llegarán el próximo año para supervisar "
        "el montaje de las calderas y turbinas, añadió la fuente."
    )
    text = f"Llegan piezas rusas\n\n{line}\n\nLa descarga terminó el jueves. Fue rápida."
    assert sentences(parser, text, "es") == [
        "Llegan piezas rusas",
        line,
        "La descarga terminó el jueves.",
        "Fue rápida.",
    ]
