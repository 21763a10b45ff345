"""The link stage: mentions become events (clusters across sentences, articles and outlets)."""

from __future__ import annotations

from bilat.link.clusters import (
    CandidateLookup,
    content_words,
    dates_compatible,
    link_article,
    parse_partial,
)

__all__ = ["CandidateLookup", "content_words", "dates_compatible", "link_article", "parse_partial"]
