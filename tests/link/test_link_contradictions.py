"""Contradictions: qualifier intervals, figures per article, dates and swapped roles."""

from __future__ import annotations

import math

import pytest

from bilat.link.contradictions import (
    Interval,
    find_contradictions,
    fold_unit,
    interval_of,
    span_of_days,
)
from bilat.models import ActorRef, Figure, Mention, Span

OUTLETS = {"a": "Harbour Times", "b": "Valley Courier", "c": "Coast Radio"}


def make(
    doc: str,
    figures: tuple[Figure, ...] = (),
    *,
    n: int = 0,
    event: str = "AID",
    actor: str = "NOR",
    recipient: str = "ISL",
    date: str | None = None,
    date_text: str | None = None,
    historical: bool = False,
) -> Mention:
    text = "Norway sent a cargo of grain to Iceland."
    return Mention(
        id=f"{doc}-{n}",
        doc_id=doc,
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text=actor, country=actor)],
        recipient=[ActorRef(text=recipient, country=recipient)],
        date=date,
        date_text=date_text,
        historical=historical,
        figures=list(figures),
        event_text=text,
        text_info=Span(start=0, end=len(text)),
        confidence=0.9,
        coder="test",
    )


def fig(value: float, text: str, qualifier: str | None = None, unit: str = "residents") -> Figure:
    return Figure(value=value, unit=unit, text=text, qualifier=qualifier)


def test_up_to_and_over_the_same_number_contradict_with_each_outlet_on_its_side() -> None:
    found = find_contradictions(
        [
            make("a", (fig(15000, "up to 15 thousand residents", "up to"),)),
            make("b", (fig(15000, "more than 15,000 residents", "over"),)),
        ],
        OUTLETS,
    )
    assert [(c.kind, c.about) for c in found] == [("figure", "residents")]
    sides = {s.value: (s.doc_ids, s.outlets) for s in found[0].sides}
    assert sides == {
        "up to 15 thousand residents": (["a"], ["Harbour Times"]),
        "more than 15,000 residents": (["b"], ["Valley Courier"]),
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            fig(20000, "almost 20,000 tons", "almost", "tonnes"),
            fig(19526, "19,526 t", None, "tonnes"),
        ),
        (fig(4000, "4,000 tons", None, "tonnes"), fig(4000, "4000 tonnes", None, "tonnes")),
        (
            fig(300, "about 300 doctors", "about", "doctors"),
            fig(310, "310 doctors", None, "doctor"),
        ),
        (fig(50, "at least 50 buses", "at least", "buses"), fig(80, "80 buses", None, "buses")),
        (fig(15000, "up to 15,000", "up to"), fig(15000, "15,000", None)),
    ],
)
def test_compatible_figures_are_no_contradiction(first: Figure, second: Figure) -> None:
    assert find_contradictions([make("a", (first,)), make("b", (second,))], OUTLETS) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (fig(25000, "25,000 tonnes", None, "tonnes"), fig(20000, "unas 20.000", "about", "tonnes")),
        (fig(20000, "almost 20,000", "almost", "tonnes"), fig(20500, "20,500", None, "tonnes")),
        (fig(50, "under 50 buses", "under", "buses"), fig(60, "60 buses", None, "buses")),
        (fig(5e6, "5 million euros", None, "EUR"), fig(6e6, "6 million euros", None, "EUR")),
    ],
)
def test_figures_whose_intervals_do_not_meet_contradict(first: Figure, second: Figure) -> None:
    found = find_contradictions([make("a", (first,)), make("b", (second,))], OUTLETS)
    assert [c.kind for c in found] == ["figure"]
    assert sorted(s.value for s in found[0].sides) == sorted([first.text, second.text])


def test_units_and_currencies_are_compared_only_with_their_own_kind() -> None:
    found = find_contradictions(
        [
            make("a", (fig(5e6, "5 million euros", None, "EUR"),)),
            make(
                "b", (fig(5e6, "5 million dollars", None, "USD"), fig(9, "9 ships", None, "ships"))
            ),
        ],
        OUTLETS,
    )
    assert found == []


def test_a_batch_and_a_total_in_one_article_do_not_contradict_an_article_with_the_batch() -> None:
    batch = fig(19526, "19,526 tons", None, "tonnes")
    total = fig(30000, "30,000 tons", None, "tonnes")
    other = fig(20000, "almost 20,000 tons", "almost", "tonnes")
    assert find_contradictions([make("a", (batch, total)), make("b", (other,))], OUTLETS) == []
    # two figures inside one article are never set against each other
    assert find_contradictions([make("a", (batch,)), make("a", (total,), n=1)], OUTLETS) == []


def test_a_third_article_joins_the_side_it_agrees_with() -> None:
    found = find_contradictions(
        [
            make("a", (fig(25000, "25,000 tonnes", None, "tonnes"),)),
            make("b", (fig(25000, "25 thousand tonnes", None, "tonnes"),)),
            make("c", (fig(20000, "20,000 tonnes", None, "tonnes"),)),
        ],
        OUTLETS,
    )
    assert {s.value: s.doc_ids for s in found[0].sides} == {
        "20,000 tonnes": ["c"],
        "25 thousand tonnes": ["b"],
        "25,000 tonnes": ["a"],
    }


def test_background_mentions_are_left_out() -> None:
    old = make("b", (fig(1000, "1,000 tonnes", None, "tonnes"),), historical=True)
    assert find_contradictions([make("a", (fig(9000, "9,000 t", None, "tonnes"),)), old]) == []


def test_stated_full_dates_that_differ_contradict_and_ranges_or_inferred_dates_do_not() -> None:
    found = find_contradictions(
        [
            make("a", date="2024-05-02", date_text="on Thursday"),
            make("b", date="2024-05-03", date_text="on 3 May"),
        ],
        OUTLETS,
    )
    assert [(c.kind, sorted(s.value for s in c.sides)) for c in found] == [
        ("date", ["2024-05-02", "2024-05-03"])
    ]
    in_range = [
        make("a", date="2024-05-01", date_text="on 1 May"),
        make("a", n=1, date="2024-05-03", date_text="until 3 May"),
        make("b", date="2024-05-02", date_text="on 2 May"),
    ]
    assert find_contradictions(in_range) == []
    # a publication date standing in for none, or a month, says nothing against a day
    vague = [make("a", date="2024-05-02"), make("b", date="2024-05", date_text="in May")]
    assert find_contradictions([*vague, make("c", date="2024-05-09", date_text="9 May")]) == []


def test_stated_months_or_years_that_do_not_meet_contradict() -> None:
    months = [
        make("a", date="2024-07", date_text="in July"),
        make("b", date="2024-09", date_text="in September"),
    ]
    found = find_contradictions(months, OUTLETS)
    assert [(c.kind, [s.value for s in c.sides]) for c in found] == [
        ("date", ["2024-07", "2024-09"])
    ]
    # a year holds its months; a publication date says nothing against a month
    year = [make("a", date="2024", date_text="this year"), months[1]]
    assert find_contradictions(year) == []
    assert find_contradictions([make("a", date="2024-10-02"), months[1]]) == []
    # the last day of a month meets that month, the next day does not
    edge = [make("a", date="2024-02", date_text="in February")]
    assert find_contradictions([*edge, make("b", date="2024-02-29", date_text="on 29")]) == []
    assert find_contradictions([*edge, make("b", date="2024-03-01", date_text="on 1 March")])


def test_span_of_days_covers_the_whole_partial_date() -> None:
    assert span_of_days("2024") == ("2024-01-01", "2024-12-31")
    assert span_of_days("2023-12") == ("2023-12-01", "2023-12-31")
    assert span_of_days("2025-02") == ("2025-02-01", "2025-02-28")
    assert span_of_days("2025-02-14") == ("2025-02-14", "2025-02-14")
    assert span_of_days("soon") is None and span_of_days("2025-13") is None


def test_swapped_roles_contradict_but_not_for_joint_acts_or_when_one_report_says_both() -> None:
    found = find_contradictions([make("a"), make("b", actor="ISL", recipient="NOR")], OUTLETS)
    assert [(c.kind, {s.value: s.outlets for s in c.sides}) for c in found] == [
        ("roles", {"ISL -> NOR": ["Valley Courier"], "NOR -> ISL": ["Harbour Times"]})
    ]
    both = [make("a"), make("a", n=1, actor="ISL", recipient="NOR"), make("b")]
    assert find_contradictions(both) == []
    joint = [make("a", event="SUPPORT"), make("b", event="SUPPORT", actor="ISL", recipient="NOR")]
    assert find_contradictions(joint) == []


def test_interval_semantics_per_qualifier() -> None:
    assert interval_of(100, "up to") == Interval(0.0, 100)
    assert interval_of(100, "over") == Interval(100, math.inf, low_open=True)
    assert interval_of(100, "at least") == Interval(100, math.inf)
    assert interval_of(100, "under") == Interval(0.0, 100, high_open=True)
    assert interval_of(100, "almost") == Interval(95.0, 100)
    assert interval_of(100, "about") == Interval(95.0, 105.0)
    assert not interval_of(100, "up to").meets(interval_of(100, "over"))
    assert interval_of(100, "up to").meets(interval_of(100, "at least"))
    assert not interval_of(100, "under").meets(interval_of(100, None).__class__(100, 100))


def test_count_nouns_fold_to_the_singular_and_money_keeps_its_currency() -> None:
    assert fold_unit(fig(1, "x", unit="Residents")) == fold_unit(fig(1, "x", unit="resident"))
    assert fold_unit(fig(1, "x", unit="batteries")) == "battery"
    assert fold_unit(fig(1, "x", unit="boxes")) == "box"
    assert fold_unit(Figure(value=1, unit="EUR", text="1 euro", kind="money")) == "money:eur"
    assert fold_unit(fig(1, "x", unit=None)) is None  # type: ignore[arg-type]
