"""JSON Lines input: ids kept, dates read, one Failure per bad line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bilat.ingest import iter_articles
from bilat.models import Article, Failure

TEXT_EN = "Cuba and Russia signed a deal on rail repairs in Havana on Tuesday.\n"
TEXT_ES = "Cuba y Rusia firmaron el martes en La Habana un acuerdo para reparar los ferrocarriles."


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_keeps_ids_and_reads_fields(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "corpus.jsonl",
        [
            json.dumps(
                {
                    "id": "s9",
                    "url": "https://news.example/rail",
                    "outlet": "Example News",
                    "published": "2024-02-06",
                    "language": "en",
                    "title": "Rail deal",
                    "text": TEXT_EN,
                    "file": "ignored.txt",
                }
            ),
            json.dumps({"id": 7, "published": "2024-02-07T10:30:00+00:00", "text": TEXT_ES}),
            json.dumps({"id": "s11", "published": None, "language": None, "text": TEXT_EN}),
        ],
    )
    first, second, third = list(iter_articles([path]))
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert isinstance(third, Article)
    assert (first.id, second.id, third.id) == ("s9", "7", "s11")
    assert first.text == TEXT_EN
    assert first.url == "https://news.example/rail"
    assert first.outlet == "Example News"
    assert first.title == "Rail deal"
    assert first.published == date(2024, 2, 6)
    assert first.source == f"{path}:1"
    assert second.published == date(2024, 2, 7)
    assert second.language == "es"
    assert third.published is None
    assert third.language == "en"


def test_jsonl_without_id_gets_stable_id(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "a.ndjson", [json.dumps({"text": TEXT_EN})])
    first = list(iter_articles([path]))
    second = list(iter_articles([path]))
    assert isinstance(first[0], Article) and isinstance(second[0], Article)
    assert first[0].id == second[0].id


def test_jsonl_bad_lines_are_failures_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            json.dumps({"id": "ok1", "text": TEXT_EN}),
            "{not json",
            "[1, 2, 3]",
            json.dumps({"id": "no-text"}),
            json.dumps({"id": "blank", "text": "   "}),
            "",
            json.dumps({"id": "bad-date", "text": TEXT_EN, "published": "last week"}),
            json.dumps({"id": "bad-url", "text": TEXT_EN, "url": ["x"]}),
            json.dumps({"id": "ok2", "text": TEXT_ES}),
        ],
    )
    results = list(iter_articles([path]))
    assert [r.id for r in results if isinstance(r, Article)] == ["ok1", "ok2"]
    failures = {r.item: r.reason for r in results if isinstance(r, Failure)}
    assert list(failures) == [f"{path}:{n}" for n in (2, 3, 4, 5, 7, 8)]
    assert failures[f"{path}:2"].startswith("not JSON")
    assert failures[f"{path}:3"].startswith("a JSON array, not an object")
    assert 'no non-empty "text" field' in failures[f"{path}:4"]
    assert 'no non-empty "text" field' in failures[f"{path}:5"]
    assert "not an ISO date" in failures[f"{path}:7"]
    assert '"url" is a JSON array' in failures[f"{path}:8"]
    assert all("\n" not in reason for reason in failures.values())


def test_jsonl_text_with_crlf_is_normalised(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "crlf.jsonl", [json.dumps({"id": "c", "text": "One.\r\nTwo.\r\n"})]
    )
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    assert article.text == "One.\nTwo.\n"


def test_jsonl_language_is_normalised_or_refused(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "lang.jsonl",
        [
            json.dumps({"id": "a", "language": "EN-us", "text": TEXT_EN}),
            json.dumps({"id": "b", "language": "english please", "text": TEXT_EN}),
        ],
    )
    first, second = list(iter_articles([path]))
    assert isinstance(first, Article) and first.language == "en"
    assert isinstance(second, Failure) and "not an ISO 639-1 code" in second.reason
