"""The NLP stage: spaCy parses articles into ParsedDoc records; spaCy stays in this package."""

from __future__ import annotations

from bilat.nlp.models import choose_model, is_installed, load_model
from bilat.nlp.parse import Parser, split_text

__all__ = ["Parser", "choose_model", "is_installed", "load_model", "split_text"]
