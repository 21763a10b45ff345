"""Records that cross stages: what a Mention reads from its own evidence."""

from __future__ import annotations

from bilat.models import Mention, Span

# Written for this test: the sentence starts at offset 40 of its article.
SENT = "Norway pledged fresh aid to Malawi."


def mention(trigger: Span | None) -> Mention:
    return Mention(
        id="m1",
        doc_id="d1",
        event="AID",
        event_text=SENT,
        text_info=Span(start=40, end=40 + len(SENT)),
        trigger=trigger,
        confidence=0.7,
        coder="test",
    )


def test_trigger_text_reads_article_offsets_within_the_evidence() -> None:
    start = 40 + SENT.index("pledged")
    assert mention(Span(start=start, end=start + len("pledged"))).trigger_text() == "pledged"


def test_no_trigger_is_no_text() -> None:
    assert mention(None).trigger_text() == ""
