"""One list of facility nouns: the project references read its project part, the coder all."""

from __future__ import annotations

import re

from bilat.events.projects import FACILITY_NOUNS as CODER_NOUNS
from bilat.facilities import FACILITY_NOUNS, PLACE_NOUNS, PROJECT_NOUNS, make_noun_pattern
from bilat.link.project_refs import BACK_REFERENCE, DESCRIPTION


def test_the_pattern_takes_each_noun_and_its_plural() -> None:
    pattern = re.compile(
        rf"\b(?:{make_noun_pattern(frozenset({'lab', 'laboratory', 'campus'}))})\b"
    )
    assert [m.group(0) for m in pattern.finditer("labs, a laboratory, one campus, the lab")] == [
        "labs",
        "laboratory",
        "campus",
        "lab",
    ]
    assert pattern.search("a labrador") is None


def test_references_read_project_nouns_and_never_mere_places() -> None:
    assert CODER_NOUNS is FACILITY_NOUNS and PROJECT_NOUNS | PLACE_NOUNS == FACILITY_NOUNS
    assert BACK_REFERENCE.search("Work on the new training hubs went on.") is not None
    assert BACK_REFERENCE.search("Ships left the port.") is None
    assert DESCRIPTION.search("They pitched a green tech park.").group(2) == "park"  # type: ignore[union-attr]
    assert DESCRIPTION.search("They pitched a new industrial city.") is None
