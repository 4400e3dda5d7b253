"""The ``kehoach`` command: a thin face over the library (see SPEC.md for the contract).

Errors: the library raises typed errors (``kehoach.errors``); :func:`main` is the one place that
turns them into a message and an exit code (0 ok, 1 some input failed, 2 usage error).
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kehoach.errors import KehoachError, UsageError

app = typer.Typer(
    help="Turn Vietnamese government plans (Kế hoạch) into a relational store analysts query with SQL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="The project's own measurements against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="KEHOACH_DB", help="SQLAlchemy URL of the store (default: SQLite in data/processed/)."
    ),
]


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Executor(StrEnum):
    process = "process"
    dask = "dask"


class ExtractFormat(StrEnum):
    json = "json"
    summary = "summary"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to load.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="Documents processed in parallel.")] = 2,
    force: Annotated[bool, typer.Option(help="Reload files already in the store.")] = False,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    executor: Annotated[Executor, typer.Option(help="process: local process pool; dask: a Dask cluster.")] = (
        Executor.process
    ),
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
    ] = None,
) -> None:
    """Load files or folders into the store (idempotent by SHA-256); exit 1 if any file failed."""
    from kehoach.ingest import ingest as run_ingest
    from kehoach.store import Store
    from pipeline.options import PipelineOptions

    store = Store.open(db)
    options = PipelineOptions(password=password)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_result(result) -> None:
            progress.advance(task)
            if result.status == "failed":
                err.print(f"[red]FAILED[/] {result.path}: {result.error}", markup=True, highlight=False)
            for warning in result.warnings:
                err.print(f"[yellow]warning[/] {result.path}: {warning}", highlight=False)

        summary = run_ingest(
            paths,
            store,
            options,
            workers=workers,
            force=force,
            executor=executor.value,
            scheduler=scheduler,
            on_total=lambda n: progress.update(task, total=n),
            on_result=on_result,
        )
    totals = store.summary()
    err.print(
        f"loaded {summary.count('loaded')}, skipped {summary.count('skipped')} (already stored), "
        f"re-extracted {summary.count('reextracted')}, failed {summary.count('failed')}"
    )
    err.print(
        f"store: {totals['documents']} documents ({totals['failed']} failed), "
        f"{totals['citations']} citations, {totals['obligations']} obligations — {store.url_for_display}"
    )
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def ocr(
    file: Annotated[Path, typer.Argument(help="PDF or image.")],
    password: Annotated[str | None, typer.Option(help="Password for an encrypted PDF.")] = None,
    workers: Annotated[int, typer.Option(help="Pages OCRed in parallel.")] = 2,
) -> None:
    """Print the text of a PDF or image page by page (OCR where a page has no text layer)."""
    from kehoach.document import Document
    from pipeline.options import PipelineOptions
    from pipeline.read import read

    doc = read(Document(path=file), PipelineOptions(password=password, ocr_workers=workers))
    for i, page in enumerate(doc.pages):
        if i:
            sys.stdout.write("\f\n")
        sys.stdout.write(page.text.rstrip("\n") + "\n")


@app.command()
def repair(
    file: Annotated[str, typer.Argument(help="Text file, or - for standard input.")] = "-",
) -> None:
    """Print the text with Vietnamese diacritics and OCR letter errors repaired (line i stays line i)."""
    from kehoach.repair import Repairer
    from pipeline.read_text import decode_text_bytes

    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    sys.stdout.write(Repairer.load().repair_text(decode_text_bytes(data)))


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="Any supported document.")],
    format: Annotated[ExtractFormat, typer.Option("--format", help="json (the SPEC's) or summary.")] = (
        ExtractFormat.json
    ),
    password: Annotated[str | None, typer.Option(help="Password for an encrypted PDF.")] = None,
) -> None:
    """Run the whole text pipeline on one file and print the extraction, without touching the store."""
    from pipeline.options import PipelineOptions
    from pipeline.runner import process_file

    doc = process_file(file, PipelineOptions(password=password))
    data = doc.to_json_dict()
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for key in ("citations", "dates", "indicators", "dimensions", "people", "obligations"):
        out.print(f"{key}: {len(data[key])}")
    out.print_json(data=data["document"])


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One read-only SQL statement.")],
    db: DbOption = None,
    format: Annotated[QueryFormat, typer.Option("--format")] = QueryFormat.table,
) -> None:
    """Run a read-only query on the store; a statement that would write is refused."""
    from kehoach.store import Store

    columns, rows = Store.open(db).query(sql)
    if format is QueryFormat.json:
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, default=str, indent=2) + "\n")
    elif format is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)


@app.command()
def synth(
    text_file: Annotated[Path, typer.Argument(help="Text to render as a scan.")],
    out_pdf: Annotated[Path, typer.Option("--out", help="The scanned PDF to write.")],
    quality: Annotated[str, typer.Option(help="clean, office, poor or photo.")] = "office",
    seed: Annotated[int, typer.Option(help="Random seed (degradation is reproducible).")] = 0,
) -> None:
    """Render text as a degraded scanned PDF, with the exact ground truth beside it (.gt.txt)."""
    from kehoach.synth import synth_scan

    if quality not in {"clean", "office", "poor", "photo"}:
        raise UsageError(f"unknown quality {quality!r}: use clean, office, poor or photo")
    path = synth_scan(_read_text_file(text_file), out_pdf, quality=quality, seed=seed)
    err.print(f"wrote {path} and {path.with_suffix('.gt.txt')}")


def _read_text_file(path: Path) -> str:
    from pipeline.read_text import read_text_file

    return read_text_file(path)


def main() -> None:
    """Entry point: run the app and map errors to exit codes in this one place.

    Click itself answers usage errors (exit 2) and exits on success; kehoach's typed errors carry
    their own exit code (``kehoach.errors``).
    """
    try:
        app()
    except KehoachError as exc:
        err.print(f"kehoach: error: {exc}", highlight=False, markup=False)
        sys.exit(exc.exit_code)
    except FileNotFoundError as exc:
        err.print(f"kehoach: error: no such file: {exc.filename}", highlight=False, markup=False)
        sys.exit(2)


@eval_app.command("repair")
def eval_repair(
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Corpus folder with legal_docs.txt.xz (default ../shared/corpus or KEHOACH_CORPUS)."
        ),
    ] = None,
    max_lines: Annotated[int, typer.Option(help="Held-out paragraphs to score.")] = 1500,
    bench: Annotated[
        bool, typer.Option(help="Also measure speed and pyvi's add_accents side by side.")
    ] = False,
) -> None:
    """Syllable accuracy and CER of repair: stripped held-out text, eng/vie OCR pages, clean seeds."""
    from kehoach.evaluation.repair import bench_repair, evaluate_repair, format_report
    from kehoach.repair.corpus import CORPUS

    corpus = corpus or CORPUS
    sys.stdout.write(format_report(evaluate_repair(corpus=corpus, max_lines=max_lines)) + "\n")
    if bench:
        sys.stdout.write(format_report(bench_repair(corpus=corpus, max_lines=max_lines)) + "\n")


@eval_app.command("ocr")
def eval_ocr(
    scan_dir: Annotated[
        Path, typer.Argument(help="Folder of scanned PDFs, each with NAME.gt.txt beside it.")
    ],
    workers: Annotated[int, typer.Option(help="Pages OCRed in parallel.")] = 2,
    baseline: Annotated[bool, typer.Option(help="Also run bare Tesseract page after page.")] = True,
) -> None:
    """OCR CER/WER per quality level against ground truth, pages/s and peak memory, vs bare Tesseract."""
    from kehoach.evaluation.ocr import evaluate_ocr, format_report

    sys.stdout.write(format_report(evaluate_ocr(scan_dir, workers=workers, baseline=baseline)) + "\n")


@eval_app.command("extract")
def eval_extract(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (format of tests/gold/).")],
    docs: Annotated[
        Path | None,
        typer.Option(
            help="Folder holding the documents, matched to gold files by stem [default: data/raw, or the"
            " set's docs/ for a set rebuilt from the corpus]."
        ),
    ] = None,
    format: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.summary,
    misses: Annotated[
        bool,
        typer.Option(help="Also list, per document, each gold item missed, extra item and wrong attribute."),
    ] = False,
) -> None:
    """Score the pipeline's extraction against gold files: P/R/F1 per field, attribute accuracy."""
    from kehoach.evaluation.corpus_docs import corpus_sources
    from kehoach.evaluation.extract import aggregate, format_misses, format_report, score_document
    from pipeline.runner import process_file

    if docs is None:
        # a set whose texts are written from the corpus keeps them in its own docs/, never in data/raw
        docs = gold_dir.parent / "docs" if corpus_sources(gold_dir.parent) else Path("data/raw")
    _rebuild_corpus_docs(gold_dir.parent, docs)
    scores = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        source = _find_source(docs, gold_file.stem)
        predicted = process_file(source).to_json_dict()
        score = score_document(predicted, json.loads(gold_file.read_text(encoding="utf-8")))
        score["document"] = gold_file.stem
        scores.append(score)
    if not scores:
        raise UsageError(f"no gold files (*.json) in {gold_dir}")
    result = aggregate(scores)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(format_report(result) + "\n")
    if misses:
        sys.stdout.write(format_misses(scores) + "\n")


def _rebuild_corpus_docs(set_dir: Path, docs: Path) -> None:
    """A set whose documents may not be committed (``corpus_lines.tsv``) is written from the corpus."""
    from kehoach.evaluation.corpus_docs import corpus_sources, write_corpus_docs

    sources = corpus_sources(set_dir)
    if not sources or all((docs / f"{stem}.txt").is_file() for stem, *_ in sources):
        return
    try:
        write_corpus_docs(set_dir, docs)
    except FileNotFoundError as exc:
        raise UsageError(f"{set_dir} is rebuilt from the corpus, which is not here: {exc}") from exc


def _find_source(folder: Path, stem: str) -> Path:
    matches = sorted(p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".gt.txt"))
    if not matches:
        raise UsageError(f"no document named {stem}.* in {folder} for its gold file")
    return matches[0]
