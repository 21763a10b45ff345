"""Projects in the coder (projects.py): descriptions, what a project will do, the host's side."""

from __future__ import annotations

import datetime as dt
import functools
import re

from bilat.events import get_coder
from bilat.models import ActorSpan, Article, Mention
from bilat.nlp import Parser

# name pattern -> (actor id, country, kind): the projects stand in the country that hosts them
NAMES: dict[str, tuple[str, str, str]] = {
    r"Russia|Russian": ("RUS", "RUS", "state"),
    r"Cuba|Cuban": ("CUB", "CUB", "state"),
    r"China|Chinese": ("CHN", "CHN", "state"),
    r"Bolivia": ("BOL", "BOL", "state"),
    r"Polo Andino": ("project:polo-andino", "BOL", "project"),
    r"Puerto Sur": ("project:puerto-sur", "CUB", "project"),
}


@functools.cache
def _parser() -> Parser:
    return Parser()


def find_actors(text: str) -> list[ActorSpan]:
    spans = []
    for pattern, (actor_id, country, kind) in NAMES.items():
        for m in re.finditer(rf"\b(?:{pattern})\b", text):
            spans.append(ActorSpan(m.start(), m.end(), m.group(), actor_id, kind, country))  # type: ignore[arg-type]
    return sorted(spans, key=lambda s: s.start)


def code(text: str, published: str | None = "2025-07-10") -> list[Mention]:
    article = Article(
        id="p1",
        text=text,
        language="en",
        published=dt.date.fromisoformat(published) if published else None,
    )
    return get_coder().code(article, _parser().parse(article), find_actors(text))


def in_sentence(mentions: list[Mention], words: str) -> list[Mention]:
    return [m for m in mentions if words in m.event_text]


DESCRIBED = (
    "China is financing Polo Andino, a technology project in Bolivia. According to its "
    "planners, Polo Andino would become a technology hub able to host up to 8 thousand "
    "residents, and would be oriented to provide services to clients in South America."
)


def test_a_project_told_as_what_it_will_become_is_cooperation_of_sponsor_and_host() -> None:
    (m,) = in_sentence(code(DESCRIBED), "would become")
    assert m.event == "COOPERATE" and m.cameo == "060"  # the project's shape, not a pledge
    assert m.countries("actor") == ["CHN"] and m.countries("recipient") == ["BOL"]
    assert [f.text for f in m.figures] == ["up to 8 thousand residents"]
    assert m.figures[0].qualifier == "up to"
    assert DESCRIBED[m.trigger.start : m.trigger.end] == "become"  # type: ignore[union-attr]


def test_a_will_be_description_takes_every_figure_of_its_coordinated_nouns() -> None:
    text = (
        "Chinese state banks back Polo Andino. By 2030 Polo Andino will be a "
        "research cluster with over 9,000 residents, including 7,000 engineers and 2,000 "
        "students."
    )
    (m,) = in_sentence(code(text), "research cluster")
    assert m.event == "COOPERATE"
    assert (m.countries("actor"), m.countries("recipient")) == (["CHN"], ["BOL"])
    assert [f.text for f in m.figures] == [
        "over 9,000 residents",
        "7,000 engineers",
        "2,000 students",
    ]


def test_what_the_described_project_will_do_is_no_event_of_its_own() -> None:
    mentions = in_sentence(code(DESCRIBED), "would become")
    assert [m.event for m in mentions] == ["COOPERATE"]  # no AID/AGREE for "provide"


def test_a_project_that_simply_is_something_is_no_event() -> None:
    text = "China is financing Polo Andino in Bolivia. Polo Andino is a technology hub."
    assert in_sentence(code(text), "is a technology hub") == []


def test_launching_a_project_is_cooperation_with_the_host_as_recipient() -> None:
    text = (
        "Cuba and Russia on Monday launched Puerto Sur, a logistics park near Mariel that is "
        "meant to employ up to 4,000 workers."
    )
    (m,) = code(text)
    assert m.event == "COOPERATE"
    # the project stands in Cuba: the host receives, the sponsor acts (text order says CUB)
    assert (m.countries("actor"), m.countries("recipient")) == (["RUS"], ["CUB"])
    # a relative clause with no event word of its own tells the size of the launched park
    assert [f.text for f in m.figures] == ["up to 4,000 workers"]


def test_unveiling_a_plan_is_one_act_not_also_the_plan() -> None:
    text = (
        "Russia and Cuba on Monday unveiled Puerto Sur, a plan to turn a bay into a port for "
        "over 4,000 workers."
    )
    (m,) = code(text)
    assert m.event == "COOPERATE"
    assert [f.text for f in m.figures] == ["over 4,000 workers"]


def test_a_description_takes_the_date_of_the_project_s_dated_announcement() -> None:
    text = (
        "In March, China announced the funding of Polo Andino in Bolivia. Polo Andino will be "
        "a research cluster with over 9,000 residents."
    )
    (m,) = in_sentence(code(text, published="2025-09-21"), "research cluster")
    assert m.date == "2025-03"  # not the publication day


def test_a_named_project_alone_is_what_was_launched() -> None:
    # no facility noun beside the name: the project span itself stands for "project"
    (m,) = code("Russia and Cuba launched Puerto Sur in Mariel on Monday.")
    assert m.event == "COOPERATE" and m.cameo == "060"
    assert (m.countries("actor"), m.countries("recipient")) == (["RUS"], ["CUB"])


def test_a_named_project_unveiled_by_one_sponsor_goes_to_its_host() -> None:
    (m,) = code("China unveiled Polo Andino on Tuesday.")
    assert m.event == "COOPERATE"
    assert (m.countries("actor"), m.countries("recipient")) == (["CHN"], ["BOL"])


def test_the_launch_of_a_named_project_as_a_noun_is_cooperation() -> None:
    text = "The talks follow the launch last July of Polo Andino, a Chinese-backed hub."
    (m,) = [m for m in code(text) if m.event == "COOPERATE"]
    assert (m.countries("actor"), m.countries("recipient")) == (["CHN"], ["BOL"])
    assert m.date == "2024-07"  # "last July" before a July 10 publication


def test_launching_a_thing_that_is_no_project_is_no_cooperation() -> None:
    # a named place is no project: "launched" without a project word codes nothing
    assert code("Russia launched Cuba into the spotlight on Monday.") == []


def test_welcoming_a_named_project_is_support_not_a_hosted_visit() -> None:
    mentions = code("Cuba welcomed Polo Andino, which China is building in Bolivia.")
    events = {m.event for m in mentions}
    assert "SUPPORT" in events and "CONSULT" not in events
