"""Near-duplicate links and contradictions in the store and in the events export."""

from __future__ import annotations

import datetime as dt
import io
import json

from sqlalchemy import select, update
from store_corpus import DAKAR, LIMA, QUITO, corpus_mentions

from bilat.models import ActorRef, Article, Contradiction, Event, Mention, Side, Span
from bilat.store import Store, schema, write_events


def test_signatures_are_found_by_publication_window(filled: Store) -> None:
    filled.record_copy(LIMA.id, '{"minhash": [1]}')
    filled.record_copy(QUITO.id, '{"minhash": [2]}', LIMA.id, "translation")
    near = filled.nearby_signatures(dt.date(2025, 9, 22), 3)
    assert near == [(LIMA.id, '{"minhash": [1]}')]
    assert filled.nearby_signatures(dt.date(2025, 9, 24), 3) == []
    # with no date: the most recently added articles that have a signature
    assert [i for i, _ in filled.nearby_signatures(None, 3)] == [QUITO.id, LIMA.id]
    assert filled.copies_among([LIMA.id, QUITO.id, DAKAR.id]) == {
        QUITO.id: (LIMA.id, "translation")
    }
    assert filled.outlets_of([QUITO.id, "missing"]) == {QUITO.id: "Quito Ledger"}


def test_mentions_of_events_come_back_with_their_event(filled: Store) -> None:
    lima = corpus_mentions()[LIMA.id]
    filled.upsert_events([Event(id="ev-1", event="AID", mention_ids=[lima[1].id])])
    found = filled.mentions_for_events(["ev-1", "ev-none"])
    assert [(m.id, m.event_id) for m in found] == [(lima[1].id, "ev-1")]


def test_export_counts_copies_apart_and_shows_contradictions(filled: Store) -> None:
    lima, dakar = corpus_mentions()[LIMA.id], corpus_mentions()[DAKAR.id]
    contested = Contradiction(
        kind="figure",
        about="tonnes",
        sides=[Side(value="40 tonnes", doc_ids=[DAKAR.id], outlets=["Sahel Wire"])],
    )
    filled.upsert_events(
        [
            Event(
                id="ev-1",
                event="AID",
                mention_ids=[lima[1].id, dakar[0].id],
                contradictions=[contested],
            )
        ]
    )
    out = io.StringIO()
    write_events(filled, "jsonl", out)
    assert json.loads(out.getvalue())["source_count"] == 2
    filled.record_copy(DAKAR.id, "{}", LIMA.id, "copy")
    out = io.StringIO()
    write_events(filled, "jsonl", out)
    record = json.loads(out.getvalue())
    assert (record["source_count"], record["copies"]) == (1, 1)
    assert record["contradictions"] == [
        {
            "kind": "figure",
            "about": "tonnes",
            "sides": [{"value": "40 tonnes", "doc_ids": [DAKAR.id], "outlets": ["Sahel Wire"]}],
        }
    ]


# Three articles written for these tests: a report, a repost of it, a translation of the repost.
FIRST = Article(
    id="x-first",
    text="Portugal sent 50 tonnes of cork to Malta on Friday.",
    outlet="Lisbon Daily",
    published=dt.date(2025, 4, 4),
    language="en",
)
REPOST = Article(
    id="x-repost",
    text="Portugal sent 50 tonnes of cork to Malta on Friday, officials said.",
    outlet="Coast Reposts",
    published=dt.date(2025, 4, 5),
    language="en",
)
TRANSLATION = Article(
    id="x-traducao",
    text="Portugal enviou 50 toneladas de cortiça para Malta na sexta-feira.",
    outlet="Jornal do Porto",
    published=dt.date(2025, 4, 5),
    language="pt",
)


def cork(article: Article) -> Mention:
    end = len(article.text)
    return Mention(
        id=Mention.make_id(article.id, 0, end, "AID", "rules.v1", 0),
        doc_id=article.id,
        event="AID",
        actor=[ActorRef(text="Portugal", country="PRT")],
        recipient=[ActorRef(text="Malta", country="MLT")],
        event_text=article.text,
        text_info=Span(start=0, end=end),
        confidence=0.8,
        coder="rules.v1",
    )


def add_cork(store: Store) -> None:
    for article in (FIRST, REPOST, TRANSLATION):
        store.add_article(article)
        store.replace_mentions(article.id, [cork(article)])
    store.upsert_events(
        [
            Event(
                id="ev-cork",
                event="AID",
                mention_ids=[cork(a).id for a in (FIRST, REPOST, TRANSLATION)],
            )
        ]
    )


def test_a_copy_of_a_copy_points_at_the_first_original(store: Store) -> None:
    add_cork(store)
    store.record_copy(FIRST.id, "{}")
    store.record_copy(REPOST.id, "{}", FIRST.id, "copy")
    store.record_copy(TRANSLATION.id, "{}", REPOST.id, "translation")
    assert store.copies_among([FIRST.id, REPOST.id, TRANSLATION.id]) == {
        REPOST.id: (FIRST.id, "copy"),
        TRANSLATION.id: (FIRST.id, "translation"),
    }
    event = store.get_event("ev-cork")
    assert event is not None
    assert event.copy_doc_ids == [REPOST.id, TRANSLATION.id]
    assert event.source_outlets == ["Lisbon Daily"]
    out = io.StringIO()
    write_events(store, "jsonl", out)
    record = json.loads(out.getvalue())
    assert (record["source_count"], record["copies"]) == (1, 2)


def test_a_chain_stored_before_chaining_is_followed(store: Store) -> None:
    add_cork(store)
    store.record_copy(REPOST.id, "{}", FIRST.id, "translation")
    store.record_copy(TRANSLATION.id, "{}", FIRST.id, "copy")
    # as an older bilat left it: the translation points at the repost
    with store._begin("test") as conn:
        conn.execute(
            update(schema.articles)
            .where(schema.articles.c.id == TRANSLATION.id)
            .values(copy_of=REPOST.id, copy_kind="copy")
        )
    assert store.copies_among([TRANSLATION.id]) == {TRANSLATION.id: (FIRST.id, "translation")}
    # the repost is left out of the event: the translation is still a copy of the first
    with store._begin("test") as conn:
        conn.execute(
            update(schema.mentions)
            .where(schema.mentions.c.doc_id == REPOST.id)
            .values(event_id=None)
        )
    event = store.get_event("ev-cork")
    assert event is not None and event.copy_doc_ids == [TRANSLATION.id]


def test_nearby_signatures_with_bands_keep_key_sharers_other_languages_and_unindexed(
    store: Store,
) -> None:
    add_cork(store)
    store.add_article(FAR := FIRST.model_copy(update={"id": "x-far", "language": "en"}))
    store.record_copy(FIRST.id, json.dumps({"bands": [11, 12]}))
    store.record_copy(REPOST.id, json.dumps({"bands": [13, 14]}))
    store.record_copy(TRANSLATION.id, json.dumps({"bands": [15, 16]}))
    store.record_copy(FAR.id, "{}")  # no keys: stored before the band index
    day = dt.date(2025, 4, 5)
    everything = [i for i, _ in store.nearby_signatures(day, 3)]
    assert everything == [FAR.id, FIRST.id, REPOST.id, TRANSLATION.id]
    found = store.nearby_signatures(day, 3, bands=[12, 99], language="en")
    assert sorted(i for i, _ in found) == [FAR.id, FIRST.id, TRANSLATION.id]
    assert sorted(i for i, _ in store.nearby_signatures(day, 3, bands=[99])) == [FAR.id]
    # the window still applies to key sharers
    assert store.nearby_signatures(dt.date(2025, 5, 1), 3, bands=[12]) == []
    with store._begin("test") as conn:
        keys = conn.execute(
            select(schema.article_bands.c.key).where(schema.article_bands.c.article_id == FIRST.id)
        ).scalars()
        assert sorted(keys) == [11, 12]
    store.record_copy(FIRST.id, json.dumps({"bands": [17]}))  # recorded again: keys replaced
    assert [i for i, _ in store.nearby_signatures(day, 3, bands=[11])] == [FAR.id]
