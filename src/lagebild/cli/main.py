"""The `lagebild` command line: analyse articles, store them, evaluate the models."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from lagebild.cli import commands
from lagebild.errors import ReadError
from lagebild.read.article import Article
from lagebild.read.sources import DEFAULT_MAX_MB, iter_paths, read_inputs

app = typer.Typer(
    help="German news into data: entities, quotations (speaker, source), PLOVER events.",
    no_args_is_help=True,
    add_completion=False,
)
evaluate_app = typer.Typer(help="Score the models on annotated data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
commands.register(app)

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


class OutputFormat(StrEnum):
    json = "json"
    table = "table"
    none = "none"


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Annotated[
        str | None,
        typer.Option(help="Store results: a SQLite file path or a SQLAlchemy URL."),
    ] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="What to print on stdout.")
    ] = OutputFormat.json,
    kb: Annotated[
        list[Path] | None, typer.Option(help="Extra knowledge-base file (JSONL); repeatable.")
    ] = None,
    max_mb: Annotated[float, typer.Option(help="Largest text/HTML file to read, in MB.")] = (
        DEFAULT_MAX_MB
    ),
) -> None:
    """Analyse articles and print one JSON object per article (or a table); optionally store."""
    from lagebild.analysis import analyze_article
    from lagebild.nlp.pipeline import load
    from lagebild.store.database import open_database, store_analysis

    nlp = load(kb_paths=kb or [])
    engine = open_database(db) if db else None
    counts = {"read": 0, "stored": 0, "duplicate": 0, "failed": 0, "non_german": 0}
    total = sum(1 for _ in iter_paths(paths)) if "-" not in paths else None
    with _progress(total) as progress:
        task = progress.add_task("analysing", total=total)
        for item in read_inputs(paths, max_mb=max_mb):
            if isinstance(item, ReadError):
                counts["failed"] += 1
                stderr.print(f"[red]error[/red] {item}", highlight=False)
                progress.advance(task)
                continue
            counts["read"] += 1
            _warn_language(item, counts)
            analysis = analyze_article(nlp, item)
            if output is OutputFormat.json:
                sys.stdout.write(json.dumps(analysis, ensure_ascii=False) + "\n")
            elif output is OutputFormat.table:
                from lagebild.cli.output import print_table

                print_table(stdout, analysis)
            if engine is not None:
                result = store_analysis(engine, analysis, item.content_hash)
                counts["stored" if result.stored else "duplicate"] += 1
            if not _is_jsonl_line(item):
                progress.advance(task)
    _summarise(counts, db)
    if counts["read"] == 0:
        raise typer.Exit(code=1)


def _progress(total: int | None) -> Progress:
    """A progress bar on stderr, shown only on a terminal and for more than a few inputs."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty() or (total is not None and total < 5),
    )


def _warn_language(article: Article, counts: dict[str, int]) -> None:
    if article.language not in (None, "de"):
        counts["non_german"] += 1
        stderr.print(
            f"[yellow]warning[/yellow] {article.source}: language is '{article.language}', "
            "not German; results will be poor (stored anyway)",
            highlight=False,
        )


def _is_jsonl_line(article: Article) -> bool:
    source = article.source or ""
    return ":" in source and source.rsplit(":", 1)[1].isdigit() and not Path(source).exists()


def _summarise(counts: dict[str, int], db: str | None) -> None:
    parts = [f"{counts['read']} read", f"{counts['failed']} failed"]
    if db:
        parts += [f"{counts['stored']} stored", f"{counts['duplicate']} already stored"]
    if counts["non_german"]:
        parts.append(f"{counts['non_german']} not German")
    if counts["failed"] or db:
        stderr.print("summary: " + ", ".join(parts), highlight=False)


@evaluate_app.command("ner")
def evaluate_ner_command(
    data: Annotated[Path, typer.Option(help="GermEval 2014 TSV (or Europarl IOB) file.")],
    ner_only: Annotated[
        bool,
        typer.Option(
            "--ner-only",
            help="Score the NER model alone, without the entity stage (KB names, merging).",
        ),
    ] = False,
    labels: Annotated[
        str | None,
        typer.Option(help="Comma-separated types to score, e.g. PER,LOC,ORG (default: all)."),
    ] = None,
) -> None:
    """Precision, recall and F1 of the entities lagebild outputs (`doc.ents` after the entity
    stage, which adds knowledge-base names to the NER model's), overall and per type, as JSON."""
    from lagebild.nlp.evaluate_ner import evaluate_ner
    from lagebild.nlp.pipeline import load

    nlp = load(stages=not ner_only)
    for later in ("lagebild_quotes", "lagebild_events"):  # they do not change `doc.ents`
        if later in nlp.pipe_names:
            nlp.disable_pipe(later)
    keep = [label.strip() for label in labels.split(",")] if labels else None
    result = evaluate_ner(nlp, data, keep)
    result["scored"] = "ner model" if ner_only else "ner model + entity stage"
    stdout.print_json(json.dumps(result))


@app.command()
def spark(
    inputs: Annotated[
        list[str], typer.Argument(help="WARC(.gz) or JSONL paths or globs; any Hadoop URI.")
    ],
    out: Annotated[str, typer.Option(help="Output folder (local path or Hadoop URI).")],
    master: Annotated[
        str | None, typer.Option(help="Spark master; default: spark-submit's, else local[*].")
    ] = None,
    partitions: Annotated[int | None, typer.Option(help="Minimum input partitions.")] = None,
    kb: Annotated[
        list[Path] | None, typer.Option(help="Extra knowledge-base file (JSONL); repeatable.")
    ] = None,
) -> None:
    """Run the pipeline on Apache Spark: Parquet per kind (by date) plus PLOVER events."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        stderr.print('[red]error[/red] PySpark is not installed: pip install "lagebild[spark]"')
        raise typer.Exit(code=2) from None
    from lagebild.spark.job import run_job

    counts = run_job(inputs, out, master=master, partitions=partitions,
                     kb_paths=[str(p) for p in kb or []])
    stderr.print(
        "written: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()), highlight=False
    )


DEFAULT_QUOTES_DEV = Path("../shared/data/quotes-de-news/dev")


@evaluate_app.command("quotes")
def evaluate_quotes_command(
    data: Annotated[
        Path, typer.Option(help="Folder of quotation-corpus JSON files.")
    ] = DEFAULT_QUOTES_DEV,
    write_predictions: Annotated[
        Path | None, typer.Option(help="Folder for predictions in the corpus's JSON schema.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full JSON report.")] = False,
) -> None:
    """Quote P/R/F1 (token overlap, one-to-one matching), roles within matches, per type."""
    from lagebild.nlp.pipeline import load
    from lagebild.quotes.evaluate import evaluate_quotes, format_report

    if not data.is_dir():
        stderr.print(f"[red]error[/red] {data}: not a folder of corpus JSON files")
        raise typer.Exit(code=2)
    result = evaluate_quotes(load(), data, write_predictions=write_predictions)
    if as_json:
        stdout.print_json(json.dumps(result))
    else:
        sys.stdout.write(format_report(result) + "\n")


@evaluate_app.command("events")
def evaluate_events_command(
    gold: Annotated[Path | None, typer.Option(help="Event annotations (JSONL).")] = None,
    data: Annotated[
        Path, typer.Option(help="Folder with the annotated corpus documents.")
    ] = DEFAULT_QUOTES_DEV,
) -> None:
    """Event P/R/F1 for type and type+actor+recipient, location and date accuracy, as JSON."""
    from lagebild.events.evaluate import GOLD_PATH, evaluate_events
    from lagebild.nlp.pipeline import load

    if not data.is_dir():
        stderr.print(f"[red]error[/red] {data}: not a folder of corpus JSON files")
        raise typer.Exit(code=2)
    result = evaluate_events(load(), gold or GOLD_PATH, data)
    stdout.print_json(json.dumps(result))


def main() -> None:
    """Entry point for `python -m lagebild`."""
    app()
