"""Article identity and metadata: canonical URLs, stable ids, dates and language."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import py3langid

from bilat.errors import UnsupportedInput
from bilat.models import Article, stable_id

BOM = "\ufeff"
# Enough text for a confident guess; classifying a whole long article only costs time.
LANGUAGE_SAMPLE_CHARS = 5000
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def normalise_text(text: str) -> str:
    """Strip a leading BOM and turn CRLF into LF: the only changes bilat ever makes."""
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n")


def canonicalise_url(url: str) -> str:
    """Lowercase scheme and host, drop the fragment, utm_* parameters and a trailing slash."""
    parts = urlsplit(url.strip())
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_")
    ]
    path = parts.path.rstrip("/")
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query, doseq=True), "")
    )


def derive_outlet(url: str) -> str | None:
    """The host of a URL without "www.", used as outlet when a page names no site."""
    host = (urlsplit(url).hostname or "").lower()
    host = host.removeprefix("www.")
    return host or None


def make_article_id(text: str, url: str | None = None) -> str:
    """Hash of the canonical URL when known, else of the text: stable across re-reads."""
    if url:
        return stable_id(canonicalise_url(url))
    return stable_id(text)


def detect_language(text: str) -> str:
    """ISO 639-1 code guessed by py3langid from the start of the text."""
    code, _score = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(code)


def normalise_language(value: str) -> str | None:
    """ "EN", "en-US" and "en_GB" all become "en"; an empty value becomes None."""
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    if not code:
        return None
    if not _LANGUAGE_CODE.match(code):
        raise UnsupportedInput(
            f"language {value!r} is not an ISO 639-1 code; write e.g. 'en' or 'es', or leave it out"
        )
    return code


def parse_published(value: object) -> date | None:
    """A date from an ISO date or datetime string (or a date object); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise UnsupportedInput(
        f"published {value!r} is not an ISO date; write YYYY-MM-DD (or an ISO datetime) or null"
    )


def build_article(
    text: str,
    *,
    source: str,
    article_id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Article:
    """Fill in what the input left out (id, outlet, language) and make the Article."""
    text = normalise_text(text)
    if not text.strip():
        raise UnsupportedInput("no article text; give the article body")
    if not any(ch.isalpha() for ch in text):
        # e.g. what is left of broken markup: symbols and numbers are not an article
        raise UnsupportedInput("no words in the article text; check that the input is an article")
    url = url.strip() if url and url.strip() else None
    if not outlet and url:
        outlet = derive_outlet(url)
    code = normalise_language(language) if language else None
    return Article(
        id=article_id or make_article_id(text, url),
        text=text,
        title=title.strip() if title and title.strip() else None,
        url=url,
        outlet=outlet.strip() if outlet and outlet.strip() else None,
        published=published,
        language=code or detect_language(text),
        source=source,
    )
