"""Settings: defaults, TOML file, BILAT_* environment, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.config import load_settings
from bilat.errors import ConfigError


def test_defaults_without_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings(environ={})
    assert s.ingest.max_bytes == 10_000_000
    assert s.events.coder == "rules.v1"
    assert s.nlp.models["en"][0] == "en_core_web_sm"


def test_file_then_environment(tmp_path: Path) -> None:
    f = tmp_path / "bilat.toml"
    f.write_text("[ingest]\nmax_bytes = 500\n[link]\ndate_window_days = 3\n")
    s = load_settings(f, environ={"BILAT_INGEST__MAX_BYTES": "900", "OTHER": "x"})
    assert s.ingest.max_bytes == 900
    assert s.link.date_window_days == 3


def test_wrong_value_names_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"ingest\.max_bytes"):
        load_settings(environ={"BILAT_INGEST__MAX_BYTES": "lots"})


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "missing.toml", environ={})


def test_broken_toml_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[ingest\nmax_bytes = 1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(f, environ={})


def test_verb_dictionaries_default_to_none_and_read_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}).events.verb_dictionaries == []
    assert load_settings(environ={}).events.shipped_triggers is True
    f = tmp_path / "bilat.toml"
    f.write_text(
        '[events]\nverb_dictionaries = ["mine.txt"]\nverb_code_events = { "09" = "REQUEST" }\n'
    )
    events = load_settings(f, environ={}).events
    assert events.verb_dictionaries == ["mine.txt"]
    assert events.verb_code_events == {"09": "REQUEST"}


def test_verb_code_events_must_name_plover_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"BILAT_EVENTS__VERB_CODE_EVENTS": '{"09": "PLEAD"}'}
    with pytest.raises(ConfigError, match=r"events\.verb_code_events.*'PLEAD'"):
        load_settings(environ=env)
