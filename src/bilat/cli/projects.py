"""`bilat projects` and `bilat project NAME`: lifecycles of long-lived undertakings."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bilat.cli.main import ConfigOption, DbOption, app, fail, open_store, out, settings_for
from bilat.link.projects import QUIET_MONTHS, is_quiet, project_as_of
from bilat.models import Project

AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option("--as-of", formats=["%Y-%m-%d"], help="Replay what was known on this day."),
]


def as_known(projects: list[Project], as_of: dt.date | None) -> list[Project]:
    if as_of is None:
        return projects
    known = (project_as_of(p, as_of) for p in projects)
    return [p for p in known if p is not None]


def render_projects(projects: list[Project], today: dt.date, quiet_months: int) -> Table:
    table = Table(title=f"{len(projects)} projects (as of {today.isoformat()})")
    for name in ("project", "stage", "sponsor → host", "steps", "first", "last", "silent"):
        table.add_column(name, justify="right" if name in ("steps", "silent") else "left")
    for p in projects:
        silent = p.months_silent(today)
        quiet = is_quiet(p, today, quiet_months)
        table.add_row(
            escape(p.name),
            p.stage or "-",
            f"{','.join(p.sponsor_countries) or '?'} → {','.join(p.host_countries) or '?'}",
            str(len(p.steps)),
            p.first_reported.isoformat() if p.first_reported else "-",
            p.last_reported.isoformat() if p.last_reported else "-",
            "-"
            if silent is None
            else (f"[yellow]{silent} mo[/yellow]" if quiet else f"{silent} mo"),
        )
    return table


def render_timeline(project: Project) -> Table:
    table = Table(title=escape(project.name), show_lines=True)
    for name in ("when", "stage", "event", "source", "evidence"):
        table.add_column(name)
    for step in project.steps:
        evidence = escape(step.evidence)
        cue = escape(step.cue)
        if cue and cue in evidence:
            evidence = evidence.replace(cue, f"[bold]{cue}[/bold]", 1)
        reported = step.reported.isoformat() if step.reported else "undated"
        table.add_row(
            step.date or "-",
            step.stage,
            step.event,
            f"{escape(step.outlet or '?')}\n{step.doc_id} ({reported})",
            evidence,
        )
    return table


@app.command("projects")
def projects_(
    stage: Annotated[
        str | None, typer.Option("--stage", help="Only projects at this stage.")
    ] = None,
    quiet_months: Annotated[
        int, typer.Option("--quiet", help="Flag projects with no news for this many months.")
    ] = QUIET_MONTHS,
    as_of: AsOfOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Projects with their current stage, sides and how long since the last report."""
    settings = settings_for(config)
    day = as_of.date() if as_of else None
    with open_store(db, settings) as store:
        found = as_known(list(store.iter_projects()), day)
    if stage is not None:
        found = [p for p in found if p.stage == stage.replace(" ", "_").lower()]
    out.print(render_projects(found, day or dt.date.today(), quiet_months))


@app.command("project")
def project_(
    name: Annotated[str, typer.Argument(help="Project id, name or alias.")],
    as_of: AsOfOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """A project's timeline: every stage with its date, outlet and sentence."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        found = store.find_projects(name)
    if not found:
        raise fail(f"no project named {name!r}: `bilat projects` lists them", code=1)
    for project in as_known(found, as_of.date() if as_of else None):
        aliases = ", ".join(project.aliases) or "-"
        figures = ", ".join(f.text for f in project.figures) or "-"
        out.print(
            f"[bold]{escape(project.name)}[/bold]  stage: {project.stage or '-'}\n"
            f"aliases: {escape(aliases)}\n"
            f"sponsor: {','.join(project.sponsor_countries) or '?'}  "
            f"host: {','.join(project.host_countries) or '?'}  promised: {escape(figures)}"
        )
        out.print(render_timeline(project))
