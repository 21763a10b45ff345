"""Names the gazetteer lacks go through the registry at ingest: one id per new actor across
articles, runs and worker counts; decisions logged; Phoenix leaders and Palestinian places."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.models import Article
from bilat.pipeline import Coded, code_article, run
from bilat.store import Store

pytestmark = pytest.mark.slow

# Written for these tests; the people and the firm are invented.
FIRST = (
    "Optics maker in Havana\n\n"
    "Anton Baranov, head of Volga Optics, met Cuban officials in Havana on Monday. "
    "Baranov said Volga Optics would open an office there."
)
SECOND = (
    "Lens plant planned\n\n"
    "Cuban officials met Mr. Baranov and executives of Volga-Optics in Matanzas on Friday."
)
THIRD = "Supply deal\n\nAnton Baránov signed a supply agreement with Cuba on Tuesday in Havana."
LEADERS = (
    "Old leaders\n\n"
    "Obama met Russian President Vladimir Putin in 2010. George W. Bush visited Angola, where "
    "Dos Santos received him. Hamas criticised Israel over the West Bank and East Jerusalem."
)


def article(doc: str, text: str, day: int) -> Article:
    return Article(
        id=doc, text=text, published=dt.date(2024, 5, day), outlet="Test Wire", language="en"
    )


ARTICLES = [article("b1", FIRST, 6), article("b2", SECOND, 10), article("b3", THIRD, 14)]


def stored_ids(store: Store) -> dict[str, set[str]]:
    """Text as written -> actor ids the stored mentions give it."""
    found: dict[str, set[str]] = {}
    for m in store.iter_mentions():
        for ref in (*m.actor, *m.recipient):
            found.setdefault(ref.text, set()).add(ref.actor_id or "")
    return found


def ids_of(found: dict[str, set[str]], *texts: str) -> set[str]:
    return set().union(*(found[t] for t in texts))


def test_a_new_person_and_firm_keep_one_id_across_articles(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        assert run(ARTICLES, store, Settings()).ok
        found = stored_ids(store)
        decisions = store.actor_decisions()
    (person,) = ids_of(found, "Anton Baranov", "Baranov", "Anton Baránov")
    (firm,) = ids_of(found, "Volga Optics", "Volga-Optics")
    assert person.startswith("person:") and firm.startswith("organization:")
    made = {(d.name, d.method): d for d in decisions}
    assert made[("Anton Baranov", "new")].actor_id == person
    assert made[("Volga Optics", "new")].actor_id == firm
    tie = made[("Baranov", "surname")]
    assert tie.actor_id == person and tie.score > 0
    assert (tie.kind, tie.country, tie.article_id) == ("person", None, "b1")
    assert "[kind=" not in tie.reason  # the columns hold it, not the reason


def test_one_and_two_workers_store_the_same_ids(tmp_path: Path) -> None:
    with Store.open(tmp_path / "one.db") as one, Store.open(tmp_path / "two.db") as two:
        assert run(ARTICLES, one, Settings(), workers=1).ok
        assert run(ARTICLES, two, Settings(), workers=2).ok
        assert stored_ids(one) == stored_ids(two)
        pick = ("name", "actor_id", "method", "reason")
        assert [tuple(getattr(d, k) for k in pick) for d in one.actor_decisions()] == [
            tuple(getattr(d, k) for k in pick) for d in two.actor_decisions()
        ]


def test_a_later_run_resolves_against_actors_an_earlier_run_made(tmp_path: Path) -> None:
    path = tmp_path / "runs.db"
    with Store.open(path) as store:
        assert run(ARTICLES[:1], store, Settings()).ok
        (person,) = stored_ids(store)["Anton Baranov"]
    with Store.open(path) as store:  # reopened: the registry comes back from the log
        assert run(ARTICLES[1:], store, Settings()).ok
        found = stored_ids(store)
        news = [d for d in store.actor_decisions() if d.method == "new"]
    assert ids_of(found, "Baranov", "Anton Baránov") == {person}
    assert sorted(d.name for d in news) == ["Anton Baranov", "Volga Optics"]


def test_a_name_split_before_a_run_gets_its_own_actor(tmp_path: Path) -> None:
    path = tmp_path / "split.db"
    with Store.open(path) as store:
        assert run(ARTICLES[:1], store, Settings()).ok
        (person,) = stored_ids(store)["Anton Baranov"]
        store.add_actor_decision("Anton Baránov", person, "split", 1.0, "a namesake")
        assert run(ARTICLES[2:], store, Settings()).ok
        (other,) = stored_ids(store)["Anton Baránov"]
    assert other != person and other.startswith("person:")


def test_phoenix_leaders_and_palestinian_places_resolve() -> None:
    coded = code_article(Settings(), article("old", LEADERS, 6))
    assert isinstance(coded, Coded)
    spans = {s.text: s for s in coded.actors}
    for name in ("Obama", "George W. Bush"):
        assert (spans[name].kind, spans[name].country, spans[name].sector) == (
            "person",
            "USA",
            "GOV",
        )
        assert spans[name].via == "leader"
    assert spans["Obama"].actor_id != spans["George W. Bush"].actor_id
    # several Angolan leaders are "Dos Santos": the country and office, not a guessed person
    assert (spans["Dos Santos"].country, spans["Dos Santos"].sector) == ("AGO", "GOV")
    assert spans["Dos Santos"].via == "ner"
    assert (spans["Hamas"].country, spans["Hamas"].kind) == ("PSE", "organization")
    assert spans["West Bank"].country == "PSE"
    assert spans["East Jerusalem"].country == "PSE"


# Written for these tests; the woman is invented, and the first article names her by surname.
BARE = (
    "Talks\n\nOn Monday, Volkonskaya met Cuban officials in Havana. Volkonskaya said they agreed."
)
FULL = "More talks\n\nMs. Irina Volkonskaya met Cuban officials in Havana on Thursday."
JUNK = (
    "Notas\n\n"
    "Según Cuban officials, the ST plant in Matanzas will reopen. Cuba signed a deal with "
    "Russia on Monday."
)


def test_a_full_name_read_later_joins_the_bare_surname(tmp_path: Path) -> None:
    articles = [article("s1", BARE, 6), article("s2", FULL, 9)]
    with Store.open(tmp_path / "s.db") as store:
        assert run(articles, store, Settings()).ok
        found = stored_ids(store)
        made = {(d.name, d.method): d for d in store.actor_decisions()}
    (bare,) = found["Volkonskaya"]
    assert bare.startswith("person:") and ids_of(found, "Irina Volkonskaya") == {bare}
    tie = made[("Irina Volkonskaya", "surname")]
    assert tie.actor_id == bare and tie.article_id == "s2"


def test_old_packed_decisions_still_replay(tmp_path: Path) -> None:
    with Store.open(tmp_path / "old.db") as store:
        store.add_actor_decision(
            "Anton Baranov",
            "person:0123456789ab",
            "new",
            0.0,
            "new actor (no known actor has this name) [kind=person country=RUS article=b0]",
        )
        assert run(ARTICLES[2:], store, Settings()).ok
        assert stored_ids(store)["Anton Baránov"] == {"person:0123456789ab"}


def test_junk_names_never_become_actors(tmp_path: Path) -> None:
    with Store.open(tmp_path / "j.db") as store:
        assert run([article("j1", JUNK, 6)], store, Settings()).ok
        names = {d.name for d in store.actor_decisions()}
        texts = set(stored_ids(store))
    assert not {"Según", "ST"} & (names | texts)
