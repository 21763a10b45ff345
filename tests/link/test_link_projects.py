"""Projects: stages from cues and event types, the lifecycle replayed in time order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from bilat.link.projects import (
    ProjectEvidence,
    build_project,
    current_stage,
    iter_quiet,
    project_as_of,
)
from bilat.link.stage_cues import classify_stage
from bilat.models import ActorRef, Figure, Mention, Project, ProjectStep, Span

HUB = "Havana Data Hub"


def mention(
    sentence: str,
    event: str,
    date: str | None = None,
    doc: str = "doc-1",
    figures: Sequence[Figure] = (),
    historical: bool = False,
) -> Mention:
    return Mention(
        id=Mention.make_id(doc, 0, len(sentence), event, "test"),
        doc_id=doc,
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text="Russia", country="RUS")],
        recipient=[ActorRef(text="Cuba", country="CUB")],
        date=date,
        historical=historical,
        figures=list(figures),
        event_text=sentence,
        text_info=Span(start=0, end=len(sentence)),
        confidence=0.8,
        coder="test",
    )


def evidence(m: Mention, published: dt.date | None = None, outlet: str = "Wire") -> ProjectEvidence:
    return ProjectEvidence(
        project_id="hub",
        name=HUB,
        alias="the data hub",
        country="CUB",
        mention=m,
        outlet=outlet,
        published=published,
    )


MONEY = Figure(value=38e6, unit="EUR", text="38 million euros", kind="money")


@pytest.mark.parametrize(
    ("sentence", "event", "figures", "stage"),
    [
        ("Russia said it would build the data hub in Havana next year.", "AGREE", (), "announced"),
        ("Russia proposed a data hub for Havana during the talks.", "AGREE", (), "proposed"),
        ("Russia and Cuba signed the contract for the data hub.", "SUPPORT", (), "agreed"),
        ("Russia lent Cuba 38 million euros for the data hub.", "AID", (MONEY,), "funded"),
        (
            "Construction began on the data hub, built by a Russian firm.",
            "COOPERATE",
            (),
            "under_construction",
        ),
        ("The Russian-built data hub opened in Havana on Friday.", "COOPERATE", (), "operating"),
        ("Russia plans to open the data hub in March.", "AGREE", (), "announced"),
        ("Work on the Russian data hub has stalled for lack of parts.", "COOPERATE", (), "stalled"),
        ("Moscow cancelled the data hub it had promised Cuba.", "AGREE", (), "cancelled"),
        ("Building of the data hub has stopped, its contractors said.", "COOPERATE", (), "stalled"),
        (
            "El centro de datos ruso se inauguró el martes en La Habana.",
            "COOPERATE",
            (),
            "operating",
        ),
        (
            "Las obras del centro, financiado por Rusia, están paralizadas.",
            "COOPERATE",
            (),
            "stalled",
        ),
        ("Russian engineers met Cuban staff of the data hub.", "CONSULT", (), None),
    ],
)
def test_classify_stage(
    sentence: str, event: str, figures: Sequence[Figure], stage: str | None
) -> None:
    found = classify_stage(mention(sentence, event, figures=figures))
    assert (found[0] if found else None) == stage


def step(stage: str, date: str | None, n: int, reported: dt.date | None = None) -> ProjectStep:
    return ProjectStep(
        stage=stage,  # type: ignore[arg-type]
        date=date,
        reported=reported,
        mention_id=f"m{n}",
        doc_id=f"d{n}",
        event="COOPERATE",
        evidence="text",
        cue="cue",
    )


def test_progress_never_goes_back_when_an_old_plan_is_restated_later() -> None:
    steps = [step("operating", "2021-05", 1), step("announced", "2022-01", 2)]
    assert current_stage(steps) == "operating"


def test_stalled_holds_until_progress_is_reported_again() -> None:
    steps = [step("under_construction", "2020", 1), step("stalled", "2021-03", 2)]
    assert current_stage(steps) == "stalled"
    assert current_stage([*steps, step("operating", "2022-06", 3)]) == "operating"


def test_cancelled_holds_against_a_later_promise_but_not_against_building() -> None:
    steps = [step("agreed", "2019", 1), step("cancelled", "2020", 2)]
    assert current_stage([*steps, step("announced", "2021", 3)]) == "cancelled"
    assert current_stage([*steps, step("under_construction", "2021", 3)]) == "under_construction"


def test_steps_without_an_event_date_are_placed_by_publication() -> None:
    steps = [step("stalled", None, 1, reported=dt.date(2023, 1, 5)), step("funded", "2022-07", 2)]
    assert current_stage(steps) == "stalled"
    assert current_stage(list(reversed(steps))) == "stalled"


def test_build_project_collects_sides_figures_and_timeline() -> None:
    promise = mention(
        "Russia promised 38 million euros for the data hub.", "AGREE", "2019-02", figures=[MONEY]
    )
    opened = mention("The data hub opened in Havana.", "COOPERATE", "2021-10-02", doc="doc-2")
    project = build_project(
        "hub",
        HUB,
        [
            evidence(promise, dt.date(2019, 2, 10), "State Wire"),
            evidence(opened, dt.date(2021, 10, 3), "Island Daily"),
        ],
    )
    assert project.stage == "operating"
    assert [s.stage for s in project.steps] == ["announced", "operating"]
    assert [s.outlet for s in project.steps] == ["State Wire", "Island Daily"]
    assert project.host_countries == ["CUB"]
    assert project.sponsor_countries == ["RUS"]
    assert [f.value for f in project.figures] == [38e6]
    assert project.aliases == ["the data hub"]
    assert (project.first_reported, project.last_reported) == (
        dt.date(2019, 2, 10),
        dt.date(2021, 10, 3),
    )


def test_build_project_is_incremental_and_ignores_repeated_evidence() -> None:
    first = build_project(
        "hub", HUB, [evidence(mention("Cuba and Russia signed the hub deal.", "SUPPORT", "2019"))]
    )
    stalled = mention("The hub has stalled.", "COOPERATE", "2020-04", doc="doc-3")
    again = build_project("hub", HUB, [evidence(stalled, dt.date(2020, 4, 9))], base=first)
    assert [s.stage for s in again.steps] == ["agreed", "stalled"]
    assert again.stage == "stalled"
    same = build_project("hub", HUB, [evidence(stalled, dt.date(2020, 4, 9))], base=again)
    assert same.steps == again.steps


def test_one_step_per_sentence_keeps_the_furthest_stage() -> None:
    sentence = "Russia lent Cuba 38 million euros to build the data hub."
    loan = mention(sentence, "AID", "2024-02", figures=[MONEY])
    plan = mention(sentence, "AGREE", "2024-02")
    project = build_project("hub", HUB, [evidence(plan), evidence(loan)])
    assert [s.stage for s in project.steps] == ["funded"]


def test_months_silent_and_quiet_projects() -> None:
    project = Project(id="p", name="P", last_reported=dt.date(2024, 1, 31), stage="agreed")
    assert project.months_silent(dt.date(2024, 7, 30)) == 5
    assert project.months_silent(dt.date(2024, 7, 31)) == 6
    assert [p.id for p, _ in iter_quiet([project], dt.date(2024, 8, 1))] == ["p"]
    assert list(iter_quiet([project], dt.date(2024, 3, 1))) == []
    cancelled = project.model_copy(update={"stage": "cancelled"})
    assert list(iter_quiet([cancelled], dt.date(2030, 1, 1))) == []
    assert Project(id="q", name="Q").months_silent(dt.date(2024, 1, 1)) is None


def test_project_as_of_replays_what_was_known_then() -> None:
    steps = [
        step("agreed", "2019-05", 1, reported=dt.date(2019, 5, 2)),
        step("operating", "2021-10", 2, reported=dt.date(2021, 10, 4)),
    ]
    project = Project(
        id="p",
        name="P",
        steps=steps,
        stage="operating",
        first_reported=dt.date(2019, 5, 2),
        last_reported=dt.date(2021, 10, 4),
    )
    then = project_as_of(project, dt.date(2020, 1, 1))
    assert then is not None
    assert [s.stage for s in then.steps] == ["agreed"]
    assert then.stage == "agreed"
    assert then.last_reported == dt.date(2019, 5, 2)
    assert project_as_of(project, dt.date(2019, 1, 1)) is None
    assert project_as_of(project, dt.date(2022, 1, 1)) == project


def test_the_trigger_word_names_the_stage_before_the_sentence_does() -> None:
    sentence = "The proposal comes a month after the launch of the data hub in Havana."
    at = sentence.index("launch")
    m = mention(sentence, "COOPERATE").model_copy(
        update={"trigger": Span(start=at, end=at + len("launch"))}
    )
    assert classify_stage(m) == ("announced", "launch")
    # without a trigger the sentence's first cue decides, as before
    assert classify_stage(mention(sentence, "COOPERATE"))[0] == "proposed"
