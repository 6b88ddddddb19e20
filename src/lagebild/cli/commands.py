"""`lagebild ingest|quotes|events|entities|search|export|serve`: working with a database."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from sqlalchemy import Connection

from lagebild.cli.tables import RowFormat, print_rows
from lagebild.read.sources import DEFAULT_MAX_MB
from lagebild.store.queries import (
    Filters,
    Page,
    list_articles,
    list_entities,
    list_events,
    list_quotes,
)

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file path or SQLAlchemy URL.")]
WhoOption = Annotated[str | None, typer.Option(help="Name (part) or id / KB id, e.g. Q567.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="Type to keep.")]
FromOption = Annotated[str | None, typer.Option("--from", help="First date, e.g. 2024-02.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last date (inclusive).")]
MediumOption = Annotated[str | None, typer.Option(help="Outlet (part of its name).")]
CountryOption = Annotated[str | None, typer.Option(help="ISO-3 country code, e.g. FRA.")]
TextOption = Annotated[str | None, typer.Option("--text", help="Full-text query.")]
LimitOption = Annotated[int, typer.Option(help="Rows to show.")]
OffsetOption = Annotated[int, typer.Option(help="Rows to skip.")]
FormatOption = Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")]

Listing = Callable[[Connection, Filters], Page]  # a read-side query from lagebild.store.queries


class _RateColumn(ProgressColumn):
    """Articles per second, measured by rich over the last few seconds."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:5.1f} articles/s" if speed else "  –  articles/s")


def register(app: typer.Typer) -> None:
    """Add the database commands to the main typer app."""
    app.command("ingest")(ingest_command)
    app.command("quotes")(quotes_command)
    app.command("events")(events_command)
    app.command("entities")(entities_command)
    app.command("search")(search_command)
    app.command("export")(export_command)
    app.command("serve")(serve_command)


def ingest_command(
    sources: Annotated[list[str], typer.Argument(
        help="Files, directories, JSONL, HTML, WARC(.gz), RSS/Atom files or feed URLs.")],
    db: DbOption,
    workers: Annotated[int | None, typer.Option(
        help="Worker processes (default: all cores).")] = None,
    kb: Annotated[list[Path] | None, typer.Option(
        help="Extra knowledge-base file (JSONL); repeatable.")] = None,
    max_mb: Annotated[float, typer.Option(help="Largest text/HTML file, in MB.")] = DEFAULT_MAX_MB,
    quiet: Annotated[bool, typer.Option(help="No per-input error lines.")] = False,
) -> None:
    """Analyse and store many articles in parallel; known articles are skipped before analysis,
    and an interrupted run resumes where it stopped."""
    from lagebild.ingest.runner import IngestSummary, default_workers, ingest
    from lagebild.store.database import open_database

    engine = open_database(db)
    count = workers or default_workers()
    progress = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty(),
    )
    total = _count_inputs(sources)
    with progress:
        task = progress.add_task("ingest", total=total)

        def on_progress(summary: IngestSummary) -> None:
            progress.update(task, completed=summary.stored + summary.duplicate + summary.failed)

        def on_error(message: str) -> None:
            if not quiet:
                stderr.print(f"[red]error[/red] {message}", highlight=False)

        summary = ingest(engine, sources, workers=count, kb_paths=[str(p) for p in kb or []],
                         max_mb=max_mb, on_progress=on_progress, on_error=on_error)
    stderr.print(f"summary ({count} workers): {summary.line()}", highlight=False)
    if summary.interrupted:
        raise typer.Exit(code=130)
    if summary.read == 0:
        raise typer.Exit(code=1)


def _count_inputs(sources: list[str]) -> int | None:
    """Total for the progress bar when every input is one article (plain files), else None."""
    from lagebild.read.sources import iter_paths

    paths = list(iter_paths(sources))
    multi = (".jsonl", ".ndjson", ".warc", ".gz", ".rss", ".atom", ".xml", ".arc")
    if any(p == "-" or p.startswith(("http://", "https://")) or p.lower().endswith(multi)
           for p in paths):
        return None
    return len(paths)


def _filters(who: str | None = None, type_: str | None = None, date_from: str | None = None,
             date_to: str | None = None, medium: str | None = None, country: str | None = None,
             text: str | None = None, limit: int = 50, offset: int = 0) -> Filters:
    return Filters(who=who, type=type_, date_from=date_from, date_to=date_to, medium=medium,
                   country=country, text=text, limit=limit, offset=offset)


def _print_page(db: str, listing: Listing, filters: Filters, fmt: RowFormat, *, title: str,
                columns: list[str] | None = None) -> None:
    """Run one query and print its page. The query commands differ only in their options, the
    listing and the table's columns, so opening the database and rendering live here once."""
    from lagebild.store.database import open_database

    with open_database(db).connect() as connection:
        page = listing(connection, filters)
    print_rows(stdout, page.items, fmt, title=title, total=page.total, columns=columns)


def quotes_command(
    db: DbOption, speaker: WhoOption = None, type_: TypeOption = None,
    date_from: FromOption = None, date_to: ToOption = None, medium: MediumOption = None,
    country: CountryOption = None, text: TextOption = None, limit: LimitOption = 50,
    offset: OffsetOption = 0, fmt: FormatOption = RowFormat.table,
) -> None:
    """Stored quotations: speaker → quote → source, filterable."""
    filters = _filters(speaker, type_, date_from, date_to, medium, country, text, limit, offset)
    _print_page(db, list_quotes, filters, fmt, title="Quotes",
                columns=["date", "medium", "speaker", "cue", "text", "source"])


def events_command(
    db: DbOption, actor: WhoOption = None, type_: TypeOption = None,
    date_from: FromOption = None, date_to: ToOption = None, medium: MediumOption = None,
    country: CountryOption = None, text: TextOption = None, limit: LimitOption = 50,
    offset: OffsetOption = 0, fmt: FormatOption = RowFormat.table,
) -> None:
    """Stored PLOVER events (actor or recipient matching `--actor`), filterable."""
    filters = _filters(actor, type_, date_from, date_to, medium, country, text, limit, offset)
    _print_page(db, list_events, filters, fmt, title="Events",
                columns=["article_date", "type", "mode", "actor", "recipient", "date", "evidence"])


def entities_command(
    db: DbOption, name: WhoOption = None, type_: TypeOption = None,
    date_from: FromOption = None, date_to: ToOption = None, medium: MediumOption = None,
    country: CountryOption = None, text: TextOption = None, limit: LimitOption = 50,
    offset: OffsetOption = 0, fmt: FormatOption = RowFormat.table,
) -> None:
    """Entities across stored articles, most reported first."""
    filters = _filters(name, type_, date_from, date_to, medium, country, text, limit, offset)
    _print_page(db, list_entities, filters, fmt, title="Entities")


def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur; word* = prefix).")],
    db: DbOption, entity: WhoOption = None, date_from: FromOption = None,
    date_to: ToOption = None, medium: MediumOption = None, country: CountryOption = None,
    limit: LimitOption = 20, offset: OffsetOption = 0, fmt: FormatOption = RowFormat.table,
) -> None:
    """Full-text search over stored articles, best match first (German spelling-insensitive)."""
    filters = _filters(entity, None, date_from, date_to, medium, country, query, limit, offset)
    _print_page(db, list_articles, filters, fmt, title=f"Search: {query}",
                columns=["id", "date", "medium", "title", "snippet"])


class ExportKind(StrEnum):
    articles = "articles"
    entities = "entities"
    quotes = "quotes"
    events = "events"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


def export_command(
    kind: Annotated[ExportKind, typer.Argument(help="What to export.")],
    db: DbOption,
    out: Annotated[Path, typer.Option(help="Output file.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    date_from: FromOption = None, date_to: ToOption = None, medium: MediumOption = None,
) -> None:
    """Write articles, entities, quotes or events to JSONL, CSV or Parquet (events: PLOVER)."""
    from lagebild.store.database import open_database
    from lagebild.store.export import ExportError, export

    filters = Filters(date_from=date_from, date_to=date_to, medium=medium)
    try:
        count = export(open_database(db), kind.value, fmt.value, out, filters)
    except ExportError as error:
        stderr.print(f"[red]error[/red] {error}", highlight=False)
        raise typer.Exit(code=2) from None
    stderr.print(f"{count} {kind.value} written to {out}", highlight=False)


def serve_command(
    db: DbOption,
    host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allow_write: Annotated[bool, typer.Option(
        help="Enable POST /api/ingest (needs --token).")] = False,
    token: Annotated[str | None, typer.Option(
        help="Bearer token for writing endpoints.", envvar="LAGEBILD_TOKEN")] = None,
    max_mb: Annotated[float, typer.Option(help="Largest request body, in MB.")] = 1.0,
) -> None:
    """HTTP API (/api, OpenAPI at /openapi.json, docs at /docs) and the web page (/)."""
    import uvicorn

    from lagebild.api.app import create_app

    if allow_write and not token:
        stderr.print("[red]error[/red] --allow-write needs --token (or LAGEBILD_TOKEN)")
        raise typer.Exit(code=2)
    app = create_app(db, allow_write=allow_write, token=token,
                     max_bytes=int(max_mb * 1024 * 1024))
    stderr.print(f"lagebild serving {db} on http://{host}:{port}/", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
