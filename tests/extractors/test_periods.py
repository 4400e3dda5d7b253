"""Period extractor: real phrasings (cases/periods.tsv) and the rules that reject non-periods."""

from __future__ import annotations

import pytest
from case_tables import load_cases

from extractors.periods import extract_periods


@pytest.mark.parametrize("case", load_cases("periods.tsv"))
def test_periods_real_phrasings(case: dict[str, str]) -> None:
    periods = extract_periods(case["text"])
    if not case["period_text"]:
        assert periods == []
        return
    found = {p.text: p for p in periods}
    assert case["period_text"] in found, f"{case['period_text']!r} not in {list(found)}"
    period = found[case["period_text"]]
    assert (period.from_year, period.to_year) == (int(case["from_year"]), int(case["to_year"]))
    assert case["text"][period.start : period.end] == period.text


@pytest.mark.parametrize("text", ["2025-2021", "1990-2050", "trang 2021-2022-2023", "04-8-2021"])
def test_periods_backwards_too_long_or_part_of_a_longer_number_rejected(text: str) -> None:
    assert extract_periods(text) == []


def test_periods_repeats_are_each_reported_with_offsets() -> None:
    text = "giai đoạn 2021-2025; tổng kết giai đoạn 2021-2025."
    assert [(p.start, p.end) for p in extract_periods(text)] == [(0, 19), (30, 49)]
