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
