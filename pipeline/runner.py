"""The whole order of the pipeline, in one short list (OCRmyPDF's ``_pipelines/ocr.py``).

Every stage takes the :class:`Document` being processed and returns it; stages never call each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kehoach.document import Document
from pipeline.extract import extract
from pipeline.language import language
from pipeline.normalize import normalize
from pipeline.options import PipelineOptions
from pipeline.read import read
from pipeline.repair import repair
from pipeline.segment import segment

Stage = Callable[[Document, PipelineOptions], Document]

#: from a file to its text (the only stage that touches the file)
READ_STAGES: tuple[Stage, ...] = (read,)
#: from the raw text to the extraction: re-run alone to re-extract from stored text
TEXT_STAGES: tuple[Stage, ...] = (normalize, language, repair, segment, extract)
PIPELINE: tuple[Stage, ...] = READ_STAGES + TEXT_STAGES


def run_stages(doc: Document, stages: Sequence[Stage], options: PipelineOptions) -> Document:
    for stage in stages:
        doc = stage(doc, options)
    return doc


def process_file(path: Path, options: PipelineOptions | None = None) -> Document:
    """Read, repair and extract one file; raises :class:`kehoach.errors.InputError` for bad input."""
    return run_stages(Document(path=Path(path)), PIPELINE, options or PipelineOptions())


def process_text(raw_text: str, path: Path | str = "-", options: PipelineOptions | None = None) -> Document:
    """Run the text stages over text that needs no reading (stdin, stored raw text)."""
    doc = Document(path=Path(path), kind="text")
    doc.add_text("raw", raw_text)
    return run_stages(doc, TEXT_STAGES, options or PipelineOptions())
