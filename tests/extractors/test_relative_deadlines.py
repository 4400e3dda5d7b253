"""Relative deadlines: real phrasings (cases/relative_deadlines.tsv) and how obligations carry them."""

from __future__ import annotations

import pytest
from case_tables import load_cases

from extractors import extract_all
from extractors.relative_deadlines import find_relative_deadline


@pytest.mark.parametrize("case", load_cases("relative_deadlines.tsv"))
def test_relative_deadlines_real_phrasings(case: dict[str, str]) -> None:
    assert find_relative_deadline(case["text"]) == (case["phrase"] or None)


PLAN = """III. TỔ CHỨC THỰC HIỆN
1. Phòng Nội vụ
- Chậm nhất 01 tháng kể từ khi có kết quả Chỉ số PAPI năm 2024, tổng hợp báo cáo UBND Quận (qua Phòng Nội vụ).
- Hoàn thành việc rà soát trước ngày 15/12/2025, báo cáo kết quả về UBND Quận trong vòng 05 ngày kể từ ngày hoàn thành.
"""


def test_obligation_keeps_the_relative_deadline_when_no_date_is_given() -> None:
    first, second = extract_all(PLAN).obligations
    assert first.deadline is None
    assert first.deadline_relative == "Chậm nhất 01 tháng kể từ khi có kết quả Chỉ số PAPI năm 2024"
    assert first.recipient == "Ủy ban nhân dân Quận"
    # An absolute deadline wins: the obligation is due on a date, the span only describes the report.
    assert (second.deadline, second.deadline_relative) == ("2025-12-15", None)
