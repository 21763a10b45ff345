"""`bilat actors` and `bilat actor NAME`: who the stored events name, and a profile of one."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bilat.cli.main import ConfigOption, DbOption, app, fail, open_store, out, settings_for
from bilat.resolve.actors import Actor, load_actors
from bilat.resolve.registry import ActorRegistry
from bilat.store.actors import ActorActivity, ActorCount

TOP = 8


def render_actors(found: list[ActorCount]) -> Table:
    table = Table(title=f"{len(found)} actors")
    for name in ("actor", "kind", "country", "mentions", "written as"):
        table.add_column(name, justify="right" if name == "mentions" else "left")
    for a in found:
        written = ", ".join(a.texts[:3]) + (" …" if len(a.texts) > 3 else "")
        table.add_row(escape(a.key), a.kind, a.country or "-", str(a.mentions), escape(written))
    return table


def format_counts(counts: Counter[str]) -> str:
    return ", ".join(f"{escape(k)} ({n})" for k, n in counts.most_common(TOP)) or "-"


def format_roles(actor: Actor | None) -> list[str]:
    """Dated roles first, in time order: "GOV RUS 2008-05-07 – (open)"."""
    if actor is None:
        return []
    dated = sorted((r for r in actor.roles if r.dated), key=lambda r: (r.start or r.end,))
    return [
        f"{r.sector or '?'} {r.country or '?'} "
        f"{r.start.isoformat() if r.start else '…'} – {r.end.isoformat() if r.end else 'open'}"
        for r in dated
    ]


def render_profile(
    actor_id: str | None, name: str, actor: Actor | None, activity: ActorActivity
) -> str:
    known = sorted({a.text for a in actor.aliases} - {actor.name}) if actor else []
    lines = [
        f"[bold]{escape(actor.name if actor else name)}[/bold]  id: {actor_id or '(unresolved)'}",
        f"kind: {actor.kind if actor else '?'}  country: {(actor and actor.country) or '?'}  "
        f"sector: {(actor and actor.sector) or '?'}",
        f"aliases known: {escape(', '.join(known)) or '-'}",
        f"aliases seen: {format_counts(activity.texts)}",
        f"mentions: {activity.mentions}",
        f"events by type: {format_counts(activity.events)}",
        f"counterparts: {format_counts(activity.counterparts)}",
        f"counterpart countries: {format_counts(activity.countries)}",
        f"outlets: {format_counts(activity.outlets)}",
    ]
    roles = format_roles(actor)
    lines.append("roles: " + ("-" if not roles else "\n  " + "\n  ".join(roles)))
    return "\n".join(lines)


@app.command("actors")
def actors_(
    kind: Annotated[
        str | None, typer.Option("--kind", help="person, organization, state, place, ...")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO-3 code.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Actors the stored mentions name, most mentioned first."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        found = store.actor_counts(kind, country)
    out.print(render_actors(found))


@app.command("actor")
def actor_(
    name: Annotated[str, typer.Argument(help="Actor id or any of its names.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """One actor: names, roles over time, events by type, counterparts and outlets."""
    settings = settings_for(config)
    known = load_actors()
    if name in known:
        actor_id: str | None = name
    else:
        actor_id = ActorRegistry().resolve(name, create=False).actor_id
    with open_store(db, settings) as store:
        activity = store.actor_activity(actor_id, [name])
    actor = known.get(actor_id) if actor_id else None
    if actor is None and activity.mentions == 0:
        raise fail(f"no actor named {name!r}: `bilat actors` lists them", code=1)
    out.print(render_profile(actor_id, name, actor, activity), highlight=False)
