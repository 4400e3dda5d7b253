"""Batch ingestion: files and folders into the store, in parallel, one transaction per document.

Workers run the pipeline and return plain results; only this (parent) process writes to the store
and reports progress (OCRmyPDF's executor model). A file that fails is recorded with its error and
the batch goes on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from extractors import EXTRACTOR_VERSION
from kehoach.artifacts import write_text_versions
from kehoach.document import Document
from kehoach.errors import InputError, ResourceLimitError, StoreError
from kehoach.store import Store, StoredText
from pipeline.options import PipelineOptions
from pipeline.runner import PIPELINE, TEXT_STAGES, run_stages

Status = Literal["loaded", "skipped", "failed", "reextracted"]
REEXTRACT_BATCH = 50  # stored documents read into memory at once when re-extracting


@dataclass(slots=True)
class IngestResult:
    path: Path
    status: Status
    sha256: str | None = None
    kind: str | None = None
    error: str | None = None
    document_id: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Every regular, non-hidden file under ``paths``, each once, in a stable order.

    Folders are walked without following symbolic links to folders, so a symlink loop cannot
    trap the walk; a file reached twice (through a link) is taken once.
    """
    seen: set[Path] = set()
    out: list[Path] = []
    for path in paths:
        for file in _walk(Path(path)):
            real = file.resolve()
            if real not in seen:
                seen.add(real)
                out.append(file)
    return out


def _walk(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path  # missing or unreadable files are reported by the pipeline, not dropped
        return
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _on_alarm(signum: int, frame: object) -> None:
    raise ResourceLimitError("document took longer than the per-document time limit")


def process_one(path: Path, sha256: str, options: PipelineOptions) -> Document | InputError:
    """Run the pipeline on one file under the per-document time limit (in a worker or in-process).

    The limit is a SIGALRM, which only a main thread can receive: in a Dask worker thread the
    cluster's own task timeouts apply instead.
    """
    timed = threading.current_thread() is threading.main_thread()
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.alarm(max(1, int(options.limits.seconds_per_document)))
    try:
        return run_stages(Document(path=path, sha256=sha256), PIPELINE, options)
    except InputError as exc:
        return exc
    except (OSError, ValueError, MemoryError, RuntimeError) as exc:  # a reader library gave up
        return InputError(f"{type(exc).__name__}: {exc}")
    finally:
        if timed:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def ingest(
    paths: Iterable[Path],
    store: Store,
    options: PipelineOptions | None = None,
    workers: int = 1,
    force: bool = False,
    executor: str = "process",
    scheduler: str | None = None,
    on_total: Callable[[int], None] | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> IngestSummary:
    """Load ``paths`` (files or folders) into ``store``; returns what happened to each file."""
    options = options or PipelineOptions()
    summary = IngestSummary()

    def report(result: IngestResult) -> None:
        summary.results.append(result)
        if on_result:
            on_result(result)

    todo: list[tuple[Path, str]] = []
    files = collect_files(paths)
    if on_total:
        on_total(len(files))
    for path in files:
        try:
            sha = sha256_of(path)
        except OSError as exc:
            report(_failure(store, path, None, f"cannot read file: {exc.strerror or exc}"))
            continue
        if not force and store.has_document(sha):
            report(IngestResult(path=path, status="skipped", sha256=sha))
        else:
            todo.append((path, sha))

    if len(todo) == 1 and executor == "process":  # one document: give its pages the workers instead
        options = dataclasses.replace(options, ocr_workers=max(options.ocr_workers, workers))
    if executor == "dask":
        from kehoach.distributed import run_on_dask

        outcomes = run_on_dask(todo, options, workers, scheduler, process_one)
    else:
        outcomes = _run(todo, options, workers)
    for path, sha, outcome in outcomes:
        if isinstance(outcome, Document):
            try:
                report(_save(store, outcome, force))
            except StoreError as exc:  # the database refused this one document
                report(_failure(store, path, sha, f"store refused the document: {exc}"))
        else:
            report(_failure(store, path, sha, str(outcome)))
    for result in reextract_stale(store, options):
        report(result)
    return summary


def reextract_stale(store: Store, options: PipelineOptions) -> Iterator[IngestResult]:
    """Re-run the text stages on stored documents extracted by an older extractor version.

    Starts from the stored raw text, so nothing is read or OCRed again.
    """
    stale = store.documents_needing_reextract(EXTRACTOR_VERSION)
    for first in range(0, len(stale), REEXTRACT_BATCH):
        # Read a batch to the end before writing: the reading session of ``stored_texts`` holds a
        # transaction (on SQLite the write lock, since every transaction begins IMMEDIATE), so
        # writing while it is open waits on ourselves until "database is locked".
        for stored in list(store.stored_texts(stale[first : first + REEXTRACT_BATCH])):
            yield _reextract(store, stored, options)


def _reextract(store: Store, stored: StoredText, options: PipelineOptions) -> IngestResult:
    doc = run_stages(stored.as_document(), TEXT_STAGES, options)
    store.update_extraction(stored.document_id, doc.extraction, EXTRACTOR_VERSION, doc.texts, doc.sections)
    write_text_versions(doc)
    return IngestResult(
        path=doc.path, status="reextracted", sha256=doc.sha256, document_id=stored.document_id
    )


def _run(
    todo: list[tuple[Path, str]], options: PipelineOptions, workers: int
) -> Iterator[tuple[Path, str, Document | InputError]]:
    if workers <= 1 or len(todo) <= 1:
        for path, sha in todo:
            yield path, sha, process_one(path, sha, options)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future, tuple[Path, str]] = {
            pool.submit(process_one, path, sha, options): (path, sha) for path, sha in todo
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                path, sha = pending.pop(future)
                try:
                    outcome = future.result()
                except Exception as exc:  # a worker died (killed, out of memory)
                    outcome = InputError(f"worker failed: {type(exc).__name__}: {exc}")
                yield path, sha, outcome


def _save(store: Store, doc: Document, force: bool) -> IngestResult:
    write_text_versions(doc)
    document_id = store.save_document(doc, EXTRACTOR_VERSION, force=force)
    return IngestResult(
        path=doc.path,
        status="loaded",
        sha256=doc.sha256,
        kind=doc.kind,
        document_id=document_id,
        warnings=list(doc.warnings),
    )


def _failure(store: Store, path: Path, sha: str | None, error: str) -> IngestResult:
    document_id = store.record_failure(path, sha, None, error)
    return IngestResult(path=path, status="failed", sha256=sha, error=error, document_id=document_id)
