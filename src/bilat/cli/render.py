"""Rich renderings for the CLI: tables of events and stats, an article with its evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from bilat.models import ActorSpan, Article, Event, Failure, Mention
from bilat.store import StoreStats


def dyad(m: Mention) -> str:
    return f"{'+'.join(m.countries('actor')) or '?'} → {'+'.join(m.countries('recipient')) or '?'}"


def describe_sources(event: Event) -> str:
    """Independent outlets, with copies (reposts, translations) counted apart."""
    copies = len(event.copy_doc_ids)
    if not copies:
        return str(event.source_count)
    return f"{event.source_count} (+{copies} {'copy' if copies == 1 else 'copies'})"


def describe_event(event: Event) -> Text:
    """The id, and a marker when its reports disagree (what about, from the contradictions)."""
    text = Text(event.id)
    if event.contested:
        about = ", ".join(
            sorted(
                {
                    c.kind if c.about == c.kind else f"{c.kind} ({c.about})"
                    for c in event.contradictions
                }
            )
        )
        text.append(f"\ncontested: {about}", style="bold red")
    return text


def render_events(rows: Iterable[tuple[Event, list[Mention]]]) -> Table:
    table = Table(title="Events", show_lines=True, expand=True)
    for name in ("event", "date", "type", "dyad", "sources", "evidence (first mention)"):
        table.add_column(name, overflow="fold")
    for event, mentions in rows:
        first = mentions[0] if mentions else None
        evidence = Text()
        if first is not None:
            evidence.append(first.event_text[:240])
            evidence.append(f"\n— {', '.join(event.outlets) or first.doc_id}", style="dim")
        table.add_row(
            describe_event(event),
            event.date or "",
            event.event,
            f"{'+'.join(event.actor_countries) or '?'} → "
            f"{'+'.join(event.recipient_countries) or '?'}",
            describe_sources(event),
            evidence,
        )
    return table


def render_mentions(mentions: Iterable[Mention]) -> Table:
    table = Table(title="Mentions", show_lines=True, expand=True)
    for name in ("doc", "date", "type", "dyad", "figures", "conf", "evidence"):
        table.add_column(name, overflow="fold")
    for m in mentions:
        table.add_row(
            m.doc_id,
            m.date or "",
            m.event + (f"/{m.mode}" if m.mode else ""),
            dyad(m),
            "; ".join(f.text for f in m.figures),
            f"{m.confidence:.2f}",
            m.event_text[:240],
        )
    return table


def render_stats(stats: StoreStats) -> Group:
    head = Table(title="bilat store", show_header=False)
    head.add_column("what")
    head.add_column("count", justify="right")
    for name, value in (
        ("articles", stats.articles),
        ("mentions", stats.mentions),
        ("events", stats.events),
        ("failures", stats.failures),
    ):
        head.add_row(name, str(value))
    types = Table(title="Events by PLOVER type")
    types.add_column("type")
    types.add_column("events", justify="right")
    types.add_column("mentions", justify="right")
    for name in sorted(stats.events_by_type, key=lambda k: -stats.events_by_type[k]):
        types.add_row(name, str(stats.events_by_type[name]), str(stats.by_type.get(name, 0)))
    dyads = Table(title="Top dyads (actor → recipient)")
    dyads.add_column("dyad")
    dyads.add_column("mentions", justify="right")
    for src, tgt, n in stats.top_dyads:
        dyads.add_row(f"{src} → {tgt}", str(n))
    parts: list[Table] = [head, types, dyads]
    if stats.failures_by_stage:
        fails = Table(title="Failures by stage")
        fails.add_column("stage")
        fails.add_column("count", justify="right")
        for stage, n in sorted(stats.failures_by_stage.items()):
            fails.add_row(stage, str(n))
        parts.append(fails)
    return Group(*parts)


def render_failures(failures: Iterable[Failure]) -> Table:
    table = Table(title="Failures", expand=True)
    for name in ("when", "stage", "item", "reason"):
        table.add_column(name, overflow="fold")
    for f in failures:
        table.add_row(f.at.strftime("%Y-%m-%d %H:%M:%S"), f.stage, f.item, f.reason)
    return table


def highlight_article(
    article: Article, mentions: Sequence[Mention], actors: Sequence[ActorSpan] = ()
) -> Text:
    """The article text with evidence sentences underlined, triggers bold, actors coloured."""
    text = Text(article.text)
    for m in mentions:
        text.stylize("underline", m.text_info.start, m.text_info.end)
        if m.trigger is not None:
            text.stylize("bold magenta", m.trigger.start, m.trigger.end)
        for f in m.figures:
            if f.span is not None:
                text.stylize("bold yellow", f.span.start, f.span.end)
    for a in actors:
        text.stylize("cyan", a.start, a.end)
    return text


def describe_article(article: Article) -> str:
    bits = [
        f"id: {article.id}",
        f"outlet: {article.outlet or '-'}",
        f"published: {article.published or '-'}",
        f"language: {article.language or '-'}",
    ]
    if article.url:
        bits.append(f"url: {article.url}")
    return "  ".join(bits)
