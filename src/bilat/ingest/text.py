"""Reading files as text: size limit, binary and UTF-8 checks, sniffing, front matter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from bilat.errors import InputTooLarge, UnsupportedInput
from bilat.ingest.identity import BOM, build_article, normalise_text, parse_published
from bilat.models import Article

Kind = Literal["text", "jsonl", "html", "feed"]

SNIFF_BYTES = 8192
# Share of control bytes (plus undecodable high bytes) past which a file is not text.
# Latin-1 prose stays far below it; images and archives are far above it.
BINARY_SHARE = 0.30
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_KEYS = frozenset({"id", "url", "outlet", "published", "language", "title"})
# Static-site generators write `date:` where bilat says `published:`.
FRONT_MATTER_ALIASES = {"date": "published"}

_SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_FEED_MARKERS = ("<rss", "<feed", "<rdf:rdf")
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body")
_KEY = re.compile(r"^[A-Za-z_][\w-]*$")


def describe_size(n_bytes: int) -> str:
    return f"{n_bytes / 1_000_000:.1f} MB"


def check_size(n_bytes: int, max_bytes: int) -> None:
    if n_bytes > max_bytes:
        raise InputTooLarge(
            f"{describe_size(n_bytes)} is over the {describe_size(max_bytes)} limit "
            "(ingest.max_bytes); split the input or raise the limit"
        )


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing (before reading) files over the size limit."""
    check_size(path.stat().st_size, max_bytes)
    return path.read_bytes()


def check_not_binary(data: bytes) -> None:
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise UnsupportedInput(
            "binary data, not text (NUL bytes in the first 8 KB); "
            "give a text, Markdown, JSONL, HTML or RSS/Atom file"
        )
    if not head:
        return
    odd = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    try:
        # A multi-byte character cut at the 8 KB boundary is not a reason to call it binary.
        head.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:
            odd += sum(1 for b in head if b >= 0x80)
    if odd / len(head) > BINARY_SHARE:
        raise UnsupportedInput(
            f"binary data, not text ({odd / len(head):.0%} non-text bytes in the first 8 KB); "
            "give a text, Markdown, JSONL, HTML or RSS/Atom file"
        )


def decode_text(data: bytes) -> str:
    """UTF-8 text with BOM stripped and CRLF made LF; refuses binary, invalid and empty input."""
    if not data:
        raise UnsupportedInput("empty file (0 bytes); remove it or add the article text")
    check_not_binary(data)
    bom = len(BOM.encode("utf-8")) if data.startswith(BOM.encode("utf-8")) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        raise UnsupportedInput(
            f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}); "
            "re-save the file as UTF-8"
        ) from None
    text = normalise_text(text)
    if not text.strip():
        raise UnsupportedInput("empty file (only whitespace); remove it or add the article text")
    return text


def kind_for_suffix(path: Path) -> Kind | None:
    return _SUFFIX_KINDS.get(path.suffix.lower())


def sniff_kind(text: str) -> Kind:
    """Guess the format of a file whose extension says nothing."""
    head = text[:SNIFF_BYTES].lstrip().lower()
    if head.startswith("<"):
        if any(marker in head for marker in _FEED_MARKERS):
            return "feed"
        if any(marker in head for marker in _HTML_MARKERS):
            return "html"
    if head.startswith("{"):
        first = text.lstrip().split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except json.JSONDecodeError:
            pass
    return "text"


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Metadata from a leading `---` block and the body after it, byte for byte.

    Without an opening fence, or without a closing one, the whole text is the body."""
    first, newline, rest = text.partition("\n")
    if first.rstrip() != FRONT_MATTER_FENCE or not newline:
        return {}, text
    lines = rest.split("\n")
    closing = next((i for i, line in enumerate(lines) if line.rstrip() == FRONT_MATTER_FENCE), None)
    if closing is None:
        return {}, text
    body_start = len(first) + 1 + sum(len(line) + 1 for line in lines[: closing + 1])
    return _parse_front_matter(lines[:closing]), text[body_start:]


def _parse_front_matter(lines: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for number, line in enumerate(lines, start=2):
        # YAML list items, continuation lines and comments carry nothing bilat reads.
        if not line.strip() or line[0].isspace() or line.lstrip().startswith(("-", "#")):
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not _KEY.match(key):
            raise UnsupportedInput(
                f"front matter line {number} is not `key: value`; fix it or remove the block"
            )
        key = FRONT_MATTER_ALIASES.get(key, key)
        if key in FRONT_MATTER_KEYS:
            meta[key] = _unquote(value.strip())
    return meta


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def find_title(body: str) -> str | None:
    """The first non-empty line, without Markdown heading marks."""
    for line in body.split("\n"):
        title = line.strip().lstrip("#").strip()
        if title:
            return title
    return None


def read_text_article(text: str, source: str) -> Article:
    """An Article from plain text or Markdown with optional front matter."""
    meta, body = split_front_matter(text)
    if not body.strip():
        raise UnsupportedInput(
            "no text after the front matter; write the article below the closing ---"
        )
    return build_article(
        body,
        source=source,
        article_id=meta.get("id") or None,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        title=meta.get("title") or find_title(body),
        published=parse_published(meta.get("published")),
        language=meta.get("language"),
    )
