"""Facility nouns: what a project is named after, described as or becomes, in one list."""

from __future__ import annotations

# What a project's name says it is, English and Spanish singulars: an article describes a
# project by one ("a high-tech training center") or points back to it ("the hub").
PROJECT_NOUNS = frozenset(
    {"hub", "cluster", "centre", "center", "park", "campus", "complex", "lab", "laboratory"}
    | {"polo", "centro", "parque", "complejo", "laboratorio"}
)
# Places of work and living a project may become ("will become a technopolis"): too general
# to stand for a project named earlier ("the port", "the city"), so no reference reads them.
PLACE_NOUNS = frozenset(
    {"city", "zone", "valley", "technopark", "technopolis", "district", "plant", "port"}
    | {"base", "facility", "zona", "ciudad", "valle", "tecnoparque"}
)
# Every facility noun: the coder's test of what a named project will be ("be a hub").
FACILITY_NOUNS = PROJECT_NOUNS | PLACE_NOUNS


def make_noun_pattern(nouns: frozenset[str]) -> str:
    """A regex alternation of `nouns`, each with an optional plural "s" (longest first, so
    "laboratory" is tried before "lab")."""
    return "|".join(
        w if w.endswith("s") else f"{w}s?" for w in sorted(nouns, key=lambda w: (-len(w), w))
    )
