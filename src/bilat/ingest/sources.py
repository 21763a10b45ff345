"""Dispatch of sources to readers: URLs, directories, then files by extension or content."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import httpx

from bilat.config import IngestSettings
from bilat.errors import IngestError, UnsupportedInput
from bilat.ingest.feeds import iter_feed_articles
from bilat.ingest.fetch import Fetcher
from bilat.ingest.html import extract_html_article
from bilat.ingest.jsonl import iter_jsonl_articles
from bilat.ingest.text import (
    decode_text,
    kind_for_suffix,
    read_bytes,
    read_text_article,
    sniff_kind,
)
from bilat.models import Article, Failure

_URL = re.compile(r"^https?://", re.IGNORECASE)


def _ignore_item(item: str) -> None:
    pass


def iter_articles(
    sources: Iterable[str | Path],
    settings: IngestSettings | None = None,
    progress: Callable[[str], None] = _ignore_item,
    client: httpx.Client | None = None,
) -> Iterator[Article | Failure]:
    """Every Article the sources hold, and a Failure for every item that cannot be read.

    Sources are files, directories (read recursively, in sorted order, hidden entries
    skipped) and http(s) URLs. Nothing is raised for a bad item; `progress` is called
    with the item's name once per Article or Failure."""
    settings = settings or IngestSettings()
    with Fetcher(settings, client) as fetcher:
        for source in sources:
            for result in iter_source(source, settings, fetcher):
                progress(result.item if isinstance(result, Failure) else result.source or "")
                yield result


def iter_source(
    source: str | Path, settings: IngestSettings, fetcher: Fetcher
) -> Iterator[Article | Failure]:
    """Articles and Failures of one source, dispatched on URL scheme, then directory."""
    if isinstance(source, str) and _URL.match(source.strip()):
        yield from iter_url(source.strip(), settings, fetcher)
        return
    path = Path(source)
    if _is_dir(path):
        for file in iter_directory_files(path):
            yield from iter_file(file, settings, fetcher)
    else:
        yield from iter_file(path, settings, fetcher)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. a name too long: iter_file reports it as a Failure
        return False


# Database files (bilat's own store among them, with SQLite's side files) are never
# articles: a folder that holds both the corpus and its store is read without them.
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal")


def is_database_file(name: str) -> bool:
    return name.lower().endswith(DATABASE_SUFFIXES)


def iter_directory_files(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, sorted by relative path; hidden entries and
    database files skipped."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and not is_database_file(name):
                path = Path(folder) / name
                found.append((path.relative_to(root).parts, path))
    for _parts, path in sorted(found):
        yield path


def iter_file(
    path: Path, settings: IngestSettings, fetcher: Fetcher
) -> Iterator[Article | Failure]:
    """Articles of one file, by extension first and by content when that says nothing."""
    item = str(path)
    try:
        if not path.exists():
            raise UnsupportedInput("no such file or directory; check the path")
        if not path.is_file():
            raise UnsupportedInput("not a regular file or directory; give a file or a folder")
        data = read_bytes(path, settings.max_bytes)
        text = decode_text(data)
        kind = kind_for_suffix(path) or sniff_kind(text)
        if kind == "jsonl":
            yield from iter_jsonl_articles(text, item)
        elif kind == "html":
            yield extract_html_article(text, source=item)
        elif kind == "feed":
            yield from iter_feed_articles(data, item, settings, fetcher)
        else:
            yield read_text_article(text, item)
    except IngestError as exc:
        yield Failure(stage="ingest", item=item, reason=str(exc))
    except OSError as exc:
        yield Failure(
            stage="ingest",
            item=item,
            reason=f"cannot read the file ({exc.strerror or exc}); check its permissions",
        )


def iter_url(url: str, settings: IngestSettings, fetcher: Fetcher) -> Iterator[Article | Failure]:
    """Articles at one URL: the entries of a feed, or the page itself."""
    try:
        page = fetcher.fetch(url)
        if page.is_feed():
            yield from iter_feed_articles(page.content, url, settings, fetcher)
        else:
            yield extract_html_article(page.decoded(), source=url, url=page.url)
    except IngestError as exc:
        yield Failure(stage="ingest", item=url, reason=str(exc))
