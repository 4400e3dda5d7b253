"""Indicators and PAPI dimensions on real phrasings (tests/extractors/cases/*.tsv).

indicators.tsv and dimensions.tsv: each sentence read alone. dimensions_papi_context.tsv: each
sentence read as part of a document that mentions PAPI, where the ordinary wordings of the
dimensions count. A row whose fourth column starts with ``xfail:`` is a known miss (strict: it
fails the day the extractor gets it right, so that the mark is removed).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.indicators import dimension_spans, extract_dimensions, extract_indicators

CASES = Path(__file__).parent / "cases"
RAW = Path(__file__).parents[2] / "data" / "raw"


def _rows(name: str) -> list:
    with (CASES / name).open(encoding="utf-8") as handle:
        rows = [
            row
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if row and not row[0].startswith("#")
        ]
    params = []
    for row in rows:
        text, expected, source = row[:3]
        reason = row[3] if len(row) > 3 else ""
        marks = (
            [pytest.mark.xfail(reason=reason[6:].strip(), strict=True)] if reason.startswith("xfail:") else []
        )
        params.append(pytest.param(text, expected, source, marks=marks))
    return params


def _counts(expected: str) -> dict[str, int]:
    return {code: int(n) for code, n in (item.split(":") for item in expected.split(";") if item)}


def _span_counts(spans: list[tuple[str, int, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code, _, _ in spans:
        counts[code] = counts.get(code, 0) + 1
    return counts


@pytest.mark.parametrize(("text", "expected", "source"), _rows("indicators.tsv"))
def test_indicators_counts_each_index_once_per_mention(text: str, expected: str, source: str) -> None:
    found = {i.code: i.mentions for i in extract_indicators(text)}
    assert found == _counts(expected), source


@pytest.mark.parametrize(("text", "expected", "source"), _rows("dimensions.tsv"))
def test_dimensions_need_papi_context_or_distinctive_wording(text: str, expected: str, source: str) -> None:
    found = {d.code: d.mentions for d in extract_dimensions(text)}
    assert found == _counts(expected), source


@pytest.mark.parametrize(("text", "expected", "source"), _rows("dimensions_papi_context.tsv"))
def test_dimensions_in_a_papi_document(text: str, expected: str, source: str) -> None:
    assert _span_counts(dimension_spans(text, papi_context=True)) == _counts(expected), source


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
