"""Options shared by all stages of one pipeline run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.config import Limits, processed_dir


@dataclass(slots=True)
class PipelineOptions:
    limits: Limits = field(default_factory=Limits)
    password: str | None = None  # for encrypted PDFs
    ocr_lang: str = "vie"
    ocr_workers: int = 1  # pages OCRed in parallel inside one document
    cache_dir: Path | None = field(default_factory=lambda: processed_dir() / "ocr-cache")
    repair: bool = True  # run the repair stage when the garbling score says so
