"""RSS and Atom feeds: one Article per entry, from its full content or its fetched page."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from bilat.config import IngestSettings
from bilat.errors import IngestError, UnsupportedInput
from bilat.ingest.fetch import Fetcher
from bilat.ingest.html import extract_html_article, strip_html
from bilat.ingest.identity import build_article
from bilat.models import Article, Failure

# Below this many characters an entry holds a teaser, not the article: fetch its link.
MIN_FULL_TEXT_CHARS = 400


def iter_feed_articles(
    content: bytes, source: str, settings: IngestSettings, fetcher: Fetcher
) -> Iterator[Article | Failure]:
    """One Article or Failure per entry of the feed in `content`, read from `source`."""
    # A file-like object, never a string: feedparser would fetch or open a string that
    # looks like a URL or a path.
    parsed: Any = feedparser.parse(io.BytesIO(content))
    entries = list(parsed.get("entries", []))
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())})" if problem else ""
        raise UnsupportedInput(
            f"no entries found in the feed{detail}; check that it is an RSS or Atom feed"
        )
    outlet = _read_str(parsed.get("feed", {}), "title")
    for number, entry in enumerate(entries, start=1):
        link = _read_str(entry, "link")
        item = link or f"{source}#entry{number}"
        try:
            yield read_entry(
                entry, source=source, outlet=outlet, settings=settings, fetcher=fetcher
            )
        except IngestError as exc:
            yield Failure(stage="ingest", item=item, reason=str(exc))


def read_entry(
    entry: Any, *, source: str, outlet: str | None, settings: IngestSettings, fetcher: Fetcher
) -> Article:
    """The Article for one feed entry."""
    link = _read_str(entry, "link")
    title = _read_str(entry, "title")
    published = _read_entry_date(entry)
    text = _read_entry_text(entry)
    if len(text) < MIN_FULL_TEXT_CHARS and settings.fetch_links and link:
        page = fetcher.fetch(link)
        return extract_html_article(
            page.decoded(),
            source=source,
            url=page.url,
            title=title,
            outlet=outlet,
            published=published,
        )
    if not text:
        why = "fetching links is off (ingest.fetch_links)" if link else "it has no link"
        raise UnsupportedInput(f"entry has no text and {why}; give full content in the feed")
    return build_article(
        text,
        source=source,
        url=link,
        outlet=outlet,
        title=title,
        published=published,
    )


def _read_entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and summary, as plain text."""
    blocks: list[Any] = list(entry.get("content", []) or [])
    if entry.get("summary_detail"):
        blocks.append(entry.get("summary_detail"))
    texts = [_read_block_text(block) for block in blocks if hasattr(block, "get")]
    return max(texts, key=len, default="")


def _read_block_text(block: Any) -> str:
    value = block.get("value")
    if not isinstance(value, str):
        return ""
    if block.get("type") == "text/plain":
        return value.strip()
    return strip_html(value)


def _read_entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _read_str(mapping: Any, key: str) -> str | None:
    value = mapping.get(key) if hasattr(mapping, "get") else None
    return (value.strip() or None) if isinstance(value, str) else None
