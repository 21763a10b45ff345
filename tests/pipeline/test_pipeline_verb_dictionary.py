"""A user's verb dictionary ([events] verb_dictionaries) reaches the coder of a pipeline run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bilat.config import EventSettings, Settings
from bilat.models import Article
from bilat.pipeline import Coded, code_article

# A verb no shipped table knows, coded by the user's dictionary as a visit (CAMEO 042).
USER_DICTIONARY = """\
---  SERENADE   [042]  ---
SERENADE {SERENADES SERENADED SERENADING}
"""
TEXT = "Norway serenaded Chile in Santiago on Tuesday, the ministry said."
# Actor markers: the target is the subject, the source follows the object ("+ * WORD $").
MARKED_DICTIONARY = """\
---  POCKET   [---]  ---
POCKET {POCKETS POCKETED POCKETING}
- + * BULLION $  [071]
"""
MARKED_TEXT = "Peru pocketed bullion from Norway last week, officials in Lima said."


def _code(settings: Settings, text: str = TEXT) -> Coded:
    article = Article(id="v1", text=text, language="en", published=dt.date(2026, 3, 5))
    coded = code_article(settings, article)
    assert isinstance(coded, Coded)
    return coded


def test_the_shipped_tables_alone_code_nothing_here() -> None:
    assert _code(Settings()).mentions == []


def test_a_user_dictionary_codes_its_verb(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(USER_DICTIONARY, encoding="utf-8")
    settings = Settings(events=EventSettings(verb_dictionaries=[str(path)]))
    (mention,) = _code(settings).mentions
    assert (mention.event, mention.cameo) == ("CONSULT", "042")
    assert [a.country for a in mention.actor] == ["NOR"]
    assert [r.country for r in mention.recipient] == ["CHL"]


def test_actor_markers_of_a_pattern_turn_the_act_round(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(MARKED_DICTIONARY, encoding="utf-8")
    settings = Settings(events=EventSettings(verb_dictionaries=[str(path)]))
    (mention,) = _code(settings, MARKED_TEXT).mentions
    assert (mention.event, mention.cameo) == ("AID", "071")
    assert [a.country for a in mention.actor] == ["NOR"]  # the giver, after "from"
    assert [r.country for r in mention.recipient] == ["PER"]
