"""The resolver on real parses (spaCy), on the team's sample corpus and on the seed articles."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bilat.ingest.text import split_front_matter
from bilat.models import ActorSpan, Article
from bilat.nlp import Parser
from bilat.resolve import Resolver

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

# Sentences written for these tests; expected (text, country, sector) spans.
SENTENCES: list[tuple[str, str, list[tuple[str, str | None, str | None]]]] = [
    (
        "Cuban President Miguel Diaz-Canel met Russia's Vladimir Putin in St. Petersburg.",
        "en",
        [
            ("Cuban President Miguel Diaz-Canel", "CUB", "GOV"),
            ("Russia's Vladimir Putin", "RUS", "GOV"),
            ("St. Petersburg", "RUS", None),
        ],
    ),
    (
        "The Russian embassy in Cuba said the presidents of Russia and Cuba met at the Kremlin.",
        "en",
        [
            ("Russian embassy", "RUS", "GOV"),
            ("Cuba", "CUB", None),
            ("Russia", "RUS", "GOV"),
            ("Kremlin", "RUS", "GOV"),
        ],
    ),
    (
        "Russian Railways and the Cuban company Cinesoft signed deals with Cuban universities.",
        "en",
        [
            ("Russian Railways", "RUS", "BUS"),
            ("Cuban company Cinesoft", "CUB", "BUS"),
            ("Cuban universities", "CUB", "EDU"),
        ],
    ),
    (
        "Russia shipped wheat to Cuba last week. The Eurasian country also sent oil to the island.",
        "en",
        [("Eurasian country", "RUS", None), ("island", "CUB", None)],
    ),
    (
        "Russian Deputy Finance Minister Sergei Storchak said Moscow would lend Havana money.",
        "en",
        [
            ("Russian Deputy Finance Minister Sergei Storchak", "RUS", "GOV"),
            ("Moscow", "RUS", "GOV"),
            ("Havana", "CUB", "GOV"),
        ],
    ),
    (
        "El canciller cubano Bruno Rodríguez Parrilla se reunió en Moscú con empresas rusas.",
        "es",
        [
            ("canciller cubano Bruno Rodríguez Parrilla", "CUB", "GOV"),
            ("Moscú", "RUS", None),
            ("empresas rusas", "RUS", "BUS"),
        ],
    ),
    (
        "La delegación de San Petersburgo visitó La Habana. El país euroasiático donó trigo.",
        "es",
        [
            ("delegación de San Petersburgo", "RUS", "GOV"),
            ("La Habana", "CUB", "GOV"),
            ("país euroasiático", "RUS", None),
        ],
    ),
]


def _spans(parser: Parser, resolver: Resolver, article: Article) -> list[ActorSpan]:
    return resolver.find_actors(parser.parse(article), article.text)


@pytest.mark.parametrize(("text", "language", "expected"), SENTENCES)
def test_sentences(
    parser: Parser,
    resolver: Resolver,
    text: str,
    language: str,
    expected: list[tuple[str, str | None, str | None]],
) -> None:
    spans = _spans(parser, resolver, Article(id="s", text=text, language=language))
    got = {(s.text, s.country, s.sector) for s in spans}
    assert set(expected) <= got, got
    assert all(s.text == text[s.start : s.end] for s in spans)


def test_castro_alone_is_not_guessed(parser: Parser, resolver: Resolver) -> None:
    text = "Castro praised the agreement on Tuesday."
    spans = _spans(parser, resolver, Article(id="c", text=text, language="en"))
    assert all(s.country is None for s in spans)


def _country_share(
    parser: Parser, resolver: Resolver, articles: dict[str, Article], gold_path: Path
) -> tuple[int, int]:
    """How many gold source/target countries are among the countries found in the gold
    evidence sentence."""
    found = total = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        article = articles[gold["id"]]
        spans = _spans(parser, resolver, article)
        for event in gold["events"]:
            start, end = event["evidence_span"]["start"], event["evidence_span"]["end"]
            countries = {s.country for s in spans if start <= s.start and s.end <= end}
            for country in (event["source_country"], event["target_country"]):
                if country:
                    total += 1
                    found += country in countries
    return found, total


def test_sample_corpus_countries(parser: Parser, resolver: Resolver) -> None:
    articles = {}
    for path in sorted((EXAMPLES / "corpus").glob("*.txt")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        articles[meta["id"]] = Article(id=meta["id"], text=body, language=meta.get("language"))
    found, total = _country_share(parser, resolver, articles, EXAMPLES / "gold.jsonl")
    print(f"sample corpus: {found}/{total} gold countries found in the evidence sentence")
    assert found / total >= 0.8


@pytest.mark.shared
def test_seed_countries(parser: Parser, resolver: Resolver, shared: Path) -> None:
    articles = {}
    for line in (shared / "seeds" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles[record["id"]] = Article(
            id=record["id"], text=record["text"], language=record.get("language") or "en"
        )
    found, total = _country_share(parser, resolver, articles, shared / "seeds" / "gold.jsonl")
    print(f"seeds: {found}/{total} gold countries found in the evidence sentence")
    assert found / total >= 0.85


def test_speed_on_a_long_article(parser: Parser, resolver: Resolver) -> None:
    text = " ".join(path.read_text(encoding="utf-8") for path in (EXAMPLES / "corpus").glob("*"))
    article = Article(id="long", text=text[:4000], language="en")
    doc = parser.parse(article)
    resolver.find_actors(doc, article.text)
    began = time.perf_counter()
    for _ in range(5):
        resolver.find_actors(doc, article.text)
    per_call = (time.perf_counter() - began) / 5
    print(f"find_actors: {per_call * 1000:.1f} ms for {len(doc.tokens)} tokens")
    assert per_call < 0.05
