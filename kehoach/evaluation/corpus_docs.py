"""Held-out documents that may not be committed, rebuilt from the corpus by line range.

The news articles of ``tests/heldout14`` come from ``baomoi_news.txt.xz``, whose text may be used for
statistics but not copied into the project (``../shared/corpus/README.md``). Such a set commits its gold
and a ``corpus_lines.tsv`` (stem, corpus file, first line, end line: 0-based, end excluded, counted over
every line of the decompressed file); its ``docs/`` folder is written from the corpus where the corpus
exists (development machines and CI) and is ignored by git.
"""

from __future__ import annotations

import lzma
from pathlib import Path

from kehoach.repair.corpus import CORPUS

SOURCES_FILE = "corpus_lines.tsv"


def corpus_sources(set_dir: Path) -> list[tuple[str, str, int, int]]:
    """``(stem, corpus file, start, end)`` of each document of a set rebuilt from the corpus; [] if none."""
    path = set_dir / SOURCES_FILE
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stem, name, start, end = line.split("\t")
            rows.append((stem, name, int(start), int(end)))
    return rows


def write_corpus_docs(set_dir: Path, docs_dir: Path, corpus: Path = CORPUS) -> list[Path]:
    """Write each document of ``set_dir``'s ``corpus_lines.tsv`` into ``docs_dir``; the paths written.

    Raises FileNotFoundError when a corpus file is missing (the caller decides to skip).
    """
    by_file: dict[str, list[tuple[str, int, int]]] = {}
    for stem, name, start, end in corpus_sources(set_dir):
        by_file.setdefault(name, []).append((stem, start, end))
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, wanted in by_file.items():
        last = max(end for _, _, end in wanted)
        lines: list[str] = []
        with lzma.open(corpus / name, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh):
                if number >= last:
                    break
                lines.append(line.rstrip("\n"))
        for stem, start, end in wanted:
            path = docs_dir / f"{stem}.txt"
            path.write_text("\n".join(lines[start:end]) + "\n", encoding="utf-8")
            written.append(path)
    return written
