"""Stages told in a clause other than the coded act's: each a step of its own, with its date."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.link.projects import ProjectEvidence, build_project
from bilat.link.stage_cues import classify_stage, iter_clause_stages
from bilat.link.stages import find_clause_date, split_clauses
from bilat.models import ActorRef, Mention, Span

JUNE = dt.date(2025, 6, 12)


def coded(sentence: str, trigger: str, event: str, date: str | None = None) -> Mention:
    at = sentence.index(trigger)
    return Mention(
        id=Mention.make_id("doc", 0, len(sentence), event, "test"),
        doc_id="doc",
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text="Belarus", country="BLR")],
        recipient=[ActorRef(text="Nicaragua", country="NIC")],
        date=date,
        event_text=sentence,
        text_info=Span(start=0, end=len(sentence)),
        trigger=Span(start=at, end=at + len(trigger)),
        confidence=0.8,
        coder="test",
    )


def stages_of(*mentions: Mention) -> dict[str, str | None]:
    items = [
        ProjectEvidence("depot", "Managua Tractor Depot", "the depot", "NIC", m, published=JUNE)
        for m in mentions
    ]
    return {s.stage: s.date for s in build_project("depot", "Managua Tractor Depot", items).steps}


SIGNED_THEN_BUILT = (
    "Local crews began building the tractor depot in March, "
    "under the accord the two governments signed in November."
)


def test_a_signing_told_in_a_relative_clause_is_the_acts_stage_and_the_work_its_own_step() -> None:
    signing = coded(SIGNED_THEN_BUILT, "signed", "SUPPORT", date="2024-11")
    assert classify_stage(signing) == ("agreed", "signed")
    assert stages_of(signing) == {"agreed": "2024-11", "under_construction": "2025-03"}


def test_the_sentence_coded_twice_gives_each_stage_once() -> None:
    signing = coded(SIGNED_THEN_BUILT, "signed", "SUPPORT", date="2024-11")
    work = coded(SIGNED_THEN_BUILT, "building", "COOPERATE", date="2025-03")
    steps = build_project(
        "depot",
        "Managua Tractor Depot",
        [
            ProjectEvidence("depot", "Depot", "depot", "NIC", m, published=JUNE)
            for m in (signing, work)
        ],
    ).steps
    assert sorted(s.stage for s in steps) == ["agreed", "under_construction"]


def test_a_clause_about_the_future_is_a_plan_not_a_step() -> None:
    sentence = "Minsk signed the contract on Monday, and the depot will open in 2027."
    assert list(iter_clause_stages(coded(sentence, "signed", "SUPPORT"))) == []
    assert stages_of(coded(sentence, "signed", "SUPPORT", date="2025-06-09")) == {
        "agreed": "2025-06-09"
    }


def test_trouble_anywhere_in_the_sentence_stays_the_news() -> None:
    sentence = "Work on the depot, which Belarus is building, has stopped since April."
    assert classify_stage(coded(sentence, "building", "COOPERATE"))[0] == "stalled"  # type: ignore[index]


def test_without_a_trigger_the_sentence_is_one_clause() -> None:
    m = coded(SIGNED_THEN_BUILT, "signed", "SUPPORT").model_copy(update={"trigger": None})
    assert list(iter_clause_stages(m)) == []


def test_split_clauses_at_commas_semicolons_and_dashes() -> None:
    text = "A began, B went on; C ended — D"
    assert [text[s:e] for s, e in split_clauses(text)] == ["A began", "B went on", "C ended", "D"]


@pytest.mark.parametrize(
    ("clause", "date"),
    [
        ("crews began building in March", "2025-03"),
        ("the accord signed in November", "2024-11"),  # after June: the November before
        ("firmado en noviembre de 2023", "2023-11"),
        ("the works began in 2024", "2024"),
        ("work may resume soon", None),  # "may" the verb is no month
        ("the accord the two sides signed", None),
    ],
)
def test_find_clause_date(clause: str, date: str | None) -> None:
    assert find_clause_date(clause, JUNE) == date


def test_find_clause_date_needs_a_year_from_somewhere() -> None:
    assert find_clause_date("began in March", None) is None
    assert find_clause_date("began in March 2021", None) == "2021-03"
