"""The `bilat` command: a thin Typer shell over the library.

Exit codes: 0 all items succeeded; 1 some items failed (listed, and kept in `failures`);
2 the command could not run (bad option, unreadable settings, database problem).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from bilat import __version__
from bilat.cli.progress import ingest_progress
from bilat.cli.render import (
    describe_article,
    highlight_article,
    render_events,
    render_failures,
    render_mentions,
    render_stats,
)
from bilat.config import Settings, load_settings
from bilat.errors import BilatError
from bilat.models import PLOVER_EVENTS
from bilat.store import MentionFilter, Store, write_events, write_mentions
from bilat.store.history import Superseded, list_current_events

app = typer.Typer(
    name="bilat",
    help="News coverage in, a sourced record of relations between countries out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="SQLite file (default: store.db setting, bilat.db).")
]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")]
AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        help="Replay what was known at the end of this day (articles published by then).",
    ),
]
AsOfIngestOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--as-of-ingest",
        formats=["%Y-%m-%d"],
        help="Replay what bilat had stored by the end of this day (by ingest time).",
    ),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def settings_for(config: Path | None) -> Settings:
    try:
        return load_settings(config)
    except BilatError as exc:
        raise fail(str(exc)) from exc


def open_store(db: Path | None, settings: Settings) -> Store:
    try:
        return Store.open(db or settings.store.db)
    except BilatError as exc:
        raise fail(str(exc)) from exc


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.upper().replace(">", "-").split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise fail(f"--dyad {value!r}: give two ISO-3 codes, actor first, e.g. RUS-CUB")
    return parts[0], parts[1]


def make_filter(
    dyad: str | None,
    types: list[str] | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    outlet: str | None,
    limit: int | None = None,
    as_of: dt.datetime | None = None,
    as_of_ingest: dt.datetime | None = None,
) -> MentionFilter:
    wanted = tuple(t.upper() for t in types or [])
    unknown = [t for t in wanted if t not in PLOVER_EVENTS]
    if unknown:
        raise fail(f"--type {', '.join(unknown)}: not a PLOVER type ({', '.join(PLOVER_EVENTS)})")
    if as_of is not None and as_of_ingest is not None:
        raise fail("--as-of and --as-of-ingest: give one (publication or ingest time)")
    replay = as_of or as_of_ingest
    return MentionFilter(
        dyad=parse_dyad(dyad),
        event_types=wanted,
        since=since.date() if since else None,
        until=until.date() if until else None,
        outlet=outlet,
        limit=limit,
        as_of=replay.date() if replay else None,
        as_of_basis="ingested" if as_of_ingest is not None else "published",
    )


def describe_superseded(event_id: str, s: Superseded) -> str:
    when = s.published.isoformat() if s.published else "undated"
    return (
        f"{event_id}: {s.value!r} ({s.outlet or s.doc_id}, {when}) superseded by "
        f"{s.current!r} ({s.current_doc_id})"
    )


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, feeds or URLs.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for NLP.")] = 1,
    config: ConfigOption = None,
) -> None:
    """Read articles, code their events and store them (re-ingesting is a no-op)."""
    from bilat.pipeline import ingest as run_ingest

    settings = settings_for(config)
    with open_store(db, settings) as store, ingest_progress(err) as progress:
        try:
            report = run_ingest(paths, store, settings, workers=workers, progress=progress)
        except BilatError as exc:
            raise fail(str(exc)) from exc
    for failure in report.failures:
        err.print(f"[red]failed[/red] {failure.line()}", highlight=False, soft_wrap=True)
    err.print(
        f"read {report.read} articles: {report.stored} stored, {report.skipped} already "
        f"stored; {report.mentions} mentions in {report.events} events (new or joined); "
        f"{len(report.failures)} failed",
        highlight=False,
    )
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = None,
    dyad: Annotated[str | None, typer.Option(help="Directed dyad, e.g. RUS-CUB.")] = None,
    type_: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER type (repeatable).")
    ] = None,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    outlet: Annotated[str | None, typer.Option(help="Only mentions from this outlet.")] = None,
    mentions: Annotated[bool, typer.Option(help="List mentions instead of events.")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_of: AsOfOption = None,
    as_of_ingest: AsOfIngestOption = None,
    config: ConfigOption = None,
) -> None:
    """List events (or mentions) with their evidence; --as-of replays a past day."""
    from bilat.link.contradictions import find_contradictions

    settings = settings_for(config)
    flt = make_filter(dyad, type_, since, until, outlet, as_of=as_of, as_of_ingest=as_of_ingest)
    with open_store(db, settings) as store:
        if mentions:
            out.print(render_mentions(list(islice(store.iter_mentions(flt), limit))))
            return
        listing = list_current_events(store, flt, limit, find_contradictions)
        out.print(render_events([(e, found) for e, _, found in listing.events]))
        for e, superseded, _ in listing.events:
            for s in superseded:
                out.print(describe_superseded(e.id, s), highlight=False, soft_wrap=True)
        known = "" if flt.as_of is None else f" as of {flt.as_of} ({flt.as_of_basis})"
        counts = f"{listing.matched_events} events, {listing.matched_mentions} mentions"
        out.print(f"{counts}{known}", highlight=False)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id.")],
    db: DbOption = None,
    actors: Annotated[bool, typer.Option(help="Also colour the actors found (parses).")] = False,
    config: ConfigOption = None,
) -> None:
    """Show an article with its evidence spans highlighted and its mentions."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        article = store.get_article(article_id)
        if article is None:
            raise fail(f"no article {article_id!r} in {store.url}: see `bilat events --mentions`")
        found = store.mentions_for_article(article_id)
    spans = []
    if actors:
        from bilat.pipeline import analyse

        spans = analyse(article, settings)[1]
    out.print(
        Panel(
            highlight_article(article, found, spans),
            title=article.title or article.id,
            subtitle=describe_article(article),
        )
    )
    out.print(render_mentions(found))


@app.command()
def export(
    what: Annotated[str, typer.Argument(help="mentions or events")],
    format_: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet")] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="File, or - for stdout.")] = "-",
    db: DbOption = None,
    dyad: Annotated[str | None, typer.Option()] = None,
    type_: Annotated[list[str] | None, typer.Option("--type")] = None,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    outlet: Annotated[str | None, typer.Option()] = None,
    as_of: AsOfOption = None,
    as_of_ingest: AsOfIngestOption = None,
    config: ConfigOption = None,
) -> None:
    """Export mentions or events as JSON lines, CSV or Parquet (see docs/export.md)."""
    from bilat.link.contradictions import find_contradictions

    if what not in ("mentions", "events"):
        raise fail(f"export {what!r}: choose mentions or events")
    if format_ not in ("jsonl", "csv", "parquet"):
        raise fail(f"--format {format_!r}: choose jsonl, csv or parquet")
    settings = settings_for(config)
    flt = make_filter(dyad, type_, since, until, outlet, as_of=as_of, as_of_ingest=as_of_ingest)
    target: Path | object = sys.stdout if output == "-" else Path(output)
    with open_store(db, settings) as store:
        try:
            if what == "mentions":
                n = write_mentions(store, format_, target, flt)  # type: ignore[arg-type]
            else:
                n = write_events(store, format_, target, flt, find_contradictions)  # type: ignore[arg-type]
        except BilatError as exc:
            raise fail(str(exc)) from exc
    err.print(f"wrote {n} {what}" + ("" if output == "-" else f" to {output}"), highlight=False)


@app.command()
def stats(
    db: DbOption = None,
    as_of: AsOfOption = None,
    as_of_ingest: AsOfIngestOption = None,
    config: ConfigOption = None,
) -> None:
    """Counts: articles, events by PLOVER type, top dyads, failures; --as-of a past day."""
    settings = settings_for(config)
    flt = make_filter(None, None, None, None, None, as_of=as_of, as_of_ingest=as_of_ingest)
    with open_store(db, settings) as store:
        out.print(render_stats(store.stats(as_of=flt.as_of, basis=flt.as_of_basis)))
    if flt.as_of is not None:
        out.print(f"as of {flt.as_of} ({flt.as_of_basis})", highlight=False)


@app.command()
def failures(
    db: DbOption = None,
    stage: Annotated[str | None, typer.Option(help="Only this stage.")] = None,
    config: ConfigOption = None,
) -> None:
    """List the items that could not be read or coded, with the reason."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        found = list(store.iter_failures(stage))
    out.print(render_failures(found))
    out.print(f"{len(found)} failures", highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="FTS5 query, e.g. 'wheat AND Cuba'.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    config: ConfigOption = None,
) -> None:
    """Full-text search over stored articles."""
    settings = settings_for(config)
    with open_store(db, settings) as store:
        try:
            hits = store.search(query, limit)
        except BilatError as exc:
            raise fail(str(exc)) from exc
    table = Table(title=f"Articles matching {query!r}", expand=True)
    table.add_column("article")
    table.add_column("snippet", overflow="fold")
    for article_id, snippet in hits:
        table.add_row(article_id, snippet)
    out.print(table)


@app.command("eval")
def eval_(
    articles: Annotated[Path, typer.Argument(help="Articles (JSONL or any readable source).")],
    gold: Annotated[Path, typer.Argument(help="Gold annotations (seeds format).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    details: Annotated[bool, typer.Option(help="List misses and spurious mentions.")] = False,
    workers: Annotated[int, typer.Option(min=1)] = 1,
    projects: Annotated[
        Path | None,
        typer.Option(
            "--projects",
            help="Project timeline gold (default: projects_gold.jsonl beside the articles).",
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Score bilat against gold events (the seeds' matching rule), and project timelines."""
    from bilat.cli.evalview import render_eval
    from bilat.eval.run import evaluate

    settings = settings_for(config)
    for path in (articles, gold, *([projects] if projects else [])):
        if not path.exists():
            raise fail(f"{path}: no such file")
    try:
        result = evaluate(articles, gold, settings, workers=workers, projects_gold=projects)
    except BilatError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print(json.dumps(result.summary))
    else:
        out.print(render_eval(result, details))


def version_callback(value: bool) -> None:
    if value:
        print(f"bilat {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True)
    ] = False,
) -> None:
    """bilat: PLOVER events between countries, each tied to its sentence and outlet."""


import bilat.cli.actors  # noqa: E402  (registers `bilat actors`, `bilat actor`)
import bilat.cli.projects  # noqa: E402  (registers `bilat projects`, `bilat project`)
import bilat.cli.suite  # noqa: E402, F401  (registers `bilat eval-suite`)
