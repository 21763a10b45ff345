"""A titled person with no country, in what a state body reports, is of that body's state."""

from __future__ import annotations

import pytest
from test_events_coder import dyad, only
from test_events_unseen_rows import code

pytestmark = pytest.mark.slow

MET = "Deputy Foreign Minister Esperança da Costa had met the Chinese ambassador in Luanda."


def test_a_ministry_reporting_its_official_s_meeting_gives_him_its_state() -> None:
    m = only(code("Angola's foreign ministry said " + MET))
    assert m.event == "CONSULT" and dyad(m) == (["AGO"], ["CHN"])


def test_a_newspaper_reporting_gives_no_state() -> None:
    assert code("A local newspaper said " + MET) == []


def test_an_untitled_person_takes_no_state_from_the_reporter() -> None:
    text = "Angola's foreign ministry said Esperança da Costa had met the Chinese ambassador."
    assert code(text) == []
