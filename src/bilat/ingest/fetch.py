"""Fetching URLs with httpx: one lazily opened client, size-capped downloads, clear errors."""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

import httpx

from bilat.config import IngestSettings
from bilat.errors import FetchError, InputTooLarge
from bilat.ingest.text import check_size, describe_size

_FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "/xml", "+xml")
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A downloaded response body and what is needed to read it."""

    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None

    def is_feed(self) -> bool:
        """True for RSS/Atom, by declared type or by the first kilobyte."""
        kind = self.content_type.lower()
        if "html" not in kind and any(marker in kind for marker in _FEED_TYPES):
            return True
        head = self.content[:1024].lower()
        return any(marker in head for marker in _FEED_MARKERS) and b"<html" not in head

    def decoded(self) -> str | bytes:
        """Text when the server named a charset; bytes otherwise, so the page's own
        <meta charset> decides."""
        if self.charset:
            try:
                return self.content.decode(self.charset, errors="replace")
            except LookupError:
                return self.content
        return self.content


class Fetcher:
    """Fetches URLs through a given client, or one it opens on first use and closes."""

    def __init__(self, settings: IngestSettings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self._client = client
        self._owned: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()
            self._owned = None

    def _get_client(self) -> httpx.Client:
        if self._client is not None:
            return self._client
        if self._owned is None:
            self._owned = httpx.Client()
        return self._owned

    def fetch(self, url: str) -> FetchedPage:
        """The body at `url`; FetchError or InputTooLarge say why there is none."""
        timeout = self.settings.fetch_timeout_s
        try:
            return self._download(url)
        except httpx.TimeoutException:
            raise FetchError(
                f"timed out after {timeout:g} s; try again later or raise ingest.fetch_timeout_s"
            ) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL ({exc}); check how it is written") from None
        except httpx.HTTPError as exc:
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise FetchError(
                f"could not fetch ({detail}); check the URL and the network connection"
            ) from None

    def _download(self, url: str) -> FetchedPage:
        limit = self.settings.max_bytes
        with self._get_client().stream(
            "GET",
            url,
            headers={"User-Agent": self.settings.user_agent},
            timeout=self.settings.fetch_timeout_s,
            follow_redirects=True,
        ) as response:
            if response.status_code >= 400:
                raise FetchError(
                    f"HTTP {response.status_code} {response.reason_phrase}; "
                    "check that the page still exists"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit():
                check_size(int(declared), limit)
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > limit:
                    raise InputTooLarge(
                        f"more than {describe_size(limit)} downloaded, over the limit "
                        "(ingest.max_bytes); raise the limit if this page is an article"
                    )
                chunks.append(chunk)
            content = b"".join(chunks)
            if not content.strip():
                raise FetchError("empty response; check that the URL points at an article")
            return FetchedPage(
                url=str(response.url),
                content=content,
                content_type=response.headers.get("content-type", ""),
                charset=response.charset_encoding,
            )
