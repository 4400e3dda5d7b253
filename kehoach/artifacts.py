"""Inspectable artifacts: every text version of a document as a file under ``data/processed/``.

``data/processed/texts/<first 16 hex of sha256>/raw.txt``, ``normalized.txt``, ``repaired.txt``
(and ``pages/0001.txt`` ... for paged sources), so a reader can diff what each stage did.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.config import processed_dir
from kehoach.document import Document


def text_dir(sha256: str, root: Path | None = None) -> Path:
    return (root or processed_dir()) / "texts" / sha256[:16]


def write_text_versions(doc: Document, root: Path | None = None) -> Path:
    folder = text_dir(doc.sha256, root)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in doc.texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    if len(doc.pages) > 1:
        pages = folder / "pages"
        pages.mkdir(exist_ok=True)
        for page in doc.pages:
            (pages / f"{page.number:04d}.txt").write_text(page.text, encoding="utf-8")
    return folder
