"""Ingest stage: files, folders, JSONL, HTML, RSS/Atom and URLs in, Articles (or Failures) out.

trafilatura, htmldate, feedparser, httpx and py3langid are used only inside this package.
"""

from __future__ import annotations

from bilat.ingest.identity import canonicalise_url, make_article_id
from bilat.ingest.sources import iter_articles

__all__ = ["canonicalise_url", "iter_articles", "make_article_id"]
