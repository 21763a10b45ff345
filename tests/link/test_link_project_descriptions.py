"""A known project an article never names but describes ("a high-tech training center")."""

from __future__ import annotations

from bilat.link.project_refs import (
    KnownProject,
    NamedProject,
    iter_descriptions,
    iter_project_references,
)
from bilat.models import ActorRef, Mention, Span

ACADEMY = KnownProject(
    "academy", ("Minsk Software Academy Center", "Centro Academia de Software"), "NIC"
)
PORT = KnownProject("port", ("Bluefields Deep Water Port",), "NIC")

STORY = (
    "Belarus floats a software centre for Nicaragua\n\n"
    "MANAGUA — Engineers from Minsk offered a new software training center to Nicaragua "
    "on Tuesday. Nicaraguan officials also opened a medical center in León."
)


def coded(sentence: str, countries: tuple[str, str] = ("BLR", "NIC")) -> Mention:
    start = STORY.index(sentence)
    return Mention(
        id=Mention.make_id("doc", start, start + len(sentence), "AGREE", "test"),
        doc_id="doc",
        event="AGREE",
        actor=[ActorRef(text=countries[0], country=countries[0])],
        recipient=[ActorRef(text=countries[1], country=countries[1])],
        event_text=sentence,
        text_info=Span(start=start, end=start + len(sentence)),
        confidence=0.8,
        coder="test",
    )


def test_a_description_with_the_noun_and_a_word_of_the_name_is_the_project() -> None:
    found = list(iter_descriptions(STORY, [], [ACADEMY, PORT]))
    assert [(STORY[n.start : n.end], n.project_id, n.described) for n in found] == [
        ("a software centre", "academy", True),
        ("a new software training center", "academy", True),
    ]
    assert all(n.name == "Minsk Software Academy Center" for n in found)


def test_a_facility_of_another_kind_is_no_description() -> None:
    # "a medical center": the noun fits, no other word of the name does
    found = [STORY[n.start : n.end] for n in iter_descriptions(STORY, [], [ACADEMY])]
    assert "a medical center" not in found


def test_two_known_projects_that_fit_are_no_answer() -> None:
    twin = KnownProject("twin", ("Software Center of Managua",), "NIC")
    assert list(iter_descriptions(STORY, [], [ACADEMY, twin])) == []


def test_a_description_inside_a_name_is_the_name() -> None:
    start = STORY.index("a new software training center")
    named = [NamedProject(start, start + 10, "other", "A New")]
    found = [STORY[n.start : n.end] for n in iter_descriptions(STORY, named, [ACADEMY])]
    assert found == ["a software centre"]


def test_a_described_project_is_referred_to_when_the_act_involves_its_host() -> None:
    sentence = (
        "Engineers from Minsk offered a new software training center to Nicaragua on Tuesday."
    )
    refs = list(iter_project_references(STORY, [coded(sentence)], [], {}, [ACADEMY]))
    assert [(r.project.project_id, r.alias, r.implicit) for r in refs] == [
        ("academy", "Minsk Software Academy Center", False)
    ]
    elsewhere = coded(sentence, ("BLR", "VEN"))
    assert list(iter_project_references(STORY, [elsewhere], [], {}, [ACADEMY])) == []


def test_without_known_projects_nothing_is_described() -> None:
    sentence = (
        "Engineers from Minsk offered a new software training center to Nicaragua on Tuesday."
    )
    assert list(iter_project_references(STORY, [coded(sentence)], [], {})) == []
