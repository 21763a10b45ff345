"""The role at the mention's date codes a person's sector (resolve/roles.py and the pipeline)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.models import ActorRef, Article, Mention, Span
from bilat.pipeline import Coded, code_article, run
from bilat.resolve.actors import Actor, Role, load_actors
from bilat.resolve.roles import (
    PHOENIX_HORIZON,
    apply_merges,
    apply_roles,
    dated_sector,
    follow_merges,
    parse_day,
    recode_ref,
)
from bilat.store import Store

D = dt.date

# A made-up official: a professor, then minister, then a deputy (curated, closed roles).
PRUEBA = Actor(
    "person:ana-prueba",
    "person",
    "Ana Prueba",
    "CUB",
    "LEG",
    (),
    (
        Role("EDU", "CUB", D(2001, 1, 1), D(2012, 5, 6), "curated"),
        Role("GOV", "CUB", D(2012, 5, 7), D(2020, 1, 15), "curated"),
    ),
)
ACTORS = {PRUEBA.actor_id: PRUEBA}


def ref(sector: str | None, actor_id: str | None = "person:ana-prueba") -> ActorRef:
    return ActorRef(text="Ana Prueba", country="CUB", sector=sector, actor_id=actor_id)


def mention(date: str | None, actor: ActorRef, recipient: ActorRef | None = None) -> Mention:
    return Mention(
        id=f"m-{date}",
        doc_id="d",
        event="CONSULT",
        actor=[actor],
        recipient=[recipient or ActorRef(text="Russia", country="RUS", actor_id="RUS")],
        date=date,
        event_text="x",
        text_info=Span(start=0, end=1),
        confidence=0.8,
        coder="rules.v1",
    )


def test_parse_day_reads_partial_dates() -> None:
    assert parse_day("2010-03-04") == D(2010, 3, 4)
    assert parse_day("2010-03") == D(2010, 3, 1)
    assert parse_day("2010") == D(2010, 1, 1)
    assert parse_day(None) is None and parse_day("") is None and parse_day("spring") is None


def test_dated_sector_follows_the_role_then_the_default() -> None:
    assert dated_sector(PRUEBA, D(2005, 6, 1)) == "EDU"
    assert dated_sector(PRUEBA, D(2012, 5, 7)) == "GOV"
    assert dated_sector(PRUEBA, D(2022, 1, 1)) == "LEG"  # no role covers it: the default
    assert dated_sector(PRUEBA, None) == "LEG"


def test_an_open_phoenix_role_holds_only_until_the_dictionary_horizon() -> None:
    person = Actor(
        "person:x",
        "person",
        "X",
        "RUS",
        "BUS",
        (),
        (Role("GOV", "RUS", D(2008, 1, 1), None, "phoenix:RUSGOV"),),
    )
    assert dated_sector(person, D(2010, 1, 1)) == "GOV"
    assert dated_sector(person, PHOENIX_HORIZON + dt.timedelta(days=1)) == "BUS"
    curated = Actor(
        "person:y",
        "person",
        "Y",
        "RUS",
        "BUS",
        (),
        (Role("GOV", "RUS", D(2008, 1, 1), None, "curated"),),
    )
    assert dated_sector(curated, D(2024, 1, 1)) == "GOV"


def test_recode_ref_replaces_only_empty_or_default_sectors() -> None:
    day = D(2005, 1, 1)
    assert recode_ref(ref(None), day, ACTORS).sector == "EDU"
    assert recode_ref(ref("LEG"), day, ACTORS).sector == "EDU"  # the gazetteer's default
    assert recode_ref(ref("MIL"), day, ACTORS).sector == "MIL"  # the text said so
    unknown = ref(None, "person:nobody")
    assert recode_ref(unknown, day, ACTORS) is unknown
    assert recode_ref(ref(None, None), day, ACTORS).sector is None


def test_apply_roles_uses_the_mention_date_else_publication() -> None:
    dated = mention("2015-02", ref("LEG"))
    undated = mention(None, ref(None))
    coded = apply_roles([dated, undated], D(2003, 3, 3), ACTORS)
    assert coded[0].actor[0].sector == "GOV"
    assert coded[1].actor[0].sector == "EDU"
    assert coded[0].recipient == dated.recipient
    untouched = mention("2022", ref("LEG"))
    assert apply_roles([untouched], None, ACTORS)[0] is untouched


def test_medvedev_is_elite_before_office_and_government_in_it() -> None:
    # Package data: Phoenix dates Medvedev's first government post to December 2005.
    actors = load_actors()
    medvedev = ref("GOV", "person:dmitry-medvedev")
    before = apply_roles([mention("2003-06-01", medvedev)], None, actors)[0]
    during = apply_roles([mention("2010-06-01", medvedev)], None, actors)[0]
    assert before.actor[0].sector == "ELI"
    assert during.actor[0].sector == "GOV"


@pytest.mark.slow
def test_code_article_codes_the_sector_of_the_role_at_publication() -> None:
    text = (
        "Medvedev talks trade in Havana\n\n"
        "Dmitry Medvedev met Cuban officials in Havana on Monday to discuss trade, "
        "the Russian embassy said.\n"
    )
    settings = Settings()
    refs = []
    for day in (D(2004, 3, 1), D(2010, 3, 1)):
        article = Article(id=f"mv-{day.year}", text=text, published=day, language="en")
        coded = code_article(settings, article)
        assert isinstance(coded, Coded), coded
        refs.append(
            [
                r
                for m in coded.mentions
                for r in (*m.actor, *m.recipient)
                if r.actor_id == "person:dmitry-medvedev"
            ]
        )
    assert refs[0] and {r.sector for r in refs[0]} == {"ELI"}
    assert refs[1] and {r.sector for r in refs[1]} == {"GOV"}


def test_follow_merges_ends_chains_and_survives_cycles() -> None:
    final = follow_merges({"person:a": "person:b", "person:b": "person:c", "x": "y", "y": "x"})
    assert final["person:a"] == "person:c" and final["person:b"] == "person:c"
    assert final["x"] in {"x", "y"}


def test_apply_merges_moves_ids_on_both_sides() -> None:
    m = mention("2024-01-01", ref(None, "person:old"), ref(None, "person:other"))
    (moved,) = apply_merges([m], {"person:old": "person:kept"})
    assert [r.actor_id for r in moved.actor] == ["person:kept"]
    assert [r.actor_id for r in moved.recipient] == ["person:other"]
    assert apply_merges([m], {}) == [m]


def test_articles_read_after_a_merge_store_the_kept_id(tmp_path: Path) -> None:
    text = "Talks in Havana\n\nDíaz-Canel met Putin in Moscow on Monday.\n"
    article = Article(id="m1", text=text, published=dt.date(2024, 3, 4), language="en")
    coded = code_article(Settings(), article)
    assert isinstance(coded, Coded)
    ids = {r.actor_id for m in coded.mentions for r in (*m.actor, *m.recipient) if r.actor_id}
    assert ids, "the sentence should name resolved actors"
    merged = sorted(ids)[0]
    with Store.open(tmp_path / "m.db") as store:
        store.add_actor_decision(merged, "person:kept-by-hand", "merge", 1.0, "test")
        run([article], store, Settings())
        (stored,) = [m for m in store.iter_mentions() if m.doc_id == "m1"][:1]
        stored_ids = {r.actor_id for r in (*stored.actor, *stored.recipient)}
        assert "person:kept-by-hand" in stored_ids and merged not in stored_ids
