"""Event coding: the CAMEO/PLOVER codebook, coders (rules.v1), dates and figures."""

from __future__ import annotations

from bilat.events.codebook import PLOVER_EVENTS, CameoCode, default_cameo, lookup_cameo
from bilat.events.coder import Coder, RulesCoder, get_coder, register_coder

__all__ = [
    "PLOVER_EVENTS",
    "CameoCode",
    "Coder",
    "RulesCoder",
    "default_cameo",
    "get_coder",
    "lookup_cameo",
    "register_coder",
]
