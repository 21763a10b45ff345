"""The link stage: mentions become events (clusters across sentences, articles and outlets)."""

from __future__ import annotations

from bilat.link.clusters import (
    CandidateLookup,
    content_words,
    dates_compatible,
    link_article,
    parse_partial,
)
from bilat.link.matching import group_of

__all__ = [
    "CandidateLookup",
    "content_words",
    "dates_compatible",
    "group_of",
    "link_article",
    "parse_partial",
]
