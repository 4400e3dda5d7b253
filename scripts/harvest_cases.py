"""Propose test cases for the citation, date and period extractors from the real Vietnamese corpus.

Reads ../shared/corpus/legal_docs.txt.xz (dev machines only; nothing at run time reads it),
picks paragraphs that contain a document number, a date or a period, cuts a window around each
hit and writes candidate rows with the extractor's *proposal* in a column of its own:

    .venv/bin/python scripts/harvest_cases.py citations --limit 80 --seed 3 > /tmp/citation_candidates.tsv

The proposal is only a starting point: a person checks each row by eye against the rules of the
SPEC and writes the expected values into ``tests/extractors/cases/*.tsv``. Copying proposals
unreviewed would make the tests a tautology.
"""

from __future__ import annotations

import argparse
import lzma
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from extractors.citations import extract_citations
from extractors.dates import DATE_PATTERN, extract_dates
from extractors.periods import PERIOD_PATTERN, extract_periods
from kehoach.repair.corpus import CORPUS as CORPUS_DIR

CORPUS = CORPUS_DIR / "legal_docs.txt.xz"
_NUMBER_HINT = re.compile(r"\d{1,5}(?:/(?:19|20)\d{2})?[/-][A-ZĐ]")
_WINDOW = 160


def _paragraphs(path: Path) -> list[str]:
    with lzma.open(path, "rt", encoding="utf-8") as corpus:
        return [line.rstrip("\n") for line in corpus if line.strip()]


def _windows(paragraph: str, pattern: re.Pattern[str]) -> Iterator[str]:
    """A sentence-sized window around each hit, cut at sentence boundaries where possible."""
    for match in pattern.finditer(paragraph):
        start = max(0, match.start() - _WINDOW)
        end = min(len(paragraph), match.end() + _WINDOW)
        left = paragraph.rfind(". ", start, match.start())
        right = paragraph.find("; ", match.end(), end)
        yield paragraph[left + 2 if left >= 0 else start : right + 1 if right >= 0 else end].replace(
            "\t", " "
        )


def _propose(kind: str, text: str) -> str:
    if kind == "citations":
        return " || ".join(
            f"{c.doc_type}|{c.number}|{c.issued_on}|{c.issuer}|{(c.subject or '')[:40]}"
            for c in extract_citations(text)
        )
    if kind == "dates":
        return " || ".join(f"{d.text}|{d.date}|{d.precision}|{d.role}" for d in extract_dates(text))
    return " || ".join(f"{p.text}|{p.from_year}|{p.to_year}" for p in extract_periods(text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["citations", "dates", "periods"])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    pattern = {"citations": _NUMBER_HINT, "dates": DATE_PATTERN, "periods": PERIOD_PATTERN}[args.kind]
    paragraphs = [p for p in _paragraphs(args.corpus) if pattern.search(p)]
    random.Random(args.seed).shuffle(paragraphs)
    seen: set[str] = set()
    writer = sys.stdout
    writer.write("text\tproposal\n")
    for paragraph in paragraphs:
        for window in _windows(paragraph, pattern):
            if window in seen:
                continue
            seen.add(window)
            writer.write(f"{window}\t{_propose(args.kind, window)}\n")
            if len(seen) >= args.limit:
                return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
