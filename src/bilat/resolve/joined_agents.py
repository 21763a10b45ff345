"""People of several kinds joined before an agent "in" states: "Lawmakers and officials in
Chile" (compose.py's "in" complements)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilat.resolve.found import AND_WORDS, MAX_RUN, Found, group_id

if TYPE_CHECKING:
    from bilat.resolve.compose import Composer


def compose_joined_agents(comp: Composer, t: int, states: list[Found]) -> None:
    """People of a kind joined before the agent at t are of the same states, each kind with
    its own sector: "Lawmakers and officials in Chile and Peru"."""
    if t < 2 or comp.lower(t - 1) not in AND_WORDS:
        return
    for s in range(t - 2, max(t - 2 - MAX_RUN, -1), -1):
        hit = comp.agent_at(s)
        if hit is None or hit[0] != t - 1 or not hit[1].plural or comp.owned(s, t - 1):
            continue
        sector = hit[1].sector
        countries = [c for o in states for c in ([o.country] if o.country else dict(o.members))]
        pairs = tuple((c, sector) for c in countries if c)
        if not pairs:
            return
        # one state: the people are its own; several: a group over them
        country, members = (pairs[0][0], ()) if len(pairs) == 1 else (None, pairs)
        actor_id = group_id(country, sector)
        via, role = "agent+of", "agent"
        comp.add(Found(s, t - 1, actor_id, "group", country, sector, via, role, True, members))
        return
