"""Spanish rows that match their English ones: suspended exports, resumed talks, inaugurated
plants and reopened embassies (sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_events_coder import dyad, only
from test_events_roles import code_resolved

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        ("Argentina suspendió las exportaciones de carne a China.", "SANCTION", "ARG", "CHN"),
        ("Guyana y Venezuela reanudaron el diálogo sobre el Esequibo.", "CONSULT", "GUY", "VEN"),
        (
            "Rusia y Bolivia inauguraron una fábrica de baterías en Potosí.",
            "COOPERATE",
            "RUS",
            "BOL",
        ),
        ("Túnez reabrió su embajada en Trípoli después de siete años.", "CONCEDE", "TUN", "LBY"),
    ],
)
def test_spanish_rows_code_as_the_english_ones(
    text: str, event: str, actor: str, recipient: str
) -> None:
    m = only(code_resolved(text, "es"))
    assert m.event == event and dyad(m) == ([actor], [recipient])
