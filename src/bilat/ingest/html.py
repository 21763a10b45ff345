"""HTML input: main text, title, site name and date of a page; plain text of a fragment."""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser

import htmldate
import trafilatura

from bilat.errors import UnsupportedInput
from bilat.ingest.identity import build_article, parse_published
from bilat.models import Article

logger = logging.getLogger(__name__)

# Tags after which a reader sees a new line; the rest of the markup runs inline.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one paragraph a line."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def find_html_date(content: str | bytes, url: str | None) -> date | None:
    """The publication date htmldate finds; None when it finds none or fails."""
    try:
        found = htmldate.find_date(content, url=url, original_date=True, extensive_search=False)
    except Exception as exc:  # htmldate raises assorted errors on odd markup; a date is optional
        logger.debug("htmldate failed on %s: %s", url, exc)
        return None
    return _read_date(found)


def _read_date(value: object) -> date | None:
    try:
        return parse_published(value)
    except UnsupportedInput:
        return None


def extract_html_article(
    content: str | bytes,
    *,
    source: str,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
) -> Article:
    """An Article from a web page; the given title/outlet/published win over the page's."""
    try:
        document = trafilatura.bare_extraction(
            content, url=url, with_metadata=True, include_comments=False
        )
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise UnsupportedInput(
            f"no article text found in HTML ({type(exc).__name__}); check that it is a web page"
        ) from None
    text = getattr(document, "text", None) if document is not None else None
    if not isinstance(text, str) or not text.strip():
        raise UnsupportedInput(
            "no article text found in HTML; check that the page holds the article itself"
        )
    page_title = getattr(document, "title", None)
    sitename = getattr(document, "sitename", None)
    return build_article(
        text,
        source=source,
        url=url,
        title=title or (page_title if isinstance(page_title, str) else None),
        outlet=outlet or (sitename if isinstance(sitename, str) else None),
        published=published
        or find_html_date(content, url)
        or _read_date(getattr(document, "date", None)),
    )
