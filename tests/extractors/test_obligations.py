"""Obligations: action items of task sections and tables, with deadline, frequency, recipient, via, owner."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.obligations import extract_obligations

CASES = Path(__file__).parent / "cases"
RAW = Path(__file__).parents[2] / "data" / "raw"
TASK_HEADING = "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"


def _rows(name: str) -> list[list[str]]:
    with (CASES / name).open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def _seed(name: str) -> str:
    return (RAW / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("item", "deadline", "frequency", "recipient", "via", "responsible", "source"), _rows("obligations.tsv")
)
def test_obligations_attributes_of_one_item(
    item: str, deadline: str, frequency: str, recipient: str, via: str, responsible: str, source: str
) -> None:
    (obligation,) = extract_obligations(TASK_HEADING + item)
    found = (
        obligation.deadline or "",
        obligation.frequency or "",
        obligation.recipient or "",
        obligation.via or "",
        obligation.responsible or "",
    )
    assert found == (deadline, frequency, recipient, via, responsible), source
    assert obligation.section == "II"


def test_obligations_hoa_lu_report_due_2024_11_10() -> None:
    text = _seed("ke-hoach-mn-hoa-lu-papi-2024.txt")
    due = [o for o in extract_obligations(text) if o.deadline == "2024-11-10"]
    assert len(due) == 1
    (obligation,) = due
    assert (obligation.deadline_precision, obligation.recipient, obligation.via, obligation.section) == (
        "day",
        "Ủy ban nhân dân Quận 1",
        "Phòng Nội vụ",
        "V",
    )
    assert obligation.action.startswith("Thực hiện báo cáo trước ngày 10 tháng 11 năm 2024")
    assert text[obligation.start : obligation.end] == obligation.action


def test_obligations_hoa_lu_frequencies_and_bare_district_resolved() -> None:
    obligations = extract_obligations(_seed("ke-hoach-mn-hoa-lu-papi-2024.txt"))

    def starting(prefix: str):
        return next(o for o in obligations if o.action.startswith(prefix))

    assert starting("Định kỳ hàng quý, thực hiện rà soát").frequency == "quarterly"
    annual_report = starting("Hàng năm, báo cáo Ủy ban nhân dân quận")
    assert (annual_report.frequency, annual_report.recipient) == ("annual", "Ủy ban nhân dân Quận 1")
    assert not any(o.action.startswith("Bà ") for o in obligations)  # the list of assignees is no task


def test_obligations_nguyen_binh_khiem_due_2025_05_30() -> None:
    due = [
        o for o in extract_obligations(_seed("ke-hoach-th-nguyen-binh-khiem-par-index-2025.md")) if o.deadline
    ]
    assert [(o.deadline, o.recipient, o.via, o.section, o.indicator) for o in due] == [
        ("2025-05-30", "Ủy ban nhân dân Quận 1", "Phòng Nội vụ", "III", "PAR_INDEX")
    ]


def test_obligations_van_phuc_heading_owns_its_bullets_and_dimension_tags() -> None:
    obligations = extract_obligations(_seed("ke-hoach-phuong-van-phuc-papi-2021-2025.txt"))
    report = next(o for o in obligations if o.action.startswith("Tham mưu theo dõi, đôn đốc"))
    assert (report.responsible, report.recipient, report.frequency) == (
        "Văn phòng Ủy ban nhân dân phường",
        "Ủy ban nhân dân quận Hà Đông",
        None,
    )
    environment = next(o for o in obligations if o.action.startswith("Tăng cường quản lý nhà nước về bảo vệ"))
    assert environment.indicator == "PAPI-7"
    assert not any(o.section == "I" for o in obligations)  # MỤC ĐÍCH, YÊU CẦU holds no tasks


def test_obligations_one_per_sentence_of_an_item() -> None:
    text = TASK_HEADING + "- Tham mưu tổng hợp kết quả, báo cáo UBND quận. Tham mưu khen thưởng hàng năm.\n"
    first, second = extract_obligations(text)
    assert (first.frequency, first.recipient, second.frequency) == (None, "Ủy ban nhân dân quận", "annual")
    assert (
        first.text
        == second.text
        == "Tham mưu tổng hợp kết quả, báo cáo UBND quận. Tham mưu khen thưởng hàng năm."
    )


def test_obligations_line_broken_by_export_is_one_item() -> None:
    text = (
        TASK_HEADING + "- Định kỳ hàng quý, thực hiện rà soát kết quả thực hiện \nKế hoạch của quận đề ra.\n"
    )
    (obligation,) = extract_obligations(text)
    assert (
        obligation.action == "Định kỳ hàng quý, thực hiện rà soát kết quả thực hiện Kế hoạch của quận đề ra."
    )


def test_obligations_table_rows() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "STT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành\n"
        "1 | Xây dựng kế hoạch cải thiện Chỉ số PAPI | Phòng Nội vụ | Trước ngày 30/6/2025\n"
        "2 | Báo cáo kết quả thực hiện | UBND phường | Hàng quý\n"
        "3 | Tổng kết, đánh giá | Văn phòng UBND quận | Tháng 12/2025\n"
    )
    rows = [
        (o.action, o.responsible, o.deadline, o.deadline_precision, o.frequency)
        for o in extract_obligations(text)
    ]
    assert rows == [
        ("Xây dựng kế hoạch cải thiện Chỉ số PAPI", "Phòng Nội vụ", "2025-06-30", "day", None),
        ("Báo cáo kết quả thực hiện", "Ủy ban nhân dân phường", None, None, "quarterly"),
        ("Tổng kết, đánh giá", "Văn phòng Ủy ban nhân dân quận", "2025-12", "month", None),
    ]


def test_obligations_news_article_without_task_sections_gives_none_with_attributes() -> None:
    obligations = extract_obligations(_seed("tin-tphcm-cai-thien-papi-2024.md"))
    assert not [o for o in obligations if o.deadline or o.frequency or o.recipient]


def test_obligations_heading_behind_word_bookmark_is_still_a_heading() -> None:
    text = (
        "[bookmark: muc_3]III. TỔ CHỨC THỰC HIỆN\n"
        "[bookmark: b1]2. Văn phòng UBND phường\n"
        "- Tham mưu tổng hợp tình hình, báo cáo UBND quận Hà Đông.\n"
    )
    (obligation,) = extract_obligations(text)
    assert (obligation.responsible, obligation.recipient, obligation.section) == (
        "Văn phòng Ủy ban nhân dân phường",
        "Ủy ban nhân dân quận Hà Đông",
        "III",
    )
