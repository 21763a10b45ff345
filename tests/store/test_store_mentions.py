"""Mentions: replacing per coder, reading back in order, and every MentionFilter field."""

from __future__ import annotations

import datetime as dt

import pytest
from store_corpus import DAKAR, LIMA, QUITO, corpus_mentions, make_mention

from bilat.errors import StoreError
from bilat.store import MentionFilter, Store


def ids_of(store: Store, flt: MentionFilter | None = None) -> list[str]:
    return [m.id for m in store.iter_mentions(flt)]


def expected(doc_id: str, *events: str) -> list[str]:
    return [m.id for m in corpus_mentions()[doc_id] if m.event in events]


def test_mentions_round_trip_in_offset_order(filled: Store) -> None:
    stored = filled.mentions_for_article(LIMA.id)
    assert stored == sorted(corpus_mentions()[LIMA.id], key=lambda m: m.text_info.start)
    for m in stored:
        assert LIMA.text[m.text_info.start : m.text_info.end] == m.event_text
    assert filled.mentions_for_article("missing") == []


def test_iter_mentions_in_document_order(filled: Store) -> None:
    every = [m.id for ms in corpus_mentions().values() for m in ms]
    assert ids_of(filled) == every
    assert filled.count_mentions() == 6


def test_replace_mentions_replaces_that_coders_mentions(filled: Store) -> None:
    sentence = "Chile and Peru signed a fishing accord in Lima on Tuesday."
    newer = make_mention(LIMA, sentence, "COOPERATE", "CHL", "PER", coder="rules.v1")
    filled.replace_mentions(LIMA.id, [newer])
    assert [m.id for m in filled.mentions_for_article(LIMA.id)] == [newer.id]
    assert filled.count_mentions() == 4  # other articles untouched
    assert filled.count_mentions(MentionFilter(dyad=("PER", "CHL"))) == 0  # old actors gone


def test_replace_mentions_keeps_other_coders(filled: Store) -> None:
    sentence = "Peru will lend Chile two research vessels worth 12 million dollars."
    other = make_mention(LIMA, sentence, "AID", "PER", "CHL", coder="model.v2")
    filled.replace_mentions(LIMA.id, [other])
    assert len(filled.mentions_for_article(LIMA.id)) == 4
    assert ids_of(filled, MentionFilter(coder="model.v2")) == [other.id]
    filled.replace_mentions(LIMA.id, [], coder="rules.v1")
    assert [m.id for m in filled.mentions_for_article(LIMA.id)] == [other.id]


def test_replace_with_nothing_and_no_coder_changes_nothing(filled: Store) -> None:
    filled.replace_mentions(LIMA.id, [])
    assert len(filled.mentions_for_article(LIMA.id)) == 3


def test_mentions_need_their_article(store: Store) -> None:
    orphan = corpus_mentions()[QUITO.id]
    with pytest.raises(StoreError, match="not in the store"):
        store.replace_mentions(QUITO.id, orphan)


def test_mentions_of_another_article_are_refused(filled: Store) -> None:
    with pytest.raises(StoreError, match="belongs to article"):
        filled.replace_mentions(LIMA.id, corpus_mentions()[QUITO.id])
    assert len(filled.mentions_for_article(LIMA.id)) == 3  # nothing deleted


def test_dyad_filter_is_directed(filled: Store) -> None:
    assert ids_of(filled, MentionFilter(dyad=("CHL", "PER"))) == expected(
        LIMA.id, "AGREE", "CONSULT"
    )
    assert ids_of(filled, MentionFilter(dyad=("PER", "CHL"))) == expected(LIMA.id, "AID")
    assert ids_of(filled, MentionFilter(dyad=("sen", "mli"))) == expected(DAKAR.id, "AID")
    assert ids_of(filled, MentionFilter(dyad=("CHL", "MLI"))) == []


def test_event_type_filter(filled: Store) -> None:
    found = ids_of(filled, MentionFilter(event_types=("AID", "consult")))
    assert found == expected(LIMA.id, "AID", "CONSULT") + expected(DAKAR.id, "AID", "CONSULT")


def test_since_until_compare_partial_dates_by_first_day(filled: Store) -> None:
    # LIMA: 2025-09-16, 2025-09, 2025; QUITO: 2025-08-01; DAKAR: undated -> published 2025-10-05
    september = MentionFilter(since=dt.date(2025, 9, 1), until=dt.date(2025, 9, 30))
    assert ids_of(filled, september) == expected(LIMA.id, "AGREE", "AID")
    late = MentionFilter(since=dt.date(2025, 9, 10))
    assert ids_of(filled, late) == expected(LIMA.id, "AGREE") + expected(DAKAR.id, "AID", "CONSULT")
    early = MentionFilter(until=dt.date(2025, 1, 1))
    assert ids_of(filled, early) == expected(LIMA.id, "CONSULT")


def test_outlet_filter_ignores_case_but_not_spelling(filled: Store) -> None:
    assert ids_of(filled, MentionFilter(outlet="quito ledger")) == expected(QUITO.id, "AGREE")
    assert ids_of(filled, MentionFilter(outlet="Quito")) == []


def test_doc_id_coder_and_limit(filled: Store) -> None:
    assert ids_of(filled, MentionFilter(doc_id=DAKAR.id)) == expected(DAKAR.id, "AID", "CONSULT")
    assert ids_of(filled, MentionFilter(coder="nobody.v0")) == []
    assert len(ids_of(filled, MentionFilter(limit=2))) == 2
    assert filled.count_mentions(MentionFilter(limit=2)) == 2
    assert filled.count_mentions(MentionFilter(event_types=("AGREE",))) == 2


def test_filters_combine(filled: Store) -> None:
    flt = MentionFilter(dyad=("CHL", "PER"), event_types=("AGREE",), outlet="ANDES POST")
    assert ids_of(filled, flt) == expected(LIMA.id, "AGREE")
