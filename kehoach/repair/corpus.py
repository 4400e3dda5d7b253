"""Where the language model's training text and its held-out evaluation slice come from.

The corpus lives on development machines only (``../shared/corpus`` beside the repository, or
``KEHOACH_CORPUS``); nothing at run time reads
it. Both ``scripts/build_lm.py`` and the repair evaluation use :func:`heldout_lines`, so the slice
that is measured is exactly the slice that was never trained on.
"""

from __future__ import annotations

import lzma
import os
from collections.abc import Iterator
from pathlib import Path

from kehoach.config import PROJECT_ROOT

CORPUS = Path(os.environ.get("KEHOACH_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus"))
HELDOUT_FILE = "legal_docs.txt.xz"
HELDOUT_EVERY = 50  # every 50th non-empty paragraph of legal_docs is held out


def read_lines(name: str, corpus: Path = CORPUS) -> Iterator[str]:
    """Non-empty, stripped lines of one xz-compressed corpus file."""
    with lzma.open(corpus / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield line


def is_heldout(name: str, line_number: int) -> bool:
    return name == HELDOUT_FILE and line_number % HELDOUT_EVERY == 0


def heldout_lines(corpus: Path = CORPUS) -> Iterator[str]:
    """The evaluation slice: every 50th non-empty paragraph of legal_docs (never trained on)."""
    for i, line in enumerate(read_lines(HELDOUT_FILE, corpus)):
        if is_heldout(HELDOUT_FILE, i):
            yield line
