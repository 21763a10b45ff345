"""Words compared across languages: the Spanish table, folding, numbers and stems."""

from __future__ import annotations

from bilat.link import lexicon
from bilat.link.lexicon import iter_words, stem


def test_spanish_event_words_are_read_in_english() -> None:
    assert lexicon.translate("acusó".replace("ó", "o")) == "accuse"
    assert lexicon.translate("donaciones") == "donation"
    assert lexicon.translate("toneladas") == "tonne"
    # English words pass through, even those that start like a Spanish key
    assert lexicon.translate("environment") == "environment"
    assert lexicon.translate("negotiations") == "negotiations"


def test_words_meet_across_languages_and_number_formats() -> None:
    english = set(iter_words("Russia donated 20,000 tonnes of wheat; the ship docked in March."))
    spanish = set(iter_words("Rusia donó 20.000 toneladas de trigo; el buque atracó en marzo."))
    wanted = {
        stem(w.lower()) for w in ("20000", "tonnes", "wheat", "ship", "docked", "March", "Russia")
    }
    assert wanted <= english & spanish


def test_irregular_past_forms_meet_their_present_and_noun_forms() -> None:
    assert list(iter_words("met")) == list(iter_words("meeting"))
    assert list(iter_words("held talks")) == list(iter_words("holds talks"))
    assert list(iter_words("Moscow lent")) == list(iter_words("Moscow lends"))
    assert list(iter_words("metal")) != list(iter_words("meet"))
