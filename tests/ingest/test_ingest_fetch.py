"""URLs: pages and feeds fetched through httpx, network errors as Failures."""

from __future__ import annotations

import httpx

from bilat.config import IngestSettings
from bilat.ingest import canonicalise_url, iter_articles, make_article_id
from bilat.models import Article, Failure

PAGE = """<!DOCTYPE html><html><head><title>Moscow sends buses to Havana</title></head>
<body><article><h1>Moscow sends buses to Havana</h1>
<p>The first fifty of the buses that Russia promised to Cuba last year arrived at the port
of Mariel on Saturday, according to the Cuban transport ministry.</p>
<p>The ministry said the vehicles would serve routes between Havana and the eastern
provinces, where public transport has been scarce for months.</p>
</article></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Bus News</title>
<item><title>Buses</title><link>https://www.buses.example/buses</link>
<description>Short.</description></item></channel></rss>"""


def handle(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/old":
        return httpx.Response(301, headers={"location": "https://www.buses.example/buses"})
    if request.url.path == "/buses":
        return httpx.Response(200, text=PAGE, headers={"content-type": "text/html"})
    if request.url.path == "/feed":
        return httpx.Response(200, text=FEED, headers={"content-type": "application/rss+xml"})
    if request.url.path == "/big":
        return httpx.Response(200, content=b"x" * 5000)
    if request.url.path == "/offline":
        raise httpx.ConnectError("Name or service not known", request=request)
    if request.url.path == "/slow":
        raise httpx.ReadTimeout("timed out", request=request)
    return httpx.Response(500)


def fetch_all(*urls: str, settings: IngestSettings | None = None) -> list[Article | Failure]:
    client = httpx.Client(transport=httpx.MockTransport(handle))
    return list(iter_articles(list(urls), settings, client=client))


def test_url_is_fetched_following_redirects() -> None:
    (article,) = fetch_all("https://www.buses.example/old")
    assert isinstance(article, Article)
    assert article.url == "https://www.buses.example/buses"
    assert article.source == "https://www.buses.example/old"
    assert article.outlet == "buses.example"
    assert article.title == "Moscow sends buses to Havana"
    assert "fifty of the buses" in article.text
    assert article.id == make_article_id(article.text, "https://www.buses.example/buses")


def test_url_that_serves_a_feed_is_read_as_feed() -> None:
    (article,) = fetch_all("https://www.buses.example/feed")
    assert isinstance(article, Article)
    assert article.outlet == "Bus News"
    assert "Mariel" in article.text


def test_network_errors_are_failures_and_the_run_goes_on() -> None:
    results = fetch_all(
        "https://www.buses.example/offline",
        "https://www.buses.example/slow",
        "https://www.buses.example/error",
        "https://www.buses.example/buses",
    )
    reasons = [r.reason for r in results if isinstance(r, Failure)]
    assert [r.item for r in results if isinstance(r, Failure)] == [
        "https://www.buses.example/offline",
        "https://www.buses.example/slow",
        "https://www.buses.example/error",
    ]
    assert reasons[0].startswith("could not fetch (Name or service not known)")
    assert reasons[1].startswith("timed out after 20 s")
    assert reasons[2].startswith("HTTP 500")
    assert isinstance(results[3], Article)


def test_download_over_the_limit_is_a_failure() -> None:
    (failure,) = fetch_all("https://www.buses.example/big", settings=IngestSettings(max_bytes=100))
    assert isinstance(failure, Failure)
    assert "over the 0.0 MB limit" in failure.reason or "over the limit" in failure.reason


def test_unreachable_host_without_injected_client_is_a_failure() -> None:
    # Port 9 on localhost refuses connections: the real client path, without the network.
    settings = IngestSettings(fetch_timeout_s=2)
    (failure,) = list(iter_articles(["http://127.0.0.1:9/story"], settings))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("could not fetch")


def test_canonical_url_drops_case_fragment_tracking_and_trailing_slash() -> None:
    assert (
        canonicalise_url("HTTPS://News.Example.ORG/World/Cuba/?utm_source=rss&page=2#comments")
        == "https://news.example.org/World/Cuba?page=2"
    )
    assert canonicalise_url("https://example.org/") == "https://example.org"
