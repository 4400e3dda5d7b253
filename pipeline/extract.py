"""Stage: run every extractor over the final text (offsets point into ``doc.text``)."""

from __future__ import annotations

from extractors import extract_all
from kehoach.document import Document
from pipeline.options import PipelineOptions


def extract(doc: Document, options: PipelineOptions) -> Document:
    with doc.timed("extract"):
        doc.extraction = extract_all(doc.text)
    return doc
