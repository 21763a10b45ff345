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
