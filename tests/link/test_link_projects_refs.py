"""Which mentions speak of a project: by name, by "the center" pointing back, or by topic;
and the stage cues for a project told as the object of a launch, a signing or a funding."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.link.project_refs import (
    NamedProject,
    find_topic,
    iter_back_references,
    iter_project_references,
)
from bilat.link.projects import ProjectEvidence, build_project, current_stage
from bilat.link.stage_cues import classify_stage
from bilat.models import ActorRef, Mention, ProjectStep, Span

PARK = "Caribe Solar Park"
LAB = "Minsk Robotics Lab"


def named_in(text: str, *names: tuple[str, str]) -> list[NamedProject]:
    """Every place `text` writes one of the (project id, name) pairs."""
    found = []
    for pid, name in names:
        start = text.find(name)
        while start >= 0:
            found.append(NamedProject(start, start + len(name), pid, name))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda n: n.start)


def mention_at(
    text: str,
    sentence: str,
    event: str = "COOPERATE",
    countries: tuple[str, str] = ("RUS", "CUB"),
    historical: bool = False,
    date: str | None = None,
) -> Mention:
    start = text.index(sentence)
    return Mention(
        id=Mention.make_id("doc", start, start + len(sentence), event, "test"),
        doc_id="doc",
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text=countries[0], country=countries[0])],
        recipient=[ActorRef(text=countries[1], country=countries[1])],
        date=date,
        historical=historical,
        event_text=sentence,
        text_info=Span(start=start, end=start + len(sentence)),
        confidence=0.8,
        coder="test",
    )


STORY = (
    "Solar park for Cuba\n\n"
    "HAVANA — Russian engineers toured the site of the Caribe Solar Park on Monday.\n\n"
    "Later, the Minsk Robotics Lab sent two technicians to Cuba.\n\n"
    "Officials said the park would be finished in 2027, and the project was agreed in May.\n\n"
    "Builders started work on the new solar park in March.\n"
)


def test_a_description_points_back_to_the_latest_project_with_its_noun() -> None:
    named = named_in(STORY, ("park", PARK), ("lab", LAB))
    refs = {STORY[s:e]: n.project_id for s, e, n in iter_back_references(STORY, named)}
    # "the park" has the noun of the earlier name; "the project" takes the latest named
    assert refs == {"the park": "park", "the project": "lab", "the new solar park": "park"}


def test_the_name_itself_is_not_a_reference_back() -> None:
    text = "The Minsk Robotics Lab opened. Work on the Caribe Solar Park began."
    named = named_in(text, ("park", PARK), ("lab", LAB))
    assert list(iter_back_references(text, named)) == []


def test_the_topic_is_the_one_project_of_the_title_or_lead() -> None:
    topic = find_topic(STORY, named_in(STORY, ("park", PARK), ("lab", LAB)))
    assert topic is not None and topic.project_id == "park"
    two = STORY.replace("on Monday", "and the Minsk Robotics Lab on Monday")
    assert find_topic(two, named_in(two, ("park", PARK), ("lab", LAB))) is None
    late = "Talks in Havana\n\nMinisters met.\n\nThey spoke of the Caribe Solar Park.\n"
    assert find_topic(late, named_in(late, ("park", PARK))) is None


def test_mentions_reach_a_project_by_name_description_or_topic() -> None:
    text = (
        "Caribe Solar Park gets its panels\n\n"
        "HAVANA — Russia shipped panels for the Caribe Solar Park on Monday.\n\n"
        "Russia and Cuba agreed on the park last year.\n\n"
        "Russian crews began building the access road in June.\n\n"
        "Venezuela sold Cuba diesel in June.\n\n"
        "In 1985 Soviet crews began building a port nearby.\n"
    )
    named = named_in(text, ("park", PARK))
    mentions = [
        mention_at(text, "Russia shipped panels for the Caribe Solar Park on Monday."),
        mention_at(text, "Russia and Cuba agreed on the park last year."),
        mention_at(text, "Russian crews began building the access road in June."),
        mention_at(text, "Venezuela sold Cuba diesel in June.", countries=("VEN", "USA")),
        mention_at(text, "In 1985 Soviet crews began building a port nearby.", historical=True),
    ]
    refs = list(iter_project_references(text, mentions, named, {"park": "CUB"}))
    found = [(r.mention.event_text[:18], r.alias, r.implicit) for r in refs]
    assert found == [
        ("Russia shipped pan", PARK, False),
        ("Russia and Cuba ag", PARK, False),  # the alias is the name, not "the park"
        ("Russian crews bega", PARK, True),
    ]


def cue_mention(sentence: str, event: str) -> Mention:
    return mention_at(sentence, sentence, event)


@pytest.mark.parametrize(
    ("sentence", "event", "stage"),
    [
        # the project as the object of a launch, a pitch, a signing, a funding
        ("Russia and Cuba on Friday launched the Caribe Solar Park.", "COOPERATE", "announced"),
        ("Officials pitched a solar park to Havana last week.", "AGREE", "proposed"),
        ("The envoys presented Havana with their plan for a solar park.", "AGREE", "proposed"),
        ("The two sides inked a deal on the solar park.", "COOPERATE", "agreed"),
        ("Moscow financed the solar park near Cienfuegos.", "COOPERATE", "funded"),
        ("Russia has earmarked funds for the park's panels.", "AID", "funded"),
        ("Crews started converting an old airfield for the park.", "SUPPORT", "under_construction"),
        # a joint act that only names an agreement is not the agreeing
        (
            "The agreement follows a visit in May, when the envoys presented the concept.",
            "COOPERATE",
            "proposed",
        ),
        # Spanish stage words
        ("Rusia y Cuba lanzaron el parque solar el viernes.", "COOPERATE", "announced"),
        ("Las dos partes suscribieron el convenio del parque.", "COOPERATE", "agreed"),
        ("Las obras del parque solar están estancadas.", "COOPERATE", "stalled"),
        ("En marzo comenzaron las obras del parque solar.", "COOPERATE", "under_construction"),
        ("Rusia financió el parque solar de Cienfuegos.", "COOPERATE", "funded"),
        ("Una delegación rusa planteó la idea de un parque solar.", "AGREE", "proposed"),
    ],
)
def test_classify_stage_of_a_project_told_as_an_object(
    sentence: str, event: str, stage: str
) -> None:
    found = classify_stage(cue_mention(sentence, event))
    assert found is not None and found[0] == stage


def evidence(m: Mention, implicit: bool) -> ProjectEvidence:
    return ProjectEvidence("park", PARK, PARK, "CUB", m, "Wire", dt.date(2026, 1, 5), implicit)


def test_an_implicit_mention_needs_a_stage_word_not_just_its_event_type() -> None:
    bare = cue_mention("Russia gave Cuba a hand with the road.", "SUPPORT")
    worded = cue_mention("Russia and Cuba signed the road contract.", "SUPPORT")
    assert classify_stage(bare) == ("agreed", "SUPPORT")
    built = build_project("park", PARK, [evidence(bare, True), evidence(worded, True)])
    assert [s.evidence for s in built.steps] == [worded.event_text]
    named = build_project("park", PARK, [evidence(bare, False)])
    assert [s.stage for s in named.steps] == ["agreed"]


def step(stage: str, date: str, n: int) -> ProjectStep:
    return ProjectStep(
        stage=stage,  # type: ignore[arg-type]
        date=date,
        mention_id=f"m{n}",
        doc_id=f"d{n}",
        event="COOPERATE",
        evidence="text",
        cue="cue",
    )


def test_money_for_a_stalled_project_does_not_restart_it() -> None:
    building = [step("agreed", "2025-12", 1), step("under_construction", "2026-02", 2)]
    stalled = [*building, step("stalled", "2026-05-18", 3)]
    assert current_stage([*stalled, step("funded", "2026-06", 4)]) == "stalled"
    # reported the same day, the stop is the news
    assert current_stage([*stalled, step("funded", "2026-05-18", 4)]) == "stalled"
    assert current_stage([*stalled, step("under_construction", "2026-07", 4)]) == (
        "under_construction"
    )
