"""A mention told without its target beside a twin of the same act with one (subsumed.py)."""

from __future__ import annotations

from bilat.events.subsumed import drop_one_sided_twins
from bilat.models import ActorRef, Mention, Span

SENTENCE = "Zembla opened a raid and shelled towns of Freedonia."


def _mention(event: str, actor: str | None, recipient: str | None, n: int) -> Mention:
    return Mention(
        id=Mention.make_id("doc", 0, len(SENTENCE), event, "test", n),
        doc_id="doc",
        event=event,  # type: ignore[arg-type]
        actor=[ActorRef(text="Zembla", country=actor)],
        recipient=[ActorRef(text="Freedonia", country=recipient)] if recipient else [],
        event_text=SENTENCE,
        text_info=Span(start=0, end=len(SENTENCE)),
        confidence=0.8,
        coder="test",
    )


def test_the_untargeted_twin_of_a_targeted_act_goes() -> None:
    opened = _mention("ASSAULT", "ZEM", None, 0)
    shelled = _mention("ASSAULT", "ZEM", "FRE", 1)
    assert drop_one_sided_twins([opened, shelled]) == [shelled]


def test_other_acts_and_actors_without_a_target_stay() -> None:
    threat = _mention("THREATEN", "ZEM", None, 0)
    other = _mention("ASSAULT", "RUR", None, 1)
    nobody = _mention("ASSAULT", None, None, 2)
    shelled = _mention("ASSAULT", "ZEM", "FRE", 3)
    kept = [threat, other, nobody, shelled]
    assert drop_one_sided_twins(kept) == kept
