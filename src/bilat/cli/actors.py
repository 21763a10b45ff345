"""`bilat actors [merge|split|decisions|undo]` and `bilat actor NAME`: who the stored events
name, the merges and splits made by hand, and a profile of one actor."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bilat.cli.main import ConfigOption, DbOption, app, fail, open_store, out, settings_for
from bilat.errors import BilatError
from bilat.pipeline import decision_of, load_registry
from bilat.resolve.actors import Actor, find_leaders, load_actors
from bilat.resolve.registry import ActorRegistry, Decision, read_note
from bilat.resolve.roles import ActorLookup
from bilat.store.actors import ActorActivity, ActorCount, StoredDecision, kind_of

TOP = 8
LEADERS_SHOWN = 20


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


actors_app = typer.Typer(
    help="Actors the stored mentions name; merge and split them by hand.",
    no_args_is_help=False,
)
app.add_typer(actors_app, name="actors")
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why (kept in the log).")]


def as_decision(stored: StoredDecision) -> Decision:
    """A stored decision as the registry reads it; a row logged before the decision columns
    has them read from its reason."""
    return read_note(decision_of(stored))


def identify(registry: ActorRegistry, name: str) -> str:
    """An actor id given as itself or by one of its names; fails when neither."""
    if registry.info(name) is not None or name in load_actors():
        return registry.canonical(name)
    found = registry.resolve(name, create=False)
    if found.actor_id is None:
        raise fail(f"no actor named {name!r} ({found.reason}): give its id", code=1)
    return found.actor_id


def fold_decisions(found: list[ActorCount], registry: ActorRegistry) -> list[ActorCount]:
    """Counts as the decisions stand now: ids merged into another added to it, and names
    split off an actor counted under the actor they became."""
    folded: dict[tuple[str, str | None], tuple[str, Counter[str]]] = {}
    for a in found:
        for text, n in a.text_counts or tuple((t, 0) for t in a.texts):
            key = registry.owner(a.key, text)
            kind = a.kind if key == registry.canonical(a.key) else kind_of(key)
            _, texts = folded.setdefault((key, a.country), (kind, Counter()))
            texts[text] += n
    counts = [
        ActorCount(
            key,
            kind,
            country,
            sum(texts.values()),
            tuple(t for t, _ in texts.most_common()),
            tuple(texts.most_common()),
        )
        for (key, country), (kind, texts) in folded.items()
    ]
    return sorted(counts, key=lambda a: (-a.mentions, a.key))


def render_decisions(decisions: list[StoredDecision]) -> Table:
    table = Table(title=f"{len(decisions)} actor decisions")
    # kind, country and article share a column so that the reason keeps room to be read
    columns = ("#", "method", "name", "actor", "read as (kind country article)", "score")
    for name in (*columns, "reason", "made", "undone"):
        table.add_column(
            name, justify="right" if name in ("#", "score") else "left", overflow="fold"
        )
    for stored in decisions:
        d = as_decision(stored)
        read_as = f"{d.kind or '-'} {d.country or '-'} {d.article_id or '-'}"
        table.add_row(
            str(stored.number),
            d.method,
            escape(d.name),
            escape(stored.actor_id),
            escape(read_as) if d.article_id or d.kind else "",
            f"{d.score:.2f}",
            escape(d.reason),
            stored.made_at.isoformat(sep=" ", timespec="minutes"),
            "yes" if stored.undone else "",
        )
    return table


def decisions_behind(
    log: list[StoredDecision], registry: ActorRegistry, actor_id: str | None
) -> list[StoredDecision]:
    """The logged decisions (not undone, merges aside: they are listed apart) that made the
    actor or tied a name to it, or split a name off it or into it."""
    if actor_id is None:
        return []
    found: list[StoredDecision] = []
    for d in log:
        if d.undone or d.method == "merge":
            continue
        ends = {registry.canonical(d.actor_id)}
        if d.method == "split":
            ends.add(registry.owner(d.actor_id, d.name))
        if actor_id in ends:
            found.append(d)
    return found


@actors_app.callback(invoke_without_command=True)
def actors_(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option("--kind", help="person, organization, state, place, ...")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO-3 code.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Actors the stored mentions name, most mentioned first (ids merged by hand as one)."""
    if ctx.invoked_subcommand is not None:
        return
    settings = settings_for(config)
    with open_store(db, settings) as store:
        found = store.actor_counts(kind, country)
        if any(d.method in ("merge", "split") or d.undone for d in store.actor_decisions()):
            found = fold_decisions(found, load_registry(store))
            found = [a for a in found if kind is None or a.kind == kind]
    out.print(render_actors(found))


@actors_app.command("merge")
def merge_(
    keep: Annotated[str, typer.Argument(help="The actor kept (id or name).")],
    other: Annotated[str, typer.Argument(help="The actor that is the same (id or name).")],
    reason: ReasonOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Make OTHER the same actor as KEEP: its names resolve to KEEP from now on."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        registry = load_registry(store)
        keep_id, other_id = identify(registry, keep), identify(registry, other)
        if keep_id == other_id:
            raise fail(f"{keep!r} and {other!r} are already one actor ({keep_id})", code=1)
        made = registry.merge(keep_id, other_id, reason or "merged by hand")
        stored = store.add_actor_decision(made.name, keep_id, "merge", made.score, made.reason)
    out.print(f"#{stored.number}: {escape(other_id)} merged into {escape(keep_id)}")


@actors_app.command("split")
def split_(
    name: Annotated[str, typer.Argument(help="The name that is another actor.")],
    actor_id: Annotated[str, typer.Argument(help="The actor it is not (id or name).")],
    reason: ReasonOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """NAME is not ACTOR_ID: it stops resolving there and becomes an actor of its own."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        registry = load_registry(store)
        was = identify(registry, actor_id)
        made = registry.split(name, was, reason or "split by hand")
        stored = store.add_actor_decision(name, was, "split", made.score, reason or "split by hand")
    out.print(f"#{stored.number}: {escape(name)!r} split from {escape(was)} as {made.actor_id}")


@actors_app.command("decisions")
def decisions_(db: DbOption = None, config: ConfigOption = None) -> None:
    """The merges and splits made by hand and the names tied while reading articles (with
    the kind, country and article they were read with), oldest first, undone ones marked."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        found = store.actor_decisions()
    out.print(render_decisions(found))


@actors_app.command("undo")
def undo_(
    number: Annotated[int, typer.Argument(help="Decision number (`bilat actors decisions`).")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Undo a merge or split: later runs and `bilat actor` no longer apply it."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        try:
            undone = store.undo_actor_decision(number)
        except BilatError as exc:
            raise fail(str(exc), code=1) from exc
    out.print(f"#{undone.number} undone: {undone.method} {escape(undone.name)} / {undone.actor_id}")


def as_stored_read(stored: StoredDecision) -> StoredDecision:
    """The stored decision with kind, country and article out of an old packed reason."""
    read = as_decision(stored)
    return replace(
        stored,
        reason=read.reason,
        kind=read.kind,
        country=read.country,
        article_id=read.article_id,
    )


def split_away(registry: ActorRegistry, actor_id: str | None, text: str) -> bool:
    """Whether mentions of `actor_id` written `text` belong to another actor now (the name
    was split off it after they were stored)."""
    return actor_id is not None and registry.owner(actor_id, text) != actor_id


def render_leaders(name: str, leaders: list[Actor]) -> str:
    """Phoenix leaders who share a name, with their roles: the user picks one by id."""
    lines = [f"{len(leaders)} Phoenix leaders are named {escape(name)!r}; give one's id:"]
    for leader in leaders[:LEADERS_SHOWN]:
        roles = "; ".join(format_roles(leader)) or "-"
        lines.append(
            f"  {leader.actor_id}  {escape(leader.name)}  {leader.country or '?'}  "
            f"{leader.sector or '?'}  roles: {roles}"
        )
    if len(leaders) > LEADERS_SHOWN:
        lines.append(f"  … and {len(leaders) - LEADERS_SHOWN} more")
    return "\n".join(lines)


@app.command("actor")
def actor_(
    name: Annotated[str, typer.Argument(help="Actor id or any of its names.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """One actor: names, roles over time, events by type, counterparts and outlets, and why
    names were merged into it."""
    settings = settings_for(config)
    known = load_actors()
    with open_store(db, settings) as store:
        registry = load_registry(store)
        if name in known or registry.info(name) is not None:
            found = Decision(name, registry.canonical(name), "id", 1.0, "given as an id")
        else:
            found = registry.resolve(name, create=False)
        # a name the store's actors do not know at all (not one they share) may be a leader's
        leaders = find_leaders(name) if found.method == "none" else []
        if len(leaders) == 1:
            found = Decision(
                name, leaders[0].actor_id, "leader", 1.0, "the one Phoenix leader of this name"
            )
        actor_id = found.actor_id
        merges = registry.merged_into(actor_id) if actor_id else []
        merged = sorted({d.name for d in merges})
        activity = store.actor_activity(actor_id, [name], merged)
        split_off = sorted(t for t in activity.texts if split_away(registry, actor_id, t))
        if split_off:
            activity = store.actor_activity(actor_id, [name], merged, split_off)
        behind = decisions_behind(store.actor_decisions(), registry, actor_id)
    if len(leaders) > 1 and activity.mentions == 0:
        out.print(render_leaders(name, leaders), highlight=False, soft_wrap=True)
        return
    actor = known.get(actor_id) if actor_id else None
    if actor is None and actor_id:
        actor = ActorLookup().get(actor_id)
    if actor is None and activity.mentions == 0 and not (actor_id and registry.info(actor_id)):
        raise fail(f"no actor named {name!r}: `bilat actors` lists them", code=1)
    lines = [render_profile(actor_id, name, actor, activity)]
    if found.method != "id" and actor_id:
        lines.append(
            f"found as: {escape(name)} ({found.method}, score {found.score:.2f}: "
            f"{escape(found.reason)})"
        )
    lines.extend(
        f"merged: {escape(d.name)} into {escape(d.actor_id or '?')} "
        f"({d.method}, score {d.score:.2f}: {escape(d.reason)})"
        for d in merges
    )
    lines.extend(
        f"decision #{d.number}: {d.method} {escape(d.name)} -> {escape(d.actor_id)} "
        f"(score {d.score:.2f}: {escape(d.reason)}"
        + (f"; read in {escape(d.article_id)}" if d.article_id else "")
        + ")"
        for d in map(as_stored_read, behind)
    )
    if len(leaders) > 1:
        lines.append(render_leaders(name, leaders))
    out.print("\n".join(lines), highlight=False, soft_wrap=True)
