"""Settings read from the environment, with the SPEC's defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROCESSED = PROJECT_ROOT / "data" / "processed"


def processed_dir() -> Path:
    """Where text versions, OCR caches and the SQLite store live (``KEHOACH_PROCESSED`` overrides)."""
    return Path(os.environ.get("KEHOACH_PROCESSED", DEFAULT_PROCESSED))


def default_db_url() -> str:
    """``KEHOACH_DB`` if set, else the embedded SQLite file under ``data/processed/``."""
    url = os.environ.get("KEHOACH_DB")
    if url:
        return url
    return f"sqlite:///{processed_dir() / 'kehoach.sqlite'}"


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document resource limits; one document must never stall or kill a batch."""

    max_pages: int = int(os.environ.get("KEHOACH_MAX_PAGES", "500"))
    max_pixels: int = int(os.environ.get("KEHOACH_MAX_PIXELS", str(12_000 * 12_000)))
    max_bytes: int = int(os.environ.get("KEHOACH_MAX_BYTES", str(512 * 1024 * 1024)))
    seconds_per_document: float = float(os.environ.get("KEHOACH_DOC_TIMEOUT", "900"))
