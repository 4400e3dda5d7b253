"""Indicators and PAPI dimensions on real phrasings (tests/extractors/cases/{indicators,dimensions}.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.indicators import extract_dimensions, extract_indicators

CASES = Path(__file__).parent / "cases"
RAW = Path(__file__).parents[2] / "data" / "raw"


def _rows(name: str) -> list[list[str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def _counts(expected: str) -> dict[str, int]:
    return {code: int(n) for code, n in (item.split(":") for item in expected.split(";") if item)}


@pytest.mark.parametrize(("text", "expected", "source"), _rows("indicators.tsv"))
def test_indicators_counts_each_index_once_per_mention(text: str, expected: str, source: str) -> None:
    found = {i.code: i.mentions for i in extract_indicators(text)}
    assert found == _counts(expected), source


@pytest.mark.parametrize(("text", "expected", "source"), _rows("dimensions.tsv"))
def test_dimensions_need_papi_context_or_distinctive_wording(text: str, expected: str, source: str) -> None:
    found = {d.code: d.mentions for d in extract_dimensions(text)}
    assert found == _counts(expected), source


def test_dimensions_carry_canonical_names() -> None:
    dimensions = extract_dimensions("Chỉ số PAPI, trục nội dung “Cung ứng dịch vụ công”")
    assert [(d.indicator, d.code, d.name) for d in dimensions] == [
        ("PAPI", "PAPI-6", "Cung ứng dịch vụ công")
    ]


@pytest.mark.parametrize(
    ("seed", "indicators", "dimensions"),
    [
        ("ke-hoach-mn-hoa-lu-papi-2024.txt", {"PAPI"}, {f"PAPI-{n}" for n in range(1, 9)}),
        (
            "ke-hoach-phuong-van-phuc-papi-2021-2025.txt",
            {"PAPI", "PAR_INDEX", "SIPAS"},
            {f"PAPI-{n}" for n in range(1, 9)},
        ),
        (
            "ke-hoach-th-nguyen-binh-khiem-par-index-2025.md",
            {"PAR_INDEX", "SIPAS", "PCI", "DTI", "DDCI"},
            set(),
        ),
        ("tin-tphcm-cai-thien-papi-2024.md", {"PAPI"}, set()),
    ],
)
def test_seed_plans_indicators_and_dimensions_match_gold(seed: str, indicators: set, dimensions: set) -> None:
    text = (RAW / seed).read_text(encoding="utf-8")
    assert {i.code for i in extract_indicators(text)} == indicators
    assert {d.code for d in extract_dimensions(text)} == dimensions
