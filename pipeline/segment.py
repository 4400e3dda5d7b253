"""Stage: recognise the sections of the final text (I./II., 1./2., a)/b), bullets) with their numbering."""

from __future__ import annotations

from extractors.sections import parse_sections
from kehoach.document import Document, Section
from pipeline.options import PipelineOptions


def segment(doc: Document, options: PipelineOptions) -> Document:
    with doc.timed("segment"):
        doc.sections = [
            Section(number=s.number, title=s.title, level=s.level, start=s.start, end=s.end)
            for s in parse_sections(doc.text)
        ]
    return doc
