"""A mention told without its target beside a twin of the same act with one (subsumed.py)."""

from __future__ import annotations

from bilat.events.subsumed import better_twin, drop_one_sided_twins
from bilat.models import ActorRef, Figure, Mention, Span

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


def test_of_two_mentions_of_one_act_the_surer_keeps_the_others_figures() -> None:
    # "finished unloading 25,000 tonnes ..., the second shipment to reach Cuba": one
    # delivery told by two verbs, the surer one without the figure
    told = _mention("AID", "ZMB", "FRD", 0).model_copy(
        update={
            "figures": [Figure(value=25000.0, unit="tonnes", text="25,000 tonnes")],
            "confidence": 0.6,
        }
    )
    surer = _mention("AID", "ZMB", "FRD", 1).model_copy(update={"confidence": 0.9})
    kept = better_twin(told, surer)
    assert kept.id == surer.id and [f.value for f in kept.figures] == [25000.0]
    assert better_twin(None, told) is told
    assert better_twin(surer, told).id == surer.id
