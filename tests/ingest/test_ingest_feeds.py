"""RSS and Atom feeds: full-content entries, fetched links, a failing link."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx

from bilat.config import IngestSettings
from bilat.ingest import iter_articles
from bilat.models import Article, Failure

LONG_PARAGRAPHS = [
    "Russia and Cuba agreed on Wednesday to expand cooperation in oil refining, with Russian "
    "companies set to repair two units at the Cienfuegos refinery over the next three years.",
    "The deputy ministers who signed the plan in Havana said the work would be paid for with "
    "a credit line that Moscow had already approved, and that spare parts would arrive by sea.",
    "Cuban officials said the refinery should be running at full capacity again by the end of "
    "the decade, easing the fuel shortages that have caused long blackouts on the island.",
]
LONG_HTML = "".join(f"<p>{p}</p>" for p in LONG_PARAGRAPHS)
LONG_TEXT = "\n".join(LONG_PARAGRAPHS)

LINKED_PAGE = """<!DOCTYPE html><html><head><title>Wheat shipment reaches Cuba</title>
<meta property="og:site_name" content="Page Site"></head><body><article>
<h1>Wheat shipment reaches Cuba</h1>
<p>A ship carrying twenty-five thousand tonnes of Russian wheat docked in Havana on Friday,
the second donation of grain that Moscow has sent to the island this year.</p>
<p>Cuban officials said the flour milled from the wheat would go to bakeries that supply
the bread sold on the ration book in the eastern provinces.</p>
</article></body></html>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Island Monitor</title>
<link>https://monitor.example/</link>
<description>News about Cuba</description>
<item>
  <title>Refinery repairs agreed</title>
  <link>https://monitor.example/refinery</link>
  <pubDate>Wed, 10 Apr 2024 08:00:00 +0000</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[{LONG_HTML}]]></content:encoded>
</item>
<item>
  <title>Wheat shipment reaches Cuba</title>
  <link>https://monitor.example/wheat</link>
  <pubDate>Fri, 12 Apr 2024 08:00:00 +0000</pubDate>
  <description>A grain ship docked in Havana.</description>
</item>
<item>
  <title>Gone</title>
  <link>https://monitor.example/gone</link>
  <description>This page was removed.</description>
</item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Caribbean Atom</title>
<id>urn:example:atom</id>
<updated>2024-04-12T00:00:00Z</updated>
<entry>
  <title>Refinery repairs agreed</title>
  <id>urn:example:1</id>
  <link href="https://atom.example/refinery"/>
  <updated>2024-04-10T08:00:00Z</updated>
  <content type="html"><![CDATA[{LONG_HTML}]]></content>
</entry>
<entry>
  <title>Wheat shipment reaches Cuba</title>
  <id>urn:example:2</id>
  <link href="https://monitor.example/wheat"/>
  <published>2024-04-12T08:00:00Z</published>
  <summary>A grain ship docked in Havana.</summary>
</entry>
</feed>
"""


def make_client(requested: list[httpx.Request]) -> httpx.Client:
    def handle(request: httpx.Request) -> httpx.Response:
        requested.append(request)
        if request.url.path == "/wheat":
            return httpx.Response(200, text=LINKED_PAGE, headers={"content-type": "text/html"})
        return httpx.Response(404, text="not here")

    return httpx.Client(transport=httpx.MockTransport(handle))


def test_rss_full_content_fetched_link_and_404(tmp_path: Path) -> None:
    path = tmp_path / "monitor.rss"
    path.write_text(RSS, encoding="utf-8")
    requested: list[httpx.Request] = []
    refinery, wheat, gone = list(iter_articles([path], client=make_client(requested)))

    assert isinstance(refinery, Article)
    assert refinery.text == LONG_TEXT
    assert refinery.title == "Refinery repairs agreed"
    assert refinery.outlet == "Island Monitor"
    assert refinery.published == date(2024, 4, 10)
    assert refinery.url == "https://monitor.example/refinery"
    assert refinery.source == str(path)

    assert isinstance(wheat, Article)
    assert "twenty-five thousand tonnes" in wheat.text
    assert wheat.outlet == "Island Monitor"
    assert wheat.published == date(2024, 4, 12)
    assert wheat.url == "https://monitor.example/wheat"

    assert isinstance(gone, Failure)
    assert gone.item == "https://monitor.example/gone"
    assert gone.reason.startswith("HTTP 404")

    assert [str(r.url) for r in requested] == [
        "https://monitor.example/wheat",
        "https://monitor.example/gone",
    ]
    assert requested[0].headers["user-agent"] == IngestSettings().user_agent


def test_atom_full_content_and_fetched_link(tmp_path: Path) -> None:
    path = tmp_path / "caribbean.atom"
    path.write_text(ATOM, encoding="utf-8")
    requested: list[httpx.Request] = []
    refinery, wheat = list(iter_articles([path], client=make_client(requested)))
    assert isinstance(refinery, Article) and isinstance(wheat, Article)
    assert refinery.text == LONG_TEXT
    assert refinery.outlet == "Caribbean Atom"
    assert refinery.published == date(2024, 4, 10)
    assert "Russian wheat" in wheat.text
    assert wheat.published == date(2024, 4, 12)
    assert len(requested) == 1


def test_feed_without_fetching_uses_the_short_text(tmp_path: Path) -> None:
    path = tmp_path / "monitor.xml"
    path.write_text(RSS, encoding="utf-8")
    requested: list[httpx.Request] = []
    settings = IngestSettings(fetch_links=False)
    results = list(iter_articles([path], settings, client=make_client(requested)))
    assert requested == []
    assert [r.text for r in results if isinstance(r, Article)] == [
        LONG_TEXT,
        "A grain ship docked in Havana.",
        "This page was removed.",
    ]


def test_feed_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text(ATOM, encoding="utf-8")
    results = list(iter_articles([path], IngestSettings(fetch_links=False)))
    assert all(isinstance(r, Article) for r in results)
    assert len(results) == 2


def test_xml_that_is_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text("<?xml version='1.0'?><settings><a>1</a></settings>\n", encoding="utf-8")
    (failure,) = list(iter_articles([path]))
    assert isinstance(failure, Failure)
    assert failure.item == str(path)
    assert failure.reason.startswith("no entries found in the feed")
