"""Discard phrases: stories and sentences with a listed phrase (sports, weather) code nothing.

The idea and the file format are PETRARCH's (its `discards` dictionary): one phrase a line,
`#` starts a comment, a leading `+` makes the phrase discard the whole story (else only the
sentence that holds it), `_` joins words as a space does. A phrase matches whole words,
whatever their case and the spaces between them: "typhoon" discards "a Typhoon hit" but not
"typhoons" (list the plural too when it should).

The setting `[events] discard_phrases` is a list of such phrases or the path of such a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bilat.errors import ConfigError
from bilat.models import Sentence

SETTING = "[events] discard_phrases"
STORY_MARK = "+"


@dataclass(frozen=True, slots=True)
class Discards:
    """Compiled discard phrases: those that drop a story and those that drop a sentence."""

    story: re.Pattern[str] | None = None
    sentence: re.Pattern[str] | None = None

    def drops_story(self, text: str) -> bool:
        return self.story is not None and self.story.search(text) is not None

    def drops_sentence(self, text: str) -> bool:
        return self.sentence is not None and self.sentence.search(text) is not None

    def iter_kept(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Sentence]:
        """The sentences of an article whose text is `text` that may be coded: none when a
        story phrase is in it, else those holding no sentence phrase."""
        if self.drops_story(text):
            return
        yield from (s for s in sentences if not self.drops_sentence(s.text))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-blind pattern matching any phrase as whole words; None for no phrase."""
    parts = [r"\s+".join(map(re.escape, p.replace("_", " ").split())) for p in phrases]
    parts = sorted({p for p in parts if p}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def parse_discards(lines: Iterable[str], where: str = SETTING) -> Discards:
    """Discards from lines in PETRARCH's format; a line that is a lone `+` is a ConfigError
    naming `where` and the line number."""
    story: list[str] = []
    sentence: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        whole = line.startswith(STORY_MARK)
        phrase = line.removeprefix(STORY_MARK).replace("_", " ").strip()
        if not phrase:
            raise ConfigError(
                f"{where}:{number}: {raw.strip()!r} has no phrase after {STORY_MARK!r}; "
                "write the words to discard, e.g. +TYPHOON"
            )
        (story if whole else sentence).append(phrase)
    return Discards(compile_phrases(story), compile_phrases(sentence))


def load_discards(setting: str | Sequence[str]) -> Discards:
    """Discards from the setting: a list of phrases, or the path of a discard file
    (UTF-8; an absent or unreadable file is a ConfigError that says what to give)."""
    if not isinstance(setting, str):
        return parse_discards(setting)
    path = Path(setting)
    if not path.is_file():
        raise ConfigError(
            f"discard phrase file {setting!r} does not exist: give an existing file or a "
            f"list of phrases ({SETTING})"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"discard phrase file {setting!r} cannot be read as UTF-8 text ({exc}); "
            f"save it as UTF-8 ({SETTING})"
        ) from exc
    return parse_discards(text.splitlines(), str(path))
