"""HTML pages: main text, title, site name and date; pages without text fail cleanly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bilat.ingest import iter_articles
from bilat.ingest.html import strip_html
from bilat.models import Article, Failure

PARAGRAPHS = [
    "Officials from Moscow and Havana opened a technology centre on Thursday, a project "
    "both governments called a sign of closer ties between the two countries.",
    "The Russian delegation said the centre would train engineers in software and "
    "telecommunications, and that the first courses would begin in the autumn.",
    "Cuban ministers thanked the visitors and said agreements on energy and transport "
    "were being prepared for signature later in the year.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Russia and Cuba open a technology centre | Caribbean Wire</title>
<meta property="og:site_name" content="Caribbean Wire">
<meta property="og:title" content="Russia and Cuba open a technology centre">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Russia and Cuba open a technology centre</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer>Copyright Caribbean Wire</footer>
</body></html>
"""


def test_html_page_gives_text_title_outlet_and_date(tmp_path: Path) -> None:
    path = tmp_path / "centre.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    assert article.title == "Russia and Cuba open a technology centre"
    assert article.outlet == "Caribbean Wire"
    assert article.published == date(2024, 3, 14)
    assert article.language == "en"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Copyright" not in article.text
    assert "Home" not in article.text


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    assert article.title == "Russia and Cuba open a technology centre"


def test_html_without_text_is_a_failure(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    broken = tmp_path / "broken.htm"
    empty.write_text("<html><head><title>x</title></head><body><div></div></body></html>", "utf-8")
    broken.write_text("<<<>>> </p></div>", "utf-8")
    results = list(iter_articles([empty, broken]))
    assert [type(r) for r in results] == [Failure, Failure]
    for result in results:
        assert isinstance(result, Failure)
        assert result.reason.startswith("no article text found in HTML")


def test_strip_html_keeps_one_paragraph_a_line() -> None:
    fragment = (
        "<p>Russia &amp; Cuba <b>agreed</b>\n on  rail.</p><script>var x = 1;</script>"
        "<ul><li>First</li><li>Second</li></ul>"
    )
    assert strip_html(fragment) == "Russia & Cuba agreed on rail.\nFirst\nSecond"


def test_markup_debris_without_words_is_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "debris.html"
    page.write_text("<html><body><div><<<</div", encoding="utf-8")
    results = list(iter_articles([page]))
    assert len(results) == 1
    assert isinstance(results[0], Failure)
    assert "no words" in results[0].reason and results[0].item == str(page)
