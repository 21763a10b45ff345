"""The CAMEO codebook with PLOVER event, mode and context per code (data/codebook.tsv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bilat.errors import CodingError
from bilat.models import PLOVER_EVENTS

__all__ = ["PLOVER_EVENTS", "CameoCode", "default_cameo", "load_codebook", "lookup_cameo"]

# The code a coder records when it knows the PLOVER type (and maybe a mode) but no finer
# CAMEO code: the generic code of the family, or the one the mode singles out.
_DEFAULTS: dict[tuple[str, str | None], str] = {
    ("AGREE", None): "030",
    ("AGREE", "meet"): "036",
    ("AGREE", "aid"): "033",
    ("CONSULT", None): "040",
    ("CONSULT", "phone"): "041",
    ("CONSULT", "visit"): "042",
    ("CONSULT", "host"): "043",
    ("CONSULT", "third-party"): "044",
    ("CONSULT", "negotiate"): "046",
    ("SUPPORT", None): "050",
    ("SUPPORT", "praise"): "051",
    ("SUPPORT", "sign"): "057",
    ("CONCEDE", None): "080",
    ("COOPERATE", None): "060",
    ("AID", None): "070",
    ("AID", "economic"): "071",
    ("AID", "military"): "072",
    ("AID", "humanitarian"): "073",
    ("RETREAT", None): "084",
    ("REQUEST", None): "100",
    ("ACCUSE", None): "112",
    ("REJECT", None): "120",
    ("THREATEN", None): "130",
    ("PROTEST", None): "140",
    ("MOBILIZE", None): "150",
    ("SANCTION", None): "160",
    ("COERCE", None): "170",
    ("ASSAULT", None): "190",
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its Goldstein score, QuadClass and PLOVER counterpart."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str  # "" for CAMEO 01x public statements, which PLOVER does not code
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


@cache
def load_codebook() -> dict[str, CameoCode]:
    """Every CAMEO code of the shipped table, by code."""
    table = resources.files("bilat.events").joinpath("data").joinpath("codebook.tsv")
    lines = table.read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return {
        row["code"]: CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_event=row["plover_event"],
            plover_mode=row["plover_mode"] or None,
            plover_context=tuple(c for c in row["plover_context"].split(";") if c),
        )
        for row in rows
    }


def lookup_cameo(code: str) -> CameoCode:
    """The codebook entry of a CAMEO code ("057"); CodingError when there is none."""
    entry = load_codebook().get(code.strip())
    if entry is None:
        raise CodingError(
            f"CAMEO code {code!r} is not in the codebook: use a 2-4 digit code such as '057'"
        )
    return entry


def default_cameo(plover_event: str, mode: str | None = None) -> CameoCode:
    """A sensible CAMEO code for a PLOVER event type and optional mode.

    AID -> 070, CONSULT + visit -> 042, SUPPORT + sign -> 057. A mode the table does not
    single out falls back to a code of that event with that PLOVER mode, then to the
    event's generic code."""
    event = plover_event.strip().upper()
    if event not in PLOVER_EVENTS:
        raise CodingError(
            f"PLOVER event {plover_event!r} is unknown: use one of {', '.join(PLOVER_EVENTS)}"
        )
    chosen = _DEFAULTS.get((event, mode)) if mode else None
    if chosen is None and mode:
        chosen = next(
            (
                c.code
                for c in load_codebook().values()
                if c.plover_event == event and c.plover_mode == mode
            ),
            None,
        )
    return lookup_cameo(chosen or _DEFAULTS[(event, None)])
