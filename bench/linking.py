"""Linking cost: adding articles to a large store against adding them to an empty one.

    python bench/linking.py --store-size 100000 --new 1000 --out bench/out/linking.json

No spaCy: articles and their coded mentions are synthesised (seeded, so every run is the
same) with realistic shape — a few dozen countries with skewed weights, the PLOVER types in
news-like proportions, dates spread over 2015-2026, figures on a third of the mentions, and
three reports in ten telling a happening already reported (another outlet, another day).
The large store is filled in bulk as a perfect linker would leave it (one event per
happening, built by link/clusters.build_event, signatures and band keys for near-duplicate
search, the full-text index), which is much faster than linking 100,000 articles one by
one. Then the same `--new` articles go through `pipeline.store_coded` (link,
contradictions, near-duplicate search, write) into an empty store, into the filled one and
into an empty store again, in this one run; the script prints the times and the ratio of
the full store's time to the mean empty one, and writes JSON. The issue's target is a ratio <= 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from bilat.config import Settings
from bilat.link import dedup
from bilat.link.clusters import build_event
from bilat.models import ActorRef, Article, Figure, Mention, Span
from bilat.pipeline import Coded, store_coded
from bilat.store import Store, rows, schema

COUNTRIES = (
    "USA CHN RUS GBR FRA DEU IND JPN ISR IRN UKR TUR SAU PAK BRA KOR PRK EGY SYR CUB "
    "VEN MEX CAN AUS ITA ESP POL NGA ZAF KEN ETH IDN PHL VNM ARG COL NIC QAT ARE IRQ"
).split()
TYPES = {  # event type -> share of mentions, roughly as in news event data
    "CONSULT": 30,
    "AGREE": 14,
    "SUPPORT": 9,
    "AID": 10,
    "COOPERATE": 8,
    "ACCUSE": 9,
    "REQUEST": 4,
    "REJECT": 4,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 2,
    "MOBILIZE": 1,
    "ASSAULT": 2,
    "RETREAT": 1,
}
VERBS = {
    "CONSULT": "held talks with",
    "AGREE": "promised to help",
    "SUPPORT": "signed an accord with",
    "AID": "sent a shipment to",
    "COOPERATE": "began joint works with",
    "ACCUSE": "accused",
    "REQUEST": "asked",
    "REJECT": "turned down a plea from",
    "THREATEN": "warned",
    "PROTEST": "rallied against",
    "SANCTION": "imposed sanctions on",
    "MOBILIZE": "moved troops toward",
    "ASSAULT": "struck targets in",
    "RETREAT": "pulled back from",
}
TOPICS = (
    "wheat rice fuel oil gas grid railway port steel nickel sugar vaccines medicines "
    "satellites drones frigates housing schools bridges fisheries mining copper lithium "
    "tariffs visas debt loans banking telecoms cables reactors dams water textiles"
).split()
SYLLABLES = "ka lo mi ra ven tor sal dim bek ush an ol pe tri gor vas lin ez ku da".split()
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2026, 6, 30) - START).days


@dataclass
class Happening:
    id: str
    event: str
    actor: str
    recipient: str
    day: dt.date
    topic: str
    person: str
    figure: Figure | None


@dataclass
class Synth:
    """A seeded stream of articles reporting happenings, some of them again."""

    seed: int
    rng: random.Random = field(init=False)
    happenings: list[Happening] = field(default_factory=list)
    serial: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.weights = [1 / (k + 1) for k in range(len(COUNTRIES))]  # Zipf-like

    def country(self, other: str | None = None) -> str:
        while True:
            c = self.rng.choices(COUNTRIES, self.weights)[0]
            if c != other:
                return c

    def name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(3)).capitalize()

    def new_happening(self, day: dt.date) -> Happening:
        event = self.rng.choices(list(TYPES), list(TYPES.values()))[0]
        actor = self.country()
        figure = None
        if self.rng.random() < 0.33:
            value = float(self.rng.choice((5, 20, 38, 60, 200, 900, 25000)) * 10**3)
            figure = Figure(value=value, unit="tonnes", text=f"{value:,.0f} tonnes")
        self.serial += 1
        found = Happening(
            id=f"h{self.serial}",
            event=event,
            actor=actor,
            recipient=self.country(actor),
            day=day,
            topic=self.rng.choice(TOPICS),
            person=self.name(),
            figure=figure,
        )
        self.happenings.append(found)
        return found

    def article(self, n: int, day: dt.date) -> tuple[Article, list[tuple[Happening, Mention]]]:
        recent = [h for h in self.happenings[-400:] if 0 <= (day - h.day).days <= 5]
        told = [
            self.rng.choice(recent) if recent and self.rng.random() < 0.3 else None,
            *(None for _ in range(self.rng.randint(0, 3))),
        ]
        sentences: list[tuple[Happening, str, bool]] = []
        for h in told:
            old = h is None and self.rng.random() < 0.15  # background: a year stated
            if h is None:
                when = day - dt.timedelta(days=self.rng.randint(0, 3))
                if old:
                    when = dt.date(day.year - self.rng.randint(2, 20), day.month, 1)
                h = self.new_happening(when)
            verb = VERBS[h.event]
            figure = f", with {h.figure.text}," if h.figure else ""
            said = f"In {h.day.year}" if old else "On " + h.day.strftime("%A")
            text = f"{said}, {h.person} of {h.actor} {verb} {h.recipient}{figure} over {h.topic}."
            sentences.append((h, text, old))
        title = f"{sentences[0][0].actor} and {sentences[0][0].recipient}: {sentences[0][0].topic}"
        text = title + "\n" + " ".join(s for _, s, _ in sentences)
        doc = f"bench-{self.seed}-{n}"
        article = Article(
            id=doc,
            text=text,
            outlet=self.rng.choice(OUTLETS),
            published=day,
            language=self.rng.choice(("en", "en", "en", "es")),
        )
        found = []
        for k, (h, sentence, old) in enumerate(sentences):
            start = text.index(sentence)
            span = Span(start=start, end=start + len(sentence))
            mention = Mention(
                id=Mention.make_id(doc, span.start, span.end, h.event, "bench", k),
                doc_id=doc,
                event=h.event,
                actor=[ActorRef(text=h.actor, country=h.actor, kind="state")],
                recipient=[ActorRef(text=h.recipient, country=h.recipient, kind="state")],
                date=str(h.day.year) if old else h.day.isoformat(),
                date_text=sentence.split(",")[0],
                historical=old,
                figures=[h.figure] if h.figure else [],
                event_text=sentence,
                text_info=span,
                confidence=0.8,
                coder="bench",
            )
            found.append((h, mention))
        return article, found

    def iter_articles(self, count: int) -> list[tuple[Article, list[tuple[Happening, Mention]]]]:
        days = sorted(START + dt.timedelta(days=self.rng.randrange(DAYS)) for _ in range(count))
        return [self.article(n, day) for n, day in enumerate(days)]


Item = tuple[Article, list[tuple[Happening, Mention]]]


def split(count: int, new: int, seed: int) -> tuple[list[Item], list[Item]]:
    """One stream of articles, every k-th kept apart as the new ones: they are spread over
    the years and retell happenings the store already holds, as real new articles do."""
    items = Synth(seed).iter_articles(count + new)
    step = (count + new) / new
    chosen = {int(k * step) for k in range(new)}
    return (
        [x for i, x in enumerate(items) if i not in chosen],
        [x for i, x in enumerate(items) if i in chosen],
    )


def fill(store: Store, items: list[Item]) -> dict[str, Any]:
    """Bulk-load synthetic articles, linked as a perfect linker would link them."""
    start = time.perf_counter()
    count = len(items)
    by_happening: dict[str, list[Mention]] = {}
    now = dt.datetime.now()
    article_rows, mention_rows, actor_rows, band_rows, fts = [], [], [], [], []
    for seq, (article, found) in enumerate(items, 1):
        mentions = [m.model_copy(update={"event_id": h.id}) for h, m in found]
        for m in mentions:
            by_happening.setdefault(str(m.event_id), []).append(m)
        signature = dedup.make_signature(article, mentions)
        article_rows.append(
            {**rows.make_article_row(article, now), "seq": seq, "signature": signature.to_json()}
        )
        band_rows += [
            {"article_id": article.id, "band": n, "key": k} for n, k in enumerate(signature.bands)
        ]
        fts.append((seq, article.title, article.text))
        mention_rows += [rows.make_mention_row(m) for m in mentions]
        actor_rows += [r for m in mentions for r in rows.make_actor_rows(m)]
    events = [build_event(hid, ms, None) for hid, ms in by_happening.items()]
    with store._begin("filling the bench store") as conn:
        for table, batch in (
            (schema.articles, article_rows),
            (schema.article_bands, band_rows),
            (schema.mentions, mention_rows),
            (schema.mention_actors, actor_rows),
            (schema.events, [rows.make_event_row(e, now) for e in events]),
            (schema.event_countries, [r for e in events for r in rows.make_event_country_rows(e)]),
        ):
            for k in range(0, len(batch), 5000):
                conn.execute(insert(table), batch[k : k + 5000])
        for seq, title, text in fts:
            store._fulltext.index(conn, seq, title, text)
        n_events = conn.execute(select(func.count()).select_from(schema.events)).scalar_one()
    return {
        "articles": count,
        "mentions": len(mention_rows),
        "events": int(n_events),
        "fill_s": round(time.perf_counter() - start, 1),
    }


def add(store: Store, items: list[Item]) -> float:
    """Seconds to link and store the articles one by one, as `bilat ingest` does."""
    settings = Settings()
    start = time.perf_counter()
    for article, found in items:
        store_coded(store, Coded(article, [m for _, m in found]), settings)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store-size", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/out/linking.json"))
    args = parser.parse_args()
    base, new = split(args.store_size, args.new, args.seed)
    with tempfile.TemporaryDirectory(prefix="bilat-bench-") as tmp:
        # the empty store before and after the full one: load on a shared machine drifts
        with Store.open(Path(tmp) / "empty.db") as empty:
            empty_before = add(empty, new)
        with Store.open(Path(tmp) / "full.db") as full:
            filled = fill(full, base)
            full_s = add(full, new)
        with Store.open(Path(tmp) / "empty-again.db") as empty:
            empty_after = add(empty, new)
    empty_s = (empty_before + empty_after) / 2
    result = {
        "store": filled,
        "new_articles": args.new,
        "new_mentions": sum(len(f) for _, f in new),
        "empty_store_s": round(empty_s, 2),
        "empty_store_runs_s": [round(empty_before, 2), round(empty_after, 2)],
        "full_store_s": round(full_s, 2),
        "ratio": round(full_s / empty_s, 2),
        "target_ratio": 2.0,
    }
    print(
        f"store: {filled['articles']:,} articles, {filled['mentions']:,} mentions, "
        f"{filled['events']:,} events (filled in {filled['fill_s']} s)\n"
        f"adding {args.new:,} articles: empty store {empty_s:.2f} s "
        f"({empty_before:.2f} before, {empty_after:.2f} after), "
        f"full store {full_s:.2f} s, ratio {full_s / empty_s:.2f} (target <= 2)"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
