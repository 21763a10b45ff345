"""Discard phrases: a story or sentence holding a listed phrase codes nothing (discards.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_events_coder import _parser, find_actors

from bilat.config import EventSettings, load_settings
from bilat.errors import ConfigError
from bilat.events import get_coder
from bilat.events.discards import Discards, compile_phrases, load_discards, parse_discards
from bilat.models import Article, Mention, Sentence


def _sentence(text: str) -> Sentence:
    return Sentence(start=0, end=len(text), text=text, token_start=0, token_end=1)


def test_phrases_match_whole_words_whatever_the_case_and_spacing() -> None:
    pattern = compile_phrases(["cup final", "hail_storm"])
    assert pattern is not None
    assert pattern.search("after the CUP   Final in Lagos")
    assert pattern.search("a Hail Storm struck")
    assert not pattern.search("a cupboard finale")
    assert not pattern.search("the cup was lifted")  # every word of the phrase is needed
    assert compile_phrases(["  ", ""]) is None


def test_a_marked_phrase_drops_the_story_and_a_plain_one_the_sentence() -> None:
    discards = parse_discards(["# sports and weather", "+hurricane  # whole story", "rugby"])
    text = "Lima thanked Quito. A hurricane hit the coast."
    assert discards.drops_story(text) and not discards.drops_sentence(text)
    assert list(discards.iter_kept(text, [_sentence("Lima thanked Quito.")])) == []
    kept = [_sentence("Lima thanked Quito."), _sentence("The rugby side beat Quito.")]
    assert list(discards.iter_kept("no storm here", kept)) == kept[:1]


def test_no_phrases_keep_every_sentence() -> None:
    kept = [_sentence("Lima thanked Quito.")]
    assert list(Discards().iter_kept("Lima thanked Quito.", kept)) == kept
    assert load_discards([]) == Discards()


def test_a_file_in_petrarchs_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "discards.txt"
    path.write_text("# story ones carry a plus\n+Monsoon Rains\n\nCHESS OLYMPIAD\n", "utf-8")
    discards = load_discards(str(path))
    assert discards.drops_story("after the monsoon rains ended")
    assert discards.drops_sentence("at the chess olympiad")
    assert not discards.drops_story("at the chess olympiad")


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"does not exist.*discard_phrases") as err:
        load_discards(str(tmp_path / "absent.txt"))
    assert "\n" not in str(err.value)


def test_a_file_that_is_not_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("f\xfatbol\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"cannot be read as UTF-8.*save it as UTF-8"):
        load_discards(str(path))


def test_a_lone_plus_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("regatta\n+   # nothing after the mark\n", "utf-8")
    with pytest.raises(ConfigError, match=r"bad\.txt:2: .*no phrase after '\+'"):
        load_discards(str(path))


def test_the_setting_takes_a_list_or_a_file(tmp_path: Path) -> None:
    conf = tmp_path / "bilat.toml"
    conf.write_text('[events]\ndiscard_phrases = ["+typhoon", "polo"]\n', "utf-8")
    assert load_settings(conf, environ={}).events.discard_phrases == ["+typhoon", "polo"]
    conf.write_text('[events]\ndiscard_phrases = "mine.txt"\n', "utf-8")
    assert load_settings(conf, environ={}).events.discard_phrases == "mine.txt"
    assert EventSettings().discard_phrases == []
    with pytest.raises(ConfigError, match="does not exist"):
        get_coder(events=EventSettings(discard_phrases=str(tmp_path / "none.txt")))


def _code(text: str, phrases: list[str]) -> list[Mention]:
    article = Article(id="d1", text=text, language="en", published=dt.date(2024, 5, 6))
    coder = get_coder(events=EventSettings(discard_phrases=phrases))
    return coder.code(article, _parser().parse(article), find_actors(text))


@pytest.mark.slow
def test_the_coder_skips_discarded_stories_and_sentences() -> None:
    text = (
        "Russia signed a grain accord with Cuba on Monday. "
        "Brazil sent food aid to Mexico after the hailstorm on Sunday."
    )
    every = _code(text, [])
    assert any("hailstorm" in m.event_text for m in every)
    assert any("hailstorm" not in m.event_text for m in every)
    kept = _code(text, ["HAILSTORM"])
    assert [m.id for m in kept] == [m.id for m in every if "hailstorm" not in m.event_text]
    assert _code(text, ["+hailstorm"]) == []
