"""Plain-text and Markdown files: front matter, exact offsets, bad files, directories."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat.config import IngestSettings
from bilat.ingest import iter_articles
from bilat.ingest.text import decode_text, read_text_article, sniff_kind, split_front_matter
from bilat.models import Article, Failure

BODY = (
    "Russia will help Cuba modernise its power grid.\n"
    "Engineers from Moscow arrived in Havana on Monday to inspect two thermal plants.\n"
    "  The work is due to start in May.\n"
)


def read_all(*sources: str | Path, **kwargs: object) -> list[Article | Failure]:
    return list(iter_articles(list(sources), **kwargs))  # type: ignore[arg-type]


def read_one(source: str | Path) -> Article | Failure:
    results = read_all(source)
    assert len(results) == 1, results
    return results[0]


def test_plain_text_keeps_body_and_takes_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "grid.txt"
    path.write_text("\n\n" + BODY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == "\n\n" + BODY
    assert article.title == "Russia will help Cuba modernise its power grid."
    assert article.source == str(path)
    assert article.language == "en"


def test_front_matter_sets_metadata_and_body_offsets_are_exact(tmp_path: Path) -> None:
    header = (
        "---\n"
        "id: grid-2024\n"
        "url: https://example.org/news/grid\n"
        "outlet: Example Daily\n"
        "published: 2024-05-02\n"
        "language: en\n"
        'title: "Power grid deal"\n'
        "tags:\n"
        "  - energy\n"
        "---\n"
    )
    path = tmp_path / "grid.md"
    path.write_text(header + BODY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.id == "grid-2024"
    assert article.url == "https://example.org/news/grid"
    assert article.outlet == "Example Daily"
    assert article.published == date(2024, 5, 2)
    assert article.title == "Power grid deal"
    start = BODY.index("Engineers")
    assert article.text[start : start + len("Engineers from Moscow")] == "Engineers from Moscow"


def test_front_matter_without_closing_fence_is_body() -> None:
    meta, body = split_front_matter("---\nsome text\nmore text\n")
    assert meta == {}
    assert body == "---\nsome text\nmore text\n"


def test_front_matter_with_bad_line_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\npublished 2024-05-02\n---\n" + BODY, encoding="utf-8")
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.item == str(path)
    assert "front matter line 2" in failure.reason


def test_front_matter_with_bad_date_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\npublished: May 2024\n---\n" + BODY, encoding="utf-8")
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "not an ISO date" in failure.reason


def test_front_matter_with_empty_body_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty-body.txt"
    path.write_text("---\ntitle: Nothing\n---\n\n", encoding="utf-8")
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert "no text after the front matter" in failure.reason


def test_bom_and_crlf_are_normalised_before_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    raw = "---\r\nid: w1\r\n---\r\n" + BODY.replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "w1"
    assert article.text == BODY


def test_same_file_gives_same_id_on_reread(tmp_path: Path) -> None:
    path = tmp_path / "grid.txt"
    path.write_text(BODY, encoding="utf-8")
    first, second = read_all(path, path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id
    assert len(first.id) == 16


def test_url_in_front_matter_gives_id_of_canonical_url(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("---\nurl: https://Example.org/a/?utm_source=x\n---\n" + BODY, "utf-8")
    two.write_text("---\nurl: https://example.org/a#top\n---\nOther text.\n", "utf-8")
    first, second = read_all(one, two)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id
    assert first.outlet == "example.org"


def test_language_is_detected_for_english_and_spanish(tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    spanish = tmp_path / "es.txt"
    english.write_text(BODY, encoding="utf-8")
    spanish.write_text(
        "Rusia y Cuba firmaron un acuerdo para modernizar la red eléctrica de la isla. "
        "Los ingenieros rusos llegarán a La Habana el próximo mes.\n",
        encoding="utf-8",
    )
    first, second = read_all(english, spanish)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.language, second.language) == ("en", "es")


def test_missing_path_is_a_failure_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    results = read_all(missing, good)
    assert isinstance(results[0], Failure)
    assert results[0].item == str(missing)
    assert "no such file or directory" in results[0].reason
    assert isinstance(results[1], Article)


def test_binary_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary data, not text")


def test_mostly_control_bytes_without_nul_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.dat"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 200)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary data, not text")


def test_empty_and_whitespace_files_are_failures(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    blank = tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_text(" \n\t\n", encoding="utf-8")
    results = read_all(empty, blank)
    assert all(isinstance(r, Failure) for r in results)
    assert [r.reason.split(" (")[0] for r in results if isinstance(r, Failure)] == [
        "empty file",
        "empty file",
    ]


def test_invalid_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Cooperación entre Rusia y Cuba.\n".encode("latin-1"))
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.reason == ("not valid UTF-8 (byte 0xf3 at offset 9); re-save the file as UTF-8")


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no disk is used
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("52.4 MB is over the 10.0 MB limit (ingest.max_bytes)")


def test_limit_comes_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(BODY, encoding="utf-8")
    results = list(iter_articles([path], IngestSettings(max_bytes=10)))
    assert isinstance(results[0], Failure)
    assert "over the 0.0 MB limit" in results[0].reason


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "z").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    files = ["c.txt", "b/a.txt", "a/z/y.txt", "a/b.txt", "a.txt"]
    for name in files:
        (tmp_path / name).write_text(f"Story {name} about Cuba and Russia.\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.\n", "utf-8")
    (tmp_path / ".git" / "HEAD.txt").write_text("Hidden too.\n", "utf-8")
    seen: list[str] = []
    results = list(iter_articles([tmp_path], progress=seen.append))
    # Sorted by path parts: a folder's files come together, before a sibling "a.txt".
    order = ["a/b.txt", "a/z/y.txt", "a.txt", "b/a.txt", "c.txt"]
    expected = [str(tmp_path / name) for name in order]
    assert [r.source for r in results if isinstance(r, Article)] == expected
    assert seen == expected


def test_directory_walk_skips_database_files_but_a_named_one_is_still_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "story.txt").write_text("Russia and Cuba met on Monday.\n", "utf-8")
    for name in ("bilat.db", "bilat.db-wal", "bilat.db-shm", "old.sqlite"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + bytes(64))
    results = list(iter_articles([tmp_path]))
    assert [r.source for r in results] == [str(tmp_path / "story.txt")]
    (named,) = list(iter_articles([tmp_path / "bilat.db"]))
    assert isinstance(named, Failure) and "binary data" in named.reason


def test_unknown_extension_is_sniffed() -> None:
    assert sniff_kind("<?xml version='1.0'?>\n<rss version='2.0'>") == "feed"
    assert sniff_kind("  <!DOCTYPE html><html><body>") == "html"
    assert sniff_kind('{"id": 1, "text": "x"}\n') == "jsonl"
    assert sniff_kind("{not json at all}\n") == "text"
    assert sniff_kind("Plain words.") == "text"


_body_text = st.text(
    alphabet=st.characters(
        exclude_categories=("Cs", "Cc"),
        exclude_characters="\ufeff",
        include_characters="\n\t",
    ),
    min_size=1,
).filter(lambda s: any(ch.isalpha() for ch in s))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(body=_body_text, title=st.text(alphabet="abc XYZ-", min_size=1).filter(str.strip))
def test_front_matter_round_trip_keeps_body_byte_exact(body: str, title: str) -> None:
    raw = f"---\ntitle: {title}\nlanguage: en\n---\n{body}".encode()
    article = read_text_article(decode_text(raw), "mem.txt")
    assert article.text == body
    assert article.title == title.strip()
    for start in range(0, len(body), max(1, len(body) // 5)):
        assert article.text[start:] == body[start:]


def test_special_file_and_unreadable_name_are_failures(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    too_long = tmp_path / ("x" * 300)
    first, second = read_all(fifo, too_long)
    assert isinstance(first, Failure) and isinstance(second, Failure)
    assert first.reason.startswith("not a regular file")
    assert second.reason.startswith("cannot read the file (File name too long)")
