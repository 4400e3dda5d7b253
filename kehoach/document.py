"""The one object that travels through the pipeline stages.

Stages take a :class:`Document` and return it (docling's ``ConversionResult``, OCRmyPDF's
``PageContext``). Every text version is kept by name in ``texts`` so it can be inspected; offsets
of the extraction point into ``text`` (the last version).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from extractors.types import Extraction

Kind = Literal["text", "pdf-text", "pdf-scan", "image", "docx"]
TEXT_VERSIONS = ("raw", "normalized", "repaired")


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    text: str
    method: Literal["text-layer", "ocr", "text"] = "text"
    confidence: float | None = None  # mean Tesseract word confidence, 0-100
    low_confidence: bool = False


@dataclass(slots=True)
class Section:
    number: str  # as written: "I", "1", "a", "-"
    title: str
    level: int
    start: int
    end: int


@dataclass(slots=True)
class Document:
    path: Path
    sha256: str = ""
    kind: Kind | None = None
    pages: list[Page] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # version name -> text, in order of creation
    ocr: dict[str, Any] | None = None  # {"engine", "lang", "mean_confidence"}
    repaired: bool = False
    language: str | None = None
    sections: list[Section] = field(default_factory=list)
    extraction: Extraction | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    password: str | None = None

    @property
    def text(self) -> str:
        """The latest text version: what extraction offsets refer to."""
        if not self.texts:
            return ""
        return next(reversed(self.texts.values()))

    def add_text(self, version: str, text: str) -> None:
        self.texts[version] = text

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - t0

    def source_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "kind": self.kind,
            "pages": len(self.pages) or 1,
            "ocr": self.ocr,
            "repaired": self.repaired,
        }

    def to_json_dict(self) -> dict[str, Any]:
        """The SPEC's extraction JSON."""
        out: dict[str, Any] = {"source": self.source_dict(), "text": self.text}
        out.update((self.extraction or Extraction()).to_dict())
        return out
