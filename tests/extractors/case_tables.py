"""Reading the LexNLP-style case tables in ``tests/extractors/cases/`` (tab-separated, ``#`` comments)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list:
    """Rows of a case table (header row; ``#`` lines are comments) as pytest params of dicts."""
    with (CASES / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [pytest.param(row, id=f"row{index:03d}") for index, row in enumerate(rows, start=1)]
